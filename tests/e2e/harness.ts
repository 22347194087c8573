import { Writable } from 'node:stream';
import path from 'node:path';
import { expect } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import { readConfig } from '../../src/config.ts';
import type { Config } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { launchBot } from '../../src/discord/start.ts';
import type { LaunchOptions, RunningBot } from '../../src/discord/start.ts';
import { startFakeDiscord } from '../fake-discord/index.ts';
import type { FakeDiscord, RecordedCallback } from '../fake-discord/index.ts';
import { nextSnowflake } from '../fake-discord/index.ts';

/** Shaped like a real token (three dot-separated parts), as the config requires. */
export const FAKE_TOKEN = 'MTA.fake.token';
export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const SEEDS = path.join(REPO, 'seeds');

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  config: Config;
  /** Every log line the bot wrote (JSON, parsed). */
  logs: Record<string, unknown>[];
  /** Raw log text, to check that no secret leaked. */
  rawLogs(): string;
  close(): Promise<void>;
}

/** Config for a bot talking to `fake`. */
export function fakeConfig(fake: FakeDiscord, extra: Record<string, string> = {}): Config {
  const checked = readConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    ARTICLES_DIR: SEEDS,
    LOG_LEVEL: 'debug',
    NODE_ENV: 'production',
    ...extra,
  });
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.config;
}

/** A logger writing JSON lines into memory. */
export function memoryLogger(secrets: string[]): {
  logger: ReturnType<typeof createLogger>;
  lines: Record<string, unknown>[];
  raw: () => string;
} {
  const chunks: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      const text = chunk.toString();
      chunks.push(text);
      for (const line of text.split('\n'))
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return {
    logger: createLogger({ level: 'debug', secrets, destination }),
    lines,
    raw: () => chunks.join(''),
  };
}

/** Starts a fake Discord and the real bot against it; resolves when the bot is ready. */
export async function startHarness(options: Omit<LaunchOptions, 'logger'> = {}): Promise<Harness> {
  const fake = await startFakeDiscord({ token: FAKE_TOKEN, heartbeatIntervalMs: 2000 });
  const config = fakeConfig(fake);
  const { logger, lines, raw } = memoryLogger([FAKE_TOKEN]);
  let bot: RunningBot;
  try {
    bot = await launchBot(config, { loginTimeoutMs: 10_000, ...options, logger });
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    bot,
    config,
    logs: lines,
    rawLogs: raw,
    close: async () => {
      await Promise.race([bot.stop(), new Promise((r) => setTimeout(r, 5000))]);
      await fake.close();
    },
  };
}

/** A fresh user, so the per-user cooldown of one test never affects another. */
export function newUser(name = 'reader'): { id: string; username: string } {
  return { id: nextSnowflake(), username: name };
}

export interface MessageData {
  content?: string;
  embeds?: APIEmbed[];
  components?: {
    type: number;
    components: { type: number; custom_id?: string; label?: string; disabled?: boolean }[];
  }[];
  flags?: number;
  allowed_mentions?: { parse?: string[] };
}

/** The callback's message data, with the checks every message must pass. */
export function messageOf(callback: RecordedCallback | { body: unknown }, where = 'callback'): MessageData {
  const data = ('type' in callback ? callback.data : callback.body) as MessageData | undefined;
  expect(data, `${where} has data`).toBeDefined();
  expect(data?.allowed_mentions, `${where} silences mentions`).toEqual({ parse: [] });
  return data as MessageData;
}

export const isEphemeral = (data: MessageData): boolean => ((data.flags ?? 0) & 64) === 64;

/** All custom ids of a message's buttons. */
export function customIds(data: MessageData): string[] {
  return (data.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

/** All text of a message (content, embed titles, descriptions, authors, footers, fields). */
export function textOf(data: MessageData): string {
  const parts: string[] = [data.content ?? ''];
  for (const e of data.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.author?.name ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}
