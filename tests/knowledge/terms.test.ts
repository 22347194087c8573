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

describe('words on signs, given names and glosses', () => {
  it('drops the words on a sign or a banner', () => {
    const texts = textsOf([
      'Outside the town hall, parents held signs reading "hands off our swimming pool" for most of the morning.',
      'The bakery window still has a sign calling it "the best rye bread in the whole valley."',
    ]);
    expect(texts).toEqual([]);
  });

  it('drops a name given with "call … the" or "known as the"', () => {
    const texts = textsOf([
      'Ines Varga, whom her teammates call "the Wall", saved two penalties on Sunday.',
      'The old tram, which drivers know as the "Green Lady," will be retired in June.',
    ]);
    expect(texts).toEqual([]);
  });

  it('drops a gloss after "means"', () => {
    const texts = textsOf([
      'The village takes its name from a word that means "the place where cattle cross the river" in the old dialect.',
    ]);
    expect(texts).toEqual([]);
  });

  it('keeps words a person is reported as calling something', () => {
    const texts = textsOf([
      'Coach Ines Varga called the referee\'s decision "a disgrace to the sport" on Sunday.',
    ]);
    expect(texts).toEqual(['a disgrace to the sport']);
  });
});

describe('titles set off by commas', () => {
  it('drops a title-case album or report name followed by the comma of its appositive', () => {
    const texts = textsOf([
      'Her second album, "Night Trains to Carrow Bay," was recorded in a single weekend in a church hall.',
    ]);
    expect(texts).toEqual([]);
  });

  it('still treats a two-word sentence as speech', () => {
    expect(looksLikeTerm("Wouldn't you?")).toBe(false);
    expect(looksLikeTerm('Jeopardy!')).toBe(true);
  });
});

describe('scare quotes used as modifiers', () => {
  it('drops a quoted modifier between a determiner and its noun', () => {
    const texts = textsOf([
      '"We expect the buses to be full," Mayor Ana Ruiz said. The new "pay as you go" fares start in May.',
      'A "zero tolerance" rule on fare dodging will apply, and last year\'s "temporary" ban stays.',
    ]);
    expect(texts).toEqual(['We expect the buses to be full']);
  });

  it('keeps a modifier that a speech or framing verb before it reports', () => {
    const texts = textsOf(['Minister Li Wei described it as an "emerging" threat to the harbour.']);
    expect(texts).toEqual(['emerging']);
  });

  it('keeps a fragment that ends its phrase', () => {
    const texts = textsOf(['Mayor Ana Ruiz called the plan a "gift to developers" and left the room.']);
    expect(texts).toEqual(['gift to developers']);
  });
});
