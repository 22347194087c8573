/**
 * `npm run train:spans [-- --data DIR ... --out FILE]` (run first by `npm run train:ask`): trains
 * the /ask span scorer on data folders in the qa-bench format, by default the shared qa-bench and
 * the project's news fixtures, and writes its weights as JSON. Deterministic. It runs in its own
 * process before the paragraph model's training, so that one reads with the fresh span weights.
 */
import { writeFile } from 'node:fs/promises';
import { spanCases, trainSpanModel } from '../reader/span-training.ts';
import { loadData } from '../reader/training.ts';

function args(argv: string[]): { data: string[]; weights: number[]; out: string } {
  const data: string[] = [];
  const weights: number[] = [];
  let out = 'src/reader/span-weights.json';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data' && argv[i + 1]) {
      const [dir, weight] = (argv[++i] as string).split(':');
      data.push(dir ?? '');
      weights.push(Number(weight ?? 1) || 1);
    } else if (argv[i] === '--out' && argv[i + 1]) out = argv[++i] as string;
  }
  if (data.length > 0) return { data, weights, out };
  // tests/fixtures/spans stays out: it is the held-out check of the committed weights.
  return { data: ['../shared/qa-bench', 'tests/fixtures/reader'], weights: [1, 5], out };
}

const { data, weights, out } = args(process.argv.slice(2));
const started = Date.now();
const cases = spanCases(await loadData(data, weights));
const model = trainSpanModel(cases);
await writeFile(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(
  `span scorer: ${cases.length} cases from ${data.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s; wrote ${out}`,
);
