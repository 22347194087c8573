import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex, articleLevelState } from '../../src/knowledge/search-index.ts';

const sentences = [
  { article: 'a', text: 'Tajikistan has activated 20,000 reservists to bolster the border.' },
  { article: 'a', text: 'The reservists will patrol the border for a month.' },
  { article: 'b', text: 'The harbour ferry will stop running in December, the council said.' },
  { article: 'b', text: 'Ferry passengers complained about the timetable.' },
  { article: 'c', text: 'The council approved a leaner budget for the border towns.' },
];

/** The same articles indexed directly, one document per article (its sentences joined). */
const direct = (docs: { article: string; text: string }[]) => {
  const ids = [...new Set(docs.map((d) => d.article))];
  return new SearchIndex(
    ids.map((id) => ({
      article: id,
      text: docs
        .filter((d) => d.article === id)
        .map((d) => d.text)
        .join(' '),
    })),
    (d) => d,
  );
};

const merged = (docs: { article: string; text: string }[]) => {
  const bySentence = new SearchIndex(docs, (d) => d);
  const state = articleLevelState(bySentence.toState());
  const items = state.articleIds.map((id) => ({ article: id, text: '' }));
  return new SearchIndex(items, (d) => d, {}, state, bySentence as SearchIndex<unknown>);
};

const ranking = (index: SearchIndex<{ article: string; text: string }>, query: string) =>
  index.search(query, { rerank: false }).map((h) => [h.item.article, h.coverage.toFixed(6)]);

describe('article-level index from a sentence index', () => {
  it('ranks whole articles as an index built over whole articles does', () => {
    for (const query of ['reservists border', 'ferry council', 'budget border towns', 'ferri timetabel'])
      expect(ranking(merged(sentences), query)).toEqual(ranking(direct(sentences), query));
  });

  it('covers an article by words from different sentences of it', () => {
    const hits = merged(sentences).search('reservists patrol Tajikistan', { rerank: false });
    expect(hits[0]?.item.article).toBe('a');
    expect(hits[0]?.coverage).toBeCloseTo(1);
  });

  it('holds the same postings as a direct build, for any articles', () => {
    const word = fc.constantFrom('border', 'ferry', 'council', 'budget', 'reservists', 'harbour', 'patrol');
    const doc = fc.record({
      article: fc.constantFrom('x', 'y', 'z'),
      text: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
    });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 12 }), (docs) => {
        // Documents of one article are consecutive in a knowledge base (article order).
        const ordered = [...docs].sort((p, q) =>
          p.article < q.article ? -1 : p.article > q.article ? 1 : 0,
        );
        for (const query of ['border ferry', 'council budget reservists', 'harbour'])
          expect(ranking(merged(ordered), query)).toEqual(ranking(direct(ordered), query));
      }),
    );
  });
});
