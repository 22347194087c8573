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

/** Collections up to this size are searched by fuse.js alone when a query has no content word. */
const FALLBACK_MAX_ITEMS = 2000;

export interface SearchIndexOptions {
  /** Keep every item's match form (needed for {@link SearchIndex.startingWith}); costs memory. */
  keepText?: boolean;
}

export class SearchIndex<T> {
  readonly items: readonly T[];
  private readonly toDoc: (item: T) => SearchDoc;
  /** Article of each item, as an index into `articleIds` (one string per article, not per item). */
  private readonly articleOfDoc: Uint32Array;
  private readonly articleIds: string[] = [];
  private readonly articleIndex = new Map<string, number>();
  private readonly matchTexts: string[] | null;
  /** Stem -> term id; postings and per-item terms are stored by id in typed arrays. */
  private readonly termIds = new Map<string, number>();
  private readonly postingDocs: Int32Array[] = [];
  private readonly postingTfs: Uint16Array[] = [];
  /** Each item's distinct term ids: `docTerms[docStart[i] .. docStart[i+1])`. */
  private readonly docTerms: Int32Array;
  private readonly docStart: Uint32Array;
  private readonly lengths: Uint16Array;
  private readonly avgLength: number;
  /** Every distinct word as written (folded, unstemmed) -> its stem's term id: typo lookups. */
  private readonly words = new Map<string, number>();
  private readonly byTrigram = new Map<string, string[]>();
  private readonly expansionCache = new Map<string, Expansion[]>();
  private readonly accumulator: Float64Array;
  private sortedWords: string[] | null = null;

  constructor(items: readonly T[], toDoc: (item: T) => SearchDoc, options: SearchIndexOptions = {}) {
    this.items = items;
    this.toDoc = toDoc;
    const n = items.length;
    this.articleOfDoc = new Uint32Array(n);
    this.matchTexts = options.keepText ? new Array<string>(n) : null;
    this.lengths = new Uint16Array(n);
    this.accumulator = new Float64Array(n);
    this.docStart = new Uint32Array(n + 1);
    const docs: number[][] = [];
    const tfs: number[][] = [];
    const perDoc: number[] = [];
    const counts = new Map<number, number>();
    let total = 0;
    items.forEach((item, docIndex) => {
      const doc = toDoc(item);
      let a = this.articleIndex.get(doc.article);
      if (a === undefined) {
        a = this.articleIds.length;
        this.articleIds.push(doc.article);
        this.articleIndex.set(doc.article, a);
      }
      this.articleOfDoc[docIndex] = a;
      const form = matchForm(doc.text);
      if (this.matchTexts) this.matchTexts[docIndex] = form;
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
            docs.push([]);
            tfs.push([]);
          }
          this.words.set(word, id);
          if (word.length >= 3) {
            for (const g of trigrams(word)) {
              const list = this.byTrigram.get(g);
              if (list) list.push(word);
              else this.byTrigram.set(g, [word]);
            }
          }
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
        length++;
      }
      this.lengths[docIndex] = Math.min(length, 65535);
      total += length;
      for (const [id, tf] of counts) {
        (docs[id] as number[]).push(docIndex);
        (tfs[id] as number[]).push(Math.min(tf, 65535));
        perDoc.push(id);
      }
      this.docStart[docIndex + 1] = perDoc.length;
    });
    // Typed arrays take a quarter of the memory of JS number arrays and are frozen after the build.
    for (let id = 0; id < docs.length; id++) {
      this.postingDocs.push(Int32Array.from(docs[id] as number[]));
      this.postingTfs.push(Uint16Array.from(tfs[id] as number[]));
    }
    this.docTerms = Int32Array.from(perDoc);
    this.avgLength = n > 0 ? total / n || 1 : 1;
  }

  get size(): number {
    return this.items.length;
  }

  /** Article id of the item at `docIndex`. */
  articleOf(docIndex: number): string {
    return this.articleIds[this.articleOfDoc[docIndex] ?? 0] ?? '';
  }

  /** The idf of a word found in a single item. */
  private get rarestIdf(): number {
    const n = this.items.length;
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  private idf(id: number): number {
    const df = this.postingDocs[id]?.length ?? 0;
    return Math.log(1 + (this.items.length - df + 0.5) / (df + 0.5));
  }

  private textOf(doc: number): string {
    return this.matchTexts?.[doc] ?? matchForm(this.toDoc(this.items[doc] as T).text);
  }

  /** Words that begin with `prefix` (at most `limit`), by binary search over the sorted vocabulary. */
  private withPrefix(prefix: string, limit = 40): string[] {
    this.sortedWords ??= [...this.words.keys()].sort();
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
    add(this.termIds.get(st) ?? this.words.get(word), 1);
    const k = maxEdits(word.length);
    if (k > 0 && !this.words.has(word)) {
      const grams = trigrams(word);
      const shared = new Map<string, number>();
      for (const g of grams) {
        for (const candidate of this.byTrigram.get(g) ?? [])
          shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
      }
      // An edit destroys at most three trigrams (a swap of neighbours four); sharing fewer than
      // that rules a word out before the exact distance is computed.
      const needed = Math.max(1, grams.length - 4 * k);
      for (const [candidate, count] of shared) {
        if (count < needed || Math.abs(candidate.length - word.length) > k) continue;
        const d = editDistance(word, candidate);
        if (d <= k) add(this.words.get(candidate), typoWeight(word.length, d));
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
      if ((a === undefined || this.articleOfDoc[i] === a) && this.textOf(i).startsWith(p))
        out.push(this.items[i] as T);
    }
    return out;
  }

  /** A query with no content word ("again and again"): fuse.js alone, only on small collections. */
  private fuseOnly(queryForm: string, article: number | undefined, limit: number): Hit<T>[] {
    if (this.items.length > FALLBACK_MAX_ITEMS || queryForm.length < 6) return [];
    const docs: number[] = [];
    for (let i = 0; i < this.items.length; i++)
      if (article === undefined || this.articleOfDoc[i] === article) docs.push(i);
    const fuse = new Fuse(
      docs.map((d) => this.textOf(d)),
      { includeScore: true, ignoreLocation: true, threshold: 0.3, isCaseSensitive: true },
    );
    return fuse.search(queryForm.slice(0, 256), { limit }).map((r) => {
      const similarity = 1 - (r.score ?? 1);
      return {
        item: this.items[docs[r.refIndex] as number] as T,
        score: 0.9 * similarity,
        coverage: similarity,
        matched: [],
        index: docs[r.refIndex] as number,
      };
    });
  }

  /**
   * Ranked hits for `query`, best first. Items that share no term with the query are never
   * returned, so an unrelated question gets nothing rather than the nearest wrong passage.
   */
  search(query: string, options: SearchOptions = {}): Hit<T>[] {
    const limit = options.limit ?? 10;
    if (this.items.length === 0) return [];
    const filter = options.article === undefined ? undefined : this.articleIndex.get(options.article);
    if (options.article !== undefined && filter === undefined) return [];
    const queryForm = matchForm(query.slice(0, 2000));
    const queryWords = queryForm.split(' ');
    const terms: { word: string; stem: string }[] = [];
    for (const word of queryWords) {
      if (word === '' || STOPWORDS.has(word)) continue;
      const st = stem(word);
      if (terms.some((t) => t.stem === st)) continue;
      // A misspelt stop word ("teh") is neither a match nor a missing distinctive word.
      if (!this.words.has(word) && !this.termIds.has(st) && isMisspeltStopword(word)) continue;
      terms.push({ word, stem: st });
      if (terms.length >= 64) break;
    }
    if (terms.length === 0) return this.fuseOnly(queryForm, filter, limit);
    const expansions = terms.map((t) => this.expand(t.word, t.stem));
    if (options.prefix) {
      // The word being typed: it also stands for every longer word it begins.
      const last = queryWords[queryWords.length - 1] ?? '';
      const i = terms.length - 1;
      if (last.length >= 2 && i >= 0 && terms[i]?.word === last) {
        const extra = this.withPrefix(last)
          .map((w) => this.words.get(w))
          .filter((id): id is number => id !== undefined && !(expansions[i] ?? []).some((e) => e.id === id))
          .map((id) => ({ id, weight: 0.9 }));
        expansions[i] = [...(expansions[i] ?? []), ...extra];
      }
    }
    const idfs = expansions.map((variants) =>
      // A misspelt query word has no idf of its own: it borrows its best variant's. A word with
      // no variant at all is one no item uses: it weighs like the rarest word the index has, so
      // items cannot claim to cover a query whose distinctive words they lack.
      variants.length === 0 ? this.rarestIdf : Math.max(...variants.map((e) => this.idf(e.id)), 0.1),
    );
    const acc = this.accumulator;
    const touched: number[] = [];
    const best = new Map<number, number>();
    for (const variants of expansions) {
      // Per query word only its best-scoring variant counts for an item.
      best.clear();
      for (const v of variants) {
        const docs = this.postingDocs[v.id];
        const tfs = this.postingTfs[v.id];
        if (!docs || !tfs) continue;
        const idf = this.idf(v.id);
        for (let p = 0; p < docs.length; p++) {
          const doc = docs[p] as number;
          if (filter !== undefined && this.articleOfDoc[doc] !== filter) continue;
          const tf = tfs[p] as number;
          const norm =
            tf + BM25_K1 * (1 - BM25_B + (BM25_B * (this.lengths[doc] as number)) / this.avgLength);
          const s = v.weight * idf * ((tf * (BM25_K1 + 1)) / norm);
          const prev = best.get(doc);
          if (prev === undefined || s > prev) best.set(doc, s);
        }
      }
      for (const [doc, s] of best) {
        if (acc[doc] === 0) touched.push(doc);
        acc[doc] = (acc[doc] as number) + s;
      }
    }
    if (touched.length === 0) return [];
    const boost = options.boost;
    const ranked = touched.map((doc) => ({ doc, bm25: (acc[doc] as number) * (boost ? boost(doc) : 1) }));
    for (const doc of touched) acc[doc] = 0;
    ranked.sort((a, b) => b.bm25 - a.bm25 || a.doc - b.doc);
    const candidates = ranked.slice(0, options.candidates ?? DEFAULT_CANDIDATES);

    // fuse.js judges the whole query against each candidate (word order, near spellings across
    // word boundaries). A threshold below 1 lets its bitap search stop early on poor candidates,
    // which then simply get no fuzzy credit.
    const fuse = new Fuse(
      candidates.map((c) => this.textOf(c.doc)),
      {
        includeScore: true,
        ignoreLocation: true,
        threshold: FUSE_THRESHOLD,
        isCaseSensitive: true,
        shouldSort: false,
      },
    );
    const fuseScores = new Map<number, number>();
    for (const r of fuse.search(queryForm.slice(0, 256))) fuseScores.set(r.refIndex, r.score ?? 1);

    const totalIdf = idfs.reduce((a, b) => a + b, 0);
    const maxBm25 = candidates[0]?.bm25 ?? 1;
    const hits: (Hit<T> & { bm25: number })[] = candidates.map(({ doc, bm25 }, rank) => {
      const from = this.docStart[doc] as number;
      const to = this.docStart[doc + 1] as number;
      const has = (id: number): boolean => {
        for (let i = from; i < to; i++) if (this.docTerms[i] === id) return true;
        return false;
      };
      let covered = 0;
      const matched: string[] = [];
      expansions.forEach((variants, i) => {
        let w = 0;
        for (const v of variants) if (v.weight > w && has(v.id)) w = v.weight;
        if (w > 0) matched.push(terms[i]?.stem ?? '');
        covered += w * (idfs[i] ?? 0);
      });
      const coverage = totalIdf > 0 ? covered / totalIdf : 0;
      const fuzzy = 1 - (fuseScores.get(rank) ?? 1);
      const score = Math.max(0, Math.min(1, 0.6 * coverage + 0.3 * fuzzy + 0.1 * (bm25 / maxBm25)));
      return { item: this.items[doc] as T, score, coverage, matched, index: doc, bm25 };
    });
    hits.sort((a, b) => b.score - a.score || b.bm25 - a.bm25 || a.index - b.index);
    const floor = options.minScore ?? 0;
    return hits
      .filter((h) => h.score >= floor)
      .slice(0, limit)
      .map(({ item, score, coverage, matched, index }) => ({ item, score, coverage, matched, index }));
  }
}
