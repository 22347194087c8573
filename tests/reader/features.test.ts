import { describe, expect, it } from 'vitest';
import { answerCandidates, confidence, MODEL } from '../../src/reader/read.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const club = makeArticle(
  [
    'The Brackwater rowing club has been awarded $40,000 by the city council to replace its boathouse roof.',
    'Volunteers have helped the club with repairs since the floods.',
    'Work on the roof starts in May.',
  ],
  {},
  'rowing-club',
);

describe('reading a paragraph for the /ask model', () => {
  it('takes a sum in the sentence as the "money" a question asks for, without the word', () => {
    const ranked = answerCandidates([club], analyzeQuestion('How much money did the rowing club get?'));
    expect(ranked[0]?.paragraph).toBe(0);
    expect(ranked[0]?.span?.text).toContain('$40,000');
  });

  it('answers it rather than saying the article does not say', () => {
    const ranked = answerCandidates([club], analyzeQuestion('How much money did the rowing club get?'));
    expect(confidence(ranked)).toBeGreaterThanOrEqual(MODEL.threshold);
  });
});
