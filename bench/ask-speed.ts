/**
 * `/ask` alone at one corpus size, in phases: where a question's time goes. Loads a corpus that
 * `npm run bench` generated (warm, from its cache), then times each synthetic question through
 * `ask` and through its steps (question analysis, choosing articles, reading them), first and
 * second time (per-article reader statistics are built on first use). Prints one table.
 *
 * Questions of other articles are asked first (`--warmup`, as `npm run bench` warms up), so JIT
 * compilation is not what the first pass measures.
 *
 * With `--expose-gc` it also prints the heap each first question leaves behind (collected
 * before and after the first pass): what the next scavenges copy, steadier than any pause time
 * on a machine shared with other work.
 *
 *   node [--expose-gc] --import tsx bench/ask-speed.ts [--size 10000] [--queries 300] [--seed 1] [--warmup 50]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { buildKnowledge } from '../src/app.ts';
import { ask } from '../src/answers/ask.ts';
import type { TruthFile } from './generate.ts';
import { buildQueries } from './queries.ts';
import { arg } from './args.ts';
import { withBotFlags } from './node-flags.ts';
import { summarize } from './stats.ts';

withBotFlags();

const size = Number(arg('--size', '10000'));
const count = Number(arg('--queries', '300'));
const seed = Number(arg('--seed', '1'));
const out = path.join(import.meta.dirname, 'out');
const dir = path.join(out, `corpus-${size}`);

const t0 = performance.now();
const { kb } = await buildKnowledge(dir, { cacheDir: path.join(out, `cache-${size}`) });
kb.prepare();
const loadMs = performance.now() - t0;
const truth = (JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as TruthFile).articles;
const queries = buildQueries(truth, {
  perKind: { question: count, exact: 0, typo: 0, speaker: 0, autocomplete: 0 },
  seed,
});
const warmup = Number(arg('--warmup', '50'));
for (const q of buildQueries(truth, {
  perKind: { question: warmup, exact: 0, typo: 0, speaker: 0, autocomplete: 0 },
  seed: seed + 1000,
}))
  ask(kb, q.text);

/** Wall time, and CPU time (steadier than wall time on a machine shared with other work). */
const timed = (): { ms: number[]; cpu: number[]; hits: number } => {
  const ms: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const started = performance.now();
    const used = process.cpuUsage();
    const answer = ask(kb, q.text);
    const spent = process.cpuUsage(used);
    ms.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
    const top = answer.ok ? answer.results[0]?.citation : undefined;
    if (
      top &&
      q.expected.some((e) => e.article === top.article && (e.paragraph ?? top.paragraph) === top.paragraph)
    )
      hits++;
  }
  return { ms, cpu, hits };
};
const fmt = (label: string, ms: number[]): string => {
  const s = summarize(ms);
  return `${label.padEnd(12)} p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  max ${s.max.toFixed(1)} ms`;
};
/** Young-generation collections (scavenges) during a pass: how many, and their pause time. */
const scavenges: { at: number; ms: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === 1) scavenges.push({ at: e.startTime, ms: e.duration });
  }
}).observe({ entryTypes: ['gc'] });
const collect = (globalThis as { gc?: () => void }).gc;
collect?.();
const heapBefore = process.memoryUsage().heapUsed;
const firstFrom = performance.now();
const first = timed();
const firstTo = performance.now();
// GC entries arrive asynchronously: let them in before they are counted.
await new Promise((resolve) => setTimeout(resolve, 20));
const firstScavenges = scavenges.filter((s) => s.at >= firstFrom && s.at <= firstTo).map((s) => s.ms);
collect?.();
const retainedKb = (process.memoryUsage().heapUsed - heapBefore) / queries.length / 1024;
const second = timed();
process.stdout.write(
  [
    `${size} articles, warm load ${loadMs.toFixed(0)} ms, RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, ${queries.length} questions`,
    fmt('first pass', first.ms),
    fmt('  cpu', first.cpu),
    `  scavenges ${firstScavenges.length}, pause total ${firstScavenges.reduce((a, b) => a + b, 0).toFixed(0)} ms` +
      (collect ? `, heap left per question ${retainedKb.toFixed(1)} KB` : ''),
    fmt('second pass', second.ms),
    fmt('  cpu', second.cpu),
    `hit@1 ${((100 * first.hits) / queries.length).toFixed(1)}%`,
  ].join('\n') + '\n',
);
