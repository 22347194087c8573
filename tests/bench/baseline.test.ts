import { describe, expect, it } from 'vitest';
import { createBaseline } from '../../bench/baseline.ts';
import { generateCorpus } from '../../bench/generate.ts';
import { buildQueries, byKind } from '../../bench/queries.ts';
import { evaluate } from '../../bench/stats.ts';

const corpus = generateCorpus(20, 11);
const baseline = createBaseline(corpus);

describe('baseline', () => {
  it('indexes every body paragraph of every article', () => {
    expect(baseline.passages).toHaveLength(corpus.reduce((n, a) => n + a.truth.paragraphs, 0));
  });

  it('finds the paragraph of an exact quote fragment first', () => {
    const a = corpus[4]!.truth;
    const q = a.quotes.find((x) => !x.partial)!;
    const hits = baseline.search(q.text.split(' ').slice(0, 6).join(' '));
    expect(hits[0]).toMatchObject({ article: a.id, paragraph: q.paragraph });
  });

  it('plugs into evaluate like any other system', async () => {
    const queries = byKind(
      buildQueries(
        corpus.map((c) => c.truth),
        { perKind: 10 },
      ),
    ).exact;
    const [exact] = await evaluate(baseline, queries);
    expect(exact!.count).toBe(10);
    expect(exact!.hit5).toBeGreaterThan(0.5);
  });
});
