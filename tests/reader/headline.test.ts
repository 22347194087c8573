import { describe, expect, it } from 'vitest';
import { readings } from '../../src/reader/read.ts';
import { FEATURES } from '../../src/reader/features.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';
import { headlineTerms, pronounSubject, withTopic } from '../../src/reader/headline.ts';
import { stem } from '../../src/text/match.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const paragraphs = [
  'Foot passengers crossing the Hollin Sound will pay £3.10 from June, up from £2.60, the operator said.',
  'The crossing takes 25 minutes and runs every hour between Brae and Kilnock.',
  'Foot passengers can buy tickets on board or at the pier office in Brae.',
];
const ferry = makeArticle(paragraphs, { title: 'Hollin Sound ferry fare to rise' }, 'ferry-fare');
const coverage = FEATURES.indexOf('sentence coverage of the question');

describe('the headline read with the lead', () => {
  it('takes the title words', () => {
    expect(headlineTerms(ferry).has(stem('fare'))).toBe(true);
  });

  it('finds a question word only the headline has in the lead, not in later paragraphs', () => {
    const read = readings([ferry], analyzeQuestion('how much will the fare be for foot passengers'));
    const lead = read.find((r) => r.paragraph === 0);
    const later = read.find((r) => r.paragraph === 2);
    expect(lead?.features[coverage]).toBeGreaterThan(later?.features[coverage] ?? 1);
  });
});

describe('a question about "it", asked of one article', () => {
  it('reads "it" as the headline topic', () => {
    const q = withTopic(analyzeQuestion('when will it go up'), ferry);
    expect(q.terms).toContain(stem('fare'));
    expect(q.type).toBe('date');
  });

  it('leaves questions with words of their own, and archive-wide ones, as they are', () => {
    expect(withTopic(analyzeQuestion('how long does the crossing take'), ferry).terms).not.toContain(
      stem('fare'),
    );
    expect(withTopic(analyzeQuestion('when will it go up'), undefined).terms).toEqual(
      analyzeQuestion('when will it go up').terms,
    );
    expect(withTopic(analyzeQuestion('is it'), ferry).terms).toEqual([]);
    expect(withTopic(analyzeQuestion('who is who'), ferry).terms).toEqual([]);
  });
});

describe('a question that stands on a pronoun', () => {
  const subject = (q: string): string | null => pronounSubject(analyzeQuestion(q));

  it('is read when the question names nothing but asks a measure or a verb of it', () => {
    expect(subject('how old is she')).toBe('she');
    expect(subject('who bought them')).toBe('them');
    expect(subject('When was it taken?')).toBe('it');
    expect(subject('where does she live')).toBe('she');
  });

  it('is not read when the question names its subject', () => {
    expect(subject('how much did she pay for the house')).toBeNull();
    expect(subject('how old is Marrow')).toBeNull();
    expect(subject('how old is the lighthouse')).toBeNull();
  });
});
