import { describe, expect, it } from 'vitest';
import { summary } from '../../src/answers/summary.ts';
import { parseArticle } from '../../src/article/parse.ts';
import type { Article } from '../../src/article/types.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';

/**
 * /summary stays cheap whatever the article (the ranking is bounded and done once per article),
 * and its points read on their own: no sub-heading as a point, no "he said" whose "he" is in a
 * sentence the summary left out.
 */

function article(id: string, text: string): Article {
  const parsed = parseArticle({ id, file: `${id}.txt`, text });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.article;
}

/** Knowledge without extraction (a huge article's extraction is not what is tested here). */
const bare = (a: Article) => ({ article: a, entities: [], quotes: [], claims: [], facts: [] });

const TOWN = `Town votes to rebuild the flooded library

By Ana Ruiz

The town council voted on Monday to rebuild the library that the river flooded in March.

The library lost most of its books when the river broke its banks after a week of rain.

Council leader Maria Lopes told the meeting the library would reopen within two years. "The library is the heart of this town and the council will rebuild it," she said.

What the council will do with the flooded library next

Builders will start clearing the flooded library in May, and the council will pick a design for the new library in the summer.

The new library will stand on higher ground near the station, away from the river, the council said.

Readers have borrowed books from a bus parked in the square since the flood.
`;

describe('/summary on hostile sizes', () => {
  it('summarises an article of tens of thousands of sentences', () => {
    const body = Array.from({ length: 3000 }, (_, p) =>
      Array.from(
        { length: 10 },
        (_, i) => `The council reviewed budget line ${p}-${i} for roads, schools and the harbour on Monday.`,
      ).join(' '),
    );
    const big = article('huge-budget', `Budget lines\n\n${body.join('\n\n')}\n`);
    const kb = buildKnowledgeBase([bare(big)]);
    const answer = summary(kb, { article: 'huge-budget', length: 'long' });
    expect(answer.ok && answer.results.length).toBeGreaterThan(1);
    // Asked again: the ranking is reused, the answer the same.
    expect(summary(kb, { article: 'huge-budget', length: 'long' })).toEqual(answer);
  }, 20_000);

  it('gives each article its lead when none is named, even with many large ones loaded', () => {
    const many: Article[] = Array.from({ length: 12 }, (_, k) =>
      article(
        `report-${k}`,
        `Report ${k}\n\n${Array.from({ length: 3000 }, (_, i) => `Item ${i} of report ${k} was checked by the auditors on Friday.`).join(' ')}\n`,
      ),
    );
    const kb = buildKnowledgeBase(many.map(bare));
    const answer = summary(kb, {});
    expect(answer.ok && answer.results.map((r) => r.citation?.article)).toEqual(
      many.slice(0, 10).map((a) => a.id),
    );
    expect(answer.ok && answer.results.every((r) => /^Item 0 of report/.test(r.text))).toBe(true);
  }, 20_000);
});

describe('/summary points read on their own', () => {
  let kb: KnowledgeBase;
  const points = (length: string): string[] => {
    kb ??= buildKnowledgeBase([extractKnowledge(article('library', TOWN))]);
    const answer = summary(kb, { article: 'library', length });
    return answer.ok ? answer.results.map((r) => r.text) : [];
  };

  it('never makes a sub-heading a point', () => {
    for (const length of ['short', 'medium', 'long'])
      expect(points(length)).not.toContain('What the council will do with the flooded library next');
  });

  it('keeps a "…, she said" sentence only right after the sentence naming her', () => {
    for (const length of ['short', 'medium', 'long']) {
      const list = points(length);
      const at = list.findIndex((t) => /\bshe said\b/.test(t));
      if (at >= 0) expect(list[at - 1]).toMatch(/Maria Lopes/);
    }
  });
});
