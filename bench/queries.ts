/**
 * Benchmark queries with known answers, built from the generator's truth. Each kind exercises a
 * different path of the bot: exact and typo'd quote fragments (quote search), questions (ask),
 * speaker names (who/quotes by), and short prefixes (autocomplete).
 *
 * Deterministic: the same truth, seed and counts give the same queries. Each kind has its own
 * random stream, so changing how many queries one kind gets leaves the other kinds unchanged.
 */
import { mixSeed, Rng } from './generate.ts';
import type { ArticleTruth, QuoteTruth } from './generate.ts';

export const QUERY_KINDS = ['exact', 'typo', 'question', 'speaker', 'autocomplete'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** One acceptable answer. Fields left out are not checked (a speaker query names no paragraph). */
export interface Expected {
  article: string;
  paragraph?: number;
  speaker?: string;
}

export type TypoOp = 'swap' | 'drop' | 'double' | 'substitute';

export interface BenchQuery {
  id: string;
  kind: QueryKind;
  /** What the user types. */
  text: string;
  /** Any of these counts as a hit. */
  expected: Expected[];
  /** The untouched text a typo/misspelled query was made from. */
  source?: string;
  /** The edits applied to `source` (typo queries and misspelled speaker names). */
  edits?: TypoOp[];
  /** Autocomplete: the full string the prefix was cut from (a quote's text or a full name). */
  completion?: string;
}

export interface QueryOptions {
  /** Queries per kind: one number for all kinds, or per kind (missing kinds get `defaultCount`). */
  perKind?: number | Partial<Record<QueryKind, number>>;
  seed?: number;
}

const DEFAULT_COUNT = 100;

interface QuoteRef {
  article: string;
  quote: QuoteTruth;
}

/** Lower-cased quote texts, scanned to make sure a fragment points at one quote (or to list all it matches). */
interface Index {
  quotes: QuoteRef[];
  /** Full quotes only: partial quotes are two words, too short for a 4–8 word fragment. */
  full: QuoteRef[];
  lower: string[];
  /** Speaker full name -> articles quoting them, in corpus order. */
  bySpeaker: Map<string, string[]>;
  speakers: string[];
  surname: Map<string, string>;
}

function index(truth: readonly ArticleTruth[]): Index {
  const quotes: QuoteRef[] = [];
  const bySpeaker = new Map<string, string[]>();
  const surname = new Map<string, string>();
  for (const a of truth) {
    for (const p of a.people) surname.set(p.name, p.surname);
    for (const q of a.quotes) {
      quotes.push({ article: a.id, quote: q });
      const list = bySpeaker.get(q.speaker) ?? [];
      if (list[list.length - 1] !== a.id) list.push(a.id);
      bySpeaker.set(q.speaker, list);
    }
  }
  return {
    quotes,
    full: quotes.filter((q) => !q.quote.partial),
    lower: quotes.map((q) => q.quote.text.toLowerCase()),
    bySpeaker,
    speakers: [...bySpeaker.keys()],
    surname,
  };
}

const WORD_EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** A 4–8 word run of a quote, trimmed of edge punctuation. */
function fragment(rng: Rng, text: string): string {
  const words = text.split(/\s+/);
  const len = Math.min(words.length, rng.int(4, 8));
  const start = rng.int(0, words.length - len);
  return words
    .slice(start, start + len)
    .join(' ')
    .replace(WORD_EDGE, '');
}

/** Every quote whose text contains the fragment (case-insensitive): all are right answers. */
function quotesContaining(ix: Index, frag: string): Expected[] {
  const needle = frag.toLowerCase();
  const out: Expected[] = [];
  ix.lower.forEach((t, i) => {
    if (t.includes(needle)) {
      const ref = ix.quotes[i]!;
      out.push({ article: ref.article, paragraph: ref.quote.paragraph, speaker: ref.quote.speaker });
    }
  });
  return out;
}

/**
 * A fragment that matches exactly one quote when one can be found in a few tries; otherwise the
 * last try with every quote it matches as an accepted answer (never a wrong "truth").
 */
function pickFragment(rng: Rng, ix: Index): { text: string; expected: Expected[] } {
  let last: { text: string; expected: Expected[] } | undefined;
  for (let attempt = 0; attempt < 8; attempt++) {
    const ref = rng.pick(ix.full);
    const text = fragment(rng, ref.quote.text);
    const expected = quotesContaining(ix, text);
    last = { text, expected };
    if (expected.length === 1) return last;
  }
  return last!;
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  q: 'wa',
  w: 'qes',
  e: 'wrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'ol',
  a: 'qsz',
  s: 'adw',
  d: 'sfe',
  f: 'dgr',
  g: 'fht',
  h: 'gjy',
  j: 'hku',
  k: 'jli',
  l: 'kop',
  z: 'xa',
  x: 'zcs',
  c: 'xvd',
  v: 'cbf',
  b: 'vng',
  n: 'bmh',
  m: 'nj',
};

/** Applies one typo inside `word` (≥ 3 letters). Never a no-op: swaps pick two different letters. */
function typoWord(rng: Rng, word: string, op: TypoOp): string {
  switch (op) {
    case 'swap': {
      const spots: number[] = [];
      for (let i = 0; i + 1 < word.length; i++) if (word[i] !== word[i + 1]) spots.push(i);
      if (spots.length === 0) return typoWord(rng, word, 'double');
      const i = rng.pick(spots);
      return word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
    }
    case 'drop': {
      const i = rng.int(1, word.length - 1);
      return word.slice(0, i) + word.slice(i + 1);
    }
    case 'double': {
      const i = rng.int(0, word.length - 1);
      return word.slice(0, i + 1) + word[i]! + word.slice(i + 1);
    }
    case 'substitute': {
      const i = rng.int(1, word.length - 1);
      const ch = word[i]!;
      const lower = ch.toLowerCase();
      const options = (KEYBOARD_NEIGHBOURS[lower] ?? 'aeiou').split('').filter((x) => x !== lower);
      const sub = rng.pick(options);
      return word.slice(0, i) + (ch === lower ? sub : sub.toUpperCase()) + word.slice(i + 1);
    }
  }
}

const TYPO_OPS: readonly TypoOp[] = ['swap', 'drop', 'double', 'substitute'];
const LETTERS_ONLY = /^\p{L}{3,}$/u;

/**
 * 1–`max` typos, each in a different word of ≥ 3 letters, so the edits cannot cancel out and the
 * edit distance to the source is exactly the number of typos.
 */
export function addTypos(rng: Rng, text: string, max = 3): { text: string; edits: TypoOp[] } {
  const words = text.split(' ');
  const eligible = words.map((w, i) => (LETTERS_ONLY.test(w) ? i : -1)).filter((i) => i >= 0);
  if (eligible.length === 0) return { text, edits: [] };
  const n = Math.min(eligible.length, rng.int(1, max));
  const edits: TypoOp[] = [];
  for (const i of rng.sample(eligible, n)) {
    const op = rng.pick(TYPO_OPS);
    words[i] = typoWord(rng, words[i]!, op);
    edits.push(op);
  }
  return { text: words.join(' '), edits };
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps): what the typo tests check. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

function countFor(options: QueryOptions, kind: QueryKind): number {
  const p = options.perKind;
  if (p === undefined) return DEFAULT_COUNT;
  if (typeof p === 'number') return p;
  return p[kind] ?? DEFAULT_COUNT;
}

function buildKind(
  kind: QueryKind,
  n: number,
  rng: Rng,
  truth: readonly ArticleTruth[],
  ix: Index,
): BenchQuery[] {
  const out: BenchQuery[] = [];
  const id = (): string => `${kind}-${String(out.length + 1).padStart(4, '0')}`;
  for (let i = 0; i < n; i++) {
    switch (kind) {
      case 'exact': {
        const f = pickFragment(rng, ix);
        out.push({ id: id(), kind, text: f.text, expected: f.expected });
        break;
      }
      case 'typo': {
        const f = pickFragment(rng, ix);
        const t = addTypos(rng, f.text);
        out.push({ id: id(), kind, text: t.text, expected: f.expected, source: f.text, edits: t.edits });
        break;
      }
      case 'question': {
        const a = rng.pick(truth);
        if (a.facts.length > 0 && (a.quotes.length === 0 || rng.chance(0.7))) {
          const f = rng.pick(a.facts);
          out.push({
            id: id(),
            kind,
            text: f.question,
            expected: [{ article: a.id, paragraph: f.paragraph }],
          });
        } else {
          const q = rng.pick(a.quotes);
          // Every quote by that speaker in that article mentioning the same thing is a right answer.
          const expected = a.quotes
            .filter((x) => x.speaker === q.speaker && (x.about === q.about || x.text.includes(q.about)))
            .map((x) => ({ article: a.id, paragraph: x.paragraph, speaker: x.speaker }));
          out.push({ id: id(), kind, text: `What did ${q.speaker} say about ${q.about}?`, expected });
        }
        break;
      }
      case 'speaker': {
        const name = rng.pick(ix.speakers);
        const surname = ix.surname.get(name) ?? name.split(' ').pop()!;
        const expected = (ix.bySpeaker.get(name) ?? []).map((article) => ({ article, speaker: name }));
        const roll = rng.float();
        if (roll < 0.4) {
          out.push({ id: id(), kind, text: name, expected });
        } else if (roll < 0.7) {
          out.push({ id: id(), kind, text: surname, expected });
        } else {
          // One typo in the surname: the misspelling users actually make.
          const useFull = rng.chance(0.5);
          const t = addTypos(rng, surname, 1);
          const text = useFull ? `${name.slice(0, name.length - surname.length)}${t.text}` : t.text;
          out.push({ id: id(), kind, text, expected, source: useFull ? name : surname, edits: t.edits });
        }
        break;
      }
      case 'autocomplete': {
        const len = rng.int(2, 12);
        if (rng.chance(0.5)) {
          const ref = rng.pick(ix.quotes);
          const completion = ref.quote.text;
          out.push({
            id: id(),
            kind,
            text: completion.slice(0, len).trimEnd(),
            expected: [{ article: ref.article, paragraph: ref.quote.paragraph, speaker: ref.quote.speaker }],
            completion,
          });
        } else {
          const name = rng.pick(ix.speakers);
          const expected = (ix.bySpeaker.get(name) ?? []).map((article) => ({ article, speaker: name }));
          out.push({ id: id(), kind, text: name.slice(0, len).trimEnd(), expected, completion: name });
        }
        break;
      }
    }
  }
  return out;
}

/** All query kinds, in `QUERY_KINDS` order. An empty truth (or no quotes) gives no queries. */
export function buildQueries(truth: readonly ArticleTruth[], options: QueryOptions = {}): BenchQuery[] {
  const ix = index(truth);
  if (ix.full.length === 0) return [];
  const seed = options.seed ?? 1;
  const out: BenchQuery[] = [];
  QUERY_KINDS.forEach((kind, k) => {
    out.push(...buildKind(kind, countFor(options, kind), new Rng(mixSeed(seed, 1000 + k)), truth, ix));
  });
  return out;
}

/** Queries grouped by kind (every kind present, possibly empty). */
export function byKind(queries: readonly BenchQuery[]): Record<QueryKind, BenchQuery[]> {
  const out = Object.fromEntries(QUERY_KINDS.map((k) => [k, [] as BenchQuery[]])) as Record<
    QueryKind,
    BenchQuery[]
  >;
  for (const q of queries) out[q.kind].push(q);
  return out;
}
