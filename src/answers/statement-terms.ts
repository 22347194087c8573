import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { SearchIndexState } from '../knowledge/search-index.ts';
import type { Claim, Quote } from '../knowledge/types.ts';
import { contentTerms } from '../text/match.ts';

/**
 * How many of a topic's words a speaker's statement uses, read from the archive's quote and
 * claim indexes rather than by tokenising the statement again: each index keeps every item's
 * stems in order (the content terms of its text, the same stems `contentTerms` gives), so a
 * "what did X say about Y" question scores X's statements without normalising or stemming any
 * of them, and keeps nothing per statement between questions.
 */

/** Where each article's quotes and claims begin in the indexes, by article position. */
interface StatementStarts {
  quotes: Uint32Array;
  claims: Uint32Array;
}

const starts = new WeakMap<KnowledgeBase, StatementStarts | null>();

/**
 * Each article's first quote and claim position in the indexes (they index every article's
 * quotes, then claims, in load order). Null when the indexes do not hold as many items as the
 * knowledge (then statements are tokenised instead).
 */
function startsOf(kb: KnowledgeBase): StatementStarts | null {
  const known = starts.get(kb);
  if (known !== undefined) return known;
  const n = kb.knowledge.length;
  const quotes = new Uint32Array(n + 1);
  const claims = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const k = kb.knowledge[i];
    quotes[i + 1] = (quotes[i] as number) + (k?.quotes.length ?? 0);
    claims[i + 1] = (claims[i] as number) + (k?.claims.length ?? 0);
  }
  const state = kb.indexState();
  const fits =
    quotes[n] === state.quotes.articleOfDoc.length && claims[n] === state.claims.articleOfDoc.length;
  const made = fits ? { quotes, claims } : null;
  starts.set(kb, made);
  return made;
}

/** Share of `wanted` (distinct stems) among the terms of item `doc` of an index. */
function shareOfDoc(state: SearchIndexState, doc: number, wanted: readonly string[]): number {
  const { docStart, docTerms, terms } = state;
  const from = docStart[doc] as number;
  const to = docStart[doc + 1] as number;
  let found = 0;
  for (const w of wanted)
    for (let i = from; i < to; i++)
      if (terms[docTerms[i] as number] === w) {
        found++;
        break;
      }
  return found / wanted.length;
}

/** Share of `wanted` among the content terms of a text, tokenised (when no index lines up). */
function shareOfText(text: string, wanted: readonly string[]): number {
  const words = new Set(contentTerms(text));
  return wanted.filter((w) => words.has(w)).length / wanted.length;
}

/**
 * Position of a statement in its index: the article's first, plus its place among the article's
 * statements. Undefined when the index's item there is not of the statement's article.
 */
function docOf(
  kb: KnowledgeBase,
  state: SearchIndexState,
  first: Uint32Array | undefined,
  statement: Quote | Claim,
  own: readonly (Quote | Claim)[] | undefined,
): number | undefined {
  const at = first ? (own?.indexOf(statement) ?? -1) : -1;
  if (at < 0) return undefined;
  const doc = (first?.[kb.articleOrder(statement.article)] ?? Number.NaN) + at;
  return state.articleIds[state.articleOfDoc[doc] ?? -1] === statement.article ? doc : undefined;
}

/** How much of a topic each of a speaker's statements is about (see {@link topicShares}). */
export interface TopicShares {
  quote(quote: Quote): number;
  claim(claim: Claim): number;
}

/**
 * For one question, the share of a topic's words (distinct stems, as `contentTerms` makes them)
 * that a quote or a reported statement (its clause) uses: 0 for a topic without content words.
 */
export function topicShares(kb: KnowledgeBase, wanted: readonly string[]): TopicShares {
  const first = startsOf(kb);
  const { quotes, claims } = kb.indexState();
  const share = (
    state: SearchIndexState,
    at: Uint32Array | undefined,
    statement: Quote | Claim,
    own: readonly (Quote | Claim)[] | undefined,
    text: string,
  ): number => {
    if (wanted.length === 0) return 0;
    const doc = docOf(kb, state, at, statement, own);
    return doc === undefined ? shareOfText(text, wanted) : shareOfDoc(state, doc, wanted);
  };
  return {
    quote: (q) => share(quotes, first?.quotes, q, kb.knowledgeOf(q.article)?.quotes, q.text),
    claim: (c) => share(claims, first?.claims, c, kb.knowledgeOf(c.article)?.claims, c.clause),
  };
}
