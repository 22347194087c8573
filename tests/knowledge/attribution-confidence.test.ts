import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import type { Quote } from '../../src/knowledge/types.ts';
import { makeArticle } from './make-article.ts';

function quoteOf(paragraphs: string[], words: string): Quote | undefined {
  return extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
}

describe('confidence of an attribution', () => {
  it('is lower when "she" resolves to a man the first name suggests', () => {
    const fits = quoteOf(
      [
        'The owner of the club, Maria Salas, said it would close for one night.',
        'Asked about the future, she said: "We will open again on Friday."',
      ],
      'We will open again',
    );
    const against = quoteOf(
      [
        'The owner of the club, Victor Salas, said it would close for one night.',
        'Asked about the future, she said: "We will open again on Friday."',
      ],
      'We will open again',
    );
    expect(fits?.speaker).toBe('Maria Salas');
    expect(against?.confidence ?? 0).toBeLessThan(fits?.confidence ?? 0);
  });

  it('is lower when the surname alone could mean either of two people of that name', () => {
    const alone = quoteOf(
      ['Paul Okoro runs the clinic on Mill Road.', '"We have never been this busy," Okoro said on Monday.'],
      'never been this busy',
    );
    const twoOkoros = quoteOf(
      [
        'Paul Okoro runs the clinic on Mill Road with his sister, Grace Okoro.',
        '"We have never been this busy," Okoro said on Monday.',
      ],
      'never been this busy',
    );
    expect(alone?.speaker).toBe('Paul Okoro');
    expect(twoOkoros?.confidence ?? 0).toBeLessThan(alone?.confidence ?? 0);
  });

  it('stays high when the attribution gives the first name too', () => {
    const alone = quoteOf(
      ['Paul Okoro runs the clinic on Mill Road.', '"We have never been this busy," Paul Okoro said.'],
      'never been this busy',
    );
    const full = quoteOf(
      [
        'Paul Okoro runs the clinic on Mill Road with his sister, Grace Okoro.',
        '"We have never been this busy," Paul Okoro said.',
      ],
      'never been this busy',
    );
    expect(full?.speaker).toBe('Paul Okoro');
    expect(full?.confidence).toBe(alone?.confidence);
  });
});

describe('a name whose own clause contradicts it', () => {
  it('gives no speaker when "her" right after the name contradicts the man it was resolved to', () => {
    const q = quoteOf(
      [
        'Her son, Martin Adebayo, said the cause was a stroke.',
        'In a radio interview in 2001, Adebayo described her playing as "church on a Saturday night."',
      ],
      'church on a Saturday night',
    );
    expect(q?.speaker ?? null).not.toBe('Martin Adebayo');
  });
});
