import { LIGHT_VERB_FORMS, PARAPHRASE_GROUPS, PHRASE_SKIPPABLE } from '../knowledge/lexicon/paraphrases.ts';
import { stem } from '../text/match.ts';
import { derivedRoot } from './morph.ts';

/**
 * Paraphrases of the reader (see `knowledge/lexicon/paraphrases.ts`): a question's phrasal verbs
 * and role verbs read as the group's key ("set off" as "leave", "who runs" as "head"), and the
 * single words of a group as synonyms of each other.
 */

interface Phrase {
  words: string[];
  key: string;
}

const LIGHT: ReadonlyMap<string, string> = new Map(
  LIGHT_VERB_FORMS.flatMap((g) => {
    const [base = '', ...forms] = g.split(' ');
    return [base, ...forms].map((f) => [f, base] as [string, string]);
  }),
);

/** A word's base for phrase matching: light verbs to their base, others to their stem's root. */
const baseUncached = (w: string): string => LIGHT.get(w) ?? derivedRoot(stem(w));

/**
 * Bases of words seen before: every word of every question is based, and the root's patterns
 * cost more than the lookup. Bounded like the other word caches.
 */
const baseCache = new Map<string, string>();

function base(w: string): string {
  const hit = baseCache.get(w);
  if (hit !== undefined) return hit;
  const made = baseUncached(w);
  if (baseCache.size >= 50_000) baseCache.clear();
  baseCache.set(w, made);
  return made;
}

const built = (() => {
  const phrases: Phrase[] = [];
  const synonyms = new Map<string, Set<string>>();
  for (const group of PARAPHRASE_GROUPS) {
    const members = group.split('|');
    const key = stem(members[0] ?? '');
    const singles = members.filter((m) => !m.includes(' ')).map((m) => stem(m));
    for (const s of singles) {
      const set = synonyms.get(s) ?? new Set<string>();
      for (const o of singles) if (o !== s) set.add(o);
      synonyms.set(s, set);
    }
    for (const m of members) if (m.includes(' ')) phrases.push({ words: m.split(' ').map(base), key });
  }
  // Longest phrases first, so "turn up at" wins over "turn up".
  phrases.sort((a, b) => b.words.length - a.words.length);
  // By first word, in that order: only a phrase whose first word is the question's word there can
  // start there (its first word is never skipped), so the others are not tried at each word.
  const byFirst = new Map<string, Phrase[]>();
  for (const p of phrases) {
    const first = p.words[0] ?? '';
    const list = byFirst.get(first);
    if (list) list.push(p);
    else byFirst.set(first, [p]);
  }
  return { byFirst, synonyms: new Map([...synonyms].map(([k, v]) => [k, [...v]])) };
})();

const NO_PHRASES: readonly Phrase[] = [];

/** How many of `words` from `at` a phrase covers (0 when it does not match there). */
function matchAt(words: readonly string[], bases: readonly string[], at: number, phrase: Phrase): number {
  let i = at;
  // An index loop: an iterator per phrase tried at each word was most of what analysing a
  // question allocated.
  const need = phrase.words;
  for (let k = 0; k < need.length; k++) {
    const p = need[k] as string;
    while (k > 0 && i < words.length && bases[i] !== p && PHRASE_SKIPPABLE.has(words[i] ?? '')) i++;
    if (bases[i] !== p) return 0;
    i++;
  }
  return i - at;
}

/**
 * The phrases of a question's lower-cased words: at each word where one starts, the group's key
 * and how many words it covers.
 */
export function phrasesIn(words: readonly string[]): Map<number, { key: string; length: number }> {
  const out = new Map<number, { key: string; length: number }>();
  const based = words.map(base);
  for (let i = 0; i < words.length; i++) {
    const tried = built.byFirst.get(based[i] as string) ?? NO_PHRASES;
    for (let j = 0; j < tried.length; j++) {
      const length = matchAt(words, based, i, tried[j] as Phrase);
      if (length === 0) continue;
      out.set(i, { key: (tried[j] as Phrase).key, length });
      i += length - 1;
      break;
    }
  }
  return out;
}

/** Stems a paraphrase group gives as meaning the same as `termStem` (excluding itself). */
export function paraphrasesOf(termStem: string): readonly string[] {
  return built.synonyms.get(termStem) ?? [];
}
