/**
 * Bodies that speak for someone: a person's office or camp ("Kowal's office said the review
 * would take “…”") is that person's voice in news copy.
 */
import type { Token } from '../nlp.ts';
import { SPOKESMAN_BODY_NOUNS } from '../lexicon/cues.ts';
import { PREPOSITIONS } from '../lexicon/grammar.ts';
import { mentionEntity, tokenAt, type RuleContext, type SpeakerRef } from './view.ts';

/**
 * The person whose office or camp the noun at token k names ("Kowal's office", "Menon's camp"):
 * a person's possessive right before the lowercase noun, not itself the object of a preposition
 * ("a letter to Kowal's office" is no one's words). Null otherwise.
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
