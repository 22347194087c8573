import { parseHtmlArticle } from '../article/html.ts';
import { parseArticle } from '../article/parse.ts';
import type { Article, ParseResult } from '../article/types.ts';

/**
 * A fetched page (or attachment) -> Article. Text and Markdown go through the project's article
 * parser; HTML through the Readability-based reader of `src/article/html.ts`.
 */

export interface PageInput {
  id: string;
  /** `<id>.<ext>`: html, md or txt (what the content type or attachment name said). */
  fileName: string;
  text: string;
  /** Where the page was read from (after redirects). */
  url?: string;
}

/** Fewer characters of body text than this is not an article (an index page, a paywall stub). */
export const MIN_ARTICLE_CHARS = 500;
/**
 * More article text than this is refused: added pages are extracted while the bot answers, and
 * 300,000 characters (six times a long feature) keep that to about a second even for hostile text.
 */
export const MAX_ADDED_CHARS = 300_000;

/** The file extension an article of this media type or attachment name is stored under. */
export function extensionFor(contentType: string, name = ''): 'html' | 'md' | 'txt' {
  if (/\.(md|markdown)$/i.test(name) || /markdown/.test(contentType)) return 'md';
  if (/\.html?$/i.test(name) || /html/.test(contentType)) return 'html';
  return 'txt';
}

/** `<link rel="canonical" href="...">`, resolved against the page URL (read before parsing, for duplicates). */
export function canonicalLink(html: string, pageUrl: string | undefined): string | undefined {
  const tag = /<link[^<>]+rel=["']canonical["'][^<>]*>/i.exec(html)?.[0];
  const href = tag === undefined ? undefined : /href=["']([^"']+)["']/i.exec(tag)?.[1];
  if (href === undefined) return undefined;
  try {
    return new URL(href.replace(/&amp;/gi, '&'), pageUrl).href;
  } catch {
    return undefined;
  }
}

/** HTML through Readability (src/article/html.ts); text and Markdown straight through the article parser. */
export function parseFetchedPage(input: PageInput): ParseResult {
  if (/\.html?$/i.test(input.fileName))
    return parseHtmlArticle(input.text, {
      id: input.id,
      file: input.fileName,
      ...(input.url !== undefined ? { url: input.url } : {}),
    });
  const parsed = parseArticle({ id: input.id, file: input.fileName, text: input.text });
  if (!parsed.ok || parsed.article.meta.url !== undefined || input.url === undefined) return parsed;
  return { ok: true, article: { ...parsed.article, meta: { ...parsed.article.meta, url: input.url } } };
}

/** Why a parsed page is not an article, or null when it is one. */
export function notAnArticle(article: Article): string | null {
  const chars = article.paragraphs.filter((p) => p.kind !== 'heading').reduce((n, p) => n + p.text.length, 0);
  if (chars < MIN_ARTICLE_CHARS)
    return `the page has only ${chars} characters of article text (at least ${MIN_ARTICLE_CHARS} are needed): it looks like an index page, a paywall or a stub`;
  if (chars > MAX_ADDED_CHARS)
    return `the page has ${chars.toLocaleString('en-US')} characters of article text, more than the ${MAX_ADDED_CHARS.toLocaleString('en-US')} an added article may have: split it, or put it in the articles folder`;
  return null;
}
