import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/wait.ts';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { execute } from '../../src/dispatch.ts';
import { watchArticles } from '../../src/reload.ts';
import type { ArticleWatcher } from '../../src/reload.ts';

let dir: string;
let app: App;
let watcher: ArticleWatcher | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-reload-'));
  await copyFile('seeds/russia-tajikistan-base.txt', path.join(dir, 'seed.txt'));
  app = await loadApp({ articlesDir: dir });
});
afterEach(async () => {
  watcher?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('hot reload', () => {
  it('picks up an added article without a restart, and /articles shows it', async () => {
    watcher = watchArticles(app, dir, { debounceMs: 50 });
    await copyFile('tests/fixtures/answers/observatory-funding.txt', path.join(dir, 'observatory.txt'));
    await waitUntil(() => app.kb.articles.length === 2, 5000, 'the reload');
    const answer = await execute(app, 'articles', {});
    expect(answer.ok && answer.results.map((r) => r.title)).toContain(
      'Mountain Observatory Wins Funding for New Telescope',
    );
  });

  it('drops a removed article and re-reads a changed one', async () => {
    await copyFile('tests/fixtures/answers/observatory-funding.txt', path.join(dir, 'observatory.txt'));
    watcher = watchArticles(app, dir, { debounceMs: 50 });
    await watcher.reload();
    expect(app.kb.articles).toHaveLength(2);
    await rm(path.join(dir, 'observatory.txt'));
    await writeFile(path.join(dir, 'seed.txt'), 'A new title\n\n“Everything changed,” Mira Holt said.\n');
    await waitUntil(
      () => app.kb.articles.length === 1 && app.kb.articles[0]?.meta.title === 'A new title',
      5000,
      'the reload',
    );
    expect(app.kb.knowledge[0]?.quotes[0]?.speaker).toBe('Mira Holt');
  });

  it('keeps answering from the old knowledge while a reload runs', async () => {
    watcher = watchArticles(app, dir, { debounceMs: 10_000 });
    const before = app.kb;
    const pending = watcher.reload();
    // An interaction that started before the swap still holds a complete knowledge base.
    const answer = await execute({ kb: before, commands: app.commands }, 'who-said', {
      quote: 'hasty withdrawal',
    });
    expect(answer.ok && answer.results[0]?.speaker).toBe('Sergei Lavrov');
    await pending;
    expect(app.kb).not.toBe(before);
  });

  it('keeps serving the previous articles when the folder disappears', async () => {
    watcher = watchArticles(app, dir, { debounceMs: 50 });
    await rm(dir, { recursive: true, force: true });
    await expect(watcher.reload()).rejects.toThrow(/folder not found/);
    expect(app.kb.articles).toHaveLength(1);
    const answer = await execute(app, 'who-said', { quote: 'hasty withdrawal' });
    expect(answer.ok && answer.results[0]?.speaker).toBe('Sergei Lavrov');
  });
});
