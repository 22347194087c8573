/**
 * `npm run eval:spans -- DIR [DIR ...] [--cv] [--misses N] [--type T] [--dump FILE]`: the short answer given the
 * gold paragraph. For every answerable case of each data folder (qa-bench format), the paragraph
 * the question was written for is read as /ask reads a paragraph (best sentence, then the span),
 * and the span is scored with SQuAD EM/F1 against the gold answers, overall and by answer type
 * asked. Also: how often the read sentence holds a gold answer, and the best F1 any candidate
 * span of that sentence reaches (what a perfect span scorer would get). `--cv` trains the span
 * scorer on half of the articles and scores it on the other half, both ways (held-out figures).
 * `--dump FILE` writes every case as a JSON line (type, question, golds, predicted, read and
 * holding sentences, best candidate) for grouping the misses.
 */
import { writeFile } from 'node:fs/promises';
import type { SpanModel as Model } from '../reader/span-model.ts';
import { sentenceCandidates } from '../reader/span-features.ts';
import { sentenceHolds, spanCases, trainSpanModel } from '../reader/span-training.ts';
import type { SpanCase } from '../reader/span-training.ts';
import { chooseSentence } from '../reader/sentence-choice.ts';
import { chooseSpan } from '../reader/extract.ts';
import { squadScore } from '../reader/squad.ts';
import { loadData } from '../reader/training.ts';

interface Tally {
  n: number;
  em: number;
  f1: number;
  inSentence: number;
  oracle: number;
}

const empty = (): Tally => ({ n: 0, em: 0, f1: 0, inSentence: 0, oracle: 0 });

interface Args {
  dirs: string[];
  misses: number;
  type: string;
  cv: boolean;
  dump: string;
}

function args(argv: string[]): Args {
  const dirs: string[] = [];
  let misses = 0;
  let type = '';
  let dump = '';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--misses') misses = Number(argv[++i] ?? 0);
    else if (argv[i] === '--dump') dump = argv[++i] ?? '';
    else if (argv[i] === '--type') type = argv[++i] ?? '';
    else if (argv[i] !== '--cv') dirs.push(argv[i] as string);
  }
  return { dirs, misses, type, cv: argv.includes('--cv'), dump };
}

/** Two folds by article: each half's cases get the model trained on the other half. */
function crossModels(cases: readonly SpanCase[]): Map<string, Model> {
  const ids = [...new Set(cases.map((k) => k.c.article))].sort();
  const fold = new Map(ids.map((id, i) => [id, i % 2]));
  const models = [0, 1].map((f) => trainSpanModel(cases.filter((k) => fold.get(k.c.article) !== f)));
  return new Map(ids.map((id) => [id, models[fold.get(id) ?? 0] as Model]));
}

const { dirs, misses, type: onlyType, cv, dump } = args(process.argv.slice(2));
if (dirs.length === 0) {
  console.error('usage: npm run eval:spans -- DIR [DIR ...] [--cv] [--misses N] [--type T]');
  process.exit(2);
}
const started = Date.now();
const cases = spanCases(await loadData(dirs), true);
const models = cv ? crossModels(cases) : null;
const byType = new Map<string, Tally>();
const all = empty();
const shown: string[] = [];
const dumped: string[] = [];
for (const k of cases) {
  const golds = k.c.answers ?? [];
  const model = models?.get(k.c.article);
  const choice = model ? chooseSentence(k.q, k.stats, k.paragraph, model) : null;
  const read = choice
    ? (k.stats.article.paragraphs[k.paragraph]?.sentences[choice.sentence]?.text ?? '')
    : k.read;
  const predicted = choice ? choice.span?.text : chooseSpan(k.q, k.read)?.text;
  const { em, f1 } = squadScore(predicted, golds);
  const inSentence = sentenceHolds(read, golds) ? 1 : 0;
  let oracle = 0;
  let best = '';
  for (const s of sentenceCandidates(read).candidates) {
    const f = squadScore(s.text, golds).f1;
    if (f > oracle) [oracle, best] = [f, s.text];
  }
  if (dump) {
    const fields = { type: k.q.type, wh: k.q.wh, focus: k.q.focus, query: k.c.query, golds, predicted };
    const more = { em, f1, inSentence, oracle, best, read, holding: k.holding };
    dumped.push(JSON.stringify({ ...fields, ...more }));
  }
  const type = k.q.type;
  for (const t of [all, byType.get(type) ?? byType.set(type, empty()).get(type)] as Tally[]) {
    t.n++;
    t.em += em;
    t.f1 += f1;
    t.inSentence += inSentence;
    t.oracle += oracle;
  }
  if (shown.length < misses && f1 < 0.5 && inSentence && (!onlyType || type === onlyType))
    shown.push(
      `[${type}] ${k.c.query}\n  gold: ${golds.join(' | ')}\n  got:  ${predicted ?? '(none)'}\n  in:   ${read}`,
    );
}
const pct = (a: number, n: number): string => (n > 0 ? ((100 * a) / n).toFixed(1) : '-').padStart(6);
console.log(
  `${'type'.padEnd(14)}${'n'.padStart(6)}${'EM'.padStart(6)}${'F1'.padStart(6)}  sentence-right  oracle-F1`,
);
const rows = [...byType.entries()].sort((a, b) => b[1].n - a[1].n);
for (const [name, t] of [...rows, ['all', all] as [string, Tally]])
  console.log(
    `${name.padEnd(14)}${String(t.n).padStart(6)}${pct(t.em, t.n)}${pct(t.f1, t.n)}  ${pct(t.inSentence, t.n)}            ${pct(t.oracle, t.n)}`,
  );
console.log(`${all.n} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (shown.length > 0) console.log(`\n${shown.join('\n\n')}`);
if (dump) await writeFile(dump, `${dumped.join('\n')}\n`);
