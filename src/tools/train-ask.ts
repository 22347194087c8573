/**
 * `npm run train:ask [-- --data DIR ... --out FILE --cv K --ranker linear|trees --gate linear|trees
 * --fold-gate --free-gate]`: trains the /ask reader's scorer on data folders in the qa-bench
 * format (`articles/` + `cases.jsonl`), by default the shared qa-bench and the project's own news
 * fixtures, and writes the weights (with the abstention threshold) as JSON. Deterministic: same
 * folders, same weights. The answer gate is fitted on the rankings of article-grouped
 * cross-validation folds (`--cv K`, default 5; `--cv 0`: the in-sample ranking), whose figures are
 * printed beside the in-sample ones, overall and per folder. By default each folder's answerable
 * and unanswerable questions weigh the same in the gate, its threshold is 0.5, and each weight
 * keeps the side its feature can only push (`gateWeights`, `BALANCED_THRESHOLD`,
 * `GATE_DIRECTIONS` in training.ts); `--fold-gate` weighs questions by folder instead and chooses
 * the threshold on the folds (round 6's gate), `--free-gate` fits the weights unbounded. `--eval`
 * scores the committed model on the folders instead (held-out figures).
 */
import { writeFile } from 'node:fs/promises';
import { MODEL } from '../reader/read.ts';
import { DEFAULT_LEARNERS, evaluate, examples, loadData, trainModel } from '../reader/training.ts';
import type { Learners } from '../reader/training.ts';
import { dataArgs } from './data-args.ts';

function value(argv: string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

function learners(argv: string[]): Learners {
  const kind = (v: string | undefined, d: 'linear' | 'trees'): 'linear' | 'trees' =>
    v === 'linear' || v === 'trees' ? v : d;
  return {
    ranker: kind(value(argv, '--ranker'), DEFAULT_LEARNERS.ranker),
    gate: kind(value(argv, '--gate'), DEFAULT_LEARNERS.gate),
    balanceGate: !argv.includes('--fold-gate'),
    signedGate: !argv.includes('--free-gate'),
  };
}

const argv = process.argv.slice(2);
const evaluateOnly = argv.includes('--eval');
// By default SQuAD's questions and the project's news questions, which count 20 times each.
const { data, weights, out } = dataArgs(argv, {
  data: ['../shared/qa-bench', 'tests/fixtures/reader'],
  weights: [1, 20],
  out: 'src/reader/weights.json',
});

const started = Date.now();
const set = await loadData(data, weights);
if (evaluateOnly) {
  // `--eval`: the committed model on these folders (held-out figures), nothing written.
  console.log(JSON.stringify(evaluate(examples(set), MODEL)));
  process.exit(0);
}
const folds = Number(value(argv, '--cv') ?? 5);
const { model, figures, cv, cvBySource, folds: used } = trainModel(set, { folds, learners: learners(argv) });
await writeFile(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(
  `trained on ${set.cases.length} cases from ${data.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`threshold ${model.threshold}; in-sample ${JSON.stringify(figures)}`);
if (cv) console.log(`cross-validated (${used} folds by article) ${JSON.stringify(cv)}`);
if (cvBySource.size > 1)
  for (const [dir, f] of cvBySource) console.log(`  cross-validated, ${dir} only: ${JSON.stringify(f)}`);
console.log(`wrote ${out}`);
