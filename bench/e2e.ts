/**
 * End-to-end load through the fake Discord: the real discord.js client and bot answer a burst of
 * slash commands sent at a fixed concurrency; reports throughput and first-answer latency (the
 * time from the gateway dispatch to the interaction callback, what Discord's 3 s rule measures).
 */
import path from 'node:path';
import { launchBot } from '../src/discord/start.ts';
import { readConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { nextSnowflake, slashCommand, startFakeDiscord } from '../tests/fake-discord/index.ts';
import { percentile } from './stats.ts';

export interface E2eResult {
  count: number;
  ms: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  late: number;
  failed: number;
}

const COMMANDS: [string, Record<string, string>][] = [
  ['who-said', { quote: 'hasty withdrawal' }],
  ['who-said', { quote: 'we will do everythng to prevent agressive encroachmens' }],
  ['quotes', { speaker: 'Lavrov' }],
  ['ask', { question: 'How many reservists did Tajikistan activate?' }],
  ['who', { name: 'Sultonov' }],
  ['facts', {}],
];

export async function runE2e(options: {
  interactions: number;
  concurrency: number;
  articlesDir?: string;
  log?: (line: string) => void;
}): Promise<E2eResult> {
  const fake = await startFakeDiscord({ token: 'MTA.bench.token', heartbeatIntervalMs: 5000 });
  const checked = readConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    ARTICLES_DIR: options.articlesDir ?? path.join(import.meta.dirname, '..', 'seeds'),
    CACHE_DIR: 'off',
    WATCH_ARTICLES: 'off',
    NODE_ENV: 'production',
  });
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  const bot = await launchBot(checked.config, {
    logger: createLogger({ level: 'silent' }),
    loginTimeoutMs: 10_000,
  });
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  try {
    const worker = async (): Promise<void> => {
      while (next < options.interactions) {
        const i = next++;
        const [name, opts] = COMMANDS[i % COMMANDS.length] as [string, Record<string, string>];
        // A new user each time: the per-user cooldown is a feature, not what this measures.
        const handle = fake.sendInteraction(
          slashCommand(name, opts, { user: { id: nextSnowflake(), username: `bench${i}` } }),
        );
        const response = await handle.response();
        if (response.status >= 300) failed++;
        latencies.push(response.ms);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    await bot.stop();
    await fake.close();
  }
  const ms = performance.now() - started;
  const result: E2eResult = {
    count: latencies.length,
    ms,
    perSecond: latencies.length / (ms / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    late: latencies.filter((l) => l > 3000).length,
    failed,
  };
  options.log?.(
    `e2e: ${result.count} interactions, ${result.perSecond.toFixed(0)}/s, p99 ${result.p99.toFixed(1)} ms`,
  );
  return result;
}
