import type { Model } from './model.ts';

/**
 * A conditional log-linear (softmax) ranker over the candidates of one group: standardised
 * features, L2-regularised full-batch gradient descent from zero weights, no randomness. Used
 * where exactly one of a group's candidates is right (the short answer among a sentence's spans).
 * Stored as a {@link Model} (its bias is unused: it cancels in a softmax).
 */

/** A softmax ranker with, beside its dense features, weights for hashed word features. */
export interface SoftmaxModel extends Model {
  /** Weight per hashed word feature (see span-features.ts `lexicalKeys`); absent: none. */
  lexical?: number[];
}

export interface Group {
  /** Candidate feature rows. */
  rows: Float32Array[];
  /** Per candidate, the hashed word features it has (each worth 1), when the model uses them. */
  keys?: Int32Array[];
  /** Target share of each candidate (sums to 1). */
  target: number[];
  weight: number;
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

function standardise(
  names: readonly string[],
  groups: readonly Group[],
): { mean: number[]; scale: number[] } {
  const d = names.length;
  const mean = new Array<number>(d).fill(0);
  const sq = new Array<number>(d).fill(0);
  let n = 0;
  for (const g of groups)
    for (const r of g.rows) {
      n++;
      for (let j = 0; j < d; j++) {
        mean[j] = (mean[j] ?? 0) + (r[j] ?? 0);
        sq[j] = (sq[j] ?? 0) + (r[j] ?? 0) ** 2;
      }
    }
  const m = mean.map((v) => v / Math.max(1, n));
  const scale = sq.map((v, j) => Math.sqrt(Math.max(0, v / Math.max(1, n) - (m[j] ?? 0) ** 2)) || 1);
  return { mean: m, scale };
}

/** Adds a group's gradient (softmax share minus target, times the row) into grad. */
function groupGradient(
  rows: readonly Float32Array[],
  g: Group,
  w: Float64Array,
  grad: Float64Array,
  d: number,
): void {
  const z = new Float64Array(rows.length);
  let top = -Infinity;
  rows.forEach((x, i) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (w[j] as number) * (x[j] as number);
    const keys = g.keys?.[i];
    if (keys) for (const k of keys) s += w[d + k] as number;
    z[i] = s;
    if (s > top) top = s;
  });
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp((z[i] as number) - top);
  rows.forEach((x, i) => {
    const diff = ((z[i] as number) / sum - (g.target[i] ?? 0)) * g.weight;
    if (diff === 0) return;
    for (let j = 0; j < d; j++) grad[j] = (grad[j] as number) + diff * (x[j] as number);
    const keys = g.keys?.[i];
    if (keys) for (const k of keys) grad[d + k] = (grad[d + k] as number) + diff;
  });
}

/**
 * Fits the ranker with Adam over mini-batches of groups, in the groups' order (no shuffling), a
 * few passes. Deterministic: same groups in the same order, same weights.
 */
export function trainSoftmax(
  names: string[],
  groups: readonly Group[],
  options: { epochs?: number; rate?: number; l2?: number; batch?: number; lexical?: number } = {},
): SoftmaxModel {
  const { epochs = 6, rate = 0.005, l2 = 1e-4, batch = 32, lexical = 0 } = options;
  const d = names.length;
  const all = d + lexical;
  const { mean, scale } = standardise(names, groups);
  const xs = groups.map((g) =>
    g.rows.map((r) => Float32Array.from(r, (v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1))),
  );
  const w = new Float64Array(all);
  const m = new Float64Array(all);
  const v = new Float64Array(all);
  const grad = new Float64Array(all);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let at = 0; at < groups.length; at += batch) {
      grad.fill(0);
      let weight = 0;
      for (let gi = at; gi < Math.min(groups.length, at + batch); gi++) {
        groupGradient(xs[gi] as Float32Array[], groups[gi] as Group, w, grad, d);
        weight += (groups[gi] as Group).weight;
      }
      step++;
      for (let j = 0; j < all; j++) {
        const gj = (grad[j] as number) / (weight || 1) + l2 * (w[j] as number);
        m[j] = 0.9 * (m[j] as number) + 0.1 * gj;
        v[j] = 0.999 * (v[j] as number) + 0.001 * gj * gj;
        const mh = (m[j] as number) / (1 - 0.9 ** step);
        const vh = (v[j] as number) / (1 - 0.999 ** step);
        w[j] = (w[j] as number) - (rate * mh) / (Math.sqrt(vh) + 1e-8);
      }
    }
  }
  const model: SoftmaxModel = {
    features: names,
    mean: mean.map(round),
    scale: scale.map(round),
    weights: [...w.subarray(0, d)].map(round),
    bias: 0,
    threshold: 0,
  };
  if (lexical > 0) model.lexical = [...w.subarray(d)].map(round);
  return model;
}

/** The model's logit of one candidate (compare within a group; softmax over them for shares). */
export function logit(model: Model, x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < model.weights.length; i++)
    z += (model.weights[i] ?? 0) * (((x[i] ?? 0) - (model.mean[i] ?? 0)) / (model.scale[i] ?? 1));
  return z;
}
