/**
 * Quoted words that are mentioned, not said: a term, a hashtag, a nickname or a title introduced
 * by the noun that names it ("the phrase “subject to”", "nicknamed the “…”", "a talk titled
 * “…”"), words on a sign and a name given with "call … the" ("whom fans call “the Train”"). Nobody is reported as saying them, so they are not quotes.
 */
import type { Token } from '../nlp.ts';
import { INSCRIPTION_LINKS, INSCRIPTION_NOUNS, MENTION_NOUNS, NAMING_VERBS } from '../lexicon/cues.ts';
import { wordCount, type QuoteMark } from './marks.ts';
import { tokenAt, type ParagraphView } from './view.ts';

/**
 * True when the quotation is words mentioned rather than said: after a mention noun, on a sign,
 * a name given by a naming verb, or a modifier inside a noun phrase.
 *
 * @param view - the paragraph view
 * @param mark - the quotation
 */
export function isMentionedTerm(view: ParagraphView, mark: QuoteMark): boolean {
  return afterMentionNoun(view, mark) || isInscription(view, mark) || isGivenName(view, mark);
}

/**
 * The words right before the opening mark name what follows as a term or a title: a mention
 * noun, maybe followed by "the" / "a" ("nicknamed the “…”", "the so-called “…”").
 */
export function afterMentionNoun(view: ParagraphView, mark: QuoteMark): boolean {
  let k = tokenAt(view, mark.open) - 1;
  const skip = (t: Token | undefined): boolean => t !== undefined && t.word && /^(the|a|an)$/.test(t.lower);
  if (skip(view.tokens[k])) k--;
  const t = view.tokens[k];
  return t !== undefined && t.word && !view.quoted[k] && MENTION_NOUNS.has(t.lower);
}

/**
 * Words on a sign, a banner or a shirt: "held signs reading “…”", "a sign calling it “…”".
 * An inscription noun within a few linking words before the opening mark.
 */
export function isInscription(view: ParagraphView, mark: QuoteMark): boolean {
  const open = tokenAt(view, mark.open);
  for (let k = open - 1; k >= 0 && k >= open - 4; k--) {
    const t = view.tokens[k] as Token;
    if (!t.word || view.quoted[k]) return false;
    if (INSCRIPTION_NOUNS.has(t.lower)) return k < open - 1;
    if (!INSCRIPTION_LINKS.has(t.lower)) return false;
  }
  return false;
}

/**
 * A name given with a naming verb and "the": "whom fans call “the Train”", "known as the
 * “Orrin Belle”", "calling the bill the “stopgap act”". Short quotations only: "called it the
 * “worst deal in a generation”" is someone's words.
 */
export function isGivenName(view: ParagraphView, mark: QuoteMark): boolean {
  const inner = view.paragraph.text.slice(mark.innerStart, mark.innerEnd).trim();
  const words = wordCount(inner);
  const open = tokenAt(view, mark.open);
  const before = view.tokens[open - 1];
  const theInside = /^the\s/iu.test(inner);
  const theBefore = before !== undefined && before.word && before.lower === 'the';
  if (!(theInside || theBefore) || words > (theInside ? 3 : 2)) return false;
  // The naming verb within a few words before: "call it the", "known as the", "whom fans call".
  for (let k = open - (theBefore ? 2 : 1); k >= 0 && k >= open - 5; k--) {
    const t = view.tokens[k] as Token;
    if (!t.word || view.quoted[k]) return false;
    if (NAMING_VERBS.has(t.lower)) return true;
  }
  return false;
}
