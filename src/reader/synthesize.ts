import { contentTerms } from '../text/match.ts';
import { statsOf, idf } from './passages.ts';
import type { ArticleStats } from './passages.ts';
import { analyzeQuestion } from './question.ts';
import type { Case, DataSet } from './training.ts';

/**
 * Unanswerable questions made from answerable ones, the ways SQuAD 2.0's annotators wrote theirs
 * (Rajpurkar et al. 2018): the question keeps its paragraph's words but
 *  - swap: one of its names is replaced by a name from another article (the text says Florida's,
 *    the question asks the United States'),
 *  - negate: "did" becomes "did not" (the paragraph states the fact, not its absence),
 *  - missing: its rarest word is replaced by a content word of another article (an attribute the
 *    paragraph never gives).
 * Every third answerable question gets one, the kind cycling; replacements are picked by a hash
 * of the question, so the set is the same on every run.
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

/** Names (capitalised words inside sentences) and long lower-case words, with their article. */
function pools(data: DataSet): { names: [string, string][]; words: [string, string][] } {
  const names: [string, string][] = [];
  const words: [string, string][] = [];
  for (const [id, a] of [...data.articles].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    for (const p of a.paragraphs.slice(0, 12)) {
      for (const m of p.text.matchAll(/(?<=[a-z,] )\p{Lu}\p{Ll}{3,}\b/gu)) names.push([id, m[0]]);
      for (const m of p.text.matchAll(/\b\p{Ll}{7,}\b/gu)) words.push([id, m[0]]);
    }
  }
  return { names, words };
}

function pick(pool: [string, string][], c: Case, fits: (w: string) => boolean): string | null {
  if (pool.length === 0) return null;
  const start = hash(c.query) % pool.length;
  for (let k = 0; k < 50; k++) {
    const [article, w] = pool[(start + k * 7919) % pool.length] as [string, string];
    if (article !== c.article && fits(w)) return w;
  }
  return null;
}

function variant(
  kind: string,
  c: Case,
  pool: { names: [string, string][]; words: [string, string][] },
  absent: (w: string) => boolean,
  stats: ArticleStats,
): string | null {
  if (kind === 'swap') {
    const name = analyzeQuestion(c.query).entities.find((e) => /^\p{Lu}/u.test(e) && c.query.includes(e));
    const other = name ? pick(pool.names, c, absent) : null;
    return name && other ? c.query.replace(name, other) : null;
  }
  if (kind === 'negate') return negate(c.query);
  const termOf = (w: string): string => contentTerms(w)[0] ?? '';
  const rarest = c.query
    .split(/\s+/)
    .filter((w) => /^\p{Ll}{4,}$/u.test(w) && contentTerms(w).length > 0)
    .sort((a, b) => idf(stats, termOf(b)) - idf(stats, termOf(a)))[0];
  const other = rarest ? pick(pool.words, c, absent) : null;
  return rarest && other ? c.query.replace(rarest, other) : null;
}

export function synthesize(data: DataSet): Case[] {
  const { names, words } = pools(data);
  const out: Case[] = [];
  let n = 0;
  for (const c of data.cases) {
    if (c.kind !== 'ask') continue;
    const article = data.articles.get(c.article);
    if (!article || n++ % 3 !== 0) continue;
    const stats = statsOf(article);
    const absent = (w: string): boolean => contentTerms(w).every((t) => !stats.df.has(t));
    const kinds = ['swap', 'negate', 'missing'] as const;
    const first = Math.floor(n / 3) % 3;
    let query: string | null = null;
    let kind: string = kinds[first] ?? 'swap';
    // The kind in turn; when this question cannot take it (no name to swap), the next one.
    for (let k = 0; k < 3 && query === null; k++) {
      kind = kinds[(first + k) % 3] ?? 'swap';
      query = variant(kind, c, { names, words }, absent, stats);
    }
    if (query && query !== c.query)
      out.push({
        kind: 'no-answer',
        article: c.article,
        query,
        synthetic: kind ?? 'missing',
        weight: c.weight ?? 1,
      });
  }
  return out;
}
