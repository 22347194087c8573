import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article/parse.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import type { ArticleKnowledge } from '../../src/knowledge/types.ts';

function seedKnowledge(): ArticleKnowledge {
  const text = readFileSync(new URL('../../seeds/russia-tajikistan-base.txt', import.meta.url), 'utf8');
  const r = parseArticle({ id: 'russia-tajikistan-base', file: 'russia-tajikistan-base.txt', text });
  if (!r.ok) throw new Error(r.reason);
  return extractKnowledge(r.article);
}

describe('the Russia–Tajikistan seed', () => {
  const k = seedKnowledge();

  it('attributes exactly four quotes, each to the right speaker and paragraph', () => {
    const attributed = k.quotes.filter((q) => q.speaker !== null);
    expect(attributed.map((q) => [q.span.citation.paragraph, q.speaker, q.text.slice(0, 24)])).toEqual([
      [2, 'Hasan Sultonov', 'Given the current situat'],
      [3, 'Sergei Lavrov', 'We’ll do everything, inc'],
      [5, 'Sergei Lavrov', 'hasty withdrawal.'],
      [6, 'Sergei Lavrov', 'The situation is rapidly'],
    ]);
    expect(k.quotes).toHaveLength(4);
  });

  it('attributes “We’ll do everything” to the subject of the previous sentence, not to Moscow', () => {
    const q = k.quotes.find((x) => x.text.startsWith('We’ll'));
    expect(q?.speaker).toBe('Sergei Lavrov');
    expect(q?.rule).toBe('trailing');
    expect(q?.display.startsWith('“We’ll do everything')).toBe(true);
  });

  it('reads the appositive attribution of Sultonov and the partial quote of Lavrov', () => {
    const sultonov = k.quotes.find((q) => q.speaker === 'Hasan Sultonov');
    expect(sultonov?.rule).toBe('trailing');
    const partial = k.quotes.find((q) => q.text === 'hasty withdrawal.');
    expect(partial?.partial).toBe(true);
    expect(partial?.verb).toBe('described');
  });

  it('does not take the “Translate Website” header notice as a quote', () => {
    expect(k.quotes.some((q) => q.text.includes('Translate Website'))).toBe(false);
  });

  it('finds the claims of Russia (¶1) and Lavrov (¶3)', () => {
    expect(k.claims.map((c) => [c.span.citation.paragraph, c.speaker])).toEqual([
      [1, 'Russia'],
      [3, 'Sergei Lavrov'],
    ]);
    expect(k.claims[0]?.clause.startsWith('it is prepared to activate a military base in Tajikistan')).toBe(
      true,
    );
    expect(k.claims[1]?.clause.startsWith('Moscow is prepared to help its treaty ally')).toBe(true);
  });

  it('gives Lavrov and Sultonov their roles, and CSTO its expansion', () => {
    const byName = new Map(k.entities.map((e) => [e.name, e]));
    expect(byName.get('Sergei Lavrov')?.roles.map((r) => r.text)).toContain('Russian Foreign Minister');
    expect(byName.get('Sergei Lavrov')?.aliases).toContain('Lavrov');
    expect(byName.get('Hasan Sultonov')?.roles.map((r) => r.text)).toContain(
      'the Tajik representative to the CSTO',
    );
    const csto = byName.get('Collective Security Treaty Organization');
    expect(csto?.kind).toBe('organization');
    expect(csto?.aliases).toContain('CSTO');
    expect(byName.get('Taliban')?.kind).toBe('group');
    expect(byName.get('Tajikistan')?.kind).toBe('country');
    expect(byName.get('Russia')?.kind).toBe('country');
    expect(k.entities.some((e) => e.name === 'CSTO')).toBe(false);
  });

  it('records every mention of Lavrov, the resolved “he” included', () => {
    const lavrov = k.entities.find((e) => e.name === 'Sergei Lavrov');
    expect(lavrov?.mentions.map((m) => m.citation.paragraph)).toEqual([3, 3, 5, 6]);
  });

  it('extracts the counts, the duration and the weekday date', () => {
    const find = (text: string) => k.facts.find((f) => f.text === text);
    expect(find('over 1,000 Afghan soldiers')).toMatchObject({
      kind: 'count',
      value: 1000,
      qualifier: 'over',
      counts: 'Afghan soldiers',
    });
    expect(find('20,000 reservists')).toMatchObject({ value: 20000, counts: 'reservists' });
    expect(find('four other former Soviet states')).toMatchObject({
      value: 4,
      counts: 'other former Soviet states',
    });
    expect(find('almost 20 years')).toMatchObject({
      kind: 'duration',
      value: 20,
      qualifier: 'almost',
      counts: 'years',
    });
    expect(find('on Wednesday')).toMatchObject({ kind: 'date', iso: '2021-07-07' });
  });
});
