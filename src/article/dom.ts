/**
 * The few DOM features the HTML readers use, typed here because the project compiles without the
 * DOM library. Documents come from `linkedom` (a fast, spec-leaning DOM for Node).
 */
import { createRequire } from 'node:module';

/**
 * linkedom is loaded on first use: it is the heaviest import of the parser (~0.1-0.5 s) and most
 * processes (the bot with only text and Markdown articles, extraction workers) never build a DOM.
 */
const loadCjs = createRequire(import.meta.url);
let linkedom: { parseHTML(html: string): unknown } | undefined;

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  localName: string;
  children: ArrayLike<DomElement>;
  nextElementSibling: DomElement | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses a whole page (or a fragment, placed in its body) into a document. Never throws for markup. */
export function parseHtmlDocument(html: string): DomDocument {
  linkedom ??= loadCjs('linkedom') as { parseHTML(html: string): unknown };
  return (linkedom.parseHTML(html) as { document: DomDocument }).document;
}

let decoder: DomElement | undefined;

/** Character references (`&amp;`, `&eacute;`, `&#8212;`) decoded as a browser would; `<` kept literal. */
export function decodeEntities(text: string): string {
  if (!/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text)) return text;
  decoder ??= parseHtmlDocument('<!doctype html><html><body></body></html>').createElement('div');
  decoder.innerHTML = text.replace(/</g, '&lt;');
  return decoder.textContent ?? text;
}

/** Elements that never have content (no end tag). */
const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
/** Elements whose end tag is implied by the next of their kind (`<p>a<p>b`, `<li>a<li>b`). */
const SELF_CLOSING_SIBLINGS = new Set('p li dt dd option tr td th'.split(' '));
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;

/**
 * How deep the markup nests, estimated from the raw text before any DOM is built (a DOM of a
 * hostile page nested 100,000 deep takes minutes to build). Void elements, self-closing tags,
 * implied end tags of `p` / `li` ... and script / style contents are accounted for.
 *
 * @returns the deepest nesting seen, or a number over `limit` as soon as it is passed
 */
export function markupDepth(html: string, limit: number): number {
  const stack: string[] = [];
  let max = 0;
  let lower: string | undefined;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const name = (m[2] as string).toLowerCase();
    if (m[1] === '/') {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (m[3] === '/' || VOID_ELEMENTS.has(name)) continue;
    if (name === 'script' || name === 'style') {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end;
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && stack.at(-1) === name) stack.pop();
    stack.push(name);
    if (stack.length > max) max = stack.length;
    if (max > limit) return max;
  }
  return max;
}

/** The deepest element nesting of a document, counted without recursion (a hostile page can nest 100,000 deep). */
export function nestingDepth(root: DomNode, limit: number): number {
  let max = 0;
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [DomNode, number];
    if (depth > max) max = depth;
    if (max > limit) return max;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i] as DomNode;
      if (kid.nodeType === ELEMENT_NODE) stack.push([kid, depth + 1]);
    }
  }
  return max;
}
