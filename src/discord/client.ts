import { Client, GatewayIntentBits } from 'discord.js';
import type { ClientOptions } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * The discord.js client factory. Only the Guilds intent: the bot answers interactions and never
 * reads message content, so it needs no privileged intent.
 */

/** The parts of the configuration the client needs. */
export type ClientConfig = Pick<Config, 'DISCORD_API_URL' | 'SHARD_IDS' | 'SHARD_COUNT'>;

/**
 * `DISCORD_API_URL` is the REST base *including* `/api`, as for Discord itself
 * (`https://discord.com/api`) or a local server (`http://127.0.0.1:PORT/api`); discord.js appends
 * the version (`/v10`). A trailing slash or a version suffix a user copied along is removed.
 */
export function restApiBase(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/**
 * Which shards this process runs. SHARD_IDS + SHARD_COUNT pick shards explicitly; SHARD_COUNT
 * alone runs all of them here. Under discord.js's ShardingManager (env SHARDING_MANAGER) nothing
 * is set, so the client's defaults read the manager's SHARDS / SHARD_COUNT.
 */
export function shardOptions(
  config: ClientConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (env.SHARDING_MANAGER !== undefined && config.SHARD_IDS === undefined) return {};
  if (config.SHARD_IDS !== undefined && config.SHARD_COUNT !== undefined)
    return { shards: [...config.SHARD_IDS], shardCount: config.SHARD_COUNT };
  if (config.SHARD_COUNT !== undefined) {
    return {
      shards: Array.from({ length: config.SHARD_COUNT }, (_, i) => i),
      shardCount: config.SHARD_COUNT,
    };
  }
  return {};
}

/** Longest rate-limit wait a REST request sits out before failing instead. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** The client options for `config` (exported for tests and for the sharding entry point). */
export function clientOptions(
  config: ClientConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    // No message may ping anyone: every send also passes `allowedMentions: { parse: [] }`,
    // this default covers anything that forgets.
    allowedMentions: { parse: [], repliedUser: false },
    ...shardOptions(config, env),
    rest: {
      // An answer held back for minutes by a rate limit is worthless (and would keep a stopping
      // process alive): such a request fails at once and is logged instead of waiting.
      rejectOnRateLimit: (limit) => limit.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
      ...(config.DISCORD_API_URL !== undefined ? { api: restApiBase(config.DISCORD_API_URL) } : {}),
    },
  };
}

/** A configured, not yet logged-in client. */
export function createBotClient(
  config: ClientConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Client {
  return new Client(clientOptions(config, env));
}
