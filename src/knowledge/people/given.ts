/**
 * People a report names only in passing, by the name they gave: "a shopper, who gave only her
 * first name, Ilse,", "a driver who gave his name as Teodor", "a nurse identified only as
 * Ilse". The word there is a person's name even when the lexicon does not know it as one.
 */
import type { Token } from '../nlp.ts';
import { NAME_NOUNS, NAMED_AS_PARTICIPLES } from '../lexicon/people.ts';
import type { Candidate } from './scan.ts';

/**
 * True when a candidate stands where a report gives the name someone goes by: right after a
 * name noun ("her first name, Ilse", "his name as Teodor", "name only as Teodor") or after
 * "identified/known (only) as".
 *
 * @param c - a candidate
 */
export function givenAsName(c: Candidate): boolean {
  const toks = c.tokens;
  let k = c.tokenIndex - 1;
  const at = (i: number): string => (toks[i] as Token | undefined)?.lower ?? '';
  if (at(k) === ',') return NAME_NOUNS.has(at(k - 1));
  if (at(k) !== 'as') return false;
  k--;
  if (at(k) === 'only') k--;
  return NAME_NOUNS.has(at(k)) || NAMED_AS_PARTICIPLES.has(at(k));
}
