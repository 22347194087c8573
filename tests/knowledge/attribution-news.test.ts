import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('party–state tags after a legislator’s name', () => {
  it('gives the quote to the legislator, not to the tag', () => {
    const speaker = speakerOf(
      [
        'Rep. Lena Hoyt, R-Idaho, a member of the budget committee who voted no, told reporters the cuts were "nowhere near deep enough."',
      ],
      'nowhere near deep enough',
    );
    expect(speaker).toBe('Lena Hoyt');
  });

  it('reads a tag with its own full stop ("D-N.M.", "R-Ky.") the same way', () => {
    const speaker = speakerOf(
      ['"We will not vote for this bill as written," Sen. Owen Marsh, R-Ky., said on Tuesday.'],
      'We will not vote',
    );
    expect(speaker).toBe('Owen Marsh');
  });

  it('resolves a later "he said" to the legislator', () => {
    const speaker = speakerOf(
      [
        'Rep. Tomas Quill, D-Ore., who chairs the panel, said the vote would come "within the week."',
        '"We have the numbers," he said.',
      ],
      'We have the numbers',
    );
    expect(speaker).toBe('Tomas Quill');
  });
});

describe('partial quotes inside reported speech', () => {
  it('leaves a fragment unattributed when the verb’s own subject is nobody the article names', () => {
    const speaker = speakerOf(
      [
        'Mayor Ilse Brandt presented the budget on Monday, a plan with what one resident called "a hole where the buses used to be."',
      ],
      'a hole where the buses',
    );
    expect(speaker).toBeNull();
  });
});

describe('a short sentence that continues the speaker', () => {
  it('keeps "Wouldn’t you?" after a quote and gives it the same speaker', () => {
    const speaker = speakerOf(
      ['"People will always drive to where parking is free," said grocer Tomas Quill. "Wouldn\'t you?"'],
      'Wouldn',
    );
    expect(speaker).toBe('Tomas Quill');
  });
});

describe('pronouns and words about the quote', () => {
  it('resolves "he" to the one man a sentence names when its subject is a woman', () => {
    const speaker = speakerOf(
      [
        'Mayor Ana Ruiz met the harbour master, Tom Hale, on Monday.',
        '"The cranes are older than I am," he said.',
      ],
      'The cranes are older',
    );
    expect(speaker).toBe('Tom Hale');
  });

  it('does not take a name after the quote that talks about its words as the speaker', () => {
    const speaker = speakerOf(
      [
        'Tom Hale, the company’s founder, has often described the firm as "a family, not a business," a phrase Ana Ruiz said she still hears in the corridors.',
      ],
      'a family, not a business',
    );
    expect(speaker).toBe('Tom Hale');
  });
});

describe('subjects of many words', () => {
  it('reaches the name before an appositive with a relative clause of its own', () => {
    const speaker = speakerOf(
      [
        '"We expect the line to reopen by Friday," Ana Ruiz, the chief engineer of the Harbor Rail Authority, which runs the line, said on Tuesday.',
      ],
      'We expect the line',
    );
    expect(speaker).toBe('Ana Ruiz');
  });

  it('gives "they" after two people to neither of them', () => {
    const speaker = speakerOf(
      ['Ana Ruiz and Tom Hale both attended the hearing. "We agree on almost nothing," they said.'],
      'We agree on almost nothing',
    );
    expect(speaker).toBeNull();
  });
});
