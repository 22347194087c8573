import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { findQuoteMarks, looksLikeTerm } from '../../src/knowledge/quotes.ts';
import type { Quote } from '../../src/knowledge/types.ts';
import { HARBOUR_DISPUTE } from '../fixtures/knowledge/harbour-dispute.ts';
import { makeArticle } from './make-article.ts';

function quotesOf(paragraphs: string[]): Quote[] {
  return extractKnowledge(makeArticle(paragraphs, { published: '2024-03-14' })).quotes;
}

describe('quotation marks', () => {
  it('treats word-internal and possessive apostrophes as apostrophes, not quotes', () => {
    const marks = findQuoteMarks("We’ll see the Taliban's plans and the officials’ answer, he said.");
    expect(marks).toEqual([]);
  });

  it('finds single-quoted speech outside double quotes', () => {
    const text = "He called it 'a gift to the insurers' and left.";
    const [m] = findQuoteMarks(text);
    expect(m && text.slice(m.innerStart, m.innerEnd)).toBe('a gift to the insurers');
  });

  it('leaves a quotation open at the paragraph end', () => {
    const marks = findQuoteMarks('“One,” he said. “Two and three');
    expect(marks.map((m) => m.closed)).toEqual([true, false]);
  });

  it('classes short and title-case quotations as terms', () => {
    expect(looksLikeTerm('wins')).toBe(true);
    expect(looksLikeTerm('Translate Website')).toBe(true);
    expect(looksLikeTerm('The Lord of the Rings')).toBe(true);
    expect(looksLikeTerm('we will build it this year')).toBe(false);
  });
});

describe('quote attribution on an invented article', () => {
  const quotes = quotesOf(HARBOUR_DISPUTE);
  const inPara = (n: number): Quote[] => quotes.filter((q) => q.span.citation.paragraph === n);

  it('attributes a quote before its attribution to the speaker, not to the person the quote names', () => {
    expect(inPara(2)[0]).toMatchObject({ speaker: 'John Smith', rule: 'trailing' });
  });

  it('keeps two people who share a surname apart', () => {
    expect(inPara(3)[0]).toMatchObject({ speaker: 'Mary Smith', rule: 'leading' });
    const k = extractKnowledge(makeArticle(HARBOUR_DISPUTE));
    const smiths = k.entities.filter((e) => e.name.endsWith('Smith'));
    expect(smiths.map((e) => e.name).sort()).toEqual(['John Smith', 'Mary Smith']);
  });

  it('attributes “she said” to the subject of the previous sentence, not to the nearest place name', () => {
    expect(inPara(4)[0]).toMatchObject({ speaker: 'Elena Vasquez', rule: 'trailing', verb: 'said' });
  });

  it('joins a quotation that runs into the next paragraph and lists both paragraphs', () => {
    const q = inPara(5)[1];
    expect(q?.paragraphs).toEqual([5, 6]);
    expect(q?.speaker).toBe('Elena Vasquez');
    expect(q?.text).toContain('If the wall fails');
    expect(inPara(6)).toEqual([]);
  });

  it('attributes with "according to"', () => {
    expect(inPara(7)[0]).toMatchObject({ speaker: 'Tomas Berg', rule: 'according-to', partial: true });
  });

  it('attributes an inverted "said the spokesman, NAME"', () => {
    expect(inPara(8)[0]).toMatchObject({ speaker: 'Omar Haddad', rule: 'inverted' });
  });

  it('resolves a title reference ("the spokesman said") through the role', () => {
    const q = inPara(9).find((x) => x.text.startsWith('Nobody’s'));
    expect(q).toMatchObject({ speaker: 'Omar Haddad', rule: 'trailing' });
  });

  it('drops scare quotes', () => {
    expect(quotes.some((q) => q.text.startsWith('the Comb'))).toBe(false);
  });

  it('reads a single-quoted partial quote and ignores apostrophes', () => {
    expect(inPara(10).map((q) => [q.text, q.speaker])).toEqual([['a gift to the insurers', 'Ana Kovac']]);
  });

  it('keeps a quote with no attribution unattributed', () => {
    expect(inPara(11)[0]).toMatchObject({ speaker: null, rule: null });
  });

  it('gives the second half of a split quote the same speaker', () => {
    expect(inPara(12).map((q) => [q.speaker, q.rule])).toEqual([
      ['Omar Haddad', 'trailing'],
      ['Omar Haddad', 'split'],
    ]);
  });
});

describe('attribution rules in isolation', () => {
  it('trailing with a pronoun resolves to the previous quote speaker in the paragraph', () => {
    const [a, b] = quotesOf(['“First point,” Laila Ortiz said. “And a second point to make,” she added.']);
    expect([a?.speaker, b?.speaker]).toEqual(['Laila Ortiz', 'Laila Ortiz']);
  });

  it('inverted with a pre-modifier role', () => {
    const [q] = quotesOf(['“The vote is final,” said election commission chairman Pavel Novak.']);
    expect(q?.speaker).toBe('Pavel Novak');
  });

  it('leading with a colon', () => {
    const [q] = quotesOf(['Governor Ruth Adeyemi told reporters: “We expected the floods to come later.”']);
    expect(q).toMatchObject({ speaker: 'Ruth Adeyemi', rule: 'leading' });
  });

  it('same-sentence partial quote with a speech verb and a speaker', () => {
    const [q] = quotesOf(['Senator Hugo Lind said the deal was “distressing” for farmers.']);
    expect(q).toMatchObject({ speaker: 'Hugo Lind', rule: 'same-sentence', partial: true });
  });

  it('a quoted term after "called" is not a quote', () => {
    expect(quotesOf(['The ministry called the raid “terrorism” in a short note.'])).toEqual([]);
  });

  it('previous sentence names the speaker of a bare quote', () => {
    const [q] = quotesOf(['Captain Iris Moreau warned the crews. “Stay in port until the wind drops.”']);
    expect(q).toMatchObject({ speaker: 'Iris Moreau', rule: 'previous-sentence' });
  });

  it('a paragraph of quotation continues the speaker of the paragraph before', () => {
    const qs = quotesOf([
      '“The river is rising,” said hydrologist Kenji Mori.',
      '“It will peak by Friday night.”',
    ]);
    expect(qs[1]).toMatchObject({ speaker: 'Kenji Mori', rule: 'continuation' });
  });

  it('"he said" after a sentence whose subject is not a person stays null', () => {
    const [q] = quotesOf([
      'The report was published by the Tide Institute on Monday. “We saw nothing like it,” he said.',
    ]);
    expect(q?.speaker).toBeNull();
  });

  it('a bare surname shared by two people named in the paragraph goes to the most recently named', () => {
    const qs = quotesOf([
      'Anna Berg met Lars Berg in March. Lars Berg spoke first. “Prices are high,” Berg said.',
    ]);
    expect(qs[0]?.speaker).toBe('Lars Berg');
  });

  it('a bare shared surname with no naming in the paragraph stays null', () => {
    const qs = quotesOf(['Anna Berg and Lars Berg run the farm.', '“Prices are high,” Berg said.']);
    expect(qs[0]?.speaker).toBeNull();
  });

  it('"He vowed ... “merciless”" after an attributed quote goes to that quote\'s speaker', () => {
    const qs = quotesOf([
      'Mayor Paulo Reis opened the bridge. “It is finished,” Reis declared. He vowed that the city would be “relentless” in its upkeep.',
    ]);
    expect(qs.map((q) => [q.text, q.speaker])).toEqual([
      ['It is finished', 'Paulo Reis'],
      ['relentless', 'Paulo Reis'],
    ]);
  });

  it('skips a place after "of" back to the person who spoke', () => {
    const [q] = quotesOf([
      'Senator Alma Frost of Vermont called the bill “a quiet disaster for rural schools.”',
    ]);
    expect(q).toMatchObject({ speaker: 'Alma Frost', rule: 'same-sentence' });
  });

  it('reads a surname the lexicon knows as a common word ("Earnest added")', () => {
    const k = extractKnowledge(
      makeArticle([
        'Press officer Josh Earnest spoke first.',
        'Earnest added that the talks would resume in the spring.',
      ]),
    );
    expect(k.claims.map((c) => c.speaker)).toContain('Josh Earnest');
  });

  it('countries and organisations can speak', () => {
    const k = extractKnowledge(makeArticle(['Norway said it would send two ships to the strait.']));
    expect(k.claims[0]).toMatchObject({ speaker: 'Norway', verb: 'said' });
  });
});
