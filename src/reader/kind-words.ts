import { stem } from '../text/match.ts';
import type { SpanChoice } from './extract.ts';
import type { QuestionAnalysis } from './question.ts';
import { Candidate, sentenceCandidates, typeBit } from './span-features.ts';
import { CONCRETE, DATE_NOUNS, DIMENSION_ADJECTIVES, DURATION_ADVERBS, PERCENT_NOUNS } from './words.ts';
import type { AnswerType } from './words.ts';

/**
 * What a sentence says without the question's words: a question word that only names the kind
 * of answer is stated by a value of that kind, and a short answer that is part of a typed figure
 * is of the figure's type.
 */

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

const NONE: ReadonlySet<string> = new Set();
const cache = new WeakMap<QuestionAnalysis, ReadonlySet<string>>();

/**
 * The measure "how" asks ("tall" in "how tall is the block", "long" in "how long did it last",
 * "old"): a news sentence gives the figure ("a 14-storey block", "for two years"), not the word.
 */
function askedMeasure(q: QuestionAnalysis): string | null {
  if (q.wh !== 'how') return null;
  const next = /\bhow\s+([a-z]+)/i.exec(q.text)?.[1]?.toLowerCase() ?? '';
  const measure = DIMENSION_ADJECTIVES.has(next) || DURATION_ADVERBS.has(next) || next === 'old';
  return measure ? stem(next) : null;
}

/** Kinds of figure that measure something of their own: a sum is not a height nor a length. */
const MEASURE_BITS = (['money', 'percent', 'date', 'duration', 'age'] as const).reduce(
  (bits, t) => bits | typeBit(t),
  0,
);

/**
 * The question's terms that the short answer states by its value, when it is of the asked type
 * (`fits`): the kind nouns ("money"), and the measure "how" asks when the figure measures no other
 * kind ("a 14-storey block" is how tall; "£6,100" is not).
 */
export function statedTerms(q: QuestionAnalysis, span: SpanChoice | null, fits: boolean): ReadonlySet<string> {
  if (!fits || !span) return NONE;
  const kind = KIND_WORDS[q.type];
  const measure = askedMeasure(q);
  const own = (span.kinds & MEASURE_BITS & ~typeBit(q.type)) === 0;
  if (!measure || !own) return kind ?? NONE;
  const hit = cache.get(q);
  if (hit) return hit;
  const made = new Set([...(kind ?? []), measure]);
  cache.set(q, made);
  return made;
}

const cursor = new Candidate();

/**
 * Whether the short answer is of the asked type: as the span scorer judged, or part of a typed
 * span of that type in the sentence. A figure is typed with its counted noun ("18,000 homes",
 * "30 metres"), and a short answer may leave the noun out or take a word before ("about 18,000"):
 * it still states the count asked.
 */
export function fitsAsked(q: QuestionAnalysis, sentence: string, span: SpanChoice | null): boolean {
  if (!span) return false;
  if (span.typeFit || !CONCRETE.has(q.type)) return span.typeFit;
  const bit = typeBit(q.type);
  const sc = sentenceCandidates(sentence);
  for (let i = 0; i < sc.count; i++) {
    const c = sc.at(i, cursor);
    if ((c.types & bit) !== 0 && c.start < span.end && span.start < c.end) return true;
  }
  return false;
}
