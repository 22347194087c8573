import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;

const family = [
  'Pieter Maas, 80, opened the workshop in 1970.',
  'His daughter, Liesje Maas, runs it now. Her brother, Wout Maas, left to teach.',
];

describe('who-said between relatives who share a surname', () => {
  it('reads the gender of the family noun a relative was introduced with', () => {
    const paragraphs = [
      ...family,
      'Maas said the sale was her idea. "The makers should own the tools," she said.',
    ];
    expect(speakerOf(paragraphs, 'own the tools')).toBe('Liesje Maas');
  });

  it('takes a child’s brother for the younger generation, so "the elder" is the father', () => {
    const paragraphs = [
      ...family,
      'The elder Maas said he would still come in. "Someone has to sweep," he said.',
    ];
    expect(speakerOf(paragraphs, 'has to sweep')).toBe('Pieter Maas');
  });

  it('refuses a lone surname when "he" fits a man and a relative of unknown gender', () => {
    const paragraphs = [
      'Eamon Roe, a ferryman for forty years, has died. His child, Ronan Roe, said he died at home.',
      'Roe first crossed the bay at sixteen. He later wrote that he had been "too proud to be afraid."',
    ];
    expect(speakerOf(paragraphs, 'too proud')).not.toBe('Ronan Roe');
  });

  it('finds a particle surname in lower case in mid-sentence', () => {
    const paragraphs = [
      'Pieter van Dam, 80, and his son Wout van Dam run the yard.',
      'The elder van Dam said he would retire. "My knees have had enough," he said.',
    ];
    expect(speakerOf(paragraphs, 'knees')).toBe('Pieter van Dam');
  });
});
