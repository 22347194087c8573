import { describe, expect, it } from 'vitest';
import { rankParagraphs, root, statsOf } from '../../src/reader/passages.ts';
import { stem } from '../../src/text/match.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const PARAGRAPHS = [
  'The harbour board met on Monday to discuss the ferry timetable.',
  'Engineers inspected the ferry ramp and said the ramp needs repair before winter.',
  'The board said repairs to the ramp would be paid from the harbour fund.',
  'Residents of the island asked for a second ferry during the summer.',
];

describe('paragraph statistics for ranking', () => {
  it('ranks the paragraph that repeats the question words first, then the others by their counts', () => {
    const stats = statsOf(makeArticle(PARAGRAPHS, {}, 'ramp-a'));
    const ranked = rankParagraphs(stats, ['ramp', 'repair'].map(stem));
    expect(ranked.map((r) => r.index).slice(0, 2)).toEqual([1, 2]);
  });

  it('keeps the paragraphs without the question words after the others, in reading order', () => {
    const stats = statsOf(makeArticle(PARAGRAPHS, {}, 'ramp-e'));
    const ranked = rankParagraphs(stats, ['ramp', 'repair'].map(stem));
    expect(ranked.map((r) => r.index)).toEqual([1, 2, 0, 3]);
  });

  it('gives no paragraph when none has any of the question words', () => {
    const stats = statsOf(makeArticle(PARAGRAPHS, {}, 'ramp-f'));
    expect(rankParagraphs(stats, ['volcano', 'eruption'].map(stem))).toEqual([]);
  });

  it('ranks the same whether or not the paragraphs were read before', () => {
    const fresh = statsOf(makeArticle(PARAGRAPHS, {}, 'ramp-b'));
    const read = statsOf(makeArticle(PARAGRAPHS, {}, 'ramp-c'));
    // Reading every paragraph's counts (as the reader's features do) must not change the ranking.
    for (let p = 0; p < read.tf.length; p++) expect(read.tf[p]).toBeInstanceOf(Map);
    const terms = ['ferry', 'repairs', 'harbour', 'island'].map(stem);
    expect(rankParagraphs(fresh, terms)).toEqual(rankParagraphs(read, terms));
  });

  it("counts a paragraph's words and their derivational roots when it is read", () => {
    const stats = statsOf(makeArticle(PARAGRAPHS, {}, 'ramp-d'));
    const counts = stats.tf[1];
    expect(counts?.get(stem('ramp'))).toBe(2);
    expect(counts?.get(root(stem('engineers')))).toBeGreaterThan(0);
    expect(stats.tf).toHaveLength(PARAGRAPHS.length);
    expect(stats.df.get(stem('ferry'))).toBe(3);
  });

  it('counts each paragraph once per word it holds, however often it repeats the word, in long articles too', () => {
    // The word every paragraph holds, the word that two paragraphs repeat, and a word of one.
    const paragraphs = (n: number): string[] =>
      Array.from({ length: n }, (_, i) =>
        i % 2000 === 0
          ? 'The dam holds. The dam still holds, and the dam will hold.'
          : `The dam held on day ${i}.`,
      );
    for (const [n, id] of [
      [6, 'dam-short'],
      [4200, 'dam-long'],
    ] as const) {
      const stats = statsOf(makeArticle(paragraphs(n), {}, id));
      expect(stats.df.get(stem('dam'))).toBe(n);
      expect(stats.df.get(stem('still'))).toBe(Math.ceil(n / 2000));
      expect(stats.df.get(stem('day'))).toBe(n - Math.ceil(n / 2000));
    }
  });
});
