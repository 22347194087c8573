import { describe, expect, it } from 'vitest';
import { whoSaid } from '../../src/answers/who-said.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const waterPrices = extractKnowledge(
  makeArticle(
    [
      'The Tarrow Water board raised its prices by 12 percent on Tuesday.',
      'Board chair Ottilie Marchbank defended the rise. "The pipes are older than any of us," Marchbank said. "You would do the same."',
      '"It was never going to be popular," said the board’s treasurer, Emrys Dunmore.',
    ],
    {},
    'water-prices',
  ),
);
const kb = buildKnowledgeBase([waterPrices]);

describe('/who-said for a short follow-on quote made of common words', () => {
  it('names the speaker of "You would do the same." by its whole text', () => {
    const answer = whoSaid(kb, 'You would do the same.');
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.results[0]).toMatchObject({
      kind: 'quote',
      speaker: 'Ottilie Marchbank',
      citation: { paragraph: 2 },
    });
  });

  it('matches the whole quote regardless of apostrophe style and marks', () => {
    const answer = whoSaid(kb, '“you would DO the same”');
    expect(answer.ok && answer.results[0]?.speaker).toBe('Ottilie Marchbank');
  });

  it('keeps to the article asked for when two articles hold the same words', () => {
    const ferry = extractKnowledge(
      makeArticle(
        ['The ferry operator cut two crossings.', '"You would do the same," said skipper Hallam Fenby.'],
        {},
        'ferry-cuts',
      ),
    );
    const both = buildKnowledgeBase([waterPrices, ferry]);
    const everywhere = whoSaid(both, 'You would do the same.');
    expect(everywhere.ok && everywhere.results.map((r) => r.speaker)).toEqual(
      expect.arrayContaining(['Ottilie Marchbank', 'Hallam Fenby']),
    );
    const scoped = whoSaid(both, 'You would do the same.', 'ferry-cuts');
    expect(scoped.ok && scoped.results.map((r) => r.speaker)).toEqual(['Hallam Fenby']);
  });

  it('still asks for words when common words are only part of a quote', () => {
    expect(whoSaid(kb, 'you would do')).toMatchObject({ ok: false });
  });
});
