import { describe, expect, it } from 'vitest';
import { chooseSpan } from '../../src/reader/extract.ts';
import type { SpanChoice } from '../../src/reader/extract.ts';
import { fitsAsked, statedTerms } from '../../src/reader/kind-words.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';

/** The question's terms that the sentence's short answer states by its value. */
function stated(question: string, sentence: string): string[] {
  const q = analyzeQuestion(question);
  const span = chooseSpan(q, sentence);
  return [...statedTerms(q, span, fitsAsked(q, sentence, span))];
}

describe('question words a value states without them', () => {
  it('reads a storey count as how tall a building is', () => {
    expect(stated('How tall is the grain mill?', 'The grain mill is a nine-storey building beside the canal.')).toContain(
      'tall',
    );
  });

  it('does not read a sum of money as a height', () => {
    expect(stated('How tall is the grain mill?', 'The grain mill was sold for £3 million last spring.')).not.toContain(
      'tall',
    );
  });

  it('reads a span of months as how long something lasted', () => {
    expect(stated('How long did the roadworks last?', 'The roadworks lasted eleven months.')).toContain('long');
  });

  it('reads a sum as the money asked for', () => {
    expect(stated('How much money did the choir raise?', 'The choir raised $8,000 at its winter concert.')).toContain(
      'money',
    );
  });
});

describe('a short answer of the asked type', () => {
  const sentence = 'Roughly 6,500 households were left without power on Sunday.';
  const q = analyzeQuestion('how many households lost power');
  const at = (text: string): SpanChoice => {
    const start = sentence.indexOf(text);
    return { text, start, end: start + text.length, typeFit: false, score: 0.5, kinds: 0 };
  };

  it('fits when it holds part of a counted figure, with a word before it', () => {
    expect(fitsAsked(q, sentence, at('Roughly 6,500'))).toBe(true);
  });

  it('does not fit when it holds no figure of the kind asked', () => {
    expect(fitsAsked(q, sentence, at('Sunday'))).toBe(false);
  });
});
