import type { Article } from '../article/types.ts';
import { trainSoftmax } from './softmax.ts';
import type { Group, SoftmaxModel } from './softmax.ts';
import { chooseSentence, SENTENCE_FEATURES, sentenceCandidates as readSentences } from './sentence-choice.ts';
import type { SpanModel } from './span-model.ts';
import { statsOf } from './passages.ts';
import type { ArticleStats } from './passages.ts';
import { contentTerms } from '../text/match.ts';
import { analyzeQuestion } from './question.ts';
import type { QuestionAnalysis } from './question.ts';
import {
  IN_QUESTION,
  LEXICAL_SIZE,
  LEXICAL_SLOTS,
  lexicalKeys,
  sentenceCandidates,
  spanContext,
  SPAN_FEATURES,
  spanFeatures,
} from './span-features.ts';
import { squadNormalize, squadScore } from './squad.ts';
import type { Case, DataSet } from './training.ts';

/** One answerable question with the sentence the reader reads in its gold paragraph. */
export interface SpanCase {
  c: Case;
  q: QuestionAnalysis;
  stats: ArticleStats;
  /** 0-based index of the gold paragraph. */
  paragraph: number;
  /** The sentence the reader picks in the gold paragraph ("" when not read). */
  read: string;
  /** The sentence of the gold paragraph that holds a gold answer and most question words, or "". */
  holding: string;
}

const holds = (sentence: string, golds: readonly string[]): boolean => {
  const s = ` ${squadNormalize(sentence)} `;
  return golds.some((g) => squadNormalize(g) !== '' && s.includes(` ${squadNormalize(g)} `));
};

function holdingSentence(
  sentences: readonly string[],
  golds: readonly string[],
  terms: ReadonlySet<string>,
): string {
  let best = '';
  let most = -1;
  for (const s of sentences) {
    if (!holds(s, golds)) continue;
    const shared = new Set(contentTerms(s).filter((t) => terms.has(t))).size;
    if (shared > most) [best, most] = [s, shared];
  }
  return best;
}

/**
 * The answerable cases of a data set with the sentence that holds the answer; with `read`, also
 * the sentence the reader picks in the gold paragraph (for evaluation; training does not need it).
 */
export function spanCases(data: DataSet, read = false): SpanCase[] {
  const out: SpanCase[] = [];
  for (const c of data.cases) {
    const article: Article | undefined = data.articles.get(c.article);
    const index = (c.paragraph ?? 0) - 1;
    const paragraph = article?.paragraphs[index];
    if (c.kind !== 'ask' || !article || !paragraph) continue;
    const q = analyzeQuestion(c.query);
    const sentences = paragraph.sentences.map((s) => s.text);
    const holding = holdingSentence(sentences, c.answers ?? [], new Set(q.terms));
    const stats = statsOf(article);
    const at = read ? chooseSentence(q, stats, index).sentence : -1;
    out.push({ c, q, stats, paragraph: index, read: sentences[at] ?? '', holding });
  }
  return out;
}

export { holds as sentenceHolds };

/**
 * Trains the span scorer: for each case, the candidates of the sentence that holds the answer,
 * the target spread over the spans that are a gold answer (SQuAD-normalised), or by token F1
 * where none is. A softmax over the sentence's candidates: the scorer learns which one is the
 * answer, not whether each one is. Deterministic.
 */
export function trainSpanModel(cases: readonly SpanCase[]): SpanModel {
  const spans = trainSpanScorer(cases);
  return { ...spans, sentence: trainSentenceChooser(cases, spans) };
}

export function trainSpanScorer(
  cases: readonly SpanCase[],
  options: Parameters<typeof trainSoftmax>[2] = {},
): SoftmaxModel {
  const groups: Group[] = [];
  for (const k of cases) {
    if (!k.holding) continue;
    const sc = sentenceCandidates(k.holding);
    const context = spanContext(k.q, sc);
    const golds = k.c.answers ?? [];
    const rows: Float32Array[] = [];
    const keys: Int32Array[] = [];
    const em: number[] = [];
    const f1: number[] = [];
    for (const cand of sc.candidates) {
      const x = spanFeatures(context, cand);
      if ((x[IN_QUESTION] ?? 0) >= 0.99) continue;
      const s = squadScore(cand.text, golds);
      rows.push(Float32Array.from(x));
      keys.push(lexicalKeys(sc, context.bucket, cand, new Int32Array(LEXICAL_SLOTS)));
      em.push(s.em);
      f1.push(s.f1 * s.f1);
    }
    const hits = em.some((v) => v > 0) ? em : f1;
    const sum = hits.reduce((a, b) => a + b, 0);
    if (sum === 0) continue;
    groups.push({ rows, keys, target: hits.map((v) => v / sum), weight: k.c.weight ?? 1 });
  }
  return trainSoftmax([...SPAN_FEATURES], groups, { lexical: LEXICAL_SIZE, ...options });
}

/**
 * Trains the sentence chooser on the span scorer's outputs: for each case, the sentences of the
 * gold paragraph that are read (sentence-choice.ts), the target spread over those that hold a
 * gold answer. Cases where none or all do teach nothing and are left out. Deterministic.
 */
export function trainSentenceChooser(
  cases: readonly SpanCase[],
  spans: SoftmaxModel,
  options: Parameters<typeof trainSoftmax>[2] = { epochs: 20 },
): SoftmaxModel {
  const groups: Group[] = [];
  for (const k of cases) {
    const read = readSentences(k.q, k.stats, k.paragraph, spans);
    const texts = k.stats.article.paragraphs[k.paragraph]?.sentences ?? [];
    const hits = read.map((s) => (holds(texts[s.i]?.text ?? '', k.c.answers ?? []) ? 1 : 0));
    const sum = hits.reduce<number>((a, b) => a + b, 0);
    if (sum === 0 || sum === read.length) continue;
    groups.push({
      rows: read.map((s) => Float32Array.from(s.features)),
      target: hits.map((v) => v / sum),
      weight: k.c.weight ?? 1,
    });
  }
  return trainSoftmax([...SENTENCE_FEATURES], groups, options);
}
