import { describe, expect, it } from 'vitest';
import { generateCorpus, Rng } from '../../bench/generate.ts';
import { addTypos, buildQueries, byKind, editDistance, QUERY_KINDS } from '../../bench/queries.ts';

const corpus = generateCorpus(200, 9);
const truth = corpus.map((a) => a.truth);
const quoteAt = new Map<string, string>(
  truth.flatMap((a) => a.quotes.map((q) => [`${a.id}#${q.paragraph}#${q.speaker}`, q.text] as const)),
);
const queries = buildQueries(truth, { perKind: 60, seed: 3 });
const kinds = byKind(queries);

describe('buildQueries', () => {
  it('is deterministic for the same truth and seed', () => {
    expect(buildQueries(truth, { perKind: 60, seed: 3 })).toEqual(queries);
    expect(buildQueries(truth, { perKind: 60, seed: 4 })).not.toEqual(queries);
  });

  it('builds the requested number of each kind', () => {
    for (const k of QUERY_KINDS) expect(kinds[k]).toHaveLength(60);
    const some = byKind(buildQueries(truth, { perKind: { exact: 5, typo: 0 }, seed: 3 }));
    expect(some.exact).toHaveLength(5);
    expect(some.typo).toHaveLength(0);
  });

  it('keeps each kind stable when another kind changes size', () => {
    const other = byKind(buildQueries(truth, { perKind: { exact: 5, typo: 60 }, seed: 3 }));
    expect(other.typo).toEqual(kinds.typo);
  });

  it('makes exact queries of 4–8 words found in the expected quote', () => {
    for (const q of kinds.exact) {
      const words = q.text.split(' ').length;
      expect(words).toBeGreaterThanOrEqual(4);
      expect(words).toBeLessThanOrEqual(8);
      expect(q.expected.length).toBeGreaterThanOrEqual(1);
      for (const e of q.expected) {
        expect(quoteAt.get(`${e.article}#${e.paragraph}#${e.speaker}`)?.toLowerCase()).toContain(
          q.text.toLowerCase(),
        );
      }
    }
  });

  it('makes typo queries 1–3 edits away from their source fragment', () => {
    for (const q of kinds.typo) {
      const d = editDistance(q.source!, q.text);
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(3);
      expect(d).toBe(q.edits!.length);
    }
  });

  it('asks questions whose expected paragraph holds the answer', () => {
    for (const q of kinds.question) {
      expect(q.text).toMatch(/\?$/);
      expect(q.expected.length).toBeGreaterThanOrEqual(1);
      for (const e of q.expected) expect(e.paragraph).toBeGreaterThanOrEqual(1);
    }
  });

  it('lists every article quoting a speaker, and misspells at most one letter', () => {
    for (const q of kinds.speaker) {
      const speaker = q.expected[0]!.speaker!;
      const quoting = truth.filter((a) => a.quotes.some((x) => x.speaker === speaker)).map((a) => a.id);
      expect(q.expected.map((e) => e.article)).toEqual(quoting);
      if (q.source) expect(editDistance(q.source, q.text)).toBe(1);
      else expect(speaker.endsWith(q.text)).toBe(true);
    }
  });

  it('cuts autocomplete prefixes of 2–12 characters from the completion', () => {
    for (const q of kinds.autocomplete) {
      expect(q.text.length).toBeGreaterThanOrEqual(1);
      expect(q.text.length).toBeLessThanOrEqual(12);
      expect(q.completion!.startsWith(q.text)).toBe(true);
    }
  });
});

describe('addTypos and editDistance', () => {
  it('counts swaps, drops, doubles and substitutions as one edit each', () => {
    expect(editDistance('border', 'obrder')).toBe(1);
    expect(editDistance('border', 'boder')).toBe(1);
    expect(editDistance('border', 'borrder')).toBe(1);
    expect(editDistance('border', 'bordwr')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('never returns the source unchanged when a word can take a typo', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 500; i++) {
      const t = addTypos(rng, 'the hasty withdrawal of allied troops');
      expect(t.text).not.toBe('the hasty withdrawal of allied troops');
      expect(editDistance('the hasty withdrawal of allied troops', t.text)).toBe(t.edits.length);
    }
  });
});
