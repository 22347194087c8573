import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionBudgetMs, loadKnowledge } from '../../src/knowledge/loader.ts';

/**
 * The safety net under extraction: each file extracts in a worker with a budget. A file that
 * runs past it (here a stand-in extractor that never returns) is a named load problem; its worker
 * is replaced and every other file still loads.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-budget-'));
  const article = (title: string): string =>
    `${title}\n\nThe council met on Monday and agreed a new budget, the mayor said.\n`;
  for (const name of ['a-first', 'b-stall', 'c-middle', 'd-stall-again', 'e-last'])
    await writeFile(path.join(dir, `${name}.txt`), article(`Article ${name}`));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extraction budget', () => {
  it('names the files that run past their budget and loads the rest', async () => {
    const loaded = await loadKnowledge(dir, {
      cacheDir: null,
      workers: 1,
      workerThreshold: 1,
      workerModule: new URL('./stalling-worker.ts', import.meta.url),
      budgetMs: () => 400,
    });
    expect(loaded.knowledge.map((k) => k.article.id)).toEqual(['a-first', 'c-middle', 'e-last']);
    expect(loaded.problems.map((p) => path.basename(p.file))).toEqual(['b-stall.txt', 'd-stall-again.txt']);
    for (const p of loaded.problems) expect(p.reason).toMatch(/longer than/);
  }, 60_000);

  it('gives a larger article a proportionally larger budget, never under 2 s', () => {
    expect(extractionBudgetMs(1_000)).toBe(2000);
    expect(extractionBudgetMs(2_000_000)).toBe(10 * extractionBudgetMs(200_000));
  });
});
