import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MAX_ARTICLE_BYTES,
  isArticleFileName,
  loadArticles,
  parseArticleFile,
} from '../../src/article/load.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));

describe('loadArticles on the broken-files folder', () => {
  let dir = '';
  let result: Awaited<ReturnType<typeof loadArticles>>;
  const reasonOf = (name: string): string | undefined =>
    result.problems.find((p) => p.file === path.join(dir, name))?.reason;

  beforeAll(async () => {
    // The committed fixture folder plus the kinds that would be awkward to commit: binary,
    // invalid UTF-8, oversize and a file that vanishes between listing and reading.
    dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-broken-'));
    await cp(path.join(fixtures, 'broken'), dir, { recursive: true });
    await writeFile(
      path.join(dir, 'binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    await writeFile(
      path.join(dir, 'latin1.txt'),
      Buffer.from('Caf\xe9 title\n\nA body in Latin-1, not UTF-8.\n', 'latin1'),
    );
    await writeFile(path.join(dir, 'huge.txt'), `Huge title\n\n${'A very long paragraph. '.repeat(200)}\n`);
    await writeFile(path.join(dir, 'utf16.txt'), Buffer.from('\uFEFFTitle\n\nBody.', 'utf16le'));
    // A dangling symlink is listed by readdir but gives ENOENT when read: the same as a file
    // deleted after the listing.
    await symlink(path.join(dir, 'no-such-target.md'), path.join(dir, 'vanished.md'));
    result = await loadArticles(dir, { maxBytes: 2000 });
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads the good file and the first of the twins', () => {
    expect(result.articles.map((a) => a.id)).toEqual(['good', 'twin']);
    expect(result.articles[0]?.paragraphs).toHaveLength(2);
    expect(result.articles[1]?.file).toBe(path.join(dir, 'twin.md'));
  });

  it('names each bad file with its reason', () => {
    expect(reasonOf('empty.txt')).toBe('empty file');
    expect(reasonOf('blank.txt')).toBe('empty file (whitespace only)');
    expect(reasonOf('binary.txt')).toMatch(/binary/);
    expect(reasonOf('latin1.txt')).toBe('not valid UTF-8 text');
    expect(reasonOf('utf16.txt')).toMatch(/UTF-16/);
    expect(reasonOf('huge.txt')).toMatch(/over the limit of 2000 bytes/);
    expect(reasonOf('header-only.md')).toMatch(/^no body paragraphs/);
    expect(reasonOf('unclosed.md')).toMatch(/never closed/);
    expect(reasonOf('bad-line.md')).toMatch(/cannot read "this line has no colon"/);
    expect(reasonOf('vanished.md')).toMatch(/disappeared/);
  });

  it('reports a duplicate id naming both files', () => {
    const reason = reasonOf('twin.txt');
    expect(reason).toMatch(/duplicate article id 'twin'/);
    expect(reason).toContain(path.join(dir, 'twin.md'));
  });

  it('skips the README, non-article extensions and dotfiles quietly', () => {
    const named = [
      ...result.problems.map((p) => path.basename(p.file)),
      ...result.articles.map((a) => path.basename(a.file)),
    ];
    for (const skipped of ['README.md', 'notes.json', '.hidden.txt']) expect(named).not.toContain(skipped);
  });

  it('reports every problem exactly once, in file-name order', () => {
    const files = result.problems.map((p) => path.basename(p.file));
    expect(files).toEqual([
      'bad-line.md',
      'binary.txt',
      'blank.txt',
      'empty.txt',
      'header-only.md',
      'huge.txt',
      'latin1.txt',
      'twin.txt',
      'unclosed.md',
      'utf16.txt',
      'vanished.md',
    ]);
  });
});

describe('loadArticles', () => {
  it('reports a missing folder as one problem', async () => {
    const dir = path.join(os.tmpdir(), 'newsroom-no-such-folder-' + process.pid);
    expect(await loadArticles(dir)).toEqual({
      articles: [],
      problems: [{ file: dir, reason: 'folder not found' }],
    });
  });

  it('loads the seeds folder with the seed article', async () => {
    const { articles, problems } = await loadArticles(seeds);
    expect(problems).toEqual([]);
    const seed = articles.find((a) => a.id === 'russia-tajikistan-base');
    expect(seed?.paragraphs).toHaveLength(6);
  });

  it('loads the test articles in file-name order', async () => {
    const { articles, problems } = await loadArticles(path.join(fixtures, 'articles'));
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.meta.format])).toEqual([
      ['harbour-ferry', 'markdown'],
      ['library-notes', 'plain'],
      ['river-festival', 'scraped'],
    ]);
  });

  it('uses a 5 MiB default size limit', () => {
    expect(MAX_ARTICLE_BYTES).toBe(5 * 1024 * 1024);
  });
});

describe('parseArticleFile', () => {
  const enc = new TextEncoder();

  it('parses bytes into an article whose id is the base name', () => {
    const r = parseArticleFile('some/dir/a-story.markdown', enc.encode('---\ntitle: T\n---\n\nBody.'));
    expect(r.ok && r.article.id).toBe('a-story');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const r = parseArticleFile('x.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Title\n\nBody.')]));
    expect(r.ok && r.article.meta.title).toBe('Title');
  });

  it('rejects bytes over maxBytes', () => {
    expect(parseArticleFile('x.txt', enc.encode('Title\n\nBody.'), { maxBytes: 4 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/over the limit of 4 bytes/),
    });
  });
});

describe('isArticleFileName', () => {
  it.each([
    ['story.txt', true],
    ['story.md', true],
    ['story.MARKDOWN', true],
    ['page.html', true],
    ['page.HTM', true],
    ['README.md', false],
    ['readme.txt', false],
    ['.draft.md', false],
    ['data.json', false],
    ['photo.png', false],
  ])('%s -> %s', (name, expected) => {
    expect(isArticleFileName(name)).toBe(expected);
  });
});
