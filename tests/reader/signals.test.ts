import { describe, expect, it } from 'vitest';
import { statsOf } from '../../src/reader/passages.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';
import { GATE_SIGNALS, gateSignals, signals, SIGNALS } from '../../src/reader/signals.ts';
import { chooseSentence } from '../../src/reader/sentence-choice.ts';
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

  it('notice an opposite WordNet knows, beyond the listed pairs', () => {
    const name = 'question has the antonym of a word near the best sentence';
    const street = makeArticle(['Residents say the market street stays quiet after midnight.']);
    const read = (question: string): number =>
      signals(analyzeQuestion(question), statsOf(street), 0, 0)[SIGNALS.indexOf(name)] ?? NaN;
    expect(read('When does the market street turn noisy?')).toBe(1);
    expect(read('When does the market street turn quiet?')).toBe(0);
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

/** The named gate signal for a question read against a paragraph, at its chosen sentence and short answer. */
function gateSignal(name: (typeof GATE_SIGNALS)[number], question: string, paragraph = 0): number {
  const q = analyzeQuestion(question);
  const stats = statsOf(article);
  const { sentence, span } = chooseSentence(q, stats, paragraph);
  return gateSignals(q, stats, paragraph, sentence, span)[GATE_SIGNALS.indexOf(name)] ?? NaN;
}

describe('signs the answer gate reads on the best paragraph', () => {
  it('notice a counted noun the figure does not count', () => {
    const name = 'focus noun asked, not beside the short answer';
    expect(gateSignal(name, 'How many ships did the harbour handle in 2019?')).toBe(0);
    expect(gateSignal(name, 'How many passengers did the harbour handle in 2019?')).toBe(1);
  });

  it('notice a focus noun the sentence and its neighbours never use', () => {
    const name = 'focus noun asked, missing near the best sentence';
    expect(gateSignal(name, 'How many ships did the harbour handle in 2019?')).toBe(0);
    expect(gateSignal(name, 'How many lorries did the harbour handle in 2019?')).toBe(1);
  });

  it('notice a short answer that measures another kind than the figure asked', () => {
    const name = 'figure asked, short answer measures another kind';
    const bakery = makeArticle(['The corner bakery has been run by the same family for twelve years.']);
    const read = (question: string): number => {
      const q = analyzeQuestion(question);
      const stats = statsOf(bakery);
      const { sentence, span } = chooseSentence(q, stats, 0);
      return gateSignals(q, stats, 0, sentence, span)[GATE_SIGNALS.indexOf(name)] ?? NaN;
    };
    expect(read('How long has the family run the corner bakery?')).toBe(0);
    expect(read('How much did the family pay for the corner bakery?')).toBe(1);
  });

  it('tell a short story from a long article by its paragraph count', () => {
    const name = 'paragraphs in the article (log, 5 to 60)';
    const long = makeArticle(Array.from({ length: 40 }, (_, i) => `The harbour handled ${i + 100} ships.`));
    const q = analyzeQuestion('How many ships did the harbour handle?');
    const read = (a: typeof article): number => {
      const stats = statsOf(a);
      const { sentence, span } = chooseSentence(q, stats, 0);
      return gateSignals(q, stats, 0, sentence, span)[GATE_SIGNALS.indexOf(name)] ?? NaN;
    };
    expect(read(long)).toBeGreaterThan(read(article));
  });
});

describe('a question that keeps a phrase of the best sentence and changes one word of it', () => {
  it('is a sign for the gate when a figure changes, not when the figure is the text’s', () => {
    const name = 'a figure of the sentence changed in a phrase the question keeps';
    expect(gateSignal(name, 'In what year did the harbour handle 4,300 ships?')).toBe(1);
    expect(gateSignal(name, 'In what year did the harbour handle 4,200 ships?')).toBe(0);
  });
});

describe('names in a question', () => {
  it('are never paired across a comma', () => {
    const name = 'a question name pair not found as a phrase in the paragraph';
    const crew = makeArticle(['The crew of the lifeboat were Ruth Okafor, Dev Malik and Ines Baro.']);
    const read = (question: string): number =>
      signals(analyzeQuestion(question), statsOf(crew), 0, 0)[SIGNALS.indexOf(name)] ?? NaN;
    expect(read('Along with Ruth Okafor, Dev Malik, who crewed the lifeboat?')).toBe(0);
    expect(read('Along with Ruth Malik, who crewed the lifeboat?')).toBe(1);
  });
});
