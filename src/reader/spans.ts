import { lexiconTags, tokenize } from '../knowledge/nlp.ts';
import type { Token } from '../knowledge/nlp.ts';
import { STOPWORDS, stem } from '../text/match.ts';
import type { AnswerType } from './words.ts';
import {
  ANSWER_TYPES,
  CURRENCY_WORDS,
  DURATION_UNITS,
  MONTHS,
  NAME_JOINERS,
  NOT_NAMES,
  NUMBER_WORDS,
  PERCENT_WORDS,
  SCALE_WORDS,
  WEEKDAYS,
} from './words.ts';

/** A stretch of a sentence that could be the short answer. */
export interface Span {
  text: string;
  /** Offsets within the sentence text. */
  start: number;
  end: number;
  /** Token positions [from, to) within the sentence's tokens. */
  from: number;
  to: number;
  /** The answer types this span could be. */
  types: ReadonlySet<AnswerType>;
}

const isNumberToken = (t: Token): boolean => t.word && (/^\d/.test(t.text) || NUMBER_WORDS.has(t.lower));
const isYear = (t: Token): boolean => /^(1\d{3}|20\d{2})s?$/.test(t.text);

/**
 * A figure joined to its unit by hyphens, as news writes a measure before a noun: "a 24-year-old
 * forward" (an age), "a five-year contract", "a 48-hour strike" (durations), "a 14-storey block"
 * (a measure, counted). The compound alone is the figure; the noun after it is what it measures.
 */
function compoundFigure(t: Token): AnswerType[] | null {
  if (!t.lower.includes('-')) return null;
  const parts = t.lower.split('-');
  const head = parts[0] ?? '';
  if (parts.length < 2 || !(/^\d[\d,.]*$/.test(head) || NUMBER_WORDS.has(head))) return null;
  const unit = parts[1] ?? '';
  if (!/^\p{L}+$/u.test(unit) || NUMBER_WORDS.has(unit)) return null;
  if (DURATION_UNITS.has(unit) || DURATION_UNITS.has(`${unit}s`))
    return parts[parts.length - 1] === 'old' ? ['age', 'count'] : ['duration', 'count'];
  return ['count'];
}

/** A figure: number words and digits with their scale, currency, percent sign and unit. */
function numberSpan(tokens: Token[], i: number): { to: number; types: AnswerType[]; from?: number } | null {
  const t = tokens[i] as Token;
  const compound = t.word ? compoundFigure(t) : null;
  if (compound) return { to: i + 1, types: compound };
  if (!isNumberToken(t)) return null;
  let to = i + 1;
  while (
    to < tokens.length &&
    (isNumberToken(tokens[to] as Token) || SCALE_WORDS.has(tokens[to]?.lower ?? ''))
  )
    to++;
  // Guarded: index -1 is a property lookup by name, and it slows every later read of this line.
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const types: AnswerType[] = [];
  const money = prev !== undefined && /^[$£€¥]$/.test(prev.text);
  const next = tokens[to];
  const nextLower = next?.lower ?? '';
  if (/^(century|centuries)$/.test(nextLower)) {
    // "the 19th century", "early 20th century".
    types.push('date');
    to++;
    const before = prev?.lower ?? '';
    if (/^(early|late|mid|middle)$/.test(before)) return { to, types, from: i - 1 };
  } else if (next && (next.text === '%' || PERCENT_WORDS.has(nextLower))) {
    types.push('percent');
    to += nextLower === 'per' && tokens[to + 1]?.lower === 'cent' ? 2 : 1;
  } else if (money || CURRENCY_WORDS.has(nextLower)) {
    types.push('money', 'count');
    if (!money) to++;
  } else if (DURATION_UNITS.has(nextLower)) {
    types.push('duration', 'count');
    to++;
    if (tokens[to]?.lower === 'old') types.push('age');
  } else if (isYear(t) && to === i + 1) types.push('date');
  else {
    types.push('count');
    if (prev && /^(age|aged)$/.test(prev.lower)) types.push('age');
    // The counted noun: "20,000 reservists".
    if (next?.word && !STOPWORDS.has(nextLower) && !next.capital) to++;
  }
  return { to, types };
}

/** "July 7, 2021", "7 July", "in March 1990", "Monday". */
function dateSpan(tokens: Token[], i: number): number | null {
  const t = tokens[i] as Token;
  if (!(MONTHS.has(t.lower.replace(/\.$/, '')) && t.capital) && !WEEKDAYS.has(t.lower)) return null;
  let to = i + 1;
  while (to < tokens.length) {
    const n = tokens[to] as Token;
    if (/^\d{1,4}(st|nd|rd|th)?$/.test(n.text) || n.text === ',') to++;
    else break;
  }
  if (tokens[to - 1]?.text === ',') to--;
  return to;
}

const NAME_SUFFIX =
  /^(university|company|party|council|association|institute|church|bank|corporation|inc\.?|ltd|group|agency|ministry|army|society|college|school|league|union|committee|foundation|academy|museum|club|records|studios?)$/i;

function nameTypes(tokens: Token[], from: number, to: number): AnswerType[] {
  const words = tokens.slice(from, to).filter((t) => t.word);
  const phrase = words.map((w) => w.text).join(' ');
  const tags = lexiconTags(phrase);
  const lastTags = lexiconTags(words[words.length - 1]?.text ?? '');
  const prev = from > 0 ? (tokens[from - 1]?.lower ?? '') : '';
  if (words.some((w) => NAME_SUFFIX.test(w.text)) || tags.has('Organization'))
    return ['organisation', 'other'];
  if (tags.has('Place') || lastTags.has('Place')) return ['place', 'other'];
  if (/^(in|at|from|near|to|across|into|of)$/.test(prev)) return ['place', 'organisation', 'person', 'other'];
  if (tags.has('Person') || lexiconTags(words[0]?.text ?? '').has('FirstName') || words.length >= 2)
    return ['person', 'organisation', 'other'];
  return ['person', 'organisation', 'place', 'other'];
}

/** A run of capitalised words, joined by "of", "de", "van" ... ("Bank of England"). */
function nameSpan(tokens: Token[], i: number): number | null {
  const t = tokens[i] as Token;
  if (!t.capital || NOT_NAMES.has(t.text)) return null;
  const single = !tokens[i + 1]?.capital;
  // A capitalised common word opening the sentence ("Prominent ..."), or a lone demonym ("Irish").
  const tags = lexiconTags(t.lower);
  if (
    single &&
    ((i === 0 && tags.size > 0 && !tags.has('ProperNoun')) || tags.has('Demonym') || tags.has('Adjective'))
  )
    return null;
  let to = i + 1;
  while (to < tokens.length) {
    const n = tokens[to] as Token;
    if (n.capital && n.word && !tokens[to - 1]?.possessive) to++;
    else if (NAME_JOINERS.has(n.lower) && tokens[to + 1]?.capital && !tokens[to - 1]?.possessive) to += 2;
    else break;
  }
  return to;
}

/** Whether a token ends a plain noun phrase (module level: a closure per call cost more than the test). */
function breaks(t: Token): boolean {
  return (
    !t.word || STOPWORDS.has(t.lower) || lexiconTags(t.lower).has('Verb') || /^(and|or|but)$/.test(t.lower)
  );
}

/**
 * A plain noun phrase: words up to a function word, verb or punctuation, at most four. `breaking`
 * holds {@link breaks} of each token, worked out once per sentence.
 */
function phraseSpan(tokens: Token[], breaking: readonly boolean[], i: number): number | null {
  if (breaking[i] || (i > 0 && !breaking[i - 1] && !(tokens[i - 1] as Token).capital)) return null;
  let to = i + 1;
  while (to < tokens.length && to - i < 4 && !breaking[to]) to++;
  return to;
}

/**
 * Every candidate answer span of a sentence, typed. Not cached here: its one caller
 * (`sentenceCandidates`) keeps what it derives per sentence, and a second cache of the same
 * sentences only held their tokens and spans alive twice.
 */
export function candidateSpans(sentence: string): { tokens: Token[]; spans: Span[] } {
  const tokens = tokenize(sentence);
  const spans: Span[] = [];
  eachSpan(tokens, (from, to, types) => {
    const first = tokens[from] as Token;
    const last = tokens[to - 1] as Token;
    const start =
      from > 0 && /^[$£€¥]$/.test(tokens[from - 1]?.text ?? '')
        ? (tokens[from - 1] as Token).start
        : first.start;
    spans.push({
      text: sentence.slice(start, last.end),
      start,
      end: last.end,
      from,
      to,
      types: new Set(types),
    });
  });
  return { tokens, spans };
}

/** Answer types as bits, so a candidate's types are one number. */
export const typeBit = (t: AnswerType): number => 1 << ANSWER_TYPES.indexOf(t);

/**
 * The same spans as {@link candidateSpans}, as token ranges only: `[from, to, types]` triples,
 * the types as bits ({@link typeBit}). What the span scorer reads of them,
 * without a text and a set per span.
 */
export function typedRanges(tokens: Token[]): number[] {
  const out: number[] = [];
  eachSpan(tokens, (from, to, types) => {
    let bits = 0;
    for (const t of types) bits |= typeBit(t);
    out.push(from, to, bits);
  });
  return out;
}

/** Calls `add` with each typed span's token range [from, to) and types, in sentence order. */
function eachSpan(tokens: Token[], add: (from: number, to: number, types: AnswerType[]) => void): void {
  const emit = (from: number, to: number, types: AnswerType[]): void => {
    if (!tokens[from] || !tokens[to - 1] || to <= from) return;
    add(from, to, types);
  };
  const breaking = tokens.map(breaks);
  for (let i = 0; i < tokens.length; i++) {
    const num = numberSpan(tokens, i);
    if (num) {
      emit(num.from ?? i, num.to, num.types);
      continue;
    }
    const date = dateSpan(tokens, i);
    if (date !== null) emit(i, date, ['date']);
    const name = nameSpan(tokens, i);
    if (name !== null) emit(i, name, nameTypes(tokens, i, name));
    const phrase = phraseSpan(tokens, breaking, i);
    if (phrase !== null && (name === null || phrase !== name)) emit(i, phrase, ['other']);
  }
  // Years with their preposition context count as dates ("in 1990").
}

/** Stems of a span's words (for "already in the question"). */
export function spanTerms(span: Span, tokens: Token[]): string[] {
  return tokens
    .slice(span.from, span.to)
    .filter((t) => t.word && !STOPWORDS.has(t.lower))
    .map((t) => stem(t.lower));
}
