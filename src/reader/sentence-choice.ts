import { SPAN_MODEL, spanChoiceOf } from './extract.ts';
import type { SpanChoice } from './extract.ts';
import { idf, matchWeight, neighbourHas, variantsOf } from './passages.ts';
import type { ArticleStats, Variant } from './passages.ts';
import type { QuestionAnalysis } from './question.ts';
import { logit } from './softmax.ts';
import { bestSpan } from './span-model.ts';
import type { ScoredSpan, SpanModel } from './span-model.ts';
import { contentTerms, stem } from '../text/match.ts';
import { CONCRETE } from './words.ts';

/**
 * The idf of each of the terms in one article, their sum and their variants, for the last
 * article and terms asked ({@link coverage} is asked of the same question's terms in the same
 * article for every sentence read and several features, each time looking them up again).
 */
const weighed: {
  stats: ArticleStats | null;
  terms: readonly string[] | null;
  weights: number[];
  variants: Variant[][];
  all: number;
} = { stats: null, terms: null, weights: [], variants: [], all: 0 };

/** The idf-weighted share of the question's words that `has` finds (variants count in part). */
export function coverage(stats: ArticleStats, terms: readonly string[], has: (t: string) => boolean): number {
  if (weighed.stats !== stats || weighed.terms !== terms) {
    const weights: number[] = [];
    const variants: Variant[][] = [];
    let all = 0;
    for (const t of terms) {
      const w = idf(stats, t);
      all += w;
      weights.push(w);
      variants.push(variantsOf(t));
    }
    weighed.stats = stats;
    weighed.terms = terms;
    weighed.weights = weights;
    weighed.variants = variants;
    weighed.all = all;
  }
  const { weights, variants, all } = weighed;
  let got = 0;
  for (let k = 0; k < weights.length; k++)
    got += (weights[k] as number) * matchWeight(variants[k] as Variant[], has);
  return all > 0 ? got / all : 0;
}

/**
 * The stems of each of the question's names that has any (what `contentTerms` gives for it),
 * worked out once per question rather than once per paragraph read.
 */
const namesOf = new WeakMap<QuestionAnalysis, string[][]>();

export function questionNames(q: QuestionAnalysis): readonly (readonly string[])[] {
  const hit = namesOf.get(q);
  if (hit) return hit;
  const made = q.entities.map((e) => contentTerms(e)).filter((t) => t.length > 0);
  namesOf.set(q, made);
  return made;
}

/** The sentence of a paragraph read for the question, and the short answer found in it. */
export interface SentenceChoice {
  /** 0-based index of the sentence in the paragraph. */
  sentence: number;
  span: SpanChoice | null;
}

/** How many sentences of a paragraph, best covered first, are read for a short answer. */
export const SENTENCES_READ = 2;

export const SENTENCE_FEATURES = [
  'coverage of the question',
  'coverage with neighbours',
  'coverage below the best sentence',
  'best covered',
  'rank by coverage',
  'question word pairs in it',
  'best span share',
  'best span logit',
  'span evidence (log-sum-exp)',
  'concrete type asked, span of that type',
  'concrete type asked, no span of that type',
  'first sentence of the paragraph',
  'log length',
  'no candidate span',
  'share of the question words in it',
  'share of the question names in it',
  'the focus noun in it',
  'opens on a pronoun',
  'question words in order, share',
  'sentences in the paragraph (log)',
] as const;

const PRONOUN_OPENERS = new Set(['it', 'he', 'she', 'they', 'this', 'these', 'its', 'his', 'her', 'their']);

/** Longest run of the question's words found in the same order in the sentence, as a share. */
function inOrder(question: readonly string[], sentence: readonly string[]): number {
  if (question.length === 0) return 0;
  let prev = new Array<number>(sentence.length + 1).fill(0);
  for (const qt of question) {
    const row = new Array<number>(sentence.length + 1).fill(0);
    for (let j = 1; j <= sentence.length; j++)
      row[j] = sentence[j - 1] === qt ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, row[j - 1] ?? 0);
    prev = row;
  }
  return (prev[sentence.length] ?? 0) / question.length;
}

/** A sentence read for the question: how well it is covered, its best span and the chooser's inputs. */
export interface SentenceCandidate {
  i: number;
  best: ScoredSpan | null;
  features: number[];
}

interface Covered {
  i: number;
  own: number;
  near: number;
  c: number;
}

function covered(q: QuestionAnalysis, stats: ArticleStats, paragraph: number): Covered[] {
  const sets = stats.sentenceSets[paragraph] ?? [];
  return sets.map((set, i) => {
    const own = coverage(stats, q.terms, (t) => set.has(t));
    const near = coverage(stats, q.terms, (t) => set.has(t) || neighbourHas(sets, i, t));
    return { i, own, near, c: own + 0.25 * near };
  });
}

/**
 * How many of the question's adjacent word pairs the sentence's terms also hold side by side,
 * compared word by word: no string per pair and no set per sentence read.
 */
export function pairsFound(question: readonly string[], sentence: readonly string[]): number {
  let n = 0;
  for (let k = 1; k < question.length; k++) {
    const a = question[k - 1];
    const b = question[k];
    for (let j = 1; j < sentence.length; j++)
      if (sentence[j] === b && sentence[j - 1] === a) {
        n++;
        break;
      }
  }
  return n;
}

/** The share of the question's adjacent word pairs found side by side in the sentence's terms. */
function pairShare(q: QuestionAnalysis, terms: readonly string[]): number {
  if (q.terms.length < 2) return 0;
  return pairsFound(q.terms, terms) / (q.terms.length - 1);
}

/**
 * The sentences of a paragraph read for the question (the {@link SENTENCES_READ} best covered
 * that share a word with it, best first), each with its best span and the chooser's features.
 */
export function sentenceCandidates(
  q: QuestionAnalysis,
  stats: ArticleStats,
  paragraph: number,
  model: SpanModel = SPAN_MODEL,
): SentenceCandidate[] {
  const p = stats.article.paragraphs[paragraph];
  const all = covered(q, stats, paragraph);
  const top = all
    .filter((x) => x.own > 0)
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .slice(0, SENTENCES_READ);
  const bestC = top[0]?.c ?? 0;
  const concrete = CONCRETE.has(q.type);
  const names = questionNames(q);
  const focus = q.focus ? stem(q.focus) : '';
  const sets = stats.sentenceSets[paragraph] ?? [];
  return top.map((x, rank) => {
    const best = bestSpan(model, q, p?.sentences[x.i]?.text ?? '');
    const terms = stats.sentenceTerms[paragraph]?.[x.i] ?? [];
    const fit = best?.typeFit === true;
    const features = [
      x.own,
      x.near,
      x.c - bestC,
      rank === 0 ? 1 : 0,
      rank / SENTENCES_READ,
      pairShare(q, terms),
      best?.p ?? 0,
      best?.logit ?? 0,
      best?.mass ?? 0,
      concrete && fit ? 1 : 0,
      concrete && !fit ? 1 : 0,
      x.i === 0 ? 1 : 0,
      Math.log(1 + terms.length),
      best ? 0 : 1,
      q.terms.length > 0 ? q.terms.filter((t) => sets[x.i]?.has(t)).length / q.terms.length : 0,
      names.length > 0 ? names.filter((ts) => ts.every((t) => sets[x.i]?.has(t))).length / names.length : 0,
      focus !== '' && sets[x.i]?.has(focus) ? 1 : 0,
      PRONOUN_OPENERS.has((p?.sentences[x.i]?.text ?? '').split(/\s/, 1)[0]?.toLowerCase() ?? '') ? 1 : 0,
      inOrder(q.terms, terms),
      Math.log(1 + all.length),
    ];
    return { i: x.i, best, features };
  });
}

/**
 * Picks the sentence of a paragraph that answers the question, and its short answer: the best
 * covered sentences are read for a span, and the learned chooser weighs each one's coverage
 * against how clearly it holds an answer of the asked kind (without a chooser: best covered).
 */
export function chooseSentence(
  q: QuestionAnalysis,
  stats: ArticleStats,
  paragraph: number,
  model: SpanModel = SPAN_MODEL,
): SentenceChoice {
  const read = sentenceCandidates(q, stats, paragraph, model);
  const chooser = model.sentence;
  let chosen = read[0];
  let top = -Infinity;
  if (chooser)
    for (const s of read) {
      const z = logit(chooser, s.features);
      if (z > top) [top, chosen] = [z, s];
    }
  if (!chosen) return { sentence: fallback(q, stats, paragraph), span: null };
  const text = stats.article.paragraphs[paragraph]?.sentences[chosen.i]?.text ?? '';
  return { sentence: chosen.i, span: chosen.best ? spanChoiceOf(q, text, chosen.best) : null };
}

/** With no sentence sharing a word with the question: the best covered with its neighbours. */
function fallback(q: QuestionAnalysis, stats: ArticleStats, paragraph: number): number {
  const all = covered(q, stats, paragraph).sort((a, b) => b.c - a.c || a.i - b.i);
  return all[0]?.i ?? 0;
}
