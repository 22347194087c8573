/**
 * Cue grammar: who is the subject of a speech verb, who stands after an inverted verb, which
 * names are owned, affiliated or inside an aside. Each function reads the paragraph view only.
 */
import type { Entity } from '../types.ts';
import type { Token } from '../nlp.ts';
import type { Mention } from '../people.ts';
import { AUXILIARIES, isRoleNoun } from '../people.ts';
import { isFramingVerb, phrasalSpeechVerb, speechVerb, type SpeechVerb } from '../speech-verbs.ts';
import { kinReferent } from '../people/anaphora.ts';
import { pronounConflict } from '../people/gender.ts';
import {
  AFFILIATION_PREPOSITIONS,
  DETERMINERS,
  PARTY_STATE_TAG,
  PERSON_REFERENCE,
  PHRASE_AUXILIARIES,
  SUBORDINATORS,
} from '../lexicon/cues.ts';
import { BE_FORMS, POSSESSIVE_DETERMINERS, PREPOSITIONS, PRONOUNS, SKIPPABLE } from '../lexicon/grammar.ts';
import {
  isNamedEntity,
  MAX_APPOSITIVE_TOKENS,
  epithetAt,
  mentionEntity,
  tokenAt,
  type ParagraphView,
  type RuleContext,
  type SpeakerRef,
} from './view.ts';
import { officeOwner, ownedRoleAppositive } from './bodies.ts';
import { passiveQuotedSubject } from './passives.ts';

/**
 * The one organisation named earlier whose name ends with the noun of "the union", "the
 * authority", "the council" at token `det` (the determiner): a definite description of the
 * organisation the story is about. Null when none or two organisations end with that noun.
 *
 * @param ctx - paragraph view and people
 * @param det - index of "the"
 */
export function organisationByHead(ctx: RuleContext, det: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  const the = toks[det];
  const noun = toks[det + 1];
  if (!the || !noun || the.lower !== 'the' || !noun.word || noun.capital || ctx.view.quoted[det + 1])
    return null;
  const after = toks[det + 2];
  // "the union leader", "the union's": the noun is a modifier or an owner, not the subject.
  if (noun.possessive || (after && after.word && !after.capital && isRoleNoun(after.lower))) return null;
  const para = ctx.view.paragraph.number;
  const orgs = ctx.people.entities.filter(
    (e) =>
      e.kind === 'organization' &&
      e.name.toLowerCase().split(/\s+/).pop() === noun.lower &&
      e.mentions.some(
        (m) => m.citation.paragraph < para || (m.citation.paragraph === para && m.start < noun.start),
      ),
  );
  return orgs.length === 1 ? { type: 'entity', entity: orgs[0] as Entity, tokenIndex: det + 1 } : null;
}

/** An age used as a noun: "the 29-year-old". */
const AGE_NOUN = /^\d{1,3}-year-old$/;

/** A lowercase "the ..." noun phrase ending at token `end` (inclusive) resolved through roles. */
export function titleRefEnding(ctx: RuleContext, end: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  const head = toks[end];
  if (!head || !head.word || head.capital || !isRoleNoun(head.lower)) return null;
  let k = end - 1;
  while (k >= floor && k >= end - 5) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return null;
    if (t.lower === 'the' || t.possessive) {
      const phrase = toks
        .slice(k, end + 1)
        .map((x) => x.text)
        .join(' ');
      const para = ctx.view.paragraph.number;
      // "The father said": a family noun after "the" (not "his father": someone else's).
      const e =
        ctx.people.resolveTitle(phrase, para, head.start) ??
        (k === end - 1 && t.lower === 'the'
          ? kinReferent(ctx.people.entities, head.lower, para, head.start)
          : null) ??
        soleHolderOf(ctx, toks.slice(k, end + 1), head);
      if (e) return { type: 'entity', entity: e, tokenIndex: end };
      // "Gedye posted a video. “…,” the 29-year-old said": an age no one was given, the person
      // the discourse is about.
      return k === end - 1 && t.lower === 'the' && AGE_NOUN.test(head.lower)
        ? { type: 'pronoun', pronoun: PERSON_REFERENCE, tokenIndex: end }
        : null;
    }
    if (PREPOSITIONS.has(t.lower) || speechVerb(t.lower)) return null;
    k--;
  }
  return null;
}

/**
 * "the Veskori minister said" where the article gave the one minister another title ("Transport
 * Minister Dragan Lovrić"): a capitalised modifier (a demonym, a country) the role did not spell
 * out. The phrase without its capitalised words is resolved, and only when a single person in the
 * article holds a role with that head noun.
 *
 * @param ctx - paragraph view and people
 * @param phrase - the tokens of "the … <head>"
 * @param head - the role noun
 */
export function soleHolderOf(ctx: RuleContext, phrase: readonly Token[], head: Token): Entity | null {
  if (!phrase.some((t) => t.capital && t !== phrase[0])) return null;
  const holders = ctx.people.entities.filter(
    (e) => e.kind === 'person' && e.roles.some((r) => r.text.toLowerCase().split(/\s+/).pop() === head.lower),
  );
  if (holders.length !== 1) return null;
  const plain = phrase
    .filter((t) => !t.capital || t === phrase[0])
    .map((t) => t.text)
    .join(' ');
  const e = ctx.people.resolveTitle(plain, ctx.view.paragraph.number, head.start);
  return e === holders[0] ? e : null;
}

/**
 * The subject right before a verb: a name ("Lavrov said"), a name with an appositive
 * ("Hasan Sultonov, the Tajik representative to the CSTO, said"), a pronoun ("he said") or a
 * role reference ("the minister said"). Adverbs and auxiliaries in between are skipped.
 *
 * @param ctx - paragraph view and people
 * @param verbIdx - token index of the verb
 * @param floor - first token index the subject may use
 * @returns the subject, or null when the words before the verb are not a safe subject
 */
export function subjectBefore(ctx: RuleContext, verbIdx: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  let k = verbIdx - 1;
  while (
    k >= floor &&
    (toks[k] as Token).word &&
    (SKIPPABLE.has((toks[k] as Token).lower) || /ly$/.test((toks[k] as Token).lower)) &&
    !(toks[k] as Token).capital
  )
    k--;
  if (k < floor) return null;
  // "Mayor Tom Okeke (D) said", "Sen. Rhea Voss (R-Ohio) told": the bracketed tag belongs to the
  // name before it.
  k = beforePartyBrackets(ctx, k, floor);
  if (k < floor) return null;
  let t = toks[k] as Token;
  if (ctx.view.quoted[k]) return null;
  if (t.text === ',') {
    // "Rep. Jo Hart, R-Ky., said": the tag belongs to the name before it.
    const named = nameBeforePartyTag(ctx, k, floor);
    if (named) return named;
  }
  if (t.text === ',') {
    // "Health officials, including Dr. Ana Ruiz, warned": the person the group singles out.
    const included = includedPerson(ctx, k - 1, floor);
    if (included) return included;
  }
  if (
    t.text === ',' &&
    k - 1 >= floor &&
    mentionEntity(ctx, k - 1) &&
    !(ctx.view.mentionOf[k - 1] as Mention).possessive &&
    toks[k - 1]?.word
  ) {
    // "Its leader, Ana Kovac, said": the name sits right before the comma.
    const e = mentionEntity(ctx, k - 1) as Entity;
    const m = ctx.view.mentionOf[k - 1] as Mention;
    const firstIdx = tokenAt(ctx.view, m.fullStart);
    if (toks[firstIdx - 1]?.text === ',') return { type: 'entity', entity: e, tokenIndex: k - 1 };
  }
  if (t.text === ',') {
    // "NAME, appositive, said": find the comma opening the appositive.
    const j = appositiveComma(ctx, k, floor);
    if (j < 0) return null;
    // "Rep. Jo Hart, R-Ky., a member of …, said": the appositive follows the tag.
    const named = nameBeforePartyTag(ctx, j, floor) ?? subjectBeforeAppositives(ctx, j, floor);
    if (named) return named;
    k = j - 1;
    t = toks[k] as Token;
    if (!t || ctx.view.quoted[k]) return null;
  }
  if (!t.word) return null;
  if (t.capital && !ctx.view.mentionOf[k] && !PRONOUNS.has(t.lower)) {
    // "Mitch McConnell of Kentucky called", "Ana Ruiz of the Hajo assembly said": the person
    // before the affiliation.
    return personBeforeAffiliation(ctx, k, floor);
  }
  if (t.lower === 'who' && !t.capital) return relativeAntecedent(ctx, k, floor);
  // "X called it “…” and said": a second verb of the same subject.
  if (t.lower === 'and' && !t.capital && k > floor) return firstVerbSubject(ctx, k, floor);
  if (PRONOUNS.has(t.lower)) {
    const prev = toks[k - 1];
    // "that he said", "as he said" still have "he" as the subject; "told him" never reaches here.
    return prev && prev.word && PREPOSITIONS.has(prev.lower) && prev.lower !== 'as'
      ? null
      : { type: 'pronoun', pronoun: t.lower, tokenIndex: k };
  }
  const e = mentionEntity(ctx, k);
  if (e) {
    const m = ctx.view.mentionOf[k] as Mention;
    if (m.possessive || m.modifier) return null;
    // "... of Kentucky said": a name after a preposition is not the subject, unless it is the
    // tail of "Mitch McConnell of Kentucky" (then the name before "of" is).
    const firstIdx = tokenAt(ctx.view, m.fullStart);
    if (coordinatedWithPerson(ctx, firstIdx)) return null;
    const prep = prepositionBefore(ctx, firstIdx, e.kind !== 'person');
    // "House of Commons Speaker Ana Ruiz said": the "of" is inside the title's organisation.
    const inTitle =
      e.kind === 'person' && m.fullStart < m.start && prep === firstIdx - 1 && toks[prep - 1]?.capital;
    // "After Castellano described it as …": a subordinator opens a clause, the name is its subject.
    const opensClause = prep >= 0 && SUBORDINATORS.has((toks[prep] as Token).lower);
    if (prep >= 0 && !inTitle && !opensClause) {
      // "Lucy Fischer of The Times said": the person the organisation is attached to speaks.
      const head = affiliatedPerson(ctx, prep, floor);
      return head ? { type: 'entity', entity: head.entity, tokenIndex: head.index } : null;
    }
    return { type: 'entity', entity: e, tokenIndex: k };
  }
  return (
    titleRefEnding(ctx, k, floor) ??
    // "Harlow's office said": the office speaks for the person.
    (k - 1 >= floor ? officeOwner(ctx, k) : null) ??
    personBeforeAffiliation(ctx, k, floor) ??
    (k - 1 >= floor ? organisationByHead(ctx, k - 1) : null)
  );
}

/** How many tokens a bracketed party tag may hold ("(R-Ohio)", "(D)", "(Lab)"). */
const MAX_BRACKET_TAG = 4;

/**
 * The token before a short bracketed tag that ends at k ("Okeke (D) said" -> "Okeke"), when the
 * tag is capitalised words or a party–state tag and a name stands right before it; k itself
 * otherwise.
 *
 * @param ctx - paragraph view and people
 * @param k - index of the token before the verb
 * @param floor - first token index the subject may use
 */
export function beforePartyBrackets(ctx: RuleContext, k: number, floor: number): number {
  const toks = ctx.view.tokens;
  if ((toks[k] as Token | undefined)?.text !== ')' || ctx.view.quoted[k]) return k;
  let j = k - 1;
  while (j > floor && j >= k - MAX_BRACKET_TAG && (toks[j] as Token).text !== '(') {
    const t = toks[j] as Token;
    if (
      ctx.view.quoted[j] ||
      (t.word && !t.capital && !PARTY_STATE_TAG.test(t.text)) ||
      /^[,.;:]$/.test(t.text)
    )
      return k;
    j--;
  }
  if ((toks[j] as Token | undefined)?.text !== '(' || j - 1 < floor) return k;
  return ctx.view.mentionOf[j - 1] ? j - 1 : k;
}

/**
 * The comma opening the appositive or relative clause that ends at the comma `k` ("Ana Ruiz, the
 * mayor, said"), or -1. A quotation may stand inside a relative clause ("Salcedo, who rates the
 * firm a “buy”, said"), not inside a plain appositive.
 *
 * @param ctx - paragraph view and people
 * @param k - index of the comma before the verb
 * @param floor - first token index the clause may use
 */
export function appositiveComma(ctx: RuleContext, k: number, floor: number): number {
  const toks = ctx.view.tokens;
  const reach = Math.max(floor, k - MAX_APPOSITIVE_TOKENS);
  let quoted = false;
  let j = k - 1;
  for (; j > reach && toks[j]?.text !== ',' && toks[j]?.text !== '.'; j--) {
    if (!ctx.view.quoted[j]) continue;
    // Marks inside the clause: a comma inside them ("“buy,”") is not the clause's.
    quoted = true;
    while (j > reach && ctx.view.quoted[j - 1]) j--;
  }
  if (j <= floor || toks[j]?.text !== ',') return -1;
  if (quoted && !/^(who|whom|whose|which)$/.test(toks[j + 1]?.lower ?? '')) return -1;
  return j;
}

/** How many words an affiliation phrase ("of the Eastfield ward") may have before the verb. */
const MAX_AFFILIATION_WORDS = 7;

/**
 * The person before an affiliation phrase that ends right before the verb: in "Priya Natarajan
 * of the Eastfield ward said" the phrase "of the Eastfield ward" only says where she belongs;
 * she is the subject. The phrase runs back from `end` over words that name no one, with no
 * comma, verb or conjunction, to an affiliation preposition right after a person's name.
 *
 * @param ctx - paragraph view and people
 * @param end - the last token before the verb (the phrase's last word)
 * @param floor - first token index the person may use
 */
export function personBeforeAffiliation(ctx: RuleContext, end: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  // "thanked Rusk for her testimony before dismissing": a phrase ending on a preposition is no
  // affiliation of the subject's.
  const last = toks[end];
  if (!last || (last.word && !last.capital && PREPOSITIONS.has(last.lower))) return null;
  for (let k = end; k > floor && k > end - MAX_AFFILIATION_WORDS; k--) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k] || PRONOUNS.has(t.lower)) return null;
    // An organisation or place may stand in the phrase ("of the Hajo assembly"), a person not.
    if (mentionEntity(ctx, k)?.kind === 'person') return null;
    if (/^(and|or|but|who|which|that)$/.test(t.lower) || verbAt(ctx.view, k) || BE_FORMS.has(t.lower))
      return null;
    if (!AFFILIATION_PREPOSITIONS.has(t.lower) || k === end) continue;
    const e = mentionEntity(ctx, k - 1);
    const m = ctx.view.mentionOf[k - 1];
    return e && m && e.kind === 'person' && !m.possessive && !m.modifier
      ? { type: 'entity', entity: e, tokenIndex: k - 1 }
      : null;
  }
  return null;
}

/**
 * The person named right before a party–state tag that ends at a comma: in "Rep. Jo Hart,
 * R-Ky., said" the tag "R-Ky." ends at the comma before "said"; Jo Hart is the subject.
 *
 * @param ctx - paragraph view and people
 * @param comma - index of the comma after the tag
 * @param floor - first token index the name may use
 */
export function nameBeforePartyTag(ctx: RuleContext, comma: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  let e = comma - 1;
  const dot = toks[e]?.text === '.';
  if (dot) e--;
  const tag = toks[e];
  if (!tag || !tag.word || !PARTY_STATE_TAG.test(tag.text + (dot ? '.' : ''))) return null;
  const before = e - 1;
  if (before - 1 < floor || toks[before]?.text !== ',') return null;
  const person = mentionEntity(ctx, before - 1);
  const m = ctx.view.mentionOf[before - 1];
  return person && m && person.kind === 'person' && !m.possessive
    ? { type: 'entity', entity: person, tokenIndex: before - 1 }
    : null;
}

/**
 * The subject before a chain of appositives: "Ana Ruiz, the chief engineer of the Rail Authority,
 * which runs the line, said" (the comma found last opens "which runs the line"; the name stands
 * before an earlier comma). Only when the token before `comma` is not itself a person, and the
 * name opens its clause (at the floor or after a comma), up to two more commas back.
 *
 * @param ctx - paragraph view and people
 * @param comma - index of the comma opening the last appositive
 * @param floor - first token index the subject may use
 */
export function subjectBeforeAppositives(ctx: RuleContext, comma: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  const near = mentionEntity(ctx, comma - 1);
  // "Harriet Kimani, a portfolio manager at Fenwick Capital, which owns …, said": a description
  // in apposition to a name is that person, so the name before it is the subject.
  if (near && near.kind === 'person' && isNamedEntity(ctx, near)) return null;
  let j = comma - 1;
  for (let hops = 0; hops < 2; hops++) {
    while (j > floor && toks[j]?.text !== ',') {
      if (ctx.view.quoted[j] || toks[j]?.text === '.' || toks[j]?.text === ';') return null;
      j--;
    }
    if (j <= floor) return null;
    const e = mentionEntity(ctx, j - 1);
    const m = ctx.view.mentionOf[j - 1];
    if (e && m && e.kind === 'person' && !m.possessive) {
      const first = tokenAt(ctx.view, m.fullStart);
      const opens = first <= floor || toks[first - 1]?.text === ',' || ctx.view.quoted[first - 1];
      return opens ? { type: 'entity', entity: e, tokenIndex: j - 1 } : null;
    }
    j--;
  }
  return null;
}

/**
 * The person a relative "who" refers to: "led by Ana Ruiz, a soil chemist at the institute, who
 * said" -> Ana Ruiz. The name right before the comma that opens the relative clause, or the
 * name before an appositive between commas.
 *
 * @param ctx - paragraph view and people
 * @param who - index of "who"
 * @param floor - first token index the name may use
 */
export function relativeAntecedent(ctx: RuleContext, who: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  if (toks[who - 1]?.text !== ',') return null;
  let commas = 0;
  for (let j = who - 1; j > floor && j >= who - MAX_APPOSITIVE_TOKENS; j--) {
    if (ctx.view.quoted[j]) return null;
    const t = toks[j] as Token;
    if (t.text === '.' || t.text === ';') return null;
    if (t.text !== ',') continue;
    commas++;
    const e = mentionEntity(ctx, j - 1);
    const m = ctx.view.mentionOf[j - 1];
    if (e && m && e.kind === 'person' && !m.possessive) {
      // "hosted by Ana Ruiz and Li Wei, who both …": "who" is the pair, not the nearer name.
      const before = toks[tokenAt(ctx.view, m.fullStart) - 1];
      if (before?.word && (before.lower === 'and' || before.lower === 'or')) return null;
      return { type: 'entity', entity: e, tokenIndex: j - 1 };
    }
    if (commas >= 2) return null;
  }
  return null;
}

/**
 * When token i closes an aside set off by dashes or brackets ("— which the BBC noted —",
 * "(no relation)"), the index of the token that opens it, so a backward scan steps over the
 * aside; otherwise i.
 *
 * @param view - the paragraph view
 * @param i - a token index
 * @param floor - the aside must open at or after this index
 */
export function openingOfAside(view: ParagraphView, i: number, floor: number): number {
  const t = view.tokens[i];
  if (!t || view.quoted[i]) return i;
  const opener = t.text === ')' ? '(' : t.text === '—' || t.text === '–' ? t.text : null;
  if (opener === null) return i;
  for (let j = i - 1; j >= floor && j >= i - MAX_APPOSITIVE_TOKENS; j--) {
    if (view.quoted[j]) return i;
    if ((view.tokens[j] as Token).text === opener) return j;
  }
  return i;
}

/**
 * Index of the preposition a mention stands after ("of Kentucky", "of the Center for ..."), or
 * -1. For an organisation, determiners, possessives and a few lowercase modifiers may stand in
 * between ("of worldwide victim group Ending Clergy Abuse", "of the UK's National Crime Agency").
 *
 * @param ctx - paragraph view and people
 * @param firstIdx - first token of the mention (its title included)
 * @param organisation - the mention names an organisation or place
 */
export function prepositionBefore(ctx: RuleContext, firstIdx: number, organisation: boolean): number {
  const toks = ctx.view.tokens;
  let j = firstIdx - 1;
  // "of the Holy Synod": no person is named after "the", so a determiner never hides the preposition.
  for (let n = 0; n < 4 && j >= 0; n++, j--) {
    const t = toks[j] as Token;
    if (!t.word || ctx.view.quoted[j] || PREPOSITIONS.has(t.lower)) break;
    const modifier =
      DETERMINERS.has(t.lower) ||
      (organisation && t.possessive) ||
      (!t.capital && !verbAt(ctx.view, j) && !SKIPPABLE.has(t.lower));
    if (!modifier) break;
  }
  const before = toks[j];
  return before && before.word && PREPOSITIONS.has(before.lower) ? j : -1;
}

/**
 * The person an affiliation preposition attaches to: "Mitch McConnell of Kentucky",
 * "Anderson Cooper, of CNN,".
 *
 * @param ctx - paragraph view and people
 * @param prep - index of the preposition
 * @param floor - first token index the person may use
 */
export function affiliatedPerson(
  ctx: RuleContext,
  prep: number,
  floor: number,
): { entity: Entity; index: number } | null {
  const word = (ctx.view.tokens[prep] as Token).lower;
  if (!AFFILIATION_PREPOSITIONS.has(word)) return null;
  let head = prep - 1;
  if (ctx.view.tokens[head]?.text === ',') head--;
  if (head < floor) return null;
  const he = mentionEntity(ctx, head);
  const m = ctx.view.mentionOf[head];
  return he && m && he.kind === 'person' && !m.possessive ? { entity: he, index: head } : null;
}

/**
 * The speaker right after an inverted verb: "said Lotfi Azzouz, ...", "said White House press
 * secretary Josh Earnest", "said the Tajik representative, Hasan Sultonov", "said the minister".
 *
 * @param ctx - paragraph view and people
 * @param verbIdx - token index of the verb
 * @param ceil - token index the speaker must end before
 */
export function speakerAfter(ctx: RuleContext, verbIdx: number, ceil: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  let k = verbIdx + 1;
  const first = toks[k];
  if (!first || k >= ceil || ctx.view.quoted[k]) return null;
  if (first.word && PRONOUNS.has(first.lower))
    return { type: 'pronoun', pronoun: first.lower, tokenIndex: k };
  // "said a neighbour who helped free him": a described speaker (people/described.ts).
  const described = first.word && /^(the|a|an|one|another)$/.test(first.lower) ? mentionEntity(ctx, k) : null;
  if (described) return { type: 'entity', entity: described, tokenIndex: k };
  // "said Kestrel's captain, Dana Ivers", "said the Harriers' captain, Tomas Brekke".
  const owned = ownedRoleAppositive(ctx, first.word && first.lower === 'the' ? k + 1 : k, ceil);
  if (owned) return owned;
  if (first.word && /^(the|a|an)$/.test(first.lower)) {
    // "said the Chilean": the people side tied that reference to its person.
    const referred = k + 1 < ceil ? mentionEntity(ctx, k + 1) : null;
    const rm = ctx.view.mentionOf[k + 1];
    if (referred && rm && referred.kind === 'person' && !rm.possessive)
      return { type: 'entity', entity: referred, tokenIndex: k + 1 };
    // A role phrase, then maybe ", NAME".
    let j = k + 1;
    while (j < ceil && (toks[j] as Token).word && !ctx.view.quoted[j] && (toks[j] as Token).lower !== 'that')
      j++;
    const sep = toks[j];
    if (sep?.text === ',' && j + 1 < ceil) {
      const e = mentionEntity(ctx, j + 1);
      const m = ctx.view.mentionOf[j + 1];
      if (e && m && !m.possessive) return { type: 'entity', entity: e, tokenIndex: j + 1 };
    }
    // "said the minister": the phrase up to its first preposition.
    let end = k + 1;
    while (end + 1 < j && !PREPOSITIONS.has((toks[end + 1] as Token).lower)) end++;
    return titleRefEnding(ctx, end, k);
  }
  for (let n = 0; k < ceil && n < 8; k++, n++) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return null;
    // "tweeted Mayor of London Ana Ruiz": the title, "of" included, belongs to the naming.
    const titled = titledMentionAt(ctx, k, ceil);
    if (titled > k) k = titled;
    const e = mentionEntity(ctx, k);
    const m = ctx.view.mentionOf[k];
    if (e && m && !m.possessive) {
      if (e.kind === 'person') return { type: 'entity', entity: e, tokenIndex: k };
      // "said Harbour Trust engineer Ana Ruiz": an organisation modifying a person's role.
      const person = personAfterModifier(ctx, k, ceil);
      return person ?? { type: 'entity', entity: e, tokenIndex: k };
    }
    if (!t.capital && !isRoleNoun(t.lower) && !/^[\p{Ll}-]+$/u.test(t.text)) return null;
    if (PREPOSITIONS.has(t.lower) || t.lower === 'that' || speechVerb(t.lower)) return null;
  }
  return null;
}

/**
 * When token k is inside the title written before a name ("Mayor of London" in "Mayor of London
 * Ana Ruiz"), the index of the name's first token; otherwise k.
 *
 * @param ctx - paragraph view and people
 * @param k - a token index
 * @param ceil - the name must start before this index
 */
export function titledMentionAt(ctx: RuleContext, k: number, ceil: number): number {
  const t = ctx.view.tokens[k];
  if (!t || ctx.view.mentionOf[k]) return k;
  for (let j = k + 1; j < ceil && j <= k + 6; j++) {
    const m = ctx.view.mentionOf[j];
    if (m) return m.fullStart <= t.start && !m.quoted ? j : k;
    if (!(ctx.view.tokens[j] as Token).word) return k;
  }
  return k;
}

/**
 * A person named right after an organisation and a few role words: "Harbour Trust engineer
 * Ana Ruiz", "Center for Marine Studies director Li Wei". The organisation only says where the
 * person works.
 *
 * @param ctx - paragraph view and people
 * @param org - a token of the organisation's mention
 * @param ceil - the person must stand before this index
 */
export function personAfterModifier(ctx: RuleContext, org: number, ceil: number): SpeakerRef | null {
  const m = ctx.view.mentionOf[org];
  let j = org;
  while (j + 1 < ceil && ctx.view.mentionOf[j + 1] === m) j++;
  let roleWords = 0;
  for (let k = j + 1; k < ceil && k <= j + 5; k++) {
    const t = ctx.view.tokens[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return null;
    const e = mentionEntity(ctx, k);
    if (e) {
      const pm = ctx.view.mentionOf[k] as Mention;
      return e.kind === 'person' && !pm.possessive && roleWords > 0
        ? { type: 'entity', entity: e, tokenIndex: k }
        : null;
    }
    if (t.capital && !isRoleNoun(t.lower)) return null;
    if (!isRoleNoun(t.lower) && !/^[\p{Ll}-]+$/u.test(t.text)) return null;
    if (PREPOSITIONS.has(t.lower) || speechVerb(t.lower)) return null;
    if (isRoleNoun(t.lower)) roleWords++;
  }
  return null;
}

/**
 * The subject of a participle speech or framing verb: the name right before it ("with Ana Ruiz
 * describing the …", "footage of Li Wei saying …"), or after a comma the main clause's subject
 * ("…, further saying …").
 *
 * @param ctx - paragraph view and people
 * @param i - index of the participle
 * @param floor - first token index the subject may use
 */
export function participleSubject(ctx: RuleContext, i: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  // "X was quoted by the Gazette as saying": X, never the outlet.
  const passive = passiveQuotedSubject(ctx, i, floor);
  if (passive !== undefined) return passive;
  const quoting = quotingVerbBefore(ctx, i, floor);
  if (quoting >= 0) return quotedAsSaying(ctx, i, floor, quoting);
  let k = i - 1;
  while (k > floor && SKIPPABLE.has((toks[k] as Token).lower) && !(toks[k] as Token).capital) k--;
  if (k < floor) return null;
  // “…,” further saying: the comma before a closing mark ends the clause too.
  const comma =
    (toks[k] as Token).text === ',' ||
    (ctx.view.quoted[k] && /^["”’']$/.test((toks[k] as Token).text) && toks[k - 1]?.text === ',');
  if (comma) return trailingVerbSubject(ctx, k, floor) ?? mainSubject(ctx, floor, k);
  if (ctx.view.quoted[k]) return null;
  const e = mentionEntity(ctx, k);
  const m = ctx.view.mentionOf[k];
  if (e && m && e.kind === 'person' && !m.possessive && !m.modifier)
    return { type: 'entity', entity: e, tokenIndex: k };
  return null;
}

/**
 * The subject of a speech verb that ends the clause before a participle's comma ("China urges
 * restraint, Guo said, adding that …" -> Guo): the participle goes on with that attribution,
 * not with the reported clause before it. Null when no speech verb stands right before the comma.
 *
 * @param ctx - paragraph view and people
 * @param comma - index of the comma before the participle
 * @param floor - first token index the subject may use
 */
export function trailingVerbSubject(ctx: RuleContext, comma: number, floor: number): SpeakerRef | null {
  const v = comma - 1;
  if (v <= floor || !verbAt(ctx.view, v) || isPassiveOrInfinitive(ctx.view, v)) return null;
  const ref = subjectBefore(ctx, v, floor);
  return ref && ref.tokenIndex === v - 1 ? ref : null;
}

/** Object pronouns after "quoted" and the subject pronoun they stand for. */
const OBJECT_PRONOUNS: Readonly<Record<string, string>> = { him: 'he', her: 'she', them: 'they' };

/**
 * Index of the form of "quote" in "quoted Gail Porter as saying" / "quoted her as saying" before
 * the participle at i (the object stands between it and "as"), or -1.
 *
 * @param ctx - paragraph view and people
 * @param i - index of the participle ("saying")
 * @param floor - first token index the construction may use
 */
export function quotingVerbBefore(ctx: RuleContext, i: number, floor: number): number {
  const toks = ctx.view.tokens;
  if (toks[i - 1]?.lower !== 'as' || i - 2 < floor || ctx.view.quoted[i - 2]) return -1;
  const m = ctx.view.mentionOf[i - 2];
  const first = m && !OBJECT_PRONOUNS[(toks[i - 2] as Token).lower] ? tokenAt(ctx.view, m.fullStart) : i - 2;
  for (let k = first - 1; k >= floor && k >= first - 4; k--) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return -1;
    if (/^quot(e|es|ed|ing)$/.test(t.lower)) return k;
  }
  return -1;
}

/**
 * The person a writer is quoting: in "X quoted Gail Porter as saying …" the words are Porter's,
 * not X's. For "quoted her as saying", the nearest person named before "her" in the sentence
 * whose gender does not contradict it, other than the subject of "quoted"; null when there is
 * none (never the quoting subject).
 *
 * @param ctx - paragraph view and people
 * @param i - index of the participle ("saying")
 * @param floor - first token index the object may use
 * @param verb - index of the form of "quote" (from `quotingVerbBefore`)
 */
export function quotedAsSaying(ctx: RuleContext, i: number, floor: number, verb: number): SpeakerRef | null {
  const view = ctx.view;
  const pronoun = OBJECT_PRONOUNS[(view.tokens[i - 2] as Token).lower];
  if (!pronoun) {
    const e = mentionEntity(ctx, i - 2);
    const m = view.mentionOf[i - 2];
    return e && m && !m.possessive ? { type: 'entity', entity: e, tokenIndex: i - 2 } : null;
  }
  const subject = subjectBefore(ctx, verb, floor);
  const quoting = subject?.type === 'entity' ? subject.entity : null;
  for (let k = i - 3; k >= floor && view.sentence[k] === view.sentence[i]; k--) {
    const e = view.quoted[k] ? null : mentionEntity(ctx, k);
    const m = view.mentionOf[k];
    if (!e || !m || m.possessive || e.kind !== 'person' || e === quoting) continue;
    if (pronoun !== 'they' && pronounConflict(pronoun, e) === null)
      return { type: 'entity', entity: e, tokenIndex: k };
  }
  return null;
}

/**
 * True when a participle speech verb has a person noun of its own right before it ("recalled his
 * predecessor telling him", "remembered her late husband saying"): someone the writer does not
 * name is speaking, not the main clause's subject.
 *
 * @param ctx - paragraph view and people
 * @param i - index of the participle
 */
export function roleBeforeParticiple(ctx: RuleContext, i: number): boolean {
  const prev = ctx.view.tokens[i - 1];
  if (!prev || !prev.word || prev.capital || ctx.view.quoted[i - 1] || ctx.view.mentionOf[i - 1])
    return false;
  return isRoleNoun(prev.lower);
}

/** Modals after "said" in a clause with "that" left out ("a change Ruiz said would cost …"). */
const MODALS_AFTER_SAID = new Set(['would', 'will', 'could', 'can', 'might', 'may', 'should', 'must', 'had']);

/**
 * The speech verb at token i, or null: a lowercase word outside quotation marks that is a
 * speech verb, or the first word of a phrasal one ("shot back"). A word before an auxiliary is a
 * noun ("the call was"), except "said" before a modal: "a change Ruiz said would leave …".
 *
 * @param view - the paragraph view
 * @param i - a token index
 */
export function verbAt(view: ParagraphView, i: number): SpeechVerb | null {
  const t = view.tokens[i];
  if (!t || !t.word || t.capital || view.quoted[i]) return null;
  const next = view.tokens[i + 1];
  const nextWord = next && !view.quoted[i + 1] ? next.lower : '';
  if (AUXILIARIES.has(nextWord) && !(t.lower === 'said' && MODALS_AFTER_SAID.has(nextWord))) return null;
  // "pointed out that": the phrasal verb is a full cue where the bare verb is weak.
  return phrasalSpeechVerb(t.lower, nextWord) ?? speechVerb(t.lower);
}

/**
 * True when the verb at i is negated ("did not comment on “…”", "would never say", "didn't
 * call it"): the clause denies the speech, so its subject is not the quotation's speaker. A
 * negation within two words before the verb.
 *
 * @param view - the paragraph view
 * @param i - index of the verb
 */
export function isNegated(view: ParagraphView, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const t = view.tokens[k] as Token;
    if (!t.word || view.quoted[k]) return false;
    if (t.lower === 'not' || t.lower === 'never' || /n[’']t$/.test(t.lower)) return true;
  }
  return false;
}

/**
 * The person named right before a reporting aside that opens with a pronoun: in "Armand, she
 * says, “never once said well done”" the aside ", she says," interrupts a clause about Armand,
 * so "she" is someone else (a writer would say "Armand says" of Armand's own words). Null
 * when the pronoun at `pronoun` is not such an aside.
 *
 * @param ctx - paragraph view and people
 * @param pronoun - index of the pronoun
 */
export function asideTopic(ctx: RuleContext, pronoun: number): Entity | null {
  const toks = ctx.view.tokens;
  if (toks[pronoun - 1]?.text !== ',' || ctx.view.quoted[pronoun - 1]) return null;
  if (!verbAt(ctx.view, pronoun + 1) || toks[pronoun + 2]?.text !== ',') return null;
  const e = mentionEntity(ctx, pronoun - 2);
  const m = ctx.view.mentionOf[pronoun - 2];
  return e && m && e.kind === 'person' && !m.possessive && !ctx.view.quoted[pronoun - 2] ? e : null;
}

/** A passive ("was described as") or infinitive ("to say") verb names no speaker before it. */
export function isPassiveOrInfinitive(view: ParagraphView, i: number): boolean {
  const prev = view.tokens[i - 1];
  if (!prev || !prev.word) return false;
  if (prev.lower === 'to' || prev.lower === 'by') return true;
  if (BE_FORMS.has(prev.lower))
    return (view.tokens[i] as Token).lower.endsWith('ed') || (view.tokens[i] as Token).lower === 'told';
  const prev2 = view.tokens[i - 2];
  return prev2 !== undefined && BE_FORMS.has(prev2.lower) && /ly$/.test(prev.lower);
}

/** How many tokens a dateline may run before its dash ("NEW YORK, March 3 (AP) —"). */
const MAX_DATELINE_TOKENS = 12;

/**
 * The first token after a dateline that opens the paragraph ("MERANTH —", "LIMA (Reuters) -",
 * "NEW YORK, March 3 (AP) —"): a place in capitals, then a dash. The place is not the sentence's
 * subject. 0 when the paragraph has none.
 *
 * @param view - the paragraph view
 */
export function datelineEnd(view: ParagraphView): number {
  const toks = view.tokens;
  let capitals = 0;
  let parens = 0;
  let comma = false;
  for (let i = 0; i < toks.length && i < MAX_DATELINE_TOKENS; i++) {
    const t = toks[i] as Token;
    if (/^[—–-]$/.test(t.text) && parens === 0) {
      let end = i + 1;
      while (toks[end] && /^[—–-]$/.test((toks[end] as Token).text)) end++;
      return capitals > 0 ? end : 0;
    }
    const caps = t.word && /\p{Lu}{2}/u.test(t.text) && t.text === t.text.toUpperCase();
    if (t.text === '(') parens++;
    else if (t.text === ')') parens--;
    else if (parens > 0) continue;
    else if (caps && !comma) capitals++;
    else if (t.text === ',') comma = true;
    // "NEW YORK, March 3 (AP) —": a date may follow the place after a comma.
    else if (!(comma && (t.capital || /^\d+$/.test(t.text)))) return 0;
  }
  return 0;
}

/** How long an opening phrase may run before its comma, in tokens. */
const MAX_OPENING_PHRASE = 40;

/** Adverbs that may stand before an opening phrase's preposition ("Shortly after …", "Also in …"). */
const OPENER_ADVERBS = new Set(['also', 'just', 'even', 'then', 'later', 'earlier', 'again', 'soon', 'only']);

/**
 * The first token after an opening adverbial phrase of a clause ("Shortly after Ana Ruiz's
 * speech, …", "Also in response to a question about whether X backed Y, …", "When asked about
 * Li, …", "Speaking after the court ruled …, …"): a preposition, a subordinator or a participle
 * at the clause's start, up to its first comma. Names in
 * it are not the clause's subject. `from` itself when the clause opens otherwise or no comma
 * closes the phrase before `to`.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the clause
 * @param to - token index the clause ends before
 */
export function openingPhraseEnd(ctx: RuleContext, from: number, to: number): number {
  const toks = ctx.view.tokens;
  let k = from;
  while (
    k < to &&
    (toks[k] as Token).word &&
    (OPENER_ADVERBS.has((toks[k] as Token).lower) || /ly$/.test((toks[k] as Token).lower))
  )
    k++;
  const t = toks[k];
  if (!t || !t.word || ctx.view.quoted[k] || ctx.view.mentionOf[k]) return from;
  // "Speaking after the court ruled …, Cox said": an opening participle clause too.
  const participle = k === from && t.capital && /(?:ing|ed)$/.test(t.lower);
  if (!participle && !PREPOSITIONS.has(t.lower) && !SUBORDINATORS.has(t.lower)) return from;
  for (let j = k + 1; j < to && j <= k + MAX_OPENING_PHRASE; j++)
    if (!ctx.view.quoted[j] && (toks[j] as Token).text === ',')
      return opensMainClause(toks[j + 1]) ? j + 1 : from;
  return from;
}

/** Words after a comma that go on with the same phrase, not open the main clause ("…, who …"). */
const PHRASE_CONTINUERS = new Set([
  'then',
  'and',
  'but',
  'or',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'when',
  'while',
  'as',
  'so',
  'including',
  'such',
  'not',
  'also',
]);

/**
 * True when the token after an opening phrase's comma can start the main clause: a determiner,
 * a pronoun, a name or a noun ("…, the spokeswoman replied", "…, students gathered"), not a word
 * that goes on with the phrase ("On Tuesday Ruiz met Li, then …", "…, who scored …").
 *
 * @param t - the token after the comma
 */
function opensMainClause(t: Token | undefined): boolean {
  return t !== undefined && t.word && !PHRASE_CONTINUERS.has(t.lower);
}

/**
 * True when the token at k is the clause's own finite speech verb ("urged", "said"; not a
 * participle nor a weak verb such as "call"): a name after it is its object or in its report,
 * never the clause's subject.
 *
 * @param ctx - paragraph view and people
 * @param k - token index
 */
export function clauseVerbAt(ctx: RuleContext, k: number): boolean {
  const t = ctx.view.tokens[k] as Token;
  if (!t.word || t.capital || ctx.view.quoted[k]) return false;
  const v = verbAt(ctx.view, k);
  // "made controversial comments": a form in -s may be a plural noun; only past forms and
  // "says" / "tells" are surely verbs.
  const finite = /ed$/.test(t.lower) || FINITE_SPEECH_FORMS.has(t.lower);
  // "“…,” said Ruiz, adding …": an inverted verb right after the quotation; its subject follows.
  const before = ctx.view.tokens[k - 1]?.text === ',' ? k - 2 : k - 1;
  const inverted = before >= 0 && ctx.view.quoted[before] === true;
  return v !== null && finite && !inverted && !v.participle && !v.weak && !isPassiveOrInfinitive(ctx.view, k);
}

/** Finite forms of speech verbs that are never nouns and do not end in -ed. */
const FINITE_SPEECH_FORMS = new Set(['said', 'says', 'told', 'tells', 'wrote', 'writes', 'spoke', 'speaks']);

/**
 * Where a clause's subject may start: past a paragraph's dateline and an opening adverbial phrase.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the clause
 * @param to - token index the clause ends before
 */
export function subjectStart(ctx: RuleContext, from: number, to: number): number {
  const dateline = datelineEnd(ctx.view);
  return openingPhraseEnd(ctx, Math.max(from, dateline), to);
}

/** The person named right before the comma at k + 1 when a group before it includes them (see includedSpeaker). */
function includedPerson(ctx: RuleContext, k: number, floor: number): SpeakerRef | null {
  const e = k >= floor ? mentionEntity(ctx, k) : null;
  const m = ctx.view.mentionOf[k];
  if (!e || !m || e.kind !== 'person' || m.possessive) return null;
  const first = tokenAt(ctx.view, m.fullStart);
  return includedSpeaker(ctx, floor, first, k) ? { type: 'entity', entity: e, tokenIndex: k } : null;
}

/** Words a group subject may have before ", including …" ("Senior health officials"). */
const MAX_GROUP_WORDS = 4;

/**
 * True when the person named at [first, last] is the one a plural subject singles out between
 * commas before its own verb: "Health officials, including the chief medical officer Dr. Ana
 * Ruiz, have warned …". News gives such a group's words to the person it names.
 *
 * @param ctx - paragraph view and people
 * @param start - first token of the clause
 * @param first - first token of the naming (its title included)
 * @param last - last token of the naming
 */
function includedSpeaker(ctx: RuleContext, start: number, first: number, last: number): boolean {
  const toks = ctx.view.tokens;
  let j = first - 1;
  while (j > start && j >= first - 5 && toks[j]?.word && toks[j]?.lower !== 'including') j--;
  if (toks[j]?.lower !== 'including' || toks[j - 1]?.text !== ',' || toks[last + 1]?.text !== ',')
    return false;
  const group = toks.slice(start, j - 1);
  if (group.length === 0 || group.length > MAX_GROUP_WORDS) return false;
  if (group.some((t, n) => !t.word || (n > 0 && t.capital) || ctx.view.mentionOf[start + n])) return false;
  if (!/s$/.test((group[group.length - 1] as Token).lower)) return false;
  let v = last + 2;
  while (toks[v]?.word && SKIPPABLE.has((toks[v] as Token).lower)) v++;
  return v < toks.length && clauseVerbAt(ctx, v);
}

/**
 * The first name in [from, to) that is not the object of a preposition nor a possessive, before
 * the clause's own speech verb and past a dateline or an opening phrase.
 */
export function mainSubject(ctx: RuleContext, from: number, to: number): SpeakerRef | null {
  const start = subjectStart(ctx, from, to);
  for (let k = start; k < to; k++) {
    const t = ctx.view.tokens[k] as Token;
    if (ctx.view.quoted[k]) continue;
    // "the senior Conservative dared Labour MPs …": a described subject; the names after it are not.
    if ((k > start && clauseVerbAt(ctx, k)) || epithetAt(ctx, k)) return null;
    if (t.word && PRONOUNS.has(t.lower) && k === start)
      return { type: 'pronoun', pronoun: t.lower, tokenIndex: k };
    const e = mentionEntity(ctx, k);
    if (!e) continue;
    const m = ctx.view.mentionOf[k] as Mention;
    const firstIdx = tokenAt(ctx.view, m.fullStart);
    const before = ctx.view.tokens[firstIdx - 1];
    while (k + 1 < to && ctx.view.mentionOf[k + 1] === m) k++;
    // "posted to her Twitter account", "of the Center for ...": not the clause's subject.
    const owned = before !== undefined && POSSESSIVE_DETERMINERS.has(before.lower);
    if (m.possessive || m.modifier || owned || prepositionBefore(ctx, firstIdx, e.kind !== 'person') >= 0)
      continue;
    if (coordinatedWithPerson(ctx, firstIdx) || closingAppositive(ctx, firstIdx, k)) continue;
    if (e.kind !== 'person') {
      const person = personAfterModifier(ctx, k, to);
      if (person) return person;
    }
    return { type: 'entity', entity: e, tokenIndex: k };
  }
  return null;
}

/**
 * True when a naming stands after a comma at the very end of its sentence ("… lost to the team
 * of his old rival, Mark Dale."): an appositive to a noun before it, never the sentence's subject,
 * which must come before a verb.
 *
 * @param ctx - paragraph view and people
 * @param first - first token of the naming (its title included)
 * @param last - last token of the naming
 */
export function closingAppositive(ctx: RuleContext, first: number, last: number): boolean {
  const toks = ctx.view.tokens;
  if (toks[first - 1]?.text !== ',' || ctx.view.quoted[first - 1]) return false;
  const next = toks[last + 1];
  if (!next) return true;
  if (ctx.view.sentence[last + 1] !== ctx.view.sentence[last]) return true;
  return !ctx.view.quoted[last + 1] && /^[.!?;]$/.test(next.text);
}

/**
 * The subject of the speech or framing verb before a coordinating "and" in the same clause
 * ("Ana Ruiz, the director, called it “…” and said …" -> Ana Ruiz).
 *
 * @param ctx - paragraph view and people
 * @param and - index of "and"
 * @param floor - first token index the subject may use
 */
export function firstVerbSubject(ctx: RuleContext, and: number, floor: number): SpeakerRef | null {
  for (let i = and - 1; i > floor; i--) {
    const t = ctx.view.tokens[i] as Token;
    if (t.text === '.' || t.text === ';') return null;
    if (ctx.view.quoted[i] || !t.word || t.capital) continue;
    if (PHRASE_AUXILIARIES.has(t.lower)) {
      // "X testified that Li Wei had phoned him and told him, “…”": the pair's subject is Li Wei.
      const own = subjectBefore(ctx, i, floor);
      if (own && (own.type === 'pronoun' || own.entity.kind === 'person')) return own;
      continue;
    }
    if (verbAt(ctx.view, i) === null && !isFramingVerb(t.lower)) continue;
    // "thanked Rusk … before dismissing her, and warned": a participle has no subject of its own.
    if (t.lower.endsWith('ing')) continue;
    return subjectBefore(ctx, i, floor);
  }
  return null;
}

/**
 * True when the naming that starts at token `first` is the second of two people joined by
 * "and" / "or" ("Ana Ruiz and Li Wei said"): the verb has two subjects, neither speaks alone.
 *
 * @param ctx - paragraph view and people
 * @param first - first token of the naming (its title included)
 */
export function coordinatedWithPerson(ctx: RuleContext, first: number): boolean {
  const conj = ctx.view.tokens[first - 1];
  if (!conj || !conj.word || (conj.lower !== 'and' && conj.lower !== 'or')) return false;
  const other = mentionEntity(ctx, first - 2);
  return other !== null && other.kind === 'person';
}
