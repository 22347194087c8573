import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';

let dir: string;
let cache: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-articles-'));
  cache = await mkdtemp(path.join(os.tmpdir(), 'newsroom-cache-'));
  await copyFile('seeds/russia-tajikistan-base.txt', path.join(dir, 'seed.txt'));
  await copyFile('tests/fixtures/answers/harbour-ferry-closure.md', path.join(dir, 'ferry.md'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

async function cacheFiles(): Promise<string[]> {
  const [folder] = await readdir(cache);
  return folder ? (await readdir(path.join(cache, folder))).filter((f) => f.endsWith('.json')) : [];
}

describe('knowledge cache', () => {
  it('extracts on the first load and reads everything back from the cache on the second', async () => {
    const cold = await loadKnowledge(dir, { cacheDir: cache });
    expect(cold.stats).toMatchObject({ files: 2, fromCache: 0, extracted: 2 });
    const warm = await loadKnowledge(dir, { cacheDir: cache });
    expect(warm.stats).toMatchObject({ files: 2, fromCache: 2, extracted: 0 });
    expect(warm.knowledge.map((k) => k.quotes.length)).toEqual(cold.knowledge.map((k) => k.quotes.length));
    expect(warm.knowledge[1]?.quotes[0]?.speaker).toBe(cold.knowledge[1]?.quotes[0]?.speaker);
  });

  it('re-extracts a changed file and drops a removed one, pruning its cache entry', async () => {
    await loadKnowledge(dir, { cacheDir: cache });
    expect(await cacheFiles()).toHaveLength(2);
    await writeFile(
      path.join(dir, 'ferry.md'),
      '---\ntitle: "Changed"\n---\n\n“We changed it,” Ana Ruiz said.\n',
    );
    await rm(path.join(dir, 'seed.txt'));
    const next = await loadKnowledge(dir, { cacheDir: cache });
    expect(next.stats).toMatchObject({ files: 1, fromCache: 0, extracted: 1 });
    expect(next.knowledge.map((k) => k.article.meta.title)).toEqual(['Changed']);
    expect(await cacheFiles()).toHaveLength(1);
  });

  it('rebuilds a corrupt cache entry instead of failing', async () => {
    await loadKnowledge(dir, { cacheDir: cache });
    const [folder] = await readdir(cache);
    for (const f of await cacheFiles()) await writeFile(path.join(cache, folder ?? '', f), '{"trunc');
    const again = await loadKnowledge(dir, { cacheDir: cache });
    expect(again.stats).toMatchObject({ fromCache: 0, extracted: 2 });
    expect(again.problems).toEqual([]);
  });

  it('extracts in worker threads with the same result as in process', async () => {
    const inProcess = await loadKnowledge(dir, { cacheDir: null, workers: 0 });
    const pooled = await loadKnowledge(dir, { cacheDir: null, workers: 2, workerThreshold: 1 });
    expect(pooled.stats.workers).toBeGreaterThan(0);
    expect(JSON.stringify(pooled.knowledge)).toBe(JSON.stringify(inProcess.knowledge));
  });

  it('reports broken files by name and loads the rest', async () => {
    await writeFile(path.join(dir, 'empty.txt'), '');
    const result = await loadKnowledge(dir, { cacheDir: cache });
    expect(result.knowledge).toHaveLength(2);
    expect(result.problems).toEqual([{ file: path.join(dir, 'empty.txt'), reason: 'empty file' }]);
  });

  it('reports progress up to the number of files', async () => {
    const seen: number[] = [];
    await loadKnowledge(dir, { cacheDir: null, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
  });
});

describe('knowledge snapshot', () => {
  it('starts warm from a snapshot with the same answers as a fresh build', async () => {
    const { buildKnowledge } = await import('../../src/app.ts');
    const { whoSaid } = await import('../../src/answers/who-said.ts');
    const { ask } = await import('../../src/answers/ask.ts');
    const fresh = await buildKnowledge(dir, { cacheDir: null });
    await buildKnowledge(dir, { cacheDir: cache }); // writes the snapshot
    const seen: number[] = [];
    const warm = await buildKnowledge(dir, { cacheDir: cache, onProgress: (d) => seen.push(d) });
    const [folder] = await readdir(cache);
    expect(await readdir(path.join(cache, folder ?? ''))).toContain('snapshot.bin');
    for (const q of ['hasty withdrawal', 'nobody asked us', 'we will do everythng']) {
      expect(whoSaid(warm.kb, q)).toEqual(whoSaid(fresh.kb, q));
    }
    expect(ask(warm.kb, 'How many reservists did Tajikistan activate?')).toEqual(
      ask(fresh.kb, 'How many reservists did Tajikistan activate?'),
    );
    expect(warm.kb.articles[0]?.paragraphs[0]?.sentences[0]?.text).toBe(
      fresh.kb.articles[0]?.paragraphs[0]?.sentences[0]?.text,
    );
  });

  it('is not used once a file changes', async () => {
    const first = await loadKnowledge(dir, { cacheDir: cache });
    const { buildKnowledgeBase } = await import('../../src/knowledge/knowledge-base.ts');
    const { writeSnapshot } = await import('../../src/knowledge/snapshot.ts');
    const target = first.snapshotTarget;
    if (!target) throw new Error('expected a snapshot target');
    await writeSnapshot(target.folder, target.key, {
      knowledge: first.knowledge,
      indexes: buildKnowledgeBase(first.knowledge).indexState(),
      problems: [],
    });
    expect((await loadKnowledge(dir, { cacheDir: cache })).stats.snapshot).toBe(true);
    await writeFile(
      path.join(dir, 'ferry.md'),
      '---\ntitle: "Changed"\n---\n\n“We changed it,” Ana Ruiz said.\n',
    );
    const after = await loadKnowledge(dir, { cacheDir: cache });
    expect(after.stats.snapshot).toBe(false);
    expect(after.knowledge.map((k) => k.article.meta.title)).toContain('Changed');
  });

  it('falls back to the per-file cache when the snapshot is damaged', async () => {
    const { buildKnowledge } = await import('../../src/app.ts');
    await buildKnowledge(dir, { cacheDir: cache });
    const [folder] = await readdir(cache);
    await writeFile(path.join(cache, folder ?? '', 'snapshot.bin'), 'NWSNAP04garbage');
    const again = await loadKnowledge(dir, { cacheDir: cache });
    expect(again.stats).toMatchObject({ snapshot: false, fromCache: 2 });
  });
});
