import path from 'node:path';
import { z } from 'zod';

/**
 * Environment -> validated configuration. Every missing or malformed variable is reported in one
 * message, by name, before anything connects; the token's value never appears in a message.
 */

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z
  .object({
    DISCORD_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(
          /^[\w-]+\.[\w-]+\.[\w-]+$/,
          'does not look like a bot token (three dot-separated parts; copy it from the Bot page)',
        )
        .optional(),
    ),
    DISCORD_CLIENT_ID: z.preprocess(blankToUndefined, snowflake.optional()),
    DISCORD_GUILD_ID: z.preprocess(blankToUndefined, snowflake.optional()),
    DISCORD_API_URL: z.preprocess(
      blankToUndefined,
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    ),
    ARTICLES_DIR: z.preprocess(blankToUndefined, z.string().default('seeds')),
    // Knowledge cache folder; "off" disables it (every start re-extracts).
    CACHE_DIR: z.preprocess(blankToUndefined, z.string().default('.cache/knowledge')),
    // Hot reload of ARTICLES_DIR in the Discord bot: on unless "off"/"false"/"0".
    WATCH_ARTICLES: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^(on|off|true|false|1|0)$/i, 'must be on or off')
        .transform((v) => /^(on|true|1)$/i.test(v))
        .default(true),
    ),
    // Added articles and feeds: DATA_DIR/newsroom.db (SQLite).
    DATA_DIR: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('data')
        .transform((dir) => path.resolve(dir)),
    ),
    // Tests only: let /article and /feed fetch from loopback and private networks.
    ALLOW_PRIVATE_URLS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^(on|off|true|false|1|0)$/i, 'must be on or off')
        .transform((v) => /^(on|true|1)$/i.test(v))
        .default(false),
    ),
    FEED_POLL_MINUTES: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'must be a number of minutes' })
        .min(1, 'must be at least 1')
        .max(1440)
        .default(15),
    ),
    // A role whose members may add and remove articles and feeds besides Manage Messages.
    MODERATOR_ROLE_ID: z.preprocess(blankToUndefined, snowflake.optional()),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(LEVELS, { error: `must be one of ${LEVELS.join(', ')}` }).default('info'),
    ),
    NODE_ENV: z.preprocess(blankToUndefined, z.string().default('development')),
    SHARD_COUNT: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: 'must be a whole number' }).int().min(1).optional(),
    ),
    SHARD_IDS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d+(\s*,\s*\d+)*$/, 'must be a comma-separated list of shard numbers, e.g. 0,1')
        .transform((s) => s.split(',').map((x) => Number.parseInt(x, 10)))
        .optional(),
    ),
  })
  .superRefine((c, ctx) => {
    if (c.SHARD_IDS && c.SHARD_COUNT === undefined)
      ctx.addIssue({ code: 'custom', path: ['SHARD_COUNT'], message: 'is required when SHARD_IDS is set' });
    if (c.SHARD_IDS && c.SHARD_COUNT !== undefined && c.SHARD_IDS.some((id) => id >= (c.SHARD_COUNT ?? 0))) {
      ctx.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: `every shard number must be below SHARD_COUNT (${c.SHARD_COUNT})`,
      });
    }
  });

export type Config = z.infer<typeof schema>;

/**
 * The cache folder to use, as an absolute path, or null when the cache is switched off. Resolved
 * once at start: Node's recursive mkdir of a relative path spins forever (at full CPU) once the
 * working directory has been deleted, and process.cwd() itself fails then.
 */
export function cacheDirOf(config: Pick<Config, 'CACHE_DIR'>): string | null {
  return /^(off|false|0|none)$/i.test(config.CACHE_DIR) ? null : path.resolve(config.CACHE_DIR);
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Validates the environment. `require` names variables a mode cannot run without. */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  require: readonly (keyof Config)[] = [],
): ConfigResult {
  const parsed = schema.safeParse(env);
  const errors: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push(`${issue.path.join('.') || 'config'} ${issue.message}`);
  }
  for (const key of require) {
    const value = parsed.success ? parsed.data[key] : env[key];
    if (value === undefined || value === '') {
      if (!errors.some((e) => e.startsWith(`${key} `))) errors.push(`${key} is required (see .env.example)`);
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: errors.sort() };
  return { ok: true, config: parsed.data };
}

/** One message naming every problem, safe to print (values are never echoed). */
export function formatConfigErrors(errors: readonly string[]): string {
  return `Configuration problem${errors.length > 1 ? 's' : ''}:\n${errors.map((e) => `  - ${e}`).join('\n')}`;
}
