import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;

describe('who-said for a relative owned by a pronoun', () => {
  it('names the widow as described when the story never names her', () => {
    const paragraphs = [
      'Tom Quill, a lock keeper on the canal for thirty years, has died aged 90.',
      'The canal trust’s director, Mara Fenn, said the lock would close for an hour on Friday.',
      'His widow said he had never missed a morning. "He loved the water more than the house," she said.',
    ];
    expect(speakerOf(paragraphs, 'loved the water')).toBe('his widow');
  });

  it('names the woman introduced as his wife when the widow speaks later', () => {
    const paragraphs = [
      'Tom Quill, a lock keeper on the canal, was buried on Friday. His wife, Ellen Quill, led the mourners.',
      'The canal trust’s director, Mara Fenn, said the lock would close for an hour.',
      'His widow said the letters had not stopped. "People write from every port," she said.',
    ];
    expect(speakerOf(paragraphs, 'every port')).toBe('Ellen Quill');
  });

  it('names the mother when the story tied her to her son', () => {
    const paragraphs = [
      'Nell Arkwright and her son Jonah have run the forge since 1990.',
      '"We shoe forty horses a week," Jonah Arkwright said.',
      'His mother said she would keep the anvil. "It was my father’s," she said.',
    ];
    expect(speakerOf(paragraphs, 'my father’s')).toBe('Nell Arkwright');
  });

  it('does not give "her mother" to the other woman quoted before', () => {
    const paragraphs = [
      'Rita Moss, whose shop flooded, said the warning came late. "We had ten minutes," Moss said.',
      'A girl stood beside her with a photograph. Her mother said the family had heard nothing. "No one has called," she said.',
    ];
    expect(speakerOf(paragraphs, 'No one has called')).not.toBe('Rita Moss');
  });
});

describe('who-said with an informal family noun', () => {
  it('takes "their dad" for the man introduced as their father', () => {
    const paragraphs = [
      'The twins sell apples on Brook Street. Their father, Tobin Searle, built the stall.',
      '"It took a weekend and a lot of nails," their dad said.',
    ];
    expect(speakerOf(paragraphs, 'a lot of nails')).toBe('Tobin Searle');
  });

  it('names no one for "their dad" when nobody was introduced as a father', () => {
    const paragraphs = [
      'The twins sell apples on Brook Street. A neighbour, Tobin Searle, built the stall.',
      '"It took a weekend," their dad said.',
    ];
    expect(speakerOf(paragraphs, 'took a weekend')).not.toBe('Tobin Searle');
  });
});
