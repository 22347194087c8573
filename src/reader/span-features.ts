import { lexiconTags } from '../knowledge/nlp.ts';
import type { Token } from '../knowledge/nlp.ts';
import { STOPWORDS, stem } from '../text/match.ts';
import type { QuestionAnalysis } from './question.ts';
import { candidateSpans } from './spans.ts';
import type { AnswerType } from './words.ts';
import {
  ANSWER_TYPES,
  CLAUSE_OPENERS,
  CONCRETE,
  DAY_FOCUS,
  DECADE_FOCUS,
  MANNER_CUES,
  MONTHS,
  REASON_CUES,
  WEEKDAYS,
  YEAR_FOCUS,
} from './words.ts';

/**
 * Candidate short answers of a sentence and their features for the learned span scorer: every
 * run of up to {@link MAX_WORDS} words that starts and ends on a content word and crosses no
 * clause punctuation, described by its shape (length, capitals, figures, part of speech at its
 * edges), by where it sits against the question's words in the sentence, and by whether it is of
 * the answer type the question asks for.
 */

export const MAX_WORDS = 10;

/** One candidate: token range and its question-independent description. */
export interface SpanCandidate {
  text: string;
  start: number;
  end: number;
  from: number;
  to: number;
  /** Answer types (bits, {@link typeBit}) of the typed spans (names, figures, dates) it equals. */
  types: number;
  /** Types of typed spans it contains, or that contain it. */
  inside: number;
  around: number;
  shape: number[];
}

/**
 * A candidate as a sentence keeps it: its text is cut from the sentence when asked for rather
 * than stored, as most candidates are scored and never shown (a string less per candidate).
 */
class Candidate implements SpanCandidate {
  constructor(
    private readonly sentence: string,
    readonly start: number,
    readonly end: number,
    readonly from: number,
    readonly to: number,
    readonly types: number,
    readonly inside: number,
    readonly around: number,
    readonly shape: number[],
  ) {}

  get text(): string {
    return this.sentence.slice(this.start, this.end);
  }
}

export interface SentenceCandidates {
  tokens: Token[];
  stems: string[];
  /** Per token: a content word (not a function word, not punctuation). */
  content: boolean[];
  /** Per token: hash of its word class for the lexical features ({@link lexicalKeys}). */
  lex: Int32Array;
  candidates: SpanCandidate[];
}

const PREPOSITIONS = new Set(
  'in at on by from of to for with into onto over under after before during since until between against among through across near within without about'.split(
    ' ',
  ),
);
const DETERMINERS = new Set('the a an his her its their our this that these those'.split(' '));
const COORDINATORS = new Set(['and', 'or']);

const isContent = (t: Token | undefined): boolean =>
  t !== undefined &&
  t.word &&
  !STOPWORDS.has(t.lower) &&
  !COORDINATORS.has(t.lower) &&
  !CLAUSE_OPENERS.has(t.lower);

export const SHAPE_FEATURES = [
  'one word',
  'two words',
  'three words',
  'four or five words',
  'six or more words',
  'every word capitalised',
  'some word capitalised',
  'opens the sentence',
  'holds a comma',
  'after a preposition',
  'after a determiner',
  'before punctuation or the end',
  'first word a verb',
  'last word a verb',
  'a verb inside',
  'last word a noun',
  'last word an adjective',
  'holds a figure',
  'cuts a name on the left',
  'cuts a name on the right',
  'a content word follows',
  'a content word precedes',
  'holds "and" or "or"',
  'share of function words inside',
  'equals a typed name, figure or date',
  'first word a noun',
  'first word an adjective',
  'first word a figure',
  'holds a year',
  'holds a decade or century',
  'holds a month or weekday name',
] as const;

/** Per token of a sentence, what the shape features ask of it (read once per sentence). */
interface TokenFlags {
  verb: boolean[];
  noun: boolean[];
  adjective: boolean[];
  content: boolean[];
  digit: boolean[];
  stop: boolean[];
  coordinator: boolean[];
  year: boolean[];
  decade: boolean[];
  day: boolean[];
  /** A preposition, a determiner (what a candidate after the token opens with). */
  preposition: boolean[];
  determiner: boolean[];
}

const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * What the flags ask of a token, as bits in {@link TokenFlags} order (verb 1, noun 2, ...,
 * determiner 2048; {@link flagsOf} reads them back): all of it follows from the token's text.
 */
function tokenBits(t: Token): number {
  const tags = t.word ? lexiconTags(t.lower) : NO_TAGS;
  const values = [
    tags.has('Verb'),
    tags.has('Noun'),
    tags.has('Adjective'),
    isContent(t),
    t.word && /\d/.test(t.text),
    t.word && STOPWORDS.has(t.lower),
    COORDINATORS.has(t.lower),
    /^(1\d{3}|20\d{2})$/.test(t.text),
    /^(\d{2}|\d{4})0s$|^(century|centuries)$/.test(t.lower),
    (t.capital && MONTHS.has(t.lower)) || WEEKDAYS.has(t.lower),
    PREPOSITIONS.has(t.lower),
    DETERMINERS.has(t.lower),
  ];
  let bits = 0;
  for (let k = 0; k < values.length; k++) if (values[k]) bits |= 1 << k;
  return bits;
}

/**
 * Flag bits of words seen before, by their text (a word's text fixes its case and so every
 * flag): most words of a newly read sentence were in earlier ones, and their lexicon lookups
 * and pattern tests were a tenth of reading a new sentence. Bounded like the other word caches.
 */
const wordBits = new Map<string, number>();

/** One pass over the tokens (each token's lexicon tags looked up once). */
function flagsOf(tokens: readonly Token[]): TokenFlags {
  const f: TokenFlags = {
    verb: [],
    noun: [],
    adjective: [],
    content: [],
    digit: [],
    stop: [],
    coordinator: [],
    year: [],
    decade: [],
    day: [],
    preposition: [],
    determiner: [],
  };
  for (const t of tokens) {
    let bits = t.word ? wordBits.get(t.text) : undefined;
    if (bits === undefined) {
      bits = tokenBits(t);
      if (t.word) {
        if (wordBits.size >= 50_000) wordBits.clear();
        wordBits.set(t.text, bits);
      }
    }
    f.verb.push((bits & 1) !== 0);
    f.noun.push((bits & 2) !== 0);
    f.adjective.push((bits & 4) !== 0);
    f.content.push((bits & 8) !== 0);
    f.digit.push((bits & 16) !== 0);
    f.stop.push((bits & 32) !== 0);
    f.coordinator.push((bits & 64) !== 0);
    f.year.push((bits & 128) !== 0);
    f.decade.push((bits & 256) !== 0);
    f.day.push((bits & 512) !== 0);
    f.preposition.push((bits & 1024) !== 0);
    f.determiner.push((bits & 2048) !== 0);
  }
  return f;
}

const b = (x: boolean | undefined): number => (x ? 1 : 0);
const bit = (x: boolean | undefined, k: number): number => (x ? 1 << k : 0);

/** What a candidate's words hold, counted as the candidate grows one token to the right. */
interface Run {
  n: number;
  capitals: number;
  stops: number;
  comma: boolean;
  verb: boolean;
  digit: boolean;
  coordinator: boolean;
  year: boolean;
  decade: boolean;
  day: boolean;
}

const newRun = (): Run => ({
  n: 0,
  capitals: 0,
  stops: 0,
  comma: false,
  verb: false,
  digit: false,
  coordinator: false,
  year: false,
  decade: false,
  day: false,
});

/** Adds token `i` (the candidate's new last token) to the run. */
function grow(run: Run, tokens: readonly Token[], f: TokenFlags, i: number): void {
  const t = tokens[i] as Token;
  if (!t.word) {
    run.comma ||= t.text === ',';
    return;
  }
  run.n++;
  if (t.capital) run.capitals++;
  run.verb ||= f.verb[i] === true;
  run.digit ||= f.digit[i] === true;
  run.coordinator ||= f.coordinator[i] === true;
  run.year ||= f.year[i] === true;
  run.decade ||= f.decade[i] === true;
  run.day ||= f.day[i] === true;
  if (f.stop[i]) run.stops++;
}

/** Position of the one shape feature that is a share, not a yes/no. */
const STOP_SHARE = SHAPE_FEATURES.indexOf('share of function words inside');

/**
 * Shape vectors, one per distinct value: candidates share them, read-only. Shapes are few (a few
 * hundred in a large archive) while candidates are dozens per sentence, so a cached sentence
 * holds pointers rather than a vector per candidate (a third of the memory of a read sentence).
 */
const shapes = new Map<number, (readonly number[] | undefined)[]>();

/** The last shape bit (a month or weekday inside), kept out of the key: with it a key is no small integer. */
const DAY_BIT = SHAPE_FEATURES.length - 1;

function internShape(low: number, day: boolean, stops: number, n: number): number[] {
  // By the bits below DAY_BIT (a small integer), then by the day bit, stops and n (stops <= n <=
  // MAX_WORDS, so the index is exact). Not one key of all: that number would be a boxed double.
  let row = shapes.get(low);
  if (!row) shapes.set(low, (row = []));
  const at = ((day ? MAX_WORDS + 1 : 0) + stops) * (MAX_WORDS + 1) + n;
  const hit = row[at];
  if (hit) return hit as number[];
  const made: number[] = [];
  for (let k = 0; k < SHAPE_FEATURES.length; k++)
    made.push(k === STOP_SHARE ? (n > 0 ? stops / n : 0) : k === DAY_BIT ? b(day) : (low >>> k) & 1);
  row[at] = Object.freeze(made);
  return made;
}

/** The shape features of tokens [from, to), `run` holding what their words hold. */
function shapeOf(
  tokens: readonly Token[],
  f: TokenFlags,
  from: number,
  to: number,
  run: Run,
  typed: boolean,
): number[] {
  const { n, capitals } = run;
  const first = tokens[from];
  const last = tokens[to - 1];
  // Guarded: reading index -1 of an array is a property lookup by name, far slower than a miss.
  const prev = from > 0 ? tokens[from - 1] : undefined;
  const inside = to < tokens.length;
  const next = inside ? tokens[to] : undefined;
  // In SHAPE_FEATURES order, one bit each (the share of function words, 23, aside).
  const bits =
    bit(n === 1, 0) |
    bit(n === 2, 1) |
    bit(n === 3, 2) |
    bit(n === 4 || n === 5, 3) |
    bit(n >= 6, 4) |
    bit(capitals === n, 5) |
    bit(capitals > 0, 6) |
    bit(from === 0, 7) |
    bit(run.comma, 8) |
    bit(from > 0 && f.preposition[from - 1], 9) |
    bit(from > 0 && f.determiner[from - 1], 10) |
    bit(!next || !next.word, 11) |
    bit(f.verb[from], 12) |
    bit(f.verb[to - 1], 13) |
    bit(run.verb, 14) |
    bit(f.noun[to - 1], 15) |
    bit(f.adjective[to - 1], 16) |
    bit(run.digit, 17) |
    bit(prev?.capital && first?.capital && !prev.possessive && from > 1, 18) |
    bit(next?.capital && last?.capital && !last.possessive, 19) |
    bit(inside && f.content[to] && !f.verb[to], 20) |
    bit(from > 0 && f.content[from - 1] && !f.verb[from - 1], 21) |
    bit(run.coordinator, 22) |
    bit(typed, 24) |
    bit(f.noun[from], 25) |
    bit(f.adjective[from], 26) |
    bit(f.digit[from], 27) |
    bit(run.year, 28) |
    bit(run.decade, 29);
  return internShape(bits, run.day, run.stops, n);
}

/** Answer types as bits, so a candidate's types are one number. */
export const typeBit = (t: AnswerType): number => 1 << ANSWER_TYPES.indexOf(t);

interface TypedRange {
  from: number;
  to: number;
  bits: number;
}

function typesAt(
  typed: readonly TypedRange[],
  from: number,
  to: number,
): { types: number; inside: number; around: number } {
  let types = 0;
  let inside = 0;
  let around = 0;
  for (const s of typed) {
    if (s.from === from && s.to === to) types |= s.bits;
    if (s.from >= from && s.to <= to) inside |= s.bits;
    if (s.from <= from && s.to >= to) around |= s.bits;
  }
  return { types, inside, around };
}

/**
 * Every candidate of the sentence, in order of its first token, then its last. A candidate's
 * word counts grow with it (one pass per first token), so no token range is read twice.
 */
function candidatesOf(
  sentence: string,
  tokens: readonly Token[],
  flags: TokenFlags,
  typed: readonly TypedRange[],
  starts: ReadonlySet<number>,
  ends: ReadonlySet<number>,
): SpanCandidate[] {
  const candidates: SpanCandidate[] = [];
  for (let from = 0; from < tokens.length; from++) {
    if (!flags.content[from] && !starts.has(from)) continue;
    const money = from > 0 && /^[$£€¥]$/.test(tokens[from - 1]?.text ?? '');
    const start = money ? (tokens[from - 1] as Token).start : (tokens[from] as Token).start;
    const run = newRun();
    for (let to = from + 1; to <= tokens.length; to++) {
      const last = tokens[to - 1] as Token;
      grow(run, tokens, flags, to - 1);
      if (!last.word) {
        // A comma may sit inside ("Paris, France"), and "&" or "/" between words ("R&B").
        if (/^[,&/]$/.test(last.text) && to > from + 1) continue;
        break;
      }
      if (run.n > MAX_WORDS) break;
      if (!flags.content[to - 1] && !ends.has(to)) continue;
      const t = typesAt(typed, from, to);
      candidates.push(
        new Candidate(
          sentence,
          start,
          last.end,
          from,
          to,
          t.types,
          t.inside,
          t.around,
          shapeOf(tokens, flags, from, to, run, t.types !== 0),
        ),
      );
    }
  }
  return candidates;
}

const cache = new Map<string, SentenceCandidates>();
const CACHE_LIMIT = 20_000;

/** The candidates of a sentence (kept per sentence text: they do not depend on the question). */
export function sentenceCandidates(sentence: string): SentenceCandidates {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const { tokens, spans } = candidateSpans(sentence);
  const typed: TypedRange[] = spans.map((s) => ({
    from: s.from,
    to: s.to,
    bits: [...s.types].reduce((a, t) => a | typeBit(t), 0),
  }));
  // Names, figures and dates may start or end on a function word ("one", "of"); plain phrases not.
  const other = typeBit('other');
  const concrete = typed.filter((s) => (s.bits & ~other) !== 0);
  const starts = new Set(concrete.map((s) => s.from));
  const ends = new Set(concrete.map((s) => s.to));
  const flags = flagsOf(tokens);
  const candidates = candidatesOf(sentence, tokens, flags, typed, starts, ends);
  const made = {
    tokens,
    stems: tokens.map((t) => (t.word ? stem(t.lower) : '')),
    content: flags.content,
    lex: Int32Array.from(tokens, (t, i) => fnv(wordClass(t, i))),
    candidates,
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(sentence, made);
  return made;
}

export const QUESTION_FEATURES = [
  'share of its words in the question',
  'a word of it in the question',
  'nearness to the question words',
  'log distance to the question words',
  'a question word just before',
  'a question word just after',
  'question words around it, share',
  'question words on its left, share',
  'of the type asked',
  'holds a span of the type asked',
  'inside a span of the type asked',
  'the focus noun in it',
  'the focus noun right after it',
  'a name asked, a capitalised span',
  'a figure asked, a span with a figure',
  'a date asked, a span with a figure',
  'a thing asked, a noun at its end',
  'a thing asked, a name',
  'a reason asked, after a reason word',
  'a manner asked, after a manner word',
  'a reason or manner asked, four or more words',
  'a concrete type asked, one or two words',
  'a thing asked, one or two words',
  'question words in the three before, share',
  'question words in the three after, share',
  'nearness to the question words on its left',
  'nearness to the question words on its right',
  'question words in the sentence, share',
  'beside a question word in a list',
  'a year asked, a span with a year',
  'a decade or century asked, a span with one',
  'a month or day asked, a span with its name',
] as const;

/** Question words, each crossed with span shapes below (a linear model needs the products). */
const WH_BUCKETS = ['who', 'when', 'where', 'what', 'how', 'why', 'figure'] as const;
/** How many question-word buckets there are (a bucket is an index into them, -1 for none). */
export const WH_BUCKET_COUNT = WH_BUCKETS.length;
const WH_SHAPES = [
  'one word',
  'two words',
  'three or more words',
  'every word capitalised',
  'holds a figure',
];
export const WH_FEATURES = WH_BUCKETS.flatMap((b) => WH_SHAPES.map((s) => `${b} asked, ${s}`));

export const SPAN_FEATURES = [...SHAPE_FEATURES, ...QUESTION_FEATURES, ...WH_FEATURES];
/** Position of 'share of its words in the question' in the vector. */
export const IN_QUESTION = SHAPE_FEATURES.length;

const NAME_TYPES = new Set<AnswerType>(['person', 'organisation', 'place']);
const FIGURE_TYPES = new Set<AnswerType>(['count', 'money', 'percent', 'duration', 'age']);

/** What the features of one question against one sentence share, worked out once. */
export interface SpanContext {
  q: QuestionAnalysis;
  sc: SentenceCandidates;
  terms: ReadonlySet<string>;
  /** Positions of the question's words in the sentence. */
  anchors: number[];
  focus: string;
  /** Distinct question words in the sentence, as a share of the question's. */
  inSentence: number;
  bucket: number;
  /** What the question's type and focus are, for {@link questionFeatures} (read once, not per candidate). */
  asked: Asked;
  /** The vector, reused from one candidate to the next. */
  out: number[];
}

/** The question's answer type and focus as {@link questionFeatures} tests them. */
interface Asked {
  bit: number;
  name: boolean;
  figure: boolean;
  date: boolean;
  thing: boolean;
  reason: boolean;
  manner: boolean;
  concrete: boolean;
  year: boolean;
  decade: boolean;
  day: boolean;
}

function askedOf(q: QuestionAnalysis): Asked {
  return {
    bit: typeBit(q.type),
    name: NAME_TYPES.has(q.type),
    figure: FIGURE_TYPES.has(q.type),
    date: q.type === 'date',
    thing: q.type === 'other',
    reason: q.type === 'reason',
    manner: q.type === 'manner',
    concrete: CONCRETE.has(q.type),
    year: YEAR_FOCUS.has(q.focus),
    decade: DECADE_FOCUS.has(q.focus),
    day: DAY_FOCUS.has(q.focus),
  };
}

/** The parts of a {@link SpanContext} that depend on the question alone. */
type QuestionPart = Pick<SpanContext, 'terms' | 'focus' | 'bucket' | 'asked' | 'out'>;

/** Worked out once per question, not once per sentence read for it. */
const questionParts = new WeakMap<QuestionAnalysis, QuestionPart>();

function questionPart(q: QuestionAnalysis): QuestionPart {
  const hit = questionParts.get(q);
  if (hit) return hit;
  const bucket = FIGURE_TYPES.has(q.type) ? 'figure' : q.wh === 'which' ? 'what' : q.wh;
  const made: QuestionPart = {
    terms: new Set(q.terms),
    focus: q.focus ? stem(q.focus) : '',
    bucket: WH_BUCKETS.indexOf(bucket as (typeof WH_BUCKETS)[number]),
    asked: askedOf(q),
    out: new Array<number>(SPAN_FEATURES.length).fill(0),
  };
  questionParts.set(q, made);
  return made;
}

/**
 * The context of one question against one sentence. Contexts of one question share its vector
 * (`out`): each call of {@link spanFeatures} or {@link questionFeatures} overwrites it.
 */
export function spanContext(q: QuestionAnalysis, sc: SentenceCandidates): SpanContext {
  const part = questionPart(q);
  const terms = part.terms;
  const anchors: number[] = [];
  let distinct = 0;
  const stems = sc.stems;
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i] as string;
    if (s !== '' && terms.has(s)) {
      anchors.push(i);
      // First occurrence in the sentence: a distinct question word found.
      if (stems.indexOf(s) === i) distinct++;
    }
  }
  return {
    q,
    sc,
    terms,
    anchors,
    focus: part.focus,
    inSentence: distinct / (terms.size || 1),
    bucket: part.bucket,
    asked: part.asked,
    out: part.out,
  };
}

/** A list separator at `at`, then a question word beyond it ("X, Y and Z" with X asked). */
function listSibling(x: SpanContext, at: number, step: number): boolean {
  if (at < 0) return false;
  const sep = x.sc.tokens[at]?.lower ?? '';
  if (sep !== ',' && sep !== 'and' && sep !== 'or') return false;
  let next = at + step;
  if (sep === ',' && next >= 0 && /^(and|or)$/.test(x.sc.tokens[next]?.lower ?? '')) next += step;
  return x.terms.has(next >= 0 ? (x.sc.stems[next] ?? '') : '');
}

/** Distinct question words among the stems [from, to) (a window of a few words). */
function distinctIn(x: SpanContext, from: number, to: number): number {
  let a = '';
  let b2 = '';
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(x.sc.stems.length, to); i++) {
    const s = x.sc.stems[i] ?? '';
    if (s === '' || !x.terms.has(s) || s === a || s === b2) continue;
    n++;
    if (a === '') a = s;
    else b2 = s;
  }
  return n / (x.terms.size || 1);
}

/**
 * The question's words around the span: how many, how near, on which side. Written into `out`
 * from `at`, and the nearness on each side into `sides`, `sides + 1`.
 */
function placeFeatures(x: SpanContext, c: SpanCandidate, out: number[], at: number, sides: number): void {
  let left = Infinity;
  let right = Infinity;
  let near = 0;
  let lefts = 0;
  let outside = 0;
  let before = 0;
  let after = 0;
  for (const a of x.anchors) {
    if (a >= c.from && a < c.to) continue;
    outside++;
    if (a < c.from) {
      lefts++;
      left = Math.min(left, c.from - a);
      if (a >= c.from - 2) before = 1;
    } else {
      right = Math.min(right, a - c.to + 1);
      if (a < c.to + 2) after = 1;
    }
    if (a >= c.from - 5 && a < c.to + 5) near++;
  }
  const d = Math.min(left, right);
  out[at] = Number.isFinite(d) ? 1 / (1 + d) : 0;
  out[at + 1] = Number.isFinite(d) ? Math.log(1 + d) : 3;
  out[at + 2] = before;
  out[at + 3] = after;
  out[at + 4] = outside > 0 ? near / outside : 0;
  out[at + 5] = outside > 0 ? lefts / outside : 0;
  out[sides] = Number.isFinite(left) ? 1 / left : 0;
  out[sides + 1] = Number.isFinite(right) ? 1 / right : 0;
}

const Q = (name: (typeof QUESTION_FEATURES)[number]): number =>
  SHAPE_FEATURES.length + QUESTION_FEATURES.indexOf(name);
const AT = {
  share: Q('share of its words in the question'),
  near: Q('nearness to the question words'),
  type: Q('of the type asked'),
  context: Q('question words in the three before, share'),
  wh: SHAPE_FEATURES.length + QUESTION_FEATURES.length,
};

/** The slots [from, to) of the vector that depend on the question beyond its wh-word. */
export const QUESTION_SLOTS = { from: SHAPE_FEATURES.length, to: AT.wh };

/**
 * The feature vector of one candidate for the question (in {@link SPAN_FEATURES} order). The
 * array is the context's, overwritten by the next call: copy it to keep it.
 */
export function spanFeatures(x: SpanContext, c: SpanCandidate): number[] {
  staticFeatures(x.bucket, c, x.out);
  return questionFeatures(x, c);
}

/** The slots that depend only on the span and the question's wh-word (shape, wh by shape). */
export function staticFeatures(bucket: number, c: SpanCandidate, out: number[]): number[] {
  for (let i = 0; i < c.shape.length; i++) out[i] = c.shape[i] as number;
  whFeatures(bucket, c.shape, out, AT.wh);
  return out;
}

/** Fills the {@link QUESTION_SLOTS} of the context's vector for one candidate. */
export function questionFeatures(x: SpanContext, c: SpanCandidate): number[] {
  const { sc, out, asked: a } = x;
  let inner = 0;
  let asked = 0;
  let focus = 0;
  for (let i = c.from; i < c.to; i++) {
    const s = sc.stems[i] ?? '';
    if (s === '' || !sc.content[i]) continue;
    inner++;
    if (x.terms.has(s)) asked++;
    if (s === x.focus) focus = 1;
  }
  const shape = c.shape;
  const short = (shape[0] ?? 0) + (shape[1] ?? 0);
  const long = (shape[3] ?? 0) + (shape[4] ?? 0);
  const thing = a.thing;
  const prev = c.from > 0 ? (sc.tokens[c.from - 1]?.lower ?? '') : '';
  const bit = a.bit;
  out[AT.share] = inner > 0 ? asked / inner : 0;
  out[AT.share + 1] = asked > 0 ? 1 : 0;
  placeFeatures(x, c, out, AT.near, AT.context + 2);
  out[AT.type] = b((c.types & bit) !== 0);
  out[AT.type + 1] = b((c.inside & bit) !== 0);
  out[AT.type + 2] = b((c.around & bit) !== 0);
  out[AT.type + 3] = focus;
  out[AT.type + 4] = b(x.focus !== '' && sc.stems[c.to] === x.focus);
  out[AT.type + 5] = a.name ? (shape[5] ?? 0) : 0;
  out[AT.type + 6] = a.figure ? (shape[17] ?? 0) : 0;
  out[AT.type + 7] = a.date ? (shape[17] ?? 0) : 0;
  out[AT.type + 8] = thing ? (shape[15] ?? 0) : 0;
  out[AT.type + 9] = thing ? (shape[5] ?? 0) : 0;
  out[AT.type + 10] = b(a.reason && REASON_CUES.has(prev));
  out[AT.type + 11] = b(a.manner && MANNER_CUES.has(prev));
  out[AT.type + 12] = (a.reason || a.manner) && long > 0 ? 1 : 0;
  out[AT.type + 13] = a.concrete ? short : 0;
  out[AT.type + 14] = thing ? short : 0;
  out[AT.context] = distinctIn(x, c.from - 3, c.from);
  out[AT.context + 1] = distinctIn(x, c.to, c.to + 3);
  out[AT.context + 4] = x.inSentence;
  out[AT.context + 5] = b(listSibling(x, c.from - 1, -1) || listSibling(x, c.to, 1));
  const n = SHAPE_FEATURES.length - 3;
  out[AT.context + 6] = a.year ? (shape[n] ?? 0) : 0;
  out[AT.context + 7] = a.decade ? (shape[n + 1] ?? 0) : 0;
  out[AT.context + 8] = a.day ? (shape[n + 2] ?? 0) : 0;
  return out;
}

function whFeatures(bucket: number, shape: readonly number[], out: number[], at: number): void {
  const values = [
    shape[0] ?? 0,
    shape[1] ?? 0,
    1 - (shape[0] ?? 0) - (shape[1] ?? 0),
    shape[5] ?? 0,
    shape[17] ?? 0,
  ];
  for (let k = 0; k < WH_BUCKETS.length; k++)
    for (let j = 0; j < values.length; j++)
      out[at + k * values.length + j] = k === bucket ? (values[j] ?? 0) : 0;
}

/** Size of the hashed lexical feature space. */
export const LEXICAL_SIZE = 1 << 14;
/** Lexical features per candidate: the words on either side of it and at its edges. */
export const LEXICAL_SLOTS = 5;

/**
 * A token's word as the lexical features see it: function words and common words as written
 * (lower case), names, figures and years by shape, so the features learn how answers are framed
 * ("known as X", "in X", "X said") rather than which names answer.
 */
function wordClass(t: Token, i: number): string {
  if (!t.word) return t.text;
  if (/^(1\d{3}|20\d{2})s?$/.test(t.text)) return '#year';
  if (/\d/.test(t.text)) return '#figure';
  if (t.capital && (i > 0 || !STOPWORDS.has(t.lower))) return '#Name';
  return t.lower;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

const EDGE = fnv('<edge>');

/** One hashed feature: slot, question-word bucket and word(s), into [0, LEXICAL_SIZE). */
function mix(word: number, slot: number, bucket: number): number {
  let h = Math.imul(word ^ Math.imul(slot + 1, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ Math.imul(bucket + 2, 0xc2b2ae35), 0x27d4eb2f);
  return ((h ^ (h >>> 16)) >>> 0) & (LEXICAL_SIZE - 1);
}

/**
 * The hashed lexical features of a candidate for a question-word bucket: the word before it, the
 * two words before it, the word after it, its first and its last word, each crossed with the
 * bucket. Written into `out` (length {@link LEXICAL_SLOTS}).
 */
export function lexicalKeys(
  sc: SentenceCandidates,
  bucket: number,
  c: SpanCandidate,
  out: Int32Array,
): Int32Array {
  const lex = sc.lex;
  out[0] = mix(lexAt(lex, c.from - 1), 0, bucket);
  out[1] = mix(Math.imul(lexAt(lex, c.from - 2), 31) ^ lexAt(lex, c.from - 1), 1, bucket);
  out[2] = mix(lexAt(lex, c.to), 2, bucket);
  out[3] = mix(lexAt(lex, c.from), 3, bucket);
  out[4] = mix(lexAt(lex, c.to - 1), 4, bucket);
  return out;
}

/** The hashed word class at token `i`, or the sentence edge outside it. */
function lexAt(lex: Int32Array, i: number): number {
  return i >= 0 && i < lex.length ? (lex[i] as number) : EDGE;
}
