/**
 * Gradient-boosted regression trees for a 0/1 label (logistic loss), written out by hand: each
 * round fits one complete tree of fixed depth to the loss's gradient and hessian, splits chosen
 * on quantile bins of each feature, leaves shrunk by the learning rate. No randomness and a fixed
 * order of sums, so the same rows give the same trees. Trees catch interactions a linear model
 * cannot ("a question name is missing AND the rest of the question is covered").
 */

/** One tree in heap order: internal node n has children 2n+1 (x ≤ threshold) and 2n+2. */
export interface Tree {
  feature: number[];
  threshold: number[];
  /** Leaf values, left to right (2^depth of them). */
  leaf: number[];
}

export interface Forest {
  base: number;
  trees: Tree[];
}

/** Raw score (log-odds) of a feature vector. */
export function forestScore(forest: Forest, x: readonly number[]): number {
  let z = forest.base;
  for (const t of forest.trees) {
    const inner = t.feature.length;
    let n = 0;
    while (n < inner) n = 2 * n + ((x[t.feature[n] ?? 0] ?? 0) > (t.threshold[n] ?? 0) ? 2 : 1);
    z += t.leaf[n - inner] ?? 0;
  }
  return z;
}

export interface TreeOptions {
  rounds?: number;
  depth?: number;
  rate?: number;
  /** L2 penalty on leaf values. */
  lambda?: number;
  /** Smallest hessian mass a child may have. */
  minChild?: number;
  bins?: number;
}

/** A split that sends everything left: the node did not split. */
const NO_SPLIT = 1e300;
const round = (n: number): number => Math.round(n * 1e6) / 1e6 || 0;
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Up to `bins - 1` cut values per feature, taken from the data at quantile positions. */
function cutsOf(rows: readonly (readonly number[])[], j: number, bins: number): number[] {
  const values = rows.map((r) => r[j] ?? 0).sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) {
    const v = values[Math.floor((k * (values.length - 1)) / bins)];
    if (v !== undefined && v !== cuts[cuts.length - 1] && v < (values[values.length - 1] ?? 0)) cuts.push(v);
  }
  return cuts;
}

/** Bin of a value: how many cuts lie below it (so bin ≤ b exactly when value ≤ cuts[b]). */
function binOf(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cuts[mid] ?? 0) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Grown {
  tree: Tree;
  /** Leaf index of each row. */
  leafOf: Int32Array;
}

interface Binned {
  n: number;
  d: number;
  B: number;
  bins: Uint8Array;
  cuts: number[][];
}

/** Best split of one node from its histograms, or null when none gains. */
function bestSplit(
  data: Binned,
  hg: Float64Array,
  hh: Float64Array,
  base: number,
  o: Required<TreeOptions>,
): { j: number; b: number } | null {
  const { d, B } = data;
  let best: { j: number; b: number; gain: number } | null = null;
  for (let j = 0; j < d; j++) {
    let G = 0;
    let H = 0;
    for (let b = 0; b < B; b++) {
      G += hg[base + j * B + b] ?? 0;
      H += hh[base + j * B + b] ?? 0;
    }
    const parent = (G * G) / (H + o.lambda);
    let gl = 0;
    let hl = 0;
    const last = data.cuts[j]?.length ?? 0;
    for (let b = 0; b < last; b++) {
      gl += hg[base + j * B + b] ?? 0;
      hl += hh[base + j * B + b] ?? 0;
      const hr = H - hl;
      if (hl < o.minChild || hr < o.minChild) continue;
      const gr = G - gl;
      const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
      if (gain > 1e-9 && (!best || gain > best.gain)) best = { j, b, gain };
    }
  }
  return best;
}

function grow(data: Binned, g: Float64Array, h: Float64Array, o: Required<TreeOptions>): Grown {
  const { n, d, B, bins } = data;
  const inner = (1 << o.depth) - 1;
  const feature = new Array<number>(inner).fill(0);
  const threshold = new Array<number>(inner).fill(NO_SPLIT);
  const node = new Int32Array(n);
  for (let level = 0; level < o.depth; level++) {
    const first = (1 << level) - 1;
    const width = 1 << level;
    const hg = new Float64Array(width * d * B);
    const hh = new Float64Array(width * d * B);
    for (let i = 0; i < n; i++) {
      const base = ((node[i] ?? 0) - first) * d * B;
      const gi = g[i] ?? 0;
      const hi = h[i] ?? 0;
      for (let j = 0; j < d; j++) {
        const k = base + j * B + (bins[i * d + j] ?? 0);
        hg[k] = (hg[k] ?? 0) + gi;
        hh[k] = (hh[k] ?? 0) + hi;
      }
    }
    const split: ({ j: number; b: number } | null)[] = [];
    for (let w = 0; w < width; w++) {
      const s = bestSplit(data, hg, hh, w * d * B, o);
      split.push(s);
      if (s) {
        feature[first + w] = s.j;
        threshold[first + w] = data.cuts[s.j]?.[s.b] ?? NO_SPLIT;
      }
    }
    for (let i = 0; i < n; i++) {
      const at = node[i] ?? 0;
      const s = split[at - first];
      node[i] = 2 * at + (s && (bins[i * d + s.j] ?? 0) > s.b ? 2 : 1);
    }
  }
  const leafOf = new Int32Array(n);
  for (let i = 0; i < n; i++) leafOf[i] = (node[i] ?? 0) - inner;
  return { tree: { feature, threshold, leaf: [] }, leafOf };
}

function binRows(rows: readonly (readonly number[])[], d: number, B: number): Binned {
  const n = rows.length;
  const cuts = Array.from({ length: d }, (_, j) => cutsOf(rows, j, B));
  const bins = new Uint8Array(n * d);
  rows.forEach((r, i) => {
    for (let j = 0; j < d; j++) bins[i * d + j] = binOf(cuts[j] ?? [], r[j] ?? 0);
  });
  return { n, d, B, bins, cuts };
}

/** Fits a forest on rows with 0/1 labels and optional per-row weights. Deterministic. */
export function trainForest(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: TreeOptions = {},
  sampleWeights?: readonly number[],
): Forest {
  const o: Required<TreeOptions> = {
    rounds: 150,
    depth: 3,
    rate: 0.1,
    lambda: 1,
    minChild: 5,
    bins: 32,
    ...options,
  };
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const data = binRows(rows, d, o.bins);
  const sw = (i: number): number => sampleWeights?.[i] ?? 1;
  let pos = 0;
  let all = 0;
  for (let i = 0; i < n; i++) {
    pos += sw(i) * (labels[i] ?? 0);
    all += sw(i);
  }
  const prior = Math.min(Math.max(all > 0 ? pos / all : 0.5, 1e-4), 1 - 1e-4);
  const base = round(Math.log(prior / (1 - prior)));
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: Tree[] = [];
  for (let r = 0; r < o.rounds; r++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(score[i] ?? 0);
      g[i] = (p - (labels[i] ?? 0)) * sw(i);
      h[i] = Math.max(p * (1 - p), 1e-6) * sw(i);
    }
    const { tree, leafOf } = grow(data, g, h, o);
    const leaves = 1 << o.depth;
    const G = new Float64Array(leaves);
    const H = new Float64Array(leaves);
    for (let i = 0; i < n; i++) {
      const l = leafOf[i] ?? 0;
      G[l] = (G[l] ?? 0) + (g[i] ?? 0);
      H[l] = (H[l] ?? 0) + (h[i] ?? 0);
    }
    tree.leaf = Array.from(G, (gl, l) => round((-o.rate * gl) / ((H[l] ?? 0) + o.lambda)));
    for (let i = 0; i < n; i++) score[i] = (score[i] ?? 0) + (tree.leaf[leafOf[i] ?? 0] ?? 0);
    trees.push(tree);
  }
  return { base, trees };
}
