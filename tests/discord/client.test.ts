import { describe, expect, it } from 'vitest';
import { clientOptions, restApiBase, shardOptions } from '../../src/discord/client.ts';

describe('client options', () => {
  it('DISCORD_API_URL is the base including /api (discord.js appends /v10)', () => {
    expect(restApiBase('http://127.0.0.1:5000/api')).toBe('http://127.0.0.1:5000/api');
    expect(restApiBase('http://127.0.0.1:5000/api/')).toBe('http://127.0.0.1:5000/api');
    expect(restApiBase('http://127.0.0.1:5000/api/v10')).toBe('http://127.0.0.1:5000/api');
    expect(clientOptions({ DISCORD_API_URL: 'http://127.0.0.1:1/api' }, {}).rest?.api).toBe(
      'http://127.0.0.1:1/api',
    );
    expect(clientOptions({}, {}).rest?.api).toBeUndefined();
  });

  it('mentions are off by default and only the Guilds intent is asked for', () => {
    const options = clientOptions({}, {});
    expect(options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(options.intents).toEqual([1]);
  });

  it('honours SHARD_IDS / SHARD_COUNT, and leaves ShardingManager runs to discord.js', () => {
    expect(shardOptions({ SHARD_IDS: [1, 3], SHARD_COUNT: 4 }, {})).toEqual({
      shards: [1, 3],
      shardCount: 4,
    });
    expect(shardOptions({ SHARD_COUNT: 2 }, {})).toEqual({ shards: [0, 1], shardCount: 2 });
    expect(shardOptions({ SHARD_COUNT: 2 }, { SHARDING_MANAGER: 'true', SHARDS: '[1]' })).toEqual({});
    expect(shardOptions({}, {})).toEqual({});
  });
});
