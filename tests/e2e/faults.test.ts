import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import type { Command } from '../../src/command.ts';
import { launchBot } from '../../src/discord/start.ts';
import type { LaunchOptions, RunningBot } from '../../src/discord/start.ts';
import { writeCorpus } from '../../bench/generate.ts';
import { slashCommand, startFakeDiscord } from '../fake-discord/index.ts';
import type { FakeDiscord, FakeDiscordOptions, InteractionHandle } from '../fake-discord/index.ts';
import { FAKE_TOKEN, REPO, SEEDS, fakeConfig, memoryLogger, messageOf, newUser, textOf } from './harness.ts';

/**
 * Faults through the fake Discord: gateway reconnects, zombie and cut connections around bursts
 * of interactions (each answered exactly once), REST 429 / 5xx / slow / 10062 / 40060 (logged,
 * handled, no crash, no unhandled rejection), and process-level failures of `npm start`.
 */

// Every unhandled rejection or uncaught exception in this file's process fails the last test.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

interface Bot {
  fake: FakeDiscord;
  bot: RunningBot;
  logs: Record<string, unknown>[];
  raw: () => string;
  close(): Promise<void>;
}

const running: Bot[] = [];

/** The real bot against a fake with short heartbeats, so zombie detection takes ~1 s, not 80. */
async function startBotOn(
  fakeOptions: FakeDiscordOptions = {},
  launch: Omit<LaunchOptions, 'logger'> = {},
  env: Record<string, string> = {},
): Promise<Bot> {
  const fake = await startFakeDiscord({ token: FAKE_TOKEN, heartbeatIntervalMs: 500, ...fakeOptions });
  const { logger, lines, raw } = memoryLogger([FAKE_TOKEN]);
  const bot = await launchBot(fakeConfig(fake, env), { loginTimeoutMs: 10_000, ...launch, logger }).catch(
    async (error: unknown) => {
      await fake.close();
      throw error;
    },
  );
  const handle: Bot = {
    fake,
    bot,
    logs: lines,
    raw,
    close: async () => {
      await Promise.race([bot.stop(), new Promise((r) => setTimeout(r, 5000))]);
      await fake.close();
    },
  };
  running.push(handle);
  return handle;
}

let app: App;
let main: Bot;

const slowOk = (ms: number): Command => ({
  data: new SlashCommandBuilder().setName('slow-ok').setDescription('Answers after a while'),
  run: async ({ kb, commands, options }) => {
    await new Promise((r) => setTimeout(r, ms));
    const whoSaid = commands.get('who-said');
    if (!whoSaid) throw new Error('who-said missing');
    return whoSaid.run({ kb, commands, options: { ...options, string: () => 'hasty withdrawal' } });
  },
});

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  app = await loadApp({ articlesDir: SEEDS });
  main = await startBotOn(
    {},
    { app, commands: new Map([...app.commands, ['slow-ok', slowOk(250)]]), deferAfterMs: 100 },
  );
});

afterAll(async () => {
  await Promise.all(running.map((b) => b.close()));
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

const QUESTIONS = ['quote:hasty withdrawal', 'speaker:Lavrov'] as const;

/** Sends `n` interactions from distinct users (the cooldown never interferes). */
function burst(fake: FakeDiscord, n: number, tag: string): InteractionHandle[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? fake.sendInteraction(
          slashCommand('who-said', { quote: `hasty withdrawal ${tag}` }, { user: newUser() }),
        )
      : fake.sendInteraction(slashCommand('quotes', { speaker: 'Lavrov' }, { user: newUser() })),
  );
}

/** Every handle got exactly one accepted first answer, in time, and no second attempt. */
async function expectAnsweredOnce(handles: readonly InteractionHandle[]): Promise<void> {
  await Promise.all(handles.map((h) => h.response({ timeoutMs: 8000 })));
  for (const h of handles) {
    const accepted = h.callbacks().filter((c) => c.status < 400);
    expect(accepted, `interaction ${h.id}`).toHaveLength(1);
    expect(
      h.callbacks().some((c) => c.error?.code === 40060),
      `interaction ${h.id} answered twice`,
    ).toBe(false);
    expect(accepted[0]?.ms ?? Infinity).toBeLessThan(3000);
  }
}

describe('gateway faults around a burst of interactions', () => {
  it('op 7 RECONNECT: the bot resumes and answers every interaction exactly once', async () => {
    const { fake } = main;
    const since = Date.now();
    const identifies = fake.gatewayEvents.filter((e) => e.kind === 'identify').length;
    const before = burst(fake, 15, 'a');
    fake.requestReconnect();
    const during = burst(fake, 15, 'b');
    await fake.waitForGatewayEvent('resumed', { since });
    const after = burst(fake, 10, 'c');
    await expectAnsweredOnce([...before, ...during, ...after]);
    // Resumed, not re-identified: a RESUME replays what was sent while the socket was down.
    expect(fake.gatewayEvents.filter((e) => e.kind === 'identify')).toHaveLength(identifies);
  });

  it('a zombie connection (no heartbeat ACK): the bot resumes and answers every interaction once', async () => {
    const { fake } = main;
    const since = Date.now();
    fake.stopHeartbeatAcks();
    const during = burst(fake, 15, 'z');
    await fake.waitForGatewayEvent('resumed', { since }, { timeoutMs: 6000 });
    const after = burst(fake, 15, 'y');
    await expectAnsweredOnce([...during, ...after]);
    expect(fake.gatewayEvents.some((e) => e.kind === 'heartbeat-ack-withheld' && e.at >= since)).toBe(true);
  });

  it('a socket cut mid-burst: the bot resumes and answers every interaction once', async () => {
    const { fake } = main;
    const since = Date.now();
    const first = burst(fake, 15, 'x');
    fake.dropConnections();
    const second = burst(fake, 15, 'w');
    await fake.waitForGatewayEvent('resumed', { since });
    await expectAnsweredOnce([...first, ...second]);
  });
});

describe('REST faults', () => {
  const rejected = (bot: Bot, id: string): Record<string, unknown> | undefined =>
    bot.logs.find(
      (l) => typeof l.msg === 'string' && l.msg.startsWith('Discord rejected') && l.interaction === id,
    );

  it('429 with retry_after on a callback: the reply waits and goes through once', async () => {
    const { fake } = main;
    fake.failNext({ method: 'POST', pathIncludes: '/callback', status: 429, retryAfter: 0.3 });
    const handle = fake.sendInteraction(
      slashCommand('who-said', { quote: QUESTIONS[0].split(':')[1] ?? '' }, { user: newUser() }),
    );
    const callback = await handle.response({ timeoutMs: 5000 });
    expect(textOf(messageOf(callback))).toContain('Lavrov');
    expect(callback.ms).toBeGreaterThanOrEqual(250);
    const calls = fake.requests.filter((r) => r.path.includes(`/interactions/${handle.id}/`));
    expect(calls.map((r) => r.status)).toEqual([429, 204]);
  });

  it('429 on the webhook edit of a deferred answer: the edit is retried and lands once', async () => {
    const { fake } = main;
    fake.failNext({ method: 'PATCH', pathIncludes: '@original', status: 429, retryAfter: 0.2 });
    const handle = fake.sendInteraction(slashCommand('slow-ok', {}, { user: newUser() }));
    expect((await handle.response()).type).toBe(5);
    const edit = await handle.waitForEdit(1, { timeoutMs: 5000 });
    expect(textOf(messageOf(edit, 'edit'))).toContain('Lavrov');
    expect(handle.edits()).toHaveLength(1);
    expect(
      fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(handle.token)).map((r) => r.status),
    ).toEqual([429, 200]);
  });

  it('a 500 then a 502 on a callback: retried, answered once', async () => {
    const { fake } = main;
    fake.failNext({ method: 'POST', pathIncludes: '/callback', status: 500 });
    fake.failNext({ method: 'POST', pathIncludes: '/callback', status: 502 });
    const handle = fake.sendInteraction(slashCommand('quotes', { speaker: 'Lavrov' }, { user: newUser() }));
    await expectAnsweredOnce([handle]);
    expect(
      fake.requests.filter((r) => r.path.includes(`/interactions/${handle.id}/`)).map((r) => r.status),
    ).toEqual([500, 502, 204]);
  });

  it('a callback failing with 5xx on every retry is logged; the next interaction is answered', async () => {
    const { fake } = main;
    fake.failNext({ method: 'POST', pathIncludes: '/callback', status: 502, times: 4 });
    const handle = fake.sendInteraction(slashCommand('articles', {}, { user: newUser() }));
    const logged = await fake.waitFor(() => rejected(main, handle.id), {
      timeoutMs: 10_000,
      description: 'the rejection log line',
    });
    expect(logged.status).toBe(502);
    await expectAnsweredOnce([fake.sendInteraction(slashCommand('articles', {}, { user: newUser() }))]);
  }, 20_000);

  it('a callback held 2.5 s (near the 3 s deadline) is still accepted', async () => {
    const { fake } = main;
    fake.delayNext({ method: 'POST', pathIncludes: '/callback', ms: 2500 });
    const handle = fake.sendInteraction(
      slashCommand('who-said', { quote: 'hasty withdrawal' }, { user: newUser() }),
    );
    const callback = await handle.response({ timeoutMs: 5000 });
    expect(callback.ms).toBeGreaterThanOrEqual(2500);
    expect(callback.ms).toBeLessThan(3000);
  });

  it('a callback held past the deadline gets 10062: logged as such, no retry storm, no crash', async () => {
    const { fake } = main;
    fake.delayNext({ method: 'POST', pathIncludes: '/callback', ms: 3200 });
    const handle = fake.sendInteraction(
      slashCommand('who-said', { quote: 'hasty withdrawal' }, { user: newUser() }),
    );
    const logged = await fake.waitFor(() => rejected(main, handle.id), {
      timeoutMs: 8000,
      description: 'the 10062 log line',
    });
    expect(logged.code).toBe(10062);
    expect(handle.callbacks().map((c) => c.error?.code)).toEqual([10062]);
  }, 15_000);

  it.each([
    [10062, 404, 'Unknown interaction'],
    [40060, 400, 'Interaction has already been acknowledged.'],
  ])(
    'an injected %i on a reply is logged with its code; the bot answers the next one',
    async (code, status, message) => {
      const { fake } = main;
      fake.failNext({ method: 'POST', pathIncludes: '/callback', status, body: { message, code } });
      const handle = fake.sendInteraction(slashCommand('quotes', { speaker: 'Lavrov' }, { user: newUser() }));
      const logged = await fake.waitFor(() => rejected(main, handle.id), {
        timeoutMs: 5000,
        description: `the ${code} log line`,
      });
      expect(logged).toMatchObject({ code, status, action: 'reply' });
      await expectAnsweredOnce([
        fake.sendInteraction(slashCommand('quotes', { speaker: 'Lavrov' }, { user: newUser() })),
      ]);
    },
  );

  it('an injected 10062 on the edit of a deferred answer is logged, not thrown', async () => {
    const { fake } = main;
    fake.failNext({
      method: 'PATCH',
      pathIncludes: '@original',
      status: 404,
      body: { message: 'Unknown interaction', code: 10062 },
    });
    const handle = fake.sendInteraction(slashCommand('slow-ok', {}, { user: newUser() }));
    const logged = await fake.waitFor(() => rejected(main, handle.id), {
      timeoutMs: 5000,
      description: 'the edit rejection',
    });
    expect(logged).toMatchObject({ code: 10062, action: 'edit' });
  });
});

describe('an interaction during an article reload', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-reload-'));
    await cp(SEEDS, dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is answered, and the reloaded articles are served afterwards', async () => {
    const watched = await startBotOn({}, {}, { ARTICLES_DIR: dir, WATCH_ARTICLES: 'on', CACHE_DIR: 'off' });
    const reload = watched.bot.reload;
    expect(reload, 'WATCH_ARTICLES on gives RunningBot.reload').toBeDefined();
    writeCorpus(dir, 40);
    const reloading = reload?.();
    const during = burst(watched.fake, 20, 'reload');
    const info = await reloading;
    await expectAnsweredOnce(during);
    expect(info?.articles).toBe(41);
    const after = watched.fake.sendInteraction(
      slashCommand('source', { article: 'article-00007' }, { user: newUser() }),
    );
    expect(textOf(messageOf(await after.response()))).toContain('article-00007');
  }, 30_000);
});

describe('npm start as a process', () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  /** Runs `tsx src/main.ts` with `env`; `onOutput` sees the output as it grows. */
  function start(
    env: Record<string, string>,
    onOutput?: (output: string, kill: (s: NodeJS.Signals) => void) => void,
  ): Promise<{ code: number | null; signal: string | null; output: string; ms: number }> {
    const child = spawn(path.join(REPO, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      cwd: REPO,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        CACHE_DIR: 'off',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const started = Date.now();
    let output = '';
    const grow = (d: Buffer): void => {
      output += d.toString();
      onOutput?.(output, (s) => child.kill(s));
    };
    child.stdout.on('data', grow);
    child.stderr.on('data', grow);
    return new Promise((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, output, ms: Date.now() - started })),
    );
  }

  it('an invalid token: a clear message, exit code 1, the token never printed', async () => {
    const fake = await startFakeDiscord({ token: 'MTA.other.token', heartbeatIntervalMs: 2000 });
    try {
      const run = await start({
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        ARTICLES_DIR: 'seeds',
      });
      expect(run.code).toBe(1);
      expect(run.output).toContain('Discord rejected DISCORD_TOKEN');
      expect(run.output).not.toContain(FAKE_TOKEN);
      expect(run.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    } finally {
      await fake.close();
    }
  }, 30_000);

  it('disallowed intents: exit code 1 with a message saying what to change', async () => {
    const fake = await startFakeDiscord({
      token: FAKE_TOKEN,
      heartbeatIntervalMs: 2000,
      disallowedIntents: 0xffffff,
    });
    try {
      const run = await start({
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        ARTICLES_DIR: 'seeds',
      });
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/disallowed intents: enable them on the Bot page or remove them/);
      expect(fake.gatewayEvents.some((e) => e.kind === 'reject' && e.code === 4014)).toBe(true);
    } finally {
      await fake.close();
    }
  }, 30_000);

  it('SIGTERM while a big articles folder loads: exits promptly with 0 and no stack trace', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-sigterm-'));
    const fake = await startFakeDiscord({ token: FAKE_TOKEN, heartbeatIntervalMs: 2000 });
    try {
      writeCorpus(dir, 300);
      // Broken files too, so loading is a realistic mix.
      await writeFile(path.join(dir, 'zz-empty.txt'), '');
      let signalledAt = 0;
      const run = await start(
        { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, ARTICLES_DIR: dir },
        (output, kill) => {
          if (signalledAt === 0 && output.includes('loading articles')) {
            signalledAt = Date.now();
            kill('SIGTERM');
          }
        },
      );
      expect(signalledAt, `progress was logged; output:\n${run.output}`).toBeGreaterThan(0);
      expect(run.code, run.output).toBe(0);
      expect(run.signal).toBeNull();
      expect(run.output).toContain('shutting down during start-up');
      expect(run.output).not.toContain('connected to Discord');
      expect(run.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
      const afterSignal = Date.now() - signalledAt;
      console.log(`SIGTERM during loading: exited ${afterSignal} ms after the signal`);
      expect(afterSignal).toBeLessThan(2000);
      expect(fake.gatewayEvents.filter((e) => e.kind === 'identify')).toHaveLength(0);
    } finally {
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 40_000);
});

describe('the whole file', () => {
  it('had no unhandled rejection and no uncaught exception', () => {
    expect(unhandled).toEqual([]);
  });
});
