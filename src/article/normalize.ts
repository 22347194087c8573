/**
 * Text normalisation shared by ingestion and matching.
 *
 * `normalizeRaw` cleans a file's text once, at ingestion, so every later step (block splitting,
 * offsets, display) works on the same canonical string. It keeps typography a reader sees (curly
 * quotes, dashes): citations show this text. `foldForMatch` is the lossy comparison form used
 * when looking text up; its output is never displayed and its offsets do not map back.
 *
 * Every pattern here is a single character class or a literal, so each replace is linear in
 * the input length (no backtracking).
 */

/** Zero-width characters and BOMs: invisible, but they split words for matching. */
// An alternation, not a class: ZWJ inside a character class trips no-misleading-character-class.
const INVISIBLE = /\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/g;
/** Unicode spaces (NBSP, en/em/thin spaces, ideographic space ...) plus tab and form feed. */
const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const SPACE_RUNS = / {2,}/g;

/**
 * Cleans raw file text for ingestion: strips BOMs, soft hyphens and zero-width characters,
 * turns CRLF / CR / U+2028 into LF (U+2029 into a blank line), maps Unicode spaces and tabs to a
 * plain space, collapses runs of spaces and trims every line.
 *
 * Lines are trimmed because indentation carries no meaning in scraped and plain text, and a
 * whitespace-only line must count as a blank line when blocks are split (Markdown and HTML go
 * through {@link normalizeMarkup} instead, which keeps indentation). Curly quotes, dashes and all other
 * visible characters are kept.
 *
 * @param text - the decoded file content
 * @returns the canonical text every later ingestion step works on
 */
export function normalizeRaw(text: string): string {
  const cleaned = text
    .replace(INVISIBLE, '')
    .replace(/\r\n?|\u2028|\u0085/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(ODD_SPACES, ' ')
    .replace(SPACE_RUNS, ' ');
  // Trimming per line via split/join keeps this linear; a /^ +| +$/gm regex would also be fine,
  // but this reads more plainly.
  const lines = cleaned.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.length > 0 && (line.charCodeAt(0) === 32 || line.charCodeAt(line.length - 1) === 32)) {
      lines[i] = line.trim();
    }
  }
  return lines.join('\n');
}

/** {@link ODD_SPACES} without the tab: in Markdown a tab is indentation (code blocks, nested lists). */
const ODD_SPACES_KEEP_TAB = /[\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * Cleans raw Markdown or HTML for ingestion: the same invisible characters, line breaks and
 * Unicode spaces as {@link normalizeRaw}, but lines are **not** trimmed, space runs are kept and
 * tabs stay tabs. In Markdown and YAML indentation carries meaning (block scalars, nested lists,
 * indented code), so the format's own parser reads the text before any whitespace is folded;
 * display text is whitespace-normalised afterwards, per paragraph.
 *
 * @param text - the decoded file content
 * @returns the text with canonical line breaks and spaces, indentation intact
 */
export function normalizeMarkup(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/\r\n?|\u2028|\u0085/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(ODD_SPACES_KEEP_TAB, ' ');
}

/** Combining marks left behind by NFKD (the accents of é, ā, ñ ...). */
const COMBINING = /\p{M}/gu;
/** Single quotes, apostrophes and primes of every style. */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/g;
/** Double quotes, guillemets and double primes. */
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g;
/** Hyphens, dashes and the minus sign. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const WHITESPACE_RUNS = /\s+/g;

/**
 * Folds text for matching: Unicode compatibility decomposition (NFKD, which also turns "…" into
 * "..." and ligatures into letters), diacritics removed, lowercase, every quote / apostrophe /
 * prime style made straight, every dash made '-', invisible characters removed and whitespace
 * collapsed to single spaces (trimmed).
 *
 * The result is for comparison only; its length differs from the input, so never use its
 * offsets on display text.
 *
 * @param text - any text (display text, a user's query ...)
 * @returns the folded comparison form
 */
export function foldForMatch(text: string): string {
  // Quotes first: NFKD would turn a double prime (″) into two single primes.
  return text
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(WHITESPACE_RUNS, ' ')
    .trim();
}
