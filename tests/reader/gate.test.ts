import { describe, expect, it } from 'vitest';
import { GATE_DIRECTIONS, gateWeights } from '../../src/reader/training.ts';
import type { Case, Example } from '../../src/reader/training.ts';
import { answerCandidates, gateFeatures, GATE_FEATURES, MODEL } from '../../src/reader/read.ts';
import { train } from '../../src/reader/model.ts';
import { FEATURES } from '../../src/reader/features.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';
import { statsOf } from '../../src/reader/passages.ts';
import { gateSignals } from '../../src/reader/signals.ts';
import { makeArticle } from '../knowledge/make-article.ts';

/** An example of a folder with no readings: the weighting reads only its case. */
const example = (kind: Case['kind'], source: string, weight = 1, synthetic?: string): Example => ({
  c: { kind, article: 'a', query: 'q', source, weight, ...(synthetic ? { synthetic } : {}) },
  readings: [],
  labels: [],
});

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('what the answer gate learns from', () => {
  it('counts a folder’s answered and unanswerable questions the same, however few of either there are', () => {
    const ex = [
      ...Array.from({ length: 6 }, () => example('ask', 'reference')),
      example('no-answer', 'reference'),
      example('no-answer', 'reference', 1, 'negate'),
    ];
    const w = gateWeights(
      ex,
      ex.map((e) => (e.c.kind === 'ask' ? 1 : 0)),
    );
    expect(sum(w.slice(0, 6))).toBeCloseTo(sum(w.slice(6)));
    // Real and synthesized unanswerable questions count alike.
    expect(w[6]).toBeCloseTo(w[7] ?? NaN);
  });

  it('keeps each folder’s own weight: news questions count more than reference ones', () => {
    const ex = [
      example('ask', 'reference'),
      example('no-answer', 'reference'),
      example('ask', 'news', 20),
      example('no-answer', 'news', 20),
    ];
    const w = gateWeights(ex, [1, 0, 1, 0]);
    expect(sum(w.slice(2))).toBeGreaterThan(sum(w.slice(0, 2)));
  });

  it('leaves out an answerable question whose best paragraph is wrong: it is a miss either way', () => {
    const ex = [example('ask', 'news'), example('ask', 'news'), example('no-answer', 'news')];
    const w = gateWeights(ex, [1, 0, 0]);
    expect(w[1]).toBe(0);
    expect(w[0]).toBeGreaterThan(0);
    expect(w[2]).toBeGreaterThan(0);
  });
});

describe('the gate’s inputs', () => {
  const article = makeArticle([
    'Five crew members were lifted from the trawler by helicopter on Tuesday night.',
    'The trawler had lost power in a storm off Grindle Point, the coastguard said.',
    'Its owner, a fishing firm in Castlebay, said the vessel would be towed to port.',
  ]);

  it('are the best paragraph’s features, its lead, and the gate’s own signals on that paragraph', () => {
    const q = analyzeQuestion('How many crew were taken off the trawler?');
    const ranked = answerCandidates([article], q);
    const top = ranked[0];
    expect(top).toBeDefined();
    if (!top) return;
    const x = gateFeatures(ranked);
    expect(x).toHaveLength(FEATURES.length + GATE_FEATURES.length);
    expect(x.slice(0, FEATURES.length)).toEqual(top.features);
    expect(x.slice(FEATURES.length + 2)).toEqual(
      gateSignals(q, statsOf(article), top.paragraph, top.sentence, top.span),
    );
  });
});

describe('which way each gate input may push', () => {
  const names = [...FEATURES, ...GATE_FEATURES];

  it('every input the gate reads has a declared direction, so a new feature must say which way it counts', () => {
    expect(names.filter((n) => !GATE_DIRECTIONS.has(n))).toEqual([]);
  });

  it('the committed gate never lets a missing word, name or number raise its confidence, nor more overlap lower it', () => {
    const gate = MODEL.gate;
    expect(gate).toBeDefined();
    if (!gate) return;
    const wrongSide = gate.features.filter((n, j) => {
      const w = gate.weights[j] ?? 0;
      const bound = GATE_DIRECTIONS.get(n);
      return (bound === 'up' && w < 0) || (bound === 'down' && w > 0);
    });
    expect(wrongSide).toEqual([]);
  });
});

describe('a bounded logistic regression', () => {
  // One feature that goes with the label and one that goes against it.
  const rows = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => [i % 2, i % 2 === 0 ? 1 : 0]);
  const labels = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => i % 2);

  it('fits each weight freely without bounds', () => {
    const m = train(['with', 'against'], rows, labels);
    expect(m.weights[0]).toBeGreaterThan(0);
    expect(m.weights[1]).toBeLessThan(0);
  });

  it('holds a weight at zero rather than let it cross to the side its bound forbids', () => {
    const m = train(['with', 'against'], rows, labels, { bounds: ['down', 'up'] });
    expect(m.weights).toEqual([0, 0]);
  });

  it('leaves an input that is off unread', () => {
    const m = train(['with', 'against'], rows, labels, { bounds: ['free', 'off'] });
    expect(m.weights[0]).toBeGreaterThan(0);
    expect(m.weights[1]).toBe(0);
  });
});
