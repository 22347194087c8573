import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyParagraphs, generateArticle, generateCorpus, writeCorpus } from '../../bench/generate.ts';
import type { TruthFile } from '../../bench/generate.ts';

const SAMPLE = generateCorpus(300, 42);

describe('generateArticle', () => {
  it('returns the same text and truth for the same seed and index', () => {
    const a = generateArticle(42, 17);
    const b = generateArticle(42, 17);
    expect(b.text).toBe(a.text);
    expect(b.truth).toEqual(a.truth);
  });

  it('does not depend on which articles were generated before it', () => {
    // Random access matters: run.ts may generate article 999 without 0..998.
    expect(generateArticle(42, 250).text).toBe(SAMPLE[250]!.text);
  });

  it('gives different articles for different seeds and indexes', () => {
    expect(generateArticle(1, 0).text).not.toBe(generateArticle(2, 0).text);
    expect(generateArticle(1, 0).text).not.toBe(generateArticle(1, 1).text);
  });

  it('places every truth quote verbatim in the paragraph the truth names', () => {
    for (const { text, truth } of SAMPLE) {
      const paras = bodyParagraphs(text);
      expect(paras).toHaveLength(truth.paragraphs);
      for (const q of truth.quotes) {
        const para = paras[q.paragraph - 1];
        expect(para, `${truth.id} ¶${q.paragraph}`).toContain(q.display);
        expect(para).toContain(q.text);
        expect(para).toContain(q.speaker.split(' ').pop());
      }
      for (const c of truth.claims) expect(paras[c.paragraph - 1]).toContain(c.clause);
      for (const f of truth.facts) expect(paras[f.paragraph - 1]).toContain(f.text);
    }
  });

  it('writes 4–10 body paragraphs and 2–6 quotes from named speakers', () => {
    for (const { truth } of SAMPLE) {
      expect(truth.paragraphs).toBeGreaterThanOrEqual(4);
      expect(truth.paragraphs).toBeLessThanOrEqual(10);
      expect(truth.quotes.length).toBeGreaterThanOrEqual(2);
      expect(truth.quotes.length).toBeLessThanOrEqual(6);
      const names = new Set(truth.people.map((p) => p.name));
      for (const q of truth.quotes) {
        expect(names.has(q.speaker)).toBe(true);
        expect(q.speaker.split(' ')).toHaveLength(2);
      }
    }
  });

  it('uses the varied attribution patterns across a corpus', () => {
    const patterns = new Set(SAMPLE.flatMap((a) => a.truth.quotes.map((q) => q.pattern)));
    expect([...patterns].sort()).toEqual([
      'added',
      'appositive',
      'colon',
      'partial',
      'pronoun',
      'said-the-role',
      'trailing-surname',
    ]);
  });

  it('names a person in full before any surname-only or pronoun attribution', () => {
    for (const { text, truth } of SAMPLE) {
      const body = bodyParagraphs(text).join('\n');
      for (const q of truth.quotes) {
        const firstQuote = body.indexOf(q.display);
        expect(body.indexOf(q.speaker)).toBeGreaterThanOrEqual(0);
        expect(body.indexOf(q.speaker)).toBeLessThan(firstQuote + q.display.length + q.speaker.length + 80);
      }
    }
  });

  it('lays out the header like the scraped seed', () => {
    const lines = generateArticle(3, 9).text.split('\n\n');
    expect(lines[2]).toMatch(/^By \[[^\]]+\]\(#\)/);
    expect(lines[3]).toMatch(/^[A-Z][\w ]+, [A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(lines).toContain('*');
    expect(lines.some((l) => l.startsWith('Region: ['))).toBe(true);
    expect(lines.some((l) => l.startsWith('Theme: ['))).toBe(true);
  });

  it('records facts whose dates and numbers are consistent with the text', () => {
    for (const { truth } of SAMPLE) {
      for (const f of truth.facts) {
        if (f.kind === 'date') expect(f.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(f.value).toBeGreaterThan(0);
        expect(f.question).toMatch(/\?$/);
      }
    }
  });
});

describe('bodyParagraphs', () => {
  it('numbers the seed article the way citations do (site notices are not paragraphs)', () => {
    const paras = bodyParagraphs(
      readFileSync(new URL('../../seeds/russia-tajikistan-base.txt', import.meta.url), 'utf8'),
    );
    expect(paras).toHaveLength(6);
    expect(paras[0]).toMatch(
      /^Russia said it is prepared to activate a military base in Tajikistan in response/,
    );
    expect(paras[5]).toMatch(/Lavrov said\.$/);
  });
});

describe('writeCorpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one file per article plus truth.json, and drops stale generated files', () => {
    writeFileSync(join(dir, 'article-00099.txt'), 'stale');
    writeFileSync(join(dir, 'notes.md'), 'not ours');
    const s = writeCorpus(dir, 12, 5);
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(12);
    expect(files).toContain('notes.md');
    expect(files).toContain('truth.json');
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as TruthFile;
    expect(truth.count).toBe(12);
    expect(truth.articles[3]).toEqual(generateArticle(5, 3).truth);
    expect(readFileSync(join(dir, 'article-00003.txt'), 'utf8')).toBe(generateArticle(5, 3).text);
    expect(s.bytes).toBeGreaterThan(0);
  });
});
