/**
 * Publishers' HTML pages -> Article, through `@mozilla/readability` on a `linkedom` document.
 *
 * Metadata: JSON-LD / OpenGraph / canonical link (html-meta.ts) first, then Readability's own
 * (title, byline, published time, site name, excerpt, language). Paragraphs: the block elements
 * of Readability's article content (html-blocks.ts), without captions, share bars, "read more"
 * pointers, link-only lines or a heading that repeats the title.
 *
 * A page that is not an article is refused with the reason: Readability finds no article,
 * under {@link MIN_ARTICLE_CHARS} characters of body text, a paywall stub, or a page that is
 * mostly links. Broken input (binary, empty, hostile nesting) is a named problem, never a throw.
 */
import { Readability } from '@mozilla/readability';
import { buildArticle, emptyMeta } from './blocks.ts';
import type { ArticleInput } from './blocks.ts';
import { parseDate } from './dates.ts';
import { markupDepth, nestingDepth, parseHtmlDocument } from './dom.ts';
import type { DomDocument, DomElement } from './dom.ts';
import { htmlBlocks } from './html-blocks.ts';
import type { HtmlBlock } from './html-blocks.ts';
import { readPageMeta } from './html-meta.ts';
import type { PageMeta } from './html-meta.ts';
import { looksLikeName, splitAuthors } from './names.ts';
import { isBoilerplateStart } from './scraped.ts';
import { foldForMatch, normalizeMarkup } from './normalize.ts';
import { PAYWALL_PHRASES, POINTER_OPENINGS } from './page-words.ts';
import type { ArticleMeta, NotArticle, ParseResult } from './types.ts';

/** Fewest characters of body text a page needs to count as an article. */
export const MIN_ARTICLE_CHARS = 500;
/** A paywall stub shows at most a teaser: pay-or-log-in words on a page shorter than this are a stub. */
const PAYWALL_TEASER_CHARS = 1500;
/** Deepest element nesting read; real pages stay under ~60, hostile ones go far deeper. */
export const MAX_HTML_NESTING = 400;

/** Options of {@link parseHtmlArticle}. */
export interface HtmlArticleOptions {
  /** The article id used in citations. */
  id: string;
  /** Where the page was fetched from: resolves a relative canonical link, the fallback `meta.url`. */
  url?: string;
  /** Name for messages and `Article.file` (default: the url, else `<id>.html`). */
  file?: string;
}

/** The charset a Content-Type header or the page's own `<meta>` declares, if any. */
function declaredCharset(bytes: Uint8Array, contentType: string | undefined): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader !== undefined) return fromHeader;
  // The spec has the declaration within the first 1024 bytes; ASCII is enough to read it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

/**
 * Decodes a page's bytes as a browser would: a byte-order mark, else the charset of the
 * Content-Type header, else the page's `<meta charset>`, else UTF-8 (and windows-1252 when the
 * bytes are not valid UTF-8, as older publishers' pages often are).
 *
 * @param bytes - the page as fetched or read
 * @param contentType - the HTTP Content-Type header, when there is one
 * @returns the text, or the reason it cannot be decoded (an unknown charset label)
 */
export function decodeHtml(
  bytes: Uint8Array,
  contentType?: string,
): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: true, text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes) };
  }
  const label = declaredCharset(bytes, contentType);
  if (label !== undefined && !/^utf-?8$/i.test(label)) {
    try {
      return { ok: true, text: new TextDecoder(label).decode(bytes) };
    } catch {
      return { ok: false, reason: `the page declares an unknown character set "${label.slice(0, 40)}"` };
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
  }
}

/** Whether a file name is an HTML page (`.html`, `.htm`, any case). */
export function isHtmlFileName(file: string): boolean {
  return /\.html?$/i.test(file);
}

function refuse(notArticle: NotArticle, reason: string): ParseResult {
  return { ok: false, reason, notArticle };
}

/** Longest text of a short list read as the caption of the figure it follows. */
const LIST_CAPTION_CHARS = 400;

/**
 * Removes captions set as a short list right after their figure (a photo-essay layout): the
 * list's items describe the picture above them, they are not body paragraphs.
 */
function removeListCaptions(content: DomElement): void {
  const figures = content.querySelectorAll('figure');
  for (let i = 0; i < figures.length; i++) {
    const next = figures[i]?.nextElementSibling;
    if (!next || (next.localName !== 'ul' && next.localName !== 'ol')) continue;
    const text = (next.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length <= LIST_CAPTION_CHARS && next.querySelectorAll('li').length <= 2) next.remove();
  }
}

/** Folded text without closing punctuation, to compare a block with an image's alt text. */
const captionKey = (s: string): string => foldForMatch(s).replace(/[\s.,;:!?]+$/, '');

/** Alt texts of the article's images: a block repeating one is that image's caption. */
function altTexts(content: DomElement): Set<string> {
  const out = new Set<string>();
  const imgs = content.querySelectorAll('img[alt]');
  for (let i = 0; i < imgs.length; i++) {
    const alt = captionKey(imgs[i]?.getAttribute('alt') ?? '');
    if (alt.length >= 20) out.add(alt);
  }
  return out;
}

/**
 * A "By ..." line, a lone date, a caption (repeats an image's alt text), a pointer to other
 * pages ("Read more: ..."), a line that is nothing but a link, or a heading repeating the title.
 */
function isFurnitureBlock(
  b: HtmlBlock,
  title: string,
  authors: readonly string[],
  alts: Set<string>,
): boolean {
  const text = b.text;
  if (alts.has(captionKey(text))) return true;
  if (text.length <= 60 && parseDate(text) !== undefined) return true;
  if (text.length <= 200 && POINTER_OPENINGS.test(text)) return true;
  const visible = text.replace(/\s+/g, '').length;
  if (text.length <= 150 && b.linkChars >= visible * 0.9 && b.kind !== 'heading') return true;
  if (b.kind === 'heading' && foldForMatch(text) === foldForMatch(title)) return true;
  if (text.length <= 120 && /^by\s/i.test(text)) {
    const folded = foldForMatch(text);
    return authors.length === 0 || authors.some((a) => folded.includes(foldForMatch(a)));
  }
  return false;
}

/** The body ends at site boilerplate (author bio, "contributed to this report", print edition note). */
function endAtBoilerplate(blocks: HtmlBlock[], authors: readonly string[]): HtmlBlock[] {
  const end = blocks.findIndex((b, i) => i > 0 && isBoilerplateStart(b.text, authors));
  return end < 0 ? blocks : blocks.slice(0, end);
}

/** Title separators before a trailing site or author name ("Headline | Jane Doe", "Headline - BBC News"). */
const TITLE_SUFFIX = /\s+[|–—-]\s+([^|–—]{2,60})$/;

/** Drops a trailing " | Outlet" or " | Author" from a page title. */
function cleanTitle(title: string, outlet: string | undefined, authors: readonly string[]): string {
  const m = TITLE_SUFFIX.exec(title);
  if (!m) return title;
  const tail = foldForMatch(m[1] as string);
  const names = [outlet ?? '', ...authors].map(foldForMatch).filter((n) => n.length > 0);
  return names.includes(tail) ? title.slice(0, m.index).trim() : title;
}

/** The date news sites put in article paths: `/2015/03/18/`, `/2019/jan/03/`. */
function urlDate(url: string | undefined): string | undefined {
  const m = url === undefined ? null : /\/((?:19|20)\d{2})\/(\d{2}|[a-z]{3})\/(\d{2})\//i.exec(url);
  if (!m) return undefined;
  return (
    parseDate(`${m[3] as string} ${m[2] as string} ${m[1] as string}`) ?? parseDate(`${m[1]}-${m[2]}-${m[3]}`)
  );
}

/** Authors from JSON-LD / meta tags, else Readability's byline ("By A and B"). */
function readAuthors(page: PageMeta, byline: string | null | undefined): string[] {
  const names = page.authors.flatMap(splitAuthors).filter(looksLikeName);
  if (names.length > 0) return [...new Set(names)];
  const line = (byline ?? '').replace(/^\s*by\s*:?\s+/i, '').trim();
  if (line.length === 0) return page.authors.slice(0, 5);
  const found = splitAuthors(line).filter(looksLikeName);
  if (found.length > 0) return [...new Set(found)];
  return line.length <= 60 ? [line] : [];
}

type ReadabilityArticle = NonNullable<ReturnType<Readability<DomElement>['parse']>>;

function pageMetaToArticleMeta(page: PageMeta, r: ReadabilityArticle, opts: HtmlArticleOptions): ArticleMeta {
  const authors = readAuthors(page, r.byline);
  const outlet = (page.publisher ?? r.siteName ?? '').trim();
  // "the Guardian" as a site name is "The Guardian" at the start of a line.
  const outletName = outlet.length > 0 ? outlet[0]?.toUpperCase() + outlet.slice(1) : undefined;
  const rawTitle = (page.headline ?? r.title ?? '').replace(/\s+/g, ' ').trim();
  const title = cleanTitle(rawTitle, outletName, authors);
  const meta = emptyMeta(title.length > 0 ? title : opts.id, 'html');
  meta.authors = authors;
  if (outletName !== undefined) meta.outlet = outletName;
  const dateText = page.published ?? r.publishedTime ?? undefined;
  const date =
    (dateText === undefined ? undefined : parseDate(dateText)) ?? urlDate(page.canonical ?? opts.url);
  if (date !== undefined) {
    meta.date = date;
    meta.published = date;
  }
  const standfirst = (page.description ?? r.excerpt ?? '').replace(/\s+/g, ' ').trim();
  if (standfirst.length > 0) meta.standfirst = standfirst;
  const url = page.canonical ?? opts.url;
  if (url !== undefined) meta.url = url;
  if (page.canonical !== undefined) meta.canonicalUrl = page.canonical;
  const language = r.lang ?? page.language;
  if (language) meta.language = language.trim();
  return meta;
}

/** The text checks before any DOM work: empty, binary, not markup at all. */
function precheck(text: string): string | undefined {
  if (text.trim().length === 0) return 'empty page';
  const sample = text.slice(0, 8192);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  if (controls > sample.length / 100) return 'binary content (control bytes), not an HTML page';
  if (!/<[a-z!]/i.test(sample)) return 'not HTML (no markup in the first 8 KiB)';
  return undefined;
}

function readPage(html: string, opts: HtmlArticleOptions): ParseResult {
  const text = normalizeMarkup(html);
  const bad = precheck(text);
  if (bad !== undefined) return { ok: false, reason: bad };
  const tooDeep = `HTML nested over ${MAX_HTML_NESTING} levels deep: not a readable page`;
  if (markupDepth(text, MAX_HTML_NESTING) > MAX_HTML_NESTING) return { ok: false, reason: tooDeep };
  const doc: DomDocument = parseHtmlDocument(text);
  const root = doc.documentElement;
  if (!root) return refuse('no-article', 'no article found on the page (no document)');
  // The estimate above cannot see every parser rule; the built document is checked as well.
  if (nestingDepth(root, MAX_HTML_NESTING) > MAX_HTML_NESTING) return { ok: false, reason: tooDeep };
  const page = readPageMeta(doc, opts.url);
  const reader = new Readability<DomElement>(doc as never, {
    keepClasses: true,
    serializer: (el) => el as never,
  });
  const r = reader.parse();
  if (!r || !r.content)
    return refuse('no-article', 'no article found on the page (Readability found no main text)');
  const meta = pageMetaToArticleMeta(page, r, opts);
  const alts = altTexts(r.content);
  removeListCaptions(r.content);
  const blocks = endAtBoilerplate(
    htmlBlocks(r.content).filter((b) => !isFurnitureBlock(b, meta.title, meta.authors, alts)),
    meta.authors,
  );
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  if ((page.free === false || PAYWALL_PHRASES.test(r.textContent ?? '')) && chars < PAYWALL_TEASER_CHARS) {
    return refuse('paywall', `a paywall stub, not the article (${chars} characters of text shown)`);
  }
  if (chars < MIN_ARTICLE_CHARS) {
    return refuse(
      'too-short',
      `too little text for an article (${chars} characters, at least ${MIN_ARTICLE_CHARS})`,
    );
  }
  const linkChars = blocks.reduce((n, b) => n + b.linkChars, 0);
  if (linkChars > chars * 0.5)
    return refuse('link-list', 'mostly links (an index or list page), not an article');
  const input: ArticleInput = { id: opts.id, file: opts.file ?? opts.url ?? `${opts.id}.html`, text: '' };
  return buildArticle(input, meta, blocks);
}

/**
 * Reads a publisher's HTML page as an article: what the store calls on fetched HTML, and what
 * the loader calls for `.html` / `.htm` files.
 *
 * @param html - the page's HTML (decoded text)
 * @param opts - the article id, the page's address (optional) and a file name for messages
 * @returns the article (format `html`), or `{ ok: false, reason, notArticle? }`: `notArticle`
 *   is set when the page is readable but not an article (`no-article`, `too-short`, `paywall`,
 *   `link-list`); without it the input itself is broken (empty, binary, nested too deep)
 */
export function parseHtmlArticle(html: string, opts: HtmlArticleOptions): ParseResult {
  try {
    return readPage(html, opts);
  } catch (err) {
    if (err instanceof RangeError)
      return { ok: false, reason: 'HTML too deeply nested or too large to read' };
    return {
      ok: false,
      reason: `could not read the page as HTML (${err instanceof Error ? err.message : String(err)})`,
    };
  }
}

/**
 * Whether a page is an article, without keeping it: `undefined` when it is, else the reason.
 * Costs a full parse; call {@link parseHtmlArticle} instead when the article is wanted.
 */
export function notAnArticleReason(html: string, opts: HtmlArticleOptions): string | undefined {
  const r = parseHtmlArticle(html, opts);
  return r.ok ? undefined : r.reason;
}
