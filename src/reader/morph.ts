import { IRREGULAR_VERBS } from '../knowledge/lexicon/irregular.ts';
import { stem } from '../text/match.ts';

/**
 * Morphology beyond the suffix stripper: an irregular verb form's base ("paid" -> "pay", "fell" ->
 * "fall", "won" -> "win"), from the list in `knowledge/lexicon/irregular.ts`. Inflections only:
 * nouns whose stem changes from their verb ("theft"/"steal", "sale"/"sell") were tried and left
 * out, as in a short story about a theft they made every paragraph match "stolen" (dev news
 * hit@1 53.1 -> 50.0).
 */
const LEMMAS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of IRREGULAR_VERBS) {
    const [head, ...forms] = group.split(' ').map((w) => stem(w));
    if (head === undefined) continue;
    for (const f of forms) if (f !== head && !map.has(f)) map.set(f, head);
  }
  return map;
})();

/** The base stem of an irregular verb form, or undefined for any other stem. */
export function lemmaOf(s: string): string | undefined {
  return LEMMAS.get(s);
}

const DERIVATIONAL =
  /^(.{4,}?)(ations?|itions?|ions?|ments?|ness|ity|ers?|ors?|al|ive|ic|ance|ence|ant|ent|ist|ism|ing|ur|ery)$/;

/**
 * Derivational root of a stem ("election" -> "elect", "construction" -> "construct",
 * "winner" -> "win", "closure" -> "clos", "payment" -> "pay"), so a question's noun meets the
 * article's verb; an irregular verb form goes to its base ("won" -> "win", "paid" -> "pay").
 * Conservative: a stripped root keeps at least four letters (three before "-ment").
 */
export function derivedRoot(s: string): string {
  const lemma = LEMMAS.get(s);
  if (lemma !== undefined) return LEMMAS.get(lemma) ?? lemma;
  const stripped = /^(.{3,}?)ments?$/.exec(s)?.[1] ?? DERIVATIONAL.exec(s)?.[1];
  if (stripped === undefined) return verbRoot(undoubled(s));
  return LEMMAS.get(stripped) ?? verbRoot(undoubled(dropE(stripped)));
}

/** A final "e" left by a stripped suffix, as the stemmer drops it ("agree" of "agreement" -> "agre"). */
const dropE = (s: string): string => (s.length > 4 && s.endsWith('e') ? s.slice(0, -1) : s);

/**
 * The verb's root in the form its noun takes: "-ate" verbs lose "at" as "-ation" nouns do
 * ("investigat" -> "investig" as "investigation"), and a vowel + "d" ending turns to the "s" of its
 * "-sion" noun ("decid" -> "decis" as "decision", "explod" -> "explos").
 */
function verbRoot(s: string): string {
  if (s.length >= 7 && s.endsWith('at')) return s.slice(0, -2);
  if (s.length >= 5 && /[aeiou]d$/.test(s) && !/(ee|oo)d$/.test(s)) return `${s.slice(0, -1)}s`;
  return s;
}

/**
 * A consonant doubled before a suffix ("winn" of "winning"/"winner", "planne" of "planned") back
 * to one, except the letters English doubles in base words too ("fall", "pass", "staff", "buzz").
 */
function undoubled(s: string): string {
  return s.length >= 4 && /([bdgkmnprt])\1$/.test(s) ? s.slice(0, -1) : s;
}
