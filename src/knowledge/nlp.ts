/**
 * The one module that touches compromise. Everything else in `src/knowledge/` works on our own
 * tokens with offsets, so the rules stay deterministic and testable, and compromise's process-wide
 * state is only ever read (we never call `nlp.addWords`: it would change the lexicon for every
 * caller in the process).
 */
import nlp from 'compromise';
import { DOTTED } from './lexicon/abbreviations.ts';

/** A word or punctuation mark with its offsets in the text it came from. */
export interface Token {
  /** The token as printed, a possessive ending removed ("Taliban" for "Taliban's"). */
  text: string;
  lower: string;
  start: number;
  /** End offset of `text` (the possessive ending is not included). */
  end: number;
  /** True for words (letters / digits), false for punctuation. */
  word: boolean;
  /** The word carried a possessive ’s / 's (or a bare ’ after a plural -s). */
  possessive: boolean;
  /** First character is an uppercase letter. */
  capital: boolean;
}

// A word: letters, digits and marks, joined by inner apostrophes, hyphens, dots and commas in
// numbers ("1,000"), plus a final dot for initials and dotted abbreviations ("C.", "U.S.").
const TOKEN_RE = /[\p{L}\p{N}\p{M}]+(?:[’'\-.][\p{L}\p{N}\p{M}]+|,\d{3}(?!\d))*\.?|[^\s\p{L}\p{N}\p{M}]/gu;

/**
 * Splits text into word and punctuation tokens with offsets. A word's trailing full stop is kept
 * only for initials ("C."), dotted abbreviations ("U.S.") and titles ("Mr."); possessive endings
 * are split off into the `possessive` flag so "Taliban's" reads as the name "Taliban".
 *
 * @param text - any text (a sentence or paragraph)
 * @param offset - added to every offset (the text's position in its paragraph)
 */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  // exec over the one global pattern, not matchAll: matchAll clones the pattern and makes an
  // iterator per call, which cost as much as the matching for a sentence's few dozen tokens.
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    let raw = m[0];
    const start = m.index + offset;
    const isWord = startsWithLetterOrDigit(raw);
    if (isWord && raw.endsWith('.')) {
      const keep = /^\p{Lu}\.$/u.test(raw) || raw.slice(0, -1).includes('.') || DOTTED.has(raw.toLowerCase());
      if (!keep) {
        raw = raw.slice(0, -1);
        out.push(makeToken(raw, start, true));
        out.push(makeToken('.', start + raw.length, false));
        continue;
      }
    }
    out.push(makeToken(raw, start, isWord));
  }
  // A bare apostrophe after a plural ("officials’ rights") is a possessive, not a quote mark.
  for (let i = 1; i < out.length; i++) {
    const t = out[i] as Token;
    const prev = out[i - 1] as Token;
    if (
      !t.word &&
      (t.text === '’' || t.text === "'") &&
      prev.word &&
      prev.end === t.start &&
      /s$/i.test(prev.text)
    ) {
      const next = out[i + 1];
      if (next === undefined || next.start > t.end) prev.possessive = true;
    }
  }
  return out;
}

function makeToken(raw: string, start: number, word: boolean): Token {
  let text = raw;
  let possessive = false;
  // Tested by its ending first: most words have no possessive, and the pattern costs more.
  if (
    word &&
    raw.length > 2 &&
    raw.endsWith('s') &&
    (raw[raw.length - 2] === '’' || raw[raw.length - 2] === "'")
  ) {
    const m = /^(.+?)[’']s$/u.exec(raw);
    // "who's" is "who is", but "the WHO's website" is the acronym's possessive.
    const contraction = m?.[1] !== undefined && /^(it|that|there|what|he|she|who|here|let)$/i.test(m[1]);
    const acronym = m?.[1] !== undefined && m[1].length > 1 && m[1] === m[1].toUpperCase();
    if (m && m[1] !== undefined && (!contraction || acronym)) {
      text = m[1];
      possessive = true;
    }
  }
  return {
    text,
    lower: text.toLowerCase(),
    start,
    end: start + text.length,
    word,
    possessive,
    capital: word && startsUppercase(text),
  };
}

/** The first UTF-16 unit is a letter or digit (ASCII answered without a pattern). */
function startsWithLetterOrDigit(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return /[\p{L}\p{N}]/u.test(raw[0] ?? '');
}

/** The first UTF-16 unit has case and is upper case (ASCII answered without new strings). */
function startsUppercase(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const first = text[0] ?? '';
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

interface Lexicon {
  [word: string]: string | string[] | undefined;
}
interface TagInfo {
  parents?: string[];
}

const model = nlp.model() as unknown as { one: { lexicon: Lexicon } };
const LEXICON: Lexicon = model.one.lexicon;
const TAG_SET = (
  nlp.world() as unknown as { model: { one: { tagSet: Record<string, TagInfo | undefined> } } }
).model.one.tagSet;

const tagCache = new Map<string, ReadonlySet<string>>();

/**
 * The tags compromise's lexicon gives a word or phrase (with their parent tags: "Country" also
 * yields "Place"), or an empty set when the lexicon does not know it. A read-only lookup: no
 * sentence is parsed.
 *
 * @param phrase - a word or multi-word name, any case
 */
export function lexiconTags(phrase: string): ReadonlySet<string> {
  const key = phrase.toLowerCase();
  const hit = tagCache.get(key);
  if (hit) return hit;
  const raw = Object.prototype.hasOwnProperty.call(LEXICON, key) ? LEXICON[key] : undefined;
  const tags = new Set<string>();
  for (const tag of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
    tags.add(tag);
    for (const p of TAG_SET[tag]?.parents ?? []) tags.add(p);
  }
  if (tagCache.size > 50_000) tagCache.clear();
  tagCache.set(key, tags);
  return tags;
}

/** A term compromise tagged, with offsets relative to the tagged text's paragraph. */
export interface TaggedTerm {
  text: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

interface JsonTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/**
 * Part-of-speech tags for a short text (one sentence), from a full compromise parse. Costs about
 * a millisecond a sentence, so callers run it only on sentences that need it.
 *
 * @param text - the sentence
 * @param offset - added to every offset
 */
export function tagTerms(text: string, offset = 0): TaggedTerm[] {
  const out: TaggedTerm[] = [];
  try {
    const json = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: JsonTerm[] }[];
    for (const s of json) {
      for (const t of s.terms) {
        out.push({
          text: t.text,
          start: t.offset.start + offset,
          end: t.offset.start + t.offset.length + offset,
          tags: new Set(t.tags),
        });
      }
    }
  } catch {
    // A parser failure must not stop extraction: the caller falls back to its own heuristics.
    return [];
  }
  return out;
}
