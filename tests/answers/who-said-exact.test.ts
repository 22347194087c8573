import { describe, expect, it } from 'vitest';
import { whoSaid } from '../../src/answers/who-said.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const kb = buildKnowledgeBase([
  extractKnowledge(
    makeArticle(
      [
        'The Tarrow Water board raised its prices by 12 percent on Tuesday.',
        'Board chair Ottilie Marchbank defended the rise. "The pipes are older than any of us," Marchbank said. "You would do the same."',
        '"It was never going to be popular," said the board’s treasurer, Emrys Dunmore.',
      ],
      {},
      'water-prices',
    ),
  ),
]);

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

  it('still asks for words when common words are only part of a quote', () => {
    expect(whoSaid(kb, 'you would do')).toMatchObject({ ok: false });
  });
});
