import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;

describe('who-said for a demonym as the subject', () => {
  it('names the one player the report gave that country', () => {
    const paragraphs = [
      'Chile’s Ramón Ortega beat Nils Aaberg of Norway in four sets on Friday.',
      '"I felt slow all afternoon," the Norwegian said.',
      '"The crowd carried me," the Chilean said.',
    ];
    expect(speakerOf(paragraphs, 'felt slow')).toBe('Nils Aaberg');
    expect(speakerOf(paragraphs, 'crowd carried me')).toBe('Ramón Ortega');
  });

  it('names the player after an inverted verb too ("said the Chilean")', () => {
    const paragraphs = [
      'Chile’s Ramón Ortega beat Nils Aaberg of Norway in four sets on Friday.',
      '"I felt slow all afternoon," said the Norwegian.',
      'Ortega had lost twice before. "This one means more," said the Chilean, who plays again on Sunday.',
    ];
    expect(speakerOf(paragraphs, 'felt slow')).toBe('Nils Aaberg');
    expect(speakerOf(paragraphs, 'means more')).toBe('Ramón Ortega');
  });

  it('reads the country from a role with a demonym', () => {
    const paragraphs = [
      'The club’s Canadian forward, Luc Tremblay, scored twice against the Harriers.',
      '"It was a good night for the whole team," the Canadian said.',
    ];
    expect(speakerOf(paragraphs, 'good night')).toBe('Luc Tremblay');
  });

  it('names nobody when two people share the country', () => {
    const paragraphs = [
      'Norway’s Nils Aaberg beat his compatriot Erik Lund of Norway in the final.',
      '"It is hard to play a friend," the Norwegian said.',
    ];
    expect(speakerOf(paragraphs, 'play a friend')).toBeNull();
  });
});

describe('who-said for an epithet as the subject', () => {
  it('names the one person the paragraph names before "the veteran said"', () => {
    const paragraphs = [
      'Harriers beat Dunmore 3-1 on Saturday.',
      'Colm Rafferty, 35, scored twice after coming off the bench. "I still know where the goal is," the veteran said.',
    ];
    expect(speakerOf(paragraphs, 'where the goal is')).toBe('Colm Rafferty');
  });

  it('names nobody when the paragraph names two people', () => {
    const paragraphs = [
      'Colm Rafferty and Dara Quinn both scored for the Harriers. "We still know where the goal is," the veteran said.',
    ];
    expect(speakerOf(paragraphs, 'where the goal is')).toBeNull();
  });
});

describe('accented given names', () => {
  it('knows a given name the lexicon lists without its accent', () => {
    const paragraphs = ['The vote was close, Inés Roldán said on Monday. "We won by nine," Roldán said.'];
    expect(speakerOf(paragraphs, 'won by nine')).toBe('Inés Roldán');
  });
});

describe('who-said for an age as the subject', () => {
  it('reads an age given after "at" in an appositive', () => {
    const paragraphs = [
      'Ramón Ortega, at 37 the oldest man left in the draw, reached the final on Friday.',
      'His opponent, Nils Aaberg, is 21.',
      '"I just played the next point," the 37-year-old said.',
    ];
    expect(speakerOf(paragraphs, 'next point')).toBe('Ramón Ortega');
  });
});
