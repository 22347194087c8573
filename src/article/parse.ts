/**
 * Article text -> Article: format detection and dispatch to the format readers.
 *
 * Four formats (DESIGN.md §2):
 * - `markdown` (markdown.ts): YAML front matter (`---` ... `---`) is the header; every block
 *   after it is a body paragraph. A Markdown file without front matter but opening with a
 *   `# Title` heading is also read as Markdown.
 * - `html` (html.ts): a publisher's page (`.html` / `.htm`), read with Readability.
 * - `scraped` (scraped.ts): web text copied from a news site, header lines and boilerplate cut.
 * - `plain` (scraped.ts): no recognisable header: the first line is the title.
 *
 * Nothing here throws for content reasons: problems come back as `{ ok: false, reason }`.
 */
import type { ArticleInput } from './blocks.ts';
import { splitBlocks } from './blocks.ts';
import { isHtmlFileName, parseHtmlArticle } from './html.ts';
import { parseHeadedMarkdown, parseMarkdown } from './markdown.ts';
import { normalizeMarkup, normalizeRaw } from './normalize.ts';
import { looksScraped, parsePlain, parseScraped } from './scraped.ts';
import type { ParseResult } from './types.ts';

export type { ArticleInput } from './blocks.ts';
export { MAX_PARAGRAPHS, stripLinks } from './blocks.ts';
export { parseDate } from './dates.ts';
export { parseHtmlArticle } from './html.ts';

/** Bumped whenever parsing output changes: it keys the knowledge cache with EXTRACTOR_VERSION. */
export const PARSER_VERSION = 'parse-3';

/** How much of the text is looked at to find its first line (blank lines and a BOM may precede it). */
const FIRST_LINE_WINDOW = 4096;

function parseText(input: ArticleInput): ParseResult {
  if (isHtmlFileName(input.file)) return parseHtmlArticle(input.text, { id: input.id, file: input.file });
  // The first line decides the format; only Markdown needs the indentation-keeping form.
  const head = normalizeMarkup(input.text.slice(0, FIRST_LINE_WINDOW));
  const firstLine = /^\s*([^\n]*)/.exec(head)?.[1]?.trimEnd() ?? '';
  if (firstLine === '---') return parseMarkdown(input, normalizeMarkup(input.text));
  if (/^#\s+\S/.test(firstLine)) return parseHeadedMarkdown(input, normalizeMarkup(input.text));
  const text = normalizeRaw(input.text);
  if (text.trim().length === 0) return { ok: false, reason: 'empty file' };
  const blocks = splitBlocks(text);
  if (blocks.length > 1 && looksScraped(blocks)) return parseScraped(input, blocks);
  return parsePlain(input, text);
}

/**
 * Parses one article's text. HTML is chosen by the file name (`.html`, `.htm`); otherwise the
 * format is detected from the content: front matter (`---` first) means Markdown; a `# Title`
 * first means Markdown without front matter; a title followed, within a few blocks, by a
 * byline / source-date / taxonomy line means scraped web text; anything else is plain text.
 *
 * Never throws: broken front matter or an article with no body paragraphs comes back as
 * `{ ok: false, reason }`.
 *
 * @param input - the article id (file base name), the file name for messages, and the raw text
 * @returns the parsed article, or the reason it cannot be read
 */
export function parseArticle(input: ArticleInput): ParseResult {
  try {
    if (input.text.trim().length === 0) return { ok: false, reason: 'empty file' };
    return parseText(input);
  } catch (err) {
    // A bug, not a content problem; still reported per file so one article cannot stop a load.
    return {
      ok: false,
      reason: `internal parser error: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
