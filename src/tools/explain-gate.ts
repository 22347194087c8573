/**
 * `node --import tsx src/tools/explain-gate.ts DIR [--withheld|--answered|--all] [--top N] [--match TEXT] [--features]`:
 * why the answer gate says what it says. For each case of a data folder (qa-bench format) it
 * reads the question against its article as /ask does, and prints the gate's probability, the
 * best paragraph (and the gold one) and the inputs that moved the probability most, each as
 * value and weight × standardised value (the gate's log-odds are the bias plus their sum).
 * `--withheld` (the default) shows answerable questions the gate withholds, `--answered`
 * unanswerable ones it answers, `--all` both kinds whatever the gate did. At the end: each
 * input's mean push over the shown cases, most negative first. `--features` also prints the
 * best paragraph's ranker features (what the ranker's probability, the gate's main input, reads).
 */
import { analyzeQuestion } from '../reader/question.ts';
import { answerCandidates, confidence, gateFeatures, MODEL } from '../reader/read.ts';
import type { Scored } from '../reader/read.ts';
import { FEATURES } from '../reader/features.ts';
import { matchWeight, neighbourHas, variantsOf } from '../reader/passages.ts';
import type { Model } from '../reader/model.ts';
import { loadData } from '../reader/training.ts';

interface Args {
  dir: string;
  mode: 'withheld' | 'answered' | 'all';
  top: number;
  match: string;
}

function parse(argv: readonly string[]): Args {
  const out: Args = { dir: '', mode: 'withheld', top: 6, match: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--withheld' || a === '--answered' || a === '--all') out.mode = a.slice(2) as Args['mode'];
    else if (a === '--top') out.top = Number(argv[++i] ?? 6);
    else if (a === '--features') continue;
    else if (a === '--match') out.match = (argv[++i] ?? '').toLowerCase();
    else out.dir = a;
  }
  return out;
}

/** Each gate input's push on the log-odds: weight × standardised value. */
function pushes(gate: Model, x: readonly number[]): { name: string; value: number; push: number }[] {
  return gate.features.map((name, j) => {
    const value = x[j] ?? 0;
    const push = (gate.weights[j] ?? 0) * ((value - (gate.mean[j] ?? 0)) / (gate.scale[j] ?? 1));
    return { name, value, push };
  });
}

/** The question's terms no variant of which is in the best sentence or beside it. */
function unmatchedTerms(r: Scored): string[] {
  const sets = r.stats.sentenceSets[r.paragraph] ?? [];
  const near = (k: string): boolean => !!sets[r.sentence]?.has(k) || neighbourHas(sets, r.sentence, k);
  return r.question.terms.filter((t) => matchWeight(variantsOf(t), near) === 0);
}

const verbose = process.argv.includes('--features');
const { dir, mode, top, match } = parse(process.argv.slice(2));
if (!dir) {
  console.error('usage: explain-gate.ts DIR [--withheld|--answered|--all] [--top N] [--match TEXT]');
  process.exit(2);
}
const gate = MODEL.gate;
if (!gate) throw new Error('the committed model has no gate');
const data = await loadData([dir]);
const totals = new Map<string, number>();
let shown = 0;
for (const c of data.cases) {
  const article = data.articles.get(c.article);
  if (!article || (match && !c.query.toLowerCase().includes(match))) continue;
  const ranked = answerCandidates([article], analyzeQuestion(c.query));
  const p = confidence(ranked);
  const answerable = c.kind === 'ask';
  const passes = p >= MODEL.threshold;
  if (mode === 'withheld' && !(answerable && !passes)) continue;
  if (mode === 'answered' && !(!answerable && passes)) continue;
  shown++;
  const ps = pushes(gate, gateFeatures(ranked));
  for (const { name, push } of ps) totals.set(name, (totals.get(name) ?? 0) + push);
  const best = ranked[0];
  const gold = c.paragraph === undefined ? '-' : `¶${c.paragraph}`;
  console.log(`\n${answerable ? 'ANS' : 'UNANS'} p=${p.toFixed(2)} best ¶${best ? best.paragraph + 1 : '-'} gold ${gold}  ${c.query}`);
  console.log(`  sentence: ${article.paragraphs[best?.paragraph ?? 0]?.sentences[best?.sentence ?? 0]?.text ?? ''}`);
  console.log(`  span: ${best?.span?.text ?? '(none)'}`);
  if (best) console.log(`  unmatched near the sentence: ${unmatchedTerms(best).join(' ') || '-'}`);
  if (verbose) for (const [j, name] of FEATURES.entries()) console.log(`    ${(best?.features[j] ?? 0).toFixed(2)} ${name}`);
  for (const { name, value, push } of [...ps].sort((a, b) => a.push - b.push).slice(0, top))
    console.log(`  ${push.toFixed(2).padStart(6)}  ${name} = ${value.toFixed(2)}`);
}
console.log(`\n${shown} cases; mean push per input (bias ${gate.bias.toFixed(2)}):`);
for (const [name, t] of [...totals].sort((a, b) => a[1] - b[1]))
  if (Math.abs(t / Math.max(1, shown)) >= 0.01) console.log(`  ${(t / Math.max(1, shown)).toFixed(2).padStart(6)}  ${name}`);
