import { fail, ok } from '../answer.ts';
import type { Answer, Result } from '../answer.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Quote } from '../knowledge/types.ts';
import { contentTerms } from '../text/match.ts';
import { joinNames } from '../render/citation.ts';
import { scopeArticle } from './articles.ts';
import { quotesWithText } from './exact-quote.ts';
import { NEAR_TIE, STRONG, WEAK, claimResult, quoteResult, round, stripQuoteMarks } from './shared.ts';

/**
 * `/who-said quote:…`: the speaker of the direct quote the words come from, with the full quote
 * and its citation. When the words are the writer's own narration or reported speech, it says so
 * (and cites it) instead of pinning them on somebody.
 */
export function whoSaid(kb: KnowledgeBase, words: string, articleQuery?: string): Answer {
  const scope = scopeArticle(kb, 'who-said', articleQuery);
  if (!scope.ok) return scope.answer;
  const query = stripQuoteMarks(words);
  if (contentTerms(query).length === 0) {
    const exact = quotesWithText(kb, query, scope.article?.id);
    if (exact.length > 0) return exactAnswer(kb, exact);
    return fail(
      'who-said',
      'Give a few distinctive words from the quote, e.g. /who-said quote:hasty withdrawal',
    );
  }
  const filter = scope.article ? { article: scope.article.id } : {};
  const quotes = kb.searchQuotes(query, { limit: 5, ...filter });
  const bestQuote = quotes[0];
  // A quote that matches every word (exactly, or through a typo) wins whatever the sentences
  // say: no sentence can cover more. The sentence search, the costlier of the two, only runs
  // when the narration could win.
  const queryWords = new Set(contentTerms(query)).size;
  const quoteHasAll =
    bestQuote !== undefined &&
    bestQuote.score >= WEAK &&
    (bestQuote.coverage >= 0.85 || (bestQuote.coverage >= 0.6 && bestQuote.matched.length >= queryWords));
  const sentences = quoteHasAll ? [] : kb.searchSentences(query, { limit: 3, ...filter });
  const bestSentence = sentences[0];

  // Quote words sit inside their sentence, so the sentence always matches at least as well; a
  // quote loses only when the sentence covers clearly more of the words (they are narration).
  const quoteWins =
    bestQuote &&
    bestQuote.score >= WEAK &&
    (!bestSentence || bestQuote.coverage >= bestSentence.coverage - 0.15);
  if (bestQuote && quoteWins) {
    const results: Result[] = [quoteResult(kb, bestQuote.item, bestQuote.score)];
    const alternatives = quotes
      .slice(1)
      .filter((h) => h.score >= WEAK && bestQuote.score - h.score <= NEAR_TIE);
    for (const alt of alternatives) results.push(quoteResult(kb, alt.item, alt.score));
    const speaker = bestQuote.item.speaker;
    const messages: string[] = [];
    if (bestQuote.score < STRONG)
      messages.push('Weak match: these words only partly match the quote below; check it.');
    if (speaker === null) messages.push('The article prints this quote without saying safely who said it.');
    if (alternatives.length > 0) {
      const others = [...new Set(alternatives.map((a) => a.item.speaker ?? 'unattributed'))];
      messages.push(
        `Several quotes match almost equally (${joinNames([speaker ?? 'unattributed', ...others.filter((o) => o !== speaker)])}); the closest is first.`,
      );
    }
    return ok('who-said', results, messages.length > 0 ? { message: messages.join(' ') } : {});
  }

  if (bestSentence && bestSentence.score >= WEAK) {
    const s = bestSentence.item;
    const claim = kb
      .searchClaims(query, { limit: 3, ...filter })
      .find(
        (c) =>
          c.item.span.citation.article === s.article &&
          c.item.span.citation.paragraph === s.paragraph &&
          c.item.span.citation.sentence === s.sentence.index,
      );
    if (claim) {
      return ok('who-said', [claimResult(kb, claim.item, bestSentence.score)], {
        message: `Not a direct quote: the article reports that ${claim.item.speaker} ${claim.item.verb} this, in its own words.`,
      });
    }
    const article = kb.article(s.article);
    const author = article && article.meta.authors.length > 0 ? ` (${joinNames(article.meta.authors)})` : '';
    const narration: Result = {
      kind: 'narration',
      speaker: null,
      text: s.sentence.text,
      citation: { article: s.article, paragraph: s.paragraph, sentence: s.sentence.index },
      score: round(bestSentence.score),
    };
    return ok('who-said', [narration], {
      message: `${bestSentence.score < STRONG ? 'Weak match. ' : ''}Nobody is quoted saying this: these are the writer's own words${author}, not a quote.`,
    });
  }

  return miss(kb, words, query, scope.article?.id, quotes);
}

/**
 * "It won't happen again.": the quotes whose whole text the asked words are, the first in reading
 * order first; several say so, as near ties do.
 *
 * @param kb - the knowledge base
 * @param quotes - the quotes with that text (at least one)
 */
function exactAnswer(kb: KnowledgeBase, quotes: readonly Quote[]): Answer {
  const results = quotes.slice(0, 5).map((q) => quoteResult(kb, q, 1));
  const messages: string[] = [];
  const first = quotes[0] as Quote;
  if (first.speaker === null)
    messages.push('The article prints this quote without saying safely who said it.');
  if (quotes.length > 1) {
    const names = [...new Set(quotes.map((q) => q.speaker ?? 'unattributed'))];
    messages.push(`Several quotes have these words (${joinNames(names)}); the first is shown first.`);
  }
  return ok('who-said', results, messages.length > 0 ? { message: messages.join(' ') } : {});
}

/**
 * A miss that helps: when the asked article lacks the words but another has them, say which;
 * otherwise offer the quotes sharing the most words with the query (never the first in the file).
 */
function miss(
  kb: KnowledgeBase,
  words: string,
  query: string,
  article: string | undefined,
  near: readonly { item: { text: string; speaker: string | null } }[],
): Answer {
  if (article !== undefined) {
    const anywhere = whoSaid(kb, words);
    const found = anywhere.ok ? anywhere.results[0] : undefined;
    if (found?.citation && found.citation.article !== article) {
      const title = kb.article(found.citation.article)?.meta.title ?? found.citation.article;
      const who = found.kind === 'quote' && found.speaker ? `, quoting ${found.speaker}` : '';
      return ok('who-said', [], {
        message: `Not in this article, but “${title}” has these words (¶${found.citation.paragraph}${who}). Ask again with article:${found.citation.article}.`,
      });
    }
  }
  const overlap = near.length > 0 ? near : kb.searchQuotes(query, { limit: 3 });
  const suggestions = overlap
    .filter((h) => h.item.speaker !== null)
    .slice(0, 3)
    .map((h) => `${h.item.text.split(/\s+/).slice(0, 8).join(' ')}… — ${h.item.speaker ?? ''}`);
  return ok('who-said', [], {
    message: `No quote in ${article !== undefined ? 'this article' : 'the articles'} matches those words. Try a few exact words from the quote.`,
    ...(suggestions.length > 0 ? { suggestions } : {}),
  });
}
