import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import type { Quote } from '../../src/knowledge/types.ts';
import { genderOf, genderOfFirstName } from '../../src/knowledge/people/gender.ts';
import { makeArticle } from './make-article.ts';

function quotesOf(paragraphs: string[]): Quote[] {
  return extractKnowledge(makeArticle(paragraphs)).quotes;
}

describe('who "he" and "she" are', () => {
  it('takes a speaker already named in the same sentence', () => {
    const [, second] = quotesOf([
      'Marta Gomez said the bridge had been closed since March.',
      '“We will rebuild it this year,” said Ana Ruiz, the transport minister; she called the delay a “national embarrassment” and left.',
    ]);
    expect(second?.speaker).toBe('Ana Ruiz');
  });

  it('skips a sentence about a man to reach the woman "she" names', () => {
    const [q] = quotesOf([
      'Maria Lind said the budget was late. John Berg agreed with the plan.',
      '“We cannot wait another winter for this,” she said.',
    ]);
    expect(q?.speaker).toBe('Maria Lind');
  });

  it('reads "according to X" as X speaking, for the pronoun that follows', () => {
    const [q] = quotesOf([
      'Karin Holm is the harbour master.',
      'The river rose two metres overnight, according to Holm. “We have never seen it rise this fast,” she said.',
    ]);
    expect(q?.speaker).toBe('Karin Holm');
  });
});

describe('one person, two namings', () => {
  it('joins a naming with a middle name to the naming without it', () => {
    const k = extractKnowledge(
      makeArticle([
        'Tomas Ferreira won the vote on Sunday.',
        'Tomas Alves Ferreira, 61, has led the party since 2009.',
        '“This is a victory for the whole valley,” Ferreira said.',
      ]),
    );
    expect(k.entities.filter((e) => e.name.endsWith('Ferreira'))).toHaveLength(1);
    expect(k.quotes[0]?.speaker).toBe('Tomas Ferreira');
  });
});

describe('gender as the article shows it', () => {
  it('reads first names the lexicon knows and leaves others unknown', () => {
    expect(genderOfFirstName('David')).toBe('male');
    expect(genderOfFirstName('Louise')).toBe('female');
    expect(genderOfFirstName('Zorvath')).toBeNull();
  });

  it('prefers what the article says (an honorific, a role) and gives up on disagreement', () => {
    const k = extractKnowledge(
      makeArticle(['Mrs Alder Quince, the spokeswoman for the council, spoke first.', 'Quince left early.']),
    );
    const e = k.entities.find((x) => x.name.endsWith('Quince'));
    expect(e && genderOf(e)).toBe('female');
  });
});

describe('a pronoun in the sentence of its antecedent', () => {
  it('reads "X, who …, said he had" as X, not the speaker of the paragraph before', () => {
    const k = extractKnowledge(
      makeArticle([
        '"We asked for years," said Nora Pike, a farmer.',
        'Councillor Owen Rudd, who represents the valley, said he wanted "a full report by May."',
      ]),
    );
    expect(k.quotes.find((q) => q.text.includes('full report'))?.speaker).toBe('Owen Rudd');
  });
});

describe('a sentence about one person named with a possessive', () => {
  it('lets "she" in the next paragraph name that person', () => {
    const k = extractKnowledge(
      makeArticle([
        'Violinist Ruth Amsel played her last concert in Vienna. Her pupil, Jonas Brill, sat in the front row.',
        'Amsel’s recording of the partitas sold a million copies.',
        'In a late interview she called the partitas "a lifetime of homework."',
      ]),
    );
    expect(k.quotes[0]?.speaker).toBe('Ruth Amsel');
  });

  it('does not take the owner of a role as the topic ("Amsel’s pupil argued")', () => {
    const k = extractKnowledge(
      makeArticle([
        'Violinist Ruth Amsel played her last concert in Vienna. Her pupil, Lena Brill, sat in the front row.',
        'Amsel’s pupil argued with the organisers for an hour.',
        'In the evening she called the hall "cold as a cellar."',
      ]),
    );
    expect(k.quotes[0]?.speaker).not.toBe('Ruth Amsel');
  });
});

describe('he and she across several people', () => {
  it('takes the other person of the sentence when the subject’s gender disagrees', () => {
    const k = extractKnowledge(
      makeArticle([
        'Mayor Tom Ellery thanked nurse Jane Olsen for her work during the floods.',
        '"We slept at the hospital for three nights," she said.',
      ]),
    );
    expect(k.quotes[0]?.speaker).toBe('Jane Olsen');
  });

  it('does not guess between two other people of that gender', () => {
    const k = extractKnowledge(
      makeArticle([
        'Mayor Tom Ellery thanked nurses Jane Olsen and Mary Pike for their work.',
        '"We slept at the hospital for three nights," she said.',
      ]),
    );
    expect(k.quotes[0]?.speaker).toBeNull();
  });
});
