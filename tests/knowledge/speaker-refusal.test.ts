import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { buildPeople } from '../../src/knowledge/people.ts';
import { tokenize } from '../../src/knowledge/nlp.ts';
import { indefinitePersonSubject } from '../../src/knowledge/people/described.ts';
import { generationBefore, generationPick, relativeNounBefore } from '../../src/knowledge/people/kin.ts';
import { makeArticle } from './make-article.ts';

const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;

/** A name's place in its sentence, found by its word. */
const nameAt = (sentence: string, word: string) => {
  const tokens = tokenize(sentence);
  const i = tokens.findIndex((t) => t.text === word);
  return { tokens, tokenIndex: i, tokenEnd: i + 1 };
};

describe('an unnamed person as a sentence subject', () => {
  it('finds an indefinite person description opening a sentence, after an adverbial or not', () => {
    expect(
      indefinitePersonSubject(tokenize('Later that night, a cleaner walks in with a mop.')),
    ).not.toBeNull();
    expect(indefinitePersonSubject(tokenize('A driver in a red coat waved at us.'))).not.toBeNull();
  });

  it('does not count a description named in an appositive, or a body', () => {
    expect(indefinitePersonSubject(tokenize('A local baker, Ada Quill, opened early.'))).toBeNull();
    expect(indefinitePersonSubject(tokenize('A council committee met on Monday.'))).toBeNull();
    expect(indefinitePersonSubject(tokenize('Two drivers were late.'))).toBeNull();
  });

  it('gives a "he said" after an unnamed newcomer to nobody, not to the man named before', () => {
    const speaker = speakerOf(
      [
        'The depot manager, Colin Varga, said the buses would run "as long as we have drivers."',
        'Just after midnight, a mechanic climbs out from under a bus. He has worked here for a year.',
        '"Half of these engines should have been scrapped," he said.',
      ],
      'Half of these engines',
    );
    expect(speaker).toBeNull();
  });

  it('still resolves "he said" when the sentence before names its subject', () => {
    const speaker = speakerOf(
      [
        'Just after midnight, a mechanic climbs out from under a bus.',
        'The depot manager, Colin Varga, watched him. "We need ten more like him," he said.',
      ],
      'We need ten more',
    );
    expect(speaker).toBe('Colin Varga');
  });
});

describe('a definite person description as a sentence subject', () => {
  it('leaves "he said" with nobody after "The driver …" when no one named holds that role', () => {
    const speaker = speakerOf(
      [
        'Fire chief Omar Reyes said the lorry "was on its side across both lanes."',
        'The driver was cut free after an hour. "I thought the brakes would hold," he said.',
      ],
      'brakes would hold',
    );
    expect(speaker).toBeNull();
  });

  it('takes the person with that role as the subject a later pronoun refers to', () => {
    const speaker = speakerOf(
      [
        'Wenlow Rovers beat Carrick 2-0. Rovers coach Paul Brandt was delighted; Carrick striker Leo Marsh missed a penalty.',
        'The coach praised his defence. "They gave nothing away," he said.',
      ],
      'They gave nothing away',
    );
    expect(speaker).toBe('Paul Brandt');
  });
});

describe('an owned description as a sentence subject', () => {
  it('leaves "he said" with nobody after "Their lawyer …" when no one named is a lawyer', () => {
    const speaker = speakerOf(
      [
        'Glen Moss and Ada Moss were fined £500 for the fence. Inspector Ravi Noor said the fine was "fair."',
        'Their lawyer said they would appeal. "The council never measured the garden," he said.',
      ],
      'never measured the garden',
    );
    expect(speaker).toBeNull();
  });

  it('takes "his mother" to the only woman named so far', () => {
    const speaker = speakerOf(
      [
        'Ingrid Sole, 70, and her son Pavel run the stall. Pavel Sole said it would close in May.',
        'His mother said the rent had doubled. "We cannot sell enough fish to pay it," she said.',
      ],
      'enough fish',
    );
    expect(speaker).toBe('Ingrid Sole');
  });

  it('does not take "her mother" to the woman "her" refers to', () => {
    const people = buildPeople(
      makeArticle([
        'Singer Maya Brook, who died on Friday, grew up in Tenby.',
        'Her mother taught her to sing. She was 12 when she first sang on stage.',
      ]),
    );
    const maya = people.entities.find((e) => e.name === 'Maya Brook');
    expect(maya?.mentions.map((m) => m.citation.paragraph)).toEqual([1]);
  });
});

describe('a capitalised role noun before a name', () => {
  it('is a title mid-sentence and at the start of a sentence', () => {
    const k = extractKnowledge(
      makeArticle([
        '"It was close," said Supervisor Hal Brennan. Supervisor Lucia Ferraro called the vote "a relief."',
      ]),
    );
    const names = k.entities.filter((e) => e.kind === 'person').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Hal Brennan', 'Lucia Ferraro']));
    expect(k.entities.find((e) => e.name === 'Lucia Ferraro')?.roles.map((r) => r.text)).toContain(
      'Supervisor',
    );
  });

  it('keeps a role word that is also a surname in the name', () => {
    const k = extractKnowledge(makeArticle(['"We were lucky," said Baker Tom Hollis, who runs the shop.']));
    expect(k.entities.some((e) => e.name === 'Tom Hollis' || e.name === 'Baker Tom Hollis')).toBe(true);
  });
});

describe('a nickname inside a name', () => {
  it('reads the age given after the whole name ("Rosalind "Roz" Okonjo, 40,")', () => {
    const k = extractKnowledge(makeArticle(['Rosalind "Roz" Okonjo, 40, said the farm "will survive."']));
    expect(k.entities.find((e) => e.name === 'Rosalind Okonjo')?.roles.map((r) => r.text)).toContain(
      '40-year-old',
    );
  });
});

describe('a lone surname two people share', () => {
  it('leaves a pronoun after an unresolved shared surname with nobody', () => {
    const speaker = speakerOf(
      [
        'Gordon Pell and his son Rory Pell, both farmers, deny the charges. Farmer Ines Adler testified first.',
        '"The fence was cut twice," she said.',
        'Pell shook his head as the photographs were shown. "That was never our fence," he said.',
      ],
      'never our fence',
    );
    expect(speaker).toBeNull();
  });

  it('names the elder or younger by the ages the article gave', () => {
    const k = extractKnowledge(
      makeArticle([
        'Gordon Pell, 61, and his son Rory Pell, 30, run the farm outside Wenlow.',
        '"We have never had a year like this," the younger Pell said.',
        'The elder Pell said he had "seen floods, but never this."',
      ]),
    );
    expect(k.quotes.find((q) => q.text.includes('never had a year'))?.speaker).toBe('Rory Pell');
    expect(k.quotes.find((q) => q.text.includes('seen floods'))?.speaker).toBe('Gordon Pell');
  });

  it('refuses "the elder X" when neither ages nor family places single anyone out', () => {
    const speaker = speakerOf(
      [
        'Nora Fenn married Arthur Fenn in 1970; their son Liam Fenn runs the shop today.',
        'The elder Fenn said the shop had "always opened at six."',
      ],
      'always opened at six',
    );
    expect(speaker).toBeNull();
  });

  it('does not give a bare surname to a relative introduced through the other person', () => {
    const speaker = speakerOf(
      [
        'Senator Walter Brisk spoke in Harlow on Friday, a day after Brisk’s niece Tessa Brisk published a memoir about the family.',
        'Tessa Brisk called the book "a reckoning."',
        '"I have not read it," Brisk said.',
      ],
      'I have not read it',
    );
    expect(speaker).not.toBe('Tessa Brisk');
  });

  it('takes "Mrs X" to the woman of that surname when her first name says nothing', () => {
    const speaker = speakerOf(
      [
        'A regular, retired postman Derek Lowry, said he had come "every Sunday for years." His wife, April Lowry, said she would miss the soup.',
        '"It was the best soup in the county," Mrs Lowry said.',
      ],
      'best soup in the county',
    );
    expect(speaker).toBe('April Lowry');
  });
});

describe('a lone surname after both people were named in one paragraph', () => {
  it('gives it to nobody, however recent one of them is', () => {
    const speaker = speakerOf(
      [
        'Maria Quist founded the bakery in 1990. Stefan Quist, no relation, joined it in 1995 and still bakes every morning.',
        '"We never wanted to be big," Quist said.',
      ],
      'never wanted to be big',
    );
    expect(speaker).toBeNull();
  });

  it('takes the one named in this paragraph when the other was named in the one before', () => {
    const speaker = speakerOf(
      [
        'Maria Quist founded the bakery in 1990.',
        'Stefan Quist, who joined in 1995, still bakes every morning. "The ovens are older than me," Quist said.',
      ],
      'ovens are older than me',
    );
    expect(speaker).toBe('Stefan Quist');
  });
});

describe('names with little evidence of their own', () => {
  it('reads a sentence-initial surname before "X\'s captain" as a person', () => {
    const speaker = speakerOf(
      [
        'Corran beat Bexley 24-21 on Saturday.',
        'Brennock, Corran\'s captain, was more measured: "We rode our luck."',
      ],
      'We rode our luck',
    );
    expect(speaker).toBe('Brennock');
  });

  it('links an acronym that spells a common word to the body it abbreviates ("WHO said")', () => {
    const speaker = speakerOf(
      [
        'The World Health Organization warned of a new wave on Monday.',
        '"Cases are rising in every region," WHO said in a statement.',
      ],
      'Cases are rising',
    );
    expect(speaker).toBe('World Health Organization');
  });
});

describe('relatives and generations (kin.ts)', () => {
  it('reads the family noun a name is introduced with after an owner', () => {
    expect(relativeNounBefore(nameAt('It was announced by his son Daniel on Monday.', 'Daniel'))).toBe('son');
    expect(relativeNounBefore(nameAt('She is survived by a daughter, Ruth Amos.', 'Ruth'))).toBe('daughter');
    expect(relativeNounBefore(nameAt('The coach Daniel Ek said no.', 'Daniel'))).toBeNull();
  });

  it('reads "the elder" and "the younger" before a surname', () => {
    expect(generationBefore(nameAt('The elder Kell took over.', 'Kell'))).toBe('elder');
    expect(generationBefore(nameAt('The younger Kell left.', 'Kell'))).toBe('younger');
    expect(generationBefore(nameAt('The older boats are gone, Kell said.', 'Kell'))).toBeNull();
  });

  it('picks by age, else the only child for "younger" and the only non-child for "elder"', () => {
    const people = [
      { who: 'father', age: 60, kin: [] },
      { who: 'son', age: 31, kin: ['son'] },
    ];
    expect(generationPick('elder', people)).toBe('father');
    expect(generationPick('younger', people)).toBe('son');
    const noAges = people.map((p) => ({ ...p, age: null }));
    expect(generationPick('younger', noAges)).toBe('son');
    expect(generationPick('elder', [...noAges, { who: 'mother', age: null, kin: [] }])).toBeNull();
  });
});

describe('a place word that is a known surname', () => {
  it('reads a sentence-initial surname the lexicon calls a place as the person before a verb', () => {
    const speaker = speakerOf(
      [
        'The board chair, Gemma Stroud, defended the vote. Councillor Iris Vane said she had objected.',
        'Stroud disputed that. "Every member had the papers a week before," she said.',
      ],
      'Every member had the papers',
    );
    expect(speaker).toBe('Gemma Stroud');
  });
});

describe('a possessive topic after a named subject', () => {
  it('gives "he said" to nobody when a man in the possessive follows another man as subject', () => {
    const speaker = speakerOf(
      [
        'Mayor Paul Okri said the pool would close. Councillor Sean Drury’s motion to save it failed by four votes. "There was no money left," he said.',
      ],
      'There was no money left',
    );
    expect(speaker).toBeNull();
  });
});
