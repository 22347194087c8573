/**
 * Described speakers: a speaker the article does not name but describes ("a neighbour who
 * helped free him said", "“…,” one resident said", "according to police", "the town council
 * said"). News writing introduces such a speaker with an indefinite or a bare plural noun phrase
 * in the speaker's slot of a speech verb; the description, in the article's words, is then the
 * speaker. A definite description ("the council said") refers back to something named or
 * described before, and is only a new speaker when it is a specific public body ("the town
 * council", "the regional development ministry").
 */
import { lexiconTags, type Token } from '../nlp.ts';
import { isFramingVerb, isSpeechVerb, speechVerb } from '../speech-verbs.ts';
import {
  AUXILIARIES,
  DAY_PARTS,
  POSSESSIVE_DETERMINERS,
  PREPOSITIONS,
  SKIPPABLE,
  WEEKDAYS,
} from '../lexicon/grammar.ts';
import {
  BODY_MODIFIER_VERBS,
  COLLECTIVE_SPEAKERS,
  DESCRIPTION_DETERMINERS,
  DESCRIPTION_MODIFIERS,
  KINSHIP_NOUNS,
  OPENER_WORDS,
  ORG_WORDS,
  PERSON_NOUNS,
  PLACE_OWNER_NOUNS,
  PUBLIC_BODY_NOUNS,
  RELATIVE_NOUNS,
} from '../lexicon/people.ts';
import { DOCUMENT_NOUNS, ISSUING_VERBS } from '../lexicon/cues.ts';
import { isRoleNoun } from './roles.ts';

/** A description standing in a speaker's slot. */
export interface DescribedPhrase {
  /** Offsets of the span that names the speaker (a relative clause before the verb included). */
  start: number;
  end: number;
  /** The description as printed, without a relative clause ("a spokesman for the ministry"). */
  text: string;
  /** Its head noun, lowercase ("spokesman"). */
  head: string;
  /** Opens with "the" (refers back unless it is a specific public body). */
  definite: boolean;
  /** Words between the determiner and the head ("town" in "the town council"). */
  modified: boolean;
  /** The head names a body (council, police, ministry) rather than a person. */
  body: boolean;
  /** A plural or collective noun ("police", "officials"). */
  plural: boolean;
  /** A family noun ("the father"): resolved through gender and recency instead (anaphora.ts). */
  kin: boolean;
  /** "the court's summary": the body owns a text named right after it. */
  possessive?: boolean;
  /** "the summary said": a text named before, whose owner speaks (see documentPhrase). */
  document?: boolean;
  /** "his widow said": a relative owned by a pronoun (the person introduced so, or nobody named). */
  owned?: boolean;
  /** The owner pronoun of an owned relative ("his"). */
  owner?: string;
  /** A capitalised modifier before the head ("the Oscar winner", "the Sava coach"). */
  epithet?: boolean;
}

/** Complement prepositions kept in a description ("a spokesman for the ministry"). */
const COMPLEMENTS = new Set(['for', 'of', 'at', 'from', 'with', 'in']);
const RELATIVES = new Set(['who', 'which', 'that', 'whose']);
const MAX_MODIFIERS = 4;
const MAX_COMPLEMENT = 5;
const MAX_RELATIVE = 12;

/** Memo of word tests that every determiner phrase repeats (bounded like the lexicon's tag cache). */
const MEMO_LIMIT = 50_000;
const speakerNouns = new Map<string, boolean>();
const phraseBreaks = new Map<string, boolean>();

function memo(cache: Map<string, boolean>, key: string, compute: (k: string) => boolean): boolean {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute(key);
  if (cache.size > MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** True for a word that may end a description: a role, a person noun or a body. */
export function isSpeakerNoun(word: string): boolean {
  return memo(speakerNouns, word.toLowerCase(), speakerNoun);
}

function speakerNoun(w: string): boolean {
  return (
    COLLECTIVE_SPEAKERS.has(w) ||
    PERSON_NOUNS.has(w) ||
    PUBLIC_BODY_NOUNS.has(w) ||
    (ORG_WORDS.has(w) && !/^(times|post|news|house|front|project|watch)$/.test(w)) ||
    isRoleNoun(w)
  );
}

const PHRASE_BREAKS = new Set(['and', 'or', 'but', 'nor', 'not', 'also', 'said', 'says']);

/** A word that cannot stand inside a noun phrase (a verb, a preposition, a conjunction). */
function breaksPhrase(t: Token): boolean {
  return !t.word || memo(phraseBreaks, t.lower, breaksWord);
}

function breaksWord(w: string): boolean {
  if (PREPOSITIONS.has(w) || RELATIVES.has(w) || AUXILIARIES.has(w)) return true;
  if (PHRASE_BREAKS.has(w) || isSpeechVerb(w)) return true;
  // Past and -ing forms only: "coach", "guard" and "head" are verbs too.
  const tags = lexiconTags(w);
  return (tags.has('PastTense') || tags.has('Gerund')) && !tags.has('Noun') && !tags.has('Adjective');
}

/**
 * The noun phrase opening at token s when it is a description: a determiner, up to four
 * modifiers and a speaker noun, or a bare collective noun. Returns the index of the head.
 *
 * @param toks - the sentence's tokens
 * @param s - index of the phrase's first token
 */
export function descriptionHead(toks: readonly Token[], s: number): number | null {
  const first = toks[s];
  if (!first || !first.word) return null;
  if (COLLECTIVE_SPEAKERS.has(first.lower) && !first.possessive) return s;
  // "Chinese authorities", "local officials": one modifier before a collective noun.
  const next = toks[s + 1];
  if (next && COLLECTIVE_SPEAKERS.has(next.lower) && !next.possessive && isModifier(first)) return s + 1;
  if (!DESCRIPTION_DETERMINERS.has(first.lower)) return null;
  // "One of the children": a part of a group.
  if (first.lower === 'one' && toks[s + 1]?.lower === 'of') return partitiveHead(toks, s + 2);
  let head = -1;
  let placeOwned = false;
  for (let k = s + 1; k < toks.length && k <= s + MAX_MODIFIERS + 1; k++) {
    const t = toks[k] as Token;
    if (breaksPhrase(t) && !bodyModifierAt(toks, k)) break;
    head = k;
    if (t.possessive && !(k === s + 1 && placeOwnerAt(toks, s))) return null;
    if (t.possessive) placeOwned = true;
  }
  if (head < 0) return null;
  const h = toks[head] as Token;
  if (h.capital || !isSpeakerNoun(h.lower)) return null;
  // "the city's transport department": a place owns a body; "the city's mayor" is left to roles.
  if (placeOwned && (head === s + 1 || !isBodyNoun(h.lower))) return null;
  return head;
}

/** A public body's noun: "ministry", "department", "council" (not a person's role). */
function isBodyNoun(w: string): boolean {
  return PUBLIC_BODY_NOUNS.has(w) || (ORG_WORDS.has(w) && !PERSON_NOUNS.has(w) && !isRoleNoun(w));
}

/**
 * "the state health ministry": a word that is a speech verb on its own (`lexicon/people.ts`)
 * but stands between the determiner and more lowercase words of the phrase, as a modifier.
 *
 * @param toks - the sentence's tokens
 * @param k - index of the word
 */
function bodyModifierAt(toks: readonly Token[], k: number): boolean {
  const t = toks[k] as Token;
  const next = toks[k + 1];
  if (!t.word || t.capital || t.possessive || !BODY_MODIFIER_VERBS.has(t.lower)) return false;
  return next !== undefined && next.word && !next.capital && !breaksPhrase(next);
}

/**
 * "The city's transport department", "the country's foreign ministry": "the", then a lowercase
 * place noun in the possessive (`PLACE_OWNER_NOUNS`).
 *
 * @param toks - the sentence's tokens
 * @param s - index of "the"
 */
function placeOwnerAt(toks: readonly Token[], s: number): boolean {
  const owner = toks[s + 1];
  return (
    toks[s]?.lower === 'the' &&
    owner !== undefined &&
    owner.possessive &&
    !owner.capital &&
    PLACE_OWNER_NOUNS.has(owner.lower) &&
    toks[s + 2]?.text !== "'" &&
    toks[s + 2]?.text !== '’'
  );
}

/** A capitalised word or an adjective before a collective noun ("Chinese", "local"). */
function isModifier(t: Token): boolean {
  if (!t.word || t.possessive) return false;
  if (t.capital) return !DESCRIPTION_DETERMINERS.has(t.lower) && !OPENER_WORDS.has(t.lower);
  return DESCRIPTION_MODIFIERS.has(t.lower) || lexiconTags(t.lower).has('Adjective');
}

/** The plural noun of "one of the (Turpin) children", from the token after "of". */
function partitiveHead(toks: readonly Token[], k: number): number | null {
  const det = toks[k];
  if (!det || !/^(the|its|their|his|her)$/.test(det.lower)) return null;
  let head = -1;
  for (let j = k + 1; j < toks.length && j <= k + 3; j++) {
    const t = toks[j] as Token;
    if (breaksPhrase(t)) break;
    head = j;
  }
  const h = toks[head];
  if (
    !h ||
    h.capital ||
    h.possessive ||
    (!/s$/.test(h.lower) && h.lower !== 'children' && h.lower !== 'people')
  )
    return null;
  return head;
}

/** Index of the last token of "for the ministry" after the head, or the head itself. */
function complementEnd(toks: readonly Token[], head: number): number {
  const prep = toks[head + 1];
  if (!prep || !COMPLEMENTS.has(prep.lower)) return head;
  let end = -1;
  for (let k = head + 2; k < toks.length && k <= head + 1 + MAX_COMPLEMENT; k++) {
    const t = toks[k] as Token;
    if (!t.word || RELATIVES.has(t.lower) || AUXILIARIES.has(t.lower) || isSpeechVerb(t.lower)) break;
    if (PREPOSITIONS.has(t.lower) && k > head + 2) break;
    end = k;
  }
  const after = toks[end + 1];
  const closes = !after || !after.word || RELATIVES.has(after.lower) || isSpeechVerb(after.lower);
  return end > head + 1 && closes ? end : head;
}

/**
 * "issued a statement, saying …", "released a brief statement, adding …": an issuing verb at k
 * with a document as its object and a comma right after it, where the participle that reports
 * the document's words goes on.
 */
function issuesDocument(toks: readonly Token[], k: number): boolean {
  if (!ISSUING_VERBS.has((toks[k] as Token).lower) || !/^(a|an|the)$/.test(toks[k + 1]?.lower ?? ''))
    return false;
  const noun = DOCUMENT_NOUNS.has(toks[k + 2]?.lower ?? '') ? k + 2 : k + 3;
  const doc = toks[noun];
  return doc !== undefined && DOCUMENT_NOUNS.has(doc.lower) && !doc.capital && toks[noun + 1]?.text === ',';
}

/** The token after a date at k ("on Tuesday", "on Monday night"), or k when none stands there. */
function skipDate(toks: readonly Token[], k: number): number {
  if (toks[k]?.lower !== 'on' || !WEEKDAYS.has(toks[k + 1]?.lower ?? '')) return k;
  return DAY_PARTS.has(toks[k + 2]?.lower ?? '') ? k + 3 : k + 2;
}

/** The next speech or framing verb after token i, past a date, adverbs and auxiliaries, or -1. */
function verbAfter(toks: readonly Token[], i: number): number {
  let k = skipDate(toks, i + 1);
  while (toks[k]?.word && (SKIPPABLE.has((toks[k] as Token).lower) || /ly$/.test((toks[k] as Token).lower)))
    k++;
  const t = toks[k];
  if (!t || !t.word) return -1;
  // Weak verbs ("call", "report") and naming verbs ("Locals call the wall …") do not make a speaker.
  const v = speechVerb(t.lower);
  if (v) return v.participle || v.weak ? -1 : k;
  if (issuesDocument(toks, k)) return k;
  return isFramingVerb(t.lower) && !/(?:ing|^call.*|^dub.*|^term.*|^label.*)$/.test(t.lower) ? k : -1;
}

/**
 * Where a description ending at token `end` stands: before its speech verb (its subject, maybe
 * with a relative clause), right after one (`“…,” said a neighbour`), or after "according to".
 * Returns the last token of the span naming the speaker, or -1 when it is in no speaker's slot.
 *
 * @param toks - the sentence's tokens
 * @param start - the phrase's first token
 * @param end - the phrase's last token (complement included)
 */
export function speakerSlotEnd(toks: readonly Token[], start: number, end: number): number {
  const prev = toks[start - 1];
  const prev2 = toks[start - 2];
  if (prev?.lower === 'to' && prev2?.lower === 'according') return end;
  const pv = prev?.word ? speechVerb(prev.lower) : null;
  if (pv && !pv.participle && (!prev2 || !prev2.word)) return end;
  // "reads a press release from the cooperative": the body that issued the text.
  if (prev && /^(from|by)$/.test(prev.lower) && prev2 && DOCUMENT_NOUNS.has(prev2.lower)) return end;
  if (!prev && colonIntroduces(toks, end)) return end;
  // A subject opens its clause.
  if (prev && prev.word && !/^(and|but|while|as|when|then)$/.test(prev.lower)) return -1;
  if (verbAfter(toks, end) >= 0) return end;
  const next = toks[end + 1];
  if (next?.text === ',') {
    // "One dock worker, who asked not to be named, said": a relative clause between commas;
    // "One customer, a retired teacher, said": an indefinite appositive.
    const opener = toks[end + 2]?.lower ?? '';
    if (!RELATIVES.has(opener) && opener !== 'a' && opener !== 'an') return -1;
    for (let k = end + 3; k < toks.length && k <= end + 2 + MAX_RELATIVE; k++)
      if ((toks[k] as Token).text === ',') return verbAfter(toks, k) >= 0 ? end : -1;
    return -1;
  }
  if (next && RELATIVES.has(next.lower)) {
    // "One resident who spoke during the session said": the clause runs to the next speech verb.
    for (let k = end + 3; k < toks.length && k <= end + 1 + MAX_RELATIVE; k++) {
      const t = toks[k] as Token;
      if (!t.word) return -1;
      if (verbAfter(toks, k - 1) === k) return k - 1;
    }
  }
  return -1;
}

/** Tokens a colon introduction may run from its subject to the colon ("was brief in response:"). */
const MAX_COLON_CLAUSE = 14;

/**
 * "The ministry was brief in response: “…”": the clause opening with the phrase ends in a colon
 * right before a quotation, with no name or other subject between.
 *
 * @param toks - the sentence's tokens
 * @param end - the phrase's last token
 */
export function colonIntroduces(toks: readonly Token[], end: number): boolean {
  const from = relativeAsideEnd(toks, end);
  for (let k = from + 1; k < toks.length && k <= from + MAX_COLON_CLAUSE; k++) {
    const t = toks[k] as Token;
    if (t.text === ':') return /^[“"‘']$/.test(toks[k + 1]?.text ?? '');
    if (/^[“"”;]$/.test(t.text) || (t.word && t.capital) || RELATIVES.has(t.lower)) return false;
  }
  return false;
}

/**
 * The closing comma of a relative aside right after a phrase ("The Green group, which sat out the
 * vote, issued a statement:"), or `end` when none stands there. The aside holds lowercase words only,
 * so it names no one who could be the clause's subject instead.
 *
 * @param toks - the sentence's tokens
 * @param end - the phrase's last token
 */
export function relativeAsideEnd(toks: readonly Token[], end: number): number {
  if (toks[end + 1]?.text !== ',' || !/^(which|who)$/.test(toks[end + 2]?.lower ?? '')) return end;
  for (let k = end + 3; k < toks.length && k <= end + 2 + MAX_RELATIVE; k++) {
    const t = toks[k] as Token;
    if (t.text === ',') return k > end + 3 ? k : end;
    if (!t.word || t.capital) return end;
  }
  return end;
}

/** A named appositive follows: "A spokeswoman for the authority, Renée Obi, said". */
function namedAppositive(toks: readonly Token[], end: number): boolean {
  if (toks[end + 1]?.text !== ',') return false;
  let k = end + 2;
  if (toks[k]?.lower === 'the') k++;
  const t = toks[k];
  return t !== undefined && t.word && t.capital;
}

/**
 * Every description in a speaker's slot in one sentence.
 *
 * @param toks - the sentence's tokens (paragraph offsets)
 * @param text - the paragraph's text
 * @param inQuote - whether an offset lies inside quotation marks
 */
export function describedPhrases(
  toks: readonly Token[],
  text: string,
  inQuote: (offset: number) => boolean,
): DescribedPhrase[] {
  const out: DescribedPhrase[] = [];
  for (let s = 0; s < toks.length; s++) {
    const first = toks[s] as Token;
    // Every phrase opens with a determiner or a collective noun, or one word before one.
    if (!first.word || (!mayOpenPhrase(first) && !COLLECTIVE_SPEAKERS.has(toks[s + 1]?.lower ?? '')))
      continue;
    if (inQuote(first.start)) continue;
    // "his", "her", "their" open only an owned relative ("his widow said").
    const kinOnly = KIN_OWNERS.has(first.lower) && !COLLECTIVE_SPEAKERS.has(toks[s + 1]?.lower ?? '');
    const owned = kinOnly ? ownedKin(toks, s) : (possessiveBody(toks, s) ?? documentPhrase(toks, s));
    if (kinOnly && !owned) continue;
    if (owned) {
      out.push(owned.phrase(text));
      s = owned.end;
      continue;
    }
    const head = descriptionHead(toks, s);
    if (head === null) continue;
    const end = complementEnd(toks, head);
    if (namedAppositive(toks, end)) continue;
    const spanEnd = speakerSlotEnd(toks, s, end);
    if (spanEnd < 0 || inQuote((toks[spanEnd] as Token).start)) continue;
    const h = toks[head] as Token;
    const printed = text.slice(first.start, (toks[end] as Token).end);
    out.push({
      start: first.start,
      end: (toks[spanEnd] as Token).end,
      text:
        first.capital && (head === s || DESCRIPTION_DETERMINERS.has(first.lower))
          ? lowerFirst(printed)
          : printed,
      head: h.lower,
      definite: first.lower === 'the',
      modified: head > s + 1 && first.lower !== 'one',
      body: PUBLIC_BODY_NOUNS.has(h.lower) || (ORG_WORDS.has(h.lower) && !PERSON_NOUNS.has(h.lower)),
      plural: COLLECTIVE_SPEAKERS.has(h.lower),
      kin: KINSHIP_NOUNS.has(h.lower),
      epithet: toks.slice(s + 1, head).some((t) => t.capital),
    });
    s = spanEnd;
  }
  return out;
}

/** A token a description, an owned body or a document phrase may start with. */
function mayOpenPhrase(t: Token): boolean {
  return DESCRIPTION_DETERMINERS.has(t.lower) || COLLECTIVE_SPEAKERS.has(t.lower) || KIN_OWNERS.has(t.lower);
}

/** Pronouns that own a relative in a speaker's slot ("his widow", "her mother", "their son"). */
const KIN_OWNERS = new Set(['his', 'her', 'their']);

/**
 * "His widow said", "“…,” said her mother": a relative owned by a pronoun in a speaker's slot,
 * not named in apposition ("His wife, Ana Ruiz, said" names her).
 *
 * @param toks - the sentence's tokens
 * @param s - index of the owner pronoun
 */
export function ownedKin(toks: readonly Token[], s: number): OwnedPhrase | null {
  const owner = toks[s];
  const h = toks[s + 1];
  if (!owner || !KIN_OWNERS.has(owner.lower) || !h || !h.word || h.capital || h.possessive) return null;
  if (!RELATIVE_NOUNS.has(h.lower) || namedAppositive(toks, s + 1)) return null;
  const end = speakerSlotEnd(toks, s, s + 1);
  if (end < 0) return null;
  return {
    end,
    phrase: (text) => ({
      start: owner.start,
      end: (toks[end] as Token).end,
      text: lowerFirst(text.slice(owner.start, h.end)),
      head: h.lower,
      definite: false,
      modified: false,
      body: false,
      plural: false,
      kin: true,
      owned: true,
      owner: owner.lower,
    }),
  };
}

/** A phrase found by one of the owner rules, with the index of its last token. */
interface OwnedPhrase {
  end: number;
  phrase(text: string): DescribedPhrase;
}

function ownedPhrase(
  toks: readonly Token[],
  s: number,
  head: number,
  extra: Partial<DescribedPhrase>,
): OwnedPhrase {
  const first = toks[s] as Token;
  const h = toks[head] as Token;
  return {
    end: head,
    phrase: (text) => ({
      start: first.start,
      end: h.end,
      text: lowerFirst(text.slice(first.start, h.end)),
      head: h.lower,
      definite: true,
      modified: head > s + 1,
      body: true,
      plural: false,
      kin: false,
      ...extra,
    }),
  };
}

/**
 * "The court's summary", "the ministry's statement": a definite public body in the possessive
 * right before a document noun (one modifier may stand between). Its mention is possessive, so
 * the document's words go to the body.
 *
 * @param toks - the sentence's tokens
 * @param s - index of "the"
 */
export function possessiveBody(toks: readonly Token[], s: number): OwnedPhrase | null {
  if (toks[s]?.lower !== 'the') return null;
  const h = toks[s + 1];
  if (!h || !h.possessive || h.capital || !PUBLIC_BODY_NOUNS.has(h.lower)) return null;
  const doc = [toks[s + 2], toks[s + 3]].some((t) => t !== undefined && DOCUMENT_NOUNS.has(t.lower));
  return !doc ? null : ownedPhrase(toks, s, s + 1, { possessive: true });
}

/**
 * "“…,” the summary said", "read the statement": a definite document noun (one modifier may
 * stand before it) in a speaker's slot. Whose text it is comes from where the article named it
 * before (resolve.ts).
 *
 * @param toks - the sentence's tokens
 * @param s - index of "the"
 */
export function documentPhrase(toks: readonly Token[], s: number): OwnedPhrase | null {
  if (toks[s]?.lower !== 'the') return null;
  for (const head of [s + 1, s + 2]) {
    const h = toks[head];
    if (!h || !h.word || h.capital || h.possessive) return null;
    if (!DOCUMENT_NOUNS.has(h.lower)) continue;
    // "“…,” read the statement": an inverted reading verb after the quotation.
    const prev = toks[s - 1];
    const inverted =
      prev?.word && /^(read|reads|says|said|states|stated)$/.test(prev.lower) && !toks[s - 2]?.word;
    if (!inverted && speakerSlotEnd(toks, s, head) !== head) return null;
    return ownedPhrase(toks, s, head, { document: true, body: false });
  }
  return null;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Whether a definite description may introduce a described speaker rather than refer back to
 * someone named: a public body ("the army", "the town council"), a group ("the researchers"), or
 * a modified role nobody named holds ("the local health minister"). "The coach", "the father",
 * "the company" refer back.
 *
 * @param ph - the description
 * @param roleHeld - whether a person named before holds a role with this head noun
 */
export function introducesSpeaker(ph: DescribedPhrase, roleHeld: boolean): boolean {
  if (!ph.definite) return true;
  if (ph.plural) return true;
  if (ph.body) return ph.modified || PUBLIC_BODY_NOUNS.has(ph.head);
  // "the Oscar winner", "the Olympic champion": an epithet for someone the story already knows,
  // never a new person.
  return ph.modified && !ph.kin && !roleHeld && ph.epithet !== true;
}

/** Longest opening adverbial before a sentence's subject ("Shortly before four,"). */
const MAX_OPENER = 8;
/** Words an unnamed subject may have before its noun, and after it before the verb ("in blue scrubs"). */
const MAX_SUBJECT_MODIFIERS = 3;
const MAX_SUBJECT_COMPLEMENT = 4;

/** A person description opening its sentence as the subject (see personSubject). */
export interface PersonSubject {
  /** Offset of the determiner. */
  start: number;
  /** The phrase from the determiner to the head noun ("the veteran coach"). */
  phrase: string;
  /** The head noun, lowercase, and its end offset. */
  head: string;
  end: number;
  /** Opens with "the" or an owner: refers back to someone, named or not. */
  definite: boolean;
  /**
   * The owner of an owned description: the possessive determiner ("his" in "his mother"), "" for
   * a noun in the possessive ("the victim's mother"), null when not owned.
   */
  owner: string | null;
}

/**
 * "A porter arrives with a trolley", "Shortly before four, a nurse in blue scrubs walks …", "The
 * driver was taken to hospital": a person brought in by a description as a sentence's subject,
 * not named in an appositive after it ("A former apprentice, Tomas Reyna, said" names him). A he
 * / she after such a sentence may be that person, so no named person before it is a safe
 * antecedent unless the description is theirs. Null when the sentence opens otherwise.
 *
 * @param toks - the sentence's tokens
 */
export function personSubject(toks: readonly Token[]): PersonSubject | null {
  let s = 0;
  if (!opensSubject(toks[0]))
    for (let k = 1; k <= MAX_OPENER && k < toks.length; k++)
      if ((toks[k] as Token).text === ',') {
        s = k + 1;
        break;
      }
  const det = toks[s];
  if (!det || !opensSubject(det)) return null;
  // "His mother", "the victim's mother": someone's relative or agent, not a role of their own.
  let owner: string | null = POSSESSIVE_DETERMINERS.has(det.lower) ? det.lower : null;
  for (let k = s + 1; k <= s + 1 + MAX_SUBJECT_MODIFIERS; k++) {
    const t = toks[k];
    if (!t || !t.word || t.capital || breaksPhrase(t)) return null;
    if (t.possessive) {
      if (k !== s + 1 || owner !== null) return null;
      owner = '';
      continue;
    }
    // "a local baker": the last of a run of nouns is the head.
    if (!isPersonNoun(t.lower) || isPersonNoun(toks[k + 1]?.lower ?? '')) continue;
    let v = k + 1;
    if (COMPLEMENTS.has(toks[v]?.lower ?? '')) {
      const stop = v + MAX_SUBJECT_COMPLEMENT;
      for (v++; v <= stop && toks[v]?.word && !toks[v]?.capital && !breaksPhrase(toks[v] as Token); v++);
    }
    const verb = toks[v];
    if (!verb || !verb.word || verb.capital || PREPOSITIONS.has(verb.lower)) return null;
    const phrase = toks
      .slice(s, k + 1)
      .map((x) => x.text)
      .join(' ');
    // "The group's lawyers": several people, whom he / she cannot mean.
    if (isPlural(t.lower)) return null;
    const definite = owner !== null || det.lower === 'the';
    return { start: det.start, end: t.end, phrase, head: t.lower, definite, owner };
  }
  return null;
}

/** The offset of an indefinite person description opening its sentence ("A porter arrives"), or null. */
export function indefinitePersonSubject(toks: readonly Token[]): number | null {
  const found = personSubject(toks);
  return found && !found.definite ? found.start : null;
}

const SUBJECT_DETERMINERS = new Set(['a', 'an', 'one', 'another', 'the', 'his', 'her', 'their']);

function opensSubject(t: Token | undefined): boolean {
  return t !== undefined && SUBJECT_DETERMINERS.has(t.lower);
}

/** "lawyers", "women": a plural person noun. */
function isPlural(w: string): boolean {
  return /^(?:wo)?men$|^people$|^children$/.test(w) || (w.endsWith('s') && isPersonNoun(w.slice(0, -1)));
}

/** A noun for one person ("porter", "nurse", "woman"), not a body or a group. */
function isPersonNoun(w: string): boolean {
  return (
    isSpeakerNoun(w) &&
    !COLLECTIVE_SPEAKERS.has(w) &&
    !PUBLIC_BODY_NOUNS.has(w) &&
    !ORG_WORDS.has(w) &&
    !DOCUMENT_NOUNS.has(w)
  );
}
