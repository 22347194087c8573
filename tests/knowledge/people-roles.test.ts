import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { ageMatches, isPartyTag, isRoleNoun, roleHead } from '../../src/knowledge/people/roles.ts';
import { roleHolder } from '../../src/knowledge/people/resolve.ts';
import type { Entity } from '../../src/knowledge/types.ts';
import { makeArticle } from './make-article.ts';

const knowledge = (paragraphs: string[]) => extractKnowledge(makeArticle(paragraphs));
const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  knowledge(paragraphs).quotes.find((q) => q.text.includes(words))?.speaker;
const person = (name: string): Entity => ({
  id: name,
  article: 't',
  kind: 'person',
  name,
  aliases: [],
  roles: [],
  mentions: [],
});

describe('roles written around a name', () => {
  it('reads a role noun opening the sentence as a title, not part of the name', () => {
    const k = knowledge(['Inspector Maren Holt told the court the van was never found.']);
    const holt = k.entities.find((e) => e.name === 'Maren Holt');
    expect(holt?.roles.map((r) => r.text)).toContain('Inspector');
  });

  it('keeps an owner with a possessive in the role before an appositive name', () => {
    const k = knowledge(['Brindle Foods’ finance director, Jonas Pell, said sales had slowed.']);
    expect(k.entities.find((e) => e.name === 'Jonas Pell')?.roles.map((r) => r.text)).toContain(
      'Brindle Foods’ finance director',
    );
  });

  it('resolves "the finance director said" through that role', () => {
    const paragraphs = [
      'Brindle Foods’ finance director, Jonas Pell, said sales had slowed.',
      '"We expect a better autumn," the finance director told analysts.',
    ];
    expect(speakerOf(paragraphs, 'better autumn')).toBe('Jonas Pell');
  });

  it('gives a person the age the article states, so "the 42-year-old said" names them', () => {
    const paragraphs = [
      'Rower Ilse Varga, 42, crossed the lake in nine hours.',
      '"My arms stopped listening after six," the 42-year-old said.',
    ];
    expect(speakerOf(paragraphs, 'arms stopped')).toBe('Ilse Varga');
  });

  it('reads "the teenager" as the person whose stated age is thirteen to nineteen', () => {
    expect(isRoleNoun('teenager')).toBe(true);
    expect(ageMatches('teenager', '17-year-old')).toBe(true);
    expect(ageMatches('teenager', '42-year-old')).toBe(false);
    expect(ageMatches('42-year-old', '42-year-old')).toBe(true);
  });
});

describe('a role held by two people', () => {
  it('names the holder mentioned in this paragraph, and nobody when neither is', () => {
    const [a, b] = [person('Ana Ruiz'), person('Li Wei')];
    expect(roleHolder([{ e: a, last: -1 }])).toBe(a);
    expect(
      roleHolder([
        { e: a, last: -1 },
        { e: b, last: 40 },
      ]),
    ).toBe(b);
    expect(
      roleHolder([
        { e: a, last: -1 },
        { e: b, last: -1 },
      ]),
    ).toBeNull();
  });

  it('leaves "the coach said" unattributed when both coaches are out of the paragraph', () => {
    const paragraphs = [
      'Harlow coach Ben Ostrom watched his side lose 3-0 to Ridgefield.',
      'Ridgefield’s coach, Cara Lund, praised her defenders.',
      'The visitors scored twice in the last ten minutes.',
      '"We were tired and it showed," the coach said.',
    ];
    expect(speakerOf(paragraphs, 'tired')).toBeNull();
  });
});

describe('abbreviated ranks and party tags', () => {
  it('writes an abbreviated rank out, so "the senator" names "Sen. X"', () => {
    expect(roleHead('Sen.')).toBe('senator');
    const paragraphs = [
      'Sen. Hal Brecker, R-Ore., the chair of the water panel, opened the hearing.',
      '"We are out of time on this," the senator said.',
    ];
    expect(speakerOf(paragraphs, 'out of time')).toBe('Hal Brecker');
  });

  it('reads a party-and-state tag as neither a person nor a role', () => {
    expect(isPartyTag('R-Ore.')).toBe(true);
    expect(isPartyTag('D-N.M.')).toBe(true);
    expect(isPartyTag('Jean-Luc')).toBe(false);
    const k = knowledge([
      'Sen. Hal Brecker, R-Ore., the chair of the water panel, said the dam "must stay."',
    ]);
    expect(k.entities.map((e) => e.name)).toEqual(['Hal Brecker']);
    expect(k.entities[0]?.roles.map((r) => r.text)).toContain('the chair of the water panel');
  });

  it('takes a stated age as evidence of a person the lexicon does not know', () => {
    const k = knowledge(['Dembe Okello, 29, told the court he had "never held a gun."']);
    expect(k.quotes[0]?.speaker).toBe('Dembe Okello');
  });
});

describe('a role given after a copula', () => {
  const speaker = (paragraphs: string[]): string | null | undefined =>
    extractKnowledge(makeArticle(paragraphs)).quotes[0]?.speaker;

  it('resolves "the mayor said" to the person who "has been mayor since"', () => {
    expect(
      speaker([
        'Ivo Brenner has been mayor since 2019. Clara Wendt ran against him last year.',
        '"I am proud of what we built," the mayor said.',
      ]),
    ).toBe('Ivo Brenner');
  });

  it('keeps a compound role ("is the chief executive of")', () => {
    expect(
      speaker([
        'Mira Castell is the chief executive of Tolland Foods.',
        '"Orders are up," the chief executive said.',
      ]),
    ).toBe('Mira Castell');
  });

  it('gives no role when the noun goes on into a clause ("was a teacher who")', () => {
    const k = extractKnowledge(makeArticle(['Mira Castell was a teacher who loved old maps.']));
    expect(k.entities.find((e) => e.name === 'Mira Castell')?.roles ?? []).toEqual([]);
  });
});
