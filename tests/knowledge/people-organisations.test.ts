import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { tokenize } from '../../src/knowledge/nlp.ts';
import { isBrandSpelling, scanSentence, type Candidate } from '../../src/knowledge/people/scan.ts';
import {
  itsAfterName,
  organisationAppositive,
  organisationNounBefore,
} from '../../src/knowledge/people/organisations.ts';
import type { Paragraph } from '../../src/article/types.ts';
import { makeArticle } from './make-article.ts';

function candidate(text: string, name: string): Candidate {
  const paragraph: Paragraph = { number: 1, kind: 'text', text, sentences: [] };
  const found = scanSentence(tokenize(text, 0), paragraph, 1, undefined).find((c) => c.name === name);
  if (!found) throw new Error(`no candidate ${name}`);
  return found;
}

const kindOf = (paragraphs: string[], name: string): string | undefined =>
  extractKnowledge(makeArticle(paragraphs)).entities.find((e) => e.name === name)?.kind;

describe('a two-word name the text says is an organisation', () => {
  it('reads an appositive with an organisation noun ("X, the folk band from Y,")', () => {
    expect(
      organisationAppositive(candidate('Pike Harrow, the folk band from Ludlow, split up.', 'Pike Harrow')),
    ).toBe(true);
    expect(organisationAppositive(candidate('Pike Harrow, a quarrying company, grew.', 'Pike Harrow'))).toBe(
      true,
    );
  });

  it("does not read a person's role appositive as an organisation", () => {
    expect(organisationAppositive(candidate("Pike Harrow, the band's drummer, left.", 'Pike Harrow'))).toBe(
      false,
    );
    expect(organisationAppositive(candidate('Pike Harrow, a retired teacher, left.', 'Pike Harrow'))).toBe(
      false,
    );
  });

  it('reads an organisation noun right before the name ("the brewery Tamsin Vale")', () => {
    expect(
      organisationNounBefore(candidate('He joined the brewery Tamsin Vale in May.', 'Tamsin Vale')),
    ).toBe(true);
    expect(organisationNounBefore(candidate('He thanked the nurse Tamsin Vale in May.', 'Tamsin Vale'))).toBe(
      false,
    );
  });

  it('reads "its" for something only an organisation owns after the name', () => {
    const c = candidate('Tamsin Vale said on its website that the shop would close.', 'Tamsin Vale');
    expect(itsAfterName(c, new Set([c.tokenIndex]))).toBe(true);
    const p = candidate('Tamsin Vale said the plan had lost its way.', 'Tamsin Vale');
    expect(itsAfterName(p, new Set([p.tokenIndex]))).toBe(false);
    const h = candidate('Tamsin Vale said her team would read its report.', 'Tamsin Vale');
    expect(itsAfterName(h, new Set([h.tokenIndex]))).toBe(false);
  });

  it('keeps a band as an organisation, so "he" in a later sentence goes to the person', () => {
    const k = extractKnowledge(
      makeArticle([
        'Tarvin Wren, the indie band from Leeds, has postponed its spring concerts.',
        'Its manager, Tom Baxter, said the delay was short. "We will be back in June," he said.',
      ]),
    );
    expect(k.entities.find((e) => e.name === 'Tarvin Wren')?.kind).toBe('organization');
    expect(k.quotes[0]?.speaker).toBe('Tom Baxter');
  });

  it('gives a lone surname to the person, not to the organisation sharing that word', () => {
    const k = extractKnowledge(
      makeArticle([
        'Tarvin Wren, the indie band from Leeds, has postponed its spring concerts.',
        '"We are sorry to let our fans down," Tarvin Wren said in a statement.',
        'The promoter, Alan Wren, who is not related to the band, was upset.',
        'Ticket holders will be paid back within a fortnight.',
        '"We lose money on every empty night," Wren said on Tuesday.',
      ]),
    );
    expect(k.quotes[1]?.speaker).toBe('Alan Wren');
  });

  it('reads plural words that end company and club names ("Properties", "Rovers")', () => {
    expect(kindOf(['Millbrook Properties owns the building on the corner.'], 'Millbrook Properties')).toBe(
      'organization',
    );
    expect(kindOf(['Danby Rovers lost at home on Saturday.'], 'Danby Rovers')).toBe('organization');
  });

  it('still takes a titled or honoured name as a person', () => {
    expect(kindOf(["Mr Tarvin Wren, the band's founder, spoke first."], 'Tarvin Wren')).toBe('person');
  });
});

describe('documents, outlets and brands are never people', () => {
  it('quotes a named charter or constitution as the speaker of its words', () => {
    const k = extractKnowledge(
      makeArticle([
        'The Riverland Housing Charter, signed in 2009, states that tenants must "be given two months of notice."',
      ]),
    );
    expect(k.entities.find((e) => e.name === 'Riverland Housing Charter')?.kind).toBe('organization');
    expect(k.quotes[0]?.speaker).toBe('Riverland Housing Charter');
  });

  it('reads a newspaper named with an outlet word as an organisation', () => {
    expect(
      kindOf(['The figures were first reported by the Dunmore Gazette on Friday.'], 'Dunmore Gazette'),
    ).toBe('organization');
  });

  it('reads a word with a capital inside it as a brand, but not a name with Mc or De', () => {
    expect(isBrandSpelling('WalesOnline')).toBe(true);
    expect(isBrandSpelling('PayPal')).toBe(true);
    expect(isBrandSpelling('McDonald')).toBe(false);
    expect(isBrandSpelling('DeSantis')).toBe(false);
    expect(isBrandSpelling('MacKenzie')).toBe(false);
    expect(isBrandSpelling('Okafor')).toBe(false);
  });
});

describe('organisation names with a plural possessive or an "and" inside', () => {
  const names = (paragraphs: string[]): string[] =>
    extractKnowledge(makeArticle(paragraphs)).entities.map((e) => e.name);

  it('keeps "Farmers\'" inside the name of the body it belongs to', () => {
    expect(names(["The Ardley Farmers' Cooperative brought the case."])).toContain(
      "Ardley Farmers' Cooperative",
    );
  });

  it("does not join a family's possessive to a street", () => {
    expect(names(["The Jacksons' Union Street home burned down."])).not.toContain("Jacksons' Union Street");
  });

  it('joins "the X and Y Tribunal" but not a person and a board', () => {
    expect(names(['The Land and Sea Tribunal ruled on Monday.'])).toContain('Land and Sea Tribunal');
    expect(names(['Smith and Harbour Board staff met on Monday.'])).not.toContain('Smith and Harbour Board');
  });
});
