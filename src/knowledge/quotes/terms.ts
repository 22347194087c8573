/**
 * Quoted words that are mentioned, not said: a term, a hashtag, a nickname or a title introduced
 * by the noun that names it ("the phrase “subject to”", "nicknamed the “…”", "a talk titled
 * “…”"), words on a sign and a name given with "call … the" ("whom fans call “the Train”"). Nobody is reported as saying them, so they are not quotes.
 */
import type { Token } from '../nlp.ts';
import {
  DETERMINERS,
  INSCRIPTION_LINKS,
  INSCRIPTION_NOUNS,
  MENTION_NOUNS,
  NAMING_VERBS,
  NOT_A_HEAD_NOUN,
} from '../lexicon/cues.ts';
import { AUXILIARIES, POSSESSIVE_DETERMINERS, PREPOSITIONS } from '../lexicon/grammar.ts';
import { isFramingVerb, speechVerb } from '../speech-verbs.ts';
// A speech or framing verb reports a quoted modifier from as far back as it frames a quote.
import { MAX_FRAME_TOKENS } from '../cues.ts';
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
  return (
    afterMentionNoun(view, mark) ||
    isInscription(view, mark) ||
    isGivenName(view, mark) ||
    isModifier(view, mark)
  );
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

/** The most words a quoted modifier may have ("pay as you go"). */
const MAX_MODIFIER_WORDS = 4;

/**
 * Scare quotes used as a modifier inside a noun phrase: `the “big box” stores`, `a “zero
 * tolerance” rule`, `last year's “temporary” ban`, `a free “pay as you go” scheme`. A short
 * lowercase quotation with no punctuation of its own, after a determiner or a possessive (maybe
 * one adjective between), before a lowercase head noun, in a sentence with no speech or framing
 * verb before it: nobody is reported as saying it.
 *
 * @param view - the paragraph view
 * @param mark - the quotation
 */
export function isModifier(view: ParagraphView, mark: QuoteMark): boolean {
  const inner = view.paragraph.text.slice(mark.innerStart, mark.innerEnd).trim();
  if (!mark.closed || wordCount(inner) > MAX_MODIFIER_WORDS || !/^\p{Ll}/u.test(inner)) return false;
  if (/[.,;:!?]$/.test(inner)) return false;
  const open = tokenAt(view, mark.open);
  const after = view.tokens[tokenAt(view, mark.end)];
  if (!after || !after.word || after.capital || !isHeadNoun(after)) return false;
  let k = open - 1;
  const adjective = view.tokens[k];
  if (
    adjective &&
    adjective.word &&
    !adjective.capital &&
    !adjective.possessive &&
    !opensNounPhrase(adjective)
  )
    k--;
  const det = view.tokens[k];
  if (!det || !det.word || !opensNounPhrase(det)) return false;
  for (let i = k - 1; i >= 0 && i >= k - MAX_FRAME_TOKENS && view.sentence[i] === view.sentence[open]; i--) {
    const t = view.tokens[i] as Token;
    if (!view.quoted[i] && t.word && !t.capital && (speechVerb(t.lower) || isFramingVerb(t.lower)))
      return false;
    if (t.lower === 'according') return false;
  }
  return true;
}

/** A determiner or a possessive that opens a noun phrase ("the", "its", "last year's"). */
function opensNounPhrase(t: Token): boolean {
  return t.possessive || DETERMINERS.has(t.lower) || POSSESSIVE_DETERMINERS.has(t.lower);
}

/** A lowercase word that may head the noun phrase after a quoted modifier. */
function isHeadNoun(t: Token): boolean {
  return (
    !NOT_A_HEAD_NOUN.has(t.lower) &&
    !PREPOSITIONS.has(t.lower) &&
    !AUXILIARIES.has(t.lower) &&
    !/ly$/.test(t.lower) &&
    speechVerb(t.lower) === null &&
    !isFramingVerb(t.lower)
  );
}
