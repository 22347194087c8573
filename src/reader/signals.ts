import { ANTONYM_PAIRS } from '../knowledge/lexicon/antonyms.ts';
import { wordnetAntonymPairs } from '../knowledge/lexicon/wordnet.ts';
import { contentTerms, stem } from '../text/match.ts';
import type { SpanChoice } from './extract.ts';
import { idf, leadHas, matchWeight, neighbourHas, variantsOf } from './passages.ts';
import type { ArticleStats } from './passages.ts';
import type { QuestionAnalysis } from './question.ts';
import { typeBit } from './spans.ts';
import { swaps, SWAPS } from './swaps.ts';
import { NUMBER_WORDS } from './words.ts';
import type { AnswerType } from './words.ts';

/**
 * Signs that a paragraph shares a question's words without answering it, the ways SQuAD 2.0's
 * unanswerable questions are written (Rajpurkar et al. 2018): an antonym of the text's word, a
 * changed number or year, a name the text does not have (or not as a phrase), words the sentence
 * leaves unmatched, the question's words out of the text's order.
 */
export const SIGNALS = [
  'question has the antonym of a word near the best sentence',
  'a question number missing near the best sentence',
  'a question number missing from the paragraph',
  'a question name missing near the best sentence',
  'a question name pair not found as a phrase in the paragraph',
  'share of the question idf unmatched near the best sentence',
  'rarest unmatched word near the best sentence',
  'question words missing from the paragraph',
  'question words matched in order in the best sentence',
] as const;

/** Stem -> stems of its antonyms: the project's pairs and WordNet's, built on first use. */
let antonymMap: Map<string, Set<string>> | null = null;

function antonymsOf(term: string): ReadonlySet<string> | undefined {
  if (!antonymMap) {
    antonymMap = new Map<string, Set<string>>();
    for (const [a, b] of [...ANTONYM_PAIRS, ...wordnetAntonymPairs()]) {
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const k = stem(x);
        const set = antonymMap.get(k) ?? new Set<string>();
        if (stem(y) !== k) set.add(stem(y));
        antonymMap.set(k, set);
      }
    }
  }
  return antonymMap.get(term);
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,]\d+)*/gu) ?? [];

/** Longest run of the question's terms found in order (not necessarily adjacent) in the sentence. */
function inOrder(question: readonly string[], sentence: readonly string[]): number {
  const prev = new Array<number>(sentence.length + 1).fill(0);
  for (const q of question) {
    let diag = 0;
    for (let j = 1; j <= sentence.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = sentence[j - 1] === q ? diag + 1 : Math.max(up, prev[j - 1] ?? 0);
      diag = up;
    }
  }
  return prev[sentence.length] ?? 0;
}

/**
 * Adjacent capitalised words of the question ("Ocarina Princess"), lower case; never across a
 * comma or other mark ("Sarah Lund, Natalie Moss" is two names, not "lund natalie"), and not from
 * the question's first word, whose capital says nothing.
 */
function namePairs(text: string): string[] {
  const out: string[] = [];
  let first = true;
  for (const segment of text.split(/[,;:?!()"“”]+/)) {
    const raw = segment.split(/\s+/).filter(Boolean);
    for (let i = first ? 2 : 1; i < raw.length; i++) {
      const [a, b] = [raw[i - 1] ?? '', raw[i] ?? ''];
      if (/^\p{Lu}/u.test(a) && /^\p{Lu}/u.test(b)) out.push(`${a} ${b}`.toLowerCase().replace(/['’]s$/, ''));
    }
    if (raw.length > 0) first = false;
  }
  return out;
}

interface QuestionSigns {
  numbers: string[];
  names: string[][];
  pairs: string[];
  /** Question terms with antonyms, each with the antonyms' stems the question does not use. */
  antonyms: [string, string[]][];
}

const signsCache = new WeakMap<QuestionAnalysis, QuestionSigns>();

/** What the signals look for, read once per question. */
function questionSigns(q: QuestionAnalysis): QuestionSigns {
  const hit = signsCache.get(q);
  if (hit) return hit;
  const words = wordsOf(q.text);
  const own = new Set(words.map(stem));
  const antonyms: [string, string[]][] = [];
  for (const w of own) {
    const as = [...(antonymsOf(w) ?? [])].filter((a) => !own.has(a));
    if (as.length > 0) antonyms.push([w, as]);
  }
  const signs = {
    numbers: words.filter((w) => /\d/.test(w) || NUMBER_WORDS.has(w)),
    names: q.entities.map((e) => contentTerms(e)).filter((t) => t.length > 0),
    pairs: namePairs(q.text),
    antonyms,
  };
  signsCache.set(q, signs);
  return signs;
}

export function signals(
  q: QuestionAnalysis,
  stats: ArticleStats,
  paragraph: number,
  sentence: number,
): number[] {
  const p = stats.article.paragraphs[paragraph];
  const sets = stats.sentenceSets[paragraph] ?? [];
  const counts = stats.tf[paragraph] ?? new Map<string, number>();
  const near = (t: string): boolean => !!sets[sentence]?.has(t) || neighbourHas(sets, sentence, t);
  const { numbers, names, pairs, antonyms } = questionSigns(q);
  const antonym = antonyms.some(([t, as]) => !near(t) && as.some(near));
  // The text's own words only when the question has a number or a name pair to look for.
  const windowText =
    numbers.length > 0 ? [-1, 0, 1].map((d) => p?.sentences[sentence + d]?.text ?? '').join(' ') : '';
  const windowWords = new Set(wordsOf(windowText));
  const paragraphWords = numbers.length > 0 ? new Set(wordsOf(p?.text ?? '')) : new Set<string>();
  const lower = pairs.length > 0 ? (p?.text ?? '').toLowerCase() : '';
  const matched = (t: string, has: (k: string) => boolean): boolean => matchWeight(variantsOf(t), has) > 0;
  // A name the lead gave holds for the whole story (see leadHas).
  const nameTerms = new Set(names.flat());
  const unmatched = q.terms.filter((t) => !matched(t, near) && !(nameTerms.has(t) && leadHas(stats, t)));
  const maxIdf = Math.log(1 + (stats.tf.length + 0.5) / 0.5);
  const sentenceTerms = stats.sentenceTerms[paragraph]?.[sentence] ?? [];
  return [
    antonym ? 1 : 0,
    numbers.some((w) => !windowWords.has(w)) ? 1 : 0,
    numbers.some((w) => !paragraphWords.has(w)) ? 1 : 0,
    names.some((ts) => !ts.every((t) => near(t) || leadHas(stats, t))) ? 1 : 0,
    pairs.some((n) => !lower.includes(n)) ? 1 : 0,
    unmatched.reduce((a, t) => a + idf(stats, t), 0) /
      Math.max(
        1e-9,
        q.terms.reduce((a, t) => a + idf(stats, t), 0),
      ),
    Math.max(0, ...unmatched.map((t) => idf(stats, t))) / maxIdf,
    q.terms.filter((t) => !matched(t, (k) => counts.has(k))).length,
    q.terms.length > 0 ? inOrder(q.terms, sentenceTerms) / q.terms.length : 0,
  ];
}

/**
 * The answer gate's own inputs, read on the best paragraph only (the ranker does not see them):
 * the question's focus noun ("how many *reservists*", "which *hospital*") missing near the best
 * sentence or away from its short answer (a figure that counts something else), and the article's
 * length in paragraphs (bounded), which tells a short news story from a long reference article:
 * the same overlap means less on a story whose questions are worded unlike its text; and a
 * short answer that measures something else than the question asks (a sum of money for "how many
 * seats", a span of years for "how much did it cost"): the sentence has a figure, not the one asked;
 * and the question keeping a phrase of the best sentence with one figure, name or word of it
 * changed ("kills four men" of "kills three men", see `swaps.ts`).
 */
export const GATE_SIGNALS = [
  'focus noun asked, missing near the best sentence',
  'focus noun asked, not beside the short answer',
  'figure asked, short answer measures another kind',
  'paragraphs in the article (log, 5 to 60)',
  'a figure of the sentence changed in a phrase the question keeps',
  'a name of the sentence changed in a phrase the question keeps',
  'a word of the sentence changed in a phrase the question keeps',
] as const;

/**
 * The article lengths, in paragraphs, between which the gate reads length; shorter or longer
 * articles count as these. The training data has none shorter than five, and past sixty a
 * reference article reads like any long one: bounded, so a three-paragraph note or a
 * 500-paragraph report is not read off the end of the fitted line.
 */
const LENGTH_READ = { min: 5, max: 60 };

/** How many words either side of the short answer its focus noun may sit ("20,000 reservists"). */
const FOCUS_REACH = 3;

/** The kinds a figure measures: a span of one of them answers no question asking another. */
const MEASURES: readonly AnswerType[] = ['money', 'percent', 'date', 'duration', 'age'];
const MEASURE_BITS = MEASURES.reduce((bits, t) => bits | typeBit(t), 0);

/**
 * The question asks a figure and the short answer measures another kind: for "how much" or
 * "when", a span not of the asked kind but of another measure; for "how many", a measure whose
 * counted noun is not the question's ("three years" does answer "how many years").
 */
function otherMeasure(q: QuestionAnalysis, span: SpanChoice | null, focusBeside: boolean): boolean {
  if (!span) return false;
  const other = (span.kinds & MEASURE_BITS & ~typeBit(q.type)) !== 0;
  if (q.type === 'count') return other && !focusBeside;
  return MEASURES.includes(q.type) && other && (span.kinds & typeBit(q.type)) === 0;
}

/** Stems of the words of a text, in order. */
const stemsOf = (text: string): string[] => wordsOf(text).map(stem);

/**
 * Whether the question's focus noun ("reservists" in "how many reservists") is in the short
 * answer or within a few words of it: a figure that counts something else does not answer.
 */
function focusBesideSpan(focus: string, sentence: string, span: SpanChoice): boolean {
  const before = stemsOf(sentence.slice(0, span.start)).slice(-FOCUS_REACH);
  const inside = stemsOf(span.text);
  const after = stemsOf(sentence.slice(span.end)).slice(0, FOCUS_REACH);
  return [...before, ...inside, ...after].includes(focus);
}

/** The {@link GATE_SIGNALS} of a paragraph at its chosen sentence and short answer. */
export function gateSignals(
  q: QuestionAnalysis,
  stats: ArticleStats,
  paragraph: number,
  sentence: number,
  span: SpanChoice | null,
): number[] {
  const sets = stats.sentenceSets[paragraph] ?? [];
  const focus = q.focus ? stem(q.focus) : '';
  const near = focus !== '' && (!!sets[sentence]?.has(focus) || neighbourHas(sets, sentence, focus));
  const text = stats.article.paragraphs[paragraph]?.sentences[sentence]?.text ?? '';
  const beside = focus !== '' && !!span && focusBesideSpan(focus, text, span);
  const own = sets[sentence];
  // A term's first variant is the term itself.
  const found = (t: string): boolean => !!own && matchWeight(variantsOf(t), (k) => own.has(k)) > 0;
  const changed = swaps(q.text, text, found);
  return [
    focus !== '' && !near ? 1 : 0,
    focus !== '' && !beside ? 1 : 0,
    otherMeasure(q, span, beside) ? 1 : 0,
    Math.log(1 + Math.min(LENGTH_READ.max, Math.max(LENGTH_READ.min, stats.tf.length))),
    ...SWAPS.map((kind) => (changed.has(kind) ? 1 : 0)),
  ];
}
