import { fail, ok } from '../answer.ts';
import type { Answer, Field, Result } from '../answer.ts';
import type { Citation } from '../article/types.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { contentTerms, matchForm } from '../text/match.ts';
import { scopeArticle } from './articles.ts';
import { WEAK, roleOf, round, stripQuoteMarks } from './shared.ts';

export type Verdict = 'verbatim' | 'altered' | 'missing';

export interface WordDiff {
  /** Source words the text left out or replaced. */
  removed: string[];
  /** Words the text has that the source does not. */
  added: string[];
  /** Share of the text's words found in order in the source. */
  kept: number;
}

/**
 * Word-level diff of `text` against the best-aligned stretch of `source` (longest common
 * subsequence over match forms, so case, curly quotes and "we will"/"we’ll" are not differences).
 */
export function diffWords(text: string, source: string): WordDiff {
  const a = matchForm(text).split(' ').filter(Boolean).slice(0, 400);
  const b = matchForm(source).split(' ').filter(Boolean).slice(0, 2000);
  const n = a.length;
  const m = b.length;
  if (n === 0) return { removed: [], added: [], kept: 0 };
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
  const usedA = new Set(pairs.map(([x]) => x));
  const usedB = new Set(pairs.map(([, y]) => y));
  const first = pairs[0]?.[1] ?? 0;
  const last = pairs[pairs.length - 1]?.[1] ?? -1;
  const removed: string[] = [];
  for (let k = first; k <= last; k++) if (!usedB.has(k)) removed.push(b[k] ?? '');
  const added = a.filter((_, k) => !usedA.has(k));
  return { removed, added, kept: pairs.length / n };
}

interface Source {
  text: string;
  display: string;
  citation: Citation;
  speaker: string | null;
  speakerId: string | null;
  isQuote: boolean;
}

/**
 * `/check-quote text:…`: is this quote in the articles word for word, altered (and how), or not
 * there at all? For moderators checking a quote someone posted.
 */
export function checkQuote(kb: KnowledgeBase, text: string, articleQuery?: string): Answer {
  const scope = scopeArticle(kb, 'check-quote', articleQuery);
  if (!scope.ok) return scope.answer;
  const query = stripQuoteMarks(text);
  if (contentTerms(query).length === 0)
    return fail('check-quote', 'Paste the quote to check, e.g. /check-quote text:“We’ll do everything”');
  const filter = scope.article ? { article: scope.article.id } : {};
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
  const needle = matchForm(query);
  const verbatim = sources.find((s) => ` ${matchForm(s.text)} `.includes(` ${needle} `));
  const scored = sources
    .map((s) => ({ s, diff: diffWords(query, s.text) }))
    .sort((x, y) => y.diff.kept - x.diff.kept || Number(y.s.isQuote) - Number(x.s.isQuote));
  const best = verbatim ? { s: verbatim, diff: { removed: [], added: [], kept: 1 } } : scored[0];
  if (!best || best.diff.kept < 0.5 || (!verbatim && best.diff.kept < WEAK)) {
    return ok('check-quote', [], {
      message:
        'Not in the article: no quote or passage matches this text. It may be misattributed or invented.',
    });
  }
  const verdict: Verdict = verbatim ? 'verbatim' : 'altered';
  const fields: Field[] = [];
  if (verdict === 'altered') {
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
    title: verdict === 'verbatim' ? 'Verbatim' : 'Altered',
    text: best.s.display,
    ...(best.s.isQuote ? { speaker: best.s.speaker } : {}),
    ...(role ? { role } : {}),
    citation: best.s.citation,
    score: round(best.diff.kept),
    fields,
  };
  const who = best.s.isQuote
    ? best.s.speaker
      ? ` (${best.s.speaker})`
      : ' (unattributed quote)'
    : ' (narration, not a quote)';
  const message =
    verdict === 'verbatim'
      ? `Verbatim: the article prints these words${who}.`
      : `Altered: close to the article's text${who}, but not word for word.`;
  return ok('check-quote', [result], { message });
}
