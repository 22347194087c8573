import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { runConsole } from '../../src/console.ts';
import { MAX_LINE, capLines, stripControls } from '../../src/console-safety.ts';
import { launchBot } from '../../src/discord/start.ts';
import { createLogger } from '../../src/logger.ts';
import { startFakeDiscord } from '../fake-discord/index.ts';
import { FAKE_TOKEN, fakeConfig } from '../e2e/harness.ts';

/**
 * The console never passes terminal control sequences from article text to the terminal, reads
 * an endless stdin line in bounded memory, and a trace-level log never shows part of the token.
 */

let dir: string;
let app: App;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-escapes-'));
  await writeFile(
    path.join(dir, 'escapes.txt'),
    'Harbour \u001b]0;pwned\u0007news \u001b[2J\u001b[31mtoday\n\nThe council \u001b[8mhid this\u001b[0m closed the pier on Monday, the mayor said.\n\n' +
      'The harbour master said repairs would take the whole summer and cost more than planned. '.repeat(40),
  );
  app = await loadApp({ articlesDir: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], stdin: Readable): Promise<{ code: number; stdout: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.resume();
  const code = await runConsole({ argv, stdin, stdout, stderr, env: {} }, app);
  return { code, stdout: out };
}

describe('console output', () => {
  it('strips escape sequences and control characters from article text', async () => {
    const { stdout } = await run(['/source'], Readable.from(['']));
    expect(stdout).toContain('today');
    expect(stdout).toBe(stripControls(stdout));
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toContain('pwned');
  });

  it('keeps tabs, newlines and ordinary text', () => {
    expect(stripControls('a\tb\nc “d” é')).toBe('a\tb\nc “d” é');
    expect(stripControls('x\u001b[1;31my\u0000z\u009bw')).toBe('xyzw');
  });
});

describe('console input', () => {
  it('answers after a huge line of NUL bytes, which it reads in bounded pieces', async () => {
    const chunk = Buffer.alloc(1024 * 1024);
    const stdin = Readable.from(
      (function* () {
        for (let i = 0; i < 32; i++) yield chunk;
        yield Buffer.from('\n/articles\n');
      })(),
    );
    const { stdout } = await run(['--json'], stdin);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ ok: false });
    expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({ command: 'articles', ok: true });
  });

  it('caps every line at the limit, keeping the line breaks', async () => {
    const capped = Readable.from([Buffer.from(`${'a'.repeat(MAX_LINE * 3)}\nshort\n`)]).pipe(capLines());
    const chunks: Buffer[] = [];
    for await (const c of capped) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString();
    expect(text.split('\n').map((l) => l.length)).toEqual([MAX_LINE, 5, 0]);
  });
});

describe('trace logging', () => {
  it('never shows the first parts of the token', async () => {
    const fake = await startFakeDiscord({ token: FAKE_TOKEN, heartbeatIntervalMs: 2000 });
    let raw = '';
    const destination = new Writable({
      write(chunk: Buffer, _e, done) {
        raw += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ level: 'trace', secrets: [FAKE_TOKEN], destination });
    const bot = await launchBot(fakeConfig(fake, { LOG_LEVEL: 'trace' }), {
      app,
      logger,
      loginTimeoutMs: 10_000,
    });
    try {
      expect(raw).toContain('discord.js');
      expect(raw).not.toContain(FAKE_TOKEN.split('.').slice(0, 2).join('.'));
    } finally {
      await bot.stop();
      await fake.close();
    }
  }, 30_000);
});
