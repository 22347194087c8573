/**
 * Extraction alone, in process, on generated articles (as `npm run bench` makes them):
 * wall time per article and CPU time in all, for finding what a cold start spends (profile it
 * with `node --cpu-prof`).
 *
 *   node --import tsx bench/extract-profile.ts [--count 400] [--seed 1]
 */
import { parseArticle } from '../src/article/parse.ts';
import { extractKnowledge } from '../src/knowledge/extract.ts';
import { generateArticle } from './generate.ts';
import { arg } from './args.ts';
import { summarize } from './stats.ts';

const count = Number(arg('--count', '400'));
const seed = Number(arg('--seed', '1'));
const parsed = Array.from({ length: count }, (_, i) => generateArticle(seed, i)).flatMap((g) => {
  const r = parseArticle({ id: g.id, file: `${g.id}.txt`, text: g.text });
  return r.ok ? [r.article] : [];
});
// Warm-up on other articles: JIT and the NLP lexicon.
for (let i = 0; i < 50; i++) {
  const r = parseArticle({ id: 'w', file: 'w.txt', text: generateArticle(seed + 7, i).text });
  if (r.ok) extractKnowledge(r.article);
}
const times: number[] = [];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (const a of parsed) {
  const started = performance.now();
  extractKnowledge(a);
  times.push(performance.now() - started);
}
const cpu = process.cpuUsage(cpu0);
const s = summarize(times);
process.stdout.write(
  `${parsed.length} articles in ${(performance.now() - t0).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms): p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} p99 ${s.p99.toFixed(2)} max ${s.max.toFixed(1)} ms\n`,
);
