import { forestScore } from './trees.ts';
import type { Forest } from './trees.ts';

/**
 * A logistic regression written out by hand: standardised features, L2-regularised full-batch
 * gradient descent from zero weights. No randomness, so the same data gives the same weights.
 */

export interface Model {
  /** Feature names, in vector order (the weights file documents itself). */
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probability below which /ask says "not in the article". */
  threshold: number;
  /**
   * Second stage, read on the best paragraph only: the probability that the question is answered
   * there at all (its features: the first stage's, then its best and the runner-up's probability).
   * The threshold applies to it when present.
   */
  gate?: Model;
  /** Boosted trees over the raw features; when present they score and the linear part is unused. */
  forest?: Forest;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function probability(model: Model, x: readonly number[]): number {
  if (model.forest) return sigmoid(forestScore(model.forest, x));
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++)
    z += (model.weights[i] ?? 0) * (((x[i] ?? 0) - (model.mean[i] ?? 0)) / (model.scale[i] ?? 1));
  return sigmoid(z);
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

export interface TrainOptions {
  iterations?: number;
  rate?: number;
  l2?: number;
  /** Per feature, the side its weight is kept to after each step (projected gradient descent). */
  bounds?: readonly Bound[];
}

/**
 * Where a feature's weight may go: `up` never below 0 (the feature can only raise the
 * probability), `down` never above 0, `free` anywhere, `off` held at 0 (the feature is not read).
 */
export type Bound = 'up' | 'down' | 'free' | 'off';

function clip(w: number, bound: Bound): number {
  if (bound === 'up') return Math.max(0, w);
  if (bound === 'down') return Math.min(0, w);
  return bound === 'off' ? 0 : w;
}

/** Fits the model on rows of features with 0/1 labels. Deterministic. */
export function train(
  names: string[],
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: TrainOptions = {},
  /** Per-row weights (default 1): how much each example counts. */
  sampleWeights?: readonly number[],
): Model {
  const d = names.length;
  const n = rows.length;
  const sw = (i: number): number => sampleWeights?.[i] ?? 1;
  const total = rows.reduce((a, _, i) => a + sw(i), 0);
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] = (mean[j] ?? 0) + (r[j] ?? 0) / n;
  for (const r of rows)
    for (let j = 0; j < d; j++) scale[j] = (scale[j] ?? 0) + ((r[j] ?? 0) - (mean[j] ?? 0)) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j] ?? 0) || 1;
  const xs = rows.map((r) => r.map((v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const { iterations = 300, rate = 0.5, l2 = 1e-3, bounds } = options;
  const grad = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i] as number[];
      let z = b;
      for (let j = 0; j < d; j++) z += (w[j] ?? 0) * (x[j] ?? 0);
      const e = (sigmoid(z) - (labels[i] ?? 0)) * sw(i);
      gb += e;
      for (let j = 0; j < d; j++) grad[j] = (grad[j] ?? 0) + e * (x[j] ?? 0);
    }
    b -= (rate * gb) / total;
    for (let j = 0; j < d; j++) w[j] = (w[j] ?? 0) - rate * ((grad[j] ?? 0) / total + l2 * (w[j] ?? 0));
    if (bounds) for (let j = 0; j < d; j++) w[j] = clip(w[j] ?? 0, bounds[j] ?? 'free');
  }
  return {
    features: names,
    mean: mean.map(round),
    scale: scale.map(round),
    weights: w.map(round),
    bias: round(b),
    threshold: 0.5,
  };
}
