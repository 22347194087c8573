import type { Article } from '../article/types.ts';
import { contentTerms, STOPWORDS } from '../text/match.ts';
import { termSet } from './passages.ts';
import { chatNormalised, verbLike } from './question.ts';
import { DO_AUXILIARIES, DURATION_ADVERBS, MEASURE_ADJECTIVES, WH_WORDS } from './words.ts';
import type { QuestionAnalysis } from './question.ts';

const kept = new WeakMap<Article, ReadonlySet<string>>();

/**
 * The content terms of an article's title (its headline in news) with their derivational roots,
 * kept per article. A headline states the story's subject in words the body may not repeat
 * ("toll" above "drivers will pay £4.50 to cross the bridge").
 */
export function headlineTerms(article: Article): ReadonlySet<string> {
  const hit = kept.get(article);
  if (hit) return hit;
  const made = termSet(contentTerms(article.meta.title));
  kept.set(article, made);
  return made;
}

/**
 * A question whose only subject is a pronoun ("when was it taken", "where did it happen"), asked
 * of one article, is about what the article is about: its headline's words stand in for "it".
 * Any other question, or one asked across the archive, is left as it is. A phrase of light words
 * in it ("when will it go up") keeps its paraphrase ("increase") beside the headline's words.
 */
export function withTopic(q: QuestionAnalysis, article: Article | undefined): QuestionAnalysis {
  if (!article || q.wh === '' || !PRONOUN_SUBJECT.test(q.text)) return q;
  // A phrase of light words ("go up", "set off") gives a term but no subject: still about "it".
  const own = new Set(contentTerms(chatNormalised(q.text)));
  if (q.terms.some((t) => own.has(t))) return q;
  const terms = [...new Set([...q.terms, ...contentTerms(article.meta.title)])];
  return terms.length > q.terms.length ? { ...q, terms } : q;
}

const PRONOUN_SUBJECT = /\b(it|this|that|they|them|he|she|him|her)\b/i;

/** What a question asks the measure of ("how old", "how much"): no subject of its own. */
const MEASURE_WORDS = new Set([...MEASURE_ADJECTIVES, ...DURATION_ADVERBS, 'old', 'much', 'many']);

/**
 * The pronoun a question stands on when it names nothing else ("how old is she", "when was it
 * taken", "who bought them"): no name, and its other words are the question's own (a measure, a
 * verb). Null when it names a subject ("how much did she pay for the house").
 */
export function pronounSubject(q: QuestionAnalysis): string | null {
  const pronoun = PRONOUN_SUBJECT.exec(q.text)?.[1];
  if (pronoun === undefined || q.wh === '' || q.entities.length > 0) return null;
  const words =
    chatNormalised(q.text)
      .toLowerCase()
      .match(/[a-z]+/g) ?? [];
  // After "did she", "does it": the verb, in its base form ("when did she win").
  const asked = new Set(
    words.filter(
      (_, i) => i >= 2 && DO_AUXILIARIES.has(words[i - 2] ?? '') && PRONOUN_SUBJECT.test(words[i - 1] ?? ''),
    ),
  );
  const own = words.filter(
    (w) => !STOPWORDS.has(w) && !WH_WORDS.has(w) && !PRONOUN_SUBJECT.test(w) && !MEASURE_WORDS.has(w),
  );
  return own.every((w) => verbLike(w) || asked.has(w)) ? pronoun.toLowerCase() : null;
}
