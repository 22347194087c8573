/**
 * Quote-aware sentence splitter for paragraph display text.
 *
 * One forward scan over the characters; every look-back or look-ahead is bounded (a token, a
 * few closing marks, one word), so the cost is linear in the paragraph length. No regular
 * expression runs over the whole paragraph.
 */
import type { Sentence } from './types.ts';
import {
  BEFORE_NUMBER,
  MID_SENTENCE,
  NEVER_FINAL,
  SENTENCE_OPENERS,
  TITLE_ABBREVIATIONS,
} from '../knowledge/lexicon/abbreviations.ts';

/**
 * A quotation longer than this (in characters, marks included) does not hold its sentences
 * together: past this length it is more likely an unbalanced mark than one quoted utterance, and a
 * giant "sentence" would make a poor citation.
 */
export const MAX_QUOTE_SPAN = 800;

const OPENING_QUOTES = new Set(['“', '"', '‘', "'", '«', '„', '(', '[']);
const CLOSERS = new Set(['”', '"', '’', "'", '»', ')', ']']);

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\u00A0';
}

/** Letters plus the dots inside abbreviations: what counts as the token before a full stop. */
function isTokenChar(ch: string): boolean {
  return ch === '.' || ch !== ch.toLowerCase() || ch !== ch.toUpperCase() || isDigit(ch);
}

/**
 * Pairs quotation marks into [open, close] spans (outermost only). Curly quotes pair by nesting;
 * a straight double quote opens after whitespace / an opening bracket / the start and closes
 * otherwise. An opener that is never closed produces no span, so an unclosed quote falls back to
 * ordinary splitting. Single quotes are not tracked: ’ is also the apostrophe.
 */
function quoteSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  let depth = 0;
  let straightOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') {
      if (depth === 0 && straightOpen < 0) open = i;
      depth++;
    } else if (ch === '”') {
      if (depth > 0) {
        depth--;
        if (depth === 0 && straightOpen < 0) spans.push([open, i]);
      }
    } else if (ch === '"' && depth === 0) {
      const prev = i > 0 ? (text[i - 1] as string) : ' ';
      const opens = isSpace(prev) || prev === '(' || prev === '[' || prev === '—' || prev === '–';
      if (straightOpen < 0 && opens) straightOpen = i;
      else if (straightOpen >= 0 && !opens) {
        spans.push([straightOpen, i]);
        straightOpen = -1;
      } else if (straightOpen >= 0) {
        // Two openers in a row: the first was unbalanced; restart from this one.
        straightOpen = i;
      }
    }
  }
  return spans.filter(([a, b]) => b - a + 1 <= MAX_QUOTE_SPAN);
}

/** The word starting at `i` (letters only), lowercased, for the opener check. */
function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && j - i < 20) {
    const ch = text[j] as string;
    if (ch === ch.toLowerCase() && ch === ch.toUpperCase()) break;
    j++;
  }
  return text.slice(i, j).toLowerCase();
}

/**
 * Decides whether the full stop at `dot` (already known to be followed by whitespace and a
 * sentence-like start at `next`) really ends a sentence, given the token before it.
 */
function fullStopEnds(text: string, dot: number, next: number): boolean {
  let s = dot;
  while (s > 0 && dot - s < 24 && isTokenChar(text[s - 1] as string)) s--;
  const raw = text.slice(s, dot);
  // A trailing ellipsis ("...") never ends a sentence here: mostly elided quotes mid-sentence.
  if (raw.endsWith('.')) return false;
  const token = raw.toLowerCase();
  const nextCh = text[next] as string;
  const opener = (): boolean => OPENING_QUOTES.has(nextCh) || SENTENCE_OPENERS.has(wordAt(text, next));

  if (token.length === 0) return true;
  if (NEVER_FINAL.has(token)) return false;
  if (TITLE_ABBREVIATIONS.has(token) && raw[0] !== undefined && isUpper(raw[0])) return false;
  if (BEFORE_NUMBER.has(token) && isDigit(nextCh)) return false;
  if (MID_SENTENCE.has(token)) return opener();
  // Dotted abbreviations: U.S, U.K, D.C, a.m, p.m, H.W.
  if (token.includes('.') && /^(?:[a-z]\.)+[a-z]$/.test(token)) return opener() && !isDigit(nextCh);
  // A single capital letter is an initial ("John F. Kennedy").
  if (raw.length === 1 && isUpper(raw)) return opener();
  return true;
}

/**
 * Splits one paragraph's display text into sentences.
 *
 * A sentence ends at `.`, `!` or `?` (plus any closing quotes / brackets) followed by whitespace
 * and an uppercase letter, an opening quote or bracket, or a digit. It does not end inside a
 * quotation that closes later in the paragraph within {@link MAX_QUOTE_SPAN} characters (a
 * quote of two sentences stays one), after a title ("Mr.", "Gen."), an initial ("John F.
 * Kennedy"), "e.g." / "i.e.", an ellipsis, or an ambiguous abbreviation ("U.S.", "Inc.", "Jan.",
 * "p.m.") unless the next word is a typical sentence opener. Decimals never split (no whitespace
 * follows the point).
 *
 * @param text - the paragraph's display text
 * @param paragraph - the 1-based body paragraph number stored on each sentence
 * @returns sentences in order, each with `text === text.slice(start, end)` (trimmed, non-empty)
 */
export function splitSentences(text: string, paragraph: number): Sentence[] {
  const sentences: Sentence[] = [];
  const spans = quoteSpans(text);
  let spanIdx = 0;
  let start = 0;

  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && isSpace(text[a] as string)) a++;
    while (b > a && isSpace(text[b - 1] as string)) b--;
    if (b > a) {
      sentences.push({ index: sentences.length + 1, paragraph, text: text.slice(a, b), start: a, end: b });
    }
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Take the whole run of terminators and closing marks: "?!", ".”", ".)".
    let end = i + 1;
    while (end < text.length) {
      const c = text[end] as string;
      if (c === '.' || c === '!' || c === '?' || CLOSERS.has(c)) end++;
      else break;
    }
    let next = end;
    while (next < text.length && isSpace(text[next] as string)) next++;
    if (next === end || next >= text.length) {
      i = end - 1;
      continue;
    }
    const nextCh = text[next] as string;
    const startsSentence = isUpper(nextCh) || isDigit(nextCh) || OPENING_QUOTES.has(nextCh);
    const lastTerm = text.slice(i, end).replace(/[^.!?]/g, '');
    let ends = startsSentence;
    if (ends && lastTerm.length > 1 && lastTerm[0] === '.') ends = false; // "..." ellipsis
    if (ends && lastTerm === '.') ends = fullStopEnds(text, i, next);
    if (ends) {
      while (spanIdx < spans.length && (spans[spanIdx] as [number, number])[1] < end) spanIdx++;
      const span = spans[spanIdx];
      // Inside a quotation that closes later: the quote holds its sentences together.
      if (span !== undefined && span[0] < i && span[1] >= end) ends = false;
    }
    if (ends) {
      push(start, end);
      start = end;
    }
    i = end - 1;
  }
  push(start, text.length);
  return sentences;
}
