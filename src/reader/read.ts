import type { Article } from '../article/types.ts';
import { readParagraph } from './features.ts';
import type { Reading } from './features.ts';
import { probability } from './model.ts';
import type { Model } from './model.ts';
import { rankParagraphs, statsOf } from './passages.ts';
import type { QuestionAnalysis } from './question.ts';
import { GATE_SIGNALS, gateSignals } from './signals.ts';
import weightsJson from './weights.json' with { type: 'json' };

/** The committed model (trained by `npm run train:ask`). */
export const MODEL: Model = weightsJson as Model;

/** How many BM25-best paragraphs of each article the reader looks at. */
export const DEPTH = 5;

/** The candidate paragraphs of the articles for a question, read, unscored. */
export function readings(articles: readonly Article[], q: QuestionAnalysis, depth = DEPTH): Reading[] {
  const out: Reading[] = [];
  for (const a of articles) {
    const stats = statsOf(a);
    const ranked = rankParagraphs(stats, q.terms).slice(0, depth);
    const best = ranked[0]?.bm25 ?? 0;
    ranked.forEach((r, rank) => {
      const next = ranked[rank + 1]?.bm25 ?? 0;
      out.push(readParagraph(q, stats, r.index, { rank, bm25: r.bm25, best, next }));
    });
  }
  return out;
}

export interface Scored extends Reading {
  /** The model's probability that this paragraph answers the question. */
  p: number;
}

/** The readings scored by the model, most probable first. */
export function answerCandidates(
  articles: readonly Article[],
  q: QuestionAnalysis,
  model: Model = MODEL,
  depth = DEPTH,
): Scored[] {
  return readings(articles, q, depth)
    .map((r) => ({ ...r, p: probability(model, r.features) }))
    .sort((a, b) => b.p - a.p || a.paragraph - b.paragraph);
}

/** Names of the gate's inputs after the best paragraph's own features. */
export const GATE_FEATURES = ['best probability', 'lead over the next', ...GATE_SIGNALS] as const;

/**
 * The gate's inputs: the best paragraph's features, its probability and its lead over the next,
 * and the gate's own signals on it (worked out here, for the best paragraph only).
 */
export function gateFeatures(ranked: readonly Scored[]): number[] {
  const [top, next] = ranked;
  if (!top) return [0, 0];
  const own = gateSignals(top.question, top.stats, top.paragraph, top.sentence, top.span);
  return [...top.features, top.p, top.p - (next?.p ?? 0), ...own];
}

/**
 * The gate's last answers, by the best candidate: the gate reads only the best two candidates
 * (immutable readings), and an archive-wide question asks it twice of the best article's (once
 * to decide whether further articles are read, once to judge each article), each time working
 * out the same signals again.
 */
const judged = new WeakMap<Scored, { next: Scored | undefined; model: Model; p: number }>();

/** Probability that the best candidate answers the question (0 with no candidate). */
export function confidence(ranked: readonly Scored[], model: Model = MODEL): number {
  const top = ranked[0];
  const next = ranked[1];
  if (!top) return 0;
  if (!model.gate) return top.p;
  const hit = judged.get(top);
  if (hit && hit.next === next && hit.model === model) return hit.p;
  const p = probability(model.gate, gateFeatures(ranked));
  judged.set(top, { next, model, p });
  return p;
}
