import { describe, expect, it } from 'vitest';
import { createProgress, fmtMs, renderTable, toJson } from '../../bench/report.ts';
import type { SizeResult } from '../../bench/report.ts';
import type { KindResult } from '../../bench/stats.ts';

const kind = (k: KindResult['kind'], p50: number): KindResult => ({
  kind: k,
  count: 10,
  min: 0,
  max: 1,
  mean: p50,
  p50,
  p95: p50 * 2,
  p99: p50 * 3,
  hit1: 0.5,
  hit5: 0.9,
});
const results: SizeResult[] = [
  { system: 'baseline', size: 100, loadMs: 12.3, rssMb: 80, kinds: [kind('exact', 4), kind('typo', 8)] },
  {
    system: 'newsroom',
    size: 100,
    loadMs: 50,
    warmStartMs: 5,
    rssMb: 90,
    kinds: [kind('exact', 0.4), kind('typo', 0.2)],
  },
];

describe('renderTable', () => {
  const table = renderTable(results, { baseline: 'baseline' });
  const lines = table.split('\n');

  it('aligns every row to the header columns', () => {
    const pos = lines[0]!.indexOf('p50 ms') + 'p50 ms'.length;
    for (const line of lines.slice(2)) expect(line[pos - 1]).toMatch(/\d/);
  });

  it('shows the ratio of p50 to the baseline at the same size', () => {
    expect(lines.find((l) => l.includes('newsroom'))).toMatch(/10\.0× faster$/);
    expect(lines.find((l) => /\btypo\b/.test(l) && l.includes('0.20'))).toMatch(/\d+(\.\d)?× faster$/);
  });

  it('prints the per-load columns only on the first row of each group', () => {
    expect(lines.filter((l) => l.includes('12.3'))).toHaveLength(1);
  });
});

describe('toJson', () => {
  it('turns NaN into null so the file stays valid JSON', () => {
    const json = toJson({
      seed: 1,
      node: 'v20',
      platform: 'linux',
      results: [{ ...results[0]!, loadMs: NaN }],
    });
    expect(JSON.parse(json).results[0].loadMs).toBeNull();
  });
});

describe('fmtMs', () => {
  it('keeps precision proportional to the magnitude', () => {
    expect([fmtMs(0.0123), fmtMs(1.234), fmtMs(45.67), fmtMs(1234.5), fmtMs(undefined)]).toEqual([
      '0.012',
      '1.23',
      '45.7',
      '1235',
      '-',
    ]);
  });
});

describe('createProgress', () => {
  const sink = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, stream: { isTTY, columns: 80, write: (s: string) => out.push(s) } };
  };

  it('redraws one line with carriage returns on a terminal', () => {
    const { out, stream } = sink(true);
    let t = 0;
    const p = createProgress('gen', 4, { stream, now: () => (t += 1000) });
    for (let i = 0; i < 4; i++) p.tick();
    p.done();
    expect(out.slice(0, -1).every((s) => s.startsWith('\r') && !s.includes('\n'))).toBe(true);
    expect(out.at(-2)).toContain('100% 4/4');
    expect(out.at(-1)).toBe('\n');
  });

  it('prints occasional plain lines when stderr is not a terminal', () => {
    const { out, stream } = sink(false);
    const p = createProgress('gen', 1000, { stream, stepPercent: 25 });
    for (let i = 0; i < 1000; i++) p.tick();
    p.done();
    expect(out.length).toBeLessThanOrEqual(6);
    expect(out.every((s) => !s.includes('\r') && s.endsWith('\n'))).toBe(true);
    expect(out.at(-1)).toBe('gen: 1000/1000 (100%)\n');
  });
});
