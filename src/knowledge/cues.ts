/**
 * Attribution cues beyond "X said": a colon introduction (`X told the press: “…”`,
 * `the mayor's statement read: “…”`) and a quoted fragment framed by its clause's verb
 * (`X called the move a “…”`, `he described the attacks as a “…”`, `X went on to say they had
 * “…”`). Each rule is a function of the paragraph view; quotes.ts runs them after the stricter
 * rules found nothing.
 */
import type { Entity } from './types.ts';
import type { Token } from './nlp.ts';
import type { Mention } from './people.ts';
import type { QuoteMark } from './quotes/marks.ts';
import {
  epithetAt,
  indexOfView,
  mentionEntity,
  tokenAt,
  windowOf,
  type Attribution,
  type RuleContext,
  type SpeakerRef,
} from './quotes/view.ts';
import {
  clauseVerbAt,
  subjectStart,
  coordinatedWithPerson,
  isNegated,
  mainSubject,
  openingOfAside,
  organisationByHead,
  participleSubject,
  personAfterModifier,
  prepositionBefore,
  quotingVerbBefore,
  roleBeforeParticiple,
  subjectBefore,
  verbAt,
} from './quotes/grammar.ts';
import { PRONOUNS, PREPOSITIONS } from './lexicon/grammar.ts';
import { officeOwner } from './quotes/bodies.ts';
import { passiveQuotingVerb, quotesDescribedSource } from './quotes/passives.ts';
import { endOfRelativeAside } from './confidence.ts';
import {
  DOCUMENT_NOUNS,
  ISSUING_VERBS,
  MESSAGE_NOUNS,
  OWNER_PRONOUNS,
  RELATIVE_OPENERS,
  SPEECH_NOUNS,
} from './lexicon/cues.ts';
import { isFramingVerb } from './speech-verbs.ts';
import { ORG_APPOSITIVE_NOUNS } from './lexicon/people.ts';

export { isFramingVerb };

/** How far back from a quoted fragment its framing verb may stand, in tokens. */
export const MAX_FRAME_TOKENS = 60;

/** A cue verb at token i: a speech verb or a framing verb, lowercase and outside quotation marks. */
function cueAt(ctx: RuleContext, i: number): boolean {
  const t = ctx.view.tokens[i];
  if (!t || !t.word || t.capital || ctx.view.quoted[i]) return false;
  return verbAt(ctx.view, i) !== null || isFramingVerb(t.lower);
}

/** "was described as", "is called": a passive cue names no speaker before it. */
function isPassive(ctx: RuleContext, i: number): boolean {
  const prev = ctx.view.tokens[i - 1];
  const t = ctx.view.tokens[i] as Token;
  return (
    prev !== undefined &&
    /^(was|were|been|being|is|are|be|get|got)$/.test(prev.lower) &&
    (/(?:ed|en|wn)$/.test(t.lower) || /^(told|said|thought|heard|felt)$/.test(t.lower))
  );
}

/**
 * The agent of a passive cue: "he was told by Emergencies Minister X that ...", "was quoted by
 * the agency as saying". The first name within a few words after "by".
 *
 * @param ctx - paragraph view and people
 * @param verb - index of the passive verb
 * @param ceil - token index the agent must stand before
 */
export function passiveAgent(ctx: RuleContext, verb: number, ceil: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  const by = toks[verb + 1]?.lower === 'by' ? verb + 1 : -1;
  if (by < 0) return null;
  for (let k = by + 1; k < ceil && k <= by + 6; k++) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return null;
    const e = mentionEntity(ctx, k);
    const m = ctx.view.mentionOf[k];
    if (e && m && !m.possessive) return { type: 'entity', entity: e, tokenIndex: k };
    if (PREPOSITIONS.has(t.lower) || t.lower === 'that') return null;
  }
  return null;
}

/**
 * The subject of a clause: its first pronoun or name that is neither after a preposition nor a
 * possessive nor a modifier ("In his message, he appreciated ...", "The delegate to the House,
 * Aumua Amata, told the press").
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the clause
 * @param to - token index the clause ends before
 */
export function clauseSubject(ctx: RuleContext, from: number, to: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  // "Also in response to a question about whether X backed Y, the spokeswoman replied": past
  // the dateline and the opening phrase, and before the clause's own verb.
  const start = subjectStart(ctx, from, to);
  for (let k = start; k < to; k++) {
    const t = toks[k] as Token;
    if (ctx.view.quoted[k]) continue;
    // "The residents' group, which Ana Ruiz chairs, issued a statement:": the aside's name is
    // not the subject of the clause.
    k = endOfRelativeAside(ctx, k, to);
    // "the senior Conservative dared Labour MPs …": a described subject; the names after it are not.
    if ((k > start && clauseVerbAt(ctx, k)) || epithetAt(ctx, k)) return null;
    // "The union issued a statement:": the organisation of that name, at the clause's start.
    const org = k === start && !ctx.view.mentionOf[k + 1] ? organisationByHead(ctx, k) : null;
    if (org) return org;
    const prev = toks[k - 1];
    const afterPreposition = prev !== undefined && prev.word && PREPOSITIONS.has(prev.lower);
    if (t.word && PRONOUNS.has(t.lower) && !t.capital && !afterPreposition)
      return { type: 'pronoun', pronoun: t.lower, tokenIndex: k };
    if (t.word && PRONOUNS.has(t.lower) && k === start)
      return { type: 'pronoun', pronoun: t.lower, tokenIndex: k };
    const e = mentionEntity(ctx, k);
    if (!e) continue;
    const m = ctx.view.mentionOf[k] as Mention;
    const firstIdx = tokenAt(ctx.view, m.fullStart);
    while (k + 1 < to && ctx.view.mentionOf[k + 1] === m) k++;
    // "Harlow's office confirmed …": the office speaks for the person.
    const office = m.possessive && k + 1 < to ? officeOwner(ctx, k + 1) : null;
    if (office) return office;
    if (m.possessive || m.modifier || prepositionBefore(ctx, firstIdx, e.kind !== 'person') >= 0) continue;
    // "hosted by Ana Ruiz and Li Wei": the second of a pair shares the first one's place.
    if (coordinatedWithPerson(ctx, firstIdx)) continue;
    if (e.kind !== 'person')
      return personAfterModifier(ctx, k, to) ?? { type: 'entity', entity: e, tokenIndex: k };
    return { type: 'entity', entity: e, tokenIndex: k };
  }
  return null;
}

/**
 * The owner of a text named in the clause: "the mayor's statement read", "the court's summary",
 * "In his message". Returns the possessive name or pronoun right before a document noun.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the clause
 * @param to - token index the clause ends before
 */
export function documentOwner(ctx: RuleContext, from: number, to: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  for (let k = from; k < to; k++) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k] || !DOCUMENT_NOUNS.has(t.lower)) continue;
    // The owner stands right before the noun, or one modifier before it ("the mayor's official statement").
    for (let j = k - 1; j >= from && j >= k - 2; j--) {
      const o = toks[j] as Token;
      if (/^(his|her|their|its)$/.test(o.lower))
        return { type: 'pronoun', pronoun: OWNER_PRONOUNS[o.lower] as string, tokenIndex: j };
      const e = mentionEntity(ctx, j);
      const m = ctx.view.mentionOf[j];
      if (e && m && m.possessive) return { type: 'entity', entity: e, tokenIndex: j };
    }
  }
  return null;
}

/**
 * A colon introduction: the quotation opens right after a colon that ends a narration clause;
 * the clause's subject (or the owner of the statement it names) is the speaker.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function attributeColon(ctx: RuleContext, mark: QuoteMark): Attribution | null {
  const view = ctx.view;
  const w = windowOf(view, mark);
  const colon = w.first - 1;
  if (colon <= w.sentStart || view.tokens[colon]?.text !== ':' || view.quoted[colon]) return null;
  // "Hale was asked by Ruiz:", "Hale was told:": the agent speaks, or someone unnamed.
  const passive = passiveInClause(ctx, w.sentStart, colon);
  if (passive >= 0) {
    const agent = passiveAgent(ctx, passive, colon);
    return agent ? { ref: agent, rule: 'colon', verb: ':' } : null;
  }
  const ref =
    documentOwner(ctx, w.sentStart, colon) ??
    messageIssuer(ctx, w.sentStart, colon) ??
    clauseSubject(ctx, w.sentStart, colon);
  return ref ? { ref, rule: 'colon', verb: ':' } : null;
}

/**
 * Index of a passive speech verb in [from, to) ("was asked", "were told"), or -1.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the clause
 * @param to - token index the clause ends before
 */
export function passiveInClause(ctx: RuleContext, from: number, to: number): number {
  for (let k = from; k < to; k++) if (verbAt(ctx.view, k) && isPassive(ctx, k)) return k;
  return -1;
}

/**
 * Who sent the message a colon clause names: "Hale received a text from Ruiz:", "The verdict
 * from Ana Ruiz was blunt:", "Ruiz read out a letter from Hale:". The first noun for words
 * (`lexicon/cues.ts`) in the clause, then a name after "from", "by" or "of" (`senderAfter`).
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the clause
 * @param to - token index the clause ends before (the colon)
 */
export function messageIssuer(ctx: RuleContext, from: number, to: number): SpeakerRef | null {
  for (let k = from; k < to; k++) {
    const t = ctx.view.tokens[k] as Token;
    if (!t.word || t.capital || ctx.view.quoted[k]) continue;
    if (DOCUMENT_NOUNS.has(t.lower) || SPEECH_NOUNS.has(t.lower) || MESSAGE_NOUNS.has(t.lower))
      return senderAfter(ctx, k, to);
  }
  return null;
}

/** How many tokens after "from" the sender's name may end ("from the firm's chairman, Li Wei,"). */
const MAX_SENDER_TOKENS = 10;

/**
 * The sender named after a message noun: "from", "by" or "of" within two words of it, then the
 * first naming that is not a possessive ("from Skovgaard's chairman, Pieter van Wyck" -> Pieter
 * van Wyck), before a sentence break or `ceil`.
 *
 * @param ctx - paragraph view and people
 * @param noun - index of the message noun
 * @param ceil - token index the sender must stand before
 */
export function senderAfter(ctx: RuleContext, noun: number, ceil: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  let prep = -1;
  for (let k = noun + 1; k < ceil && k <= noun + 2; k++)
    if (/^(from|by|of)$/.test((toks[k] as Token).lower)) prep = k;
  if (prep < 0) return null;
  for (let k = prep + 1; k < ceil && k <= prep + MAX_SENDER_TOKENS; k++) {
    const t = toks[k] as Token;
    if (ctx.view.quoted[k] || /^[.;!?]$/.test(t.text)) return null;
    const e = mentionEntity(ctx, k);
    const m = ctx.view.mentionOf[k];
    if (e && m && !m.possessive) return { type: 'entity', entity: e, tokenIndex: k };
    // "the text of a message he sent to X": the sender is not named right after "of".
    if (t.word && !t.capital && (verbAt(ctx.view, k) || PRONOUNS.has(t.lower) || PREPOSITIONS.has(t.lower)))
      return null;
  }
  return null;
}

/**
 * A quoted fragment framed by the verb of its clause: the nearest speech or framing verb before
 * the quotation in its sentence, and that verb's subject (or, for "went on to say" and relative
 * clauses, the clause's subject). Passives ("was described as") name no speaker.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function attributeFramed(ctx: RuleContext, mark: QuoteMark): Attribution | null {
  const view = ctx.view;
  const w = windowOf(view, mark);
  for (let i = w.first - 1; i >= w.sentStart && i >= w.first - MAX_FRAME_TOKENS; i--) {
    i = openingOfAside(view, i, w.sentStart);
    if (!cueAt(ctx, i) || isNegated(view, i)) continue;
    if (isPassive(ctx, i)) {
      const agent = passiveAgent(ctx, i, w.first);
      return agent ? { ref: agent, rule: 'framed', verb: (view.tokens[i] as Token).lower } : null;
    }
    const t = view.tokens[i] as Token;
    const participle = t.lower.endsWith('ing');
    // "quoted her as saying", "recalled his predecessor telling him": the person quoted or
    // nobody, never the main clause's subject.
    // "quoted a person close to the talks as saying": a described source, not anyone named.
    if (participle && quotesDescribedSource(ctx, i, w.sentStart)) return null;
    if (
      participle &&
      (quotingVerbBefore(ctx, i, w.sentStart) >= 0 ||
        passiveQuotingVerb(ctx, i, w.sentStart) >= 0 ||
        roleBeforeParticiple(ctx, i))
    ) {
      const quoted = participleSubject(ctx, i, w.sentStart);
      return quoted ? { ref: quoted, rule: 'framed', verb: t.lower } : null;
    }
    if (!participle && (hasUnnamedSubject(ctx, i) || hasIndefiniteSubject(ctx, i, w.sentStart))) {
      // "what one aide called “…”": the verb's own subject is nobody the article names.
      const own = subjectBefore(ctx, i, w.sentStart);
      return own ? { ref: own, rule: 'framed', verb: t.lower } : null;
    }
    // "X urged Y not to make “a” regarding Z, warning “b”": the participle's subject is the whole
    // sentence's, from before the earlier fragment.
    const run = participle ? sentenceRunStart(ctx, w.first) : w.sentStart;
    const ref =
      (participle ? null : subjectBefore(ctx, i, w.sentStart)) ??
      (participle ? (participleSubject(ctx, i, run) ?? mainSubject(ctx, run, i)) : null) ??
      clauseSubject(ctx, run, i) ??
      // "A statement from the premier's office blamed “…”": the document's issuer frames it.
      documentSubject(ctx, run, i);
    return ref ? { ref, rule: 'framed', verb: t.lower } : null;
  }
  return null;
}

/** Determiners that open a noun phrase naming nobody in particular. */
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some']);

/**
 * True when a cue verb's own subject is an indefinite noun phrase right before it ("Whitfield
 * said a Stellmark manager had told nurses that …"): someone the article does not name, so the
 * clause's first name (Whitfield) is not the speaker. The phrase runs back over auxiliaries and
 * up to five words (an organisation's name may modify it) to a/an/one/another/some, or to
 * "one of" / "some of" before a plural ("one of the men").
 *
 * @param ctx - paragraph view and people
 * @param verb - index of the cue verb
 * @param floor - first token index the phrase may use
 */
export function hasIndefiniteSubject(ctx: RuleContext, verb: number, floor: number): boolean {
  const toks = ctx.view.tokens;
  let k = verb - 1;
  while (k >= floor && /^(had|has|have|would|will|could|also|then|later)$/.test((toks[k] as Token).lower))
    k--;
  for (let n = 0; k >= floor && n < 5; k--, n++) {
    const t = toks[k] as Token;
    // "a witness said one of the men shouted “…”": a part of a group, still nobody named.
    if (t.lower === 'of' && n > 0 && INDEFINITE.has(toks[k - 1]?.lower ?? '') && k - 1 >= floor) return true;
    if (!t.word || ctx.view.quoted[k] || PRONOUNS.has(t.lower) || PREPOSITIONS.has(t.lower)) return false;
    if (INDEFINITE.has(t.lower)) return n > 0;
    const e = mentionEntity(ctx, k);
    if ((e && e.kind === 'person') || verbAt(ctx.view, k)) return false;
  }
  return false;
}

/**
 * True when a cue verb stands in a relative clause with a subject of its own that names nobody:
 * "what one aide called", "which critics described as", "that residents dubbed". The clause's
 * words run back from the verb to "what" / "which" / "that" / "whom" without a name, a pronoun
 * or a comma.
 *
 * @param ctx - paragraph view and people
 * @param verb - index of the cue verb
 */
export function hasUnnamedSubject(ctx: RuleContext, verb: number): boolean {
  const toks = ctx.view.tokens;
  let words = 0;
  for (let k = verb - 1; k >= 0 && k >= verb - 5; k--) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k] || ctx.view.mentionOf[k] || PRONOUNS.has(t.lower)) return false;
    if (RELATIVE_OPENERS.has(t.lower)) return words > 0;
    if (t.capital) return false;
    words++;
  }
  return false;
}

/**
 * A document as the subject of a speech verb, resolved to whoever issued it: "The WHO's website
 * said", "their statement also read", "The decree signed by the Pope read", "A tweet sent from
 * Li Wei's account repeated …, saying". The first document noun of the clause, then its owner: a
 * possessive before it, or a name (or "the <title>") after "by", "from" or "of" before the verb.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the clause
 * @param verb - index of the speech verb
 */
export function documentSubject(ctx: RuleContext, from: number, verb: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  let noun = -1;
  for (let k = from; k < verb; k++) {
    const t = toks[k] as Token;
    if (ctx.view.quoted[k] || !t.word) continue;
    if (DOCUMENT_NOUNS.has(t.lower) && !t.capital) {
      noun = k;
      break;
    }
    if (mentionEntity(ctx, k) && !ctx.view.mentionOf[k]?.possessive) return null;
  }
  if (noun < 0 || documentInPhrase(ctx, noun)) return null;
  return documentOwner(ctx, from, noun + 1) ?? issuerAfterNoun(ctx, noun, verb);
}

/**
 * True when a document noun is the object of a preposition ("Shortly after Ana Ruiz's
 * announcement, students gathered …", "in a statement"): it sets the scene, it is not the
 * clause's subject, so its owner is not the one who speaks.
 *
 * @param ctx - paragraph view and people
 * @param noun - index of the document noun
 */
export function documentInPhrase(ctx: RuleContext, noun: number): boolean {
  return prepositionBefore(ctx, noun, true) >= 0;
}

/**
 * Who issued a document, named after its noun: "the decree signed by the Pope", "a statement
 * from Li Wei", "a letter of the Harbour Trust". A name (or "the <title>") after "by", "from"
 * or "of" within a few words, before `ceil` and before any comma.
 *
 * @param ctx - paragraph view and people
 * @param noun - index of the document noun
 * @param ceil - token index the issuer must stand before
 */
export function issuerAfterNoun(ctx: RuleContext, noun: number, ceil: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  for (let k = noun + 1; k < ceil && k <= noun + 8; k++) {
    const t = toks[k] as Token;
    if (ctx.view.quoted[k] || t.text === ',' || t.text === ';') return null;
    if (!t.word || !/^(by|from|of)$/.test(t.lower)) continue;
    for (let j = k + 1; j < ceil && j <= k + 4; j++) {
      const e = mentionEntity(ctx, j);
      // "a statement by the Brenthaw team": the name only says which team; the team is unnamed.
      if (e && modifiesBodyNoun(ctx, j)) return null;
      if (e) return { type: 'entity', entity: e, tokenIndex: j };
      const w = toks[j] as Token;
      if (!w.word) break;
      if (w.lower !== 'the' && j > k + 1) {
        const phrase = toks
          .slice(k + 1, j + 1)
          .map((x) => x.text)
          .join(' ');
        const byTitle = ctx.people.resolveTitle(phrase.toLowerCase(), ctx.view.paragraph.number, w.start);
        if (byTitle) return { type: 'entity', entity: byTitle, tokenIndex: j };
      }
    }
  }
  return null;
}

/**
 * Whether the naming at token `j`, after "the", only qualifies a lower-case noun for a body right
 * after it ("the Brenthaw team", "the Quorra band"): that body, not the named one, is meant.
 *
 * @param ctx - paragraph view and people
 * @param j - a token of the naming
 */
function modifiesBodyNoun(ctx: RuleContext, j: number): boolean {
  const m = ctx.view.mentionOf[j] as Mention;
  let end = j;
  while (ctx.view.mentionOf[end + 1] === m) end++;
  const next = ctx.view.tokens[end + 1];
  const first = tokenAt(ctx.view, m.fullStart);
  const det = ctx.view.tokens[first - 1];
  return (
    !m.possessive &&
    det?.lower === 'the' &&
    next !== undefined &&
    next.word &&
    !next.capital &&
    ORG_APPOSITIVE_NOUNS.has(next.lower)
  );
}

/** How many words may stand between an inverted verb and the document noun ("an SCW press release"). */
const MAX_DOCUMENT_WORDS = 5;

/**
 * A document named right after an inverted verb, resolved to whoever issued it: `“…,” reads an
 * SCW press release`, `“…,” said a statement from the ministry`, `“…,” read the company's
 * statement`. The phrase opens with an article or the owner's possessive; the owner is a name
 * inside it, else the issuer after the noun ("from", "by", "of").
 *
 * @param ctx - paragraph view and people
 * @param verb - index of the inverted verb
 * @param ceil - token index the document must end before
 */
export function documentAfter(ctx: RuleContext, verb: number, ceil: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  const first = toks[verb + 1];
  if (!first || !first.word || ctx.view.quoted[verb + 1]) return null;
  if (!/^(a|an|the)$/.test(first.lower) && !ctx.view.mentionOf[verb + 1]?.possessive) return null;
  let owner: SpeakerRef | null = null;
  for (let k = verb + 1; k < ceil && k <= verb + MAX_DOCUMENT_WORDS + 1; k++) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return null;
    const e = mentionEntity(ctx, k);
    if (e && !owner) owner = { type: 'entity', entity: e, tokenIndex: k };
    if (!e && !t.capital && DOCUMENT_NOUNS.has(t.lower)) return owner ?? issuerAfterNoun(ctx, k, ceil);
  }
  return null;
}

/**
 * The documents a narration sentence names with their issuer ("A statement from the premier's
 * office blamed …" -> statement: the premier; "the union's letter"): noun -> issuer, for a later
 * "“…,” the statement said" to find whose text it is. Only named issuers count.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the sentence
 * @param to - token index the sentence ends before
 */
export function documentIssuers(ctx: RuleContext, from: number, to: number): Map<string, Entity> {
  const out = new Map<string, Entity>();
  const seen = new Set<string>();
  for (let k = from; k < to; k++) {
    const t = ctx.view.tokens[k] as Token;
    if (!t.word || t.capital || ctx.view.quoted[k] || !DOCUMENT_NOUNS.has(t.lower) || seen.has(t.lower))
      continue;
    // The first mention of each noun only, its owner within two words: bounded work per noun.
    seen.add(t.lower);
    const ref =
      documentOwner(ctx, Math.max(from, k - 2), k + 1) ??
      issuerAfterNoun(ctx, k, to) ??
      issuingSubject(ctx, k, from);
    if (ref?.type === 'entity') out.set(t.lower, ref.entity);
  }
  return out;
}

/**
 * The subject of an issuing verb whose object is the document noun at `noun` ("The guild issued a
 * statement overnight", "Police released a short statement"): who issued the text.
 *
 * @param ctx - paragraph view and people
 * @param noun - index of the document noun
 * @param floor - first token index the subject may use
 */
export function issuingSubject(ctx: RuleContext, noun: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  const det = /^(a|an|the)$/.test(toks[noun - 1]?.lower ?? '') ? noun - 1 : noun - 2;
  if (!/^(a|an|the)$/.test(toks[det]?.lower ?? '')) return null;
  const verb = det - 1;
  const v = toks[verb];
  if (verb <= floor || !v || !ISSUING_VERBS.has(v.lower) || ctx.view.quoted[verb]) return null;
  return subjectBefore(ctx, verb, floor);
}

/**
 * The first token of the sentence a token stands in, earlier partial quotations of that sentence
 * included (the window of a quotation starts after the previous one).
 *
 * @param ctx - paragraph view and people
 * @param first - a token of the sentence
 */
export function sentenceRunStart(ctx: RuleContext, first: number): number {
  return first < ctx.view.tokens.length ? (indexOfView(ctx.view).runStart[first] as number) : first;
}

/**
 * The subject of "that said" / "which read" after a document noun that sets the scene ("Police
 * confirmed the arrest in a tweet that said “…”", "The union replied with a letter which read
 * “…”"): the document's owner if named, else the subject of the clause the phrase belongs to.
 * Null when no document noun stands right before the relative word.
 *
 * @param ctx - paragraph view and people
 * @param verb - index of the speech verb after "that" / "which"
 * @param floor - first token index the subject may use
 */
export function relativeDocumentSubject(ctx: RuleContext, verb: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  const rel = toks[verb - 1];
  const noun = verb - 2;
  const n = toks[noun];
  if (!rel || !n || !/^(that|which)$/.test(rel.lower) || noun <= floor || ctx.view.quoted[noun]) return null;
  if (!DOCUMENT_NOUNS.has(n.lower) && !MESSAGE_NOUNS.has(n.lower)) return null;
  const owner = documentOwner(ctx, Math.max(floor, noun - 2), noun + 1);
  if (owner) return owner;
  const prep = prepositionBefore(ctx, noun, true);
  return prep > floor ? clauseSubject(ctx, floor, prep) : null;
}
