/**
 * Given names joined by "and" before one surname: "twins Ada and Ivy Marsh", "parents Dorian and
 * Lucille Fenwick". News writing names two relatives at once this way; the lone given name
 * carries the surname that follows the pair.
 */
import { nameTags, type Candidate } from './scan.ts';
import { familyNameFirst, surnameOf } from './naming.ts';

/** A word the lexicon knows as a given name and not as a surname. */
function givenNameWord(word: string): boolean {
  const tags = nameTags(word.toLowerCase());
  return tags.has('FirstName') && !tags.has('LastName');
}

/**
 * A lone word that can only be a person's given name: the lexicon knows it as one, and not as a
 * surname, a place or a body ("Matthew", "Meredith"; not "Jordan" or "Chelsea").
 *
 * @param word - the word as printed
 */
export function givenNameAlone(word: string): boolean {
  const tags = nameTags(word.toLowerCase());
  return givenNameWord(word) && !tags.has('Place') && !tags.has('Organization') && !tags.has('SportsTeam');
}

/** The lone word is some person's surname elsewhere in the article ("Jordan" of "Mia Jordan"). */
function surnameElsewhere(word: string, all: readonly Candidate[]): boolean {
  const w = word.toLowerCase();
  return all.some(
    (c) => c.nameTokens.length > 1 && c.nameTokens[c.nameTokens.length - 1]?.toLowerCase() === w,
  );
}

/**
 * Whether `a` is a lone given name joined by "and" to the full name `b` right after it.
 *
 * @param a - a one-word candidate
 * @param b - the candidate that follows it in the same sentence
 * @param all - every candidate of the article
 */
function sharesSurname(a: Candidate, b: Candidate, all: readonly Candidate[]): boolean {
  if (a.paragraph !== b.paragraph || a.sentence !== b.sentence || a.tokens !== b.tokens) return false;
  if (a.nameTokens.length !== 1 || b.nameTokens.length < 2 || a.possessive || a.quoted) return false;
  if (a.tokens[a.tokenEnd]?.lower !== 'and' || b.tokenIndex !== a.tokenEnd + 1 || b.honorific !== null)
    return false;
  if (!(a.kind === 'unknown' || a.kind === 'person') || !(b.kind === 'unknown' || b.kind === 'person'))
    return false;
  if (familyNameFirst(b.nameTokens)) return false;
  const given = a.nameTokens[0] as string;
  const otherGiven = b.nameTokens[0] as string;
  const looksGiven =
    givenNameWord(given) || (nameTags(given.toLowerCase()).size === 0 && givenNameWord(otherGiven));
  return looksGiven && !surnameElsewhere(given, all);
}

/**
 * Gives a lone given name the surname of the full name it is coordinated with, and marks both
 * as people ("Ada and Ivy Marsh" → "Ada Marsh", "Ivy Marsh"). Candidates are changed in place.
 *
 * @param candidates - the article's candidates in text order
 */
export function shareCoordinatedSurnames(candidates: Candidate[]): void {
  for (let i = 0; i + 1 < candidates.length; i++) {
    const a = candidates[i] as Candidate;
    const b = candidates[i + 1] as Candidate;
    if (!sharesSurname(a, b, candidates)) continue;
    const surname = surnameOf(b.nameTokens);
    if (surname === null) continue;
    a.nameTokens = [a.nameTokens[0] as string, ...surname.split(' ')];
    a.name = a.nameTokens.join(' ');
    a.kind = 'person';
    b.kind = 'person';
  }
}
