/**
 * Gender as a news text shows it: an honorific ("Mrs", "Sir"), a gendered role noun
 * ("spokeswoman", "the father"), or a first name compromise's lexicon tags `#MaleName` /
 * `#FemaleName`. Unknown stays unknown: it never blocks a match, only a contradiction does.
 */
import type { Entity } from '../types.ts';
import { lexiconTags } from '../nlp.ts';
import { FEMALE_WORDS, MALE_WORDS } from '../lexicon/people.ts';
import { genderOfNameWords, givenName } from './naming.ts';

export type Gender = 'male' | 'female';

/** The gender a word states (an honorific or a gendered role noun), or null. */
export function genderOfWord(word: string): Gender | null {
  const w = word.toLowerCase();
  if (MALE_WORDS.has(w)) return 'male';
  if (FEMALE_WORDS.has(w)) return 'female';
  return null;
}

/** The gender compromise's lexicon gives a first name, or null. */
export function genderOfFirstName(name: string): Gender | null {
  const tags = lexiconTags(name.toLowerCase());
  if (tags.has('MaleName') && !tags.has('FemaleName')) return 'male';
  if (tags.has('FemaleName') && !tags.has('MaleName')) return 'female';
  return null;
}

/** The gender of he / she, or null for other pronouns. */
export function genderOfPronoun(pronoun: string): Gender | null {
  const p = pronoun.toLowerCase();
  if (p === 'he' || p === 'him' || p === 'his') return 'male';
  if (p === 'she' || p === 'her' || p === 'hers') return 'female';
  return null;
}

/** A person's gender and whether the article states it (honorific, role) or only the first name hints it. */
export interface GenderEvidence {
  gender: Gender | null;
  /** Stated by an honorific or a role noun; a first name alone is a hint (names are shared). */
  stated: boolean;
}

const cache = new WeakMap<Entity, GenderEvidence>();
const UNKNOWN: GenderEvidence = { gender: null, stated: false };

/**
 * A person's gender from how the article names them: the first word of an honorific alias
 * ("Mrs Turpin") and the words of their roles ("spokeswoman") state it; their first name hints
 * it. Stated evidence that disagrees leaves it unknown.
 *
 * @param e - an entity (non-persons have none)
 */
export function genderEvidence(e: Entity): GenderEvidence {
  const hit = cache.get(e);
  if (hit) return hit;
  const found =
    e.kind === 'person'
      ? genderFromNaming(
          e.name,
          e.aliases,
          e.roles.map((r) => r.text),
        )
      : UNKNOWN;
  cache.set(e, found);
  return found;
}

/**
 * A person's gender from a name, its aliases and role texts (see genderEvidence); usable before
 * the entity is built.
 */
export function genderFromNaming(
  name: string,
  aliases: Iterable<string>,
  roles: readonly string[],
): GenderEvidence {
  const stated = new Set<Gender>();
  for (const a of aliases) {
    const g = genderOfWord(a.split(/\s+/)[0] ?? '');
    if (g) stated.add(g);
  }
  for (const r of roles)
    for (const w of r.split(/\s+/)) {
      const g = genderOfWord(w);
      if (g) stated.add(g);
    }
  if (stated.size === 1) return { gender: [...stated][0] as Gender, stated: true };
  if (stated.size === 0 && name.includes(' ')) {
    const words = name.split(/\s+/);
    const g = genderOfNameWords(words) ?? genderOfFirstName(givenName(words));
    if (g) return { gender: g, stated: false };
  }
  return UNKNOWN;
}

/** A person's gender, stated or hinted, or null. */
export function genderOf(e: Entity): Gender | null {
  return genderEvidence(e).gender;
}

/**
 * Whether a he / she cannot name this entity: 'stated' when the article says otherwise,
 * 'hinted' when only the first name does, null when nothing disagrees.
 */
export function pronounConflict(pronoun: string, e: Entity): 'stated' | 'hinted' | null {
  const want = genderOfPronoun(pronoun);
  if (!want) return null;
  const ev = genderEvidence(e);
  if (ev.gender === null || ev.gender === want) return null;
  return ev.stated ? 'stated' : 'hinted';
}
