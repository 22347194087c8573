import { fail, ok } from '../answer.ts';
import type { Answer, Field, Result } from '../answer.ts';
import type { Citation } from '../article/types.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { contentTerms, matchForm } from '../text/match.ts';
import { scopeArticle } from './articles.ts';
import { negations, opposite } from './meaning.ts';
import { WEAK, roleOf, round, stripQuoteMarks } from './shared.ts';

export type Verdict = NonNullable<Result['verdict']>;

export interface WordDiff {
  /** Source words the text left out or replaced. */
  removed: string[];
  /** Words the text has that the source does not. */
  added: string[];
  /** Share of the text's words found in order in the source. */
  kept: number;
}

/** One step of an inline diff: words as written (original casing), kept, removed or added. */
export interface DiffOp {
  op: 'same' | 'removed' | 'added';
  text: string;
}

interface Token {
  /** The word as written, punctuation attached. */
  raw: string;
  /** Its match form ('' for punctuation only). */
  key: string;
}

function tokens(text: string, max: number): Token[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, max)
    .map((raw) => ({ raw, key: matchForm(raw) }))
    .filter((t) => t.key !== '');
}

/** Longest common subsequence of two key lists, as index pairs. */
function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = dp[i] as Uint16Array;
    const below = dp[i + 1] as Uint16Array;
    for (let j = m - 1; j >= 0; j--)
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((dp[i + 1]?.[j] ?? 0) >= (dp[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/**
 * Inline word diff of the posted `text` against the stretch of `source` it aligns with: the
 * source's words in its own casing, with what the text left out as `removed` and what it has
 * instead as `added` (at the place it has them). Case, curly quotes and punctuation are not
 * differences. Source words before the first and after the last aligned word are left out.
 */
export function inlineDiff(text: string, source: string): DiffOp[] {
  const a = tokens(text, 400);
  const b = tokens(source, 2000);
  const pairs = lcsPairs(
    a.map((t) => t.key),
    b.map((t) => t.key),
  );
  if (pairs.length === 0) return a.map((t) => ({ op: 'added', text: t.raw }));
  const ops: DiffOp[] = [];
  const [first, last] = window(
    pairs,
    a.map((t) => t.key),
    b.map((t) => t.key),
  );
  let i = 0;
  let j = first;
  for (const [pi, pj] of pairs) {
    for (; j < pj; j++) ops.push({ op: 'removed', text: b[j]?.raw ?? '' });
    for (; i < pi; i++) ops.push({ op: 'added', text: a[i]?.raw ?? '' });
    ops.push({ op: 'same', text: b[pj]?.raw ?? '' });
    i = pi + 1;
    j = pj + 1;
  }
  for (; j <= last; j++) ops.push({ op: 'removed', text: b[j]?.raw ?? '' });
  for (; i < a.length; i++) ops.push({ op: 'added', text: a[i]?.raw ?? '' });
  return ops;
}

/**
 * The stretch of the source the text aligns with: from the first to the last matched word,
 * widened by as many source words as the text has unmatched words before its first / after its
 * last match ("none of it was hard" against "… none of it was easy" replaces "easy").
 */
function window(
  pairs: readonly [number, number][],
  a: readonly string[],
  b: readonly string[],
): [number, number] {
  const head = pairs[0];
  const tail = pairs[pairs.length - 1];
  if (head === undefined || tail === undefined) return [0, -1];
  // Words the source has elsewhere were moved, not replaced: no widening for them.
  const inSource = new Set(b);
  const replaced = (words: readonly string[]): number =>
    words.every((w) => inSource.has(w)) ? 0 : words.length;
  const first = Math.max(0, head[1] - replaced(a.slice(0, head[0])));
  const last = Math.min(b.length - 1, tail[1] + replaced(a.slice(tail[0] + 1)));
  return [first, last];
}

/**
 * Word-level diff of `text` against the best-aligned stretch of `source` (longest common
 * subsequence over match forms, so case, curly quotes and "we will"/"we’ll" are not differences).
 */
export function diffWords(text: string, source: string): WordDiff {
  const a = matchForm(text).split(' ').filter(Boolean).slice(0, 400);
  const b = matchForm(source).split(' ').filter(Boolean).slice(0, 2000);
  if (a.length === 0) return { removed: [], added: [], kept: 0 };
  const pairs = lcsPairs(a, b);
  const usedA = new Set(pairs.map(([x]) => x));
  const usedB = new Set(pairs.map(([, y]) => y));
  const [first, last] = window(pairs, a, b);
  const removed: string[] = [];
  for (let k = first; k <= last; k++) if (!usedB.has(k)) removed.push(b[k] ?? '');
  const added = a.filter((_, k) => !usedA.has(k));
  return { removed, added, kept: pairs.length / a.length };
}

/** Share of the text's words that the source has somewhere, in any order (counted with repeats). */
export function bagCover(text: string, source: string): number {
  const a = matchForm(text).split(' ').filter(Boolean);
  if (a.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of matchForm(source).split(' ')) counts.set(w, (counts.get(w) ?? 0) + 1);
  let found = 0;
  for (const w of a) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      found++;
      counts.set(w, left - 1);
    }
  }
  return found / a.length;
}

/**
 * How the posted text compares with the source words it is closest to: the meaning turned around
 * (a negation added or dropped, a word swapped for its opposite), the same words in another order,
 * or otherwise altered. Verbatim is decided before (the text is a run of the source).
 */
export function classify(text: string, source: string, diff: WordDiff): Verdict {
  // Negations of the source's aligned stretch against the text's: "a fan" vs "not a fan".
  if (negations(diff.added) !== negations(diff.removed)) return 'meaning-changed';
  if (diff.removed.some((r) => diff.added.some((a) => opposite(r, a)))) return 'meaning-changed';
  if (diff.added.length > 0 && bagCover(text, source) >= 1) return 'paraphrase';
  return 'altered';
}

interface Source {
  text: string;
  display: string;
  citation: Citation;
  speaker: string | null;
  speakerId: string | null;
  isQuote: boolean;
}

function findSources(kb: KnowledgeBase, query: string, article: string | undefined): Source[] {
  const filter = article !== undefined ? { article } : {};
  const sources: Source[] = [];
  for (const h of kb.searchQuotes(query, { limit: 3, ...filter })) {
    sources.push({
      text: h.item.text,
      display: h.item.display,
      citation: h.item.span.citation,
      speaker: h.item.speaker,
      speakerId: h.item.speakerId,
      isQuote: true,
    });
  }
  for (const h of kb.searchSentences(query, { limit: 3, ...filter })) {
    sources.push({
      text: h.item.sentence.text,
      display: h.item.sentence.text,
      citation: { article: h.item.article, paragraph: h.item.paragraph, sentence: h.item.sentence.index },
      speaker: null,
      speakerId: null,
      isQuote: false,
    });
  }
  return sources;
}

interface Match {
  s: Source;
  diff: WordDiff;
  verdict: Verdict;
}

/** The source the text matches best and how, or null when nothing is close enough. */
function bestMatch(query: string, sources: readonly Source[]): Match | null {
  const needle = matchForm(query);
  const verbatim = sources.find((s) => ` ${matchForm(s.text)} `.includes(` ${needle} `));
  if (verbatim) return { s: verbatim, diff: { removed: [], added: [], kept: 1 }, verdict: 'verbatim' };
  // Reordered words still count as found: the closeness is the better of in-order and any-order.
  const scored = sources
    .map((s) => {
      const diff = diffWords(query, s.text);
      return { s, diff, close: Math.max(diff.kept, bagCover(query, s.text) * 0.9) };
    })
    .sort((x, y) => y.close - x.close || Number(y.s.isQuote) - Number(x.s.isQuote));
  const best = scored[0];
  if (!best || best.close < Math.max(0.5, WEAK)) return null;
  return { s: best.s, diff: best.diff, verdict: classify(query, best.s.text, best.diff) };
}

const TITLES: Record<Verdict, string> = {
  verbatim: 'Verbatim',
  altered: 'Altered',
  paraphrase: 'Paraphrase',
  'meaning-changed': 'Meaning changed',
  absent: 'Not in the articles',
};

function verdictMessage(verdict: Verdict, who: string): string {
  switch (verdict) {
    case 'verbatim':
      return `Verbatim: the article prints these words${who}.`;
    case 'paraphrase':
      return `Paraphrase: the article has these words${who}, but in another order.`;
    case 'meaning-changed':
      return `Meaning changed: close to the article's words${who}, but a negation or an opposite word turns the meaning around.`;
    default:
      return `Altered: close to the article's text${who}, but not word for word.`;
  }
}

/** The article the words are in, when the asked one does not have them ("Misses that help"). */
function elsewhere(kb: KnowledgeBase, query: string, asked: string): string | undefined {
  const match = bestMatch(query, findSources(kb, query, undefined));
  if (match === null || match.s.citation.article === asked) return undefined;
  const article = kb.article(match.s.citation.article);
  const title = article?.meta.title ?? match.s.citation.article;
  return `These words are not in this article, but “${title}” has them (¶${match.s.citation.paragraph}; article:${match.s.citation.article}).`;
}

/**
 * `/check-quote text:…`: is this quote in the articles word for word, altered (and how), in
 * another order, turned around, or not there at all? For members checking a quote someone posted.
 * Not there at all is `results: []` with a message (the contract: no results = not in the articles).
 */
export function checkQuote(kb: KnowledgeBase, text: string, articleQuery?: string): Answer {
  const scope = scopeArticle(kb, 'check-quote', articleQuery);
  if (!scope.ok) return scope.answer;
  const query = stripQuoteMarks(text);
  if (contentTerms(query).length === 0)
    return fail('check-quote', 'Paste the quote to check, e.g. /check-quote text:“We’ll do everything”');
  const best = bestMatch(query, findSources(kb, query, scope.article?.id));
  if (best === null) {
    const other = scope.article ? elsewhere(kb, query, scope.article.id) : undefined;
    return ok('check-quote', [], {
      message:
        other ??
        `Not in the articles: no quote or passage matches this text. It may be misattributed or invented.`,
    });
  }
  const { verdict } = best;
  const fields: Field[] = [];
  if (verdict !== 'verbatim') {
    if (best.diff.removed.length > 0)
      fields.push({ name: 'The article has', value: best.diff.removed.join(' ') });
    if (best.diff.added.length > 0)
      fields.push({ name: 'Not in the article', value: best.diff.added.join(' ') });
  }
  if (!best.s.isQuote)
    fields.push({ name: 'Note', value: 'These are the writer’s words, not a quote of anyone.' });
  const role = roleOf(kb, best.s.speakerId);
  const result: Result = {
    kind: 'check',
    title: TITLES[verdict],
    text: best.s.display,
    ...(best.s.isQuote ? { speaker: best.s.speaker } : {}),
    ...(role ? { role } : {}),
    citation: best.s.citation,
    score: round(verdict === 'verbatim' ? 1 : best.diff.kept),
    fields,
    verdict,
  };
  const who = best.s.isQuote
    ? best.s.speaker
      ? ` (${best.s.speaker})`
      : ' (unattributed quote)'
    : ' (narration, not a quote)';
  return ok('check-quote', [result], { message: verdictMessage(verdict, who) });
}
