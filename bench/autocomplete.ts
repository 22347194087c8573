import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildKnowledge } from '../src/app.ts';
import { createOptions } from '../src/command.ts';
import { createAutocompleteGuard } from '../src/discord/autocomplete-guard.ts';
import { loadCommands } from '../src/registry.ts';
import { writeCorpus } from './generate.ts';

/**
 * `npm run bench:autocomplete [-- --articles N]`: autocomplete latency under a flood, at N
 * generated articles (default 1,000), through the same guard the Discord front end uses. Each
 * round is one keystroke of each kind on every autocompleting option: ordinary typing, long
 * stop-word text, long random letters, one word repeated. Target: p99 under 50 ms.
 */

const size = Number(process.argv[process.argv.indexOf('--articles') + 1]) || 1000;
const dir = path.join(os.tmpdir(), `newsroom-bench-autocomplete-${size}`);
mkdirSync(dir, { recursive: true });
writeCorpus(dir, size, 1);
const { kb } = await buildKnowledge(dir, { cacheDir: path.join(dir, '.cache') });
kb.prepare();
const { commands } = await loadCommands();

const letters = (n: number, seed: number): string =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((seed * 31 + i * 17) % 26))).join('');
const typed = (round: number): string[] => [
  'lav',
  'hasty withd',
  kb.articles[round % kb.articles.length]?.meta.title.slice(0, 12) ?? 'council',
  'a '.repeat(100),
  'the of and to in '.repeat(12),
  letters(200, round),
  'withdrawal '.repeat(20),
];

const options = [...commands.values()].flatMap((command) =>
  command.autocomplete === undefined
    ? []
    : (command.data.toJSON().options ?? [])
        .filter((o) => o.autocomplete === true)
        .map((o) => ({ command, name: o.name })),
);
// A new user for each call: the per-user limit is not what keeps this fast.
const times: number[] = [];
const slowest = new Map<string, number>();
const guard = createAutocompleteGuard();
let call = 0;
for (let round = 0; round < 60; round++) {
  for (const { command, name } of options)
    for (const value of typed(round)) {
      const started = performance.now();
      const verdict = guard.check(`user${call++}`, value);
      if (verdict.ok)
        command.autocomplete?.({
          kb,
          focused: { name, value: verdict.text },
          options: createOptions({}),
          commands,
        });
      const ms = performance.now() - started;
      times.push(ms);
      const key = `${command.data.name}.${name} ${value.slice(0, 12)}`;
      slowest.set(key, Math.max(ms, slowest.get(key) ?? 0));
    }
}
times.sort((a, b) => a - b);
const at = (p: number): string =>
  (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
console.log(
  `autocomplete at ${size} articles, ${times.length} calls over ${options.length} options: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (target p99 < 50 ms)`,
);
if (process.argv.includes('--detail'))
  for (const [key, ms] of [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`  ${ms.toFixed(1)} ms  ${key}`);
