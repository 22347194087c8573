import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildProcess } from 'node:child_process';
import type { Worker } from 'node:worker_threads';
import { config as loadDotenv } from 'dotenv';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { Shard, ShardingManagerOptions } from 'discord.js';
import type { APIGatewayBotInfo } from 'discord.js';
import type { Config } from '../config.ts';
import { formatConfigErrors, readConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import type { Logger } from '../logger.ts';
import { restApiBase } from './client.ts';
import { NODE_FLAGS } from '../node-flags.ts';

/**
 * `npm run start:sharded`: discord.js's own `ShardingManager` on one host, one child process per
 * shard, each running `src/main.ts` (the ordinary `npm start`). The manager hands every child its
 * shard through discord.js's environment (SHARDING_MANAGER, SHARDS, SHARD_COUNT), which the client
 * reads by itself; `shardOptions` in client.ts stands aside when SHARDING_MANAGER is set.
 *
 * Shard count: `SHARD_COUNT` when set. Otherwise the count Discord recommends: with
 * `DISCORD_API_URL` set this file asks `GET {DISCORD_API_URL}/v10/gateway/bot` itself (a REST
 * proxy or the test fake), because discord.js's `totalShards: 'auto'` always asks discord.com
 * directly, bypassing any proxy; without it, `'auto'` is used.
 *
 * With `SHARD_IDS` (and `SHARD_COUNT`) the manager runs only those shards, so several hosts can
 * each run a manager for their part of the shards.
 */

/** The `src/main.ts` every shard process runs. */
export const SHARD_ENTRY = path.resolve(import.meta.dirname, '..', 'main.ts');

/** Discord.js's spacing between shard spawns, safe for `max_concurrency` 1 (one IDENTIFY per 5 s). */
export const DEFAULT_SPAWN_DELAY_MS = 5500;

/** How long a shard may take to shut down before the manager closes its IPC channel. */
export const SHUTDOWN_GRACE_MS = 3000;

/** The configuration the manager reads. */
export type ShardedConfig = Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'SHARD_COUNT' | 'SHARD_IDS'>;

/**
 * The ShardingManager options for `config`. The children are plain `node` processes, so they
 * load tsx as an ESM hook (`--import`) to run TypeScript; the hook is resolved to a file URL here
 * so the children need not start in the repository folder.
 */
export function managerOptions(
  config: ShardedConfig,
  totalShards: number | 'auto',
): ShardingManagerOptions & { token: string } {
  if (config.DISCORD_TOKEN === undefined) throw new Error('DISCORD_TOKEN is required');
  return {
    token: config.DISCORD_TOKEN,
    totalShards,
    ...(config.SHARD_IDS !== undefined ? { shardList: [...config.SHARD_IDS] } : {}),
    mode: 'process',
    respawn: true,
    execArgv: [...NODE_FLAGS, '--import', import.meta.resolve('tsx')],
    shardArgs: [],
  };
}

/**
 * The environment the children inherit, adjusted so nothing contradicts the manager: SHARD_IDS
 * is the manager's list, not a child's (a child given it would run every listed shard), so it is
 * set empty, which also keeps the child's dotenv from reading it back from `.env`.
 */
export function childEnvironment(env: NodeJS.ProcessEnv): void {
  if (env.SHARD_IDS !== undefined) env.SHARD_IDS = '';
}

/**
 * How many shards to run: SHARD_COUNT; else, with DISCORD_API_URL, the `shards` of
 * `GET /gateway/bot` there; else `'auto'` (discord.js asks discord.com).
 */
export async function resolveTotalShards(
  config: ShardedConfig,
  fetchGatewayBot: () => Promise<Pick<APIGatewayBotInfo, 'shards'>> = () => gatewayBot(config),
): Promise<number | 'auto'> {
  if (config.SHARD_COUNT !== undefined) return config.SHARD_COUNT;
  if (config.DISCORD_API_URL === undefined) return 'auto';
  const info = await fetchGatewayBot();
  if (!Number.isInteger(info.shards) || info.shards < 1)
    throw new Error(`GET /gateway/bot answered shards=${String(info.shards)}`);
  return info.shards;
}

async function gatewayBot(config: ShardedConfig): Promise<APIGatewayBotInfo> {
  const rest = new REST(
    config.DISCORD_API_URL !== undefined ? { api: restApiBase(config.DISCORD_API_URL) } : {},
  );
  rest.setToken(config.DISCORD_TOKEN ?? '');
  return (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
}

export interface ShardedOptions {
  logger: Logger;
  /** Wait between spawning shards; default {@link DEFAULT_SPAWN_DELAY_MS}. */
  spawnDelayMs?: number;
  /** How long one shard may take to become ready. Default 30 s. */
  spawnTimeoutMs?: number;
}

/** A running manager. */
export interface RunningManager {
  manager: ShardingManager;
  /**
   * Resolves once every shard reported ready; rejects when one dies or times out before that
   * (the others are stopped first).
   */
  readonly ready: Promise<void>;
  /** Stops respawning, asks every shard process to shut down (SIGTERM) and waits for them. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Waits for a child that was sent SIGTERM to exit. A forked child stays alive while its IPC
 * channel to the manager is open, even after its bot has shut down (discord.js listens on it), so
 * after `graceMs` the manager closes the channel (by then the bot has detached its listeners and
 * sends nothing more); after `killMs` it gives up and SIGKILLs.
 */
function exitOf(child: ChildProcess, graceMs: number, killMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const grace = setTimeout(() => {
      if (child.connected) child.disconnect();
    }, graceMs);
    const kill = setTimeout(() => child.kill('SIGKILL'), killMs);
    child.once('exit', (code) => {
      clearTimeout(grace);
      clearTimeout(kill);
      resolve(code);
    });
  });
}

/**
 * Creates the manager and starts spawning the shards (see {@link RunningManager.ready}); it can be
 * stopped at any time, also half-way through spawning.
 *
 * @throws when the shard count cannot be fetched from `DISCORD_API_URL`
 */
export async function startSharded(config: ShardedConfig, options: ShardedOptions): Promise<RunningManager> {
  const { logger } = options;
  // discord.js copies process.env into every child: that is the environment to adjust.
  childEnvironment(process.env);
  const totalShards = await resolveTotalShards(config);
  const manager = new ShardingManager(SHARD_ENTRY, managerOptions(config, totalShards));
  let stopping = false;
  const children = new Set<ChildProcess>();

  const watch = (shard: Shard): void => {
    shard.on('spawn', (child: ChildProcess | Worker) => {
      if (!(child instanceof ChildProcess)) return; // mode is 'process'
      children.add(child);
      child.once('exit', () => children.delete(child));
      // A shard spawned after stop() (spawn() was between two shards): end it at once.
      if (stopping) shard.kill();
      else logger.info({ shard: shard.id, pid: child.pid }, 'shard process started');
    });
    shard.on('ready', () => logger.info({ shard: shard.id }, 'shard ready'));
    shard.on('death', (child) => {
      if (!stopping)
        logger.warn(
          { shard: shard.id, code: 'exitCode' in child ? child.exitCode : undefined },
          'shard process exited; respawning',
        );
    });
    shard.on('error', (error) => logger.error({ err: error, shard: shard.id }, 'shard error'));
  };
  manager.on('shardCreate', watch);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      manager.respawn = false;
      const running = [...children];
      for (const shard of manager.shards.values()) {
        // kill() detaches the respawn listener, then sends SIGTERM: each child's startBot closes
        // its gateway session and exits 0.
        if (shard.process !== null) shard.kill();
      }
      const codes = await Promise.all(running.map((child) => exitOf(child, SHUTDOWN_GRACE_MS, 10_000)));
      logger.info({ codes }, 'shard processes exited');
    })();
    return stopped;
  };

  logger.info({ totalShards, shards: config.SHARD_IDS ?? 'all' }, 'spawning shards');
  const ready = manager
    .spawn({
      amount: totalShards,
      delay: options.spawnDelayMs ?? DEFAULT_SPAWN_DELAY_MS,
      timeout: options.spawnTimeoutMs ?? 30_000,
    })
    .then(
      () => undefined,
      async (error: unknown) => {
        await stop();
        throw error;
      },
    );
  // Callers may only look at `ready` later (or never, when stopped first): no unhandled rejection.
  ready.catch(() => {});
  return { manager, ready, stop };
}

/** Reads `SHARD_SPAWN_DELAY_MS` (not part of the shared config: only the manager uses it). */
export function spawnDelayFrom(env: Readonly<Record<string, string | undefined>>): number | string {
  const raw = env.SHARD_SPAWN_DELAY_MS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_SPAWN_DELAY_MS;
  return /^\d+$/.test(raw) ? Number(raw) : 'SHARD_SPAWN_DELAY_MS must be a whole number of milliseconds';
}

/**
 * `npm run start:sharded`: runs the shards until SIGINT/SIGTERM. Resolves with the exit code: 0
 * after a clean shutdown, 1 when the configuration is invalid or a shard cannot start.
 */
export async function runSharded(): Promise<number> {
  const checked = readConfig(process.env, ['DISCORD_TOKEN']);
  const delay = spawnDelayFrom(process.env);
  if (!checked.ok || typeof delay === 'string') {
    const errors = [...(checked.ok ? [] : checked.errors), ...(typeof delay === 'string' ? [delay] : [])];
    process.stderr.write(`${formatConfigErrors(errors)}\n`);
    return 1;
  }
  const config = checked.config;
  const logger = createLogger({
    level: config.LOG_LEVEL,
    pretty: config.NODE_ENV !== 'production',
    secrets: [config.DISCORD_TOKEN],
  });

  let resolveSignal: (code: number) => void = () => {};
  const signalled = new Promise<number>((resolve) => (resolveSignal = resolve));
  // Installed before spawning, so Ctrl+C during start-up also stops the children cleanly.
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down shards');
    resolveSignal(0);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let running: RunningManager | undefined;
  try {
    running = await startSharded(config, { logger, spawnDelayMs: delay });
    const first = await Promise.race([
      running.ready.then(() => 'ready' as const),
      signalled.then(() => 'signal' as const),
    ]);
    if (first === 'ready') {
      logger.info({ shards: [...running.manager.shards.keys()] }, 'all shards ready');
      await signalled;
    }
    await running.stop();
    logger.info('stopped');
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, `could not start the shards: ${message}`);
    await running?.stop();
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
  }
}

const isEntryPoint =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  loadDotenv({ quiet: true });
  process.exitCode = await runSharded();
  // A shard killed half-way through spawning leaves discord.js's ready timeout pending; do not
  // wait 30 s for it.
  setTimeout(() => process.exit(), 1000).unref();
}
