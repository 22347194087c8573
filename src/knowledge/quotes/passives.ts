/**
 * Passive quotation: "X was quoted by the Gazette as saying …", "X was quoted in a paper as
 * saying …", "X was quoted as saying he would not “…”". The words are X's, the subject of the
 * passive; the outlet after "by" / "in" only carried them and never speaks.
 */
import type { Token } from '../nlp.ts';
import { BE_PASSIVE, OUTLET_PREPOSITIONS, SKIPPABLE, UNNAMED_SOURCE_DETERMINERS } from '../lexicon/grammar.ts';
import { subjectBefore } from './grammar.ts';
import type { RuleContext, SpeakerRef } from './view.ts';

/** Words the outlet phrase between "quoted" and "as" may hold ("by the local radio station"). */
const MAX_OUTLET_WORDS = 7;

/**
 * Index of "quoted" in a passive "was quoted [by / in <outlet>] as <participle>" whose
 * participle is at i, or -1. A form of "be" (adverbs like "also" between allowed) must stand
 * before "quoted", and the words between "quoted" and "as" must open with by / in / on and hold
 * no punctuation or quotation.
 *
 * @param ctx - paragraph view and people
 * @param i - index of the participle ("saying")
 * @param floor - first token index the construction may use
 */
export function passiveQuotingVerb(ctx: RuleContext, i: number, floor: number): number {
  const toks = ctx.view.tokens;
  if (toks[i - 1]?.lower !== 'as') return -1;
  for (let k = i - 2; k >= floor && k >= i - 2 - MAX_OUTLET_WORDS; k--) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return -1;
    if (t.lower !== 'quoted') continue;
    const between = toks[k + 1] as Token;
    if (k + 1 < i - 1 && !OUTLET_PREPOSITIONS.has(between.lower)) return -1;
    return beBefore(ctx, k, floor) ? k : -1;
  }
  return -1;
}

/** True when a form of "be" stands before token k, past adverbs ("was also quoted"). */
function beBefore(ctx: RuleContext, k: number, floor: number): boolean {
  const toks = ctx.view.tokens;
  for (let j = k - 1; j >= floor && j >= k - 3; j--) {
    const t = toks[j] as Token;
    if (!t.word || ctx.view.quoted[j]) return false;
    if (BE_PASSIVE.has(t.lower)) return true;
    if (!SKIPPABLE.has(t.lower) && !/ly$/.test(t.lower)) return false;
  }
  return false;
}

/**
 * The speaker of a passive quotation whose participle is at i: the subject before "was
 * quoted" (a name, an appositive's name, a pronoun). Undefined when i is no such participle;
 * null when it is one but its subject is not safe (then nobody, never the outlet).
 *
 * @param ctx - paragraph view and people
 * @param i - index of the participle
 * @param floor - first token index the subject may use
 */
export function passiveQuotedSubject(ctx: RuleContext, i: number, floor: number): SpeakerRef | null | undefined {
  const quoted = passiveQuotingVerb(ctx, i, floor);
  if (quoted < 0) return undefined;
  return subjectBefore(ctx, quoted, floor);
}

/** Words a described source may hold between "quoted" and "as" ("a person close to the talks"). */
const MAX_SOURCE_WORDS = 8;

/**
 * True when the participle at i closes "quoted <a / an / one / two …> <description> as saying"
 * ("the paper quoted a person close to the talks as saying …"): the source the outlet describes
 * said the words, so neither the outlet nor the sentence's subject is the speaker.
 *
 * @param ctx - paragraph view and people
 * @param i - index of the participle ("saying")
 * @param floor - first token index the construction may use
 */
export function quotesDescribedSource(ctx: RuleContext, i: number, floor: number): boolean {
  const toks = ctx.view.tokens;
  if (toks[i - 1]?.lower !== 'as') return false;
  for (let k = i - 3; k >= floor && k >= i - 2 - MAX_SOURCE_WORDS; k--) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return false;
    if (/^quot(e|es|ed|ing)$/.test(t.lower))
      return UNNAMED_SOURCE_DETERMINERS.has((toks[k + 1] as Token).lower);
  }
  return false;
}

/**
 * The speaker of a trailing passive quotation ("“…,” Ana Ruiz was quoted as saying by the local
 * radio station"): when token i is "quoted" after a form of "be" and before "as saying", the
 * subject before it; null otherwise (the outlet after "by" is never it).
 *
 * @param ctx - paragraph view and people
 * @param i - index of a token after the closing mark
 * @param from - first token after the closing mark
 */
export function trailingQuotedSubject(ctx: RuleContext, i: number, from: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  if (toks[i]?.lower !== 'quoted' || toks[i + 1]?.lower !== 'as') return null;
  if (!/^(saying|telling)$/.test(toks[i + 2]?.lower ?? '') || !beBefore(ctx, i, from)) return null;
  return subjectBefore(ctx, i, from);
}
