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

/** Given and family name of a two-word candidate, lowercased, or null. */
function pairOf(c: Candidate): [string, string] | null {
  if (c.nameTokens.length !== 2) return null;
  return c.nameTokens.map((t) => t.toLowerCase()) as [string, string];
}

/** Given names a surname carries: on people named in full, and in side-by-side pairs. */
interface Family {
  persons: Set<string>;
  siblings: Set<string>;
}

const familyCache = new WeakMap<readonly Candidate[], Map<string, Family>>();

/**
 * Surnames of the article's two-word names: the given names people of known kind carry with
 * them, and those of unknown-kind names standing side by side with one surname in one sentence
 * ("Odile Tresk and Sunniva Tresk"). Computed once per article.
 */
function familiesOf(all: readonly Candidate[]): Map<string, Family> {
  const cached = familyCache.get(all);
  if (cached) return cached;
  const families = new Map<string, Family>();
  const family = (name: string): Family => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { persons: new Set(), siblings: new Set() }));
    return f;
  };
  const bySentence = new Map<string, Map<string, Set<string>>>();
  for (const c of all) {
    const p = pairOf(c);
    if (!p) continue;
    if (c.kind === 'person') family(p[1]).persons.add(p[0]);
    if (c.kind !== 'unknown') continue;
    const key = `${c.paragraph}:${c.sentence}`;
    const sentence = bySentence.get(key) ?? new Map<string, Set<string>>();
    bySentence.set(key, sentence);
    const givens = sentence.get(p[1]) ?? new Set<string>();
    sentence.set(p[1], givens.add(p[0]));
  }
  for (const sentence of bySentence.values())
    for (const [surname, givens] of sentence)
      if (givens.size > 1) for (const g of givens) family(surname).siblings.add(g);
  familyCache.set(all, families);
  return families;
}

/**
 * "Ilan Brask and Teodor Brask brought the case": a two-word name the lexicon cannot place is a
 * person when a person named in full in the article carries its surname under another given
 * name, or when it is one of two such names with one surname standing side by side somewhere
 * in the article (named there or again later): relatives are named so.
 *
 * @param c - a multi-word candidate of unknown kind
 * @param all - every candidate of the article
 */
export function sharesFamilyName(c: Candidate, all: readonly Candidate[]): boolean {
  const own = pairOf(c);
  const f = own ? familiesOf(all).get(own[1]) : undefined;
  if (!own || !f) return false;
  return f.siblings.has(own[0]) || [...f.persons].some((g) => g !== own[0]);
}
