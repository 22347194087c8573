/**
 * `npm run train:spans [-- --data DIR ... --out FILE]` (run first by `npm run train:ask`): trains
 * the /ask span scorer on data folders in the qa-bench format, by default the shared qa-bench and
 * the project's news fixtures, and writes its weights as JSON. Deterministic. It runs in its own
 * process before the paragraph model's training, so that one reads with the fresh span weights.
 */
import { writeFile } from 'node:fs/promises';
import { spanCases, trainSpanModel } from '../reader/span-training.ts';
import { loadData } from '../reader/training.ts';
import { dataArgs } from './data-args.ts';

// tests/fixtures/spans stays out of the defaults: it is the held-out check of the committed weights.
const { data, weights, out } = dataArgs(process.argv.slice(2), {
  data: ['../shared/qa-bench', 'tests/fixtures/reader'],
  weights: [1, 5],
  out: 'src/reader/span-weights.json',
});

const started = Date.now();
const cases = spanCases(await loadData(data, weights));
const model = trainSpanModel(cases);
await writeFile(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(
  `span scorer: ${cases.length} cases from ${data.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s; wrote ${out}`,
);
