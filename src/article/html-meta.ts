/**
 * Metadata a publisher's page declares about itself: JSON-LD (`NewsArticle`, `Article`,
 * `BlogPosting` ... also inside `@graph`), OpenGraph / `article:` meta tags, `<meta name>` tags
 * and `<link rel=canonical>`. Read from the page before Readability changes it.
 */
import type { DomDocument } from './dom.ts';

export interface PageMeta {
  headline?: string;
  authors: string[];
  published?: string;
  publisher?: string;
  description?: string;
  canonical?: string;
  language?: string;
  /** `false` when JSON-LD says the article is behind a paywall (`isAccessibleForFree: false`). */
  free?: boolean;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /(?:^|[^a-z])(?:\w*Article|BlogPosting|Report)$/i;

function asJson(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

/** Every object of the page's JSON-LD scripts, `@graph` members included. Broken JSON is skipped. */
function jsonLdObjects(doc: DomDocument): Json[] {
  const out: Json[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = (scripts[i]?.textContent ?? '')
      .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
      .replace(/(?:\/\/\s*)?\]\]>\s*$/, '');
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0 && out.length < 200) {
      const v = queue.shift();
      if (Array.isArray(v)) queue.push(...v);
      const obj = asJson(v);
      if (!obj) continue;
      out.push(obj);
      if (Array.isArray(obj['@graph'])) queue.push(...obj['@graph']);
    }
  }
  return out;
}

function isArticleType(obj: Json): boolean {
  const t = obj['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && ARTICLE_TYPE.test(x));
}

/** A page-level JSON-LD publisher: a news organisation described on its own. */
function isPublisherType(obj: Json): boolean {
  const t = obj['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => x === 'NewsMediaOrganization' || x === 'Organization');
}

/** A JSON-LD value as text: a string, or an object's `name`. */
function ldText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  const obj = asJson(v);
  return obj ? ldText(obj.name) : undefined;
}

function ldNames(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return items.map(ldText).filter((s): s is string => s !== undefined && !/^https?:/i.test(s));
}

function metaContent(doc: DomDocument, selector: string): string | undefined {
  const v = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return v !== undefined && v.length > 0 ? v : undefined;
}

/** An absolute http(s) address, resolved against the page's own address when relative. */
export function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined || href.trim() === '') return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the page's declared metadata. JSON-LD wins over OpenGraph, which wins over plain meta
 * tags; missing fields stay undefined.
 *
 * @param doc - the parsed page (before Readability)
 * @param base - the page's address, to resolve a relative canonical link
 */
export function readPageMeta(doc: DomDocument, base: string | undefined): PageMeta {
  const objects = jsonLdObjects(doc);
  const ld = objects.find(isArticleType) ?? {};
  const meta: PageMeta = { authors: ldNames(ld.author) };
  const headline = ldText(ld.headline) ?? metaContent(doc, 'meta[property="og:title"]');
  if (headline !== undefined) meta.headline = headline;
  if (meta.authors.length === 0) {
    const a = metaContent(doc, 'meta[name="author"]') ?? metaContent(doc, 'meta[property="article:author"]');
    if (a !== undefined && !/^https?:/i.test(a)) meta.authors = [a];
  }
  const published =
    ldText(ld.datePublished) ??
    metaContent(doc, 'meta[property="article:published_time"]') ??
    metaContent(doc, 'meta[itemprop="datePublished"]') ??
    metaContent(doc, 'meta[name="date"]');
  if (published !== undefined) meta.published = published;
  const publisher =
    ldText(ld.publisher) ??
    ldText(objects.find(isPublisherType)) ??
    metaContent(doc, 'meta[property="og:site_name"]');
  if (publisher !== undefined) meta.publisher = publisher;
  const description =
    ldText(ld.description) ??
    metaContent(doc, 'meta[property="og:description"]') ??
    metaContent(doc, 'meta[name="description"]');
  if (description !== undefined) meta.description = description;
  const canonical =
    absoluteUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined, base) ??
    absoluteUrl(metaContent(doc, 'meta[property="og:url"]'), base);
  if (canonical !== undefined) meta.canonical = canonical;
  const language =
    doc.documentElement?.getAttribute('lang')?.trim() ||
    ldText(ld.inLanguage) ||
    metaContent(doc, 'meta[property="og:locale"]')?.replace('_', '-');
  if (language) meta.language = language;
  const free = ld.isAccessibleForFree;
  if (free === false || (typeof free === 'string' && free.toLowerCase() === 'false')) meta.free = false;
  return meta;
}
