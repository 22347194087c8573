/**
 * Quote-mark finding: curly and straight double quotes, single quotes that are not apostrophes,
 * quotations running over several paragraphs, and the shape tests (word count, a title-like run)
 * the extractor uses to tell a quote from a term.
 */
import type { Article, Paragraph } from '../../article/types.ts';
import { CLOSING_FOLLOWERS } from '../lexicon/grammar.ts';

/** One pair of quotation marks in a paragraph. */
export interface QuoteMark {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark, or the paragraph end when the quote is left open. */
  end: number;
  /** The closing mark was found in this paragraph. */
  closed: boolean;
  innerStart: number;
  innerEnd: number;
  kind: 'double' | 'single';
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isOpenContext = (ch: string | undefined): boolean => ch === undefined || /[\s([—–\-“‘"'/:]/u.test(ch);

/**
 * Finds quotation spans in one paragraph: curly and straight double quotes, and single quotes
 * that are not apostrophes (a ’ inside or right after a word, as in We’ll / Taliban's / officials’,
 * is an apostrophe). Single quotes inside a double-quoted span are nested quotes, not spans.
 *
 * @param text - the paragraph's display text
 * @returns spans in text order; the last may be left open (`closed: false`)
 */
export function findQuoteMarks(text: string): QuoteMark[] {
  const out: QuoteMark[] = [];
  let open = -1;
  const push = (o: number, closeAt: number | null): void => {
    const innerEnd = closeAt ?? text.length;
    out.push({
      open: o,
      end: closeAt === null ? text.length : closeAt + 1,
      closed: closeAt !== null,
      innerStart: o + 1,
      innerEnd,
      kind: 'double',
    });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') {
      if (open >= 0) {
        // An opening mark inside an open quote: the earlier one was never closed; end it here.
        push(open, null);
        const last = out[out.length - 1] as QuoteMark;
        last.end = i;
        last.innerEnd = i;
      }
      open = i;
    } else if (ch === '”') {
      if (open >= 0) {
        push(open, i);
        open = -1;
      }
    } else if (ch === '"') {
      if (open < 0) {
        if (isOpenContext(text[i - 1]) && !/\s/.test(text[i + 1] ?? ' ')) open = i;
      } else {
        push(open, i);
        open = -1;
      }
    }
  }
  if (open >= 0) push(open, null);
  const doubles = out.filter((q) => q.innerEnd > q.innerStart);
  // Positions only grow, so one pointer walks the (ordered) double spans once.
  let d = 0;
  const inDouble = (i: number): boolean => {
    while (d < doubles.length && (doubles[d] as QuoteMark).end <= i) d++;
    const q = doubles[d];
    return q !== undefined && i >= q.open;
  };
  const singles: QuoteMark[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch !== '‘' && ch !== "'") || inDouble(i)) continue;
    if (!isOpenContext(text[i - 1]) || !isLetter(text[i + 1])) continue;
    const closer = ch === '‘' ? '’' : "'";
    let close = -1;
    for (let j = i + 2; j < text.length && j < i + 400; j++) {
      if (text[j] !== closer) continue;
      // A closing mark is followed by a non-letter and preceded by a non-space; ’ between two
      // letters is an apostrophe (We’ll), and ’ after a plural -s followed by a noun is a possessive.
      if (isLetter(text[j + 1]) || /\s/.test(text[j - 1] ?? ' ')) continue;
      if (text[j - 1] === 's' && closer === "'") {
        // "the fishermen' boats" is a possessive; "the insurers' and ..." closes a quote.
        const nextWord = /^\s+(\p{Ll}+)/u.exec(text.slice(j + 1, j + 20))?.[1];
        if (nextWord !== undefined && !CLOSING_FOLLOWERS.has(nextWord)) continue;
      }
      close = j;
      break;
    }
    if (close < 0) continue;
    singles.push({
      open: i,
      end: close + 1,
      closed: true,
      innerStart: i + 1,
      innerEnd: close,
      kind: 'single',
    });
    i = close;
  }
  return [...doubles, ...singles].sort((a, b) => a.open - b.open);
}

/** A quotation found in the article, possibly running over several paragraphs. */
export interface RawQuote {
  paragraph: number;
  mark: QuoteMark;
  /** Later paragraphs the quotation continues into (each with its span there). */
  continued: { paragraph: number; mark: QuoteMark }[];
}

/**
 * Finds every quotation in the article's text paragraphs (headings are skipped: a quoted
 * headline has no attribution of its own), joining a quotation left open at a paragraph's end
 * with the next paragraph when that paragraph opens with a quotation mark.
 *
 * @param article - the parsed article
 */
export function findQuotations(article: Article): RawQuote[] {
  const out: RawQuote[] = [];
  const marks = new Map<number, QuoteMark[]>();
  for (const p of article.paragraphs) if (p.kind !== 'heading') marks.set(p.number, findQuoteMarks(p.text));
  const consumed = new Set<QuoteMark>();
  const paras = article.paragraphs.filter((p) => p.kind !== 'heading');
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i] as Paragraph;
    for (const m of marks.get(p.number) ?? []) {
      if (consumed.has(m)) continue;
      const raw: RawQuote = { paragraph: p.number, mark: m, continued: [] };
      let cur = m;
      let k = i;
      while (!cur.closed && cur.kind === 'double') {
        const next = paras[k + 1];
        const nm = next ? (marks.get(next.number) ?? [])[0] : undefined;
        if (!next || !nm || nm.open !== 0 || nm.kind !== 'double') break;
        raw.continued.push({ paragraph: next.number, mark: nm });
        consumed.add(nm);
        cur = nm;
        k++;
      }
      out.push(raw);
    }
  }
  return out;
}

/** Word count of a quotation's text. */
function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * True for quoted text that is a title, a name or a scare-quoted term rather than speech: two
 * words or fewer, or a short run of capitalised words ("Translate Website", a film title).
 *
 * @param text - the words inside the marks
 */
export function looksLikeTerm(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length <= 2) return !isShortSentence(text);
  return (
    words.length <= 6 &&
    // A title may end a sentence or a list ("… and “Sports Anime Today.”"), or stand before the
    // comma of an appositive ("her album, “Blue Hours on Dover Street,” was"); a question may not.
    (!/[.!?,;]\s*$/.test(text.trim()) || (words.length >= 2 && /[^.,][.,]\s*$/.test(text.trim()))) &&
    words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|the|a|an|and|in|on|for|to|with)$/.test(w))
  );
}

/**
 * True for a two-word sentence someone says ("Wouldn't you?", "Absolutely not."): it opens with
 * a capital, ends with a full stop, question or exclamation mark, and its last word is lowercase
 * (a title or a name, "Jeopardy!", "Sports Today.", is capitalised throughout).
 *
 * @param text - the words inside the marks
 */
export function isShortSentence(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length !== 2 || !/[.?!]$/.test(t)) return false;
  return /^\p{Lu}/u.test(words[0] as string) && /^\p{Ll}/u.test(words[1] as string);
}

/** Words in a quotation (exported for the extractor's filters). */
export { wordCount };
