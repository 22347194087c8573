import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { looksLikeTerm } from '../../src/knowledge/quotes.ts';
import { makeArticle } from './make-article.ts';

const textsOf = (paragraphs: string[]): string[] =>
  extractKnowledge(makeArticle(paragraphs)).quotes.map((q) => q.text);

describe('words mentioned, not said', () => {
  it('drops a quoted term after "the term", "the phrase" or "the hashtag"', () => {
    const texts = textsOf([
      'Professor Ilse Brandt writes that the phrase "ordinary residence of the family" was never defined by the court.',
      'The hashtag "#bring back the night buses" trended for two days in the city.',
    ]);
    expect(texts).toEqual([]);
  });

  it('drops a nickname and a title introduced as such', () => {
    const texts = textsOf([
      'Tomas Reyes, nicknamed the "Lion of the Northern Valley," was buried on Friday.',
      'She gave a talk titled "Why the River Keeps Moving Every Single Year" at the library.',
    ]);
    expect(texts).toEqual([]);
  });

  it('keeps a fragment a person is reported as saying', () => {
    const texts = textsOf(['Mayor Ilse Brandt called the plan "a gift to the developers" on Monday.']);
    expect(texts).toEqual(['a gift to the developers']);
  });

  it('reads a short title-case run ending a list as a title', () => {
    expect(looksLikeTerm('Underwater Basket Weaving.')).toBe(true);
    expect(looksLikeTerm('We Will Win.')).toBe(true);
    expect(looksLikeTerm('we will win this fight.')).toBe(false);
  });
});
