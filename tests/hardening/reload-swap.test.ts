import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { watchArticles } from '../../src/reload.ts';
import type { ArticleWatcher, FolderState } from '../../src/reload.ts';
import { waitUntil } from '../helpers/wait.ts';

/**
 * Hot reload follows the articles folder by its path, not the first folder it saw: a release
 * swap of a symlink, `rm -rf` + `mkdir`, or rename + re-create each serve the new folder's
 * articles, later edits in it are still picked up, and each change of the folder is reported.
 */

const article = (title: string): string =>
  `${title}\n\nThe council met on Monday and agreed to repair the harbour wall, the mayor said.\n`;

let base: string;
let app: App | undefined;
let watcher: ArticleWatcher | undefined;
let states: FolderState[];
beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'newsroom-swap-'));
  states = [];
});
afterEach(async () => {
  watcher?.close();
  await rm(base, { recursive: true, force: true });
});

const titles = (): string[] => (app?.kb.articles ?? []).map((a) => a.meta.title).sort();

async function watch(dir: string): Promise<void> {
  app = await loadApp({ articlesDir: dir });
  watcher = watchArticles(app, dir, { debounceMs: 50, pollMs: 200, onFolder: (s) => states.push(s) });
}

async function servesAfterEdit(dir: string, expected: string[]): Promise<void> {
  await waitUntil(
    () => titles().join('|') === expected.join('|'),
    8000,
    () => `titles ${titles().join('|')}`,
  );
  // The watch was re-attached: an edit inside the new folder is picked up too.
  await writeFile(path.join(dir, 'zz-later.txt'), article('Later edit'));
  const after = [...expected, 'Later edit'].sort();
  await waitUntil(
    () => titles().join('|') === after.join('|'),
    8000,
    () => `titles ${titles().join('|')}`,
  );
}

describe('hot reload when the articles folder is replaced', () => {
  it('follows an ln -sfn release swap', async () => {
    for (const r of ['r1', 'r2']) await mkdir(path.join(base, r));
    await writeFile(path.join(base, 'r1', 'a.txt'), article('Release one'));
    await writeFile(path.join(base, 'r2', 'b.txt'), article('Release two'));
    const current = path.join(base, 'current');
    await symlink(path.join(base, 'r1'), current);
    await watch(current);
    expect(titles()).toEqual(['Release one']);
    // ln -sfn: a new link renamed over the old one.
    await symlink(path.join(base, 'r2'), `${current}.new`);
    await rename(`${current}.new`, current);
    await servesAfterEdit(path.join(base, 'r2'), ['Release two']);
    expect(states).toContain('replaced');
  }, 30_000);

  it('follows rm -rf and mkdir of the same path', async () => {
    const dir = path.join(base, 'articles');
    await mkdir(dir);
    await writeFile(path.join(dir, 'a.txt'), article('Before the wipe'));
    await watch(dir);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    await writeFile(path.join(dir, 'b.txt'), article('After the wipe'));
    await servesAfterEdit(dir, ['After the wipe']);
    expect(states.some((s) => s === 'replaced' || s === 'back')).toBe(true);
  }, 30_000);

  it('follows a rename and re-create, and keeps serving while the folder is missing', async () => {
    const dir = path.join(base, 'articles');
    await mkdir(dir);
    await writeFile(path.join(dir, 'a.txt'), article('Old folder'));
    await watch(dir);
    await rename(dir, path.join(base, 'articles.old'));
    await waitUntil(() => states.includes('missing'), 8000, 'the folder to be reported missing');
    expect(titles()).toEqual(['Old folder']);
    await mkdir(dir);
    await writeFile(path.join(dir, 'b.txt'), article('New folder'));
    await servesAfterEdit(dir, ['New folder']);
    expect(states).toContain('back');
  }, 30_000);
});
