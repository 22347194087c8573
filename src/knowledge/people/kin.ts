/**
 * Relatives who share a surname: who is introduced as someone's relative ("his son Daniel",
 * "Okafor's niece Ada Okafor"), and whom "the elder X" / "the younger X" names. Both serve the
 * lone-surname lookup in resolve.ts, which must refuse rather than guess between relatives.
 */
import type { Token } from '../nlp.ts';
import { CHILD_NOUNS, GENERATION_WORDS, RELATIVE_NOUNS } from '../lexicon/people.ts';
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
 * or the like (younger), or the only one who was not (elder). Null when that leaves no single
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
  const fits = relatives.filter((r) => (generation === 'younger' ? child(r) : !child(r)));
  return fits.length === 1 ? (fits[0] as Relative<T>).who : null;
}
