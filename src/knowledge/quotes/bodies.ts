/**
 * Bodies that speak for someone: a person's office or camp ("Harlow's office said the review
 * would take “…”") is that person's voice in news copy, and a body's officeholder named in
 * apposition after an inverted verb ("said Kestrel's captain, Dana Ivers") speaks.
 */
import type { Token } from '../nlp.ts';
import { SPOKESMAN_BODY_NOUNS } from '../lexicon/cues.ts';
import { PREPOSITIONS, SKIPPABLE } from '../lexicon/grammar.ts';
import { DOCUMENT_NOUNS } from '../lexicon/cues.ts';
import type { Entity } from '../types.ts';
import type { QuoteMark } from './marks.ts';
import type { Discourse } from './discourse.ts';
import { verbAt } from './grammar.ts';
import { isRoleNoun } from '../people.ts';
import { RELATIVE_NOUNS } from '../lexicon/people.ts';
import { indexOfView, mentionEntity, tokenAt, windowOf, type RuleContext, type SpeakerRef } from './view.ts';

/**
 * The person whose office or camp the noun at token k names ("Harlow's office", "Brekke's camp"):
 * a person's possessive right before the lowercase noun, not itself the object of a preposition
 * ("a letter to Harlow's office" is no one's words). Null otherwise.
 *
 * @param ctx - paragraph view and people
 * @param k - index of the noun
 */
export function officeOwner(ctx: RuleContext, k: number): SpeakerRef | null {
  const view = ctx.view;
  const noun = view.tokens[k];
  if (!noun || !noun.word || noun.capital || view.quoted[k] || !SPOKESMAN_BODY_NOUNS.has(noun.lower))
    return null;
  const e = mentionEntity(ctx, k - 1);
  const m = view.mentionOf[k - 1];
  if (!e || !m || !m.possessive || e.kind !== 'person' || view.quoted[k - 1]) return null;
  const before = view.tokens[tokenAt(view, m.fullStart) - 1] as Token | undefined;
  if (before && before.word && PREPOSITIONS.has(before.lower)) return null;
  return { type: 'entity', entity: e, tokenIndex: k - 1 };
}

/** Words a role phrase may hold between its owner and the comma ("chief executive officer"). */
const MAX_OWNED_ROLE_WORDS = 4;

/**
 * The person named in apposition to an owned role after an inverted verb: "said Kestrel's
 * captain, Dana Ivers", "said the Harriers' captain, Tomas Brekke", "said Corlan's chief
 * executive, Pia Olsen". From token k: an owner in the possessive (a plural one's bare mark
 * included), lowercase words with a role noun and no family noun among them, a comma, then a
 * person's naming. Null when any part is missing.
 *
 * @param ctx - paragraph view and people
 * @param k - index of the owner's possessive word
 * @param ceil - token index the naming must start before
 */
export function ownedRoleAppositive(ctx: RuleContext, k: number, ceil: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  const owner = toks[k];
  if (!owner || !owner.word || !owner.possessive || !owner.capital || ctx.view.quoted[k]) return null;
  let j = /^[’']$/.test(toks[k + 1]?.text ?? '') ? k + 2 : k + 1;
  let role = false;
  for (let n = 0; j < ceil && n < MAX_OWNED_ROLE_WORDS; j++, n++) {
    const t = toks[j] as Token;
    if (!t.word || t.capital || ctx.view.quoted[j] || PREPOSITIONS.has(t.lower)) break;
    // "said Halvorsen's wife, Lena": a relative is named through the family (people/kin.ts).
    if (RELATIVE_NOUNS.has(t.lower)) return null;
    if (isRoleNoun(t.lower)) role = true;
  }
  if (!role || toks[j]?.text !== ',' || j + 1 >= ceil) return null;
  const e = mentionEntity(ctx, j + 1);
  const m = ctx.view.mentionOf[j + 1];
  return e && m && e.kind === 'person' && !m.possessive
    ? { type: 'entity', entity: e, tokenIndex: j + 1 }
    : null;
}

/**
 * The issuer of the document a sentence opens with as its subject: "The union issued a statement
 * overnight. … The statement said crews would run “…”" — the text named with its issuer in
 * this paragraph or the one before (`Discourse.documentIssuer`) speaks. "the", a document noun,
 * then the sentence's speech verb (adverbs and auxiliaries may stand between); null otherwise.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 * @param discourse - the documents named so far and their issuers
 */
export function openingDocumentIssuer(
  ctx: RuleContext,
  mark: QuoteMark,
  discourse: Discourse,
): { speaker: Entity; verb: string } | null {
  const view = ctx.view;
  const w = windowOf(view, mark);
  const s = w.first < view.tokens.length ? (indexOfView(view).runStart[w.first] as number) : w.first;
  const [det, noun] = [view.tokens[s], view.tokens[s + 1]];
  if (det?.lower !== 'the' || !noun || noun.capital || view.quoted[s + 1] || !DOCUMENT_NOUNS.has(noun.lower))
    return null;
  let k = s + 2;
  while (k < w.first && SKIPPABLE.has((view.tokens[k] as Token).lower)) k++;
  const v = k < w.first ? verbAt(view, k) : null;
  if (!v || v.participle) return null;
  const para = view.paragraph.number;
  const issuer = discourse.documentIssuer(para, noun.lower) ?? discourse.documentIssuer(para - 1, noun.lower);
  return issuer ? { speaker: issuer, verb: v.form } : null;
}
