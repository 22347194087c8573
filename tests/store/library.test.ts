import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.ts';
import { execute } from '../../src/dispatch.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadCommands } from '../../src/registry.ts';
import { DB_FILE, openStore } from '../../src/store/db.ts';
import { followFeed, pollFeed } from '../../src/store/feeds.ts';
import type { Library } from '../../src/store/library.ts';
import { openLibrary } from '../../src/store/open.ts';
import { FIXTURES, SEED, loadKb } from '../helpers/kb.ts';
import { FERRY_MD, STUB_HTML, orchardHtml, rss } from './fixtures.ts';

const pages = new Map<string, { type: string; body: string }>();
let server: Server;
let base = '';
let kb: KnowledgeBase;
const registry = await loadCommands();
const dirs: string[] = [];
const libraries: Library[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (page === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': page.type }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pages.set('/ferry.md', { type: 'text/markdown; charset=utf-8', body: FERRY_MD });
  pages.set('/orchard?utm_source=feed', { type: 'text/html', body: orchardHtml(`${base}/orchard`) });
  pages.set('/orchard-amp', { type: 'text/html', body: orchardHtml(`${base}/orchard`) });
  pages.set('/stub', { type: 'text/html', body: STUB_HTML });
  kb = await loadKb(FIXTURES);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  for (const l of libraries.splice(0)) l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function library(
  dataDir?: string,
  snapshotMinArticles?: number,
): Promise<{ library: Library; problem?: string; dataDir: string }> {
  const dir = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'newsroom-lib-'));
  if (dataDir === undefined) dirs.push(dir);
  const opened = await openLibrary(
    { kb },
    {
      dataDir: dir,
      allowPrivate: true,
      ...(snapshotMinArticles !== undefined ? { snapshotMinArticles } : {}),
    },
  );
  libraries.push(opened.library);
  return { ...opened, dataDir: dir };
}

function run(lib: Library, guildId: string, line: Record<string, string>, name: string): Promise<Answer> {
  return execute({ kb, commands: registry.commands, library: lib }, name, line, undefined, {
    guildId,
    userId: 'mod-1',
  });
}

const text = (a: Answer): string => (a.ok ? `${a.message ?? ''} ${JSON.stringify(a.results)}` : a.error);

describe('adding articles by link', () => {
  it('adds a Markdown page to one server, answerable there at once and nowhere else', async () => {
    const { library: lib } = await library();
    const added = await run(lib, 'guild-a', { action: 'add', url: `${base}/ferry.md` }, 'article');
    expect(added.ok).toBe(true);
    const said = await run(lib, 'guild-a', { quote: 'a ramp that moves under their feet' }, 'who-said');
    expect(said.ok && said.results[0]?.speaker).toBe('Ingrid Solberg');
    const elsewhere = await run(lib, 'guild-b', { quote: 'a ramp that moves under their feet' }, 'who-said');
    expect(elsewhere.ok && elsewhere.results.some((r) => r.speaker === 'Ingrid Solberg')).toBe(false);
    // The folder's articles stay visible in both servers; /articles lists per server.
    const listA = await run(lib, 'guild-a', {}, 'articles');
    const listB = await run(lib, 'guild-b', {}, 'articles');
    expect(text(listA)).toContain('Island ferry service halted');
    expect(text(listB)).not.toContain('Island ferry service halted');
    expect(listB.ok && listA.ok && listA.results.length).toBe(listB.ok && listB.results.length + 1);
  });

  it('reads an HTML page through Readability: body paragraphs only, outlet and canonical URL kept', async () => {
    const { library: lib } = await library();
    const added = await lib.addUrl(`${base}/orchard?utm_source=feed`, { scope: 'g', addedBy: 'm' });
    if (!added.ok || added.duplicate) throw new Error(JSON.stringify(added));
    const paragraphs = added.article.paragraphs.map((p) => p.text).join('\n');
    expect(added.article.meta.title).toBe('Orchard growers count frost losses');
    expect(added.article.meta.outlet).toBe('Valley Courier');
    expect(added.article.meta.url).toBe(`${base}/orchard`);
    expect(paragraphs).toContain('Henrik Lund');
    expect(paragraphs).not.toMatch(/Subscribe|photo by a reader|Sport|not text/);
  });

  it('skips a second copy with the same canonical URL and says which article it is', async () => {
    const { library: lib } = await library();
    await run(lib, 'g', { action: 'add', url: `${base}/orchard?utm_source=feed` }, 'article');
    const again = await run(lib, 'g', { action: 'add', url: `${base}/orchard-amp` }, 'article');
    expect(text(again)).toMatch(/Already added as orchard-growers-count-frost-losses/);
    const list = await run(lib, 'g', {}, 'articles');
    expect(text(list).match(/Orchard growers count frost losses/g)).toHaveLength(1);
  });

  it('refuses a page that is not an article, with the reason, storing nothing', async () => {
    const { library: lib } = await library();
    const got = await run(lib, 'g', { action: 'add', url: `${base}/stub` }, 'article');
    expect(got.ok ? '' : got.error).toMatch(/not an article: a paywall stub/);
    const missing = await run(lib, 'g', { action: 'add', url: `${base}/nothing-here` }, 'article');
    expect(missing.ok ? '' : missing.error).toMatch(/404/);
    expect(lib.added('g')).toEqual([]);
  });

  it('keeps added articles across a restart', async () => {
    const first = await library();
    await first.library.addUrl(`${base}/ferry.md`, { scope: 'g', addedBy: 'm' });
    first.library.close();
    const again = await library(first.dataDir);
    expect(again.library.added('g').map((a) => a.meta.title)).toEqual([
      'Island ferry service halted after storm damage',
    ]);
    const said = await run(again.library, 'g', { quote: 'Fresh milk lasts two days' }, 'who-said');
    expect(said.ok && said.results[0]?.speaker).toBe('Pablo Ferreira');
  });

  it('restarts a server from its view snapshot, and never from a stale one', async () => {
    const first = await library(undefined, 1);
    await first.library.addUrl(`${base}/ferry.md`, { scope: 'g', addedBy: 'm' });
    await first.library.addUrl(`${base}/orchard-amp`, { scope: 'g', addedBy: 'm' });
    first.library.kbFor('g');
    await first.library.flush();
    first.library.close();
    expect(readdirSync(path.join(first.dataDir, 'views'))).toHaveLength(1);
    const warm = await library(first.dataDir, 1);
    const said = await run(warm.library, 'g', { quote: 'Fresh milk lasts two days' }, 'who-said');
    expect(said.ok && said.results[0]?.speaker).toBe('Pablo Ferreira');
    warm.library.close();
    // Another process removes an article: the snapshot no longer matches and is not used.
    const other = openStore(first.dataDir);
    if (!other.ok) throw new Error(other.reason);
    other.value.removeArticle('g', warm.library.added('g')[0]?.id ?? '');
    other.value.close();
    const after = await library(first.dataDir, 1);
    expect(after.library.added('g').map((a) => a.meta.title)).toEqual(['Orchard growers count frost losses']);
    const gone = await run(after.library, 'g', { quote: 'Fresh milk lasts two days' }, 'who-said');
    expect(gone.ok && gone.results.some((r) => r.speaker === 'Pablo Ferreira')).toBe(false);
  });

  it('removes an article added in this server only, never a folder article', async () => {
    const { library: lib } = await library();
    await lib.addUrl(`${base}/ferry.md`, { scope: 'g', addedBy: 'm' });
    const id = lib.added('g')[0]?.id ?? '';
    const fromOther = await run(lib, 'other', { action: 'remove', article: id }, 'article');
    expect(fromOther.ok ? '' : fromOther.error).toMatch(/no article .* was added in this server/);
    const seed = await run(lib, 'g', { action: 'remove', article: kb.articles[0]?.id ?? SEED }, 'article');
    expect(seed.ok ? '' : seed.error).toMatch(/only added articles can be removed/);
    const removed = await run(lib, 'g', { action: 'remove', article: id }, 'article');
    expect(removed.ok).toBe(true);
    expect(text(await run(lib, 'g', {}, 'articles'))).not.toContain('Island ferry');
  });

  it('a corrupt database is reported by name; the folder articles are still served', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-lib-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, DB_FILE), 'this is not sqlite '.repeat(500));
    const opened = await library(dir);
    expect(opened.problem).toMatch(/newsroom\.db: the database is corrupt/);
    const list = await run(opened.library, 'g', {}, 'articles');
    expect(list.ok && list.results.length).toBe(kb.articles.length);
    const add = await run(opened.library, 'g', { action: 'add', url: `${base}/ferry.md` }, 'article');
    expect(add.ok ? '' : add.error).toMatch(/cannot be added: .*newsroom\.db/);
  });
});

describe('feeds', () => {
  it('posts a card for each new item, adds it to the server, and skips duplicates', async () => {
    const { library: lib } = await library();
    pages.set('/feed.xml', {
      type: 'application/rss+xml',
      body: rss([{ title: 'Old story', link: `${base}/old` }]),
    });
    const followed = await followFeed(
      { library: lib, fetchFeed: (u) => lib.fetchFeed(u) },
      { scope: 'g', url: `${base}/feed.xml`, channelId: '123', addedBy: 'm' },
    );
    if (!followed.ok) throw new Error(followed.reason);
    pages.set('/feed.xml', {
      type: 'application/rss+xml',
      body: rss([
        { title: 'Ferry', link: `${base}/ferry.md` },
        { title: 'Orchard', link: `${base}/orchard?utm_source=feed` },
        { title: 'Orchard again', link: `${base}/orchard-amp` },
        { title: 'Old story', link: `${base}/old` },
      ]),
    });
    const posts: { channel: string; text: string }[] = [];
    const polled = await pollFeed(
      {
        library: lib,
        fetchFeed: (u) => lib.fetchFeed(u),
        post: (channel, text) => Promise.resolve(posts.push({ channel, text }) > 0),
        concurrency: 1,
      },
      followed.value.feed,
    );
    expect(polled.ok && polled.value).toMatchObject({ added: 2, duplicates: 1 });
    expect(posts.map((p) => p.channel)).toEqual(['123', '123']);
    expect(
      posts.some((p) => /Orchard growers count frost losses.*Valley Courier.*ask me about it/.test(p.text)),
    ).toBe(true);
    expect(lib.added('g')).toHaveLength(2);
    const list = await run(lib, 'g', { action: 'list' }, 'feed');
    expect(text(list)).toContain('Valley Courier');
  });

  it('refuses a link that is not a feed', async () => {
    const { library: lib } = await library();
    const got = await run(lib, 'g', { action: 'add', url: `${base}/ferry.md`, channel: '1' }, 'feed');
    expect(got.ok ? '' : got.error).toMatch(/not an RSS or Atom feed/);
  });
});
