/**
 * Role-noun anaphora for family nouns: "The father said" names the man the article has been
 * writing about, "the mother" the woman. A family noun carries a gender but rarely appears in
 * the person's own roles, so the match goes through gender and recency instead of role words.
 */
import type { Entity, Span } from '../types.ts';
import { KINSHIP_NOUNS } from '../lexicon/people.ts';
import { PREPOSITIONS, TOPIC_PREPOSITIONS } from '../lexicon/grammar.ts';
import type { RuleContext } from '../quotes/view.ts';
import { isRoleNoun } from './roles.ts';
import { speechVerb } from '../speech-verbs.ts';
import { genderOf, genderOfPronoun, genderOfWord } from './gender.ts';

/**
 * The person "the <family noun>" refers to at a position: among people named before it with the
 * noun's gender, the only one in the article so far, or else the one named last if that was in
 * this paragraph or the one before. Null when the noun has no gender or nobody fits safely.
 *
 * @param entities - the article's entities
 * @param noun - the family noun, lowercase ("father")
 * @param paragraph - where the noun stands
 * @param offset - its offset in the paragraph
 */
export function kinReferent(
  entities: readonly Entity[],
  noun: string,
  paragraph: number,
  offset: number,
): Entity | null {
  if (!KINSHIP_NOUNS.has(noun)) return null;
  const gender = genderOfWord(noun);
  if (gender === null) return null;
  const fits: { e: Entity; para: number; at: number }[] = [];
  for (const e of entities) {
    if (e.kind !== 'person' || genderOf(e) !== gender) continue;
    const last = lastMentionBefore(e, paragraph, offset);
    if (last) fits.push({ e, para: last.citation.paragraph, at: last.start });
  }
  if (fits.length === 0) return null;
  if (fits.length === 1) return (fits[0] as { e: Entity }).e;
  fits.sort((a, b) => b.para - a.para || b.at - a.at);
  const latest = fits[0] as { e: Entity; para: number };
  return latest.para >= paragraph - 1 ? latest.e : null;
}

/** The entity's last mention before a position (mentions are in text order: binary search). */
function lastMentionBefore(e: Entity, paragraph: number, offset: number): Span | null {
  const ms = e.mentions;
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = ms[mid] as Span;
    const before =
      m.citation.paragraph < paragraph || (m.citation.paragraph === paragraph && m.start < offset);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (ms[lo - 1] as Span) : null;
}

/**
 * Whether a pronoun names the subject of its own sentence: "X said he had asked …", "X, who
 * runs the farm, told reporters she …". The subject must stand before the pronoun and fit it
 * (a person for he / she, no stated gender against it).
 *
 * @param subject - the sentence's subject, if any
 * @param subjectAt - its token index
 * @param pronounAt - the pronoun's token index
 * @param fits - whether an entity can be the pronoun's referent
 */
export function sameSentenceSubject(
  subject: Entity | null,
  subjectAt: number,
  pronounAt: number,
  fits: (e: Entity | null) => boolean,
): subject is Entity {
  return subject !== null && subjectAt >= 0 && subjectAt < pronounAt && fits(subject);
}

/**
 * The person a sentence with no named subject is about: its only person, named with a
 * possessive before a thing ("Vale's biggest hit spent …"), so a "she" in the next sentence can
 * name her. Null when the possessive owns a role ("Smith's lawyer argued …": the lawyer acts) or
 * the sentence names anyone else.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the sentence
 * @param to - token index the sentence ends before
 */
export function possessiveTopic(ctx: RuleContext, from: number, to: number): Entity | null {
  const view = ctx.view;
  let found: Entity | null = null;
  for (let k = from; k < to; k++) {
    const m = view.mentionOf[k];
    if (!m || view.quoted[k]) continue;
    const e = ctx.people.byId.get(m.entityId);
    if (!e) continue;
    if (found && found.id !== e.id) return null;
    if (e.kind !== 'person' || !m.possessive) return null;
    let j = k + 1;
    while (j < to && view.mentionOf[j] === m) j++;
    const owned = view.tokens
      .slice(j, j + 3)
      .find((t) => t.word && !/^(biggest|first|last|new|own)$/.test(t.lower));
    if (!owned || isRoleNoun(owned.lower)) return null;
    found = e;
    k = j - 1;
  }
  return found;
}

/**
 * "For Whitlow, the fight is not over.": the person a fronted "for / to <name>," makes the topic
 * of a sentence that names no one else outside quotation marks; null otherwise.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the sentence
 * @param to - token index the sentence ends before
 */
export function frontedTopic(ctx: RuleContext, from: number, to: number): Entity | null {
  const view = ctx.view;
  const m = view.mentionOf[from + 1];
  if (!TOPIC_PREPOSITIONS.has(view.tokens[from]?.lower ?? '') || !m || m.possessive) return null;
  const e = ctx.people.byId.get(m.entityId);
  if (!e || e.kind !== 'person' || view.quoted[from + 1]) return null;
  let j = from + 1;
  while (j < to && view.mentionOf[j] === m) j++;
  if (view.tokens[j]?.text !== ',') return null;
  for (let k = j; k < to; k++) {
    const other = view.mentionOf[k];
    if (other && !view.quoted[k] && other.entityId !== e.id) return null;
  }
  return e;
}

/**
 * Whether a possessive topic ("Haines's amendment was defeated") competes with the subject of
 * the sentence before it in the paragraph ("Oduya said …"): a different person whose gender, as
 * far as the article tells, is the same. A he / she after both could be either, so neither is
 * safe; a named subject outranks a possessive, but a writer may still mean the possessive's owner.
 *
 * @param topic - the person the possessive sentence is about
 * @param earlier - the subject of the previous sentence in the same paragraph, if any
 */
export function rivalsTopic(topic: Entity, earlier: Entity | null): boolean {
  if (!earlier || earlier.id === topic.id || earlier.kind !== 'person') return false;
  const a = genderOf(topic);
  const b = genderOf(earlier);
  return a === null || b === null || a === b;
}

/**
 * When a he / she cannot be a sentence's subject (its gender disagrees), the one other person
 * that sentence names whose gender, stated or hinted, is the pronoun's; null when there is none
 * or more than one.
 *
 * @param pronoun - he / she
 * @param persons - the people the sentence names
 * @param subject - the subject that did not fit
 */
export function genderedOther(
  pronoun: string,
  persons: readonly Entity[],
  subject: Entity | null,
): Entity | null {
  const want = genderOfPronoun(pronoun);
  if (!want) return null;
  const hits = persons.filter((e) => e !== subject && genderOf(e) === want);
  return hits.length === 1 ? (hits[0] as Entity) : null;
}

/** How many of a sentence's people have the gender of a he / she. */
export function genderedCount(pronoun: string, persons: readonly Entity[]): number {
  const want = genderOfPronoun(pronoun);
  return want ? persons.filter((e) => genderOf(e) === want).length : 0;
}

/**
 * Whether a sentence's subject is a person the article refers to without naming them safely
 * ("A porter arrives …", "Harker, wearing a grey suit, shook his head" with two Harkers): an
 * unresolved reference outside quotation marks and not after a preposition, before the named
 * subject if there is one. A he / she after such a sentence has no safe antecedent.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the sentence
 * @param to - token index the sentence ends before
 * @param subjectAt - token index of the named subject, or -1
 */
export function unnamedSubject(ctx: RuleContext, from: number, to: number, subjectAt: number): boolean {
  const offsets = ctx.people.unresolved.get(ctx.view.paragraph.number);
  if (!offsets || offsets.length === 0) return false;
  const toks = ctx.view.tokens;
  const end = subjectAt >= 0 ? subjectAt : to;
  for (let k = from; k < end; k++) {
    const t = toks[k];
    if (!t || ctx.view.quoted[k] || !offsets.includes(t.start)) continue;
    const before = toks[k - 1];
    if (k > from && before && before.word && PREPOSITIONS.has(before.lower)) continue;
    return true;
  }
  return false;
}

/** Pronouns that show a sentence is about someone it does not name. */
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself']);

/**
 * The person a sentence with no named subject is about when it names only one, who acts in a
 * relative clause ("The remarks drew anger from Labour MP Orla Pellow, who accused …"): a he /
 * she in the next sentence names them. Null when the sentence names anyone else before them, or
 * uses a personal pronoun outside quotation marks before them (it is about someone else).
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the sentence
 * @param to - token index the sentence ends before
 */
export function relativeAgent(ctx: RuleContext, from: number, to: number): Entity | null {
  const view = ctx.view;
  let found: Entity | null = null;
  for (let k = from; k < to; k++) {
    const t = view.tokens[k];
    if (!t || view.quoted[k]) continue;
    if (PERSONAL_PRONOUNS.has(t.lower)) return null;
    const m = view.mentionOf[k];
    const e = m ? ctx.people.byId.get(m.entityId) : undefined;
    if (!m || !e) continue;
    if (e.kind !== 'person') continue;
    if (found && found.id !== e.id) return null;
    found = e;
    let j = k + 1;
    while (j < to && view.mentionOf[j] === m) j++;
    const next = view.tokens[j]?.text === ',' ? view.tokens[j + 1] : view.tokens[j];
    // Whoever the relative clause names after the agent is its object, not a rival.
    if (!m.possessive && next?.lower === 'who') return e;
    k = j - 1;
  }
  return null;
}

/**
 * The person who reports a sentence's clause in a trailing attribution after a comma at its
 * end ("Members sat on in the chamber, against its rules, Kestrin said." or "…, said
 * Kestrin."): the one the sentence is about for a he / she after it, whatever its clause names
 * first. Null for any other ending, or when that person is not the verb's only neighbour.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the sentence
 * @param to - token index the sentence ends before
 */
export function trailingReporter(ctx: RuleContext, from: number, to: number): Entity | null {
  const view = ctx.view;
  let end = to - 1;
  while (end > from && !view.tokens[end]?.word) end--;
  if (end <= from || view.quoted[end]) return null;
  const personAt = (k: number): { e: Entity; first: number } | null => {
    const m = view.mentionOf[k];
    const e = m && !m.possessive && !m.quoted ? ctx.people.byId.get(m.entityId) : undefined;
    if (!m || !e || e.kind !== 'person') return null;
    let first = k;
    while (first > from && view.mentionOf[first - 1] === m) first--;
    return { e, first };
  };
  const last = view.tokens[end];
  const verbLast = last !== undefined && speechVerb(last.lower) !== null;
  // "…, Kestrin said." / "…, said Kestrin."
  const who = verbLast ? personAt(end - 1) : personAt(end);
  if (!who) return null;
  const verbAt = verbLast ? end : who.first - 1;
  const head = verbLast ? who.first : verbAt;
  if (!verbLast && speechVerb(view.tokens[verbAt]?.lower ?? '') === null) return null;
  return view.tokens[head - 1]?.text === ',' ? who.e : null;
}
