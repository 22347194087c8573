/**
 * `npm run bench:store`: the figures of added articles (issue [10]), on loopback only.
 *  1. start-up with N stored articles (default 10,000), warm: the database is reopened and every
 *     article read back from its cached knowledge, then the first answer view of the server that
 *     holds them is built (the cost a first question after a restart pays);
 *  2. `/article add` of a 50 KB page: fetch from 127.0.0.1, parse, extract, store (median of 5);
 *  3. one RSS poll of 100 new items (each item's page fetched, parsed, extracted, stored, carded);
 *  4. memory of per-server views: 20 servers with 10 added articles each, over the folder's.
 *
 *   npm run bench:store -- [--articles 10000] [--distinct 200]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArticle } from '../src/article/parse.ts';
import { extractKnowledge } from '../src/knowledge/extract.ts';
import { buildKnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { packKnowledge } from '../src/knowledge/snapshot.ts';
import { openStore } from '../src/store/db.ts';
import { followFeed, pollFeed } from '../src/store/feeds.ts';
import { STORE_PIPELINE, contentHash } from '../src/store/library.ts';
import { openLibrary } from '../src/store/open.ts';
import { generateArticle } from './generate.ts';

const arg = (flag: string, fallback: number): number => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('--articles', 10_000);
const DISTINCT = Math.min(N, arg('--distinct', 200));
const ms = (t0: number): number => Math.round(performance.now() - t0);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-store-'));
const pages = new Map<string, { type: string; body: string }>();
const server = createServer((req, res) => {
  const page = pages.get(req.url ?? '');
  if (page === undefined) res.writeHead(404).end();
  else res.writeHead(200, { 'content-type': page.type }).end(page.body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const folder = { kb: buildKnowledgeBase([]) };

try {
  // Seed: DISTINCT articles extracted for real, stored N times under distinct ids.
  let t0 = performance.now();
  const templates = Array.from({ length: DISTINCT }, (_, i) => {
    const g = generateArticle(7, i);
    const parsed = parseArticle({ id: g.id, file: `${g.id}.md`, text: g.text });
    if (!parsed.ok) throw new Error(parsed.reason);
    return { g, json: JSON.stringify(packKnowledge(extractKnowledge(parsed.article))) };
  });
  const opened = openStore(dir);
  if (!opened.ok) throw new Error(opened.reason);
  for (let n = 0; n < N; n++) {
    const t = templates[n % DISTINCT] as (typeof templates)[number];
    const id = `${t.g.id}-c${n}`;
    const raw = `${t.g.text}\n\nCopy ${n}.\n`;
    opened.value.insertArticle(
      {
        articleId: id,
        scope: 'guild-big',
        fileName: `${id}.md`,
        title: t.g.truth.title,
        sourceUrl: null,
        canonicalUrl: null,
        fetchedAt: new Date().toISOString(),
        contentHash: contentHash(raw),
        raw,
        addedBy: 'bench',
      },
      { pipeline: STORE_PIPELINE, json: t.json.split(`"${t.g.id}`).join(`"${id}`) },
    );
  }
  opened.value.close();
  console.log(`seeded ${N} stored articles (${DISTINCT} distinct) in ${ms(t0)} ms`);

  // 1. Start-up: the first (cold: rows' cached knowledge, index built, view snapshot written), then warm.
  t0 = performance.now();
  const cold = await openLibrary(folder, { dataDir: dir, allowPrivate: true });
  if (cold.problem) throw new Error(cold.problem);
  cold.library.kbFor('guild-big');
  const coldMs = ms(t0);
  cold.library.close();
  t0 = performance.now();
  const { library, problem, loaded } = await openLibrary(folder, { dataDir: dir, allowPrivate: true });
  if (problem) throw new Error(problem);
  const loadMs = ms(t0);
  t0 = performance.now();
  const view = library.kbFor('guild-big');
  const viewMs = ms(t0);
  console.log(
    `start-up with ${loaded} stored articles in one server: first ${coldMs} ms; warm ${loadMs} ms + first answer view ${viewMs} ms = ${loadMs + viewMs} ms (target ≤ 5000); ${view.articles.length} articles answerable; heap ${mb(process.memoryUsage().heapUsed)} MB`,
  );

  // 2. /article add of a 50 KB page.
  const addTimes: number[] = [];
  for (let k = 0; k < 5; k++) {
    const paragraphs: string[] = [];
    for (let i = 0; paragraphs.join('').length < 50_000; i++)
      paragraphs.push(
        ...generateArticle(11 + k, i)
          .text.split('\n\n')
          .slice(6)
          .map((p) => `<p>${p.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')}</p>`),
      );
    const html = `<html><head><title>Long report ${k}</title></head><body><article>${paragraphs.join('\n')}</article></body></html>`;
    pages.set(`/long-${k}`, { type: 'text/html; charset=utf-8', body: html });
    t0 = performance.now();
    const added = await library.addUrl(`${base}/long-${k}`, { scope: 'guild-add', addedBy: 'bench' });
    addTimes.push(ms(t0));
    if (!added.ok) throw new Error(added.reason);
  }
  console.log(
    `/article add of a ${Math.round((pages.get('/long-0')?.body.length ?? 0) / 1024)} KB page: median ${median(addTimes)} ms, max ${Math.max(...addTimes)} ms (target ≤ 1000)`,
  );

  // 3. RSS poll of 100 new items.
  pages.set('/feed.xml', {
    type: 'application/rss+xml',
    body: '<rss version="2.0"><channel><title>Bench</title></channel></rss>',
  });
  const followed = await followFeed(
    { library, fetchFeed: (u) => library.fetchFeed(u) },
    { scope: 'guild-feed', url: `${base}/feed.xml`, channelId: '1', addedBy: 'bench' },
  );
  if (!followed.ok) throw new Error(followed.reason);
  const items: string[] = [];
  for (let i = 0; i < 100; i++) {
    const g = generateArticle(23, i);
    pages.set(`/item-${i}`, { type: 'text/markdown', body: g.text });
    items.push(`<item><title>Item ${i}</title><link>${base}/item-${i}</link><guid>item-${i}</guid></item>`);
  }
  pages.set('/feed.xml', {
    type: 'application/rss+xml',
    body: `<rss version="2.0"><channel><title>Bench</title>${items.join('')}</channel></rss>`,
  });
  let cards = 0;
  t0 = performance.now();
  const polled = await pollFeed(
    { library, fetchFeed: (u) => library.fetchFeed(u), post: () => Promise.resolve(++cards > 0) },
    followed.value.feed,
  );
  const pollMs = ms(t0);
  if (!polled.ok) throw new Error(polled.reason);
  console.log(
    `RSS poll of 100 new items: ${pollMs} ms (target ≤ 5000); added ${polled.value.added}, cards ${cards}, failed ${polled.value.failed.length}`,
  );

  // 4. Memory of per-server views (fresh library over a small database).
  library.close();
  const small = mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-views-'));
  try {
    const viewsLib = (await openLibrary(folder, { dataDir: small, allowPrivate: true })).library;
    for (let g = 0; g < 20; g++)
      for (let i = 0; i < 10; i++)
        viewsLib.addText(
          { scope: `guild-${g}`, addedBy: 'bench' },
          { text: generateArticle(31 + g, i).text, contentType: 'text/markdown' },
        );
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let g = 0; g < 20; g++) viewsLib.kbFor(`guild-${g}`);
    global.gc?.();
    console.log(
      `memory: 20 server views of 10 added articles each: +${mb(process.memoryUsage().heapUsed - before)} MB heap${global.gc ? '' : ' (run with --expose-gc for exact figures)'}`,
    );
    viewsLib.close();
  } finally {
    rmSync(small, { recursive: true, force: true });
  }
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
