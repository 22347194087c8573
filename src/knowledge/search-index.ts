import Fuse from 'fuse.js';
import { STOPWORDS, matchForm, stem } from '../text/match.ts';
import { editDistance } from '../text/similar.ts';
import { synonymsOf } from '../text/synonyms.ts';

/**
 * One searchable collection (quotes, sentences, people, ...). Retrieval is a small BM25 over an
 * inverted index of stemmed terms, widened by typo-tolerant term expansion (trigram candidates
 * checked by edit distance) and a thesaurus; the best few candidates are then re-ranked by fuse.js
 * on the whole query. Plain fuse.js over everything grows linearly with the corpus and misses
 * Discord's 3 s deadline near 1,000 articles; this keeps queries in milliseconds at 10,000.
 */

export interface SearchDoc {
  article: string;
  /** Text the query is compared with (display form; normalised here). */
  text: string;
}

export interface Hit<T> {
  item: T;
  /** Confidence in 0..1 that this item is what the query means. */
  score: number;
  /** IDF-weighted share of the query's terms found in the item (typos and synonyms count less). */
  coverage: number;
  /** Query terms (stems) the item matched, exactly or by typo/synonym. */
  matched: string[];
  /** Position of the item in the indexed collection. */
  index: number;
}

export interface SearchOptions {
  /** Only items of this article id. */
  article?: string;
  limit?: number;
  /** How many BM25 candidates fuse.js re-ranks. */
  candidates?: number;
  /** Weight a candidate by something the caller knows (question kind): multiplies BM25. */
  boost?: (docIndex: number) => number;
  /** Drop hits below this confidence. */
  minScore?: number;
  /** Treat the query's last word as unfinished (autocomplete): it also matches longer words. */
  prefix?: boolean;
  /**
   * Re-rank the candidates with fuse.js (default true). Callers that score by word coverage
   * alone (questions, worded unlike their answers) skip it and its cost.
   */
  rerank?: boolean;
  /**
   * When the query has no content word, search small collections with fuse.js alone (default
   * true). Autocomplete turns it off: it has a cheaper prefix match of its own.
   */
  fuzzyFallback?: boolean;
}

interface Expansion {
  /** Term id of an index stem. */
  id: number;
  weight: number;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;
const TYPO_WEIGHT = 0.8;
const SYNONYM_WEIGHT = 0.7;
const MAX_CACHE = 5000;
/**
 * BM25 candidates re-ranked by fuse.js. fuse.js's bitap costs O(query × text) per candidate and
 * dominates query time, so only the head of the BM25 list is re-ranked; the right answer is
 * virtually always there (the benchmark's hit@5 measures it).
 */
const DEFAULT_CANDIDATES = 12;
/** Lower thresholds let bitap stop early on poor candidates (they get no fuzzy credit). */
const FUSE_THRESHOLD = 0.45;
/** Words in more than this share of a large collection's items are not used to find candidates. */
const COMMON_SHARE = 0.25;

function trigrams(term: string): string[] {
  const padded = `^${term}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/**
 * Allowed typos for a term of this length: none under four letters; one from four (a four-letter
 * neighbour is often another real word, stop/step, so those matches weigh less, see
 * {@link typoWeight}); two from eight.
 */
function maxEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

function typoWeight(length: number, distance: number): number {
  return (length <= 4 ? 0.6 : TYPO_WEIGHT) - 0.1 * (distance - 1);
}

/** Short stop words, for recognising their misspellings ("teh", "thw", "anf"). */
const SHORT_STOPWORDS = [...STOPWORDS].filter((w) => w.length >= 2 && w.length <= 5);

/**
 * A short word the index does not know that is one typo away from a stop word is that stop word
 * misspelt, not a distinctive word the items lack: it should neither match nor count as missing.
 */
function isMisspeltStopword(term: string): boolean {
  if (term.length > 5) return false;
  return SHORT_STOPWORDS.some((w) => Math.abs(w.length - term.length) <= 1 && editDistance(w, term) <= 1);
}

/** The query's first 32 characters, cut at a word boundary when one is near. */
function fusePattern(queryForm: string): string {
  if (queryForm.length <= 32) return queryForm;
  const cut = queryForm.lastIndexOf(' ', 32);
  return cut >= 20 ? queryForm.slice(0, cut) : queryForm.slice(0, 32);
}

/** Collections up to this size are searched by fuse.js alone when a query has no content word. */
const FALLBACK_MAX_ITEMS = 2000;

export interface SearchIndexOptions {
  /** Keep every item's match form (needed for {@link SearchIndex.startingWith}); costs memory. */
  keepText?: boolean;
}

/**
 * Everything a built index knows, as flat arrays: it can be written to disk and read back
 * (the knowledge snapshot) without rebuilding. Postings of term `t` are
 * `postingDocs[postingStart[t] .. postingStart[t+1])` with their term counts in `postingTfs`.
 */
export interface SearchIndexState {
  articleIds: string[];
  articleOfDoc: Uint32Array;
  /** Stem of each term id. */
  terms: string[];
  postingStart: Uint32Array;
  postingDocs: Int32Array;
  postingTfs: Uint16Array;
  /** Each item's term ids in text order (repeats kept): `docTerms[docStart[i] .. docStart[i+1])`. */
  docTerms: Int32Array;
  docStart: Uint32Array;
  lengths: Uint16Array;
  /** Every distinct word as written (folded, unstemmed) and the term id of its stem. */
  words: string[];
  wordTerms: Int32Array;
  avgLength: number;
  matchTexts: string[] | null;
}

/** A copy of `a` with twice the room (its values kept). */
function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/** A growable Int32Array: millions of pushes without a JS array's 8 bytes per number. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Builds a {@link SearchIndexState} one item at a time, so a large build can yield to the event
 * loop between batches (a hot reload must not stall interactions past Discord's 3 s).
 */
class IndexBuilder<T> {
  private readonly articleIndex = new Map<string, number>();
  private readonly articleIds: string[] = [];
  private readonly articleOfDoc: Uint32Array;
  private readonly termIds = new Map<string, number>();
  private readonly words = new Map<string, number>();
  private readonly pairTerm = new IntList();
  private readonly pairDoc = new IntList();
  private readonly pairTf = new IntList();
  private readonly sequence = new IntList();
  private readonly docStart: Uint32Array;
  private readonly lengths: Uint16Array;
  private readonly matchTexts: string[] | null;
  private readonly counts = new Map<number, number>();
  private total = 0;
  next = 0;

  constructor(
    private readonly items: readonly T[],
    private readonly toDoc: (item: T) => SearchDoc,
    options: SearchIndexOptions,
  ) {
    this.articleOfDoc = new Uint32Array(items.length);
    this.docStart = new Uint32Array(items.length + 1);
    this.lengths = new Uint16Array(items.length);
    this.matchTexts = options.keepText ? new Array<string>(items.length) : null;
  }

  get done(): boolean {
    return this.next >= this.items.length;
  }

  /** Indexes up to `count` more items. */
  step(count: number): void {
    const end = Math.min(this.items.length, this.next + count);
    for (; this.next < end; this.next++) this.add(this.next);
  }

  private add(docIndex: number): void {
    const doc = this.toDoc(this.items[docIndex] as T);
    let a = this.articleIndex.get(doc.article);
    if (a === undefined) {
      a = this.articleIds.length;
      this.articleIds.push(doc.article);
      this.articleIndex.set(doc.article, a);
    }
    this.articleOfDoc[docIndex] = a;
    const form = matchForm(doc.text);
    if (this.matchTexts) this.matchTexts[docIndex] = form;
    const counts = this.counts;
    counts.clear();
    let length = 0;
    for (const word of form.split(' ')) {
      if (word === '' || STOPWORDS.has(word)) continue;
      let id = this.words.get(word);
      if (id === undefined) {
        const st = stem(word);
        id = this.termIds.get(st);
        if (id === undefined) {
          id = this.termIds.size;
          this.termIds.set(st, id);
        }
        this.words.set(word, id);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
      this.sequence.push(id);
      length++;
    }
    this.lengths[docIndex] = Math.min(length, 65535);
    this.total += length;
    for (const [id, tf] of counts) {
      this.pairTerm.push(id);
      this.pairDoc.push(docIndex);
      this.pairTf.push(Math.min(tf, 65535));
    }
    this.docStart[docIndex + 1] = this.sequence.length;
  }

  finish(): SearchIndexState {
    const nTerms = this.termIds.size;
    const pairs = this.pairTerm.length;
    const pairTerm = this.pairTerm.data;
    // Counting sort of (term, doc) pairs by term: postings come out grouped, docs ascending.
    const postingStart = new Uint32Array(nTerms + 1);
    for (let i = 0; i < pairs; i++) {
      const t = pairTerm[i] as number;
      postingStart[t + 1] = (postingStart[t + 1] as number) + 1;
    }
    for (let t = 0; t < nTerms; t++)
      postingStart[t + 1] = (postingStart[t + 1] as number) + (postingStart[t] as number);
    const fill = postingStart.slice(0, nTerms);
    const postingDocs = new Int32Array(pairs);
    const postingTfs = new Uint16Array(pairs);
    for (let i = 0; i < pairs; i++) {
      const t = pairTerm[i] as number;
      const at = fill[t] as number;
      fill[t] = at + 1;
      postingDocs[at] = this.pairDoc.data[i] as number;
      postingTfs[at] = this.pairTf.data[i] as number;
    }
    const n = this.items.length;
    return {
      articleIds: this.articleIds,
      articleOfDoc: this.articleOfDoc,
      terms: [...this.termIds.keys()],
      postingStart,
      postingDocs,
      postingTfs,
      docTerms: this.sequence.toArray(),
      docStart: this.docStart,
      lengths: this.lengths,
      words: [...this.words.keys()],
      wordTerms: Int32Array.from(this.words.values()),
      avgLength: n > 0 ? this.total / n || 1 : 1,
      matchTexts: this.matchTexts,
    };
  }
}

/** Whether candidate `a` ranks before `b`: higher score, then higher BM25, then the earlier item. */
function ranksBefore(
  scores: Float64Array,
  bm25s: Float64Array,
  docs: Int32Array,
  a: number,
  b: number,
): boolean {
  const sa = scores[a] as number;
  const sb = scores[b] as number;
  if (sa !== sb) return sa > sb;
  const ba = bm25s[a] as number;
  const bb = bm25s[b] as number;
  return ba !== bb ? ba > bb : (docs[a] as number) < (docs[b] as number);
}

/** Items indexed per slice of an asynchronous build before yielding to the event loop. */
const BUILD_SLICE = 2000;

export class SearchIndex<T> {
  readonly items: readonly T[];
  private readonly toDoc: (item: T) => SearchDoc;
  private readonly state: SearchIndexState;
  private readonly articleIndex: Map<string, number>;
  private readonly termIds: Map<string, number>;
  private readonly wordIds: Map<string, number>;
  private byTrigram: Map<string, string[]> | null = null;
  private readonly expansionCache: Map<string, Expansion[]>;
  /** The index whose vocabulary tables this one uses (same terms and words), if any. */
  private readonly vocabulary: SearchIndex<unknown> | undefined;
  private readonly accumulator: Float64Array;
  /** Per query word, each item's best variant score (reset after every word). */
  private readonly termBest: Float64Array;
  /**
   * Items touched by the query, and by its current word: kept from one query to the next, so a
   * common word touching thousands of items does not grow two fresh arrays per query (they were
   * a fifth of what an archive-wide question allocated).
   */
  private touched: Int32Array<ArrayBuffer> = new Int32Array(64);
  private termTouched: Int32Array<ArrayBuffer> = new Int32Array(64);
  /**
   * A query's best candidates (item, BM25, then score, coverage and rank order), in arrays kept
   * from one query to the next like {@link touched}: an object per candidate, and a boxed
   * number per field of it, were most of what a query over the article index allocated.
   */
  private candidateDocs: Int32Array<ArrayBuffer> = new Int32Array(DEFAULT_CANDIDATES);
  private candidateBm25: Float64Array<ArrayBuffer> = new Float64Array(DEFAULT_CANDIDATES);
  private candidateScores: Float64Array<ArrayBuffer> = new Float64Array(DEFAULT_CANDIDATES);
  private candidateCoverages: Float64Array<ArrayBuffer> = new Float64Array(DEFAULT_CANDIDATES);
  private candidateOrder: Int32Array<ArrayBuffer> = new Int32Array(DEFAULT_CANDIDATES);
  private sortedWords: string[] | null = null;
  /** Per item, BM25's length term `K1 * (1 - B + B * length / avgLength)`, made by prepare() or the first search. */
  private norms: Float64Array | null = null;

  /**
   * Builds the index in one go (small collections, tests). With `vocabulary`, an index over the
   * same terms and words (see {@link articleLevelState}), its lookup tables are shared, not copied.
   */
  constructor(
    items: readonly T[],
    toDoc: (item: T) => SearchDoc,
    options: SearchIndexOptions = {},
    state?: SearchIndexState,
    vocabulary?: SearchIndex<unknown>,
  ) {
    this.items = items;
    this.toDoc = toDoc;
    if (state) this.state = state;
    else {
      const builder = new IndexBuilder(items, toDoc, options);
      builder.step(items.length);
      this.state = builder.finish();
    }
    this.articleIndex = new Map(this.state.articleIds.map((a, i) => [a, i]));
    const shared =
      vocabulary && vocabulary.state.terms === this.state.terms && vocabulary.state.words === this.state.words
        ? vocabulary
        : undefined;
    this.vocabulary = shared;
    this.termIds = shared?.termIds ?? new Map(this.state.terms.map((t, i) => [t, i]));
    this.wordIds =
      shared?.wordIds ?? new Map(this.state.words.map((w, i) => [w, this.state.wordTerms[i] as number]));
    this.expansionCache = shared?.expansionCache ?? new Map<string, Expansion[]>();
    this.accumulator = new Float64Array(items.length);
    this.termBest = new Float64Array(items.length);
  }

  /** Builds the index in slices, yielding to the event loop between them. */
  static async build<T>(
    items: readonly T[],
    toDoc: (item: T) => SearchDoc,
    options: SearchIndexOptions = {},
  ): Promise<SearchIndex<T>> {
    const builder = new IndexBuilder(items, toDoc, options);
    while (!builder.done) {
      builder.step(BUILD_SLICE);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return new SearchIndex(items, toDoc, options, builder.finish());
  }

  /**
   * Each item's BM25 length term, worked out once per index rather than once per posting read
   * (a common word's postings run to thousands per query). Same expression, so the same doubles.
   */
  private lengthNorms(): Float64Array {
    if (this.norms) return this.norms;
    const { lengths, avgLength } = this.state;
    const norms = new Float64Array(this.items.length);
    for (let doc = 0; doc < norms.length; doc++)
      norms[doc] = BM25_K1 * (1 - BM25_B + (BM25_B * (lengths[doc] as number)) / avgLength);
    this.norms = norms;
    return norms;
  }

  /** The index's flat state, for the on-disk snapshot. */
  toState(): SearchIndexState {
    return this.state;
  }

  get size(): number {
    return this.items.length;
  }

  /** The weight of the best of a query word's variants that item `doc` holds (0: none). */
  private bestWeight(doc: number, variants: readonly Expansion[]): number {
    const { docStart, docTerms } = this.state;
    const from = docStart[doc] as number;
    const to = docStart[doc + 1] as number;
    let w = 0;
    for (const v of variants) {
      if (v.weight <= w) continue;
      for (let i = from; i < to; i++)
        if (docTerms[i] === v.id) {
          w = v.weight;
          break;
        }
    }
    return w;
  }

  /** Room for `k` candidates in the scratch arrays. */
  private candidateRoom(k: number): void {
    if (this.candidateDocs.length >= k) return;
    this.candidateDocs = new Int32Array(k);
    this.candidateBm25 = new Float64Array(k);
    this.candidateScores = new Float64Array(k);
    this.candidateCoverages = new Float64Array(k);
    this.candidateOrder = new Int32Array(k);
  }

  /**
   * The `k` touched items of highest BM25 (times the caller's boost; ties: the earlier item) into
   * {@link candidateDocs} and {@link candidateBm25}, best first, clearing the accumulator; returns
   * how many. A bounded insertion: sorting every touched item (tens of thousands for a common
   * word in a large archive) would cost more than the rest of the query.
   */
  private topCandidates(
    nTouched: number,
    k: number,
    boost: ((docIndex: number) => number) | undefined,
  ): number {
    const acc = this.accumulator;
    const touched = this.touched;
    this.candidateRoom(k);
    const docs = this.candidateDocs;
    const bm25s = this.candidateBm25;
    let n = 0;
    for (let j = 0; j < nTouched; j++) {
      const doc = touched[j] as number;
      const bm25 = (acc[doc] as number) * (boost ? boost(doc) : 1);
      acc[doc] = 0;
      if (k <= 0) continue;
      if (n === k) {
        const last = bm25s[k - 1] as number;
        if (bm25 < last || (bm25 === last && doc > (docs[k - 1] as number))) continue;
        n--;
      }
      let at = n;
      while (at > 0) {
        const prev = bm25s[at - 1] as number;
        if (prev > bm25 || (prev === bm25 && (docs[at - 1] as number) < doc)) break;
        bm25s[at] = prev;
        docs[at] = docs[at - 1] as number;
        at--;
      }
      bm25s[at] = bm25;
      docs[at] = doc;
      n++;
    }
    return n;
  }

  /**
   * The first `count` candidates' ranks ordered by score, then BM25 (higher first), then item
   * (earlier first), into {@link candidateOrder}: an insertion sort of a few dozen, no comparator.
   */
  private rankByScore(count: number): Int32Array {
    const order = this.candidateOrder;
    const scores = this.candidateScores;
    const bm25s = this.candidateBm25;
    const docs = this.candidateDocs;
    for (let i = 0; i < count; i++) {
      let at = i;
      while (at > 0 && ranksBefore(scores, bm25s, docs, i, order[at - 1] as number)) {
        order[at] = order[at - 1] as number;
        at--;
      }
      order[at] = i;
    }
    return order;
  }

  /** The idf of a word found in a single item. */
  private get rarestIdf(): number {
    const n = this.items.length;
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  private df(id: number): number {
    return (this.state.postingStart[id + 1] ?? 0) - (this.state.postingStart[id] ?? 0);
  }

  private idf(id: number): number {
    const df = this.df(id);
    return Math.log(1 + (this.items.length - df + 0.5) / (df + 0.5));
  }

  /** An item's normalised text (kept with `keepText`, otherwise derived again). */
  matchText(doc: number): string {
    return this.textOf(doc);
  }

  private textOf(doc: number): string {
    return this.state.matchTexts?.[doc] ?? matchForm(this.toDoc(this.items[doc] as T).text);
  }

  /** Trigrams of every word, built on the first typo lookup (most queries never need them). */
  private trigramIndex(): Map<string, string[]> {
    if (this.vocabulary) return this.vocabulary.trigramIndex();
    if (this.byTrigram) return this.byTrigram;
    const map = new Map<string, string[]>();
    for (const word of this.state.words) {
      if (word.length < 3) continue;
      for (const g of trigrams(word)) {
        const list = map.get(g);
        if (list) list.push(word);
        else map.set(g, [word]);
      }
    }
    this.byTrigram = map;
    return map;
  }

  /**
   * Builds the lookup tables that are otherwise made on first use (typo trigrams, the sorted
   * vocabulary, the BM25 length terms), so no user's query pays for them.
   */
  prepare(): void {
    this.trigramIndex();
    this.lengthNorms();
    if (!this.vocabulary) this.sortedWords ??= [...this.state.words].sort();
  }

  /** Words that begin with `prefix` (at most `limit`), by binary search over the sorted vocabulary. */
  private withPrefix(prefix: string, limit = 40): string[] {
    if (this.vocabulary) return this.vocabulary.withPrefix(prefix, limit);
    this.sortedWords ??= [...this.state.words].sort();
    const words = this.sortedWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((words[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < words.length && out.length < limit; i++) {
      const w = words[i] ?? '';
      if (!w.startsWith(prefix)) break;
      out.push(w);
    }
    return out;
  }

  /**
   * The index terms a query word stands for: its own stem, stems of words one or two typos away
   * (compared as written, so "monitoirng" finds "monitoring" before stemming), synonyms.
   */
  private expand(word: string, st: string): Expansion[] {
    const cached = this.expansionCache.get(word);
    if (cached) return cached;
    const out: Expansion[] = [];
    const add = (id: number | undefined, weight: number): void => {
      if (id === undefined) return;
      const existing = out.find((e) => e.id === id);
      if (!existing) out.push({ id, weight });
      else if (existing.weight < weight) existing.weight = weight;
    };
    add(this.termIds.get(st) ?? this.wordIds.get(word), 1);
    const k = maxEdits(word.length);
    if (k > 0 && !this.wordIds.has(word)) {
      const grams = trigrams(word);
      const byTrigram = this.trigramIndex();
      const shared = new Map<string, number>();
      for (const g of grams) {
        for (const candidate of byTrigram.get(g) ?? [])
          shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
      }
      // An edit destroys at most three trigrams (a swap of neighbours four); sharing fewer than
      // that rules a word out before the exact distance is computed.
      const needed = Math.max(1, grams.length - 4 * k);
      for (const [candidate, count] of shared) {
        if (count < needed || Math.abs(candidate.length - word.length) > k) continue;
        const d = editDistance(word, candidate);
        if (d <= k) add(this.wordIds.get(candidate), typoWeight(word.length, d));
      }
    }
    for (const s of synonymsOf(st)) add(this.termIds.get(s), SYNONYM_WEIGHT);
    if (this.expansionCache.size >= MAX_CACHE) this.expansionCache.clear();
    this.expansionCache.set(word, out);
    return out;
  }

  /**
   * Items whose text starts with `prefix` (match forms compared), in index order: autocomplete
   * for what is typed before it has a content word ("We’ll d").
   */
  startingWith(prefix: string, limit: number, article?: string): T[] {
    const p = matchForm(prefix);
    const out: T[] = [];
    if (p === '') return out;
    const a = article === undefined ? undefined : this.articleIndex.get(article);
    if (article !== undefined && a === undefined) return out;
    for (let i = 0; i < this.items.length && out.length < limit; i++) {
      if ((a === undefined || this.state.articleOfDoc[i] === a) && this.textOf(i).startsWith(p))
        out.push(this.items[i] as T);
    }
    return out;
  }

  /** A query with no content word ("again and again"): fuse.js alone, only on small collections. */
  private fuseOnly(queryForm: string, article: number | undefined, limit: number): Hit<T>[] {
    if (this.items.length > FALLBACK_MAX_ITEMS || queryForm.length < 6) return [];
    const docs: number[] = [];
    for (let i = 0; i < this.items.length; i++)
      if (article === undefined || this.state.articleOfDoc[i] === article) docs.push(i);
    const fuse = new Fuse(
      docs.map((d) => this.textOf(d)),
      { includeScore: true, ignoreLocation: true, threshold: 0.3, isCaseSensitive: true },
    );
    return fuse.search(queryForm.slice(0, 256), { limit }).map((r) => {
      const similarity = 1 - (r.score ?? 1);
      const index = docs[r.refIndex] as number;
      return {
        item: this.items[index] as T,
        score: 0.9 * similarity,
        coverage: similarity,
        matched: [],
        index,
      };
    });
  }

  /** The query's content words and their stems, distinct stems, at most 64. */
  private queryTerms(queryWords: readonly string[]): { word: string; stem: string }[] {
    const terms: { word: string; stem: string }[] = [];
    for (const word of queryWords) {
      if (word === '' || STOPWORDS.has(word)) continue;
      const st = stem(word);
      if (terms.some((t) => t.stem === st)) continue;
      // A misspelt stop word ("teh") is neither a match nor a missing distinctive word.
      if (!this.wordIds.has(word) && !this.termIds.has(st) && isMisspeltStopword(word)) continue;
      terms.push({ word, stem: st });
      if (terms.length >= 64) break;
    }
    return terms;
  }

  /** The word being typed (autocomplete) also stands for every longer word it begins. */
  private withTypedWord(
    expansions: Expansion[][],
    terms: readonly { word: string }[],
    queryWords: readonly string[],
  ): void {
    const last = queryWords[queryWords.length - 1] ?? '';
    const i = terms.length - 1;
    if (last.length < 2 || i < 0 || terms[i]?.word !== last) return;
    const extra = this.withPrefix(last)
      .map((w) => this.wordIds.get(w))
      .filter((id): id is number => id !== undefined && !(expansions[i] ?? []).some((e) => e.id === id))
      .map((id) => ({ id, weight: 0.9 }));
    expansions[i] = [...(expansions[i] ?? []), ...extra];
  }

  /**
   * A query word's weight: a misspelt word has no idf of its own, it borrows its best variant's;
   * a word with no variant at all is one no item uses: it weighs like the rarest word the index
   * has, so items cannot claim to cover a query whose distinctive words they lack.
   */
  private wordIdf(variants: readonly Expansion[]): number {
    if (variants.length === 0) return this.rarestIdf;
    let best = 0.1;
    for (const e of variants) best = Math.max(best, this.idf(e.id));
    return best;
  }

  /** The largest document frequency of a query word's variants. */
  private dfOf(variants: readonly Expansion[]): number {
    let m = 0;
    for (const v of variants) m = Math.max(m, this.df(v.id));
    return m;
  }

  /**
   * BM25 of every item the query's words touch, into {@link accumulator} (items listed in
   * {@link touched}); returns how many. A word in a quarter of all items barely ranks anything but
   * costs a pass over all of them: when rarer words are in the query, it only counts in the
   * coverage of the final candidates.
   */
  private accumulate(expansions: readonly Expansion[][], filter: number | undefined): number {
    const n = this.items.length;
    const acc = this.accumulator;
    const termBest = this.termBest;
    let hasRare = false;
    for (const variants of expansions)
      if (variants.length > 0 && this.dfOf(variants) <= n * COMMON_SHARE) hasRare = true;
    let nTouched = 0;
    for (const variants of expansions) {
      if (hasRare && n >= 1000 && this.dfOf(variants) > n * COMMON_SHARE) continue;
      const nTermTouched = this.bestOfWord(variants, filter);
      const termTouched = this.termTouched;
      let touched = this.touched;
      for (let j = 0; j < nTermTouched; j++) {
        const doc = termTouched[j] as number;
        if (acc[doc] === 0) {
          if (nTouched === touched.length) touched = this.touched = grown(touched);
          touched[nTouched++] = doc;
        }
        acc[doc] = (acc[doc] as number) + (termBest[doc] as number);
        termBest[doc] = 0;
      }
    }
    return nTouched;
  }

  /**
   * Per item, the score of the best of one query word's variants it holds, into
   * {@link termBest} (items listed in {@link termTouched}); returns how many items.
   */
  private bestOfWord(variants: readonly Expansion[], filter: number | undefined): number {
    const { articleOfDoc, postingStart, postingDocs, postingTfs } = this.state;
    const norms = this.lengthNorms();
    const termBest = this.termBest;
    let termTouched = this.termTouched;
    let nTermTouched = 0;
    for (const v of variants) {
      const idf = this.idf(v.id);
      const from = postingStart[v.id] as number;
      const to = postingStart[v.id + 1] as number;
      for (let p = from; p < to; p++) {
        const doc = postingDocs[p] as number;
        if (filter !== undefined && articleOfDoc[doc] !== filter) continue;
        const tf = postingTfs[p] as number;
        const norm = tf + (norms[doc] as number);
        const sc = v.weight * idf * ((tf * (BM25_K1 + 1)) / norm);
        const prev = termBest[doc] as number;
        if (prev === 0) {
          if (nTermTouched === termTouched.length) termTouched = this.termTouched = grown(termTouched);
          termTouched[nTermTouched++] = doc;
        }
        if (sc > prev) termBest[doc] = sc;
      }
    }
    return nTermTouched;
  }

  /**
   * fuse.js's judgement of the whole query against each candidate (word order, near spellings
   * across word boundaries), by rank. A threshold below 1 lets its bitap search stop early on
   * poor candidates, which then simply get no fuzzy credit.
   */
  private fuseScores(count: number, queryForm: string): Map<number, number> {
    const scores = new Map<number, number>();
    const texts: string[] = [];
    for (let rank = 0; rank < count; rank++) texts.push(this.textOf(this.candidateDocs[rank] as number));
    const fuse = new Fuse(texts, {
      includeScore: true,
      ignoreLocation: true,
      threshold: FUSE_THRESHOLD,
      isCaseSensitive: true,
      shouldSort: false,
    });
    // One bitap pattern is 32 characters; longer queries cost a full pass per extra 32. The
    // whole query already counts through word coverage, so fuse.js judges its opening.
    for (const r of fuse.search(fusePattern(queryForm))) scores.set(r.refIndex, r.score ?? 1);
    return scores;
  }

  /**
   * Each candidate's coverage of the query and its confidence, into the scratch arrays, without
   * an object, a closure or a matched list per candidate.
   */
  private scoreCandidates(
    count: number,
    expansions: readonly Expansion[][],
    idfs: readonly number[],
    fuzzyScores: ReadonlyMap<number, number> | null,
  ): void {
    const docs = this.candidateDocs;
    const bm25s = this.candidateBm25;
    let totalIdf = 0;
    for (const w of idfs) totalIdf += w;
    const maxBm25 = count > 0 ? (bm25s[0] as number) : 1;
    for (let rank = 0; rank < count; rank++) {
      const doc = docs[rank] as number;
      let covered = 0;
      for (let i = 0; i < expansions.length; i++)
        covered += this.bestWeight(doc, expansions[i] as Expansion[]) * (idfs[i] ?? 0);
      const coverage = totalIdf > 0 ? covered / totalIdf : 0;
      const fuzzy = 1 - (fuzzyScores?.get(rank) ?? 1);
      this.candidateCoverages[rank] = coverage;
      this.candidateScores[rank] = Math.max(
        0,
        Math.min(1, 0.6 * coverage + 0.3 * fuzzy + 0.1 * ((bm25s[rank] as number) / maxBm25)),
      );
    }
  }

  /** The scored candidates as hits, best first, at most `limit`, none below `floor`. */
  private hitsOf(
    count: number,
    limit: number,
    floor: number,
    expansions: readonly Expansion[][],
    terms: readonly { stem: string }[],
  ): Hit<T>[] {
    const order = this.rankByScore(count);
    const hits: Hit<T>[] = [];
    for (let j = 0; j < count; j++) {
      if (hits.length >= limit) break;
      const rank = order[j] as number;
      const score = this.candidateScores[rank] as number;
      if (score < floor) continue;
      const doc = this.candidateDocs[rank] as number;
      const matched: string[] = [];
      for (let i = 0; i < expansions.length; i++)
        if (this.bestWeight(doc, expansions[i] as Expansion[]) > 0) matched.push(terms[i]?.stem ?? '');
      hits.push({
        item: this.items[doc] as T,
        score,
        coverage: this.candidateCoverages[rank] as number,
        matched,
        index: doc,
      });
    }
    return hits;
  }

  /**
   * Ranked hits for `query`, best first. Items that share no term with the query are never
   * returned, so an unrelated question gets nothing rather than the nearest wrong passage. In
   * steps of their own (a function this hot compiles faster, and deoptimises less, in pieces).
   */
  search(query: string, options: SearchOptions = {}): Hit<T>[] {
    const limit = options.limit ?? 10;
    if (this.items.length === 0) return [];
    const filter = options.article === undefined ? undefined : this.articleIndex.get(options.article);
    if (options.article !== undefined && filter === undefined) return [];
    const queryForm = matchForm(query.slice(0, 2000));
    const queryWords = queryForm.split(' ');
    const terms = this.queryTerms(queryWords);
    if (terms.length === 0)
      return options.fuzzyFallback === false ? [] : this.fuseOnly(queryForm, filter, limit);
    const expansions = terms.map((t) => this.expand(t.word, t.stem));
    if (options.prefix) this.withTypedWord(expansions, terms, queryWords);
    const idfs = expansions.map((variants) => this.wordIdf(variants));
    const nTouched = this.accumulate(expansions, filter);
    if (nTouched === 0) return [];
    const count = this.topCandidates(nTouched, options.candidates ?? DEFAULT_CANDIDATES, options.boost);
    const fuzzy = options.rerank !== false ? this.fuseScores(count, queryForm) : null;
    this.scoreCandidates(count, expansions, idfs, fuzzy);
    return this.hitsOf(count, limit, options.minScore ?? 0, expansions, terms);
  }
}

/**
 * One document per article from an index of an article's pieces (its sentences): the same
 * terms and vocabulary, postings and counts summed per article, lengths added up. Built from the
 * pieces' postings in one pass, without re-tokenising any text, so it costs a few milliseconds at
 * start-up rather than a second index build. Documents are in `articleIds` order.
 */
export function articleLevelState(state: SearchIndexState): SearchIndexState {
  const { articleOfDoc, postingStart, postingDocs, postingTfs } = state;
  const nArticles = state.articleIds.length;
  const nTerms = state.terms.length;
  const newStart = new Uint32Array(nTerms + 1);
  const docs = new Int32Array(postingDocs.length);
  const tfs = new Uint16Array(postingDocs.length);
  let n = 0;
  // A term's postings are in document order and documents in article order, so an article's
  // postings of one term are consecutive: merging is one comparison with the previous one.
  for (let t = 0; t < nTerms; t++) {
    const first = n;
    const to = postingStart[t + 1] as number;
    for (let p = postingStart[t] as number; p < to; p++) {
      const a = articleOfDoc[postingDocs[p] as number] as number;
      const tf = postingTfs[p] as number;
      if (n > first && docs[n - 1] === a) tfs[n - 1] = Math.min(65535, (tfs[n - 1] as number) + tf);
      else {
        docs[n] = a;
        tfs[n] = tf;
        n++;
      }
    }
    newStart[t + 1] = n;
  }
  const postingDocsA = docs.slice(0, n);
  const lengthSum = new Float64Array(nArticles);
  for (let d = 0; d < state.lengths.length; d++)
    lengthSum[articleOfDoc[d] as number] =
      (lengthSum[articleOfDoc[d] as number] as number) + (state.lengths[d] as number);
  // Each article's distinct terms (counting sort of the postings by article; terms ascend): only
  // membership is asked of a whole article's terms.
  const docStart = new Uint32Array(nArticles + 1);
  for (let p = 0; p < n; p++) {
    const a = (postingDocsA[p] as number) + 1;
    docStart[a] = (docStart[a] as number) + 1;
  }
  for (let a = 0; a < nArticles; a++) docStart[a + 1] = (docStart[a + 1] as number) + (docStart[a] as number);
  const fill = docStart.slice(0, nArticles);
  const docTerms = new Int32Array(n);
  for (let t = 0; t < nTerms; t++)
    for (let p = newStart[t] as number; p < (newStart[t + 1] as number); p++) {
      const a = postingDocsA[p] as number;
      docTerms[fill[a] as number] = t;
      fill[a] = (fill[a] as number) + 1;
    }
  let total = 0;
  for (const l of lengthSum) total += l;
  return {
    articleIds: state.articleIds,
    articleOfDoc: Uint32Array.from({ length: nArticles }, (_, i) => i),
    terms: state.terms,
    postingStart: newStart,
    postingDocs: postingDocsA,
    postingTfs: tfs.slice(0, n),
    docTerms,
    docStart,
    lengths: Uint16Array.from(lengthSum, (l) => Math.min(l, 65535)),
    words: state.words,
    wordTerms: state.wordTerms,
    avgLength: nArticles > 0 ? total / nArticles || 1 : 1,
    matchTexts: null,
  };
}
