import type { SoftmaxModel } from './softmax.ts';
import type { QuestionAnalysis } from './question.ts';
import {
  Candidate,
  IN_QUESTION,
  LEXICAL_SLOTS,
  lexicalKeys,
  QUESTION_SLOTS,
  sentenceCandidates,
  SPAN_FEATURES,
  spanContext,
  questionFeatures,
  staticFeatures,
  typeBit,
  WH_BUCKET_COUNT,
} from './span-features.ts';
import type { SentenceCandidates } from './span-features.ts';
import type { SpanCandidate } from './span-features.ts';
import { CONCRETE, DURATION_UNITS } from './words.ts';

/** The best-scored candidate of a sentence for a question, with its probability. */
export interface ScoredSpan {
  candidate: SpanCandidate;
  /**
   * The span stated as the answer: the best one of the kind asked ({@link countsAnotherUnit}),
   * which may not be `candidate`; the scores and kinds the gate reads stay those of `candidate`.
   */
  stated: SpanCandidate;
  p: number;
  typeFit: boolean;
  /** The best candidate's logit, and the log-sum-exp over all the sentence's candidates. */
  logit: number;
  mass: number;
}

/** The span scorer, with the sentence chooser trained on its outputs (sentence-choice.ts). */
export interface SpanModel extends SoftmaxModel {
  sentence?: SoftmaxModel;
}

/** Scratch for {@link staticLogits}: every slot it reads is written first, so one serves every call. */
const scratch = new Array<number>(SPAN_FEATURES.length).fill(0);
const scratchKeys = new Int32Array(LEXICAL_SLOTS);
/** The candidate the scoring loops refill (only the best one is copied out). */
const cursor = new Candidate();

/**
 * Float64 views cut from shared slabs: a sentence's kept logits without an ArrayBuffer of their
 * own (every young ArrayBuffer is one more for each scavenge to sweep).
 */
let slab = new Float64Array(1 << 14);
let slabAt = 0;

function carve(n: number): Float64Array {
  if (n > slab.length >> 3) return new Float64Array(n);
  if (slabAt + n > slab.length) {
    slab = new Float64Array(slab.length);
    slabAt = 0;
  }
  const view = slab.subarray(slabAt, slabAt + n);
  slabAt += n;
  return view;
}

/**
 * Each candidate's logit from the slots that do not depend on the question's words (shape, wh
 * by shape, hashed words by wh), kept per sentence and question-word bucket.
 */
function staticLogits(model: SoftmaxModel, sc: SentenceCandidates, bucket: number): Float64Array {
  // Kept on the sentence for the model last used (one scorer in the bot): no map per sentence.
  if (sc.logitsOf !== model) {
    sc.logitsOf = model;
    sc.logits = [];
  }
  const hit = sc.logits[bucket + 1];
  if (hit) return hit;
  const z = carve(sc.count);
  const lexical = model.lexical;
  let byShape = shapeLogits.get(model);
  if (!byShape) shapeLogits.set(model, (byShape = { z: new Float64Array(0) }));
  for (let i = 0; i < sc.count; i++) {
    const c = sc.at(i, cursor);
    let zi = shapeLogit(model, byShape, c, bucket, scratch);
    if (lexical) {
      const keys = lexicalKeys(sc, bucket, c, scratchKeys);
      for (let k = 0; k < keys.length; k++) zi += lexical[keys[k] as number] ?? 0;
    }
    z[i] = zi;
  }
  sc.logits[bucket + 1] = z;
  return z;
}

/**
 * The shape and wh-by-shape part of a candidate's logit: it depends on the candidate's shape
 * and the bucket only, and shapes are interned (a few hundred), so it is worked out once per
 * shape and bucket rather than once per candidate of every sentence read. Kept per model in one
 * array by shape index (one slot per bucket, the first for "no question word"; NaN until
 * worked out), not a map lookup per candidate.
 */
const shapeLogits = new WeakMap<SoftmaxModel, { z: Float64Array }>();

function shapeLogit(
  model: SoftmaxModel,
  byShape: { z: Float64Array },
  c: Candidate,
  bucket: number,
  out: number[],
): number {
  const at = c.shapeId * (WH_BUCKET_COUNT + 1) + bucket + 1;
  if (at >= byShape.z.length) {
    const larger = new Float64Array(Math.max(byShape.z.length * 2, at + 1)).fill(NaN);
    larger.set(byShape.z);
    byShape.z = larger;
  }
  const hit = byShape.z[at] as number;
  if (!Number.isNaN(hit)) return hit;
  staticFeatures(bucket, c, out);
  const z =
    partialLogit(model, out, 0, QUESTION_SLOTS.from) +
    partialLogit(model, out, QUESTION_SLOTS.to, out.length);
  byShape.z[at] = z;
  return z;
}

/** Weights divided by their scale, and the offset their means add, per model. */
const folded = new WeakMap<SoftmaxModel, { w: Float64Array; offset: number }>();

function foldedOf(model: SoftmaxModel): { w: Float64Array; offset: number } {
  const hit = folded.get(model);
  if (hit) return hit;
  const w = Float64Array.from(model.weights, (v, j) => v / (model.scale[j] ?? 1));
  let offset = 0;
  for (let j = QUESTION_SLOTS.from; j < QUESTION_SLOTS.to; j++) offset -= (w[j] ?? 0) * (model.mean[j] ?? 0);
  const made = { w, offset };
  folded.set(model, made);
  return made;
}

function partialLogit(model: SoftmaxModel, x: readonly number[], from: number, to: number): number {
  let z = 0;
  for (let j = from; j < to; j++)
    z += ((model.weights[j] ?? 0) * ((x[j] ?? 0) - (model.mean[j] ?? 0))) / (model.scale[j] ?? 1);
  return z;
}

/** The question slots' part of the logit (same value as partialLogit over them, faster). */
function questionLogit(folded: { w: Float64Array; offset: number }, x: readonly number[]): number {
  const { w, offset } = folded;
  let z = offset;
  for (let j = QUESTION_SLOTS.from; j < QUESTION_SLOTS.to; j++) z += (w[j] as number) * (x[j] as number);
  return z;
}

/**
 * Whether a candidate is a span of time while the question counts something else by name ("how
 * many times ...", "how many goals ..."): "ten years" is of the wrong kind for it, the answer is
 * a count of the named thing.
 */
function countsAnotherUnit(q: QuestionAnalysis, c: SpanCandidate): boolean {
  if (q.type !== 'count' || !q.focus || DURATION_UNITS.has(q.focus)) return false;
  // "How much redundancy": an amount, which a span of time may measure; "how many" counts things.
  if (!/\bhow many\b/i.test(q.text)) return false;
  return (c.types & typeBit('duration')) !== 0;
}

/** The logits of one sentence's candidates not in the question, reused from call to call. */
let logits = new Float64Array(256);

/**
 * Scores every candidate span of the sentence with the span model and returns the most probable
 * one; a span whose words are all in the question is never an answer. Null with no candidate.
 */
export function bestSpan(model: SoftmaxModel, q: QuestionAnalysis, sentence: string): ScoredSpan | null {
  const sc = sentenceCandidates(sentence);
  const x0 = spanContext(q, sc);
  let bestAt = -1;
  let top = -Infinity;
  let statedAt = -1;
  let statedTop = -Infinity;
  if (logits.length < sc.count) logits = new Float64Array(sc.count * 2);
  const zs = logits;
  let n = 0;
  const fixed = staticLogits(model, sc, x0.bucket);
  const folded = foldedOf(model);
  for (let i = 0; i < sc.count; i++) {
    const x = questionFeatures(x0, sc.at(i, cursor));
    if ((x[IN_QUESTION] ?? 0) >= 0.99) continue;
    const z = (fixed[i] ?? 0) + questionLogit(folded, x);
    zs[n++] = z;
    if (z > top) {
      top = z;
      bestAt = i;
    }
    if (z > statedTop && !countsAnotherUnit(q, cursor)) {
      statedTop = z;
      statedAt = i;
    }
  }
  if (bestAt < 0) return null;
  const best = sc.at(bestAt, new Candidate());
  const stated = statedAt < 0 || statedAt === bestAt ? best : sc.at(statedAt, new Candidate());
  // The best span's share of the sentence's candidates (softmax): how sure the choice is.
  let sum = 0;
  for (let k = 0; k < n; k++) sum += Math.exp((zs[k] as number) - top);
  const typeFit = CONCRETE.has(q.type) ? ((best.types | best.inside) & typeBit(q.type)) !== 0 : true;
  return { candidate: best, stated, p: 1 / sum, typeFit, logit: top, mass: top + Math.log(sum) };
}
