/**
 * How sure an attribution is, from what the rule saw: the rule's own reliability, whether the
 * speaker came through a pronoun, and whether an organisation was taken while a person is named
 * between it and the quote ("The Coast Guard announced an order by Admiral X directing units to
 * “…”": the admiral's words, not the Coast Guard's). Below `MIN_CONFIDENCE` the quote keeps
 * `speaker: null`: a wrong speaker costs more than a missing one.
 */
import type { AttributionRule } from './types.ts';
import type { QuoteMark } from './quotes/marks.ts';
import type { RuleFinding } from './quotes/attribution.ts';
import { tokenAt, type RuleContext } from './quotes/view.ts';

/** Attributions below this are not given a speaker. */
export const MIN_CONFIDENCE = 0.5;

/** How often each rule names the right speaker on its own, roughly (news text, hand-checked). */
const RULE_BASE: Record<AttributionRule, number> = {
  trailing: 0.95,
  inverted: 0.95,
  split: 0.9,
  leading: 0.9,
  'according-to': 0.85,
  'same-sentence': 0.8,
  colon: 0.75,
  'previous-quote': 0.75,
  framed: 0.7,
  'previous-sentence': 0.7,
  continuation: 0.65,
};

/** A pronoun resolved through the discourse is one more step that can go wrong. */
const PRONOUN_PENALTY = 0.1;
/** An organisation taken as the speaker while a person is named closer to the quote. */
const ORG_OVER_PERSON_PENALTY = 0.35;

/**
 * The confidence of one attribution, from 0 to 1.
 *
 * @param ctx - the view of the paragraph where the quotation opens
 * @param mark - the quotation
 * @param found - what the rules found
 */
export function attributionConfidence(ctx: RuleContext, mark: QuoteMark, found: RuleFinding): number {
  if (!found.rule || !found.speaker) return 0;
  let c = RULE_BASE[found.rule];
  if (found.viaPronoun) c -= PRONOUN_PENALTY;
  if (found.speaker.kind !== 'person' && found.at && found.at.ctx === ctx) {
    if (personBetween(ctx, found.at.tokenIndex, tokenAt(ctx.view, mark.open))) c -= ORG_OVER_PERSON_PENALTY;
  }
  return Math.max(0, Math.min(1, c));
}

/** True when an unquoted person mention stands strictly between two tokens of one sentence. */
function personBetween(ctx: RuleContext, a: number, b: number): boolean {
  const view = ctx.view;
  const [from, to] = a < b ? [a + 1, b] : [b + 1, a];
  const sentence = view.sentence[a];
  for (let k = from; k < to; k++) {
    if (view.sentence[k] !== sentence || view.quoted[k]) continue;
    const m = view.mentionOf[k];
    if (m && m.kind === 'person' && !m.quoted && m.entityId !== undefined) {
      const e = ctx.people.byId.get(m.entityId);
      if (e && e.kind === 'person') return true;
    }
  }
  return false;
}
