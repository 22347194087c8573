import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/wait.ts';
import { startBot } from '../../src/discord/start.ts';
import { slashCommand, startFakeDiscord } from '../fake-discord/index.ts';
import type { FakeDiscord } from '../fake-discord/index.ts';
import { FAKE_TOKEN, REPO, fakeConfig, memoryLogger, messageOf, newUser, textOf } from './harness.ts';

/** `npm start` (tsx src/main.ts) as a real child process against the fake, and start-up failures. */

const fakes: FakeDiscord[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(fakes.map((f) => f.close()));
});

describe('npm start', () => {
  it('answers /who-said with Lavrov and a ¶ citation, then exits 0 on SIGTERM', async () => {
    const fake = await startFakeDiscord({ token: FAKE_TOKEN, heartbeatIntervalMs: 2000 });
    fakes.push(fake);
    const child = spawn(path.join(REPO, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      cwd: REPO,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        ARTICLES_DIR: 'seeds',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const started = Date.now();
    await waitUntil(
      () => output.includes('answering interactions'),
      20_000,
      `the bot to connect; output so far:\n${output}`,
    );
    const loginMs = Date.now() - started;

    const handle = fake.sendInteraction(
      slashCommand('who-said', { quote: 'hasty withdrawal' }, { user: newUser() }),
    );
    const callback = await handle.response({ timeoutMs: 5000 });
    expect(callback.type).toBe(4);
    expect(callback.ms).toBeLessThan(3000);
    const data = messageOf(callback);
    expect(textOf(data)).toContain('Sergei Lavrov');
    expect(data.embeds?.[0]?.description).toMatch(/ · ¶\d+ · /);

    child.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000)),
    ]);
    expect(code).toBe(0);
    expect(output).not.toContain(FAKE_TOKEN);
    expect(output).toContain('stopped');
    console.log(`npm start: connected in ${loginMs} ms, first answer in ${callback.ms} ms`);
  }, 40_000);
});

describe('start-up failures', () => {
  it('an invalid token is a clear message and exit code 1', async () => {
    const fake = await startFakeDiscord({ token: 'MTA.other.token', heartbeatIntervalMs: 2000 });
    fakes.push(fake);
    const { logger, lines, raw } = memoryLogger([FAKE_TOKEN]);
    const code = await startBot(fakeConfig(fake, { DISCORD_TOKEN: FAKE_TOKEN }), {
      logger,
      loginTimeoutMs: 10_000,
    });
    expect(code).toBe(1);
    expect(
      lines.some((l) => l.level === 60 && String(l.msg).includes('Discord rejected DISCORD_TOKEN')),
    ).toBe(true);
    expect(raw()).not.toContain(FAKE_TOKEN);
  });

  it('an unreachable Discord times out with exit code 1', async () => {
    const fake = await startFakeDiscord({ token: FAKE_TOKEN });
    const config = fakeConfig(fake);
    await fake.close();
    const { logger, lines } = memoryLogger([FAKE_TOKEN]);
    const started = Date.now();
    const code = await startBot(config, { logger, loginTimeoutMs: 1500 });
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(lines.some((l) => l.level === 60)).toBe(true);
  });
});
