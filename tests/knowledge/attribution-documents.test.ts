import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('a document as the subject of a speech verb', () => {
  it('gives "X\'s website said: “…”" to X', () => {
    const speaker = speakerOf(
      [
        'The Northern Water Board closed the reservoir on Friday.',
        'The Northern Water Board\'s website said: "Swimming is forbidden until the algae have cleared from the lake."',
      ],
      'Swimming is forbidden',
    );
    expect(speaker).toBe('Northern Water Board');
  });

  it('gives "The letter signed by X read “…”" to X', () => {
    const speaker = speakerOf(
      [
        'Bishop Anselm Kowal wrote to every parish in the diocese.',
        'The letter signed by Kowal read "No child should ever again be left alone with a priest behind a closed door."',
      ],
      'No child should ever',
    );
    expect(speaker).toBe('Anselm Kowal');
  });

  it('gives "A tweet sent from X\'s account …, saying “…”" to X', () => {
    const speaker = speakerOf(
      [
        'Senator Mara Quist spoke at the debate on Tuesday.',
        'A tweet sent from Quist\'s account during the debate repeated the promise, saying "The mill will reopen next spring, whatever it costs."',
      ],
      'The mill will reopen',
    );
    expect(speaker).toBe('Mara Quist');
  });

  it('does not make a person reading a book a speaker of the book', () => {
    const speaker = speakerOf(
      ['The children read "The Long Winter on the Prairie" aloud in class every Friday afternoon.'],
      'The Long Winter',
    );
    expect(speaker ?? null).toBeNull();
  });
});
