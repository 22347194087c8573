import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirOf, readConfig } from '../../src/config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** tsx by absolute URL: the child runs in a folder outside the project. */
const tsxLoader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

describe('folders stay usable when the working directory is deleted under the bot', () => {
  it('the cache folder and DATA_DIR are absolute from the start', () => {
    expect(path.isAbsolute(cacheDirOf({ CACHE_DIR: '.cache/knowledge' }) ?? '')).toBe(true);
    expect(cacheDirOf({ CACHE_DIR: 'off' })).toBeNull();
    const read = readConfig({ DATA_DIR: 'data' });
    expect(read.ok && path.isAbsolute(read.config.DATA_DIR)).toBe(true);
  });

  it('creating the cache folder after the working directory vanished fails or succeeds, never spins', () => {
    // A relative recursive mkdir in a deleted cwd never settles (Node spins at full CPU); the
    // absolute path resolved at start settles at once.
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'newsroom-cwd-'));
    const script = `
      const { cacheDirOf } = await import(${JSON.stringify(path.join(root, 'src/config.ts'))});
      const fs = await import('node:fs');
      const dir = cacheDirOf({ CACHE_DIR: '.cache/knowledge' });
      fs.rmSync(process.cwd(), { recursive: true });
      await fs.promises.mkdir(dir, { recursive: true }).then(() => {}, () => {});
      fs.rmSync(${JSON.stringify(cwd)}, { recursive: true, force: true });
      console.log('settled');
    `;
    const run = spawnSync(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], {
      cwd,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stdout).toContain('settled');
  });
});
