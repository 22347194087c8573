/**
 * DOM -> body blocks. Paragraphs are the block elements of the article body: `p`, `li`,
 * `h1`-`h6`, `blockquote`, `pre`, table rows; text loose in a container becomes a block of its
 * own. Page furniture (figures and captions, share bars, navigation, related links, forms,
 * scripts) is skipped by tag and by class / id words (see page-words.ts).
 */
import type { Block } from './blocks.ts';
import { joinLines } from './blocks.ts';
import { ELEMENT_NODE, TEXT_NODE } from './dom.ts';
import type { DomElement, DomNode } from './dom.ts';
import { FURNITURE_NAME_WORDS, FURNITURE_TAGS } from './page-words.ts';
import type { ParagraphKind } from './types.ts';

const SKIP_TAGS = new Set(FURNITURE_TAGS);
const FURNITURE_NAME = new RegExp(
  `(?:^|[\\s_-])(?:${FURNITURE_NAME_WORDS.map((w) => w.replace(/-/g, '\\-')).join('|')})(?:$|[\\s_-])`,
  'i',
);

/** Elements that open a paragraph of their own, with the kind they give it. */
const BLOCK_KINDS: Record<string, ParagraphKind> = {
  p: 'text',
  li: 'list-item',
  dt: 'text',
  dd: 'text',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  blockquote: 'blockquote',
  pre: 'code',
  tr: 'table-row',
};

/** Containers: they end the paragraph before them and start a new one after them. */
const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'ul',
  'ol',
  'dl',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'hr',
  'address',
  'details',
  'summary',
  'center',
  'body',
  'html',
]);

/** Whether an element is page furniture: a skipped tag, hidden, or named like a share bar / caption. */
function isFurniture(el: DomElement): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (name.trim().length === 0 || !FURNITURE_NAME.test(name)) return false;
  // A name is only a hint: furniture is short or mostly links. A long text block named
  // "has-caption" or "with-share-bar" is the article itself and is kept.
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length <= FURNITURE_MAX_CHARS || linkText(el) > text.length / 2;
}

/** Longest text an element named like furniture may hold and still be skipped for its name alone. */
const FURNITURE_MAX_CHARS = 600;

function linkText(el: DomElement): number {
  let n = 0;
  const links = el.querySelectorAll('a');
  for (let i = 0; i < links.length; i++)
    n += (links[i]?.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return n;
}

/** Marks the end of a table cell while a row is collected; cells are joined with "; ". */
const CELL_END = '\uE000';

/** Collects blocks while walking; `kind` is the innermost block element's kind. */
class Collector {
  readonly blocks: Array<Block & { linkChars: number }> = [];
  private parts: string[] = [];
  private linkChars = 0;

  text(s: string, inLink: boolean): void {
    this.parts.push(s);
    if (inLink) this.linkChars += s.replace(/\s+/g, '').length;
  }

  flush(kind: ParagraphKind): void {
    const text = joinLines(this.parts.join(''))
      .split(CELL_END)
      .map((c) => c.trim())
      .filter((c) => c.length > 0)
      .join('; ');
    if (text.length > 0) this.blocks.push({ kind, text, linkChars: this.linkChars });
    this.parts = [];
    this.linkChars = 0;
  }
}

function walk(node: DomNode, kind: ParagraphKind, inLink: boolean, out: Collector): void {
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i] as DomNode;
    if (kid.nodeType === TEXT_NODE) {
      out.text(kid.textContent ?? '', inLink);
      continue;
    }
    if (kid.nodeType !== ELEMENT_NODE) continue;
    const el = kid as DomElement;
    if (isFurniture(el)) continue;
    const tag = el.localName;
    if (tag === 'br') {
      out.text(' ', inLink);
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      out.text(' ', inLink);
      walk(el, kind, inLink, out);
      out.text(CELL_END, false);
      continue;
    }
    const own = BLOCK_KINDS[tag];
    if (own === undefined && !CONTAINERS.has(tag)) {
      walk(el, kind, inLink || tag === 'a', out);
      continue;
    }
    // Inside a blockquote every paragraph stays a quotation; elsewhere the innermost block decides.
    const inner = kind === 'blockquote' ? kind : (own ?? kind);
    out.flush(kind);
    walk(el, inner, inLink, out);
    out.flush(inner);
  }
}

/** A block of the body with how much of its text is link text (for "read more" detection). */
export interface HtmlBlock extends Block {
  linkChars: number;
}

/**
 * The body blocks of an element, in document order, furniture skipped.
 *
 * @param root - the article element (Readability's content) or a fragment's body
 * @returns the blocks, their text whitespace-normalised, empty ones dropped
 */
export function htmlBlocks(root: DomElement): HtmlBlock[] {
  const out = new Collector();
  walk(root, 'text', false, out);
  out.flush('text');
  return out.blocks;
}
