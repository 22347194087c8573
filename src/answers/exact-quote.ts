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

/** Each knowledge base's quotes keyed by their comparable text, built on the first such ask. */
const byText = new WeakMap<KnowledgeBase, Map<string, Quote[]>>();

/** The knowledge base's quotes by comparable text, in article order (built once per base). */
function textIndex(kb: KnowledgeBase): Map<string, Quote[]> {
  let index = byText.get(kb);
  if (index !== undefined) return index;
  index = new Map();
  for (const k of kb.knowledge)
    for (const q of k.quotes) {
      const key = comparable(q.text);
      if (key.length < MIN_LETTERS) continue;
      const list = index.get(key);
      if (list === undefined) index.set(key, [q]);
      else list.push(q);
    }
  byText.set(kb, index);
  return index;
}

/**
 * The quotes (of one article when given) whose whole text is the asked words, in article order.
 * The index is built on the first such ask, so later asks do not normalise every quote again.
 *
 * @param kb - the knowledge base
 * @param words - the asked words, quotation marks stripped
 * @param article - an article id to keep to, if any
 */
export function quotesWithText(kb: KnowledgeBase, words: string, article?: string): Quote[] {
  const key = comparable(words);
  if (key.length < MIN_LETTERS) return [];
  const found = textIndex(kb).get(key) ?? [];
  return article === undefined ? [...found] : found.filter((q) => q.article === article);
}
