import { parseArticle } from '../article/parse.ts';
import type { Article, ParseResult } from '../article/types.ts';

/**
 * A fetched page (or attachment) -> Article. Text and Markdown go through the project's article
 * parser; HTML goes through {@link parseFetchedPage}'s interim reader until the Readability-based
 * `parseHtmlArticle(html, { id, url })` of `src/article/` lands, which replaces it in one line.
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

/** The file extension an article of this media type or attachment name is stored under. */
export function extensionFor(contentType: string, name = ''): 'html' | 'md' | 'txt' {
  if (/\.(md|markdown)$/i.test(name) || /markdown/.test(contentType)) return 'md';
  if (/\.html?$/i.test(name) || /html/.test(contentType)) return 'html';
  return 'txt';
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

const plain = (html: string): string =>
  decodeEntities(html.replace(/<[^<>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

function metaContent(html: string, property: string): string | undefined {
  const re = new RegExp(`<meta[^<>]+(?:property|name)=["']${property}["'][^<>]*>`, 'i');
  const tag = re.exec(html)?.[0];
  const content = tag === undefined ? undefined : /content=["']([^"']*)["']/i.exec(tag)?.[1];
  return content === undefined ? undefined : plain(content);
}

/** `<link rel="canonical" href="...">`, resolved against the page URL. */
export function canonicalLink(html: string, pageUrl: string | undefined): string | undefined {
  const tag = /<link[^<>]+rel=["']canonical["'][^<>]*>/i.exec(html)?.[0];
  const href = tag === undefined ? undefined : /href=["']([^"']+)["']/i.exec(tag)?.[1];
  if (href === undefined) return undefined;
  try {
    return new URL(decodeEntities(href), pageUrl).href;
  } catch {
    return undefined;
  }
}

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'footer',
  'figure',
  'aside',
  'form',
  'template',
]);
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote']);
/** One tag; `[^<>]*` stops at the next `<`, so scanning stays linear on unclosed tags. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*>/g;

/** Body blocks in one linear pass over the tags (unclosed `<p>`s end at the next block). */
function htmlBlocks(html: string): string[] {
  const blocks: string[] = [];
  let skipping: string | null = null;
  let open: { tag: string; from: number } | null = null;
  let text = '';
  let last = 0;
  const flush = (): void => {
    if (open !== null) {
      const t = plain(text).replace(/^([#>*+-]|\d+\.)\s/, '$1\u00a0');
      if (t !== '') blocks.push(/^h/.test(open.tag) ? `## ${t}` : t);
    }
    open = null;
    text = '';
  };
  for (const m of html.matchAll(TAG)) {
    const at = m.index;
    if (skipping === null && open !== null) text += html.slice(last, at);
    last = at + m[0].length;
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    if (skipping !== null) {
      if (closing && tag === skipping) skipping = null;
      continue;
    }
    if (!closing && SKIPPED.has(tag)) {
      skipping = tag;
      continue;
    }
    if (BLOCKS.has(tag)) {
      if (!closing) {
        if (open !== null && open.tag !== 'blockquote') flush();
        if (open === null) open = { tag, from: at };
      } else if (open !== null && (open.tag === tag || tag !== 'blockquote')) flush();
    } else if (tag === 'br' && open !== null) text += ' ';
    else if (!closing && /^(div|section|article|main|body|ul|ol|table|h1)$/.test(tag) && open !== null)
      flush();
  }
  flush();
  return blocks;
}

/**
 * INTERIM HTML reader (replaced by the formats engineer's `parseHtmlArticle`): the title from
 * OpenGraph, `<title>` or the first `<h1>`, body blocks from `<p>`, `<h2>`–`<h6>`, `<li>` and
 * `<blockquote>`, with scripts, styles, navigation, figures, asides and footers dropped. The
 * result is handed to the article parser as headed Markdown.
 */
function htmlToMarkdown(html: string): { markdown: string; outlet?: string } {
  const title =
    metaContent(html, 'og:title') ||
    plain(/<title[^<>]*>([^<]*)/i.exec(html)?.[1] ?? '') ||
    plain(/<h1[^<>]*>([^<]*)/i.exec(html)?.[1] ?? '');
  const blocks = htmlBlocks(html);
  const outlet = metaContent(html, 'og:site_name');
  return {
    markdown: `# ${title || 'Untitled page'}\n\n${blocks.join('\n\n')}\n`,
    ...(outlet ? { outlet } : {}),
  };
}

/** Text or Markdown straight through the article parser; HTML through the interim reader first. */
export function parseFetchedPage(input: PageInput): ParseResult {
  const isHtml = /\.html?$/i.test(input.fileName);
  const converted = isHtml ? htmlToMarkdown(input.text) : { markdown: input.text };
  const parsed = parseArticle({ id: input.id, file: input.fileName, text: converted.markdown });
  if (!parsed.ok) return parsed;
  const meta = { ...parsed.article.meta };
  if (meta.url === undefined && input.url !== undefined) meta.url = input.url;
  if (meta.outlet === undefined && 'outlet' in converted && converted.outlet !== undefined)
    meta.outlet = converted.outlet;
  return { ok: true, article: { ...parsed.article, meta } };
}

/** Why a parsed page is not an article, or null when it is one. */
export function notAnArticle(article: Article): string | null {
  const chars = article.paragraphs.filter((p) => p.kind !== 'heading').reduce((n, p) => n + p.text.length, 0);
  if (chars < MIN_ARTICLE_CHARS)
    return `the page has only ${chars} characters of article text (at least ${MIN_ARTICLE_CHARS} are needed): it looks like an index page, a paywall or a stub`;
  return null;
}
