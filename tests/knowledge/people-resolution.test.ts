import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

describe('names that are also common words or places', () => {
  it('reads a titled surname that is also a city as the person ("Captain Rochester")', () => {
    const k = extractKnowledge(
      makeArticle([
        'Coast guard captain Ellen Rochester led the search off the island.',
        'The crew was tired, and the weather was getting worse by the hour.',
        'Captain Rochester said the crew had "done everything a crew can do" before dark.',
      ]),
    );
    expect(k.quotes[0]?.speaker).toBe('Ellen Rochester');
  });

  it('takes a capitalised role noun opening a sentence as evidence of a person ("Actor X")', () => {
    const k = extractKnowledge(
      makeArticle(['Actor Tovin Marsh, who grew up in the town, stated "this stage made me who I am."']),
    );
    expect(k.entities.find((e) => e.name === 'Tovin Marsh')?.kind).toBe('person');
    expect(k.quotes[0]?.speaker).toBe('Tovin Marsh');
  });
});

describe('an organisation named two ways', () => {
  it('quotes a company by the short name the article uses after its full legal name', () => {
    const k = extractKnowledge(
      makeArticle([
        'Harwick Paper Company said on Monday it would close its mill in Dunley.',
        '"The mill has lost money for six years," Harwick said in a statement.',
      ]),
    );
    const harwick = k.entities.find((e) => e.kind === 'organization');
    expect(harwick?.name).toBe('Harwick');
    expect(harwick?.aliases).toContain('Harwick Paper Company');
    expect(k.quotes[0]?.speaker).toBe('Harwick');
  });

  it('keeps a full name that is not a company with a legal form', () => {
    const k = extractKnowledge(
      makeArticle([
        'The Lowland Rail Authority said trains would run late.',
        'Lowland said repairs "take time."',
      ]),
    );
    expect(k.entities.some((e) => e.name === 'Lowland Rail Authority')).toBe(true);
  });

  it('does not take a date after "on" into an organisation name', () => {
    const k = extractKnowledge(
      makeArticle(['The firm told the Coastal Safety Board on March 3 that the hull had cracked.']),
    );
    expect(k.entities.map((e) => e.name)).toContain('Coastal Safety Board');
  });
});

describe('a person known by two names', () => {
  it('takes a birth name before the name the article uses as one person', () => {
    const k = extractKnowledge(
      makeArticle([
        'Born Margit Ellen Sorensen in a fishing village, Anna Haller sang in harbour bars as a girl.',
        'She later said the bars taught her "to sing over anything."',
      ]),
    );
    const haller = k.entities.find((e) => e.name === 'Anna Haller');
    expect(haller?.aliases).toContain('Margit Ellen Sorensen');
    expect(k.entities.filter((e) => e.kind === 'person')).toHaveLength(1);
    expect(k.quotes[0]?.speaker).toBe('Anna Haller');
  });

  it('reads "X, born Y," the same way', () => {
    const k = extractKnowledge(makeArticle(['Anna Haller, born Margit Sorensen, died on Sunday.']));
    expect(k.entities.find((e) => e.name === 'Anna Haller')?.aliases).toContain('Margit Sorensen');
  });
});

describe('a month that is also a first name', () => {
  it('reads "His wife, June Marsh," as a person apart from her husband', () => {
    const k = extractKnowledge(
      makeArticle([
        'Retired nurse Philip Marsh said he had shopped there for years.',
        'His wife, June Marsh, said the street would feel "quiet without it."',
        '"It was the heart of the village," Mrs Marsh said.',
      ]),
    );
    expect(k.quotes.map((q) => q.speaker)).toEqual(['June Marsh', 'June Marsh']);
  });

  it('keeps "in June" a date before a capitalised word', () => {
    const k = extractKnowledge(makeArticle(['In June Labour won the seat by 400 votes.']));
    expect(k.entities.some((e) => e.name.startsWith('June'))).toBe(false);
  });
});

describe('a name opening a sentence before a lower-case affiliation', () => {
  const speaker = (sentence: string): string | null | undefined =>
    extractKnowledge(makeArticle(['The river rose again on Sunday night.', sentence])).quotes[0]?.speaker;

  it('gives the quote to "X Y of the … ward said" with no other mention of the name', () => {
    expect(speaker('Orla Venkat of the Millbank ward said "we have waited ten years for new pumps."')).toBe(
      'Orla Venkat',
    );
  });

  it('keeps a first word that is also a noun ("Hope Tarrant from the … board told")', () => {
    expect(speaker('Hope Tarrant from the county flood board told residents "the wall will hold."')).toBe(
      'Hope Tarrant',
    );
  });

  it('does not make a date or a group opening the sentence a speaker', () => {
    expect(speaker('In March, at the county hall, Tarrant said "the wall will hold."')).toBe('Tarrant');
    expect(speaker('Labour MPs from the region said the wall was "a disgrace."')).not.toBe('Labour MPs');
  });
});

describe('a nickname in quotation marks inside a name', () => {
  it('reads Teodora "Teddy" Ambrose as one person known as Teddy', () => {
    const k = extractKnowledge(
      makeArticle([
        'Teodora "Teddy" Ambrose, a sculptor, opened her studio to visitors on Sunday.',
        '"Come back whenever you like," Teddy said at the door.',
      ]),
    );
    const person = k.entities.find((e) => e.name === 'Teodora Ambrose');
    expect(person?.aliases).toContain('Teddy');
    expect(k.quotes[0]?.speaker).toBe('Teodora Ambrose');
  });
});

describe('two people sharing a surname', () => {
  it('gives a lone surname to the one whose gender fits the pronoun after it', () => {
    const k = extractKnowledge(
      makeArticle([
        'Marguerite Idowu, a painter, died on Monday.',
        'Her nephew, Samuel Idowu, said she had been ill for a year.',
        'Idowu was born in 1941 and moved to Leeds with her parents. She once called painting "a way to keep the lights on."',
      ]),
    );
    expect(k.quotes[0]?.speaker).toBe('Marguerite Idowu');
  });
});

describe('a generational suffix after a name', () => {
  it('keeps "Jr." with the name after a title-like word and goes by the surname', () => {
    const k = extractKnowledge(
      makeArticle(['Harold Bishop Jr. opened the meeting in the hall.', '"We start on time," Bishop said.']),
    );
    const person = k.entities.find((e) => e.name === 'Harold Bishop Jr.');
    expect(person?.aliases).toContain('Bishop');
    expect(person?.aliases).not.toContain('Jr.');
    expect(k.quotes[0]?.speaker).toBe('Harold Bishop Jr.');
  });
});
