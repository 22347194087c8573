import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;

describe('who-said for a bare surname shaped like an adverb opening a colon introduction', () => {
  it('names the goalkeeper for "Ransly was more measured:"', () => {
    const paragraphs = [
      'Tarnfield lost 2-1 despite a late save from goalkeeper Piet Ransly.',
      'Ransly was more measured: "We gave them two goals and they took both."',
    ];
    expect(speakerOf(paragraphs, 'gave them two goals')).toBe('Piet Ransly');
  });

  it('still reads a sentence-opening adverb as no one', () => {
    const paragraphs = [
      'Tarnfield lost 2-1 despite a late save from goalkeeper Piet Ransly.',
      'Sadly for the visitors, the rain came: "We could not see the ball."',
    ];
    expect(speakerOf(paragraphs, 'could not see')).not.toBe('Sadly');
  });
});

describe('who-said for two relatives who share a surname', () => {
  const opening = 'Two sisters who run a bakery on the quay, Odile Tresk and Sunniva Tresk, won the appeal.';

  it('names the sister the colon introduction names in full', () => {
    const paragraphs = [opening, 'Sunniva Tresk was more cautious: "We won one round. The landlord has deeper pockets."'];
    expect(speakerOf(paragraphs, 'deeper pockets')).toBe('Sunniva Tresk');
  });

  it('names the other sister when she is the one introduced', () => {
    const paragraphs = [opening, 'Odile Tresk was more cautious: "We won one round. The landlord has deeper pockets."'];
    expect(speakerOf(paragraphs, 'deeper pockets')).toBe('Odile Tresk');
  });
});

describe('who-said for a person who gave only a first name', () => {
  it('names her by that name after "who gave only her first name,"', () => {
    const paragraphs = [
      'The ferry to Halm Island was cancelled for a third day on Friday.',
      'A passenger at the terminal, who gave only her first name, Wrenna, said she would "sleep in the car again tonight".',
    ];
    expect(speakerOf(paragraphs, 'sleep in the car')).toBe('Wrenna');
  });

  it('gives the name to no one when nobody is speaking', () => {
    const paragraphs = [
      'The ferry to Halm Island was cancelled for a third day on Friday.',
      'A passenger at the terminal, who gave only her first name, Wrenna, waited with her dog.',
      'The ferry company called the cancellation "a matter of safety".',
    ];
    expect(speakerOf(paragraphs, 'matter of safety')).not.toBe('Wrenna');
  });
});

describe('who-said for a measured reply in the next sentence', () => {
  it('names the captain for "Hollin was more measured." before a quotation', () => {
    const paragraphs = [
      'Brisa Hollin, the Tarnfield captain, scored the only goal.',
      'The visiting manager blamed the pitch. Hollin was more measured. "We got lucky with the wind."',
    ];
    expect(speakerOf(paragraphs, 'lucky with the wind')).toBe('Brisa Hollin');
  });
});
