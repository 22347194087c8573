import Fuse from 'fuse.js';
import { matchForm, termsOfMatchForm } from '../text/match.ts';
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
  term: string;
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
 * Allowed typos for a term of this length: none for words under five letters, whose one-letter
 * neighbours are mostly other real words (stop/step, base/case).
 */
function maxEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

export class SearchIndex<T> {
  readonly items: readonly T[];
  private readonly articles: string[];
  private readonly matchTexts: string[];
  /** Term -> postings. `docs` ascending; `tfs` the term's count in each. */
  private readonly postings = new Map<string, { docs: number[]; tfs: number[] }>();
  /** Each item's distinct terms, for the coverage check of the few re-ranked candidates. */
  private readonly docTerms: string[][];
  private readonly lengths: Float64Array;
  private readonly avgLength: number;
  private readonly byTrigram = new Map<string, string[]>();
  private readonly expansionCache = new Map<string, Expansion[]>();
  private readonly accumulator: Float64Array;
  private sortedTerms: string[] | null = null;

  constructor(items: readonly T[], toDoc: (item: T) => SearchDoc) {
    this.items = items;
    this.articles = new Array<string>(items.length);
    this.matchTexts = new Array<string>(items.length);
    this.docTerms = new Array<string[]>(items.length);
    this.lengths = new Float64Array(items.length);
    this.accumulator = new Float64Array(items.length);
    let total = 0;
    const counts = new Map<string, number>();
    items.forEach((item, docIndex) => {
      const doc = toDoc(item);
      const form = matchForm(doc.text);
      this.articles[docIndex] = doc.article;
      this.matchTexts[docIndex] = form;
      const terms = termsOfMatchForm(form);
      this.lengths[docIndex] = terms.length;
      total += terms.length;
      counts.clear();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      this.docTerms[docIndex] = [...counts.keys()];
      for (const [term, tf] of counts) {
        let posting = this.postings.get(term);
        if (!posting) {
          posting = { docs: [], tfs: [] };
          this.postings.set(term, posting);
          if (term.length >= 5) {
            for (const g of trigrams(term)) {
              const list = this.byTrigram.get(g);
              if (list) list.push(term);
              else this.byTrigram.set(g, [term]);
            }
          }
        }
        posting.docs.push(docIndex);
        posting.tfs.push(tf);
      }
    });
    this.avgLength = items.length > 0 ? total / items.length || 1 : 1;
  }

  get size(): number {
    return this.items.length;
  }

  /** Article id of the item at `docIndex`. */
  articleOf(docIndex: number): string {
    return this.articles[docIndex] ?? '';
  }

  /** The idf of a word found in a single item. */
  private get rarestIdf(): number {
    const n = this.items.length;
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.items.length - df + 0.5) / (df + 0.5));
  }

  /** Index terms that begin with `prefix` (at most `limit`), by binary search over the sorted vocabulary. */
  private withPrefix(prefix: string, limit = 40): string[] {
    this.sortedTerms ??= [...this.postings.keys()].sort();
    const terms = this.sortedTerms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((terms[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < terms.length && out.length < limit; i++) {
      const t = terms[i] ?? '';
      if (!t.startsWith(prefix)) break;
      out.push(t);
    }
    return out;
  }

  /** The index terms a query term stands for: itself, near spellings, synonyms. */
  private expand(term: string): Expansion[] {
    const cached = this.expansionCache.get(term);
    if (cached) return cached;
    const out: Expansion[] = [];
    if (this.postings.has(term)) out.push({ term, weight: 1 });
    const k = maxEdits(term.length);
    if (k > 0) {
      const grams = trigrams(term);
      const shared = new Map<string, number>();
      for (const g of grams) {
        for (const candidate of this.byTrigram.get(g) ?? [])
          shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
      }
      // Each edit destroys at most three trigrams; fewer shared than that cannot be within k edits.
      const needed = Math.max(1, grams.length - 3 * k);
      for (const [candidate, count] of shared) {
        if (candidate === term || count < needed || Math.abs(candidate.length - term.length) > k) continue;
        const d = editDistance(term, candidate);
        if (d <= k) out.push({ term: candidate, weight: TYPO_WEIGHT - 0.1 * (d - 1) });
      }
    }
    for (const s of synonymsOf(term)) {
      if (this.postings.has(s) && !out.some((e) => e.term === s))
        out.push({ term: s, weight: SYNONYM_WEIGHT });
    }
    if (this.expansionCache.size >= MAX_CACHE) this.expansionCache.clear();
    this.expansionCache.set(term, out);
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
    for (let i = 0; i < this.items.length && out.length < limit; i++) {
      if (
        (article === undefined || this.articles[i] === article) &&
        (this.matchTexts[i] ?? '').startsWith(p)
      ) {
        out.push(this.items[i] as T);
      }
    }
    return out;
  }

  /**
   * Ranked hits for `query`, best first. Items that share no term with the query are never
   * returned, so an unrelated question gets nothing rather than the nearest wrong passage.
   */
  search(query: string, options: SearchOptions = {}): Hit<T>[] {
    const limit = options.limit ?? 10;
    const queryForm = matchForm(query.slice(0, 2000));
    const terms = [...new Set(termsOfMatchForm(queryForm))].slice(0, 64);
    if (terms.length === 0 || this.items.length === 0) return [];
    const expansions = terms.map((t) => this.expand(t));
    if (options.prefix) {
      // The word being typed: its raw (unstemmed) form is what the user has so far.
      const words = queryForm.split(' ');
      const last = words[words.length - 1] ?? '';
      const i = terms.length - 1;
      if (last.length >= 2 && i >= 0) {
        const extra = this.withPrefix(last)
          .filter((t) => !(expansions[i] ?? []).some((e) => e.term === t))
          .map((t) => ({ term: t, weight: 0.9 }));
        expansions[i] = [...(expansions[i] ?? []), ...extra];
      }
    }
    const idfs = terms.map((_term, i) => {
      // A misspelt query term has no idf of its own: borrow its best variant's. A term with no
      // variant at all is one no item uses: it weighs like the rarest word the index has, so
      // items cannot claim to cover a query whose distinctive words they lack.
      const variants = expansions[i] ?? [];
      if (variants.length === 0) return this.rarestIdf;
      return Math.max(...variants.map((e) => this.idf(e.term)), 0.1);
    });
    const acc = this.accumulator;
    const touched: number[] = [];
    const filter = options.article;
    const best = new Map<number, number>();
    for (const variants of expansions) {
      // Per query term only its best-scoring variant counts for a document.
      best.clear();
      for (const v of variants) {
        const posting = this.postings.get(v.term);
        if (!posting) continue;
        const idf = this.idf(v.term);
        const { docs, tfs } = posting;
        for (let p = 0; p < docs.length; p++) {
          const doc = docs[p] as number;
          if (filter !== undefined && this.articles[doc] !== filter) continue;
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
      candidates.map((c) => this.matchTexts[c.doc] ?? ''),
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
      const words = this.docTerms[doc] ?? [];
      let covered = 0;
      const matched: string[] = [];
      expansions.forEach((variants, i) => {
        let w = 0;
        for (const v of variants) if (v.weight > w && words.includes(v.term)) w = v.weight;
        if (w > 0) matched.push(terms[i] ?? '');
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
