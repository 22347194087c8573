import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadArticles } from '../article/load.ts';
import type { Article } from '../article/types.ts';
import { FEATURES } from './features.ts';
import type { Reading } from './features.ts';
import { probability, train } from './model.ts';
import { trainForest } from './trees.ts';
import type { TreeOptions } from './trees.ts';
import type { Bound, Model } from './model.ts';
import { withTopic } from './headline.ts';
import { analyzeQuestion } from './question.ts';
import { GATE_FEATURES, gateFeatures, readings } from './read.ts';
import type { Scored } from './read.ts';
import { squadScore } from './squad.ts';
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
  /** The data folder it came from (figures are also given per folder). */
  source?: string;
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
    for (const l of lines) cases.push({ ...(JSON.parse(l) as Case), weight, source: dir });
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

/** Token F1 of a predicted answer against the best gold answer (SQuAD's, as score.py counts it). */
export function answerF1(predicted: string, gold: readonly string[]): number {
  return squadScore(predicted, gold).f1;
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
    // As /ask reads a question asked of one article: "when was it taken" takes the headline's words.
    const rs = readings([article], withTopic(analyzeQuestion(c.query), article));
    out.push({ c, readings: rs, labels: rs.map((r) => (answers(article, c, r.paragraph) ? 1 : 0)) });
  }
  return out;
}

/** An example's readings scored and ordered as /ask orders them, each with its position. */
function rank(e: Example, model: Model): Ranked {
  return e.readings
    .map((r, i) => ({ ...r, i, p: probability(model, r.features) }))
    .sort((a, b) => b.p - a.p || a.paragraph - b.paragraph);
}

/** An example's readings as one ranker ordered them. */
type Ranked = (Scored & { i: number })[];

/** What a model makes of one example, before any threshold. */
export interface Prediction {
  answerable: boolean;
  synthetic: boolean;
  /** The best paragraph answers; one of the best three does. */
  top1: boolean;
  top3: boolean;
  /** The gate's probability that the best paragraph answers. */
  confidence: number;
  /** Token F1 of the best paragraph's short answer (0 when there is none). */
  f1: number;
  source: string;
}

/** The prediction from an example's ranking and the gate (no gate: the best probability). */
function predictRanked(e: Example, ranked: Ranked, gate: Model | undefined): Prediction {
  const best = ranked[0]?.i ?? -1;
  const span = e.readings[best]?.span;
  return {
    answerable: e.c.kind === 'ask',
    synthetic: !!e.c.synthetic,
    top1: e.labels[best] === 1,
    top3: ranked.slice(0, 3).some((o) => e.labels[o.i] === 1),
    confidence: best < 0 ? -1 : gate ? probability(gate, gateFeatures(ranked)) : (ranked[0]?.p ?? 0),
    f1: e.c.kind === 'ask' && span ? answerF1(span.text, e.c.answers ?? []) : 0,
    source: e.c.source ?? '',
  };
}

export function predict(e: Example, model: Model): Prediction {
  return predictRanked(e, rank(e, model), model.gate);
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

const pct = (a: number, b: number): number => (b > 0 ? Math.round((1000 * a) / b) / 10 : 0);

/** The figures of predictions at a threshold, as score.py counts them. */
export function figuresOf(preds: readonly Prediction[], threshold: number): Figures {
  const n = {
    ans: 0,
    hits: 0,
    f1: 0,
    falseAbstain: 0,
    unans: 0,
    trueAbstain: 0,
    r1: 0,
    r3: 0,
    real: 0,
    realAbstain: 0,
  };
  for (const p of preds) {
    const abstain = p.confidence < threshold;
    if (p.answerable) {
      n.ans++;
      if (p.top1) n.r1++;
      if (p.top3) n.r3++;
      if (abstain) n.falseAbstain++;
      else {
        if (p.top1) n.hits++;
        n.f1 += p.f1;
      }
    } else {
      n.unans++;
      if (abstain) n.trueAbstain++;
      if (!p.synthetic) {
        n.real++;
        if (abstain) n.realAbstain++;
      }
    }
  }
  const hit1 = pct(n.hits, n.ans);
  // Real and synthesized unanswerable questions count equally: the real ones are few and come from
  // few articles, the synthesized ones are easier.
  const abstainUnanswerable =
    n.real > 0 && n.real < n.unans
      ? Math.round(
          ((pct(n.realAbstain, n.real) + pct(n.trueAbstain - n.realAbstain, n.unans - n.real)) / 2) * 10,
        ) / 10
      : pct(n.trueAbstain, n.unans);
  return {
    rank1: pct(n.r1, n.ans),
    rank3: pct(n.r3, n.ans),
    abstainReal: pct(n.realAbstain, n.real),
    hit1,
    f1: pct(n.f1, n.ans),
    abstainAnswerable: pct(n.falseAbstain, n.ans),
    abstainUnanswerable,
    balanced: Math.round(((hit1 + abstainUnanswerable) / 2) * 10) / 10,
  };
}

/** In-sample figures of a model at a threshold. */
export function evaluate(ex: readonly Example[], model: Model, threshold = model.threshold): Figures {
  return figuresOf(
    ex.map((e) => predict(e, model)),
    threshold,
  );
}

/** Which model each stage uses: a logistic regression or boosted trees. */
export interface Learners {
  ranker: 'linear' | 'trees';
  gate: 'linear' | 'trees';
  /** Options of the gate's trees (the ranker's keep the defaults). */
  gateTrees?: TreeOptions;
  /**
   * Fit the gate with {@link gateWeights} and take {@link BALANCED_THRESHOLD}; without it each
   * question counts at its folder's weight and the threshold is chosen on the folds
   * ({@link chooseThreshold}).
   */
  balanceGate?: boolean;
  /**
   * Keep each linear gate weight to its side in {@link GATE_DIRECTIONS}, and with `balanceGate`
   * leave out the {@link FOLDER_PROXIES}.
   */
  signedGate?: boolean;
}

export const DEFAULT_LEARNERS: Learners = {
  ranker: 'trees',
  gate: 'linear',
  balanceGate: true,
  signedGate: true,
};

function learn(
  kind: 'linear' | 'trees',
  names: string[],
  rows: number[][],
  labels: number[],
  weights: number[],
  options: TreeOptions = {},
  bounds?: readonly Bound[],
): Model {
  if (kind === 'linear') return train(names, rows, labels, bounds ? { bounds } : {}, weights);
  const forest = trainForest(rows, labels, options, weights);
  return { features: names, mean: [], scale: [], weights: [], bias: 0, threshold: 0.5, forest };
}

/** Fits the paragraph ranker on every reading of the examples. */
function fitRanker(ex: readonly Example[], learners: Learners): Model {
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
  return learn(learners.ranker, [...FEATURES], rows, labels, weights);
}

/**
 * How much each question counts in the gate's fit, so that the gate's probability weighs a
 * withheld answer and a confident passage on an unanswerable question as the balanced figure
 * does: in each data folder the answerable questions together count as much as the unanswerable
 * ones (real and synthesized alike), scaled by the folder's own weight (news counts more). An
 * answerable question whose best paragraph is wrong counts for nothing: answering or not, it is a
 * miss, and fitted as "do not answer" it taught the gate that a question worded unlike its text
 * (most news questions) is not answered by it. Without this, each folder's share of unanswerable
 * questions set its own prior: news, with more of them, came out lower, and one threshold withheld
 * most of its right answers (cross-validated news hit@1 40 against 67 ranked first).
 */
export function gateWeights(ex: readonly Example[], labels: readonly number[]): number[] {
  const key = (e: Example): string => `${e.c.source ?? ''}\u0000${e.c.kind}`;
  const count = new Map<string, number>();
  const folder = new Map<string, number>();
  for (const e of ex) {
    count.set(key(e), (count.get(key(e)) ?? 0) + 1);
    folder.set(e.c.source ?? '', (folder.get(e.c.source ?? '') ?? 0) + (e.c.weight ?? 1));
  }
  return ex.map((e, k) => {
    if (e.c.kind === 'ask' && labels[k] !== 1) return 0;
    return (folder.get(e.c.source ?? '') ?? 0) / 2 / (count.get(key(e)) ?? 1);
  });
}

/**
 * Which way each gate feature may move the probability that a question is answered: up for
 * evidence of an answer (overlap, coverage, the ranker's confidence), down for a sign that the
 * text does not say it (a word, name or number missing, a negation or an antonym), either way for
 * what describes the question or the article rather than the match. Fitted freely on correlated
 * features, the gate gave several the wrong sign ("article coverage of the question" lowering it,
 * "share of the question unmatched" raising it): true of the training folders' mix, not of an
 * unseen story.
 */
export const GATE_DIRECTIONS: ReadonlyMap<string, Bound> = new Map<string, Bound>([
  ['bm25 / best bm25', 'up'],
  ['first by bm25', 'up'],
  ['margin over the next paragraph', 'up'],
  ['bm25 / idf of the question words', 'up'],
  ['paragraph coverage of the question', 'up'],
  ['sentence coverage of the question', 'up'],
  ['sentence coverage with neighbours', 'up'],
  ['question word pairs in the sentence', 'up'],
  ['article coverage of the question', 'up'],
  ['answer of the asked type in the sentence', 'up'],
  ['short answer score', 'up'],
  ['question names found in the paragraph', 'up'],
  ['concrete type asked and found in the sentence', 'up'],
  ['share of question words in the sentence', 'up'],
  ['question words matched in order in the best sentence', 'up'],
  ['best probability', 'up'],
  ['lead over the next', 'up'],
  ['a question name missing from the paragraph', 'down'],
  ['a question name missing from the article', 'down'],
  ['negated question, sentence not negated', 'down'],
  ['rarest question word missing from the paragraph', 'down'],
  ['concrete type asked and missing from the sentence', 'down'],
  ['rarest question word missing from the sentence', 'down'],
  ['second rarest question word missing from the paragraph', 'down'],
  ['question has the antonym of a word near the best sentence', 'down'],
  ['a question number missing near the best sentence', 'down'],
  ['a question number missing from the paragraph', 'down'],
  ['a question name missing near the best sentence', 'down'],
  ['a question name pair not found as a phrase in the paragraph', 'down'],
  ['share of the question idf unmatched near the best sentence', 'down'],
  ['rarest unmatched word near the best sentence', 'down'],
  ['question words missing from the paragraph', 'down'],
  ['focus noun asked, missing near the best sentence', 'down'],
  ['focus noun asked, not beside the short answer', 'down'],
  ['figure asked, short answer measures another kind', 'down'],
  ['a figure of the sentence changed in a phrase the question keeps', 'down'],
  ['a name of the sentence changed in a phrase the question keeps', 'down'],
  ['a word of the sentence changed in a phrase the question keeps', 'down'],
  ['question length', 'free'],
  ['concrete answer type asked', 'free'],
  ['paragraphs in the article (log, 5 to 60)', 'free'],
]);

/**
 * Gate features that tell the data folders apart rather than answered from unanswered questions.
 * With {@link gateWeights} every folder's prior is even, so the only use left to the article's
 * length (SQuAD's are long, the news stories short) is to learn which folder a question came
 * from and carry one folder's overlap-to-answer relation to the other: fitted with it, a
 * four-paragraph story's plain answer ("About 4,000 drivers joined the strike") was withheld.
 */
const FOLDER_PROXIES: ReadonlySet<string> = new Set(['paragraphs in the article (log, 5 to 60)']);

/** The bound of each gate feature's weight (`undefined`: fitted freely). */
function gateBounds(names: readonly string[], learners: Learners): Bound[] | undefined {
  if (!learners.signedGate) return undefined;
  return names.map((n) =>
    learners.balanceGate && FOLDER_PROXIES.has(n) ? 'off' : (GATE_DIRECTIONS.get(n) ?? 'free'),
  );
}

/**
 * Fits the gate on each question's best paragraph, as the given rankings order them: answered
 * there, or not (an unanswerable question, or a wrong best paragraph: saying "not in the
 * article" costs nothing), each question at its own weight, or by {@link gateWeights} with
 * `balanceGate`.
 */
function fitGate(ex: readonly Example[], rankings: readonly Ranked[], learners: Learners): Model {
  const kept = ex.flatMap((_, k) => ((rankings[k]?.length ?? 0) > 0 ? [k] : []));
  const rows = kept.map((k) => gateFeatures(rankings[k] ?? []));
  const labels = kept.map((k) => {
    const e = ex[k] as Example;
    return e.c.kind === 'ask' && e.labels[rankings[k]?.[0]?.i ?? -1] === 1 ? 1 : 0;
  });
  const weights = learners.balanceGate
    ? gateWeights(
        kept.map((k) => ex[k] as Example),
        labels,
      )
    : kept.map((k) => ex[k]?.c.weight ?? 1);
  const names = [...FEATURES, ...GATE_FEATURES];
  return learn(learners.gate, names, rows, labels, weights, learners.gateTrees, gateBounds(names, learners));
}

/** The fold of each example: its article's place among the sorted article ids, modulo `folds`. */
function foldsOf(ex: readonly Example[], folds: number): number[] {
  const ids = [...new Set(ex.map((e) => e.c.article))].sort();
  const foldOf = new Map(ids.map((id, k) => [id, k % folds]));
  return ex.map((e) => foldOf.get(e.c.article) ?? 0);
}

/**
 * Each example ranked by a ranker fitted without its fold's articles. The gate learns from these
 * rankings, not from the in-sample ones: the boosted ranker nearly memorises the paragraphs it
 * was fitted on (on a short news story its best probability separates in-sample far better than
 * on an unseen one), and a gate fitted on that trusts the probability more than it holds.
 */
function outOfFold(
  ex: readonly Example[],
  fold: readonly number[],
  folds: number,
  learners: Learners,
): Ranked[] {
  const out: Ranked[] = ex.map(() => []);
  for (let f = 0; f < folds; f++) {
    const held = ex.flatMap((_, k) => (fold[k] === f ? [k] : []));
    if (held.length === 0) continue;
    const ranker = fitRanker(
      ex.filter((_, k) => fold[k] !== f),
      learners,
    );
    for (const k of held) out[k] = rank(ex[k] as Example, ranker);
  }
  return out;
}

/**
 * Fits the ranker on every reading, then the gate (threshold 0.5) on each question's best
 * paragraph: as the given rankings order them (out-of-fold, {@link outOfFold}), else as the
 * ranker itself does.
 */
export function fit(
  ex: readonly Example[],
  learners: Learners = DEFAULT_LEARNERS,
  rankings: readonly Ranked[] | null = null,
): Model {
  const ranker = fitRanker(ex, learners);
  return { ...ranker, gate: fitGate(ex, rankings ?? ex.map((e) => rank(e, ranker)), learners) };
}

/**
 * How far below the best balanced figure a lower threshold may score and still be taken. The
 * cross-validated curve is flat near its top (each point of hit@1 is bought with a point of
 * abstention), so within that band the lowest threshold wins: an answer withheld from an
 * answerable question is the commoner failure on news articles, which are shorter than the
 * training set's (their probabilities run lower).
 */
export const FLAT_BAND = 2;

/** The lowest threshold whose balanced figure is within `FLAT_BAND` of the best one. */
export function chooseThreshold(preds: readonly Prediction[]): { threshold: number; figures: Figures } {
  const all: { threshold: number; figures: Figures }[] = [];
  for (let t = 0.02; t < 0.99; t += 0.01) {
    const threshold = Math.round(t * 100) / 100;
    all.push({ threshold, figures: figuresOf(preds, threshold) });
  }
  const top = Math.max(...all.map((x) => x.figures.balanced));
  return (
    all.find((x) => x.figures.balanced >= top - FLAT_BAND) ?? {
      threshold: 0.5,
      figures: figuresOf(preds, 0.5),
    }
  );
}

/**
 * The threshold of a gate fitted with {@link gateWeights} (`balanceGate`): 0.5. Under that
 * weighting each folder's answerable and unanswerable questions weigh the same, so the gate's
 * probability crosses one half where answering and saying "not in the article" are worth the same
 * in the balanced figure; no search.
 */
export const BALANCED_THRESHOLD = 0.5;

/**
 * Held-out predictions: the articles, sorted by id, dealt into `folds` groups; each group is ranked
 * by a ranker fitted on the others and gated by a gate fitted on the others' out-of-fold rankings
 * (its synthesized questions go with their article). Those rankings come from the same fold
 * rankers, which saw the held-out group: a second-order leak, far cheaper than nesting the folds.
 */
export function crossValidate(
  ex: readonly Example[],
  folds: number,
  learners: Learners = DEFAULT_LEARNERS,
  fold: readonly number[] = foldsOf(ex, folds),
  rankings: readonly Ranked[] = outOfFold(ex, fold, folds, learners),
): Prediction[] {
  const out: Prediction[] = [];
  for (let f = 0; f < folds; f++) {
    const held = ex.flatMap((_, k) => (fold[k] === f ? [k] : []));
    if (held.length === 0) continue;
    const others = ex.flatMap((_, k) => (fold[k] !== f ? [k] : []));
    const gate = fitGate(
      others.map((k) => ex[k] as Example),
      others.map((k) => rankings[k] ?? []),
      learners,
    );
    for (const k of held) out.push(predictRanked(ex[k] as Example, rankings[k] ?? [], gate));
  }
  return out;
}

export interface TrainOptions {
  /** Article-grouped folds for the held-out figures and the threshold (0 or 1: in-sample only). */
  folds?: number;
  learners?: Learners;
}

/**
 * Trains on the folders' cases: the ranker and the gate on everything, then the threshold that
 * scores best balanced on cross-validated predictions (on in-sample ones without folds).
 */
export function trainModel(
  data: DataSet,
  options: TrainOptions = {},
): {
  model: Model;
  figures: Figures;
  cv: Figures | null;
  /** The cross-validated figures of each data folder's questions. */
  cvBySource: Map<string, Figures>;
  folds: number;
  examples: Example[];
} {
  const { folds = 5, learners = DEFAULT_LEARNERS } = options;
  const ex = examples(data);
  const articles = new Set(ex.map((e) => e.c.article)).size;
  const k = Math.min(folds, articles);
  const fold = foldsOf(ex, Math.max(1, k));
  // One set of fold rankers serves the gate's training rows and the held-out predictions.
  const rankings = k >= 2 ? outOfFold(ex, fold, k, learners) : null;
  const model = fit(ex, learners, rankings);
  const inSample = ex.map((e) => predict(e, model));
  const held = rankings ? crossValidate(ex, k, learners, fold, rankings) : null;
  const { threshold, figures: cv } = learners.balanceGate
    ? { threshold: BALANCED_THRESHOLD, figures: figuresOf(held ?? inSample, BALANCED_THRESHOLD) }
    : chooseThreshold(held ?? inSample);
  const bySource = new Map<string, Figures>();
  for (const s of [...new Set(ex.map((e) => e.c.source ?? ''))].sort())
    if (held)
      bySource.set(
        s,
        figuresOf(
          held.filter((p) => p.source === s),
          threshold,
        ),
      );
  return {
    model: { ...model, threshold },
    figures: figuresOf(inSample, threshold),
    cv: held ? cv : null,
    cvBySource: bySource,
    folds: held ? k : 0,
    examples: ex,
  };
}
