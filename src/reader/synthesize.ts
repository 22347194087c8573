import { ANTONYM_PAIRS } from '../knowledge/lexicon/antonyms.ts';
import { contentTerms } from '../text/match.ts';
import { statsOf, idf } from './passages.ts';
import type { ArticleStats } from './passages.ts';
import { analyzeQuestion } from './question.ts';
import type { Case, DataSet } from './training.ts';
import { NUMBER_WORDS } from './words.ts';

/**
 * Unanswerable questions made from answerable ones, the ways SQuAD 2.0's annotators wrote theirs
 * (Rajpurkar et al. 2018): the question keeps its paragraph's words but
 *  - swap: one of its names is replaced by another name that its paragraph does not have (the
 *    text says Florida's, the question asks the United States'), from the same article for half
 *    the questions, from another article for the others,
 *  - negate: "did" becomes "did not" (the paragraph states the fact, not its absence),
 *  - missing: its rarest word is replaced by a content word absent from its paragraph (an
 *    attribute the paragraph never gives), from the same article or another as for swap,
 *  - antonym: a word is replaced by its antonym ("largest" by "smallest") when the paragraph does
 *    not use the antonym,
 *  - number: a number or year is changed ("1998" to "2001", "eight" to "ten") to one the paragraph
 *    does not have.
 * Every third answerable question gets one, the kind cycling (the next kind when a question cannot
 * take it); replacements are picked by a hash of the question, so the set is the same on every run.
 */

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const AUXILIARY = /\b(is|was|are|were|did|does|do|has|have|had|can|could|will|would)\b/i;

export function negate(question: string): string | null {
  if (/\b(not|never|n't)\b/i.test(question) || !AUXILIARY.test(question)) return null;
  return question.replace(AUXILIARY, '$1 not');
}

const ANTONYM = new Map<string, string>();
for (const [a, b] of ANTONYM_PAIRS) {
  if (!ANTONYM.has(a)) ANTONYM.set(a, b);
  if (!ANTONYM.has(b)) ANTONYM.set(b, a);
}

const NUMBER_LIST = [...NUMBER_WORDS];

/**
 * Replaces the first word of the question `fits` accepts with what it returns, keeping its case.
 * The word after "how" is the question's frame ("how many", "how long"), never replaced; nor is
 * "one", mostly a pronoun.
 */
function replaceWord(question: string, fits: (w: string) => string | null): string | null {
  const m = [...question.matchAll(/[\p{L}\p{N}]+(?:,\d{3})*/gu)].map((x) => ({ w: x[0], at: x.index ?? 0 }));
  for (const [i, { w, at }] of m.entries()) {
    if (m[i - 1]?.w.toLowerCase() === 'how' || w.toLowerCase() === 'one') continue;
    const by = fits(w.toLowerCase());
    if (by === null) continue;
    const cased = /^\p{Lu}/u.test(w) ? by.charAt(0).toUpperCase() + by.slice(1) : by;
    return question.slice(0, at) + cased + question.slice(at + w.length);
  }
  return null;
}

/** A word's antonym, or a changed number, that the paragraph (`absent`) does not have. */
function antonymOf(c: Case, absent: (w: string) => boolean): string | null {
  return replaceWord(c.query, (w) => {
    const a = ANTONYM.get(w);
    return a !== undefined && absent(a) ? a : null;
  });
}

function numberOf(c: Case, absent: (w: string) => boolean): string | null {
  const h = hash(c.query);
  return replaceWord(c.query, (w) => {
    if (/^\d{1,3}(,\d{3})*$|^\d+$/.test(w)) {
      const n = Number(w.replace(/,/g, ''));
      const year = /^\d{4}$/.test(w) && n >= 1000 && n <= 2100;
      for (let k = 0; k < 5; k++) {
        const m = year
          ? n + ((h + k) % 9) - 4 || n + 5
          : n + Math.max(1, Math.round(n * 0.1)) * (1 + ((h + k) % 4));
        const by = w.includes(',') ? String(m).replace(/\B(?=(\d{3})+$)/g, ',') : String(m);
        if (by !== w && absent(by)) return by;
      }
      return null;
    }
    if (!NUMBER_WORDS.has(w)) return null;
    const by = NUMBER_LIST[(NUMBER_LIST.indexOf(w) + 1 + (h % 3)) % NUMBER_LIST.length] ?? '';
    return by !== w && absent(by) ? by : null;
  });
}

type Pool = [string, string][];

/** Names (capitalised words inside sentences) and long lower-case words, with their article. */
function pools(data: DataSet): { names: Pool; words: Pool } {
  const names: Pool = [];
  const words: Pool = [];
  for (const [id, a] of [...data.articles].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    for (const p of a.paragraphs.slice(0, 12)) {
      for (const m of p.text.matchAll(/(?<=[a-z,] )\p{Lu}\p{Ll}{3,}\b/gu)) names.push([id, m[0]]);
      for (const m of p.text.matchAll(/\b\p{Ll}{7,}\b/gu)) words.push([id, m[0]]);
    }
  }
  return { names, words };
}

/**
 * A word of the pool that fits, by a hash of the question: for half the questions from their own
 * article first (a name the article has, elsewhere), for the other half from another article (a
 * name the article never mentions).
 */
function pick(pool: Pool, c: Case, fits: (w: string) => boolean): string | null {
  const own = pool.filter(([a]) => a === c.article);
  const order: (readonly [Pool, boolean])[] = [
    [own, false],
    [pool, true],
  ];
  if ((hash(c.query) >> 3) % 2 === 1) order.reverse();
  for (const [from, other] of order) {
    if (from.length === 0) continue;
    const start = hash(c.query) % from.length;
    for (let k = 0; k < 50; k++) {
      const [article, w] = from[(start + k * 7919) % from.length] as [string, string];
      if ((!other || article !== c.article) && fits(w) && !c.query.includes(w)) return w;
    }
  }
  return null;
}

interface Context {
  pool: { names: Pool; words: Pool };
  /** Not in the question's own paragraph. */
  absent: (w: string) => boolean;
  stats: ArticleStats;
}

function variant(kind: string, c: Case, x: Context): string | null {
  if (kind === 'swap') {
    const name = analyzeQuestion(c.query).entities.find((e) => /^\p{Lu}/u.test(e) && c.query.includes(e));
    const other = name ? pick(x.pool.names, c, x.absent) : null;
    return name && other ? c.query.replace(name, other) : null;
  }
  if (kind === 'negate') return negate(c.query);
  if (kind === 'antonym') return antonymOf(c, x.absent);
  if (kind === 'number') return numberOf(c, x.absent);
  const termOf = (w: string): string => contentTerms(w)[0] ?? '';
  const rarest = c.query
    .split(/\s+/)
    .filter((w) => /^\p{Ll}{4,}$/u.test(w) && contentTerms(w).length > 0)
    .sort((a, b) => idf(x.stats, termOf(b)) - idf(x.stats, termOf(a)))[0];
  const other = rarest ? pick(x.pool.words, c, x.absent) : null;
  return rarest && other ? c.query.replace(rarest, other) : null;
}

const KINDS = ['antonym', 'number', 'swap', 'negate', 'missing'] as const;

/** Terms of the paragraph a case was written for (every paragraph's when it names none). */
function paragraphTerms(stats: ArticleStats, c: Case): Set<string> {
  const own = stats.tf[(c.paragraph ?? 0) - 1];
  return new Set(own ? own.keys() : stats.df.keys());
}

/** The unanswerable twin of a case: same article, weight and folder. */
function noAnswer(c: Case): Case {
  return {
    kind: 'no-answer',
    article: c.article,
    query: c.query,
    weight: c.weight ?? 1,
    ...(c.source ? { source: c.source } : {}),
  };
}

export function synthesize(data: DataSet): Case[] {
  const pool = pools(data);
  const out: Case[] = [];
  let n = 0;
  for (const c of data.cases) {
    if (c.kind !== 'ask') continue;
    const article = data.articles.get(c.article);
    if (!article || n++ % 3 !== 0) continue;
    const stats = statsOf(article);
    const terms = paragraphTerms(stats, c);
    const absent = (w: string): boolean => contentTerms(w).every((t) => !terms.has(t));
    const first = Math.floor(n / 3) % KINDS.length;
    let query: string | null = null;
    let kind: string = KINDS[first] ?? 'swap';
    // The kind in turn; when this question cannot take it (no name to swap), the next one.
    for (let k = 0; k < KINDS.length && query === null; k++) {
      kind = KINDS[(first + k) % KINDS.length] ?? 'swap';
      query = variant(kind, c, { pool, absent, stats });
    }
    if (query && query !== c.query) out.push({ ...noAnswer(c), query, synthetic: kind });
  }
  return out;
}
