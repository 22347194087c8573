/**
 * Relatives who share a surname: who is introduced as someone's relative ("his son Daniel",
 * "Okafor's niece Ada Okafor"), and whom "the elder X" / "the younger X" names. Both serve the
 * lone-surname lookup in resolve.ts, which must refuse rather than guess between relatives.
 */
import type { Token } from '../nlp.ts';
import {
  CHILD_NOUNS,
  GENERATION_WORDS,
  RELATIVE_NOUNS,
  INFORMAL_KIN,
  SAME_RELATION,
  SIBLING_NOUNS,
} from '../lexicon/people.ts';
import { roleHead } from './roles.ts';
import { genderOfPronoun, genderOfWord, type Gender } from './gender.ts';
import { POSSESSIVE_DETERMINERS } from '../lexicon/grammar.ts';

/** A name's place in its sentence: the sentence's tokens and the name's token range. */
export interface NameAt {
  tokens: readonly Token[];
  tokenIndex: number;
  tokenEnd: number;
}

/**
 * The family noun a naming is introduced with, after an owner: "his son Daniel", "Okafor's
 * niece Ada Okafor", "His mother, Sandra Harker", "a daughter, Mairi Kell". Null otherwise
 * ("Daniel Kell, his son," is an appositive after the name and says nothing of its order).
 *
 * @param c - the naming
 */
export function relativeNounBefore(c: NameAt): string | null {
  let k = c.tokenIndex - 1;
  if (c.tokens[k]?.text === ',') k--;
  const noun = c.tokens[k];
  const owner = c.tokens[k - 1];
  if (!noun || !noun.word || noun.capital || !RELATIVE_NOUNS.has(noun.lower) || !owner) return null;
  const owned = owner.possessive || POSSESSIVE_DETERMINERS.has(owner.lower) || /^(a|an)$/.test(owner.lower);
  return owned ? noun.lower : null;
}

/**
 * The family noun an appositive after a naming gives, with its owner: "Tom Oakes, the son of
 * Rovers coach Dan Oakes", "Ruth Oakes, his daughter,", "Ada Wexcombe, Wexcombe's niece". Null for
 * an ownerless noun ("Ada Okafor, a cousin,": whose?) or any other appositive.
 *
 * @param c - the naming
 */
export function relativeNounAfter(c: NameAt): string | null {
  const toks = c.tokens;
  if (toks[c.tokenEnd]?.text !== ',') return null;
  const owner = toks[c.tokenEnd + 1];
  const noun = toks[c.tokenEnd + 2];
  if (!owner || !noun || !noun.word || noun.capital || !RELATIVE_NOUNS.has(noun.lower)) return null;
  if (owner.possessive || POSSESSIVE_DETERMINERS.has(owner.lower)) return noun.lower;
  return /^(the|a|an)$/.test(owner.lower) && toks[c.tokenEnd + 3]?.lower === 'of' ? noun.lower : null;
}

/**
 * "The elder Kell", "the younger Harker": the generation a surname is qualified with, or null.
 *
 * @param c - the lone-surname naming
 */
export function generationBefore(c: NameAt): 'elder' | 'younger' | null {
  const word = c.tokens[c.tokenIndex - 1];
  const the = c.tokens[c.tokenIndex - 2];
  if (!word || !the || the.lower !== 'the' || word.capital) return null;
  return GENERATION_WORDS.get(word.lower) ?? null;
}

/** One of the people a qualified surname may name, with what the article said of them so far. */
export interface Relative<T> {
  who: T;
  /** Age the article gave, if any. */
  age: number | null;
  /** The family nouns they were introduced with ("son", "niece"). */
  kin: readonly string[];
}

/**
 * Whom "the elder X" / "the younger X" names among the people sharing X: with two or more ages
 * given, the oldest or youngest of those; otherwise the only one introduced as a son, daughter
 * or the like, or as such a child's brother or sister (younger), or the only one who was not
 * (elder). Null when that leaves no single
 * person: a guess between relatives would be a wrong speaker.
 *
 * @param generation - elder or younger
 * @param relatives - the people of that surname named so far
 */
export function generationPick<T>(
  generation: 'elder' | 'younger',
  relatives: readonly Relative<T>[],
): T | null {
  const aged = relatives.filter((r) => r.age !== null);
  if (aged.length >= 2) {
    const sorted = [...aged].sort((a, b) => (a.age as number) - (b.age as number));
    const [a, b] = generation === 'younger' ? sorted : [...sorted].reverse();
    return a && b && a.age !== b.age ? a.who : null;
  }
  const child = (r: Relative<T>): boolean => r.kin.some((k) => CHILD_NOUNS.has(k));
  // "His daughter, Anouk … Her brother, Joost": a child's sibling is of the younger generation.
  const anyChild = relatives.some(child);
  const young = (r: Relative<T>): boolean =>
    child(r) || (anyChild && r.kin.some((k) => SIBLING_NOUNS.has(k)));
  const fits = relatives.filter((r) => (generation === 'younger' ? young(r) : !young(r)));
  return fits.length === 1 ? (fits[0] as Relative<T>).who : null;
}

/** Anything with roles: a draft or an entity. */
interface WithRoles {
  kind: string;
  roles: readonly { text: string }[];
}

/** The relation a family noun names, informal nouns written out ("dad" → "father"). */
export function formalKin(noun: string): string {
  return INFORMAL_KIN.get(noun) ?? noun;
}

/**
 * The one person the article has introduced as someone's `noun` ("His wife, Iryna Hnatiuk" for
 * a later "his wife" or "his widow"); null when nobody was, undefined when several were. A relation the
 * text never states is no one's: "his widow said" after a story naming only his colleagues
 * names nobody of them.
 *
 * @param noun - the family noun, lowercase ("widow")
 * @param people - the people named before the phrase, in any order
 */
export function statedRelative<T extends WithRoles>(
  noun: string,
  people: readonly T[],
): T | null | undefined {
  const relation = formalKin(noun);
  const heads = new Set([relation, SAME_RELATION.get(relation) ?? relation]);
  let found: T | null = null;
  for (const p of people) {
    if (p.kind !== 'person' || !p.roles.some((r) => heads.has(formalKin(roleHead(r.text))))) continue;
    if (found) return undefined;
    found = p;
  }
  return found;
}

/** Verbs that state a marriage ("he married Rosalind Tay"). */
const MARRIAGE_WORDS = new Set(['married', 'marry', 'wed', 'widowed']);

/**
 * Whether a sentence speaks of someone's family: an owned family noun ("her son Anders", "said
 * her husband") or a marriage ("he married Rosalind Tay"). A person named in such a sentence has
 * a family the story states, so "his mother" may be her.
 *
 * @param toks - the sentence's tokens
 */
export function speaksOfFamily(toks: readonly Token[]): boolean {
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (MARRIAGE_WORDS.has(t.lower)) return true;
    const next = toks[k + 1];
    if (next && /^(his|her)$/.test(t.lower) && RELATIVE_NOUNS.has(next.lower)) return true;
  }
  return false;
}

/**
 * "His mother said" where the article named her only through her own family ("Beatrix Holm and
 * her son Anders"): among the people named so far whose gender does not contradict the noun's,
 * the one the story tied to a family, when the owner pronoun has the other gender (so the owner
 * is not her). Undefined when several such people are tied to a family (no safe choice, and no
 * safe new speaker either); null when none is (the relative is someone the story does not name).
 *
 * @param noun - the family noun ("mother")
 * @param owner - the owner pronoun ("his")
 * @param people - people named before the phrase, with their gender and family tie
 */
export function impliedRelative<T>(
  noun: string,
  owner: string,
  people: readonly { who: T; gender: Gender | null; family: boolean }[],
): T | null | undefined {
  const want = genderOfWord(noun);
  const owns = genderOfPronoun(owner);
  if (!want || !owns || want === owns) return null;
  const tied = people.filter((p) => p.family && (p.gender === want || p.gender === null));
  if (tied.length > 1) return undefined;
  return tied[0]?.who ?? null;
}
