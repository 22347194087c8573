import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('quotes inside reported speech belong to the person reported speaking', () => {
  it('gives "X testified that Y had knocked … and told her, “…”" to Y', () => {
    const paragraphs = [
      'Ana Ruiz testified that her neighbour, Paul Kemp, had knocked on her door and told her, "The river is coming up fast."',
    ];
    expect(speakerOf(paragraphs, 'The river is coming up fast')).toBe('Paul Kemp');
  });

  it('gives "X said Y had assured her that “…”" to Y, whatever the gender of "her"', () => {
    const paragraphs = ['Maria Lopez said the builder, Omar Haddad, had assured her that "the roof will hold."'];
    expect(speakerOf(paragraphs, 'the roof will hold')).toBe('Omar Haddad');
  });

  it('resolves "and that he had told her" to the one man named before it, not the woman speaking', () => {
    const paragraphs = [
      'Councillor Tom Reyes opened the meeting.',
      'Councillor Rosa Diaz said she had phoned the fire chief, Peter Olsen, and that he had told her, "Two crews are on the way."',
    ];
    expect(speakerOf(paragraphs, 'Two crews are on the way')).toBe('Peter Olsen');
  });
});

describe('X quoted Y as saying', () => {
  it('gives the words to the person quoted, not to the document quoting them', () => {
    const paragraphs = [
      'A statement from the Harbour Museum quoted curator Lena Brandt as saying the collection would "return home by June."',
    ];
    expect(speakerOf(paragraphs, 'return home by June')).toBe('Lena Brandt');
  });

  it('reads "quoted her as saying" as the woman named before it in the sentence', () => {
    const paragraphs = [
      'Senator Paul Hart said he had spoken to the governor, Maria Lopez, and quoted her as saying the road would reopen "within a month."',
    ];
    expect(speakerOf(paragraphs, 'within a month')).toBe('Maria Lopez');
  });

  it('never gives the quoted words to the quoting subject when nobody else is named', () => {
    const paragraphs = ['Tom Reyes met the committee on Friday. Reyes quoted her as saying the fund was "nearly empty."'];
    expect(speakerOf(paragraphs, 'nearly empty')).not.toBe('Tom Reyes');
  });
});

describe('a fragment after a second clause with its own speaker', () => {
  const paragraphs = [
    'Treasurer Tom Reyes said the levy would end "by the spring," a promise councillor Ana Ruiz called "naive."',
  ];

  it('gives the fragment after "a promise Y called" to Y', () => {
    expect(speakerOf(paragraphs, 'naive')).toBe('Ana Ruiz');
  });

  it('keeps the promise itself with the one who made it', () => {
    expect(speakerOf(paragraphs, 'by the spring')).toBe('Tom Reyes');
  });
});

describe('a description in apposition to a name', () => {
  it('takes the name, not the description, as the subject', () => {
    const paragraphs = [
      'Nora Fitch, a teacher at Elm Street School, which closed last year, said the move was "long overdue."',
    ];
    expect(speakerOf(paragraphs, 'long overdue')).toBe('Nora Fitch');
  });
});

describe('the owner of a speech noun is quoted in its clause', () => {
  it('gives "dismissed Y\'s claim that it was “…”" to Y', () => {
    const paragraphs = [
      "Coach Ines Varga dismissed Tom Reyes's claim that the team was \"falling apart,\" saying the squad had never been closer.",
    ];
    expect(speakerOf(paragraphs, 'falling apart')).toBe('Tom Reyes');
  });

  it('gives "Responding to Y\'s suggestion that …, X said" to Y, not to the trailing speaker', () => {
    const paragraphs = [
      "Responding to Li Wei's suggestion that the bridge was \"beyond repair,\" engineer Ana Ruiz said it could be saved.",
    ];
    expect(speakerOf(paragraphs, 'beyond repair')).toBe('Li Wei');
  });
});

describe('a new clause after a closing mark', () => {
  const paragraphs = [
    'Nurse Joan Mills said the ward was "barely coping," while her colleague, Sam Ortiz, told the inquiry it was "calm most nights."',
  ];

  it('keeps the first fragment with the first speaker, not the one named after "while"', () => {
    expect(speakerOf(paragraphs, 'barely coping')).toBe('Joan Mills');
  });

  it('gives the second fragment to the person of the second clause', () => {
    expect(speakerOf(paragraphs, 'calm most nights')).toBe('Sam Ortiz');
  });
});

describe('a sentence opening with "Asked whether …"', () => {
  it('is a participle clause: the speaker is the subject after it, not the name inside it', () => {
    const paragraphs = ['Asked whether Tom Reyes would resign, Ana Ruiz said, "That is for him to decide."'];
    expect(speakerOf(paragraphs, 'That is for him to decide')).toBe('Ana Ruiz');
  });
});

describe('a cue verb whose subject is someone unnamed', () => {
  it('does not give "X said a manager had told workers that … “…”" to X', () => {
    const paragraphs = [
      'Union leader Ana Ruiz said a company manager had told workers that the plant was "on borrowed time."',
    ];
    expect(speakerOf(paragraphs, 'on borrowed time')).not.toBe('Ana Ruiz');
  });
});
