import { describe, expect, it } from 'vitest';
import { matchWeight, statsOf, variantsOf } from '../../src/reader/passages.ts';
import { makeArticle } from '../knowledge/make-article.ts';
import { swaps } from '../../src/reader/swaps.ts';

/** The swaps a question makes of a sentence, a word counting as found as the reader finds it. */
function read(question: string, sentence: string): string[] {
  const own = statsOf(makeArticle([sentence])).sentenceSets[0]?.[0] ?? new Set<string>();
  const found = (t: string): boolean => matchWeight(variantsOf(t), (k) => own.has(k)) > 0;
  return [...swaps(question, sentence, found)].sort();
}

describe('a question that changes one word of a phrase it keeps', () => {
  const ferry = 'The night ferry to Ardholm carried three hundred passengers in March.';

  it('is caught when a figure changes', () => {
    expect(read('When did the night ferry carry four hundred passengers?', ferry)).toEqual(['figure']);
    expect(read('How many passengers did the ferry carry in May?', ferry)).toEqual(['figure']);
  });

  it('is not caught when the figure is the same, written another way', () => {
    expect(
      read('When does the night ferry carry 300 passengers?', 'The night ferry carries 300 passengers.'),
    ).toEqual([]);
    expect(read('Who carried three hundred passengers?', ferry)).toEqual([]);
  });

  it('is caught when a name changes inside a name the question keeps', () => {
    const review = 'Mark Tolland, writing for the Harbour Gazette, gave the play four stars.';
    expect(read('How many stars did John Tolland give the play?', review)).toEqual(['name']);
    expect(read('How many stars did Mark Tolland give the play?', review)).toEqual([]);
  });

  it('is caught when a plain word changes between two it keeps', () => {
    const school = 'The primary schools in the valley closed for the day after the storm.';
    expect(read('Which secondary schools in the valley closed?', school)).toEqual(['word']);
  });

  it('leaves a paraphrase alone when no phrase around the changed word is kept', () => {
    const school = 'The primary schools in the valley closed for the day after the storm.';
    expect(read('Why did classes stop in the valley?', school)).toEqual([]);
    expect(read('Which schools shut after the storm?', school)).toEqual([]);
  });
});

describe('a phrase the question keeps', () => {
  it('ends at a comma: the word before it is not in the question’s slot', () => {
    const sentence = 'Across the valley, schools closed early after the storm.';
    expect(read('When did the mountain schools close early?', sentence)).toEqual([]);
    expect(read('When did the mountain schools close early?', sentence.replace(',', ''))).toEqual(['word']);
  });

  it('may name its head anew: a changed last word after two kept ones is no swap', () => {
    const fire = 'Fire destroyed the rowing club boathouse in April.';
    expect(read('When was the rowing club hut destroyed?', fire)).toEqual([]);
    expect(read('When was the rowing club boathouse destroyed?', fire)).toEqual([]);
    expect(read('When was the sailing club boathouse destroyed?', fire)).toEqual(['word']);
  });
});

describe('another name put to the sentence’s own predicate', () => {
  const cast = 'Imogen Castell also reprised her role as the harbour master in the sequel.';

  it('is caught when the question names someone else who did it', () => {
    expect(read('Petra who reprised her role as the harbour master was in which film?', cast)).toContain(
      'name',
    );
    expect(read('Which film did Oskar Brandt reprise her role as the harbour master in?', cast)).toContain(
      'name',
    );
  });

  it('is not caught when the other name does something else', () => {
    expect(read('Who cast Petra in the sequel?', cast)).toEqual([]);
  });

  it('is not caught when the question keeps the sentence’s name', () => {
    expect(read('In which film did Imogen Castell reprise her role?', cast)).toEqual([]);
  });
});

describe('a generic noun in the question', () => {
  const sale = 'Police were called after a customer tried to sell the lamp for £40 at a market stall.';

  it('refers back to whoever the sentence names: no swap', () => {
    expect(read('How much did the man try to sell the lamp for?', sale)).toEqual([]);
    expect(read('How much did someone try to sell the lamp for?', sale)).toEqual([]);
  });

  it('is not a licence for any other noun', () => {
    expect(read('How much did the dealer try to sell the lamp for?', sale)).toEqual(['word']);
  });
});

describe('a misspelt name', () => {
  const bank = 'The lender Vardenholt opened its first branch in the port in 1998.';

  it('is the same name, not a swap', () => {
    expect(read('When did the lender Vardenhlot open its first branch?', bank)).toEqual([]);
    expect(read('When did the lender Vardenholt open its first branch?', bank)).toEqual([]);
  });

  it('is still a swap when it is another name altogether', () => {
    expect(read('When did the lender Kestrel open its first branch?', bank)).toEqual(['name']);
  });
});

describe('a plain word that is part of a longer one', () => {
  it('names the same thing: no swap', () => {
    const cliffs = 'The nesting seabirds leave the northern cliffs in August.';
    expect(read('When do the nesting birds leave the cliffs?', cliffs)).toEqual([]);
    expect(read('When do the nesting gulls leave the cliffs?', cliffs)).toEqual(['word']);
  });

  it('is a swap when what is added negates it', () => {
    const visit = 'The official visit to the mill was cancelled in June.';
    expect(read('When was the unofficial visit to the mill cancelled?', visit)).toEqual(['word']);
  });
});

describe('an office asked about by its title', () => {
  const talks = 'Health Secretary Maren Oduya said the talks with nurses would resume on Monday.';

  it('is another office when the sentence names another holder of the same title', () => {
    expect(read('who is the education secretary', talks)).toEqual(['word']);
    expect(
      read('What did the new mayor promise?', 'The outgoing mayor, Ilse Brandvik, promised a bus depot.'),
    ).toEqual(['word']);
  });

  it('is another office of the same owner, asked without the apostrophe', () => {
    const pipes = "The council's roads chief, Ilka Romero, said the bridge would reopen in May.";
    expect(read('whos the councils parks chief', pipes)).toEqual(['word']);
    expect(read('whos the councils roads chief', pipes)).toEqual([]);
  });

  it('is the same office asked in lower case', () => {
    expect(read('who is the health secretary', talks)).toEqual([]);
  });

  it('reads a verb before the title as no office', () => {
    expect(read('When did Oduya become secretary?', 'Oduya was named secretary in 2021.')).toEqual([]);
  });
});
