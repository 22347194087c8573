import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { tokenize } from '../../src/knowledge/nlp.ts';
import { describedPhrases } from '../../src/knowledge/people/described.ts';
import { makeArticle } from './make-article.ts';

const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;

describe('who-said for a described speaker named afterwards', () => {
  it('names the spokeswoman the next paragraph names', () => {
    const paragraphs = [
      'The ferry line cancelled its evening sailings on Monday.',
      'A spokeswoman for the line said the engines were being checked. "We expect to sail on Wednesday," she said.',
      'The spokeswoman, Oona Brack, said refunds would be paid within a week. "Nobody will be out of pocket," Brack said.',
    ];
    expect(speakerOf(paragraphs, 'sail on Wednesday')).toBe('Oona Brack');
    expect(speakerOf(paragraphs, 'out of pocket')).toBe('Oona Brack');
  });

  it('keeps the description when the person named later has another role', () => {
    const paragraphs = [
      'A spokeswoman for the line said the engines were being checked. "We expect to sail on Wednesday," she said.',
      'The harbour master, Oona Brack, said the quay was clear.',
    ];
    expect(speakerOf(paragraphs, 'sail on Wednesday')).toBe('a spokeswoman for the line');
  });

  it('does not join two coaches with different modifiers', () => {
    const paragraphs = [
      'The home coach said his side had been patient. "We waited for the gaps," he said.',
      'The coach, Ivo Marek, has led the club for six years.',
      'The visiting coach said his players were tired. "Three games in a week is too many," the visiting coach said.',
    ];
    expect(speakerOf(paragraphs, 'waited for the gaps')).toBe('Ivo Marek');
    expect(speakerOf(paragraphs, 'too many')).not.toBe('Ivo Marek');
  });

  it('reads an indefinite appositive between the description and its verb', () => {
    const text = 'One customer, a retired baker, said she had shopped there for years.';
    expect(describedPhrases(tokenize(text, 0), text, () => false).map((p) => p.text)).toEqual([
      'one customer',
    ]);
  });
});

describe('epithets with a proper-noun modifier', () => {
  it('does not make "the Olympic champion" a new speaker of its own', () => {
    const paragraphs = [
      'Greta Solheim, who won gold in Turin, will swim the strait on Sunday. Her coach, Arne Vik, will follow in a boat.',
      '"The water will be cold, but I have swum in worse," the Olympic champion said.',
    ];
    expect(speakerOf(paragraphs, 'swum in worse')).not.toBe('the Olympic champion');
  });
});

describe('gender from a name’s own words', () => {
  it('reads a Vietnamese middle name as the gender, so she finds the woman', () => {
    const paragraphs = [
      'Nguyen Thi Mai led the talks for Vietnam.',
      'The Lao delegate, Bounmy Vongsa, said his country would sign.',
      'Mai said the next round would be in June. "We will publish every figure," she said.',
    ];
    expect(speakerOf(paragraphs, 'every figure')).toBe('Nguyen Thi Mai');
  });
});

describe('a lede that names its subject in the next paragraph', () => {
  it('gives the described subject the name and age that open the next paragraph', () => {
    const paragraphs = [
      'A former bus driver accused of stealing fares testified on Monday, telling jurors he had "never taken a penny."',
      'Corwin Alder, 52, is charged with theft from the depot in Penwick.',
    ];
    expect(speakerOf(paragraphs, 'never taken a penny')).toBe('Corwin Alder');
  });

  it('does not give it to an official who opens the next paragraph without an age', () => {
    const paragraphs = [
      'A former bus driver accused of stealing fares testified on Monday, telling jurors he had "never taken a penny."',
      'Prosecutor Ilse Marten said the thefts ran for three years.',
    ];
    expect(speakerOf(paragraphs, 'never taken a penny')).not.toBe('Ilse Marten');
  });
});
