/**
 * Scraped web text (`scraped`) and plain text (`plain`), DESIGN.md §2:
 * - `scraped`: web text copied from a news site: title, standfirst, byline, source/date lines,
 *   taxonomy lines and site notices form the header; the body ends at a lone `*` line or at site
 *   boilerplate.
 * - `plain`: no recognisable header: the first line is the title, every other block a paragraph.
 */
import { buildArticle, emptyMeta, joinLines, splitBlocks, stripLinks } from './blocks.ts';
import type { ArticleInput, Block } from './blocks.ts';
import { trailingDate } from './dates.ts';
import { looksLikeName, splitAuthors } from './names.ts';
import { foldForMatch } from './normalize.ts';
import type { ArticleMeta, ParseResult, Publication } from './types.ts';

interface Byline {
  authors: string[];
  date?: string;
}

/** "By [Dave DeCamp](#)" -> ["Dave DeCamp"]; also "By A and B", "By A, B, July 3, 2020". */
function readByline(line: string): Byline | undefined {
  const m = /^by\s*:?\s+(.+)$/i.exec(line);
  if (!m || line.length > 200) return undefined;
  let rest = stripLinks(m[1] as string).trim();
  let date: string | undefined;
  const dated = trailingDate(rest);
  if (dated && dated.prefix.length > 0) {
    rest = dated.prefix;
    date = dated.date;
  }
  rest = rest.replace(/[.;:|]+$/, '').trim();
  // A sentence that merely starts with "By" ("By noon the troops had left.") is body text.
  // Initials ("Nelson D. Schwartz") are fine; a lowercase word ending a sentence is not.
  if (!/^[\p{Lu}@]/u.test(rest) || /\p{Ll}{2,}[.!?]\s/u.test(rest)) return undefined;
  const parts = splitAuthors(rest);
  const names = parts.filter(looksLikeName);
  if (names.length === 0) return undefined;
  return date === undefined ? { authors: names } : { authors: names, date };
}

interface Dateline {
  name?: string;
  date: string;
}

/** "Global Research, July 11, 2021" / "[Antiwar.com](#) 8 July 2021" / "Published: 3 May 2020". */
function readDateline(line: string): Dateline | undefined {
  if (line.length > 120) return undefined;
  const found = trailingDate(stripLinks(line));
  if (!found) return undefined;
  const prefix = found.prefix
    .replace(
      /^(?:published|updated|posted|first published|last updated|last modified)(?:\s+on)?\s*:?\s*/i,
      '',
    )
    .trim();
  if (prefix.length === 0) return { date: found.date };
  // The outlet name is short and not a sentence, and it ends with a name ("BBC News",
  // "Antiwar.com"), not a preposition ("Meeting on March 3, 2022" is body text).
  const last = prefix.split(' ').at(-1) ?? '';
  if (
    prefix.length > 60 ||
    /[.!?]\s|[“”"]/.test(prefix) ||
    !/^[\p{Lu}\p{N}@]/u.test(prefix) ||
    !(/^[\p{Lu}\p{N}]/u.test(last) || last.includes('.'))
  ) {
    return undefined;
  }
  return { name: prefix, date: found.date };
}

type Taxonomy = 'regions' | 'themes' | 'reports';

const TAXONOMY_RE = /^(regions?|themes?|topics?|tags?|categor(?:y|ies)|in-depth reports?)\s*:\s*(.+)$/i;

function readTaxonomy(line: string): { field: Taxonomy; values: string[] } | undefined {
  const m = TAXONOMY_RE.exec(line);
  if (!m) return undefined;
  const key = (m[1] as string).toLowerCase();
  const field: Taxonomy = key.startsWith('region')
    ? 'regions'
    : key.startsWith('in-depth')
      ? 'reports'
      : 'themes';
  const values = stripLinks(m[2] as string)
    .split(/\s*[,;|]\s*/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return { field, values };
}

const NOTICE_WORDS =
  /\b(?:translat\w*|follow us|subscribe\w*|newsletters?|instagram|twitter|facebook|telegram|sign up|signup|donat\w*|share this|share buttons?|whatsapp|podcast|app store|cookies?|advertisement)\b/i;
const NOTICE_ADDRESS =
  /\b(?:us|our|you|your)\b|^(?:visit|follow|subscribe|sign up|click|join|support|donate|share|get|download|read|listen|like)\b/i;

/**
 * A site notice before the article: short, promotional (translate / follow us / subscribe /
 * newsletter / social media ...) and addressed to the reader ("our", "you", an imperative).
 */
function isSiteNotice(block: string): boolean {
  if (block.length > 400) return false;
  const text = stripLinks(block);
  return NOTICE_WORDS.test(text) && NOTICE_ADDRESS.test(text);
}

// ---------------------------------------------------------------------------------------------
// End-of-body boilerplate
// ---------------------------------------------------------------------------------------------

const BOILERPLATE_START: RegExp[] = [
  /^note to readers\b/i,
  /^featured image\b/i,
  /^the original source of this article is\b/i,
  /^(?:copyright\s*(?:©|\(c\)|\d{4})|©)/i,
  /^disclaimer\s*:/i,
  /^comment on .{0,40}\barticles\b/i,
  /^become a member\b/i,
  /^articles by\s*:/i,
  /^for media inquiries\b/i,
  /^a version of this article appears in print\b/i,
  /^(?:read more|related|related articles|more on this story|recommended)\s*:?$/i,
  /^.{1,120}\bcontributed (?:reporting )?to this (?:report|article|story)\.?$/i,
];

/** Whether a block starts the site boilerplate after a body (author bio, credits, copyright ...). */
export function isBoilerplateStart(block: string, authors: readonly string[]): boolean {
  const first = stripLinks(block.split('\n', 1)[0] as string);
  if (BOILERPLATE_START.some((re) => re.test(first))) return true;
  // An author bio: "Dave DeCamp is the news editor of Antiwar.com ...". Only the byline's own
  // authors count, so a body paragraph about someone else is never cut.
  if (first.length <= 600) {
    for (const author of authors) {
      if (author.includes(' ') && first.startsWith(author + ' ')) {
        const verb = first.slice(author.length + 1);
        if (/^(?:is|was|has|covers|writes|reports|joined)\b/.test(verb)) return true;
      }
    }
  }
  return false;
}

type HeaderLine =
  | { type: 'byline'; byline: Byline }
  | { type: 'dateline'; dateline: Dateline }
  | { type: 'taxonomy'; field: Taxonomy; values: string[] }
  | { type: 'url'; url: string };

/** The page's address as scrapers print it in the header: `URL: https://…`, or the address alone. */
const URL_LINE_RE = /^(?:(?:url|link|source|permalink|original)\s*:\s*)?<?(https?:\/\/[^\s<>]+)>?$/i;

function readHeaderLine(line: string): HeaderLine | undefined {
  const url = URL_LINE_RE.exec(line.trim())?.[1];
  if (url !== undefined) return { type: 'url', url };
  const byline = readByline(line);
  if (byline) return { type: 'byline', byline };
  const taxonomy = readTaxonomy(line);
  if (taxonomy) return { type: 'taxonomy', ...taxonomy };
  const dateline = readDateline(line);
  if (dateline) return { type: 'dateline', dateline };
  return undefined;
}

/** All lines of the block are header lines, or undefined. */
function readHeaderBlock(block: string): HeaderLine[] | undefined {
  if (block.length > 600) return undefined;
  const out: HeaderLine[] = [];
  for (const line of block.split('\n')) {
    const h = readHeaderLine(line);
    if (!h) return undefined;
    out.push(h);
  }
  return out;
}

/** How many blocks after the title are searched for a byline / dateline / taxonomy line. */
const HEADER_WINDOW = 6;

export function looksScraped(blocks: string[]): boolean {
  for (let i = 1; i < Math.min(blocks.length, HEADER_WINDOW + 1); i++) {
    if (readHeaderBlock(blocks[i] as string)) return true;
  }
  return false;
}

export function parseScraped(input: ArticleInput, blocks: string[]): ParseResult {
  const meta = emptyMeta(joinLines(stripLinks(blocks[0] as string)), 'scraped');
  const datelines: Dateline[] = [];
  let i = 1;
  const second = blocks[1];
  if (second !== undefined && !readHeaderBlock(second) && !isSiteNotice(second)) {
    // The block under the title is the standfirst only when header lines follow it; otherwise
    // (no header after it) it is the first body paragraph.
    const rest = blocks.slice(2, 2 + HEADER_WINDOW);
    if (rest.some((b) => readHeaderBlock(b) !== undefined)) {
      meta.standfirst = joinLines(stripLinks(second));
      i = 2;
    }
  }
  for (; i < blocks.length; i++) {
    const block = blocks[i] as string;
    const header = readHeaderBlock(block);
    if (header) {
      for (const h of header) {
        if (h.type === 'byline') {
          for (const a of h.byline.authors) if (!meta.authors.includes(a)) meta.authors.push(a);
          if (h.byline.date !== undefined) datelines.push({ date: h.byline.date });
        } else if (h.type === 'dateline') datelines.push(h.dateline);
        else if (h.type === 'url') meta.url ??= h.url;
        else meta[h.field].push(...h.values);
      }
      continue;
    }
    if (isSiteNotice(block)) continue;
    break;
  }

  const body: Block[] = [];
  let originalSource: string | undefined;
  let inBody = true;
  for (; i < blocks.length; i++) {
    const block = blocks[i] as string;
    if (inBody && (block === '*' || isBoilerplateStart(block, meta.authors))) inBody = false;
    if (inBody) {
      body.push({ kind: 'text', text: stripLinks(block) });
      continue;
    }
    const src = /^the original source of this article is\s+(.+?)\.?$/im.exec(stripLinks(block));
    if (src) originalSource = (src[1] as string).trim();
  }

  applyPublication(meta, datelines, originalSource);
  return buildArticle(input, meta, body);
}

/**
 * Works out outlet / date / original publisher / republisher from the source-date lines.
 * The first dateline is this copy; a second one with another outlet is the original
 * publication. "The original source of this article is X" in the boilerplate decides which is
 * which when it names one of them, and marks a republication even with a single dateline.
 */
function applyPublication(
  meta: ArticleMeta,
  datelines: Dateline[],
  originalSource: string | undefined,
): void {
  const named = datelines.filter((d) => d.name !== undefined);
  let copy: Dateline | undefined = named[0] ?? datelines[0];
  let original: Dateline | undefined = named.find(
    (d) => d !== copy && foldForMatch(d.name ?? '') !== foldForMatch(copy?.name ?? ''),
  );
  if (originalSource !== undefined && copy && original) {
    const src = foldForMatch(originalSource);
    if (foldForMatch(copy.name ?? '') === src && foldForMatch(original.name ?? '') !== src) {
      [copy, original] = [original, copy];
    }
  }
  if (copy?.name !== undefined) meta.outlet = copy.name;
  if (copy) meta.date = copy.date;
  if (original?.name !== undefined) {
    meta.originalPublisher = { name: original.name, date: original.date };
  } else if (
    originalSource !== undefined &&
    copy?.name !== undefined &&
    foldForMatch(originalSource) !== foldForMatch(copy.name)
  ) {
    meta.originalPublisher = { name: originalSource };
  }
  if (meta.originalPublisher && copy?.name !== undefined) {
    const republisher: Publication = { name: copy.name };
    if (copy.date !== undefined) republisher.date = copy.date;
    meta.republisher = republisher;
  }
  const published = meta.originalPublisher?.date ?? meta.date;
  if (published !== undefined) meta.published = published;
}

// --- Plain ------------------------------------------------------------------------------------

export function parsePlain(input: ArticleInput, text: string): ParseResult {
  const trimmed = text.trim();
  const nl = trimmed.indexOf('\n');
  const titleLine = nl < 0 ? trimmed : trimmed.slice(0, nl);
  const rest = nl < 0 ? '' : trimmed.slice(nl + 1);
  const meta = emptyMeta(joinLines(stripLinks(titleLine)), 'plain');
  const blocks = splitBlocks(rest).map((b): Block => ({ kind: 'text', text: stripLinks(b) }));
  return buildArticle(input, meta, blocks);
}
