/**
 * Which of several people sharing a surname a lone surname names: by "the elder / younger X",
 * the gender an honorific or a following he / she states, the honorific the article gave each,
 * the latest full naming, and who was introduced only as someone's relative. Null where two
 * fit: a wrong speaker costs more than a missing one. Split out of resolve.ts, which builds the
 * people these functions choose between.
 */
import { ageRole } from './roles.ts';
import { genderFromNaming, genderOfPronoun, genderOfWord, type Gender } from './gender.ts';
import { orderOf, type Candidate } from './scan.ts';
import {
  generationBefore,
  generationPick,
  relativeNounAfter,
  relativeNounBefore,
  type Relative,
} from './kin.ts';
import type { Draft } from './resolve.ts';

/** How far after a lone surname a he / she / his / her in its sentence still refers to it. */
const PRONOUN_REACH = 25;

/** The one gender a person's family nouns give ("daughter": female), or null. */
function kinGender(nouns: readonly string[]): Gender | null {
  const genders = new Set(nouns.map((n) => genderOfWord(n)));
  const [only] = genders;
  return genders.size === 1 && only ? only : null;
}

/**
 * Of several people sharing a surname, the one whose gender (from first name, honorific or
 * role) the naming itself states ("Mrs Marsh": anyone it does not contradict) or, failing that, the first he / she / his / her
 * after the name in its sentence does; null when neither says, or not exactly one person fits.
 *
 * @param c - the lone-surname candidate
 * @param hits - the people with that surname
 */
function genderFit(c: Candidate, hits: readonly Draft[], kin: KinNotes): Draft | null {
  if (c.quoted) return null;
  let want = c.honorific ? genderOfWord(c.honorific.replace(/\.$/, '')) : null;
  const stated = want !== null;
  if (!want && !c.possessive) {
    const pronoun = c.tokens
      .slice(c.tokenEnd, c.tokenEnd + PRONOUN_REACH)
      .find((t) => t.word && genderOfPronoun(t.lower) !== null);
    want = pronoun ? genderOfPronoun(pronoun.lower) : null;
  }
  if (!want) return null;
  // "His daughter, Anouk van der Berg": the family noun she was introduced with states it too.
  const family = kin.relatives(hits);
  const genders = hits.map(
    (d, k) =>
      genderFromNaming(
        d.name,
        d.aliases,
        d.roles.map((r) => r.text),
      ).gender ?? kinGender(family[k]?.kin ?? []),
  );
  // An honorific states the gender: whoever it does not contradict; a pronoun only hints: a match.
  const fits = hits.filter((_, k) => genders[k] === want || (stated && genders[k] === null));
  // A pronoun picks one only when every other person of the surname is known to be of the other
  // gender: "he" between a man and a relative of unknown gender settles nothing.
  if (!stated && genders.some((g) => g === null)) return null;
  return fits.length === 1 ? (fits[0] as Draft) : null;
}

/** What the article said of each person's family place and age, noted in reading order. */
export interface KinNotes {
  /** Notes every naming before `order` (call with increasing orders). */
  upTo(order: number): void;
  relatives(hits: readonly Draft[]): Relative<Draft>[];
  /** Introduced as someone's relative ("his niece Clara Lusk"). */
  isRelative(d: Draft): boolean;
  /** The honorifics ("mr", "dr") the article has put before the person's name so far. */
  honorifics(d: Draft): ReadonlySet<string>;
}

export function kinNotes(sorted: readonly Candidate[], candEntity: ReadonlyMap<Candidate, Draft>): KinNotes {
  const kinOf = new Map<Draft, string[]>();
  const ageOf = new Map<Draft, number>();
  const honOf = new Map<Draft, Set<string>>();
  let next = 0;
  return {
    upTo(order) {
      for (; next < sorted.length && (sorted[next] as Candidate).order < order; next++) {
        const c = sorted[next] as Candidate;
        const d = candEntity.get(c);
        if (!d || d.kind !== 'person' || c.quoted) continue;
        const noun = relativeNounBefore(c) ?? relativeNounAfter(c);
        if (noun) kinOf.set(d, [...(kinOf.get(d) ?? []), noun]);
        const age = ageRole(c);
        if (age && !ageOf.has(d)) ageOf.set(d, parseInt(age, 10));
        if (c.honorific) honOf.set(d, (honOf.get(d) ?? new Set()).add(honorificKey(c.honorific)));
      }
    },
    relatives: (hits) => hits.map((h) => ({ who: h, age: ageOf.get(h) ?? null, kin: kinOf.get(h) ?? [] })),
    isRelative: (d) => kinOf.has(d),
    honorifics: (d) => honOf.get(d) ?? new Set(),
  };
}

/** An honorific without case or its full stop ("Dr." and "dr" are one). */
function honorificKey(h: string): string {
  return h.replace(/\.$/, '').toLowerCase();
}

/**
 * Of several people sharing a surname, the one "Dr Varo" names when the article gave another
 * honorific ("Mr Teo Varo") to every other: an article keeps one honorific per person. The
 * one already given that honorific wins; else the one person given none. Null otherwise.
 *
 * @param c - the lone-surname candidate, with its honorific
 * @param hits - the people with that surname
 * @param kin - what the article said of them so far
 */
function honorificFit(c: Candidate, hits: readonly Draft[], kin: KinNotes): Draft | null {
  if (!c.honorific) return null;
  const own = honorificKey(c.honorific);
  const same = hits.filter((d) => kin.honorifics(d).has(own));
  if (same.length > 0) return same.length === 1 ? (same[0] as Draft) : null;
  const open = hits.filter((d) => kin.honorifics(d).size === 0);
  return open.length === 1 ? (open[0] as Draft) : null;
}

/**
 * The one of several people sharing a lone surname that the surname names here, or null when
 * it is not safe. In order: "the elder / younger X" by age or family place (kin.ts), and only
 * so; the gender of an honorific ("Mrs Marsh") or of the he / she after it in its sentence ("Okonjo was born in Lagos and moved with her
 * parents"); the latest full naming in this paragraph or the one before, unless the other was
 * named in full in the same paragraph as it (and the latest does not open the sentence before),
 * or the latest is a relative introduced through the other ("Okafor's niece Ada Okafor": a bare "Okafor" is not her).
 */
export function sharedSurnameFit(
  c: Candidate,
  hits: readonly Draft[],
  lastFull: ReadonlyMap<Draft, Candidate>,
  kin: KinNotes,
): Draft | null {
  kin.upTo(c.order);
  const generation = generationBefore(c);
  if (generation) return generationPick(generation, kin.relatives(hits));
  const fit = genderFit(c, hits, kin) ?? honorificFit(c, hits, kin);
  if (fit) return fit;
  const recent = hits
    .map((h) => ({ h, full: lastFull.get(h) }))
    .filter(
      (x) => x.full !== undefined && x.full.order >= orderOf(c.paragraph - 1, 0) && x.full.order < c.order,
    )
    .sort((a, b) => (b.full as Candidate).order - (a.full as Candidate).order);
  const [first, second] = recent;
  if (!first) return null;
  const full = first.full as Candidate;
  // Both named in full in one paragraph ("Anna Berg and Lars Berg run the farm", or one sentence
  // each): a bare "Berg" after them could be either. The latest counts when the other was named
  // in the paragraph before, or when it opens the sentence right before the surname's own
  // ("Lars Berg spoke first. “…,” Berg said").
  const adjacent =
    full.paragraph === c.paragraph && full.sentence === c.sentence - 1 && full.tokenIndex === 0;
  const tie = full.paragraph === second?.full?.paragraph && full.sentence === second.full.sentence;
  if (second !== undefined && full.paragraph === second.full?.paragraph && (tie || !adjacent))
    return principalOf(hits, kin);
  // A generation reference ("the younger Harker") is no naming of a relative: it was chosen.
  // "His son, Ciarán O'Neill, said …" then a paragraph on opening "O'Neill joined …": the report
  // is back on the person it is about; in the relative's own paragraph it may still be them.
  if (kin.isRelative(first.h) && !generationBefore(full))
    return full.paragraph < c.paragraph ? principalOf(hits, kin) : null;
  return first.h;
}

/**
 * "Former mayor Colin Gerrity … his niece Lisette Gerrity", both named in full in one paragraph: of the
 * people sharing a surname, the one person not introduced as a relative, when every other one
 * was. A report calls a relative it
 * introduced through someone by the first name, and the one it is about by the surname. Null
 * when two or more were introduced in their own right.
 *
 * @param hits - the people with that surname
 * @param kin - what the article said of them so far
 */
function principalOf(hits: readonly Draft[], kin: KinNotes): Draft | null {
  const own = hits.filter((d) => !kin.isRelative(d));
  return hits.length > 1 && own.length === 1 ? (own[0] as Draft) : null;
}
