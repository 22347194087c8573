import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadArticles } from '../article/load.ts';
import type { Article } from '../article/types.ts';
import { FEATURES } from './features.ts';
import type { Reading } from './features.ts';
import { probability, train } from './model.ts';
import type { Model } from './model.ts';
import { analyzeQuestion } from './question.ts';
import { confidence, gateFeatures, readings } from './read.ts';
import type { Scored } from './read.ts';
import { synthesize } from './synthesize.ts';

/** One question of a data folder's `cases.jsonl` (the qa-bench format). */
export interface Case {
  kind: 'ask' | 'no-answer';
  article: string;
  query: string;
  paragraph?: number;
  answers?: string[];
  answered_elsewhere?: unknown;
  /** Set on unanswerable questions made from answerable ones. */
  synthetic?: string;
  /** How much the case counts in training (news questions count more: they are the bot's domain). */
  weight?: number;
}

export interface DataSet {
  articles: Map<string, Article>;
  cases: Case[];
}

/** Loads `articles/` and `cases.jsonl` of each folder, cases sorted so order never depends on the file. */
export async function loadData(dirs: readonly string[], weights: readonly number[] = []): Promise<DataSet> {
  const articles = new Map<string, Article>();
  const cases: Case[] = [];
  for (const [k, dir] of dirs.entries()) {
    const weight = weights[k] ?? 1;
    const loaded = await loadArticles(path.join(dir, 'articles'));
    for (const a of loaded.articles) articles.set(a.id, a);
    const lines = (await readFile(path.join(dir, 'cases.jsonl'), 'utf8')).split('\n').filter((l) => l.trim());
    for (const l of lines) cases.push({ ...(JSON.parse(l) as Case), weight });
  }
  const key = (c: Case): string => `${c.article}\u0000${c.kind}\u0000${c.query}`;
  cases.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { articles, cases: cases.filter((c) => articles.has(c.article) && !c.answered_elsewhere) };
}

/** SQuAD's answer normalisation: lower case, punctuation dropped ("20,000" -> "20000"), no articles. */
export function normalizeAnswer(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Token F1 of a predicted answer against the best gold answer. */
export function answerF1(predicted: string, gold: readonly string[]): number {
  const p = normalizeAnswer(predicted).split(' ').filter(Boolean);
  let best = 0;
  for (const g of gold) {
    const gt = normalizeAnswer(g).split(' ').filter(Boolean);
    const counts = new Map<string, number>();
    for (const t of gt) counts.set(t, (counts.get(t) ?? 0) + 1);
    let same = 0;
    for (const t of p) {
      const c = counts.get(t) ?? 0;
      if (c > 0) {
        same++;
        counts.set(t, c - 1);
      }
    }
    if (same === 0 || p.length === 0) continue;
    const precision = same / p.length;
    const recall = same / gt.length;
    best = Math.max(best, (2 * precision * recall) / (precision + recall));
  }
  return best;
}

/** A paragraph counts as answering when it is the gold one or contains a gold answer (lenient). */
export function answers(article: Article, c: Case, paragraph: number): boolean {
  if (c.kind !== 'ask') return false;
  if (c.paragraph === paragraph + 1) return true;
  const text = normalizeAnswer(article.paragraphs[paragraph]?.text ?? '');
  return (c.answers ?? []).some((g) => {
    const n = normalizeAnswer(g);
    return n.length > 0 && ` ${text} `.includes(` ${n} `);
  });
}

export interface Example {
  c: Case;
  readings: Reading[];
  labels: number[];
}

/** Every case read against its own article, plus synthesized unanswerable variants. */
export function examples(data: DataSet): Example[] {
  const out: Example[] = [];
  const all = [...data.cases, ...synthesize(data)];
  for (const c of all) {
    const article = data.articles.get(c.article);
    if (!article) continue;
    const rs = readings([article], analyzeQuestion(c.query));
    out.push({ c, readings: rs, labels: rs.map((r) => (answers(article, c, r.paragraph) ? 1 : 0)) });
  }
  return out;
}

/** An example's readings scored and ordered as /ask orders them, each with its position. */
function rank(e: Example, model: Model): (Scored & { i: number })[] {
  return e.readings
    .map((r, i) => ({ ...r, i, p: probability(model, r.features) }))
    .sort((a, b) => b.p - a.p || a.paragraph - b.paragraph);
}

export interface Figures {
  /** Top paragraph answers, abstention ignored (ranking alone). */
  rank1: number;
  rank3: number;
  /** Real (not synthesized) unanswerable questions answered "not in the article". */
  abstainReal: number;
  hit1: number;
  f1: number;
  abstainAnswerable: number;
  abstainUnanswerable: number;
  balanced: number;
}

/** In-sample figures of a model at a threshold, as score.py counts them. */
export function evaluate(ex: readonly Example[], model: Model, threshold = model.threshold): Figures {
  let answerable = 0;
  let hits = 0;
  let f1 = 0;
  let falseAbstain = 0;
  let unanswerable = 0;
  let trueAbstain = 0;
  let rank1 = 0;
  let rank3 = 0;
  let real = 0;
  let realAbstain = 0;
  for (const e of ex) {
    const ranked = rank(e, model);
    const best = ranked[0]?.i ?? -1;
    const abstain = best < 0 || confidence(ranked, model) < threshold;
    if (e.c.kind === 'ask') {
      answerable++;
      if (e.labels[best] === 1) rank1++;
      if (ranked.slice(0, 3).some((o) => e.labels[o.i] === 1)) rank3++;
      if (abstain) falseAbstain++;
      else if (e.labels[best] === 1) hits++;
      const span = e.readings[best]?.span;
      if (!abstain && span) f1 += answerF1(span.text, e.c.answers ?? []);
    } else {
      unanswerable++;
      if (abstain) trueAbstain++;
      if (!e.c.synthetic) {
        real++;
        if (abstain) realAbstain++;
      }
    }
  }
  const pct = (a: number, b: number): number => (b > 0 ? Math.round((1000 * a) / b) / 10 : 0);
  const hit1 = pct(hits, answerable);
  // Real and synthesized unanswerable questions count equally: the real ones are few and come from
  // few articles, the synthesized ones are easier.
  const abstainUnanswerable =
    real > 0 && real < unanswerable
      ? Math.round(
          ((pct(realAbstain, real) + pct(trueAbstain - realAbstain, unanswerable - real)) / 2) * 10,
        ) / 10
      : pct(trueAbstain, unanswerable);
  return {
    rank1: pct(rank1, answerable),
    rank3: pct(rank3, answerable),
    abstainReal: pct(realAbstain, real),
    hit1,
    f1: pct(f1, answerable),
    abstainAnswerable: pct(falseAbstain, answerable),
    abstainUnanswerable,
    balanced: Math.round(((hit1 + abstainUnanswerable) / 2) * 10) / 10,
  };
}

/** Trains on the folders' cases: weights, then the threshold that scores best balanced. */
export function trainModel(data: DataSet): { model: Model; figures: Figures; examples: Example[] } {
  const ex = examples(data);
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const e of ex) {
    e.readings.forEach((r, i) => {
      rows.push(r.features);
      labels.push(e.labels[i] ?? 0);
      weights.push(e.c.weight ?? 1);
    });
  }
  const ranker = train([...FEATURES], rows, labels, {}, weights);
  // The gate learns from each question's best paragraph only: answered there, or not (an
  // unanswerable question, or a wrong best paragraph: saying "not in the article" costs nothing).
  const gateRows: number[][] = [];
  const gateLabels: number[] = [];
  const gateWeights: number[] = [];
  for (const e of ex) {
    const ranked = rank(e, { ...ranker, threshold: 0.5 });
    if (ranked.length === 0) continue;
    gateRows.push(gateFeatures(ranked));
    gateLabels.push(e.c.kind === 'ask' && e.labels[ranked[0]?.i ?? -1] === 1 ? 1 : 0);
    gateWeights.push(e.c.weight ?? 1);
  }
  const gate = train(
    [...FEATURES, 'best probability', 'lead over the next'],
    gateRows,
    gateLabels,
    {},
    gateWeights,
  );
  const model: Model = { ...ranker, gate };
  let best = { threshold: 0.5, figures: evaluate(ex, model, 0.5) };
  for (let t = 0.02; t < 0.9; t += 0.02) {
    const threshold = Math.round(t * 100) / 100;
    const figures = evaluate(ex, model, threshold);
    if (figures.balanced > best.figures.balanced) best = { threshold, figures };
  }
  return { model: { ...model, threshold: best.threshold }, figures: best.figures, examples: ex };
}
