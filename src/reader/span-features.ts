import { lexiconTags, tokenize } from '../knowledge/nlp.ts';
import type { Token } from '../knowledge/nlp.ts';
import { STOPWORDS, stem } from '../text/match.ts';
import type { QuestionAnalysis } from './question.ts';
import { REASON_CLAUSE, typedRanges, typeBit, WISH_CLAUSE } from './spans.ts';
import {
  CLOCK_MARKS,
  COMPLEX_PREPOSITIONS,
  OBJECT_AUXILIARIES,
  PARTICLES,
  WISH_QUESTION_WORDS,
} from '../knowledge/lexicon/answer-spans.ts';
import type { AnswerType } from './words.ts';
import {
  CLAUSE_OPENERS,
  CONCRETE,
  DAY_FOCUS,
  DECADE_FOCUS,
  MANNER_CUES,
  MONTHS,
  NUMBER_WORDS,
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
  shape: readonly number[];
}

/**
 * A candidate read back from a sentence's packed candidates ({@link SentenceCandidates.at}): its
 * text is cut from the sentence when asked for, as most candidates are scored and never shown.
 * The scorer's loops reuse one, refilled per candidate, so scoring a sentence allocates none.
 */
export class Candidate implements SpanCandidate {
  sentence = '';
  start = 0;
  end = 0;
  from = 0;
  to = 0;
  types = 0;
  inside = 0;
  around = 0;
  shape: readonly number[] = NO_SHAPE;
  /** The shape's index among the interned shapes (one number per distinct shape vector). */
  shapeId = 0;

  get text(): string {
    return this.sentence.slice(this.start, this.end);
  }
}

/**
 * The tokens of the sentences read last (two slots, the newer first): a paragraph's two best
 * covered sentences are read, and the chosen one's span is then stated from its tokens, which
 * with one slot were made again whenever the first sentence was chosen.
 */
const lastTokens: { of: SentenceCandidates | null; tokens: Token[] }[] = [
  { of: null, tokens: [] },
  { of: null, tokens: [] },
];

/** Keeps `tokens` as those of `sc` in the newer slot, the newer one's moving to the older. */
function keepTokens(sc: SentenceCandidates, tokens: Token[]): void {
  const [newer, older] = lastTokens as [(typeof lastTokens)[0], (typeof lastTokens)[0]];
  if (newer.of === sc) {
    newer.tokens = tokens;
    return;
  }
  older.of = newer.of;
  older.tokens = newer.tokens;
  newer.of = sc;
  newer.tokens = tokens;
}

/** Token marks: a reason cue ("because"), a manner cue ("by"), a comma, "and" or "or". */
const REASON_MARK = 1;
const MANNER_MARK = 2;
const COMMA_MARK = 4;
const AND_OR_MARK = 8;

function markOf(t: Token): number {
  return (
    (REASON_CUES.has(t.lower) ? REASON_MARK : 0) |
    (MANNER_CUES.has(t.lower) ? MANNER_MARK : 0) |
    (t.lower === ',' ? COMMA_MARK : 0) |
    (/^(and|or)$/.test(t.lower) ? AND_OR_MARK : 0)
  );
}

/** Numbers kept per candidate in {@link SentenceCandidates.packed}, in this order. */
const STRIDE = 8;
const [START, END, FROM, TO, TYPES, INSIDE, AROUND, SHAPE] = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The candidates of one sentence and what their features read of its tokens. Candidates are
 * packed into one Int32Array cut from a shared slab ({@link STRIDE} numbers each, the shape as
 * an index into the interned shapes) rather than kept as an object each: a read sentence holds a
 * few objects instead of dozens, so the young-generation scavenges that follow a question copy
 * less, and its numbers live outside the heap.
 */
export class SentenceCandidates {
  /** The static logits of one scorer (span-model.ts), per question-word bucket, kept here. */
  logitsOf: object | null = null;
  logits: (Float64Array | undefined)[] = [];
  private materialized: SpanCandidate[] | null = null;

  constructor(
    readonly sentence: string,
    readonly stems: string[],
    /** Per token: a content word (not a function word, not punctuation). */
    readonly content: boolean[],
    /** Per token: hash of its word class for the lexical features ({@link lexicalKeys}). */
    readonly lex: Int32Array,
    /** Per token: what the question features ask of the word itself ({@link REASON_MARK} ...). */
    readonly marks: Int32Array,
    readonly packed: Int32Array,
    /** How many candidates there are. */
    readonly count: number,
  ) {}

  /**
   * The sentence's tokens, made again when asked for (the scorer reads only {@link stems} and
   * {@link marks}; keeping every read sentence's token objects was most of what it held). The
   * last two sentences asked keep them ({@link lastTokens}), as the chosen span is stated from them.
   */
  get tokens(): Token[] {
    const [newer, older] = lastTokens as [(typeof lastTokens)[0], (typeof lastTokens)[0]];
    if (newer.of === this) return newer.tokens;
    if (older.of === this) return older.tokens;
    const tokens = tokenize(this.sentence);
    keepTokens(this, tokens);
    return tokens;
  }

  /** Fills `c` with candidate `i` (0 <= i < count) and returns it. */
  at(i: number, c: Candidate): Candidate {
    const p = this.packed;
    const k = i * STRIDE;
    c.sentence = this.sentence;
    c.start = p[k + START] as number;
    c.end = p[k + END] as number;
    c.from = p[k + FROM] as number;
    c.to = p[k + TO] as number;
    c.types = p[k + TYPES] as number;
    c.inside = p[k + INSIDE] as number;
    c.around = p[k + AROUND] as number;
    c.shapeId = p[k + SHAPE] as number;
    c.shape = SHAPES[c.shapeId] as readonly number[];
    return c;
  }

  /** Every candidate as an object of its own, in order of its first token, then its last. */
  get candidates(): SpanCandidate[] {
    if (this.materialized) return this.materialized;
    const out: SpanCandidate[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.at(i, new Candidate()));
    this.materialized = out;
    return out;
  }
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

/**
 * What the shape features ask of a token, one bit each, worked out once per sentence: a verb, a
 * noun, an adjective, a content word, holds a digit, a function word, "and"/"or", a year, a
 * decade or century, a month or weekday; a preposition or a determiner (what a candidate after
 * the token opens with).
 */
const VERB = 1;
const NOUN = 2;
const ADJECTIVE = 4;
const CONTENT = 8;
const DIGIT = 16;
const STOP = 32;
const COORDINATOR = 64;
const YEAR = 128;
const DECADE = 256;
const DAY = 512;
const PREPOSITION = 1024;
const DETERMINER = 2048;

const NO_TAGS: ReadonlySet<string> = new Set();

/** The flag bits of a token (VERB ... DETERMINER): all of it follows from the token's text. */
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
 * What a sentence's reading keeps of a word, all of which follows from its text (which fixes
 * its case): its flag bits, its stem, its hashed word class ({@link lexicalKeys}; at the
 * sentence's start and elsewhere, as a capitalised function word reads differently there) and
 * its marks ({@link markOf}).
 */
interface WordInfo {
  bits: number;
  stem: string;
  lex: number;
  lexFirst: number;
  mark: number;
}

/**
 * Words seen before, by their text: most words of a newly read sentence were in earlier ones,
 * and their lexicon lookups, pattern tests, stem and hash (a lookup or pass each) were a good
 * part of reading a new sentence. Bounded like the other word caches.
 */
const words = new Map<string, WordInfo>();

function wordInfo(t: Token): WordInfo {
  const hit = words.get(t.text);
  if (hit) return hit;
  const made: WordInfo = {
    bits: tokenBits(t),
    stem: stem(t.lower),
    lex: fnv(wordClass(t, 1)),
    lexFirst: fnv(wordClass(t, 0)),
    mark: markOf(t),
  };
  if (words.size >= 50_000) words.clear();
  words.set(t.text, made);
  return made;
}

/**
 * Each token's flag bits (each word's lexicon tags looked up once), and each word's
 * {@link WordInfo} into `infos` (null for punctuation).
 */
function flagsOf(tokens: readonly Token[], infos: (WordInfo | null)[]): number[] {
  const f: number[] = [];
  for (const t of tokens) {
    if (t.word) {
      const w = wordInfo(t);
      infos.push(w);
      f.push(w.bits);
    } else {
      infos.push(null);
      f.push(tokenBits(t));
    }
  }
  return f;
}

/**
 * Whether each token ends a plain noun phrase (spans.ts `breaks`: punctuation, a function word,
 * a verb, "and", "or", "but"), read from its flag bits: no second lexicon lookup per token.
 */
function breakingOf(tokens: readonly Token[], f: readonly number[]): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    out.push(!t.word || ((f[i] as number) & (STOP | VERB | COORDINATOR)) !== 0 || t.lower === 'but');
  }
  return out;
}

/** Whether token `i` has flag `flag` (false past either end). */
const has = (f: readonly number[], i: number, flag: number): boolean =>
  i >= 0 && i < f.length && ((f[i] as number) & flag) !== 0;

const b = (x: boolean | undefined): number => (x ? 1 : 0);
const bit = (x: boolean | undefined, k: number): number => (x ? 1 << k : 0);

/**
 * What a candidate's words hold, counted as the candidate grows one token to the right: its word
 * count, capitals and function words, and the flags any of its words has (VERB, DIGIT,
 * COORDINATOR, YEAR, DECADE, DAY bits, or-ed; a comma inside as {@link COMMA}).
 */
interface Run {
  n: number;
  capitals: number;
  stops: number;
  any: number;
}

const COMMA = 1 << 30;
const RUN_FLAGS = VERB | DIGIT | COORDINATOR | YEAR | DECADE | DAY;

/** The one run the candidate loop grows (reset per first token: no object per candidate). */
const run: Run = { n: 0, capitals: 0, stops: 0, any: 0 };

/** Adds token `i` (the candidate's new last token) to the run. */
function grow(run: Run, tokens: readonly Token[], f: readonly number[], i: number): void {
  const t = tokens[i] as Token;
  if (!t.word) {
    if (t.text === ',') run.any |= COMMA;
    return;
  }
  const bits = f[i] as number;
  run.n++;
  if (t.capital) run.capitals++;
  run.any |= bits & RUN_FLAGS;
  if ((bits & STOP) !== 0) run.stops++;
}

/** Position of the one shape feature that is a share, not a yes/no. */
const STOP_SHARE = SHAPE_FEATURES.indexOf('share of function words inside');

/**
 * Shape vectors, one per distinct value: candidates share them, read-only, by their index here.
 * Shapes are few (a few hundred in a large archive) while candidates are dozens per sentence.
 */
const SHAPES: (readonly number[])[] = [];
const NO_SHAPE: readonly number[] = Object.freeze(new Array<number>(SHAPE_FEATURES.length).fill(0));

/** The last shape bit (a month or weekday inside), kept out of the key: with it a key is no small integer. */
const DAY_BIT = SHAPE_FEATURES.length - 1;

/**
 * The interned shapes' index by key, an open-addressing table in typed arrays: per slot the bits
 * below DAY_BIT (-1 for an empty slot), the rest of the key and the shape's index. Looked up
 * once per candidate of every newly read sentence, where a map of rows cost more than the rest
 * of the shape.
 */
let shapeLows = new Int32Array(1024).fill(-1);
let shapeRests = new Int32Array(1024);
let shapeIndex = new Int32Array(1024);

function shapeSlot(lows: Int32Array, low: number, rest: number): number {
  const mask = lows.length - 1;
  return (Math.imul(low, 0x9e3779b1) ^ Math.imul(rest + 1, 0x85ebca6b)) & mask;
}

/** Doubles the table, every kept key placed again. */
function growShapes(): void {
  const lows = new Int32Array(shapeLows.length * 2).fill(-1);
  const rests = new Int32Array(lows.length);
  const index = new Int32Array(lows.length);
  for (let k = 0; k < shapeLows.length; k++) {
    const low = shapeLows[k] as number;
    if (low < 0) continue;
    const rest = shapeRests[k] as number;
    let h = shapeSlot(lows, low, rest);
    while ((lows[h] as number) >= 0) h = (h + 1) & (lows.length - 1);
    lows[h] = low;
    rests[h] = rest;
    index[h] = shapeIndex[k] as number;
  }
  shapeLows = lows;
  shapeRests = rests;
  shapeIndex = index;
}

function internShape(low: number, day: boolean, stops: number, n: number): number {
  // By the bits below DAY_BIT (a small integer), then by the day bit, stops and n (stops <= n <=
  // MAX_WORDS, so the index is exact). Not one key of all: that number would be a boxed double.
  const rest = ((day ? MAX_WORDS + 1 : 0) + stops) * (MAX_WORDS + 1) + n;
  const mask = shapeLows.length - 1;
  let h = shapeSlot(shapeLows, low, rest);
  for (let k = shapeLows[h] as number; k >= 0; k = shapeLows[h] as number) {
    if (k === low && shapeRests[h] === rest) return shapeIndex[h] as number;
    h = (h + 1) & mask;
  }
  const made: number[] = [];
  for (let k = 0; k < SHAPE_FEATURES.length; k++)
    made.push(k === STOP_SHARE ? (n > 0 ? stops / n : 0) : k === DAY_BIT ? b(day) : (low >>> k) & 1);
  SHAPES.push(Object.freeze(made));
  shapeLows[h] = low;
  shapeRests[h] = rest;
  shapeIndex[h] = SHAPES.length - 1;
  // Kept at most half full, so a probe ends soon on an empty slot.
  if (SHAPES.length * 2 > shapeLows.length) growShapes();
  return SHAPES.length - 1;
}

/**
 * The shape bits that follow from a candidate's first token and the token before it (in
 * SHAPE_FEATURES order), the same for every candidate starting there: worked out once per first
 * token.
 */
function startBits(tokens: readonly Token[], f: readonly number[], from: number): number {
  const first = tokens[from];
  // Guarded: reading index -1 of an array is a property lookup by name, far slower than a miss.
  const prev = from > 0 ? tokens[from - 1] : undefined;
  return (
    bit(from === 0, 7) |
    bit(has(f, from - 1, PREPOSITION), 9) |
    bit(has(f, from - 1, DETERMINER), 10) |
    bit(has(f, from, VERB), 12) |
    bit(prev?.capital && first?.capital && !prev.possessive && from > 1, 18) |
    bit(has(f, from - 1, CONTENT) && !has(f, from - 1, VERB), 21) |
    bit(has(f, from, NOUN), 25) |
    bit(has(f, from, ADJECTIVE), 26) |
    bit(has(f, from, DIGIT), 27)
  );
}

/**
 * The shape bits that follow from a candidate's last token (`to - 1`) and the token after it,
 * the same for every candidate ending there: worked out once per sentence for each end.
 */
function endBits(tokens: readonly Token[], f: readonly number[], to: number): number {
  const last = tokens[to - 1];
  const inside = to < tokens.length;
  const next = inside ? tokens[to] : undefined;
  return (
    bit(!next || !next.word, 11) |
    bit(has(f, to - 1, VERB), 13) |
    bit(has(f, to - 1, NOUN), 15) |
    bit(has(f, to - 1, ADJECTIVE), 16) |
    bit(next?.capital && last?.capital && !last.possessive, 19) |
    bit(inside && has(f, to, CONTENT) && !has(f, to, VERB), 20)
  );
}

/**
 * The shape (its index in {@link SHAPES}) of a candidate: `edges` holds its {@link startBits}
 * and {@link endBits}, `run` what its words hold.
 */
function shapeOf(edges: number, run: Run, typed: boolean): number {
  const { n, capitals, any } = run;
  // In SHAPE_FEATURES order, one bit each (the share of function words, 23, aside).
  const bits =
    edges |
    bit(n === 1, 0) |
    bit(n === 2, 1) |
    bit(n === 3, 2) |
    bit(n === 4 || n === 5, 3) |
    bit(n >= 6, 4) |
    bit(capitals === n, 5) |
    bit(capitals > 0, 6) |
    bit((any & COMMA) !== 0, 8) |
    bit((any & VERB) !== 0, 14) |
    bit((any & DIGIT) !== 0, 17) |
    bit((any & COORDINATOR) !== 0, 22) |
    bit(typed, 24) |
    bit((any & YEAR) !== 0, 28) |
    bit((any & DECADE) !== 0, 29);
  return internShape(bits, (any & DAY) !== 0, run.stops, n);
}

/** Re-exported for the span scorer, which tests a candidate's types with it. */
export { typeBit };

/** The typed spans of a sentence (names, figures, dates, phrases), as [from, to, bits] triples. */
type TypedRanges = readonly number[];

/** Writes the types a candidate equals, contains and lies within at `out[at]` ... `out[at + 2]`. */
function typesAt(typed: TypedRanges, from: number, to: number, out: Int32Array, at: number): void {
  let types = 0;
  let inside = 0;
  let around = 0;
  for (let k = 0; k < typed.length; k += 3) {
    const sFrom = typed[k] as number;
    const sTo = typed[k + 1] as number;
    const bits = typed[k + 2] as number;
    if (sFrom === from && sTo === to) types |= bits;
    if (sFrom >= from && sTo <= to) inside |= bits;
    if (sFrom <= from && sTo >= to) around |= bits;
  }
  out[at] = types;
  out[at + 1] = inside;
  out[at + 2] = around;
}

/**
 * Whether token `i` is a particle that closes its clause ("had silted up and ...", "broke down."):
 * it belongs to the verb before it, so a candidate does not end just before it.
 */
function strandsParticle(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !PARTICLES.has(t.lower)) return false;
  const next = tokens[i + 1];
  return !next || !next.word || /^(and|or|but)$/.test(next.lower);
}

/** The longest complex preposition, in words. */
const COMPLEX_LENGTH = Math.max(...[...COMPLEX_PREPOSITIONS].map((p) => p.split('+').length));
/** The last words of the complex prepositions: only a candidate followed by one can cut one. */
const COMPLEX_LAST_WORDS = new Set([...COMPLEX_PREPOSITIONS].map((p) => p.slice(p.lastIndexOf('+') + 1)));

/**
 * Whether a candidate ending before token `to` would cut a complex preposition that its last
 * words open and token `to` completes ("the port in response" of "... in response to ..."): the
 * tail belongs to what follows, not to the answer.
 */
function cutsPreposition(tokens: readonly Token[], to: number): boolean {
  const next = tokens[to];
  if (!next?.word || !COMPLEX_LAST_WORDS.has(next.lower)) return false;
  let joined = next.lower;
  for (let k = to - 1; k >= 0 && to - k < COMPLEX_LENGTH; k--) {
    joined = `${(tokens[k] as Token).lower}+${joined}`;
    if (COMPLEX_PREPOSITIONS.has(joined)) return true;
  }
  return false;
}

/** Per end of a candidate of the sentence being read, its {@link endBits} (reused from sentence to sentence). */
let endShapeBits = new Int32Array(256);

/** Candidates of the sentence being read, STRIDE numbers each (reused: copied out once done). */
let building = new Int32Array(1 << 12);

/**
 * Every candidate of the sentence, in order of its first token, then its last, packed into
 * {@link building}; returns how many. A candidate's word counts grow with it (one pass per first
 * token), so no token range is read twice.
 */
function candidatesOf(
  tokens: readonly Token[],
  flags: readonly number[],
  typed: TypedRanges,
  starts: ReadonlySet<number>,
  ends: ReadonlySet<number>,
  joined: readonly boolean[],
  within: readonly boolean[],
): number {
  let n = 0;
  // Each end's shape bits, worked out on first use (-1 until then): most ends are reached from
  // several first tokens.
  if (endShapeBits.length < tokens.length + 1) endShapeBits = new Int32Array(2 * (tokens.length + 1));
  endShapeBits.fill(-1, 0, tokens.length + 1);
  for (let from = 0; from < tokens.length; from++) {
    if (!has(flags, from, CONTENT) && !starts.has(from)) continue;
    if (startsInsideTime(tokens, joined, from)) continue;
    const fromBits = startBits(tokens, flags, from);
    const money = from > 0 && /^[$£€¥]$/.test(tokens[from - 1]?.text ?? '');
    const start = money ? (tokens[from - 1] as Token).start : (tokens[from] as Token).start;
    run.n = run.capitals = run.stops = run.any = 0;
    for (let to = from + 1; to <= tokens.length; to++) {
      const last = tokens[to - 1] as Token;
      grow(run, tokens, flags, to - 1);
      if (!last.word) {
        // A mark inside a figure or time may end it ("10%") or sit inside ("7:40", "£2 to £3").
        if (joined[to - 1]) {
          if (!ends.has(to)) continue;
        } else if (/^[,&/]$/.test(last.text) && to > from + 1) continue;
        // A comma may sit inside ("Paris, France"), and "&" or "/" between words ("R&B").
        else break;
      }
      if (run.n > MAX_WORDS) break;
      if (!has(flags, to - 1, CONTENT) && !ends.has(to)) continue;
      if ((within[to] === true && !ends.has(to)) || strandsParticle(tokens, to)) continue;
      if (cutsPreposition(tokens, to)) continue;
      const k = n * STRIDE;
      if (k + STRIDE > building.length) {
        const larger = new Int32Array(building.length * 2);
        larger.set(building);
        building = larger;
      }
      building[k + START] = start;
      building[k + END] = last.end;
      building[k + FROM] = from;
      building[k + TO] = to;
      typesAt(typed, from, to, building, k + TYPES);
      let toBits = endShapeBits[to] as number;
      if (toBits < 0) endShapeBits[to] = toBits = endBits(tokens, flags, to);
      building[k + SHAPE] = shapeOf(fromBits | toBits, run, building[k + TYPES] !== 0);
      n++;
    }
  }
  return n;
}

/**
 * Int32 views cut from shared slabs: a sentence's packed candidates and word hashes without an
 * ArrayBuffer of their own (every young ArrayBuffer is one more for each scavenge to sweep).
 */
let slab = new Int32Array(1 << 16);
let slabAt = 0;

function carve(n: number): Int32Array {
  if (n > slab.length >> 3) return new Int32Array(n);
  if (slabAt + n > slab.length) {
    slab = new Int32Array(slab.length);
    slabAt = 0;
  }
  const view = slab.subarray(slabAt, slabAt + n);
  slabAt += n;
  return view;
}

const cache = new Map<string, SentenceCandidates>();
const CACHE_LIMIT = 20_000;

/**
 * Figures, times and dates: a candidate does not cut one ("7" of "7:40 a.m.", "more" of "more
 * than three hours", "10" of "10%") unless where it cuts is itself the edge of a typed span
 * ("£120" of "£120 and £300").
 */
const FIGURE_BITS = (['count', 'money', 'percent', 'date', 'duration', 'age'] as const).reduce(
  (bits, t) => bits | typeBit(t),
  0,
);

/**
 * Marks where a candidate may not end inside the figure [from, to): before the mark that holds
 * it together ("7" of "7:40", "10" of "10%"), before a clock time's mark ("11:45" of "11:45
 * p.m."), and on a hedge or bound before its figure ("more" of "more than three hours"). A bare
 * figure before its counted noun stays ("20,000" of "20,000 reservists"). Starting just after a
 * colon is marked too: "40 a.m." cuts "7:40 a.m.".
 */
function markCuts(tokens: readonly Token[], from: number, to: number, within: boolean[]): void {
  let figure = from;
  while (
    figure < to &&
    !/\d/.test(tokens[figure]?.text ?? '') &&
    !NUMBER_WORDS.has(tokens[figure]?.lower ?? '')
  )
    figure++;
  // A hedge or bound before the figure: the candidate does not end on it.
  if (figure < to && !/^[$£€¥]$/.test(tokens[from]?.text ?? ''))
    for (let i = from + 1; i <= figure; i++) within[i] = true;
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i] as Token;
    if (/^[:%]$/.test(t.text) || CLOCK_MARKS.has(t.lower)) within[i] = true;
  }
}

/** Whether a candidate from `from` would start inside a clock time ("40 a.m.", "p.m." of "7:40 p.m."). */
const startsInsideTime = (tokens: readonly Token[], joined: readonly boolean[], from: number): boolean =>
  from > 0 &&
  ((joined[from - 1] === true && tokens[from - 1]?.text === ':') ||
    (CLOCK_MARKS.has(tokens[from]?.lower ?? '') && /\d/.test(tokens[from - 1]?.text ?? '')));

/** The candidates of a sentence (kept per sentence text: they do not depend on the question). */
export function sentenceCandidates(sentence: string): SentenceCandidates {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const tokens = tokenize(sentence);
  const infos: (WordInfo | null)[] = [];
  const flags = flagsOf(tokens, infos);
  const typed = typedRanges(tokens, breakingOf(tokens, flags));
  // Names, figures and dates may start or end on a function word ("one", "of"); plain phrases not.
  const other = typeBit('other');
  const starts = new Set<number>();
  const ends = new Set<number>();
  const joined = new Array<boolean>(tokens.length).fill(false);
  const within = new Array<boolean>(tokens.length + 1).fill(false);
  for (let k = 0; k < typed.length; k += 3) {
    const bits = typed[k + 2] as number;
    if ((bits & ~other) === 0) continue;
    starts.add(typed[k] as number);
    ends.add(typed[k + 1] as number);
    for (let i = (typed[k] as number) + 1; i < (typed[k + 1] as number); i++)
      if (!(tokens[i] as Token).word) joined[i] = true;
    if ((bits & FIGURE_BITS) !== 0) markCuts(tokens, typed[k] as number, typed[k + 1] as number, within);
  }
  const count = candidatesOf(tokens, flags, typed, starts, ends, joined, within);
  const packed = carve(count * STRIDE);
  packed.set(building.subarray(0, count * STRIDE));
  const lex = carve(tokens.length);
  const marks = carve(tokens.length);
  const stems: string[] = [];
  const content: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const w = infos[i];
    stems.push(w ? w.stem : '');
    content.push(has(flags, i, CONTENT));
    lex[i] = w ? (i === 0 ? w.lexFirst : w.lex) : fnv(wordClass(t, i));
    marks[i] = w ? w.mark : markOf(t);
  }
  const made = new SentenceCandidates(sentence, stems, content, lex, marks, packed, count);
  keepTokens(made, tokens);
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
  'nearness to the focus noun',
  'a figure asked, it counts another noun',
  'a wish asked, the clause after a wish verb',
  'the clause after a wish verb',
  'the subject asked, a question word just after',
  'the object asked, a question word just before',
  'a figure or date asked, of the type asked',
  'a figure or date asked, holds one of the type asked',
  'a reason asked, a purpose or reason clause',
  'a reason or manner asked, a name',
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
  /** Positions of the focus noun in the sentence. */
  focusAt: number[];
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
  /** The question asks what someone wants ("what does the union want"). */
  wish: boolean;
  /** The question word is the subject ("who gave ..."), or the object ("what did X hit"). */
  subject: boolean;
  object: boolean;
}

const WISH_STEMS = new Set([...WISH_QUESTION_WORDS].map(stem));

/**
 * Whether the question word stands for the subject ("who gave the grant", "which company supplies
 * the water") or for the object ("what did the ship hit"): read from the word after it (after
 * the focus noun), an auxiliary such as "did" leaving the object to be asked.
 */
function gapOf(q: QuestionAnalysis): { subject: boolean; object: boolean } {
  const words = q.text
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
  const at = words.findIndex((w) => /^(who|whom|what|which)$/.test(w));
  if (at < 0) return { subject: false, object: false };
  let next = words[at + 1] ?? '';
  if (q.focus && next === q.focus) next = words[at + 2] ?? '';
  const object = OBJECT_AUXILIARIES.has(next);
  const subject = !object && next !== '' && !STOPWORDS.has(next) && lexiconTags(next).has('Verb');
  return { subject, object };
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
    wish: q.terms.some((t) => WISH_STEMS.has(t)),
    ...gapOf(q),
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
  const focusAt: number[] = [];
  let distinct = 0;
  const stems = sc.stems;
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i] as string;
    if (s !== '' && s === part.focus) focusAt.push(i);
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
    focusAt,
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
  const marks = x.sc.marks;
  const sep = at < marks.length ? (marks[at] as number) : 0;
  if ((sep & (COMMA_MARK | AND_OR_MARK)) === 0) return false;
  let next = at + step;
  if (
    (sep & COMMA_MARK) !== 0 &&
    next >= 0 &&
    next < marks.length &&
    ((marks[next] as number) & AND_OR_MARK) !== 0
  )
    next += step;
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
  focus: Q('nearness to the focus noun'),
  wish: Q('a wish asked, the clause after a wish verb'),
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
  const prev = c.from > 0 ? (sc.marks[c.from - 1] as number) : 0;
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
  out[AT.type + 10] = b(a.reason && (prev & REASON_MARK) !== 0);
  out[AT.type + 11] = b(a.manner && (prev & MANNER_MARK) !== 0);
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
  focusFeatures(x, c, focus, out);
  const wished = (c.types & WISH_CLAUSE) !== 0;
  out[AT.wish] = b(a.wish && wished);
  out[AT.wish + 1] = b(wished);
  out[AT.wish + 2] = b(a.subject && (out[AT.near + 3] ?? 0) > 0);
  out[AT.wish + 3] = b(a.object && (out[AT.near + 2] ?? 0) > 0);
  // Figures and dates are typed by their shape, names only by capitals: their type fit says more.
  out[AT.wish + 4] = b((a.figure || a.date) && (c.types & bit) !== 0);
  out[AT.wish + 5] = b((a.figure || a.date) && (c.inside & bit) !== 0);
  out[AT.wish + 6] = b(a.reason && (c.types & REASON_CLAUSE) !== 0);
  out[AT.wish + 7] = a.reason || a.manner ? (shape[5] ?? 0) : 0;
  return out;
}

/**
 * How near the span is to the question's focus noun ("how many crew": "five crew members"), and
 * whether a figure asked for counts another noun than the focus ("five years" for "how many times").
 */
function focusFeatures(x: SpanContext, c: SpanCandidate, focusIn: number, out: number[]): void {
  let d = Infinity;
  for (const at of x.focusAt) {
    if (at >= c.from && at < c.to) continue;
    d = Math.min(d, at < c.from ? c.from - at : at - c.to + 1);
  }
  out[AT.focus] = Number.isFinite(d) ? 1 / (1 + d) : 0;
  const sc = x.sc;
  const last = sc.stems[c.to - 1] ?? '';
  const counted = (sc.content[c.to - 1] === true && !/\d/.test(last)) || sc.content[c.to] === true;
  out[AT.focus + 1] = b(
    x.asked.figure &&
      x.focus !== '' &&
      (c.shape[17] ?? 0) > 0 &&
      focusIn === 0 &&
      sc.stems[c.to] !== x.focus &&
      counted,
  );
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
