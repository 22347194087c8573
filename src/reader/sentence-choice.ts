import { chooseSpan } from './extract.ts';
import type { SpanChoice } from './extract.ts';
import { idf, matchWeight, variantsOf } from './passages.ts';
import type { ArticleStats } from './passages.ts';
import type { QuestionAnalysis } from './question.ts';
import { CONCRETE } from './words.ts';

/** The idf-weighted share of the question's words that `has` finds (variants count in part). */
export function coverage(stats: ArticleStats, terms: readonly string[], has: (t: string) => boolean): number {
  let all = 0;
  let got = 0;
  for (const t of terms) {
    const w = idf(stats, t);
    all += w;
    got += w * matchWeight(variantsOf(t), has);
  }
  return all > 0 ? got / all : 0;
}

/** The sentence of a paragraph read for the question, and the short answer found in it. */
export interface SentenceChoice {
  /** 0-based index of the sentence in the paragraph. */
  sentence: number;
  span: SpanChoice | null;
}

/**
 * Picks the sentence of a paragraph that answers the question: the two sentences that share most
 * with the question (their own words, and a quarter weight for their neighbours') are read for a
 * short answer, and one whose answer is of the asked concrete type is preferred.
 */
export function chooseSentence(q: QuestionAnalysis, stats: ArticleStats, paragraph: number): SentenceChoice {
  const p = stats.article.paragraphs[paragraph];
  const sets = stats.sentenceSets[paragraph] ?? [];
  const covers = sets.map((set, i) => {
    const own = coverage(stats, q.terms, (t) => set.has(t));
    const near = coverage(
      stats,
      q.terms,
      (t) => set.has(t) || !!sets[i - 1]?.has(t) || !!sets[i + 1]?.has(t),
    );
    return { i, own, c: own + 0.25 * near };
  });
  const read = covers
    .filter((x) => x.own > 0)
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .slice(0, 2);
  let sentence = covers.length > 0 ? ([...covers].sort((a, b) => b.c - a.c || a.i - b.i)[0]?.i ?? 0) : 0;
  let bestCover = -1;
  let span: SpanChoice | null = null;
  for (const x of read) {
    const choice = chooseSpan(q, p?.sentences[x.i]?.text ?? '');
    const c = x.c + (choice?.typeFit && CONCRETE.has(q.type) ? 0.2 : 0);
    if (c > bestCover) {
      bestCover = c;
      sentence = x.i;
      span = choice;
    }
  }
  return { sentence, span };
}
