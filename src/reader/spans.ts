import { lexiconTags, tokenize } from '../knowledge/nlp.ts';
import type { Token } from '../knowledge/nlp.ts';
import { STOPWORDS, stem } from '../text/match.ts';
import type { AnswerType } from './words.ts';
import {
  APPROXIMATORS,
  BARE_DESTINATIONS,
  BOUNDS,
  CLOCK_MARKS,
  CLOCK_WORDS,
  COUNT_ADVERBS,
  ORGANISATION_HEADS,
  RANGE_JOINERS,
  RANGE_OPENERS,
  REASON_OPENERS,
  WISH_VERBS,
} from '../knowledge/lexicon/answer-spans.ts';
import {
  ANSWER_TYPES,
  CLAUSE_OPENERS,
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

/**
 * A bare number set off by commas right after a name, as news gives a person's age: "Derek
 * Halloway, 58, of Brisford", "Ms Tarrant, 29, a teacher" (or in brackets: "Ines Marrow (34)").
 */
function appositiveAge(tokens: Token[], i: number, to: number): boolean {
  if (to !== i + 1 || i < 2) return false;
  const t = tokens[i] as Token;
  if (!/^\d{1,3}$/.test(t.text) || Number(t.text) > 120) return false;
  const open = tokens[i - 1]?.text;
  const close = tokens[to]?.text;
  const paired = (open === ',' && close === ',') || (open === '(' && close === ')');
  return paired && tokens[i - 2]?.capital === true;
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
    // An age is stated whole: "about 1,100 years old", "six months old".
    if (tokens[to]?.lower === 'old') {
      types.push('age');
      to++;
    }
  } else if (isYear(t) && to === i + 1) types.push('date');
  else {
    types.push('count');
    if ((prev && /^(age|aged)$/.test(prev.lower)) || appositiveAge(tokens, i, to)) types.push('age');
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

function nameTypes(tokens: Token[], from: number, to: number): AnswerType[] {
  const words = tokens.slice(from, to).filter((t) => t.word);
  const phrase = words.map((w) => w.text).join(' ');
  const tags = lexiconTags(phrase);
  const lastTags = lexiconTags(words[words.length - 1]?.text ?? '');
  const prev = from > 0 ? (tokens[from - 1]?.lower ?? '') : '';
  if (words.some((w) => ORGANISATION_HEADS.has(w.lower)) || tags.has('Organization'))
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

/**
 * A clock time, read whole: "7:40 a.m." (figure, colon, minutes, mark), "9 pm", "5.30pm", "noon".
 * Typed as a date (what "what time" and "when" ask for).
 */
function clockSpan(tokens: Token[], i: number): number | null {
  const t = tokens[i] as Token;
  if (CLOCK_WORDS.has(t.lower)) return i + 1;
  if (/^\d{1,2}([.:]\d{2})?\s?[ap]\.?m\.?$/i.test(t.text)) return i + 1;
  if (!/^\d{1,2}$/.test(t.text) || (i > 0 && tokens[i - 1]?.text === ':')) return null;
  let to = i + 1;
  const minutes = tokens[to + 1];
  if (tokens[to]?.text === ':' && minutes && /^\d{2}$/.test(minutes.text)) to += 2;
  if (CLOCK_MARKS.has(tokens[to]?.lower ?? '')) return to + 1;
  return to > i + 1 ? to : null;
}

/** Where a hedge or bound before a figure starts ("about", "more than", "at least"), or `i`. */
function boundStart(tokens: Token[], i: number): number {
  const one = i > 0 ? (tokens[i - 1]?.lower ?? '') : '';
  const two = i > 1 ? `${tokens[i - 2]?.lower ?? ''}+${one}` : '';
  const three = i > 2 ? `${tokens[i - 3]?.lower ?? ''}+${two}` : '';
  if (BOUNDS.has(three)) return i - 3;
  if (BOUNDS.has(two)) return i - 2;
  return APPROXIMATORS.has(one) ? i - 1 : i;
}

/**
 * The far end of a range whose first figure ends at `to`: "10% to 15%", "10,000–11,000", "two or
 * three", "between £2,800 and £6,100" ("and" only after "between"). Null when no range.
 */
function rangeEnd(tokens: Token[], from: number, first: { to: number; types: AnswerType[] }): number | null {
  const joiner = tokens[first.to]?.lower ?? '';
  const opened = from > 0 && RANGE_OPENERS.has(tokens[from - 1]?.lower ?? '');
  if (!RANGE_JOINERS.has(joiner) && !(joiner === 'and' && opened)) return null;
  const at = /^[$£€¥]$/.test(tokens[first.to + 1]?.text ?? '') ? first.to + 2 : first.to + 1;
  const far = tokens[at] && isNumberToken(tokens[at] as Token) ? numberSpan(tokens, at) : null;
  if (!far) return null;
  if (far.types.some((t) => first.types.includes(t))) return far.to;
  // Of another kind past its figure ("11,000 per game"): the figure alone ends the range.
  let to = at + 1;
  while (to < far.to && (isNumberToken(tokens[to] as Token) || SCALE_WORDS.has(tokens[to]?.lower ?? '')))
    to++;
  return to;
}

/** "once", "twice" (counts); "a day", "an hour" (durations): a figure written without one. */
function wordFigure(tokens: Token[], i: number): { to: number; types: AnswerType[] } | null {
  const t = tokens[i] as Token;
  if (COUNT_ADVERBS.has(t.lower)) return { to: i + 1, types: ['count'] };
  const unit = tokens[i + 1]?.lower ?? '';
  if ((t.lower === 'a' || t.lower === 'an') && DURATION_UNITS.has(unit) && !unit.endsWith('s'))
    return { to: i + 2, types: ['duration'] };
  return null;
}

/**
 * Whether token `i` ends a clause: punctuation, a clause opener, a relative pronoun, or "and" /
 * "or" before a new subject ("... silted up and boats could ..."); not "and" before a second verb
 * ("to resurface the deck and repaint its cables").
 */
function endsClause(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!t.word || CLAUSE_OPENERS.has(t.lower) || /^(but|which|who|whose)$/.test(t.lower)) return true;
  return (t.lower === 'and' || t.lower === 'or') && !infinitive(tokens[i + 1]);
}

/** Words of a clause from `from`: up to punctuation, a clause opener or `max` words (then no trailing function word). */
function clauseEnd(tokens: Token[], from: number, max = 9): number {
  let to = from;
  while (to < tokens.length && to - from < max && !endsClause(tokens, to)) to++;
  // Cut short by the limit: no dangling function word ("... sold to another maker instead of").
  const cut = to - from >= max && tokens[to]?.word === true;
  while (cut && to > from + 1 && STOPWORDS.has((tokens[to - 1] as Token).lower)) to--;
  return to;
}

/**
 * Whether the word after "to" reads as a verb ("to repaint", "to stay"): a lower-case word that
 * is no function word, figure, plural or bare place ("to hospital"). The lexicon knows too few
 * verbs in their base form ("stay" and "pay" are nouns to it) to ask it instead.
 */
function infinitive(t: Token | undefined): boolean {
  if (!t || !t.word || t.capital || /\d/.test(t.text) || STOPWORDS.has(t.lower)) return false;
  // An -s ending is a plural or a verb with a subject ("boats", "runs"), never a bare infinitive.
  if (/[^siu]s$/.test(t.lower)) return false;
  return !BARE_DESTINATIONS.has(t.lower) && !lexiconTags(t.lower).has('Plural');
}

/**
 * A purpose clause, "to VERB ..." ("to resurface the road"; also after "in order" and "so as"),
 * or the clause a reason opener brings ("because the river had silted up", "due to a fault"):
 * what "why" and "what ... for" ask. Null when token `i` opens neither.
 */
function reasonClause(tokens: Token[], i: number): { from: number; to: number } | null {
  const t = tokens[i] as Token;
  if (t.lower === 'to' && infinitive(tokens[i + 1])) {
    const to = clauseEnd(tokens, i + 1);
    return to > i + 1 ? { from: i, to } : null;
  }
  // Only a word that opens one of the openers can start one: no joined word runs for the rest.
  if (!REASON_FIRST_WORDS.has(t.lower) && !t.lower.includes('+')) return null;
  for (const n of [3, 2, 1]) {
    const opener = tokens
      .slice(i, i + n)
      .map((x) => x.lower)
      .join('+');
    if (tokens[i + n] && REASON_OPENERS.has(opener)) {
      const to = clauseEnd(tokens, i + n);
      return to > i + n ? { from: i + n, to } : null;
    }
  }
  return null;
}

/** The first words of {@link REASON_OPENERS} ("because", "due", "owing" ...). */
const REASON_FIRST_WORDS = new Set([...REASON_OPENERS].map((o) => o.split('+')[0] as string));

/**
 * The clause after a verb of wanting or pressing for ("push for the plant to be sold", "wants
 * the road reopened", "urged residents to stay indoors"): what someone wants. Null otherwise.
 */
function wishClause(tokens: Token[], i: number): { from: number; to: number } | null {
  if (!WISH_VERBS.has((tokens[i] as Token).lower)) return null;
  let from = i + 1;
  if (/^(for|that|to)$/.test(tokens[from]?.lower ?? '')) from++;
  if (!tokens[from]?.word) return null;
  const to = clauseEnd(tokens, from);
  return to > from ? { from, to } : null;
}

/**
 * Where a plain phrase from `from` that names a body ends: after its last word that is the noun
 * of a body ("the regional arts council"), so it is an organisation (one that can answer "who").
 * Null when it holds none.
 */
function bodyEnd(tokens: Token[], from: number, to: number): number | null {
  for (let k = to; k > from; k--) if (ORGANISATION_HEADS.has(tokens[k - 1]?.lower ?? '')) return k;
  return null;
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
export function typedRanges(tokens: Token[], breaking?: readonly boolean[]): number[] {
  const out: number[] = [];
  eachSpan(
    tokens,
    (from, to, types, marks = 0) => {
      let bits = marks;
      for (const t of types) bits |= typeBit(t);
      out.push(from, to, bits);
    },
    breaking,
  );
  return out;
}

/** Marks beyond the answer types, on the same bits: a reason or purpose clause, a wished-for clause. */
export const REASON_CLAUSE = 1 << ANSWER_TYPES.length;
export const WISH_CLAUSE = 1 << (ANSWER_TYPES.length + 1);

/** The types of a phrase naming a body ({@link bodyEnd}). */
const BODY: AnswerType[] = ['organisation', 'person', 'other'];

type Add = (from: number, to: number, types: AnswerType[], marks?: number) => void;

/**
 * Calls `add` with each typed span's token range [from, to) and types, in sentence order.
 * `breaking` is {@link breaks} of each token, when the caller has it from the token flags it
 * keeps (span-features.ts).
 */
function eachSpan(tokens: Token[], add: Add, given?: readonly boolean[]): void {
  const emit: Add = (from, to, types, marks) => {
    if (!tokens[from] || !tokens[to - 1] || to <= from) return;
    add(from, to, types, marks);
  };
  const breaking = given ?? tokens.map(breaks);
  for (let i = 0; i < tokens.length; i++) {
    const reason = reasonClause(tokens, i);
    if (reason) emit(reason.from, reason.to, ['reason', 'other'], REASON_CLAUSE);
    const wish = wishClause(tokens, i);
    if (wish) emit(wish.from, wish.to, ['other'], WISH_CLAUSE);
    if (figureSpans(tokens, i, emit)) continue;
    const date = dateSpan(tokens, i);
    if (date !== null) emit(i, date, ['date']);
    const name = nameSpan(tokens, i);
    if (name !== null) emit(i, name, nameTypes(tokens, i, name));
    const phrase = phraseSpan(tokens, breaking, i);
    const body = phrase === null ? null : bodyEnd(tokens, i, phrase);
    if (phrase !== null && (name === null || phrase !== name))
      emit(i, phrase, body === phrase ? BODY : ['other']);
    if (body !== null && body !== phrase && body !== name) emit(i, body, BODY);
  }
}

/**
 * The figures starting at token `i`: a clock time, a figure with its unit (and the same with a
 * hedge before it, "about two kilometres", and as a range, "10% to 15%"), or a word that is a
 * figure ("twice", "a day"). True when token `i` starts one (no name or phrase starts there then).
 */
function figureSpans(tokens: Token[], i: number, emit: Add): boolean {
  // The minutes of a clock time are read with its hour ("7:40"), not as a figure of their own.
  if (i > 1 && tokens[i - 1]?.text === ':' && /^\d/.test(tokens[i - 2]?.text ?? '')) return true;
  const clock = clockSpan(tokens, i);
  if (clock !== null) {
    emit(i, clock, ['date']);
    return true;
  }
  const word = wordFigure(tokens, i);
  if (word) emit(boundStart(tokens, i), word.to, word.types);
  const num = numberSpan(tokens, i);
  if (!num) return false;
  const from = num.from ?? i;
  emit(from, num.to, num.types);
  const sign = from > 0 && /^[$£€¥]$/.test(tokens[from - 1]?.text ?? '') ? from - 1 : from;
  const bound = boundStart(tokens, sign);
  if (bound < sign) emit(bound, num.to, num.types);
  const far = rangeEnd(tokens, sign, num);
  if (far !== null) emit(from, far, num.types);
  return true;
}

/** Stems of a span's words (for "already in the question"). */
export function spanTerms(span: Span, tokens: Token[]): string[] {
  return tokens
    .slice(span.from, span.to)
    .filter((t) => t.word && !STOPWORDS.has(t.lower))
    .map((t) => stem(t.lower));
}
