/**
 * Quoted words that are mentioned, not said: a term, a hashtag, a nickname or a title introduced
 * by the noun that names it ("the phrase “subject to”", "nicknamed the “…”", "a talk titled
 * “…”"). Nobody is reported as saying them, so they are not quotes.
 */
import type { Token } from '../nlp.ts';
import { MENTION_NOUNS } from '../lexicon/cues.ts';
import type { QuoteMark } from './marks.ts';
import { tokenAt, type ParagraphView } from './view.ts';

/**
 * True when the words right before the opening mark name what follows as a term or a title:
 * a mention noun, maybe followed by "the" / "a" ("nicknamed the “…”").
 *
 * @param view - the paragraph view
 * @param mark - the quotation
 */
export function isMentionedTerm(view: ParagraphView, mark: QuoteMark): boolean {
  let k = tokenAt(view, mark.open) - 1;
  const skip = (t: Token | undefined): boolean => t !== undefined && t.word && /^(the|a|an)$/.test(t.lower);
  if (skip(view.tokens[k])) k--;
  const t = view.tokens[k];
  return t !== undefined && t.word && !view.quoted[k] && MENTION_NOUNS.has(t.lower);
}
