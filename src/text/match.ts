import { foldForMatch } from '../article/normalize.ts';

/**
 * The one normalisation both sides of every search go through, so "we will" finds “We’ll”,
 * "Sultonov's" finds "Sultonov" and "Sergej" is one typo from "Sergei". Display text is never
 * changed; only these match forms are compared.
 */

const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'cannot'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'ll\b/g, ' will'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'m\b/g, ' am'],
  [/'d\b/g, ' would'],
  [/\b(it|that|there|what|here|who|he|she|where|how)'s\b/g, '$1 is'],
  [/'s\b/g, ''],
  [/s'(?=\s|$)/g, 's'],
];

/** Lower-case, diacritics folded, straight quotes, contractions expanded, punctuation as spaces. */
export function matchForm(text: string): string {
  let s = foldForMatch(text);
  // Most sentences have no apostrophe: skip the contraction passes (index builds run this a lot).
  if (s.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  // Keep digits joined ("1,000" -> "1000", "3.5" stays one token) before dropping punctuation.
  s = s.replace(/(\d)[,.](?=\d{3}\b)/g, '$1').replace(/(\d)\.(\d)/g, '$1_$2');
  return s
    .replace(/[^\p{L}\p{N}_\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words too common to carry meaning in a search (question words included: they steer, not match). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for with from as into onto about over under than then that this these those ' +
    'it its is are was were be been being am do does did doing done have has had having will would shall should can could may might must ' +
    'i me my we us our you your he him his she her they them their there here what which who whom whose when where why how ' +
    'not no nor so too very just also only any some all each every both either neither such own same other ' +
    'up down out off again further once s t say says said tell told according ' +
    // Speech verbs carry no topic: "when did Sultonov speak?" asks about Sultonov and a date.
    'speak speaks spoke spoken talk talked comment commented mention mentioned ' +
    // Light verbs and quantity words of questions ("how much money did they get?").
    'get gets got gotten make makes made give gives gave given take takes took taken happen happens happened ' +
    'go goes went many much'
  ).split(/\s+/),
);

/**
 * A light suffix stripper (not a full Porter stemmer): enough that "reservists"/"reservist",
 * "withdrawing"/"withdraw" and "activated"/"activate" share a key, cheap on every token.
 */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = stemUncached(word);
  // Bounded: a flood of unique junk words must not grow memory without limit.
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, result);
  return result;
}

function stemUncached(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(w)) {
    // "class", "status", "crisis": no plural to strip.
  } else if (/(ches|shes|xes|sses|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  // "carried", "denied" meet "carry", "deny" (as "carries", "denies" do); "died", "tied" stay.
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  // "activat" and "activ" should meet: fold a final doubled consonant ("stopp" -> "stop").
  if (w.length > 4 && /([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Content tokens of a text: stop words dropped, stemmed, in order (duplicates kept). */
export function contentTerms(text: string): string[] {
  return termsOfMatchForm(matchForm(text));
}

/** {@link contentTerms} for a string that is already a match form (saves a second normalisation). */
export function termsOfMatchForm(form: string): string[] {
  const out: string[] = [];
  for (const t of form.split(' ')) {
    if (t === '' || STOPWORDS.has(t)) continue;
    out.push(stem(t));
  }
  return out;
}
