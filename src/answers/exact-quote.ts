/**
 * Quotes found by their whole text when every word of it is too common to search for ("It
 * won't happen again.", "Wouldn't you?"): a follow-on line after an attributed quote is often
 * that short, and the term search ignores function words.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Quote } from '../knowledge/types.ts';

/** Shorter asks than this (in letters) say too little to match a whole quote on. */
const MIN_LETTERS = 6;

/** Lowercase letters and digits only, curly apostrophes and spacing ignored. */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The quotes (of one article when given) whose whole text is the asked words, in article order.
 *
 * @param kb - the knowledge base
 * @param words - the asked words, quotation marks stripped
 * @param article - an article id to keep to, if any
 */
export function quotesWithText(kb: KnowledgeBase, words: string, article?: string): Quote[] {
  const key = comparable(words);
  if (key.length < MIN_LETTERS) return [];
  const out: Quote[] = [];
  for (const k of kb.knowledge) {
    if (article !== undefined && k.article.id !== article) continue;
    for (const q of k.quotes) if (comparable(q.text) === key) out.push(q);
  }
  return out;
}
