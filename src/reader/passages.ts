import type { Article } from '../article/types.ts';
import { contentTerms } from '../text/match.ts';
import { synonymsOf } from '../text/synonyms.ts';
import { wordnetLinks } from '../knowledge/lexicon/wordnet.ts';
import { derivedRoot } from './morph.ts';
import { paraphrasesOf } from './paraphrase.ts';

/**
 * Paragraph statistics of one article for BM25, built on first use and kept for the
 * {@link STATS_KEPT} articles read most recently.
 */
export interface ArticleStats {
  article: Article;
  /**
   * Per paragraph: term -> count (stems, and `~root` keys of their derivational roots). Each
   * paragraph's map is made when first read, like {@link sentenceSets}: ranking counts the
   * question's keys from the terms themselves, and most of an article's paragraphs are never
   * read (the maps were most of what a first question on an article left in memory).
   */
  tf: Map<string, number>[];
  lengths: number[];
  /** Per paragraph, per sentence: its terms, in order. */
  sentenceTerms: string[][][];
  /**
   * Per paragraph, per sentence: its terms and roots, for membership tests. Each paragraph's sets
   * are made when first read (a question reads two or three of an article's paragraphs, and the
   * sets were a third of what reading a new article allocated).
   */
  sentenceSets: Set<string>[][];
  /**
   * Per paragraph: the `~root` key ({@link root}) of each of its terms, sentence after sentence
   * (flat), worked out once with the document frequencies: ranking counts every term's root for
   * each question, and a cache lookup per term was a tenth of a question's reading.
   */
  roots: string[][];
  df: Map<string, number>;
  avgLength: number;
}

/**
 * Derivational root of a stem ("election" -> "elect", "construction" -> "construct",
 * "murderer" -> "murder"), so a question's noun meets the article's verb. Conservative: the root
 * keeps at least four letters.
 */
export function root(s: string): string {
  const hit = rootCache.get(s);
  if (hit !== undefined) return hit;
  const made = `~${derivedRoot(s)}`;
  // Bounded: a flood of unique words must not grow memory without limit.
  if (rootCache.size >= 100_000) rootCache.clear();
  rootCache.set(s, made);
  return made;
}
const rootCache = new Map<string, string>();

/**
 * Articles whose statistics are kept (least recently read dropped first): tens of kilobytes
 * each, so an archive of 10,000 articles asked about for long would otherwise hold them all.
 */
export const STATS_KEPT = 2000;
const cache = new Map<Article, ArticleStats>();

/**
 * Per paragraph, per sentence, the content terms of an article in order (what `contentTerms`
 * gives for each sentence's text). A caller that already has them (the archive's sentence index)
 * passes them to {@link statsOf} so the article is not tokenised again.
 */
export type SentenceTerms = (article: Article) => string[][][] | null;

const tokenised = (article: Article): string[][][] =>
  article.paragraphs.map((p) => p.sentences.map((s) => contentTerms(s.text)));

export function statsOf(article: Article, known?: SentenceTerms): ArticleStats {
  const hit = cache.get(article);
  if (hit) {
    cache.delete(article);
    cache.set(article, hit);
    return hit;
  }
  const byParagraph = known?.(article) ?? tokenised(article);
  const tf: Map<string, number>[] = [];
  const lengths: number[] = [];
  const sentenceTerms: string[][][] = [];
  const sentenceSets: Set<string>[][] = [];
  const roots = byParagraph.map(rootsOf);
  const df = documentFrequencies(byParagraph, roots);
  for (const perSentence of byParagraph) {
    lengths.push(perSentence.reduce((n, s) => n + s.length, 0));
    sentenceTerms.push(perSentence);
  }
  for (let p = 0; p < sentenceTerms.length; p++) {
    lazyCounts(tf, p, sentenceTerms[p] ?? [], roots[p] ?? []);
    lazySets(sentenceSets, p, sentenceTerms[p] ?? [], roots[p] ?? []);
  }
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) || 1;
  const stats = { article, tf, lengths, sentenceTerms, sentenceSets, roots, df, avgLength };
  if (cache.size >= STATS_KEPT) cache.delete(cache.keys().next().value as Article);
  cache.set(article, stats);
  return stats;
}

/** Paragraphs told apart while an article's document frequencies are counted. */
const SLOTS = 4096;

/**
 * Per key (stems and their `~root` keys), how many paragraphs hold it, keys in first-seen order.
 * While counting, a key's entry is its count so far times {@link SLOTS} plus the last paragraph
 * that held it, so a key met again in the same paragraph is not counted twice without a set of
 * each paragraph's keys (those sets, emptied and grown again paragraph after paragraph, were
 * more than a third of what statsOf allocated). Longer articles count with the sets.
 */
function documentFrequencies(
  byParagraph: readonly (readonly string[][])[],
  roots: readonly (readonly string[])[],
): Map<string, number> {
  if (byParagraph.length > SLOTS) return frequenciesBySet(byParagraph, roots);
  const df = new Map<string, number>();
  for (let p = 0; p < byParagraph.length; p++) {
    const keys = roots[p] ?? [];
    let k = 0;
    for (const terms of byParagraph[p] ?? [])
      for (const t of terms) {
        countOnce(df, t, p);
        countOnce(df, keys[k++] as string, p);
      }
  }
  df.forEach(decodeCount);
  return df;
}

/** The {@link root} of each term of a paragraph, sentence after sentence. */
function rootsOf(perSentence: readonly string[][]): string[] {
  const out: string[] = [];
  for (const terms of perSentence) for (const t of terms) out.push(root(t));
  return out;
}

function countOnce(df: Map<string, number>, key: string, p: number): void {
  const v = df.get(key);
  if (v === undefined) df.set(key, SLOTS + p);
  else if (v % SLOTS !== p) df.set(key, (Math.floor(v / SLOTS) + 1) * SLOTS + p);
}

function decodeCount(v: number, key: string, df: Map<string, number>): void {
  df.set(key, Math.floor(v / SLOTS));
}

/** {@link documentFrequencies} with one set of a paragraph's keys at a time. */
function frequenciesBySet(
  byParagraph: readonly (readonly string[][])[],
  roots: readonly (readonly string[])[],
): Map<string, number> {
  const df = new Map<string, number>();
  const seen = new Set<string>();
  for (let p = 0; p < byParagraph.length; p++) {
    seen.clear();
    const keys = roots[p] ?? [];
    let k = 0;
    for (const terms of byParagraph[p] ?? [])
      for (const t of terms) {
        seen.add(t);
        seen.add(keys[k++] as string);
      }
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return df;
}

/** A paragraph's term and root counts (stems, and their `~root` keys, `roots` in term order). */
function countsOf(perSentence: readonly string[][], roots: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  let k = 0;
  for (const terms of perSentence)
    for (const t of terms) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      const r = roots[k++] as string;
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
  return counts;
}

/** Makes `tf[p]` the counts of paragraph `p`, built on first read and then kept. */
function lazyCounts(
  tf: Map<string, number>[],
  p: number,
  perSentence: readonly string[][],
  roots: readonly string[],
): void {
  Object.defineProperty(tf, p, {
    configurable: true,
    enumerable: true,
    get(): Map<string, number> {
      const value = countsOf(perSentence, roots);
      Object.defineProperty(tf, p, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
  });
}

/** A sentence's terms and their roots, as one set. */
export function termSet(terms: readonly string[]): Set<string> {
  return new Set([...terms, ...terms.map(root)]);
}

/**
 * The sets of a paragraph's sentences ({@link termSet} of each: its terms, then their roots),
 * the roots read from `roots` (the paragraph's, in term order).
 */
function sentenceSetsOf(perSentence: readonly string[][], roots: readonly string[]): Set<string>[] {
  const out: Set<string>[] = [];
  let k = 0;
  for (const terms of perSentence) {
    const set = new Set<string>(terms);
    for (let i = 0; i < terms.length; i++) set.add(roots[k++] as string);
    out.push(set);
  }
  return out;
}

/** Makes `sets[p]` the sets of paragraph `p`'s sentences, built on first read and then kept. */
function lazySets(
  sets: Set<string>[][],
  p: number,
  perSentence: readonly string[][],
  roots: readonly string[],
): void {
  Object.defineProperty(sets, p, {
    configurable: true,
    enumerable: true,
    get(): Set<string>[] {
      const value = sentenceSetsOf(perSentence, roots);
      Object.defineProperty(sets, p, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
  });
}

const K1 = 1.2;
const B = 0.75;
const SYNONYM = 0.8;
const ROOT = 0.7;

export function idf(stats: ArticleStats, term: string): number {
  const n = stats.tf.length;
  const d = stats.df.get(term) ?? 0;
  return Math.log(1 + (n - d + 0.5) / (d + 0.5));
}

/** A query term and the keys that also count for it, with their weights. */
export interface Variant {
  key: string;
  weight: number;
}

const variantCache = new Map<string, Variant[]>();

export function variantsOf(term: string): Variant[] {
  const hit = variantCache.get(term);
  if (hit) return hit;
  if (variantCache.size > 50_000) variantCache.clear();
  const made = variantsUncached(term);
  variantCache.set(term, made);
  return made;
}

/**
 * WordNet's links count for less than the thesaurus's: they are general-purpose and noisy (a
 * word's common senses only, see `knowledge/lexicon/wordnet.ts`). Synonyms and one step broader
 * or narrower ("boat" for "ferry") measured best at these weights on news (paragraph hit@1 of
 * BM25 on the training fixtures 61.3 -> 63.7, SQuAD 84.0 -> 83.9).
 */
const WN_SYNONYM = 0.5;
const WN_RELATED = 0.3;

/**
 * The term and what also counts for it, best first (the first found is the one that counts): the
 * thesaurus's and the paraphrase groups' synonyms, the derivational root, then WordNet's links.
 */
function variantsUncached(term: string): Variant[] {
  const wn = wordnetLinks(term);
  const out: Variant[] = [
    { key: term, weight: 1 },
    ...synonymsOf(term).map((s) => ({ key: s, weight: SYNONYM })),
    ...paraphrasesOf(term).map((s) => ({ key: s, weight: SYNONYM })),
    { key: root(term), weight: ROOT },
    ...wn.synonyms.map((s) => ({ key: s, weight: WN_SYNONYM })),
    ...wn.related.map((s) => ({ key: s, weight: WN_RELATED })),
  ];
  const seen = new Set<string>();
  return out.filter((v) => !seen.has(v.key) && (seen.add(v.key), true));
}

/** How well a set of keys (a paragraph's or sentence's) holds the term: 0, or its best variant's weight. */
export function matchWeight(variants: readonly Variant[], has: (key: string) => boolean): number {
  for (const v of variants) if (has(v.key)) return v.weight;
  return 0;
}

/**
 * BM25 of every paragraph of the article for the question's terms, best first (ties: reading
 * order). A paragraph none of the terms meets still comes, after the others: a news story is
 * short and says the answer in its own words ("ran aground" for "got stuck"), so its paragraphs
 * are all worth reading once the question meets the story at all (dev news: the gold paragraph
 * among the reader's candidates 86.5% -> 95.8%). None when no paragraph meets any term.
 */
export function rankParagraphs(
  stats: ArticleStats,
  terms: readonly string[],
): { index: number; bm25: number }[] {
  const weights = terms.map((t) => idf(stats, t));
  const variants = terms.map(variantsOf);
  // Each distinct key of the question's variants gets a slot; a paragraph's count of a key is
  // counted from its terms (what its count map would hold), so unread paragraphs need no map.
  const slots = new Map<string, number>();
  const slotOf = variants.map((vs) =>
    vs.map((v) => slots.get(v.key) ?? (slots.set(v.key, slots.size), slots.size - 1)),
  );
  const counts = new Int32Array(slots.size);
  const out: { index: number; bm25: number }[] = [];
  for (let i = 0; i < stats.sentenceTerms.length; i++) {
    countKeys(stats.sentenceTerms[i] ?? [], stats.roots[i] ?? [], slots, counts);
    let s = 0;
    const len = stats.lengths[i] ?? 0;
    for (let k = 0; k < variants.length; k++) {
      const vs = variants[k] as Variant[];
      const ks = slotOf[k] as number[];
      for (let j = 0; j < vs.length; j++) {
        const f = counts[ks[j] as number] as number;
        if (!f) continue;
        const v = vs[j] as Variant;
        s += (v.weight * (weights[k] ?? 0) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * len) / stats.avgLength));
        break;
      }
    }
    out.push({ index: i, bm25: s });
  }
  if (!out.some((r) => r.bm25 > 0)) return [];
  return out.sort((a, b) => b.bm25 - a.bm25 || a.index - b.index);
}

/** How often each slotted key is among a paragraph's terms and their roots (into `counts`). */
function countKeys(
  perSentence: readonly string[][],
  roots: readonly string[],
  slots: ReadonlyMap<string, number>,
  counts: Int32Array,
): void {
  counts.fill(0);
  if (slots.size === 0) return;
  let k = 0;
  for (const terms of perSentence)
    for (const t of terms) {
      const a = slots.get(t);
      if (a !== undefined) counts[a] = (counts[a] as number) + 1;
      const b = slots.get(roots[k++] as string);
      if (b !== undefined) counts[b] = (counts[b] as number) + 1;
    }
}

/**
 * Whether the article's lead (its first paragraph) has the term. In news the lead sets the
 * story's place and main actors, so a name given there holds for every later paragraph: "how
 * many drivers struck in Dunmore" is answered by ¶2's "About 4,000 drivers joined the strike"
 * when ¶1 placed the strike in Dunmore.
 */
/**
 * Whether a sentence next to sentence `i` of a paragraph (the one before or after) holds the term.
 * No read at index -1: a negative index is a property lookup by name and slows every later read.
 */
export function neighbourHas(sets: readonly ReadonlySet<string>[], i: number, term: string): boolean {
  return (i > 0 && !!sets[i - 1]?.has(term)) || !!sets[i + 1]?.has(term);
}

export function leadHas(stats: ArticleStats, term: string): boolean {
  return stats.tf[0]?.has(term) ?? false;
}
