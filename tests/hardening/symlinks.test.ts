import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/article/load.ts';

/**
 * The articles folder may hold links, but only a regular file whose real path is inside the
 * folder loads: a link to a secret next to it (an `.env`) or to a system file would otherwise be
 * published as an article's title. FIFOs, devices and folder links are refused by name, and a
 * FIFO never blocks loading.
 */

const ARTICLE = (title: string): string =>
  `${title}\n\nBy Ana Ruiz\n\nThe council closed the old bridge on Monday, the mayor said.\n`;

let base: string;
let dir: string;
let result: Awaited<ReturnType<typeof loadArticles>>;
const reasonOf = (name: string): string | undefined =>
  result.problems.find((p) => p.file === path.join(dir, name))?.reason;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'newsroom-links-'));
  dir = path.join(base, 'articles');
  await mkdir(path.join(dir, 'nested'), { recursive: true });
  await writeFile(path.join(base, '.env'), 'DISCORD_TOKEN=secret-token-value\n');
  await writeFile(path.join(base, 'outside.txt'), ARTICLE('Outside the folder'));
  await writeFile(path.join(dir, 'plain.txt'), ARTICLE('A plain article'));
  await writeFile(path.join(dir, 'nested', 'inner.txt'), ARTICLE('Inside a sub-folder'));
  await symlink(path.join(base, '.env'), path.join(dir, 'env.txt'));
  await symlink('../outside.txt', path.join(dir, 'relative-out.txt'));
  await symlink('/etc/hostname', path.join(dir, 'system.txt'));
  await symlink('/dev/zero', path.join(dir, 'device.txt'));
  await symlink(path.join(dir, 'nested'), path.join(dir, 'folder-link.txt'), 'dir');
  await symlink('nested/inner.txt', path.join(dir, 'inner-link.txt'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  execFileSync('mkfifo', [path.join(base, 'outside-pipe')]);
  await symlink(path.join(base, 'outside-pipe'), path.join(dir, 'pipe-link.txt'));
  result = await loadArticles(dir);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('links in the articles folder', () => {
  it('never loads a secret next to the folder as an article', () => {
    expect(result.articles.map((a) => a.meta.title).join(' ')).not.toContain('secret-token-value');
    expect(reasonOf('env.txt')).toMatch(/outside the articles folder/);
  });

  it('refuses links leading out of the folder, relative or absolute', () => {
    expect(reasonOf('relative-out.txt')).toMatch(/outside/);
    expect(reasonOf('system.txt')).toMatch(/outside/);
    expect(reasonOf('device.txt')).toMatch(/outside|not a regular file/);
  });

  it('refuses a FIFO and a folder link by name without blocking', () => {
    expect(reasonOf('pipe.txt')).toMatch(/not a regular file/);
    expect(reasonOf('folder-link.txt')).toMatch(/not a regular file/);
    expect(reasonOf('pipe-link.txt')).toMatch(/outside|not a regular file/);
  });

  it('still loads regular files and links that stay inside the folder', () => {
    const titles = result.articles.map((a) => a.meta.title).sort();
    expect(titles).toEqual(['A plain article', 'Inside a sub-folder']);
  });
});
