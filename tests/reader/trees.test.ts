import { describe, expect, it } from 'vitest';
import { forestScore, trainForest } from '../../src/reader/trees.ts';

/** Rows on a grid of two features; the label is an interaction no single feature gives. */
function grid(label: (a: number, b: number) => number): { rows: number[][]; labels: number[] } {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let a = 0; a < 10; a++)
    for (let b = 0; b < 10; b++)
      for (let k = 0; k < 3; k++) {
        rows.push([a, b, k]);
        labels.push(label(a, b));
      }
  return { rows, labels };
}

describe('boosted trees', () => {
  it('learn an interaction: positive only when both features are high', () => {
    const { rows, labels } = grid((a, b) => (a >= 5 && b >= 5 ? 1 : 0));
    const forest = trainForest(rows, labels, { rounds: 60, depth: 2 });
    expect(forestScore(forest, [8, 8, 0])).toBeGreaterThan(0);
    expect(forestScore(forest, [8, 1, 0])).toBeLessThan(0);
    expect(forestScore(forest, [1, 8, 0])).toBeLessThan(0);
    expect(forestScore(forest, [1, 1, 0])).toBeLessThan(0);
  });

  it('give the same forest for the same rows', () => {
    const { rows, labels } = grid((a, b) => (a + b > 9 ? 1 : 0));
    expect(trainForest(rows, labels, { rounds: 20 })).toEqual(trainForest(rows, labels, { rounds: 20 }));
  });

  it('count heavier rows more', () => {
    const rows = [[0], [0], [1], [1]];
    const labels = [0, 1, 0, 1];
    const light = trainForest(rows, labels, { rounds: 10, minChild: 0 });
    const heavy = trainForest(rows, labels, { rounds: 10, minChild: 0 }, [1, 9, 1, 9]);
    expect(forestScore(heavy, [0])).toBeGreaterThan(forestScore(light, [0]));
  });
});
