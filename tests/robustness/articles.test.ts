import { mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { MAX_ARTICLE_BYTES } from '../../src/article/load.ts';
import { MAX_PARAGRAPHS } from '../../src/article/parse.ts';
import { answerLine } from '../../src/console.ts';

/**
 * Bad article files end to end: listing, reading, parsing, extraction and indexing (`loadApp`),
 * in one temporary folder next to a good article. Each bad file is either loaded correctly or
 * named with a reason, and the good one always loads and answers. (tests/article/load.test.ts
 * covers the parser-level cases of the broken fixtures; this covers the rest through the whole
 * pipeline.)
 */

const GOOD = `Harbour ferry to stop in winter

By Ana Ruiz

Harbour Times, March 3, 2024

The harbour ferry will stop running in December, the council said on Monday.

“We cannot keep a boat running for twelve passengers a day,” said Mayor Tom Keane.
`;

let dir: string;
let app: App;
let loadMs: number;

/** name -> content; `Buffer` for byte-exact files. */
const files: Record<string, string | Buffer> = {
  'good.txt': GOOD,
  'empty.txt': '',
  'binary.txt': Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
  ]),
  'nul-bytes.txt': `Title\n\nA paragraph with a NUL\u0000 in the middle.\n`,
  'invalid-utf8.txt': Buffer.concat([
    Buffer.from('Title\n\nCaf'),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from(' au lait.\n'),
  ]),
  'bom.txt': Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(GOOD.replace('Harbour ferry', 'Bom ferry')),
  ]),
  'crlf.txt': GOOD.replace('Harbour ferry', 'Crlf ferry').replace(/\n/g, '\r\n'),
  'header-only.txt': 'Only a title\n\nBy Ana Ruiz\n\nHarbour Times, March 3, 2024\n',
  'boilerplate-only.txt':
    'Site title\n\nBy Ana Ruiz\n\nHarbour Times, March 3, 2024\n\nThe original source of this article is Harbour Times.\n\nCopyright © Ana Ruiz, Harbour Times, 2024\n',
  'unclosed-quote.txt': 'Unclosed\n\n“This quote never ends, said nobody.\n\nThe next paragraph is plain.\n',
  'nested-quotes.txt':
    'Nested\n\n“He told me ‘never “again” said’ twice,” said Mia Hart. “And then “another” one.\n',
  'broken-front-matter.md': '---\ntitle: "never closed\nauthor: [a, b\n---\n\nBody text.\n',
  'unclosed-front-matter.md': '---\ntitle: Missing end\n\nBody text only.\n',
  'twin.md': '---\ntitle: Twin one\n---\n\nThe first twin loads.\n',
  'twin.txt': 'Twin two\n\nThe second twin has the same id.\n',
  'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Title\n\nBody\n', 'utf16le')]),
  'whitespace.txt': ' \n\t\r\n  \n',
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-bad-articles-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  // 50 MB, sparse: the loader must refuse it from its size, never read it into memory.
  await writeFile(path.join(dir, 'fifty-mb.txt'), '');
  await truncate(path.join(dir, 'fifty-mb.txt'), 50 * 1024 * 1024);
  // 100,000 paragraphs in ~3.9 MB: under the byte limit, over the paragraph limit.
  const many = Array.from({ length: 100_000 }, (_, i) => `Paragraph ${i} says the council met.`);
  await writeFile(path.join(dir, 'many-paragraphs.txt'), `Many paragraphs\n\n${many.join('\n\n')}\n`);
  // A file listed but gone when read: a dangling symlink is the deterministic form of the race.
  await symlink(path.join(dir, 'deleted-meanwhile.txt'), path.join(dir, 'vanished.txt'));
  const started = performance.now();
  app = await loadApp({ articlesDir: dir, workers: 0 });
  loadMs = performance.now() - started;
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const reasonOf = (name: string): string | undefined =>
  app.problems.articles.find((p) => path.basename(p.file) === name)?.reason;
const loaded = (id: string): boolean => app.kb.article(id) !== undefined;

describe('a folder of bad articles, loaded end to end', () => {
  it('loads within a few seconds, the oversize files included', () => {
    expect(loadMs).toBeLessThan(5000);
  });

  it('names each unreadable file with its reason', () => {
    expect(reasonOf('empty.txt')).toMatch(/empty/);
    expect(reasonOf('whitespace.txt')).toMatch(/empty/);
    expect(reasonOf('binary.txt')).toMatch(/binary/);
    expect(reasonOf('nul-bytes.txt')).toMatch(/binary|NUL/);
    expect(reasonOf('invalid-utf8.txt')).toMatch(/UTF-8/);
    expect(reasonOf('utf16.txt')).toMatch(/UTF-16/);
    expect(reasonOf('header-only.txt')).toMatch(/no body paragraphs/);
    expect(reasonOf('boilerplate-only.txt')).toMatch(/no body paragraphs/);
    expect(reasonOf('broken-front-matter.md')).toBeDefined();
    expect(reasonOf('unclosed-front-matter.md')).toMatch(/never closed/);
    expect(reasonOf('twin.txt')).toMatch(/duplicate article id 'twin'/);
    expect(reasonOf('vanished.txt')).toMatch(/disappeared|ENOENT/);
  });

  it('reports a 50 MB file from its size, without reading it', () => {
    expect(reasonOf('fifty-mb.txt')).toBe(
      `file is ${50 * 1024 * 1024} bytes, over the limit of ${MAX_ARTICLE_BYTES} bytes`,
    );
  });

  it('reports 100,000 paragraphs as over the paragraph limit', () => {
    expect(reasonOf('many-paragraphs.txt')).toMatch(
      new RegExp(`100000 paragraphs, over the limit of ${MAX_PARAGRAPHS}`),
    );
  });

  it('loads a BOM file and a CRLF file exactly like the plain one', () => {
    const good = app.kb.article('good');
    for (const id of ['bom', 'crlf']) {
      const other = app.kb.article(id);
      expect(other, id).toBeDefined();
      expect(other?.paragraphs.map((p) => p.text)).toEqual(good?.paragraphs.map((p) => p.text));
      expect(other?.meta.authors).toEqual(['Ana Ruiz']);
      expect(other?.meta.title.charCodeAt(0)).not.toBe(0xfeff);
    }
    expect(good?.paragraphs[1]?.text).toContain('twelve passengers');
  });

  it('loads unclosed and nested quotation marks without inventing a speaker for the unclosed one', () => {
    expect(loaded('unclosed-quote')).toBe(true);
    expect(loaded('nested-quotes')).toBe(true);
    const unclosed = app.kb.knowledgeOf('unclosed-quote');
    for (const q of unclosed?.quotes ?? []) expect(q.speaker).not.toBe('nobody');
  });

  it('keeps the first twin and every good article, and accounts for every file once', () => {
    expect(loaded('twin')).toBe(true);
    expect(app.kb.article('twin')?.meta.title).toBe('Twin one');
    const names = [...Object.keys(files), 'fifty-mb.txt', 'many-paragraphs.txt', 'vanished.txt'];
    const accounted = [
      ...app.kb.articles.map((a) => path.basename(a.file)),
      ...app.problems.articles.map((p) => path.basename(p.file)),
    ].sort();
    expect(accounted).toEqual([...names].sort());
  });

  it('still answers from the good articles', async () => {
    const answer = await answerLine(app, '/who-said quote:twelve passengers a day');
    expect(answer.ok && answer.results[0]?.speaker).toBe('Tom Keane');
  });
});
