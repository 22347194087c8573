import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/wait.ts';
import { shardOptions } from '../../src/discord/client.ts';
import { NODE_FLAGS } from '../../src/node-flags.ts';
import {
  DEFAULT_SPAWN_DELAY_MS,
  SHARD_ENTRY,
  childEnvironment,
  managerOptions,
  resolveTotalShards,
  spawnDelayFrom,
} from '../../src/discord/sharded.ts';
import { slashCommand, startFakeDiscord } from '../fake-discord/index.ts';
import type { FakeDiscord } from '../fake-discord/index.ts';
import { FAKE_TOKEN, REPO, SEEDS, messageOf, newUser, textOf } from './harness.ts';

/**
 * Scale-out against the fake Discord with two shards: two `npm start` processes each owning one
 * shard (the multi-host recipe), and `npm run start:sharded` (discord.js's ShardingManager).
 */

const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const fakes: FakeDiscord[] = [];
const children: ChildProcess[] = [];
let cwd: string;

beforeAll(async () => {
  // An empty working directory, so a developer's .env cannot leak into the child processes.
  cwd = await mkdtemp(path.join(os.tmpdir(), 'sharding-test-'));
});

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(fakes.map((f) => f.close()));
  await rm(cwd, { recursive: true, force: true });
});

interface Proc {
  child: ChildProcess;
  /** JSON log lines so far. */
  lines(): Record<string, unknown>[];
  output(): string;
  exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string>): Proc {
  const child = spawn(TSX, [path.join(REPO, script)], {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ARTICLES_DIR: SEEDS,
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = (): Record<string, unknown>[] =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, lines, output: () => output, exited };
}

const timeout = <T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([promise, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

const hasMessage = (p: Proc, msg: string): boolean => p.lines().some((l) => l.msg === msg);

/** Asks /who-said in `guildId` and checks the cited answer; returns the interaction id. */
async function askIn(fake: FakeDiscord, guildId: string): Promise<string> {
  const handle = fake.sendInteraction(
    slashCommand('who-said', { quote: 'hasty withdrawal' }, { guildId, user: newUser() }),
  );
  const callback = await handle.response({ timeoutMs: 5000 });
  expect(callback.type).toBe(4);
  expect(textOf(messageOf(callback))).toContain('Sergei Lavrov');
  return handle.id;
}

async function twoShardFake(): Promise<FakeDiscord> {
  const fake = await startFakeDiscord({ token: FAKE_TOKEN, shardCount: 2, heartbeatIntervalMs: 2000 });
  fakes.push(fake);
  expect(fake.guilds.map((g) => g.shardId)).toEqual([0, 1]);
  return fake;
}

describe('across hosts: one `npm start` per shard (SHARD_IDS of SHARD_COUNT)', () => {
  it('each process owns its shard and answers its guild; SIGTERM stops both with 0', async () => {
    const fake = await twoShardFake();
    // LOG_LEVEL info (not warn): the per-interaction log line shows which process answered.
    const env = {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      SHARD_COUNT: '2',
      LOG_LEVEL: 'info',
    };
    const procs = [
      run('src/main.ts', { ...env, SHARD_IDS: '0' }),
      run('src/main.ts', { ...env, SHARD_IDS: '1' }),
    ];
    await waitUntil(
      () => procs.every((p) => hasMessage(p, 'connected to Discord; answering interactions')),
      20_000,
      () => `both processes to connect:\n${procs.map((p) => p.output()).join('\n---\n')}`,
    );
    expect(fake.connectedShards()).toEqual([0, 1]);
    procs.forEach((p, i) =>
      expect(p.lines().find((l) => l.msg === 'connected to Discord; answering interactions')?.shards).toEqual(
        [i],
      ),
    );

    const ids: string[] = [];
    for (const guild of fake.guilds) ids.push(await askIn(fake, guild.id));
    // Each interaction was handled by the process owning its guild's shard, and only by it.
    const handled = (p: Proc): unknown[] =>
      p
        .lines()
        .filter((l) => l.msg === 'interaction')
        .map((l) => l.interaction);
    await waitUntil(
      () => procs.every((p) => handled(p).length === 1),
      5000,
      () => 'the interaction log lines',
    );
    expect(handled(procs[0] as Proc)).toEqual([ids[0]]);
    expect(handled(procs[1] as Proc)).toEqual([ids[1]]);

    for (const p of procs) p.child.kill('SIGTERM');
    expect(await Promise.all(procs.map((p) => timeout(p.exited, 10_000)))).toEqual([0, 0]);
    await waitUntil(
      () => fake.connectedShards().length === 0,
      5000,
      () => 'the fake to see both sessions close',
    );
    for (const p of procs) expect(p.output()).not.toContain(FAKE_TOKEN);
  }, 45_000);
});

describe('one host: npm run start:sharded (ShardingManager)', () => {
  it('spawns a process per shard with SHARD_COUNT=2, answers in both guilds, exits 0 on SIGTERM', async () => {
    const fake = await twoShardFake();
    const started = Date.now();
    const manager = run('src/discord/sharded.ts', {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      SHARD_COUNT: '2',
      // The fake allows concurrent IDENTIFYs (max_concurrency 16): no need for discord.js's 5.5 s spacing.
      SHARD_SPAWN_DELAY_MS: '0',
      LOG_LEVEL: 'info',
    });
    await waitUntil(
      () => hasMessage(manager, 'all shards ready'),
      20_000,
      () => `all shards ready:\n${manager.output()}`,
    );
    const readyMs = Date.now() - started;
    expect(fake.connectedShards()).toEqual([0, 1]);
    const pids = manager
      .lines()
      .filter((l) => l.msg === 'shard process started')
      .map((l) => Number(l.pid));
    expect(pids).toHaveLength(2);
    expect(new Set(pids).size).toBe(2);
    // Each child connected as exactly its own shard (discord.js's SHARDS env, not SHARD_IDS).
    // A child's own log line reaches the manager's output through a pipe, possibly after the
    // manager has logged 'all shards ready': wait for both rather than read them once.
    const connected = () =>
      manager.lines().filter((l) => l.msg === 'connected to Discord; answering interactions');
    await waitUntil(
      () => connected().length >= 2,
      10_000,
      () => `both shards' connected lines:\n${manager.output()}`,
    );
    expect(
      connected()
        .map((l) => l.shards)
        .sort(),
    ).toEqual([[0], [1]]);

    for (const guild of fake.guilds) await askIn(fake, guild.id);

    manager.child.kill('SIGTERM');
    expect(await timeout(manager.exited, 15_000)).toBe(0);
    // No orphan shard processes, and they shut down cleanly rather than being killed.
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    expect(manager.lines().find((l) => l.msg === 'shard processes exited')?.codes).toEqual([0, 0]);
    expect(fake.connectedShards()).toEqual([]);
    expect(manager.output()).not.toContain(FAKE_TOKEN);
    console.log(`start:sharded: 2 shards ready in ${readyMs} ms`);
  }, 45_000);

  it('with SHARD_IDS runs only those shards (a manager per host)', async () => {
    const fake = await twoShardFake();
    const manager = run('src/discord/sharded.ts', {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      SHARD_COUNT: '2',
      SHARD_IDS: '1',
      SHARD_SPAWN_DELAY_MS: '0',
      LOG_LEVEL: 'info',
    });
    await waitUntil(
      () => hasMessage(manager, 'all shards ready'),
      20_000,
      () => `all shards ready:\n${manager.output()}`,
    );
    expect(fake.connectedShards()).toEqual([1]);
    await askIn(fake, fake.guilds[1]?.id ?? '');
    manager.child.kill('SIGTERM');
    expect(await timeout(manager.exited, 15_000)).toBe(0);
  }, 45_000);

  it('bad configuration is reported before anything starts, exit 1', async () => {
    const manager = run('src/discord/sharded.ts', { SHARD_SPAWN_DELAY_MS: 'soon', LOG_LEVEL: 'info' });
    expect(await timeout(manager.exited, 15_000)).toBe(1);
    expect(manager.output()).toContain('DISCORD_TOKEN is required');
    expect(manager.output()).toContain('SHARD_SPAWN_DELAY_MS must be a whole number');
  }, 20_000);
});

describe('manager options', () => {
  it('spawn src/main.ts through the tsx hook, with the explicit count and shard list', () => {
    const options = managerOptions({ DISCORD_TOKEN: FAKE_TOKEN, SHARD_COUNT: 4, SHARD_IDS: [2, 3] }, 4);
    expect(options).toMatchObject({
      token: FAKE_TOKEN,
      totalShards: 4,
      shardList: [2, 3],
      mode: 'process',
      respawn: true,
    });
    const at = options.execArgv?.indexOf('--import') ?? -1;
    expect(at).toBeGreaterThanOrEqual(0);
    expect(options.execArgv?.[at + 1]).toMatch(/^file:.*\/tsx\/.*\.mjs$/);
    expect(options.execArgv).toEqual(expect.arrayContaining([...NODE_FLAGS]));
    expect(SHARD_ENTRY).toBe(path.join(REPO, 'src', 'main.ts'));
    expect(managerOptions({ DISCORD_TOKEN: FAKE_TOKEN }, 'auto')).not.toHaveProperty('shardList');
    expect(spawnDelayFrom({})).toBe(DEFAULT_SPAWN_DELAY_MS);
    expect(spawnDelayFrom({ SHARD_SPAWN_DELAY_MS: '250' })).toBe(250);
  });

  it('the shard count: SHARD_COUNT, else /gateway/bot at DISCORD_API_URL, else discord.js auto', async () => {
    const fake = await twoShardFake();
    expect(await resolveTotalShards({ SHARD_COUNT: 3 }, () => Promise.reject(new Error('not asked')))).toBe(
      3,
    );
    expect(await resolveTotalShards({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl })).toBe(2);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(
      await resolveTotalShards({ DISCORD_TOKEN: FAKE_TOKEN }, () => Promise.reject(new Error('not asked'))),
    ).toBe('auto');
  });

  it("children see discord.js's SHARDS, never the manager's SHARD_IDS", () => {
    const env: NodeJS.ProcessEnv = { SHARD_IDS: '0,1', SHARD_COUNT: '2' };
    childEnvironment(env);
    expect(env.SHARD_IDS).toBe('');
    // What a child then reads: config has no SHARD_IDS, so the client takes SHARDS from discord.js.
    expect(
      shardOptions({ SHARD_COUNT: 2 }, { SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' }),
    ).toEqual({});
  });
});
