import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../../src/knowledge/nlp.ts';
import { chooseSpan } from '../../src/reader/extract.ts';
import { candidateSpans } from '../../src/reader/spans.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';
import { sentenceCandidates } from '../../src/reader/span-features.ts';
import { spanCases, trainSpanModel } from '../../src/reader/span-training.ts';
import type { SpanCase } from '../../src/reader/span-training.ts';
import { squadScore } from '../../src/reader/squad.ts';
import { loadData } from '../../src/reader/training.ts';

// News articles and questions written for this project (not in the span scorer's training set).
const DIR = 'tests/fixtures/spans';
let cases: SpanCase[];
beforeAll(async () => {
  cases = spanCases(await loadData([DIR]), true);
});

describe('the learned span scorer', () => {
  it('training is deterministic and reproduces the committed fixture weights', async () => {
    const first = trainSpanModel(cases);
    const second = trainSpanModel(spanCases(await loadData([DIR])));
    expect(second).toEqual(first);
    const committed = JSON.parse(await readFile(`${DIR}/span-weights.json`, 'utf8')) as unknown;
    expect(first).toEqual(committed);
  });

  it('states the short answer of most held-out news questions, read in their paragraph', () => {
    const scores = cases.map((k) => squadScore(chooseSpan(k.q, k.read)?.text, k.c.answers ?? []));
    const f1 = scores.reduce((a, s) => a + s.f1, 0) / scores.length;
    expect(f1).toBeGreaterThanOrEqual(0.6);
  });

  it('states "20,000 reservists" for how many reservists', () => {
    const k = cases.find((x) => x.c.query.startsWith('How many reservists'));
    expect(k).toBeDefined();
    expect(chooseSpan((k as SpanCase).q, (k as SpanCase).read)?.text).toBe('20,000 reservists');
  });

  it('never answers with words the question already has', () => {
    const q = analyzeQuestion('Who did Olga Brenner meet?');
    const got = chooseSpan(q, 'Olga Brenner met Karl Dunn in Halden on Tuesday.')?.text ?? '';
    expect(got).not.toMatch(/Olga|Brenner/);
  });

  it('offers spans that start and end on content words and cross no clause break', () => {
    const { candidates } = sentenceCandidates(
      'The board, which met in May, approved the plan; critics objected.',
    );
    const texts = candidates.map((c) => c.text);
    expect(texts).toContain('board');
    expect(texts).toContain('May');
    expect(texts.some((t) => t.includes(';'))).toBe(false);
    expect(texts.some((t) => /^(the|in|which) /i.test(t) || / (the|in)$/i.test(t))).toBe(false);
  });
});

describe('SQuAD scoring', () => {
  it('normalises case, punctuation and articles before comparing', () => {
    expect(squadScore('The 20,000 reservists.', ['20,000 reservists'])).toEqual({ em: 1, f1: 1 });
    expect(squadScore('20,000', ['20,000 reservists']).f1).toBeCloseTo(2 / 3);
    expect(squadScore(undefined, ['x'])).toEqual({ em: 0, f1: 0 });
  });
});

describe('figures joined to their unit by hyphens', () => {
  const typesOf = (sentence: string, text: string): string[] => [
    ...(candidateSpans(sentence).spans.find((s) => s.text === text)?.types ?? []),
  ];

  it('reads "a 31-year-old" as an age, "a three-week" as a duration and "a 12-metre" as a count', () => {
    const sentence = 'A 31-year-old diver spent a three-week spell in a 12-metre boat.';
    expect(typesOf(sentence, '31-year-old')).toContain('age');
    expect(typesOf(sentence, 'three-week')).toContain('duration');
    expect(typesOf(sentence, '12-metre')).toContain('count');
  });

  it('states the compound alone as the short answer', () => {
    const q = analyzeQuestion('how old is the diver');
    expect(chooseSpan(q, 'The diver, a 31-year-old from Wick, was found safe.')?.text).toContain(
      '31-year-old',
    );
  });
});

describe('candidates kept per sentence', () => {
  it('reads back the same candidates and tokens after other sentences were read', () => {
    const sentence = 'The mayor of Lindholm opened a 40-metre footbridge on 3 May, a year late.';
    const first = sentenceCandidates(sentence).candidates.map((c) => c.text);
    expect(first).toContain('Lindholm');
    expect(first).toContain('40-metre footbridge');
    sentenceCandidates('A second sentence about the ferry timetable was read in between.');
    const again = sentenceCandidates(sentence);
    expect(again.candidates.map((c) => c.text)).toEqual(first);
    expect(again.tokens).toEqual(tokenize(sentence));
  });
});

describe('an age given beside a name', () => {
  const typesOf = (sentence: string, text: string): string[] => [
    ...(candidateSpans(sentence).spans.find((s) => s.text === text)?.types ?? []),
  ];

  it('reads a number set off by commas or brackets after a name as an age', () => {
    expect(typesOf('Marta Oyelaran, 47, of Dunwick, opened the bakery in May.', '47')).toContain('age');
    expect(typesOf('Ines Marrow (34) won the race.', '34')).toContain('age');
  });

  it('leaves a number after a plain word, or a year, as it was', () => {
    expect(typesOf('The survey, 12, found.', '12')).not.toContain('age');
    expect(typesOf('Marta Oyelaran, 1987, opened it.', '1987')).not.toContain('age');
  });
});
