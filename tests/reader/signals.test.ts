import { describe, expect, it } from 'vitest';
import { statsOf } from '../../src/reader/passages.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';
import { signals, SIGNALS } from '../../src/reader/signals.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const article = makeArticle([
  'The harbour at Kellby is the largest on the east coast. It handled 4,200 ships in 2019.',
  'Fishing boats leave before dawn and return in the afternoon.',
  'The harbour master, Ruth Okafor, took the post after a long career at sea.',
]);

/** The named signal for a question read against a paragraph's sentence. */
function signal(name: (typeof SIGNALS)[number], question: string, paragraph = 0, sentence = 0): number {
  const values = signals(analyzeQuestion(question), statsOf(article), paragraph, sentence);
  return values[SIGNALS.indexOf(name)] ?? NaN;
}

describe('signs that a paragraph does not answer', () => {
  it('notice the antonym of the text’s word', () => {
    const name = 'question has the antonym of a word near the best sentence';
    expect(signal(name, 'Which is the smallest harbour on the east coast?')).toBe(1);
    expect(signal(name, 'Which is the largest harbour on the east coast?')).toBe(0);
  });

  it('notice a number or year the text does not give', () => {
    const name = 'a question number missing near the best sentence';
    expect(signal(name, 'How many ships did the harbour handle in 2018?')).toBe(1);
    expect(signal(name, 'How many ships did the harbour handle in 2019?')).toBe(0);
  });

  it('notice two names that the text never puts together', () => {
    const name = 'a question name pair not found as a phrase in the paragraph';
    expect(signal(name, 'When did Ruth Kellby become harbour master?', 2)).toBe(1);
    expect(signal(name, 'When did Ruth Okafor become harbour master?', 2)).toBe(0);
  });

  it('measure how much of the question the sentence matches in order', () => {
    const name = 'question words matched in order in the best sentence';
    const inOrder = signal(name, 'When do fishing boats leave?', 1);
    const reversed = signal(name, 'When do boats leave fishing?', 1);
    expect(inOrder).toBeGreaterThan(reversed);
  });
});
