import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml, parseHtmlArticle } from '../../src/article/html.ts';
import { loadArticles, parseArticleFile } from '../../src/article/load.ts';
import type { Article, ParseResult } from '../../src/article/types.ts';

const dir = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const page = (name: string): string => readFileSync(path.join(dir, name), 'utf8');

function parsed(result: ParseResult): Article {
  if (!result.ok) throw new Error(`expected an article, got: ${result.reason}`);
  return result.article;
}

describe('a publisher’s news page', () => {
  const a = parsed(
    parseHtmlArticle(page('news-page.html'), { id: 'tram', url: 'https://herald.example.org/t?utm=x' }),
  );

  it('reads headline, authors, date and publisher from JSON-LD', () => {
    expect(a.meta.format).toBe('html');
    expect(a.meta.title).toBe('Tram line to the old docks opens a year late');
    expect(a.meta.authors).toEqual(['Petra Lindqvist', 'Samuel Okafor']);
    expect(a.meta.date).toBe('2023-04-12');
    expect(a.meta.outlet).toBe('Lakeside Herald');
  });

  it('reads the standfirst from OpenGraph, the language, and the canonical link resolved against the page address', () => {
    expect(a.meta.standfirst).toBe('Passengers queued before dawn for the first ride on the new line.');
    expect(a.meta.language).toBe('en-GB');
    expect(a.meta.canonicalUrl).toBe('https://herald.example.org/transport/2023/04/12/tram-line-old-docks');
    expect(a.meta.url).toBe(a.meta.canonicalUrl);
  });

  it('numbers the body’s paragraphs, subheading, list items and quotation from ¶1', () => {
    expect(a.paragraphs.map((p) => [p.kind, p.text.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['text', 'The first'],
      ['text', 'The line'],
      ['text', '“We waited'],
      ['heading', 'Delays and'],
      ['text', 'Engineers found'],
      ['list-item', 'Trams will'],
      ['list-item', 'A single'],
      ['blockquote', 'Opposition councillors'],
      ['text', 'The council'],
    ]);
  });

  it('leaves out navigation, header, share bar, caption, read-more link, related links and footer', () => {
    const all = a.paragraphs.map((p) => p.text).join('\n');
    for (const furniture of [
      'Home',
      'Share on',
      'Photograph',
      'sunrise',
      'Read more',
      'Related',
      'Bus fares',
      '©',
      'By Petra',
    ]) {
      expect(all).not.toContain(furniture);
    }
  });

  it('keeps a long article body whose class merely mentions furniture ("with-share-bar")', () => {
    const html = page('news-page.html').replace('class="story-body"', 'class="story-body with-share-bar"');
    expect(parsed(parseHtmlArticle(html, { id: 'tram' })).paragraphs).toHaveLength(a.paragraphs.length);
  });

  it('gives sentences that are exact slices of their paragraph', () => {
    for (const p of a.paragraphs)
      for (const s of p.sentences) expect(p.text.slice(s.start, s.end)).toBe(s.text);
    expect(a.paragraphs[2]?.sentences).toHaveLength(2);
  });

  it('falls back to the byline, OpenGraph and meta tags when the page has no JSON-LD', () => {
    const html = page('news-page.html').replace(
      /<script type="application\/ld\+json">[\s\S]*?<\/script>/,
      '',
    );
    const b = parsed(parseHtmlArticle(html, { id: 'tram' }));
    expect(b.meta.title).toBe('Tram line to the old docks opens a year late');
    expect(b.meta.authors).toEqual(['Petra Lindqvist', 'Samuel Okafor']);
    expect(b.meta.outlet).toBe('Lakeside Herald');
    expect(b.meta.date).toBe('2023-04-12');
    expect(b.paragraphs).toHaveLength(a.paragraphs.length);
  });
});

describe('pages that are not articles', () => {
  it('refuses an index page of headlines', () => {
    const r = parseHtmlArticle(page('index-page.html'), { id: 'home' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['too-short', 'link-list', 'no-article']).toContain(r.notArticle);
  });

  it('refuses a paywall stub and says so', () => {
    expect(parseHtmlArticle(page('paywall-stub.html'), { id: 'pay' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/paywall/),
      notArticle: 'paywall',
    });
  });

  it('refuses a page with a short text as too short', () => {
    const html = '<html><body><article><p>The meeting was moved to Thursday.</p></article></body></html>';
    expect(parseHtmlArticle(html, { id: 's' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/too little text/),
      notArticle: expect.stringMatching(/too-short|no-article/),
    });
  });
});

describe('bad HTML input', () => {
  it('names an empty page, an empty body and text with no markup', () => {
    expect(parseHtmlArticle('  \n ', { id: 'e' })).toEqual({ ok: false, reason: 'empty page' });
    const empty = parseHtmlArticle('<!doctype html><html><body></body></html>', { id: 'e' });
    expect(empty.ok).toBe(false);
    expect(parseHtmlArticle('just a sentence', { id: 't' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/not HTML/),
    });
  });

  it('names binary bytes saved as .html', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(parseArticleFile('photo.html', bytes)).toEqual({
      ok: false,
      reason: expect.stringMatching(/binary/),
    });
    expect(parseHtmlArticle('\u0001\u0002\u0003\u0004<p>x', { id: 'b' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/binary/),
    });
  });

  it('refuses markup nested far deeper than any page, without building it', () => {
    const deep = '<div>'.repeat(50_000) + 'text' + '</div>'.repeat(50_000);
    expect(parseHtmlArticle(deep, { id: 'deep' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/nested over \d+ levels/),
    });
  });

  it('reads malformed but real markup (unclosed tags, stray end tags) without throwing', () => {
    const body = page('news-page.html')
      .replace(/<\/p>/g, '')
      .replace('<div class="story-body">', '</span><div class="story-body"><b>');
    const r = parseHtmlArticle(body, { id: 'm' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.article.paragraphs.some((p) => p.text.startsWith('The council expects'))).toBe(true);
  });

  it('never throws on arbitrary markup-shaped text', () => {
    const piece = fc.constantFrom(
      '<p>',
      '</p>',
      '<div class="share">',
      '</div>',
      '<li>',
      '<h2>',
      '<script>',
      '</script>',
      '<!--',
      '-->',
      '&amp;',
      '&#x0;',
      '<a href="x">',
      'word ',
      'A sentence. ',
      '\u0000',
      '<figure>',
      '<![CDATA[',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 60 }), (parts) => {
        const r = parseHtmlArticle(parts.join(''), { id: 'f' });
        return r.ok ? r.article.paragraphs.every((p, i) => p.number === i + 1) : r.reason.length > 0;
      }),
      { numRuns: 60, seed: 10_2026 },
    );
  });
});

describe('decoding pages', () => {
  const latin = (html: string): Uint8Array => Uint8Array.from(Buffer.from(html, 'latin1'));

  it('honours the page’s declared charset (windows-1252) when loading a file', () => {
    const html = page('news-page.html')
      .replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
      .replace('The line is 6.2', 'The caf\u00e9 line is 6.2');
    const a = parsed(parseArticleFile('tram.html', latin(html)));
    expect(a.paragraphs[1]?.text).toMatch(/^The café line is 6\.2/);
  });

  it('prefers the Content-Type charset, falls back to windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeHtml(latin('<p>caf\u00e9</p>'), 'text/html; charset=ISO-8859-1')).toEqual({
      ok: true,
      text: '<p>café</p>',
    });
    expect(decodeHtml(latin('<p>caf\u00e9</p>'))).toEqual({ ok: true, text: '<p>café</p>' });
    expect(decodeHtml(new TextEncoder().encode('<p>café</p>'))).toEqual({ ok: true, text: '<p>café</p>' });
  });

  it('names an unknown charset', () => {
    expect(decodeHtml(latin('<meta charset="klingon-8"><p>x</p>'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/unknown character set "klingon-8"/),
    });
  });
});

describe('loading .html and .htm files', () => {
  let tmp = '';
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'newsroom-html-'));
    await writeFile(path.join(tmp, 'tram-line.HTML'), page('news-page.html'));
    await writeFile(path.join(tmp, 'home.htm'), page('index-page.html'));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('loads an article page by file name and reports a page that is not an article by name', async () => {
    const { articles, problems } = await loadArticles(tmp);
    expect(articles.map((x) => [x.id, x.meta.format])).toEqual([['tram-line', 'html']]);
    expect(problems).toEqual([{ file: path.join(tmp, 'home.htm'), reason: expect.any(String) }]);
  });
});
