import { stem } from '../text/match.ts';
import type { SpanChoice } from './extract.ts';
import { idf, leadHas, matchWeight, neighbourHas, variantsOf } from './passages.ts';
import { headlineTerms } from './headline.ts';
import type { ArticleStats } from './passages.ts';
import type { QuestionAnalysis } from './question.ts';
import { chooseSentence, coverage, pairsFound, questionNames } from './sentence-choice.ts';
import { signals, SIGNALS } from './signals.ts';
import { CONCRETE, DATE_NOUNS, NEGATIONS, PERCENT_NOUNS } from './words.ts';
import type { AnswerType } from './words.ts';

/**
 * Question nouns that only name the kind of answer asked ("money" in "how much money did it get",
 * "year" in "what year"): the sentence states them by giving a value of that kind, so they count
 * as found there when its short answer is of the asked type ("$12 million" is the money).
 */
const KIND_WORDS: Partial<Record<AnswerType, ReadonlySet<string>>> = {
  money: new Set(['money'].map(stem)),
  percent: new Set([...PERCENT_NOUNS].map(stem)),
  date: new Set([...DATE_NOUNS].map(stem)),
};

const NO_TERMS: ReadonlySet<string> = new Set();

/** One paragraph read for a question: its best sentence, its short answer and the model's inputs. */
export interface Reading {
  article: string;
  /** 0-based paragraph index in the article. */
  paragraph: number;
  /** 0-based index of the best sentence in the paragraph. */
  sentence: number;
  span: SpanChoice | null;
  features: number[];
  /**
   * What the paragraph was read for and in: the gate works out its own signals (GATE_SIGNALS)
   * from them, on the best paragraph only, not on every paragraph read.
   */
  question: QuestionAnalysis;
  stats: ArticleStats;
}

export const FEATURES = [
  'bm25 / best bm25',
  'first by bm25',
  'margin over the next paragraph',
  'bm25 / idf of the question words',
  'paragraph coverage of the question',
  'sentence coverage of the question',
  'sentence coverage with neighbours',
  'question word pairs in the sentence',
  'article coverage of the question',
  'answer of the asked type in the sentence',
  'short answer score',
  'question names found in the paragraph',
  'a question name missing from the paragraph',
  'a question name missing from the article',
  'negated question, sentence not negated',
  'rarest question word missing from the paragraph',
  'question length',
  'concrete answer type asked',
  'concrete type asked and found in the sentence',
  'concrete type asked and missing from the sentence',
  'share of question words in the sentence',
  'rarest question word missing from the sentence',
  'second rarest question word missing from the paragraph',
  ...SIGNALS,
] as const;

export interface RankContext {
  rank: number;
  bm25: number;
  best: number;
  next: number;
}

/** Whether a sentence says "not" (a negation word, "n't" read as "not"). */
function negatedText(text: string): boolean {
  const sentenceWords = (text.toLowerCase().match(/[a-z']+/g) ?? []).map((w) =>
    w.endsWith("n't") ? 'not' : w,
  );
  return sentenceWords.some((w) => NEGATIONS.has(w));
}

/** Reads one paragraph for the question: best sentence, short answer, features. */
export function readParagraph(
  q: QuestionAnalysis,
  stats: ArticleStats,
  paragraph: number,
  ctx: RankContext,
): Reading {
  const p = stats.article.paragraphs[paragraph];
  const sentences = stats.sentenceTerms[paragraph] ?? [];
  const tf = stats.tf[paragraph] ?? new Map<string, number>();
  // The headline is read as part of the lead, which it sums up in its own words ("toll" above
  // "Drivers will pay £4.50 to cross the bridge"): its words count as found in the lead.
  const headline = paragraph === 0 ? headlineTerms(stats.article) : NO_TERMS;
  const counts = { has: (t: string): boolean => tf.has(t) || headline.has(t) };
  const sets = stats.sentenceSets[paragraph] ?? [];
  const { sentence: bestSentence, span } = chooseSentence(q, stats, paragraph);
  const fits = (span as SpanChoice | null)?.typeFit === true;
  const kind = fits ? KIND_WORDS[q.type] : undefined;
  const own = sets[bestSentence] ?? new Set<string>();
  const set = { has: (k: string): boolean => own.has(k) || kind?.has(k) === true || headline.has(k) };
  const text = p?.sentences[bestSentence]?.text ?? '';
  const qPairs = Math.max(0, q.terms.length - 1);
  const entityStems = questionNames(q);
  const inParagraph = entityStems.filter((ts) => ts.every((t) => counts.has(t) || leadHas(stats, t))).length;
  const inArticle = entityStems.filter((ts) => ts.every((t) => stats.df.has(t))).length;
  const [rarest, second] = [...q.terms].sort((a, b) => idf(stats, b) - idf(stats, a));
  const maxIdf = Math.log(1 + (stats.tf.length + 0.5) / 0.5);
  return {
    article: stats.article.id,
    paragraph,
    sentence: bestSentence,
    span,
    features: [
      ctx.best > 0 ? ctx.bm25 / ctx.best : 0,
      ctx.rank === 0 ? 1 : 0,
      ctx.best > 0
        ? ctx.rank === 0
          ? (ctx.bm25 - ctx.next) / ctx.best
          : (ctx.bm25 - ctx.best) / ctx.best
        : 0,
      // Over the question's own idf mass, so the figure means the same in short and long articles.
      ctx.bm25 /
        Math.max(
          1e-9,
          q.terms.reduce((a, t) => a + idf(stats, t), 0),
        ),
      coverage(stats, q.terms, (t) => counts.has(t)),
      coverage(stats, q.terms, (t) => set.has(t)),
      coverage(stats, q.terms, (t) => set.has(t) || neighbourHas(sets, bestSentence, t)),
      qPairs > 0 ? pairsFound(q.terms, sentences[bestSentence] ?? []) / qPairs : 0,
      coverage(stats, q.terms, (t) => stats.df.has(t)),
      fits ? 1 : 0,
      (span as SpanChoice | null)?.score ?? 0,
      entityStems.length > 0 ? inParagraph / entityStems.length : 1,
      inParagraph < entityStems.length ? 1 : 0,
      inArticle < entityStems.length ? 1 : 0,
      q.negated && !negatedText(text) ? 1 : 0,
      rarest !== undefined && !counts.has(rarest) ? idf(stats, rarest) / maxIdf : 0,
      Math.log(1 + q.terms.length),
      CONCRETE.has(q.type) ? 1 : 0,
      CONCRETE.has(q.type) && fits ? 1 : 0,
      CONCRETE.has(q.type) && !fits ? 1 : 0,
      q.terms.length > 0
        ? q.terms.filter((t) => matchWeight(variantsOf(t), (k) => set.has(k)) > 0).length / q.terms.length
        : 0,
      rarest !== undefined && !set.has(rarest) ? idf(stats, rarest) / maxIdf : 0,
      second !== undefined && !counts.has(second) ? idf(stats, second) / maxIdf : 0,
      ...signals(q, stats, paragraph, bestSentence),
    ],
    question: q,
    stats,
  };
}
