/**
 * Organisations whose names look like a person's: a band, a club or a company named by two
 * capitalised words ("Marlow Grey", "Harlow Stone") reads like a first name and a surname. News
 * writing says what such a body is the first time it names it: an appositive with an
 * organisation noun ("X, the folk band from Tenby,"), that noun before the name ("the quarrying
 * company X"), or "its" for the name's own things ("X said on its website"). One of these makes
 * the name an organisation, so that "he" or a surname no longer goes to it.
 */
import type { Token } from '../nlp.ts';
import { ORG_APPOSITIVE_NOUNS, ORG_POSSESSIONS, TEAM_MEMBER_ROLES } from '../lexicon/people.ts';
import type { Candidate } from './scan.ts';

/** Words allowed between an appositive's determiner and its head noun. */
const MAX_APPOSITIVE_WORDS = 5;
/** How far after the name an "its" may stand and still be the name's. */
const MAX_ITS_DISTANCE = 14;

/** The head noun of "the five-piece folk band from Tenby": the last word before a break. */
function appositiveHead(toks: readonly Token[], k: number): Token | null {
  let head: Token | null = null;
  for (let j = k; j < toks.length && j < k + MAX_APPOSITIVE_WORDS; j++) {
    const t = toks[j] as Token;
    if (!t.word || t.capital) break;
    if (/^(from|of|in|at|based|that|which|who|with|and|for)$/.test(t.lower)) break;
    if (t.possessive) return null;
    head = t;
  }
  return head;
}

/**
 * "Marlow Grey, the five-piece folk band from Tenby," / "Harlow Stone, a quarrying company,":
 * an appositive after the name whose head is an organisation noun.
 *
 * @param c - the name candidate
 */
export function organisationAppositive(c: Candidate): boolean {
  const toks = c.tokens;
  if (c.possessive || toks[c.tokenEnd]?.text !== ',') return false;
  const det = toks[c.tokenEnd + 1];
  if (!det || !/^(the|a|an)$/.test(det.lower)) return false;
  const head = appositiveHead(toks, c.tokenEnd + 2);
  return head !== null && ORG_APPOSITIVE_NOUNS.has(head.lower);
}

/**
 * "the quarrying company Harlow Stone", "folk band Marlow Grey": an organisation noun right
 * before the name.
 *
 * @param c - the name candidate
 */
export function organisationNounBefore(c: Candidate): boolean {
  const prev = c.tokens[c.tokenIndex - 1];
  return prev !== undefined && prev.word && !prev.capital && ORG_APPOSITIVE_NOUNS.has(prev.lower);
}

/**
 * "Marlow Grey said in a statement posted on its website": the first personal pronoun after the
 * name in its sentence is "its", owning a thing only an organisation has (a website, members,
 * staff, a tour), and no other name stands between.
 *
 * @param c - the name candidate
 * @param nameStarts - token indexes where other names of the sentence start
 */
export function itsAfterName(c: Candidate, nameStarts: ReadonlySet<number>): boolean {
  const toks = c.tokens;
  if (c.possessive) return false;
  for (let k = c.tokenEnd; k < toks.length && k < c.tokenEnd + MAX_ITS_DISTANCE; k++) {
    const t = toks[k] as Token;
    if (nameStarts.has(k) || /^[“"]$/.test(t.text)) return false;
    if (!t.word) continue;
    if (/^(he|she|his|her|him|they|their|them|it)$/.test(t.lower)) return false;
    if (t.lower !== 'its') continue;
    const owned = toks.slice(k + 1, k + 3).find((o) => o.word);
    return owned !== undefined && ORG_POSSESSIONS.has(owned.lower);
  }
  return false;
}

/**
 * "Westmark captain Rohan Devaraj", "said Kestrel's goalkeeper", "the 29-year-old Mariners
 * defenceman": the name stands right before a team member's place, as its modifier or its
 * owner, so it names a team.
 *
 * @param c - the name candidate
 */
export function teamBeforeMemberRole(c: Candidate): boolean {
  let k = c.tokenEnd;
  // "the Mariners' captain": the bare apostrophe of a plural possessive.
  if (c.possessive && /^[’']$/.test(c.tokens[k]?.text ?? '')) k++;
  const next = c.tokens[k];
  return next !== undefined && next.word && !next.capital && TEAM_MEMBER_ROLES.has(next.lower);
}

/**
 * Whether the text says that a name it has not tied to a person by a title or an honorific is
 * an organisation: a team member's place after it (any name), or for a name of two words or
 * more an organisation appositive, noun or "its".
 *
 * @param c - the name candidate
 * @param nameStarts - token indexes where the sentence's other names start
 */
export function organisationEvidence(c: Candidate, nameStarts: ReadonlySet<number>): boolean {
  if (c.honorific !== null || c.title !== null || c.quoted) return false;
  if (teamBeforeMemberRole(c)) return true;
  if (c.nameTokens.length < 2) return false;
  return organisationAppositive(c) || organisationNounBefore(c) || itsAfterName(c, nameStarts);
}
