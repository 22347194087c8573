/**
 * Where an archive-wide `/ask` spends its CPU, phase by phase, on a corpus `npm run bench` made:
 * question analysis, choosing the articles (article index), the per-article reader statistics
 * (first use), BM25 over the paragraphs, reading the paragraphs (sentence choice, span scorer,
 * features and signals) and the gate. Each question is timed once, as the bench asks it (most
 * articles read for the first time). The steps are those of `ask` for a question that is not
 * "what did X say"; each phase's total and per-question p50/p99 are printed.
 *
 *   node --import tsx bench/ask-phases.ts [--size 10000] [--queries 300] [--seed 1] [--warmup 100]
 *                                         [--depth 3] [--further 2]   (paragraphs of the first, further articles)
 *                                         [--read-all]   (every chosen article read, as ask did before)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { buildKnowledge } from '../src/app.ts';
import { ask, chooseArticles, indexedTerms } from '../src/answers/ask.ts';
import { analyzeQuestion } from '../src/reader/question.ts';
import { readParagraph } from '../src/reader/features.ts';
import type { Reading } from '../src/reader/features.ts';
import { rankParagraphs, statsOf } from '../src/reader/passages.ts';
import { confidence, MODEL } from '../src/reader/read.ts';
import { probability } from '../src/reader/model.ts';
import type { TruthFile } from './generate.ts';
import { buildQueries } from './queries.ts';
import { arg } from './args.ts';
import { withBotFlags } from './node-flags.ts';
import { summarize } from './stats.ts';

withBotFlags();

const size = Number(arg('--size', '10000'));
const count = Number(arg('--queries', '300'));
const seed = Number(arg('--seed', '1'));
const depth = Number(arg('--depth', '3'));
const further = Number(arg('--further', '2'));
const warmup = Number(arg('--warmup', '100'));
/** Read every chosen article, as before further articles lacking a question word were skipped. */
const readAll = process.argv.includes('--read-all');
const out = path.join(import.meta.dirname, 'out');
const dir = path.join(out, `corpus-${size}`);

const { kb } = await buildKnowledge(dir, { cacheDir: path.join(out, `cache-${size}`) });
kb.prepare();
const truth = (JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as TruthFile).articles;
const questionsOf = (n: number, s: number): string[] =>
  buildQueries(truth, { perKind: { question: n, exact: 0, typo: 0, speaker: 0, autocomplete: 0 }, seed: s })
    .map((q) => q.text)
    .filter((q) => !q.startsWith('What did '));
const questions = questionsOf(count, seed);
// As `npm run bench` does, questions of other articles first, so JIT warm-up is not measured.
for (const q of questionsOf(warmup, seed + 1000)) ask(kb, q);

const PHASES = ['analysis', 'articles', 'statsOf', 'rank', 'read', 'gate'] as const;
const spent = new Map<string, number[]>(PHASES.map((p) => [p, []]));
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const articleCounts: number[] = [];
const slowest: { q: string; total: number; ms: number[]; n: number }[] = [];
const wall: number[] = [];
const gcPerQuestion: number[] = [];
let gcMs = 0;
const gcKinds = new Map<number, number[]>();
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;
    gcKinds.set(kind, [...(gcKinds.get(kind) ?? []), e.duration]);
  }
}).observe({ entryTypes: ['gc'] });
for (const q of questions) {
  const started = performance.now();
  const gcBefore = gcMs;
  const t0 = cpu();
  const analysis = analyzeQuestion(q);
  const t1 = cpu();
  const choices = chooseArticles(kb, q, undefined);
  const t2 = cpu();
  // CPU ms per phase, in PHASES order; the per-article phases add up over the articles read.
  const ms = [t1 - t0, t2 - t1, 0, 0, 0, 0];
  const known = indexedTerms(kb);
  let answered = false;
  let readCount = 0;
  for (const [k, c] of choices.entries()) {
    // As ask does: a further article covering less of the question is not read when the best answered.
    if (k > 0 && !readAll && answered && c.coverage < (choices[0]?.coverage ?? 0)) continue;
    readCount++;
    let a = cpu();
    const lap = (phase: number): void => {
      const b = cpu();
      ms[phase] = (ms[phase] as number) + b - a;
      a = b;
    };
    const stats = statsOf(c.article, known);
    lap(2);
    const r = rankParagraphs(stats, analysis.terms).slice(0, k === 0 ? depth : further);
    lap(3);
    const best = r[0]?.bm25 ?? 0;
    const read: Reading[] = r.map((x, rank) =>
      readParagraph(analysis, stats, x.index, { rank, bm25: x.bm25, best, next: r[rank + 1]?.bm25 ?? 0 }),
    );
    lap(4);
    const scored = read.map((x) => ({ ...x, p: probability(MODEL, x.features) })).sort((x, y) => y.p - x.p);
    if (k === 0) answered = confidence(scored) >= MODEL.threshold;
    lap(5);
  }
  PHASES.forEach((p, i) => spent.get(p)?.push(ms[i] as number));
  slowest.push({ q, total: ms.reduce((x, y) => x + y, 0), ms, n: readCount });
  articleCounts.push(readCount);
  wall.push(performance.now() - started);
  // GC entries are delivered asynchronously: let them in before the next question.
  await new Promise((resolve) => setImmediate(resolve));
  gcPerQuestion.push(gcMs - gcBefore);
}
const lines = [
  `${size} articles, ${questions.length} reader questions${readAll ? ' (every chosen article read)' : ''}, CPU ms per question`,
];
for (const [p, ms] of spent) {
  const s = summarize(ms);
  const total = ms.reduce((a, b) => a + b, 0);
  lines.push(
    `${p.padEnd(9)} total ${total.toFixed(0).padStart(6)} ms  p50 ${s.p50.toFixed(2)}  p99 ${s.p99.toFixed(2)}`,
  );
}
const hist = [1, 2, 3].map((n) => `${n}: ${articleCounts.filter((c) => c === n).length}`).join(', ');
lines.push(`articles read per question: ${hist}`);
const w = summarize(wall);
const g = summarize(gcPerQuestion);
lines.push(`wall per question p50 ${w.p50.toFixed(2)} p99 ${w.p99.toFixed(2)} max ${w.max.toFixed(1)} ms`);
lines.push(`GC per question p50 ${g.p50.toFixed(2)} p99 ${g.p99.toFixed(2)} max ${g.max.toFixed(1)} ms`);
for (const [kind, ds] of gcKinds) {
  const s = summarize(ds);
  lines.push(`GC kind ${kind}: ${ds.length} pauses, p50 ${s.p50.toFixed(2)} max ${s.max.toFixed(1)} ms`);
}
lines.push(`RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
lines.push('slowest (CPU ms per phase):');
for (const x of slowest.sort((a, b) => b.total - a.total).slice(0, 6)) {
  const parts = PHASES.map((p, i) => `${p} ${(x.ms[i] as number).toFixed(1)}`);
  lines.push(`  ${x.total.toFixed(1)}: ${parts.join(', ')}, ${x.n} article(s): ${x.q}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
