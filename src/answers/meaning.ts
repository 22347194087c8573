import { stem } from '../text/match.ts';

/**
 * Word lists /check-quote uses to tell an altered quote from one whose meaning was turned around:
 * negations and antonym pairs of everyday news vocabulary. Data only, in one place; compared on
 * match forms (lower case, contractions expanded: "don't" is "do not").
 */

/** Words that negate a statement. */
export const NEGATIONS: ReadonlySet<string> = new Set(
  'not no never nobody nothing none neither nor nowhere without cannot'.split(' '),
);

/** Pairs of words with opposite meanings (each line: one pair). */
const ANTONYM_PAIRS: readonly string[] = [
  'increase decrease',
  'rise fall',
  'raise cut',
  'more less',
  'most least',
  'support oppose',
  'accept reject',
  'approve reject',
  'agree disagree',
  'allow ban',
  'allow forbid',
  'win lose',
  'strong weak',
  'success failure',
  'succeed fail',
  'friend enemy',
  'ally enemy',
  'love hate',
  'always never',
  'before after',
  'guilty innocent',
  'true false',
  'right wrong',
  'good bad',
  'better worse',
  'best worst',
  'safe dangerous',
  'peace war',
  'open close',
  'start stop',
  'begin end',
  'include exclude',
  'legal illegal',
  'possible impossible',
  'likely unlikely',
  'fan critic',
  'praise criticise',
  'praise criticize',
  'easy hard',
  'high low',
  'big small',
  'large small',
  'early late',
  'gain loss',
  'profit loss',
  'expand shrink',
  'welcome condemn',
  'confirm deny',
  'admit deny',
  'attack defend',
  'advance retreat',
];

const ANTONYMS = new Map<string, Set<string>>();
for (const line of ANTONYM_PAIRS) {
  const [a, b] = line.split(' ').map(stem);
  if (a === undefined || b === undefined) continue;
  if (!ANTONYMS.has(a)) ANTONYMS.set(a, new Set());
  if (!ANTONYMS.has(b)) ANTONYMS.set(b, new Set());
  ANTONYMS.get(a)?.add(b);
  ANTONYMS.get(b)?.add(a);
}

/** Negating prefixes that turn a word into its opposite ("likely"/"unlikely", "legal"/"illegal"). */
const NEGATING_PREFIX = /^(un|in|im|il|ir|dis|non)(?=\w{3})/;

/** True when `a` and `b` (match-form words) mean opposite things. */
export function opposite(a: string, b: string): boolean {
  if (a === b) return false;
  const sa = stem(a);
  const sb = stem(b);
  if (ANTONYMS.get(sa)?.has(sb) === true) return true;
  return a.replace(NEGATING_PREFIX, '') === b || b.replace(NEGATING_PREFIX, '') === a;
}

/** How many negations `words` contain. */
export function negations(words: readonly string[]): number {
  return words.filter((w) => NEGATIONS.has(w)).length;
}
