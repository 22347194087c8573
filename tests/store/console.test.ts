import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/console.ts';
import { DB_FILE } from '../../src/store/db.ts';
import { FIXTURES } from '../helpers/kb.ts';
import { FERRY_MD } from './fixtures.ts';

let server: Server;
let base = '';
let dataDir = '';

beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(FERRY_MD));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-console-'));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

async function consoleRun(
  line: string,
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runConsole({
    argv: ['--articles', FIXTURES, line],
    stdin: Readable.from(['']),
    stdout,
    stderr,
    env: { CACHE_DIR: 'off', ...env },
  });
  return { code, out, err };
}

describe('the console stores added articles in the same database', () => {
  it('/article add url: stores, and a later console run answers from it', async () => {
    const env = { DATA_DIR: dataDir, ALLOW_PRIVATE_URLS: 'on' };
    const added = await consoleRun(`/article add url:${base}/ferry.md`, env);
    expect(added.out).toContain('Added "Island ferry service halted after storm damage"');
    const asked = await consoleRun('/who-said quote:Fresh milk lasts two days', env);
    expect(asked.out).toContain('Pablo Ferreira');
  });

  it('refuses loopback links unless ALLOW_PRIVATE_URLS is on', async () => {
    const refused = await consoleRun(`/article add url:${base}/ferry.md`, { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/loopback address; the bot does not fetch from private networks/);
  });

  it('warns about a corrupt database by name and still answers from the articles folder', async () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'newsroom-console-bad-'));
    try {
      writeFileSync(path.join(broken, DB_FILE), 'garbage '.repeat(1000));
      const run = await consoleRun('/articles', { DATA_DIR: broken });
      expect(run.err).toMatch(/added articles are unavailable: .*newsroom\.db: the database is corrupt/);
      expect(run.code).toBe(0);
      expect(run.out).not.toBe('');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
