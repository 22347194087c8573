import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

/**
 * Hostile but plausible bodies: extraction must grow linearly with their size. Each case builds
 * a body of `chars` characters (or paragraphs for the many-paragraphs case).
 */
const fill = (unit: string, chars: number): string =>
  unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

const CASES: Record<string, (chars: number) => string[]> = {
  'repeated capitalised words': (n) => [fill('Harbour Valley Northern Crest Wind Farm Board ', n)],
  'a repeated byline of names': (n) => [fill('By Maria Okafor and Tom Lindqvist, ', n)],
  'opening quotation marks that never close': (n) => [fill('The mayor said “ the plan ', n)],
  'straight quotes that never close': (n) => [fill('The mayor said " the plan ', n)],
  'thousands of Mr.': (n) => [fill('Mr. ', n)],
  'a long run of one character': (n) => ['x'.repeat(n)],
  'thousands of short paragraphs': (n) =>
    Array.from({ length: Math.ceil(n / 25) }, (_, i) => `Officer Dana Pryce said ${i} left.`),
};

/**
 * CPU time of one extraction, in ms: CPU time rather than elapsed time, so other processes
 * competing for the cores do not count as this article's work.
 */
function cpuMs(paragraphs: string[]): number {
  const article = makeArticle(paragraphs);
  const t0 = process.cpuUsage();
  extractKnowledge(article);
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

describe('extraction grows linearly on pathological articles', () => {
  // Four times the input: linear work takes about 4x; quadratic 16x, cubic 64x. The small body
  // takes 5-10 ms, so a garbage collection or a JIT tier-up in one run does not swing the ratio
  // as it did at 10,000 characters (about 3 ms: linear cases measured 3.9-9.05 there, once over 9).
  const small = 20_000;
  const large = small * 4;
  for (const [name, build] of Object.entries(CASES)) {
    it(`four times ${name} costs well under sixteen times the work`, () => {
      const smallBody = build(small);
      const largeBody = build(large);
      cpuMs(smallBody); // warm the code paths before measuring
      let a = Infinity;
      let b = Infinity;
      for (let round = 0; round < 7; round++) {
        // Interleaved and the fastest of each kept: a burst of load elsewhere affects both alike.
        a = Math.min(a, cpuMs(smallBody));
        b = Math.min(b, cpuMs(largeBody));
      }
      // Runs of a few milliseconds carry no ratio worth comparing: 2 ms is the floor.
      const ratio = Math.max(b, 2) / Math.max(a, 2);
      // Linear cases measure 4-7 at these sizes; quadratic work would be near 16.
      expect(ratio).toBeLessThan(10);
    });
  }

  it('still finds the speaker and the quote in a large article', () => {
    const body = [
      ...CASES['thousands of short paragraphs']!(20_000),
      '“We will reopen the bridge in spring,” Officer Dana Pryce said.',
    ];
    const k = extractKnowledge(makeArticle(body));
    const quote = k.quotes.find((q) => q.text.includes('reopen the bridge'));
    expect(quote?.speaker).toBe('Dana Pryce');
  });
});
