/**
 * Nationality as a news story gives it, for demonym references: a sports report or a wire story
 * names "Portugal's Tomás Duarte" or "Lukas Brandauer of Austria" once and then writes "the
 * Austrian said". The demonym names the one person the story gave that country; with two
 * Austrians, or none, it names nobody.
 */
import type { Token } from '../nlp.ts';
import { COUNTRY_VARIANTS, DEMONYM_COUNTRIES } from '../lexicon/people.ts';
import type { Candidate } from './scan.ts';
import { isVerbAfterName } from './scan.ts';

const COUNTRIES = new Set(DEMONYM_COUNTRIES.values());

/** The country a word names ("Austria", "US"), or a demonym's ("Austrian", "Nigerian-born"). */
function countryOfWord(word: string): string | null {
  const w = word.toLowerCase().replace(/-born$/, '');
  if (COUNTRIES.has(w)) return w;
  return COUNTRY_VARIANTS.get(w) ?? DEMONYM_COUNTRIES.get(w) ?? null;
}

/**
 * "the Austrian said", "The Portuguese saved four break points", "“…,” said the Argentine": a
 * demonym after "the" standing as a noun (a verb or a break after it, not "the Austrian team").
 * Returns its country, or null.
 *
 * @param c - a one-word candidate
 */
export function demonymReference(c: Candidate): string | null {
  if (c.nameTokens.length !== 1 || !c.afterThe || c.possessive || c.quoted) return null;
  const country = DEMONYM_COUNTRIES.get((c.nameTokens[0] as string).toLowerCase());
  if (!country) return null;
  const next = c.tokens[c.tokenEnd];
  if (next && next.word && !isVerbAfterName(c.tokens as Token[], c.tokenEnd)) return null;
  return country;
}

/**
 * The countries a naming gives its person: "Portugal's Tomás Duarte", "Kenji Watanabe, 24, of
 * Japan", "the Welsh writer Rhys Pennant", or a role with a demonym ("Sava's American guard").
 *
 * @param c - a naming of a person
 * @param roles - the role texts found with this naming
 */
export function countriesOf(c: Candidate, roles: readonly string[]): string[] {
  const out: string[] = [];
  const toks = c.tokens;
  const owner = toks[c.tokenIndex - 1];
  const ownerCountry = owner?.possessive ? countryOfWord(owner.text) : null;
  if (ownerCountry) out.push(ownerCountry);
  let k = c.tokenEnd;
  // "Kenji Watanabe, 24, of Japan": past an age between commas.
  if (toks[k]?.text === ',' && /^\d+$/.test(toks[k + 1]?.text ?? '') && toks[k + 2]?.text === ',') k += 3;
  if (toks[k]?.lower === 'of' && toks[k + 1]?.capital) {
    const country = countryOfWord(toks[k + 1]?.text ?? '');
    if (country) out.push(country);
  }
  for (const r of roles)
    for (const w of r.split(/\s+/)) {
      const country = /^\p{Lu}/u.test(w) ? countryOfWord(w.replace(/[’']s$/, '')) : null;
      if (country) out.push(country);
    }
  return out;
}
