/**
 * Article text -> Article: format detection, header / body / boilerplate split, metadata.
 *
 * Three formats (DESIGN.md §2):
 * - `markdown`: YAML front matter (`---` ... `---`) is the header; every block after it is a body
 *   paragraph (`#` headings and each list item included). A Markdown file without front matter
 *   but opening with a `# Title` heading is also read as Markdown.
 * - `scraped`: web text copied from a news site: title, standfirst, byline, source/date lines,
 *   taxonomy lines and site notices form the header; the body ends at a lone `*` line or at site
 *   boilerplate.
 * - `plain`: no recognisable header: the first line is the title, every other block a paragraph.
 *
 * Blocks are separated by blank lines. Nothing here throws for content reasons: problems come
 * back as `{ ok: false, reason }`.
 */
import { foldForMatch, normalizeRaw } from './normalize.ts';
import { splitSentences } from './sentences.ts';
import type {
  ArticleFormat,
  ArticleMeta,
  Paragraph,
  ParagraphKind,
  ParseResult,
  Publication,
} from './types.ts';

/** What {@link parseArticle} reads: the article id, the file name (for messages) and its text. */
export interface ArticleInput {
  id: string;
  file: string;
  text: string;
}

interface Block {
  kind: ParagraphKind;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Inline markup
// ---------------------------------------------------------------------------------------------

/**
 * `[text](url)` and `[text](url "title")`; one level of parentheses inside the URL (Wikipedia
 * links). Each group is delimited by a character the next cannot contain, so no backtracking.
 */
const LINK = /\[([^[\]\n]*)\]\((?:[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"\n]*")?\)/g;
const IMAGE = /!\[[^[\]\n]*\]\([^()\s]*(?:\s+"[^"\n]*")?\)/g;

/**
 * Reduces link markup to its text: `[Dave DeCamp](#)` -> `Dave DeCamp`.
 *
 * @param text - text that may contain `[text](url)` links
 * @returns the text with every link replaced by its link text
 */
export function stripLinks(text: string): string {
  if (!text.includes('](')) return text;
  return text.replace(LINK, '$1');
}

/** Markdown-only inline markup: images dropped, emphasis and code marks removed, escapes resolved. */
function stripMarkdownInline(text: string): string {
  let out = text;
  if (out.includes('![')) out = out.replace(IMAGE, '');
  out = stripLinks(out);
  if (out.includes('`')) out = out.replace(/`([^`\n]+)`/g, '$1');
  if (out.includes('**')) out = out.replace(/\*\*([^*\n]+)\*\*/g, '$1');
  if (out.includes('__')) out = out.replace(/(^|[^\w])__([^_\n]+)__(?![\w])/g, '$1$2');
  if (out.includes('*')) out = out.replace(/(^|[^\w*])\*([^\s*][^*\n]*?)\*(?![\w*])/g, '$1$2');
  if (out.includes('_')) out = out.replace(/(^|[^\w])_([^\s_][^_\n]*?)_(?![\w])/g, '$1$2');
  if (out.includes('<')) out = out.replace(/<(https?:\/\/[^\s<>]+)>/g, '$1');
  if (out.includes('\\')) out = out.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return out;
}

/** Joins a block's lines with single spaces (the display form of a paragraph). */
function joinLines(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits normalised text into blocks (runs of non-blank lines). */
function splitBlocks(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_WORD = String.raw`([a-z]{3,9})\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** A time that may trail a date ("10.42 EDT", "at 5:30 p.m. ET"). */
const TIME = String.raw`(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?`;
const ISO_RE = new RegExp(
  String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t\s][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$`,
  'i',
);
const SLASH_RE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DMY_RE = new RegExp(String.raw`^${WEEKDAY}${DAY}\s+${MONTH_WORD},?\s+(\d{4})${TIME}$`, 'i');
const MDY_RE = new RegExp(String.raw`^${WEEKDAY}${MONTH_WORD}\s+${DAY},?\s+(\d{4})${TIME}$`, 'i');

/**
 * Reads a date in the common news forms and returns it as ISO `YYYY-MM-DD`: "July 11, 2021",
 * "8 July 2021", "Thu 3 Jan 2019", "Sept. 25, 2018", "Jul. 3, 2020", "2015-07-24",
 * "2015-07-24T10:00:00Z", "2015/07/24". Invalid calendar dates (Feb 30) are rejected.
 *
 * @param text - the date as written
 * @returns the ISO date, or undefined when the text is not a recognisable date
 */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  if (t.length > 60) return undefined;
  let m = ISO_RE.exec(t) ?? SLASH_RE.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY_RE.exec(t);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    return month === undefined ? undefined : isoDate(Number(m[3]), month, Number(m[1]));
  }
  m = MDY_RE.exec(t);
  if (m) {
    const month = MONTHS[(m[1] as string).toLowerCase()];
    return month === undefined ? undefined : isoDate(Number(m[3]), month, Number(m[2]));
  }
  return undefined;
}

/**
 * Finds a date at the end of a short line and returns it with what precedes it:
 * "Global Research, July 11, 2021" -> { prefix: "Global Research", date: "2021-07-11" }.
 * Only the last few words are tried, so the cost is bounded whatever the line length.
 */
function trailingDate(line: string): { prefix: string; date: string } | undefined {
  const words = line.split(' ');
  // A date with weekday and time takes at most ~9 words ("Thursday, 3 January 2019 at 10.42 EDT").
  for (let n = Math.min(9, words.length); n >= 1; n--) {
    const tail = words.slice(words.length - n).join(' ');
    if (!/\d{4}/.test(tail)) continue;
    const date = parseDate(tail.replace(/^[,;|·•–—-]+\s*/, ''));
    if (date !== undefined) {
      const prefix = words
        .slice(0, words.length - n)
        .join(' ')
        .replace(/[\s,;|·•–—-]+$/, '')
        .trim();
      return { prefix, date };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Header lines of scraped text
// ---------------------------------------------------------------------------------------------

/** Lowercase name particles allowed inside a personal name ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'du',
  'dos',
  'das',
  'del',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'ter',
  'y',
  'e',
]);

function looksLikeName(s: string): boolean {
  const words = s.split(' ').filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 6) return false;
  const first = words[0] as string;
  if (!/^\p{Lu}/u.test(first)) return false;
  return words.every((w) => /^[\p{Lu}@]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()));
}

/** Splits an author list: "A and B", "A, B and C", "A & B". */
function splitAuthors(s: string): string[] {
  return s
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

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

function isBoilerplateStart(block: string, authors: readonly string[]): boolean {
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

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

/**
 * Most body paragraphs an article may have. A long read has a few hundred; tens of thousands is a
 * wrong file (a data dump, a log) that fits under the byte limit, and knowledge extraction grows
 * faster than linearly with it (100,000 short paragraphs took ~2 minutes): it is reported at once
 * instead of stalling every start.
 */
export const MAX_PARAGRAPHS = 5000;

function buildArticle(input: ArticleInput, meta: ArticleMeta, blocks: Block[]): ParseResult {
  // Counted before splitting sentences, so an oversized file costs only the block split.
  if (blocks.length > MAX_PARAGRAPHS) {
    return {
      ok: false,
      reason: `${blocks.length} paragraphs, over the limit of ${MAX_PARAGRAPHS} (not a single news article?)`,
    };
  }
  const paragraphs: Paragraph[] = [];
  for (const block of blocks) {
    const text = joinLines(block.text);
    if (text.length === 0) continue;
    const number = paragraphs.length + 1;
    paragraphs.push({ number, kind: block.kind, text, sentences: splitSentences(text, number) });
  }
  if (paragraphs.length === 0) {
    return { ok: false, reason: `no body paragraphs (read as ${meta.format}; only a header was found)` };
  }
  return { ok: true, article: { id: input.id, file: input.file, meta, paragraphs } };
}

function emptyMeta(title: string, format: ArticleFormat): ArticleMeta {
  return { title, authors: [], regions: [], themes: [], reports: [], format };
}

// --- Markdown ---------------------------------------------------------------------------------

type FrontValue = string | string[];

/** Reads a double-quoted YAML scalar body (the text between the quotes) with its escapes. */
function unescapeDouble(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_m, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    switch (e) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case '0':
        return '';
      default:
        return e;
    }
  });
}

/** One scalar: "double" (escapes), 'single' ('' escape), or bare (a trailing ` # comment` dropped). */
function readScalar(raw: string): string | undefined {
  const v = raw.trim();
  if (v.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(v);
    return m ? unescapeDouble(m[1] as string) : undefined;
  }
  if (v.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(v);
    return m ? (m[1] as string).replace(/''/g, "'") : undefined;
  }
  const bare = v.replace(/\s+#.*$/, '').trim();
  if (bare === '~' || bare === 'null') return '';
  return bare;
}

/** A flow list: `[a, "b, c", 'd']`. */
function readFlowList(raw: string): string[] | undefined {
  const inner = raw.trim().slice(1, -1);
  const items: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,"']*)\s*(?:,|$)/y;
  let pos = 0;
  while (pos < inner.length) {
    re.lastIndex = pos;
    const m = re.exec(inner);
    if (!m || re.lastIndex === pos) return undefined;
    const item = readScalar(m[1] as string);
    if (item === undefined) return undefined;
    if (item.length > 0) items.push(item);
    pos = re.lastIndex;
  }
  return items;
}

/** Shortens a quoted line for a problem message (a broken line can be arbitrarily long). */
function clip(line: string): string {
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/**
 * A small front-matter reader: flat `key: value` pairs and `- item` lists under a key with no
 * value, plus `[a, b]` flow lists. Anything else (nested maps, block scalars, indented
 * continuation lines) is reported, with its line number, rather than guessed at.
 */
function readFrontMatter(
  lines: string[],
  firstLine: number,
): { ok: true; fields: Map<string, FrontValue> } | { ok: false; reason: string } {
  const fields = new Map<string, FrontValue>();
  let listKey: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const where = `front matter line ${firstLine + i}`;
    if (line.length === 0 || line.startsWith('#')) continue;
    const item = /^-(?:\s+(.*))?$/.exec(line);
    if (item) {
      const list = listKey === undefined ? undefined : fields.get(listKey);
      if (listKey === undefined || !Array.isArray(list)) {
        return { ok: false, reason: `${where}: list item "${clip(line)}" does not follow a "key:" line` };
      }
      const value = readScalar(item[1] ?? '');
      if (value === undefined) return { ok: false, reason: `${where}: unbalanced quotes in "${clip(line)}"` };
      if (value.length > 0) list.push(value);
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line);
    if (!kv) return { ok: false, reason: `${where}: cannot read "${clip(line)}" (expected "key: value")` };
    const key = (kv[1] as string).toLowerCase();
    if (fields.has(key)) return { ok: false, reason: `${where}: duplicate key "${key}"` };
    const rawValue = (kv[2] ?? '').trim();
    if (rawValue.length === 0) {
      fields.set(key, []);
      listKey = key;
      continue;
    }
    listKey = undefined;
    if (rawValue === '|' || rawValue === '>' || /^[|>][+-]?$/.test(rawValue)) {
      return {
        ok: false,
        reason: `${where}: block scalars ("${clip(rawValue)}") are not supported; quote the value on one line`,
      };
    }
    if (rawValue.startsWith('[') && rawValue.endsWith(']')) {
      const list = readFlowList(rawValue);
      if (list === undefined)
        return { ok: false, reason: `${where}: cannot read the list "${clip(rawValue)}"` };
      fields.set(key, list);
      continue;
    }
    const value = readScalar(rawValue);
    if (value === undefined) return { ok: false, reason: `${where}: unbalanced quotes in "${clip(line)}"` };
    fields.set(key, value);
  }
  return { ok: true, fields };
}

function asText(v: FrontValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  const s = joinLines(stripLinks(Array.isArray(v) ? v.join(', ') : v));
  return s.length > 0 ? s : undefined;
}

function asList(v: FrontValue | undefined, split: boolean): string[] {
  if (v === undefined) return [];
  const items = Array.isArray(v) ? v : split ? v.split(/\s*,\s*/) : [v];
  return items.map((s) => joinLines(stripLinks(s))).filter((s) => s.length > 0);
}

/** Extracts a URL from a front-matter value (a bare URL or `[text](url)`). */
function asUrl(v: FrontValue | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined) return undefined;
  const link = /^\[[^\]]*\]\((\S+)\)$/.exec(s.trim());
  const url = (link ? (link[1] as string) : s).trim();
  return /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(url) ? url : undefined;
}

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const LIST_ITEM = /^[-*+]\s+(.*)$/;
const THEMATIC_BREAK = /^(?:(?:\*\s*){1,}|(?:-\s*){3,}|(?:_\s*){3,})$/;

/** Markdown body blocks: headings, list items (one paragraph each) and text paragraphs. */
function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of splitBlocks(body)) {
    if (THEMATIC_BREAK.test(raw)) continue; // a visual separator, not content
    let current: Block | undefined;
    const flush = (): void => {
      if (current) blocks.push({ kind: current.kind, text: stripMarkdownInline(current.text) });
      current = undefined;
    };
    for (const rawLine of raw.split('\n')) {
      const line = rawLine.replace(/^(?:>\s?)+/, ''); // block quotes keep their text
      if (/^\[[^\]]+\]:\s*\S+/.test(line)) continue; // a reference-link definition
      if (line.startsWith('<!--') && line.endsWith('-->')) continue;
      const heading = HEADING.exec(line);
      if (heading) {
        flush();
        blocks.push({ kind: 'heading', text: stripMarkdownInline(heading[2] as string) });
        continue;
      }
      const item = LIST_ITEM.exec(line);
      if (item && !THEMATIC_BREAK.test(line)) {
        flush();
        current = { kind: 'list-item', text: item[1] as string };
        continue;
      }
      if (current) current.text += '\n' + line;
      else current = { kind: 'text', text: line };
    }
    flush();
  }
  return blocks;
}

function parseMarkdown(input: ArticleInput, text: string): ParseResult {
  const lines = text.split('\n');
  let first = 0;
  while (first < lines.length && lines[first] === '') first++;
  let close = -1;
  for (let i = first + 1; i < lines.length; i++) {
    if (lines[i] === '---' || lines[i] === '...') {
      close = i;
      break;
    }
  }
  if (close < 0)
    return {
      ok: false,
      reason: `front matter opened with '---' on line ${first + 1} is never closed by a '---' line`,
    };
  const front = readFrontMatter(lines.slice(first + 1, close), first + 2);
  if (!front.ok) return front;
  const f = front.fields;

  const blocks = markdownBlocks(lines.slice(close + 1).join('\n'));
  let title = asText(f.get('title'));
  // A leading "# Title" repeats the title (or supplies a missing one): it is header, not ¶1.
  const lead = blocks[0];
  if (lead?.kind === 'heading' && /^#\s/.test(lines.slice(close + 1).find((l) => l.length > 0) ?? '')) {
    if (title === undefined || foldForMatch(title) === foldForMatch(lead.text)) {
      title = lead.text;
      blocks.shift();
    }
  }

  const meta = emptyMeta(title ?? input.id, 'markdown');
  const standfirst = asText(
    f.get('description') ?? f.get('standfirst') ?? f.get('subtitle') ?? f.get('summary'),
  );
  if (standfirst !== undefined) meta.standfirst = standfirst;
  meta.authors = asList(f.get('author') ?? f.get('authors'), false).flatMap(splitAuthors);
  const outlet = asText(f.get('source') ?? f.get('publisher') ?? f.get('outlet'));
  if (outlet !== undefined) meta.outlet = outlet;
  const dateText = asText(f.get('date'));
  const date = dateText === undefined ? undefined : parseDate(dateText);
  if (date !== undefined) {
    meta.date = date;
    meta.published = date;
  }
  const url = asUrl(f.get('url'));
  if (url !== undefined) meta.url = url;
  meta.regions = asList(f.get('regions') ?? f.get('region'), true);
  meta.themes = asList(f.get('themes') ?? f.get('theme') ?? f.get('tags') ?? f.get('topics'), true);
  meta.reports = asList(f.get('reports') ?? f.get('report'), true);
  return buildArticle(input, meta, blocks);
}

/** Markdown without front matter: a `# Title` heading first, the rest body. */
function parseHeadedMarkdown(input: ArticleInput, text: string): ParseResult {
  const blocks = markdownBlocks(text);
  const lead = blocks.shift();
  return buildArticle(input, emptyMeta(lead?.text ?? input.id, 'markdown'), blocks);
}

// --- Scraped ----------------------------------------------------------------------------------

type HeaderLine =
  | { type: 'byline'; byline: Byline }
  | { type: 'dateline'; dateline: Dateline }
  | { type: 'taxonomy'; field: Taxonomy; values: string[] };

function readHeaderLine(line: string): HeaderLine | undefined {
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

function looksScraped(blocks: string[]): boolean {
  for (let i = 1; i < Math.min(blocks.length, HEADER_WINDOW + 1); i++) {
    if (readHeaderBlock(blocks[i] as string)) return true;
  }
  return false;
}

function parseScraped(input: ArticleInput, blocks: string[]): ParseResult {
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

function parsePlain(input: ArticleInput, text: string): ParseResult {
  const trimmed = text.trim();
  const nl = trimmed.indexOf('\n');
  const titleLine = nl < 0 ? trimmed : trimmed.slice(0, nl);
  const rest = nl < 0 ? '' : trimmed.slice(nl + 1);
  const meta = emptyMeta(joinLines(stripLinks(titleLine)), 'plain');
  const blocks = splitBlocks(rest).map((b): Block => ({ kind: 'text', text: stripLinks(b) }));
  return buildArticle(input, meta, blocks);
}

// ---------------------------------------------------------------------------------------------

/** Bumped whenever parsing output changes: it keys the knowledge cache with EXTRACTOR_VERSION. */
export const PARSER_VERSION = 'parse-1';

/**
 * Parses one article's text. The format is detected from the content, not the file name:
 * front matter (`---` first) means Markdown; a `# Title` first means Markdown without front
 * matter; a title followed, within a few blocks, by a byline / source-date / taxonomy line means
 * scraped web text; anything else is plain text (first line the title).
 *
 * Never throws: broken front matter or an article with no body paragraphs comes back as
 * `{ ok: false, reason }`.
 *
 * @param input - the article id (file base name), the file name for messages, and the raw text
 * @returns the parsed article, or the reason it cannot be read
 */
export function parseArticle(input: ArticleInput): ParseResult {
  try {
    const text = normalizeRaw(input.text);
    if (text.trim().length === 0) return { ok: false, reason: 'empty file' };
    const firstLine = /^\n*([^\n]*)/.exec(text)?.[1] ?? '';
    if (firstLine === '---') return parseMarkdown(input, text);
    if (/^#\s+\S/.test(firstLine)) return parseHeadedMarkdown(input, text);
    const blocks = splitBlocks(text);
    if (blocks.length > 1 && looksScraped(blocks)) return parseScraped(input, blocks);
    return parsePlain(input, text);
  } catch (err) {
    // A bug, not a content problem; still reported per file so one article cannot stop a load.
    return {
      ok: false,
      reason: `internal parser error: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
