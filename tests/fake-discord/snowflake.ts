/**
 * Snowflake helpers for the fake Discord.
 *
 * Real-looking ids matter: the discord.js REST client buckets routes by matching `\d{17,19}`, so
 * ids that are too short would silently share (or miss) rate-limit buckets.
 */

/** Discord's epoch (2015-01-01T00:00:00.000Z) in milliseconds. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/**
 * Returns a fresh snowflake (19 digits for any current date) that is unique within this process.
 *
 * @param at - timestamp to embed, defaults to now
 */
export function nextSnowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  // Worker/process bits are left 0; the 12-bit increment keeps ids unique within one millisecond.
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/**
 * The shard a guild belongs to, the formula Discord documents: `(guild_id >> 22) % num_shards`.
 */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * Returns a snowflake guaranteed to route to `shardId` of `shardCount`, so tests can place guilds
 * on chosen shards without hand-picking ids.
 */
export function snowflakeForShard(shardId: number, shardCount: number, at: number = Date.now()): string {
  let timestamp = BigInt(at) - DISCORD_EPOCH;
  const count = BigInt(shardCount);
  // Step the timestamp part (the bits above 22) until it lands on the wanted shard.
  while (timestamp % count !== BigInt(shardId)) timestamp -= 1n;
  increment = (increment + 1n) & 0xfffn;
  return ((timestamp << 22n) | increment).toString();
}

/** True for a 17–19 digit numeric string, the shape Discord uses for ids. */
export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^\d{17,19}$/.test(value);
}
