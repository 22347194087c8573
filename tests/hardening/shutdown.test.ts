import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/wait.ts';
import { slashCommand, startFakeDiscord } from '../fake-discord/index.ts';
import type { FakeDiscord } from '../fake-discord/index.ts';
import { loadApp } from '../../src/app.ts';
import { FAKE_TOKEN, REPO, newUser, startHarness } from '../e2e/harness.ts';

/**
 * Stopping never hangs: not while a REST request waits out an hour-long 429, and SIGHUP stops
 * the bot as SIGTERM does (by default it kills the process without a word).
 */

const fakes: FakeDiscord[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(fakes.map((f) => f.close()));
});

async function startProcess(): Promise<{
  fake: FakeDiscord;
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}> {
  const fake = await startFakeDiscord({ token: FAKE_TOKEN, heartbeatIntervalMs: 2000 });
  fakes.push(fake);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      ARTICLES_DIR: 'seeds',
      CACHE_DIR: 'off',
      WATCH_ARTICLES: 'off',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await waitUntil(
    () => out.includes('answering interactions'),
    30_000,
    () => `the bot to connect:\n${out}`,
  );
  return { fake, child, output: () => out, exited };
}

/** The exit, or 'still running' when it has not come after `ms` (a hang, not a slow exit). */
const exitWithin = (
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  ms: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'still running'> =>
  Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms))]);

describe('stopping the bot', () => {
  it('exits cleanly on SIGTERM while a reply waits out a 429', async () => {
    const { fake, child, output, exited } = await startProcess();
    fake.failNext({ method: 'POST', pathIncludes: '/callback', status: 429, retryAfter: 50 });
    const handle = fake.sendInteraction(slashCommand('articles', {}, { user: newUser() }));
    const limited = (): boolean =>
      fake.requests.some((r) => r.path.includes(`/interactions/${handle.id}/`) && r.status === 429);
    await waitUntil(limited, 10_000, 'the 429');
    child.kill('SIGTERM');
    expect(await exitWithin(exited, 8000)).toEqual({ code: 0, signal: null });
    expect(output()).toContain('stopped');
  }, 60_000);

  it('a reply limited for an hour fails at once (logged) instead of holding the bot', async () => {
    const h = await startHarness({ app: await loadApp({ articlesDir: 'seeds' }) });
    try {
      h.fake.failNext({ method: 'POST', pathIncludes: '/callback', status: 429, retryAfter: 3600 });
      const handle = h.fake.sendInteraction(slashCommand('articles', {}, { user: newUser() }));
      const logged = await h.fake.waitFor(
        () => h.logs.find((l) => l.msg === 'Discord rejected reply' && l.interaction === handle.id),
        { timeoutMs: 8000 },
      );
      expect(logged).toBeDefined();
    } finally {
      await h.close();
    }
  }, 30_000);

  it('SIGHUP stops it like SIGTERM: logged, exit code 0', async () => {
    const { fake, child, output, exited } = await startProcess();
    // A bot that has answered once is fully up (gateway settled, typo tables built), as a bot a
    // supervisor or a closed terminal sends SIGHUP to is.
    const handle = fake.sendInteraction(slashCommand('articles', {}, { user: newUser() }));
    const answered = (): boolean =>
      fake.requests.some((r) => r.path.includes(`/interactions/${handle.id}/`) && r.status < 300);
    await waitUntil(answered, 10_000, 'the first answer');
    child.kill('SIGHUP');
    expect(await exitWithin(exited, 8000)).toEqual({ code: 0, signal: null });
    expect(output()).toMatch(/"signal":"SIGHUP"/);
    expect(output()).toContain('stopped');
  }, 60_000);
});
