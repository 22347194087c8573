import { beforeAll, describe, expect, it } from 'vitest';
import { quotesBy, who } from '../../src/answers/people.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { FIXTURES, SEED, loadKb } from '../helpers/kb.ts';

let seed: KnowledgeBase;
let all: KnowledgeBase;
beforeAll(async () => {
  seed = await loadKb('seeds');
  all = await loadKb('seeds', FIXTURES);
});

describe('/quotes', () => {
  it('returns every quote of Lavrov, in article order, from his surname', () => {
    const answer = quotesBy(seed, 'Lavrov');
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.results.map((r) => r.citation?.paragraph)).toEqual([3, 5, 6]);
    expect(answer.results.every((r) => r.speaker === 'Sergei Lavrov')).toBe(true);
  });

  it('understands a transliterated first name (Sergej Lavrov)', () => {
    const answer = quotesBy(seed, 'Sergej Lavrov');
    expect(answer.ok && answer.results.length).toBe(3);
  });

  it('understands a misspelt name (Hassan Sultonov)', () => {
    const answer = quotesBy(seed, 'Hassan Sultonov');
    expect(answer).toMatchObject({
      ok: true,
      results: [{ speaker: 'Hasan Sultonov', citation: { article: SEED, paragraph: 2 } }],
    });
  });

  it('answers an empty list with a reason for someone with no direct quote', () => {
    const answer = quotesBy(seed, 'Russia');
    expect(answer).toMatchObject({ ok: true, results: [] });
    expect(answer.ok && answer.message).toMatch(/no direct quote/);
  });

  it('says nobody by that name appears, with near names', () => {
    const answer = quotesBy(seed, 'Vladimir Putin');
    expect(answer).toMatchObject({ ok: true, results: [] });
    expect(answer.ok && answer.message).toMatch(/Nobody called/);
  });

  it('keeps two people who share a surname apart, and says both match', () => {
    const answer = quotesBy(all, 'Ruth Hale');
    expect(answer.ok && answer.results.map((r) => r.speaker)).toEqual(['Ruth Hale']);
    const bare = quotesBy(all, 'Hale');
    expect(bare.ok && bare.message).toMatch(/Also matching: (Ruth|Tom) Hale/);
  });

  it('includes both parts of a split quote, as one passage of its paragraph', () => {
    const answer = quotesBy(all, 'Raman', 'harbour-ferry-closure');
    expect(answer.ok && answer.results.length).toBe(2);
    const split = answer.ok ? answer.results.find((r) => r.text.includes(' … ')) : undefined;
    expect(split?.text).toBeDefined();
  });

  it('gathers one person named differently across articles (Priya Raman, then plain Raman)', () => {
    const answer = quotesBy(all, 'Priya Raman');
    expect(answer.ok && answer.results.map((r) => r.citation?.article)).toEqual([
      'council-budget',
      'harbour-ferry-closure',
      'harbour-ferry-closure',
    ]);
  });
});

describe('/who', () => {
  it('describes Sultonov with his role, quote count and paragraph', () => {
    const answer = who(seed, 'Sultonov');
    expect(answer).toMatchObject({
      ok: true,
      results: [{ kind: 'entity', title: 'Hasan Sultonov', citation: { paragraph: 2 } }],
    });
    const fields = answer.ok ? (answer.results[0]?.fields ?? []) : [];
    expect(fields).toEqual(expect.arrayContaining([{ name: 'Quotes', value: '1' }]));
    expect(fields.find((f) => f.name === 'Described as')?.value).toContain(
      'Tajik representative to the CSTO',
    );
  });

  it('finds an organisation by its acronym', () => {
    const answer = who(seed, 'CSTO');
    expect(answer.ok && answer.results[0]?.title).toMatch(/CSTO|Collective Security Treaty Organization/);
  });

  it('finds a person from a transliteration', () => {
    expect(who(seed, 'Sergej Lavrov')).toMatchObject({ ok: true, results: [{ title: 'Sergei Lavrov' }] });
  });
});
