import { describe, expect, it } from 'vitest';
import { completionHitAt, evaluate, hitAt, matches, percentile, summarize, time } from '../../bench/stats.ts';
import type { BenchQuery } from '../../bench/queries.ts';

const oneToHundred = Array.from({ length: 100 }, (_, i) => 100 - i);

describe('percentile', () => {
  it('interpolates between closest ranks on a known array', () => {
    expect(percentile(oneToHundred, 50)).toBeCloseTo(50.5, 10);
    expect(percentile(oneToHundred, 95)).toBeCloseTo(95.05, 10);
    expect(percentile(oneToHundred, 99)).toBeCloseTo(99.01, 10);
    expect(percentile(oneToHundred, 0)).toBe(1);
    expect(percentile(oneToHundred, 100)).toBe(100);
  });

  it('handles odd lengths, single values and empty input', () => {
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('sorts numerically, not as strings', () => {
    expect(percentile([10, 9, 100, 1], 50)).toBe(9.5);
  });

  it('summarizes with the same percentiles', () => {
    const s = summarize(oneToHundred);
    expect(s).toMatchObject({ count: 100, min: 1, max: 100, mean: 50.5 });
    expect(s.p95).toBeCloseTo(95.05, 10);
  });
});

describe('time', () => {
  it('returns the value and a non-negative duration', () => {
    const r = time(() => 41 + 1);
    expect(r.value).toBe(42);
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });
});

describe('scoring', () => {
  const q = { expected: [{ article: 'a', paragraph: 2, speaker: 'Ana Vel' }] };

  it('matches on article and paragraph, and on speaker when the result names one', () => {
    expect(matches({ article: 'a', paragraph: 2 }, q.expected[0]!)).toBe(true);
    expect(matches({ article: 'a', paragraph: 2, speaker: 'ana  vel' }, q.expected[0]!)).toBe(true);
    expect(matches({ article: 'a', paragraph: 2, speaker: 'Bo Rin' }, q.expected[0]!)).toBe(false);
    expect(matches({ article: 'a', paragraph: 2 }, q.expected[0]!, 'require')).toBe(false);
    expect(matches({ article: 'a', paragraph: 3 }, q.expected[0]!)).toBe(false);
    expect(matches({ article: 'a' }, { article: 'a' })).toBe(true);
  });

  it('counts hit@1 and hit@5 by rank', () => {
    const hits = [
      { article: 'x', paragraph: 1 },
      { article: 'y', paragraph: 1 },
      { article: 'a', paragraph: 2 },
    ];
    expect(hitAt(hits, q, 1)).toBe(false);
    expect(hitAt(hits, q, 5)).toBe(true);
    expect(hitAt([], q, 5)).toBe(false);
  });

  it('scores completions case-insensitively within the top k', () => {
    expect(completionHitAt(['Ana Bel', 'ana vel'], { completion: 'Ana Vel' }, 2)).toBe(true);
    expect(completionHitAt(['Ana Bel', 'ana vel'], { completion: 'Ana Vel' }, 1)).toBe(false);
  });

  it('evaluates a plugged-in system per query kind', async () => {
    const queries: BenchQuery[] = [
      { id: 'e1', kind: 'exact', text: 'one', expected: [{ article: 'a', paragraph: 1 }] },
      { id: 'e2', kind: 'exact', text: 'two', expected: [{ article: 'b', paragraph: 1 }] },
      { id: 'c1', kind: 'autocomplete', text: 'An', expected: [{ article: 'a' }], completion: 'Ana Vel' },
    ];
    const results = await evaluate(
      { name: 'fake', search: () => [{ article: 'a', paragraph: 1 }], complete: () => ['Ana Vel'] },
      queries,
    );
    expect(results.map((r) => [r.kind, r.count, r.hit1, r.hit5])).toEqual([
      ['exact', 2, 0.5, 0.5],
      ['autocomplete', 1, 1, 1],
    ]);
    expect(results[1]!.scoredOn).toBe('completion');
  });

  it('runs warm-up queries of every kind first, without timing or scoring them', async () => {
    const asked: string[] = [];
    const system = {
      name: 'fake',
      search: (text: string) => (asked.push(text), [{ article: 'a', paragraph: 1 }]),
      complete: (text: string) => (asked.push(text), ['Ana Vel']),
    };
    const measured: BenchQuery[] = [
      { id: 'q1', kind: 'question', text: 'who spoke', expected: [{ article: 'a', paragraph: 1 }] },
    ];
    const warm: BenchQuery[] = [
      { id: 'w1', kind: 'exact', text: 'warm quote', expected: [{ article: 'b', paragraph: 2 }] },
      { id: 'w2', kind: 'question', text: 'warm question', expected: [{ article: 'b', paragraph: 2 }] },
      { id: 'w3', kind: 'autocomplete', text: 'Wa', expected: [{ article: 'b' }], completion: 'Wan Li' },
    ];
    const results = await evaluate(system, measured, { warmupQueries: warm });
    expect(asked).toEqual(['warm quote', 'warm question', 'Wa', 'who spoke']);
    expect(results.map((r) => [r.kind, r.count, r.hit1])).toEqual([['question', 1, 1]]);
  });
});
