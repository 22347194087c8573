/**
 * End-to-end load through the fake Discord: the real bot runs as its own process (`src/main.ts`,
 * as deployed) and answers a burst of slash commands the fake sends at a fixed concurrency.
 * Reports throughput and first-answer latency: the time from the gateway dispatch to the
 * interaction callback, which is what Discord's 3 s rule measures.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { nextSnowflake, slashCommand, startFakeDiscord } from '../tests/fake-discord/index.ts';
import { percentile } from './stats.ts';
import { NODE_FLAGS } from '../src/node-flags.ts';

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

const REPO = path.join(import.meta.dirname, '..');

export async function runE2e(options: {
  interactions: number;
  concurrency: number;
  articlesDir?: string;
  log?: (line: string) => void;
}): Promise<E2eResult> {
  const fake = await startFakeDiscord({ token: 'MTA.bench.token', heartbeatIntervalMs: 5000 });
  const bot = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', path.join(REPO, 'src', 'main.ts')], {
    cwd: REPO,
    env: {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      ARTICLES_DIR: options.articlesDir ?? path.join(REPO, 'seeds'),
      CACHE_DIR: 'off',
      WATCH_ARTICLES: 'off',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  let started: number;
  try {
    await fake.waitForGatewayEvent('ready', {}, { timeoutMs: 30_000 });
    // Let GUILD_CREATE and the client's ready handling settle before the burst.
    await new Promise((r) => setTimeout(r, 500));
    started = performance.now();
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
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
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
