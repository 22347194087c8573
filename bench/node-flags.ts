import { spawnSync } from 'node:child_process';
import { NODE_FLAGS } from '../src/node-flags.ts';

/**
 * Runs this bench script again under the V8 flags every bot process runs with
 * (`src/node-flags.ts`), unless it already has them, so query latency and GC pauses are the
 * bot's: a bench process with V8's default young generation (four times the bot's) pauses four
 * times as long per scavenge, each copying that much more of the freshly read articles' data.
 * Returns only in the process that has the flags; the parent exits with the child's status.
 */
export function withBotFlags(): void {
  const missing = NODE_FLAGS.filter((f) => !process.execArgv.includes(f));
  if (missing.length === 0) return;
  const child = spawnSync(process.execPath, [...missing, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}
