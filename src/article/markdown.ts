/**
 * Markdown articles, read with `marked`'s lexer (CommonMark + GFM) and YAML front matter.
 *
 * Paragraphs are the top-level blocks: each heading (ATX `#` and setext `===` / `---`), each list
 * item (ordered or not; a nested list's items follow their parent, each its own paragraph), each
 * paragraph inside a blockquote, each table row ("Header: value; Header: value", the header row
 * itself folded into the rows), each code block (kept as text, its characters untouched), and
 * the text of HTML blocks. Thematic breaks, reference-link definitions and HTML comments are not
 * paragraphs. Inline markup keeps its text: links and reference links their link text, escapes
 * (`\*x\*` -> `*x*`) and character references (`&amp;`) resolved, images dropped.
 */
import { createRequire } from 'node:module';
import type { Lexer as MarkedLexer, Token, Tokens } from 'marked';
import { buildArticle, emptyMeta } from './blocks.ts';
import type { ArticleInput, Block } from './blocks.ts';
import { parseDate } from './dates.ts';
import { decodeEntities, parseHtmlDocument } from './dom.ts';
import {
  fieldList,
  fieldText,
  fieldUrl,
  firstField,
  readFrontMatter,
  splitFrontMatter,
} from './front-matter.ts';
import type { FrontMatter } from './front-matter.ts';
import { htmlBlocks } from './html-blocks.ts';
import { splitAuthors } from './names.ts';
import { foldForMatch } from './normalize.ts';
import type { ArticleMeta, ParagraphKind, ParseResult } from './types.ts';

/** marked is loaded on the first Markdown article (CommonJS build, synchronously): text-only starts skip it. */
const loadCjs = createRequire(import.meta.url);
let Lexer: typeof MarkedLexer | undefined;

/** HTML elements that appear inline in Markdown; their tags are markup, their content text. */
const INLINE_ELEMENTS = new Set(
  (
    'a abbr b bdi bdo br cite code data del dfn em font i img ins kbd mark q s samp small span ' +
    'strike strong sub sup time u var wbr'
  ).split(' '),
);

/**
 * Whether inline `<...>` is markup: a comment or an HTML element's tag. Anything else that
 * CommonMark would take for a tag (`<control-000A>`, `<name>`) is the writer's literal text.
 */
function isMarkupTag(html: string): boolean {
  if (html.startsWith('<!--') || html.startsWith('<?') || html.startsWith('<!')) return true;
  const name = /^<\/?([a-z][a-z0-9-]*)/i.exec(html)?.[1]?.toLowerCase();
  return name !== undefined && INLINE_ELEMENTS.has(name);
}

/** Inline tokens -> display text (whitespace is normalised later, per paragraph). */
function inlineText(tokens: readonly Token[] | undefined): string {
  if (tokens === undefined) return '';
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        out += 'tokens' in t && t.tokens ? inlineText(t.tokens) : decodeEntities(t.text);
        break;
      case 'escape':
      case 'codespan':
        out += t.text;
        break;
      case 'br':
        out += ' ';
        break;
      case 'html':
        out += isMarkupTag(t.text) ? (/^<br\b/i.test(t.text) ? ' ' : '') : decodeEntities(t.text);
        break;
      case 'del':
        // `~~struck~~` is struck-through text; a single `~` is a writer's "approximately" or "to".
        out += t.raw.startsWith('~~') ? inlineText(t.tokens) : t.raw;
        break;
      case 'image':
      case 'checkbox':
        break;
      default:
        if ('tokens' in t && t.tokens) out += inlineText(t.tokens);
        else if ('text' in t && typeof t.text === 'string') out += decodeEntities(t.text);
    }
  }
  return out;
}

/** An HTML block's text: its own block elements as paragraphs, scripts and comments dropped. */
function htmlBlockParagraphs(html: string, kind: ParagraphKind, out: Block[]): void {
  const body = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`).body;
  if (!body) return;
  for (const b of htmlBlocks(body)) out.push({ kind: kind === 'text' ? b.kind : kind, text: b.text });
}

/** One table row per paragraph, each cell named by its column header. */
function tableRows(table: Tokens.Table, out: Block[]): void {
  const headers = table.header.map((h) => inlineText(h.tokens).trim());
  for (const row of table.rows) {
    const cells = row
      .map((cell, i) => {
        const value = inlineText(cell.tokens).trim();
        const header = headers[i] ?? '';
        if (value.length === 0) return '';
        return header.length > 0 ? `${header}: ${value}` : value;
      })
      .filter((c) => c.length > 0);
    if (cells.length > 0) out.push({ kind: 'table-row', text: cells.join('; ') });
  }
}

/** A list item: its own text is one paragraph; nested lists and blocks follow as their own. */
function listItem(item: Tokens.ListItem, out: Block[]): void {
  const own: string[] = [];
  const nested: Token[] = [];
  for (const t of item.tokens) {
    if (t.type === 'text' || t.type === 'paragraph') own.push(inlineText(t.tokens ?? [t]));
    else if (t.type !== 'checkbox' && t.type !== 'space') nested.push(t);
  }
  const text = own.join(' ').trim();
  if (text.length > 0) out.push({ kind: 'list-item', text });
  blocksOf(nested, 'text', out);
}

/** Block tokens -> body blocks; `kind` is `blockquote` inside a quotation. */
function blocksOf(tokens: readonly Token[], kind: ParagraphKind, out: Block[]): void {
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
      case 'hr':
      case 'def':
        break;
      case 'heading':
        out.push({ kind: 'heading', text: inlineText(t.tokens) });
        break;
      case 'paragraph':
      case 'text':
        out.push({ kind, text: inlineText(t.tokens ?? [t]) });
        break;
      case 'list':
        for (const item of (t as Tokens.List).items) listItem(item, out);
        break;
      case 'blockquote':
        blocksOf((t as Tokens.Blockquote).tokens, 'blockquote', out);
        break;
      case 'code':
        out.push({ kind: kind === 'blockquote' ? kind : 'code', text: t.text });
        break;
      case 'table':
        tableRows(t as Tokens.Table, out);
        break;
      case 'html':
        htmlBlockParagraphs(t.text, kind, out);
        break;
      default:
        if ('tokens' in t && t.tokens) out.push({ kind, text: inlineText(t.tokens) });
    }
  }
}

/** Body blocks of a Markdown text, and whether it opens with a level-1 heading (the title). */
export function markdownBlocks(body: string): { blocks: Block[]; leadsWithTitle: boolean } {
  Lexer ??= (loadCjs('marked') as { Lexer: typeof MarkedLexer }).Lexer;
  const tokens = new Lexer({ gfm: true }).lex(body);
  const first = tokens.find((t) => t.type !== 'space');
  const blocks: Block[] = [];
  blocksOf(tokens, 'text', blocks);
  const leadsWithTitle = first?.type === 'heading' && (first as Tokens.Heading).depth === 1;
  return { blocks: blocks.filter((b) => b.text.trim().length > 0), leadsWithTitle };
}

/** Front-matter fields -> metadata (aliases as the old reader accepted them). */
function frontMatterMeta(f: FrontMatter, title: string): ArticleMeta {
  const meta = emptyMeta(title, 'markdown');
  const standfirst = fieldText(firstField(f, ['description', 'standfirst', 'subtitle', 'summary']));
  if (standfirst !== undefined) meta.standfirst = standfirst;
  meta.authors = fieldList(firstField(f, ['author', 'authors']), false).flatMap(splitAuthors);
  const source = firstField(f, ['source', 'publisher', 'outlet']);
  const outlet = fieldText(source);
  if (outlet !== undefined) meta.outlet = outlet;
  const dateText = fieldText(firstField(f, ['date', 'published', 'datepublished']));
  const date = dateText === undefined ? undefined : parseDate(dateText);
  if (date !== undefined) {
    meta.date = date;
    meta.published = date;
  }
  // `source: {name, url}` gives the link when the article has no `url` of its own.
  const url =
    fieldUrl(firstField(f, ['url', 'link'])) ?? fieldUrl(typeof source === 'object' ? source : undefined);
  if (url !== undefined) meta.url = url;
  const language = fieldText(firstField(f, ['lang', 'language']));
  if (language !== undefined) meta.language = language;
  meta.regions = fieldList(firstField(f, ['regions', 'region']), true);
  meta.themes = fieldList(firstField(f, ['themes', 'theme', 'tags', 'topics']), true);
  meta.reports = fieldList(firstField(f, ['reports', 'report']), true);
  return meta;
}

/** Markdown with `---` front matter (text from normalizeMarkup: indentation intact). */
export function parseMarkdown(input: ArticleInput, text: string): ParseResult {
  const split = splitFrontMatter(text);
  if (!split.ok) return split;
  const front = readFrontMatter(split.split.yaml, split.split.yamlLine);
  if (!front.ok) return front;
  const { blocks, leadsWithTitle } = markdownBlocks(split.split.body);
  let title = fieldText(front.fields.get('title'));
  // A leading "# Title" repeats the title (or supplies a missing one): it is header, not ¶1.
  const lead = blocks[0];
  if (leadsWithTitle && lead && (title === undefined || foldForMatch(title) === foldForMatch(lead.text))) {
    title = lead.text.replace(/\s+/g, ' ').trim();
    blocks.shift();
  }
  return buildArticle(input, frontMatterMeta(front.fields, title ?? input.id), blocks);
}

/** Markdown without front matter: a `# Title` heading first, the rest body. */
export function parseHeadedMarkdown(input: ArticleInput, text: string): ParseResult {
  const { blocks } = markdownBlocks(text);
  const lead = blocks.shift();
  const title = lead?.text.replace(/\s+/g, ' ').trim();
  return buildArticle(input, emptyMeta(title ?? input.id, 'markdown'), blocks);
}
