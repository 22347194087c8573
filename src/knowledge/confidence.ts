/**
 * How sure an attribution is, from what the rule saw: the rule's own reliability, whether the
 * speaker came through a pronoun, and whether an organisation was taken while a person is named
 * between it and the quote ("The Coast Guard announced an order by Admiral X directing units to
 * “…”": the admiral's words, not the Coast Guard's). Below `MIN_CONFIDENCE` the quote keeps
 * `speaker: null`: a wrong speaker costs more than a missing one.
 */
import type { AttributionRule, Entity } from './types.ts';
import type { QuoteMark } from './quotes/marks.ts';
import type { RuleFinding } from './quotes/attribution.ts';
import { tokenAt, type RuleContext } from './quotes/view.ts';
import type { Token } from './nlp.ts';
import { pronounConflict } from './people/gender.ts';
import { NAME_SUFFIXES } from './lexicon/people.ts';
import { PREPOSITIONS } from './lexicon/grammar.ts';
import { OBJECT_PREPOSITIONS } from './lexicon/cues.ts';
import { prepositionBefore } from './quotes/grammar.ts';

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
/**
 * A pronoun resolved against its antecedent's first name ("she" to a Victor): a last resort, but
 * first-name lists are crude (Rowan, Kim), so only a small step down.
 */
const HINTED_GENDER_PENALTY = 0.1;
/** A pronoun whose antecedent stands two or more paragraphs back. */
const DISTANT_ANTECEDENT_PENALTY = 0.1;
/**
 * Two people of one surname (David and Louise Turpin) and the attribution names the speaker by
 * the surname alone, a pronoun or a role: which of the two is meant rests on resolution alone.
 */
const SHARED_SURNAME_PENALTY = 0.2;
/**
 * The speaker's own clause refers back to them with the other gender ("Okonjo described her
 * style" resolved to a Michael): the name was resolved to the wrong person of that name.
 */
const OWN_PRONOUN_PENALTY = 0.35;
/**
 * A quote given to the previous quote's speaker while another person became the subject of a
 * clause in between ("“…,” Ana said. Li Wei disagreed. “…”"): the floor may have changed hands.
 */
const OTHER_SPEAKER_PENALTY = 0.3;
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
  if (found.pronoun?.hinted) c -= HINTED_GENDER_PENALTY;
  if ((found.pronoun?.paragraphsBack ?? 0) >= 2) c -= DISTANT_ANTECEDENT_PENALTY;
  const paragraph = (found.at?.ctx ?? ctx).view.paragraph.number;
  if (surnameRivalNear(ctx.people.entities, found.speaker, paragraph) && !namedInFull(found))
    c -= SHARED_SURNAME_PENALTY;
  if (found.at && !found.viaPronoun && ownPronounConflicts(found)) c -= OWN_PRONOUN_PENALTY;
  if (found.otherSpeaker) c -= OTHER_SPEAKER_PENALTY;
  if (found.speaker.kind !== 'person' && found.at && found.at.ctx === ctx) {
    if (personBetween(ctx, found.at.tokenIndex, tokenAt(ctx.view, mark.open), found.speaker))
      c -= ORG_OVER_PERSON_PENALTY;
  }
  // Rounded: penalties are steps of 0.05, and 0.8 - 0.1 - 0.2 must not fall under 0.5 by a hair.
  return Math.round(Math.max(0, Math.min(1, c)) * 100) / 100;
}

/** True when an unquoted mention of another person stands strictly between two tokens of one sentence. */
function personBetween(ctx: RuleContext, a: number, b: number, speaker: Entity): boolean {
  const view = ctx.view;
  const [from, to] = a < b ? [a + 1, b] : [b + 1, a];
  const sentence = view.sentence[a];
  for (let k = from; k < to; k++) {
    if (view.sentence[k] !== sentence || view.quoted[k]) continue;
    // "X justified the strike, which was approved by Y, as …": a relative aside names no speaker.
    k = endOfRelativeAside(ctx, k, to);
    const m = view.mentionOf[k];
    if (m && m.kind === 'person' && !m.quoted && m.entityId !== undefined) {
      const e = ctx.people.byId.get(m.entityId);
      if (e && e.kind === 'person' && e !== speaker && !m.possessive && !actedOn(ctx, m.fullStart))
        return true;
    }
  }
  return false;
}

/**
 * True when the person whose naming starts at offset `fullStart` is the object of a preposition
 * for someone acted on ("freed the campaigner X on bail"), not a possible speaker.
 *
 * @param ctx - the paragraph view
 * @param fullStart - offset of the naming's first character (its title included)
 */
function actedOn(ctx: RuleContext, fullStart: number): boolean {
  const prep = prepositionBefore(ctx, tokenAt(ctx.view, fullStart), false);
  const p = ctx.view.tokens[prep];
  if (!p || !OBJECT_PREPOSITIONS.has(p.lower)) return false;
  return !(p.lower === 'to' && ctx.view.tokens[prep - 1]?.lower === 'according');
}

/** Words opening a non-restrictive relative clause after a comma. */
const RELATIVE_ASIDE_OPENERS = new Set(['which', 'who', 'whose', 'whom']);

/**
 * When token k is the comma opening a relative aside (", which was approved by Y,"), the index
 * of the comma that closes it before `to`; otherwise k.
 *
 * @param ctx - the paragraph view
 * @param k - a token index
 * @param to - the aside must close before this index
 */
export function endOfRelativeAside(ctx: RuleContext, k: number, to: number): number {
  const toks = ctx.view.tokens;
  if (toks[k]?.text !== ',' || !RELATIVE_ASIDE_OPENERS.has(toks[k + 1]?.lower ?? '')) return k;
  for (let j = k + 2; j < to; j++) {
    const t = toks[j] as Token;
    if (ctx.view.quoted[j] || /^[.;:!?]$/.test(t.text)) return k;
    if (t.text === ',') return j;
  }
  return k;
}

/** The parts of a person's surname ("Brinks-Moore" gives brinks and moore), lowercase. */
export function surnameParts(e: Entity): string[] {
  const words = e.name
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !NAME_SUFFIXES.has(w.replace(/,$/, '')));
  if (words.length < 2) return [];
  return (words[words.length - 1] as string).split('-');
}

/** How many paragraphs back a rival of the same surname may be mentioned and still confuse. */
const RIVAL_WINDOW = 2;

/**
 * True when another person sharing a part of this person's surname is mentioned in this
 * paragraph or the two before it: the surname, a pronoun or a role could mean either.
 *
 * @param entities - the article's entities
 * @param e - the speaker
 * @param paragraph - the paragraph of the attribution
 */
export function surnameRivalNear(entities: readonly Entity[], e: Entity, paragraph: number): boolean {
  if (e.kind !== 'person') return false;
  const mine = surnameParts(e);
  if (mine.length === 0) return false;
  return entities.some(
    (o) =>
      o !== e &&
      o.kind === 'person' &&
      surnameParts(o).some((p) => mine.includes(p)) &&
      o.mentions.some((m) => {
        const at = m.citation.paragraph;
        return at <= paragraph && at >= paragraph - RIVAL_WINDOW;
      }),
  );
}

/** True when the attribution names the speaker with first name and surname ("Louise Turpin said"). */
function namedInFull(found: RuleFinding): boolean {
  if (!found.at || found.viaPronoun) return false;
  const m = found.at.ctx.view.mentionOf[found.at.tokenIndex];
  if (!m) return false;
  const text = found.at.ctx.view.paragraph.text.slice(m.start, m.end);
  const first = found.speaker?.name.split(/\s+/)[0];
  return first !== undefined && text.split(/\s+/).length >= 2 && text.includes(first);
}

/**
 * True when "her" at k is an object ("assured her that", "told her in a meeting"), not a
 * possessive before a noun ("described her style"): the next token is punctuation, a
 * preposition, "that" or a determiner. An object is someone else, so it says nothing of the
 * subject's gender.
 */
function objectPronoun(toks: readonly Token[], k: number): boolean {
  if ((toks[k] as Token).lower !== 'her') return false;
  const next = toks[k + 1];
  return (
    !next || !next.word || PREPOSITIONS.has(next.lower) || /^(that|the|a|an|this|these)$/.test(next.lower)
  );
}

/** Possessive and reflexive pronouns that refer back to a clause's subject. */
const BACK_REFERENCES: Readonly<Record<string, string>> = {
  his: 'he',
  himself: 'he',
  her: 'she',
  herself: 'she',
};

/**
 * True when, within a few words after the speaker's name and before a quotation mark, a
 * possessive or reflexive pronoun of the other gender stands ("Okonjo described her style").
 */
function ownPronounConflicts(found: RuleFinding): boolean {
  if (!found.at || !found.speaker || found.speaker.kind !== 'person') return false;
  const { ctx, tokenIndex } = found.at;
  const view = ctx.view;
  for (let k = tokenIndex + 1; k < view.tokens.length && k <= tokenIndex + 4; k++) {
    const t = view.tokens[k] as Token;
    if (view.quoted[k] || view.sentence[k] !== view.sentence[tokenIndex] || view.mentionOf[k]) return false;
    const pronoun = BACK_REFERENCES[t.lower];
    if (pronoun && objectPronoun(view.tokens, k)) return false;
    // "Ana Ruiz, his successor, said": an appositive owned by someone else.
    if (pronoun && view.tokens[k - 1]?.text === ',') return false;
    if (pronoun) return pronounConflict(pronoun, found.speaker) !== null;
  }
  return false;
}
