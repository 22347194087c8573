/**
 * How a person's name splits into given name and surname as news writing uses them: the
 * surname with its particles ("van der Berg", "de la Cruz"), and family-name-first names
 * ("Zhang Wei", "Park Eun-ji") whose surname is the first word.
 */
import { lexiconTags } from '../nlp.ts';
import {
  FAMILY_NAME_FIRST,
  NAME_PARTICLES,
  VIETNAMESE_FAMILY_NAMES,
  VIETNAMESE_GENDER_MIDDLES,
} from '../lexicon/people.ts';

/** A Korean-style hyphenated given name: "Eun-ji", "Tae-hoon" (a capital only at the start). */
const HYPHENATED_GIVEN = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;

/**
 * Whether a name of two words puts the family name first: the first a common Chinese or Korean
 * family name, the second a hyphenated given name ("Park Eun-ji") or a word the lexicon does not
 * know as a surname or a place ("Zhang Wei", not "Lee Evans" or "Sun Valley").
 *
 * @param words - the name's words as printed
 */
export function familyNameFirst(words: readonly string[]): boolean {
  const [family, given, third] = words;
  if (!family || !given || third !== undefined || !FAMILY_NAME_FIRST.has(family.toLowerCase())) return false;
  if (HYPHENATED_GIVEN.test(given)) return true;
  const tags = lexiconTags(given.toLowerCase());
  if (tags.has('LastName') || tags.has('Place') || !/^\p{Lu}\p{Ll}+$/u.test(given)) return false;
  // "Kim Carter", "Lee Anne": a family name that is also a Western given name needs a given
  // name the lexicon does not know as a Western one.
  return !(lexiconTags(family.toLowerCase()).has('FirstName') && tags.has('FirstName'));
}

/**
 * "Eun-ji Park", "Min-jun Choi": a Korean name written given name first, as English-language
 * papers often print it: a hyphenated given name, then a common family name (which may also be
 * a place word like "Park").
 *
 * @param words - the name's words as printed
 */
export function givenNameFirstAsian(words: readonly string[]): boolean {
  const [given, family, third] = words;
  return (
    given !== undefined &&
    family !== undefined &&
    third === undefined &&
    HYPHENATED_GIVEN.test(given) &&
    FAMILY_NAME_FIRST.has(family.toLowerCase())
  );
}

/**
 * The surname a later reference uses alone: the family name of a family-first name, otherwise
 * the last word with the particles before it ("Anouk van der Berg" → "van der Berg").
 *
 * @param words - the name's words as printed (generational suffixes already removed)
 */
export function surnameOf(words: readonly string[]): string | null {
  if (words.length < 2) return null;
  if (familyNameFirst(words)) return words[0] as string;
  let k = words.length - 1;
  while (k > 1 && NAME_PARTICLES.has((words[k - 1] as string).toLowerCase())) k--;
  return words.slice(k).join(' ');
}

/**
 * The given name of a person's name: the second word of a family-first name ("Kim Tae-hoon" is
 * no Kim), otherwise the first.
 *
 * @param words - the name's words as printed
 */
export function givenName(words: readonly string[]): string {
  if (vietnamese(words)) return words[words.length - 1] as string;
  return (familyNameFirst(words) ? words[1] : words[0]) ?? '';
}

/** "Nguyen Thi Lan", "Pham Van Duc": three words, a Vietnamese family name first. */
function vietnamese(words: readonly string[]): boolean {
  return words.length === 3 && VIETNAMESE_FAMILY_NAMES.has((words[0] as string).toLowerCase());
}

/**
 * The gender a name's own words state: a Vietnamese gendered middle name ("Thi", "Van"), or
 * null.
 *
 * @param words - the name's words as printed
 */
export function genderOfNameWords(words: readonly string[]): 'male' | 'female' | null {
  if (!vietnamese(words)) return null;
  return VIETNAMESE_GENDER_MIDDLES.get((words[1] as string).toLowerCase()) ?? null;
}
