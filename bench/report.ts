/**
 * Presenting results: a fixed-width table for people, JSON for machines and diffs between runs,
 * and a progress indicator on stderr that never pollutes stdout (where the table/JSON go).
 */
import { writeFileSync } from 'node:fs';
import type { QueryKind } from './queries.ts';
import type { KindResult } from './stats.ts';

/** One system measured at one corpus size. */
export interface SizeResult {
  system: string;
  /** Number of articles. */
  size: number;
  /** Cold load: read + parse + index, ms. */
  loadMs: number;
  /** Start from a warm cache, ms (systems without a cache leave it out). */
  warmStartMs?: number;
  /** RSS after loading, MB. */
  rssMb: number;
  kinds: KindResult[];
}

export interface BenchReport {
  /** ISO timestamp; left to the caller so tests and diffs can pin it. */
  createdAt?: string;
  seed: number;
  node: string;
  platform: string;
  /** Which `system` name is the baseline the ratios are computed against. */
  baseline?: string;
  corpus?: { count: number; bytes: number; generateMs: number };
  results: SizeResult[];
  notes?: string[];
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
}

const COLUMNS: readonly Column[] = [
  { title: 'system', width: 14, align: 'left' },
  { title: 'size', width: 6, align: 'right' },
  { title: 'load ms', width: 9, align: 'right' },
  { title: 'warm ms', width: 8, align: 'right' },
  { title: 'RSS MB', width: 7, align: 'right' },
  { title: 'kind', width: 13, align: 'left' },
  { title: 'n', width: 5, align: 'right' },
  { title: 'p50 ms', width: 8, align: 'right' },
  { title: 'p95 ms', width: 8, align: 'right' },
  { title: 'p99 ms', width: 8, align: 'right' },
  { title: 'hit@1', width: 6, align: 'right' },
  { title: 'hit@5', width: 6, align: 'right' },
  { title: 'p50 vs baseline', width: 15, align: 'right' },
];

function cell(text: string, col: Column): string {
  // Overlong values are cut rather than allowed to shift every column after them.
  const t = text.length > col.width ? text.slice(0, col.width - 1) + '…' : text;
  return col.align === 'left' ? t.padEnd(col.width) : t.padStart(col.width);
}

/** Milliseconds with precision that suits the magnitude (0.012, 1.23, 45.6, 1234). */
export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '-';
  if (ms < 0.1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

const fmtRate = (r: number): string => (Number.isNaN(r) ? '-' : `${(r * 100).toFixed(0)}%`);

/** "0.05x" = the system needs 5% of the baseline's p50; '-' when there is nothing to compare. */
export function fmtRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio) || ratio <= 0) return '-';
  // Faster than the baseline reads as a speed-up ("433× faster"); a 0.00x ratio says nothing.
  if (ratio < 1) {
    const speedup = 1 / ratio;
    return `${speedup >= 100 ? speedup.toFixed(0) : speedup.toFixed(1)}× faster`;
  }
  return `${ratio >= 100 ? ratio.toFixed(0) : ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}× slower`;
}

/** p50 of `kind` relative to the baseline system's p50 for the same size and kind. */
export function ratioToBaseline(
  results: readonly SizeResult[],
  row: SizeResult,
  kind: QueryKind,
  baseline: string,
): number | undefined {
  const base = results.find((r) => r.system === baseline && r.size === row.size);
  const b = base?.kinds.find((k) => k.kind === kind)?.p50;
  const v = row.kinds.find((k) => k.kind === kind)?.p50;
  if (b === undefined || v === undefined || b <= 0) return undefined;
  return v / b;
}

/**
 * One line per (system, size, kind); the per-load columns are printed on the first line of each
 * group only, so the eye finds group boundaries. Rows are sorted by size, then system.
 */
export function renderTable(results: readonly SizeResult[], options: { baseline?: string } = {}): string {
  const sep = '  ';
  const lines: string[] = [];
  lines.push(
    COLUMNS.map((c) => cell(c.title, c))
      .join(sep)
      .trimEnd(),
  );
  lines.push(COLUMNS.map((c) => '-'.repeat(c.width)).join(sep));
  const sorted = [...results].sort((a, b) => a.size - b.size || a.system.localeCompare(b.system));
  for (const r of sorted) {
    const kinds = r.kinds.length > 0 ? r.kinds : [undefined];
    kinds.forEach((k, i) => {
      const first = i === 0;
      const ratio =
        k && options.baseline !== undefined && r.system !== options.baseline
          ? ratioToBaseline(results, r, k.kind, options.baseline)
          : undefined;
      const values = [
        first ? r.system : '',
        first ? String(r.size) : '',
        first ? fmtMs(r.loadMs) : '',
        first ? fmtMs(r.warmStartMs) : '',
        first ? r.rssMb.toFixed(0) : '',
        k ? k.kind + (k.scoredOn === 'location' ? '*' : '') : '-',
        k ? String(k.count) : '',
        fmtMs(k?.p50),
        fmtMs(k?.p95),
        fmtMs(k?.p99),
        k ? fmtRate(k.hit1) : '',
        k ? fmtRate(k.hit5) : '',
        fmtRatio(ratio),
      ];
      lines.push(
        values
          .map((v, j) => cell(v, COLUMNS[j]!))
          .join(sep)
          .trimEnd(),
      );
    });
  }
  if (sorted.some((r) => r.kinds.some((k) => k.scoredOn === 'location'))) {
    lines.push('', '* scored on result locations (the system offers no completions)');
  }
  return lines.join('\n');
}

/** Stable, pretty JSON; NaN (no data) becomes null rather than the invalid token JSON.stringify would drop. */
export function toJson(report: BenchReport): string {
  return (
    JSON.stringify(
      report,
      (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
      2,
    ) + '\n'
  );
}

export function writeJson(path: string, report: BenchReport): void {
  writeFileSync(path, toJson(report));
}

// ---------------------------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------------------------

/** The part of a stream the progress bar needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** Advance by `n` (default 1). */
  tick(n?: number): void;
  /** Set the absolute position. */
  update(done: number): void;
  /** Finish the bar (final line; newline on a TTY). */
  done(): void;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  /** Minimum ms between redraws on a TTY (redrawing per item costs more than cheap queries). */
  intervalMs?: number;
  /** Non-TTY: print a plain line every this many percent. */
  stepPercent?: number;
  now?: () => number;
}

/**
 * A single-line bar redrawn with `\r` on an interactive stderr; otherwise (CI logs, pipes) a plain
 * line every `stepPercent` percent, because carriage returns make logs unreadable.
 */
export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  const interval = options.intervalMs ?? 100;
  const step = options.stepPercent ?? 25;
  const now = options.now ?? (() => Number(process.hrtime.bigint() / 1_000_000n));
  let done = 0;
  let lastDraw = -Infinity;
  let lastStep = -1;
  let finished = false;
  const pct = (): number => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100);

  const draw = (force: boolean): void => {
    if (tty) {
      const t = now();
      if (!force && t - lastDraw < interval) return;
      lastDraw = t;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 24));
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct()).padStart(3)}% ${done}/${total}`,
      );
    } else {
      const s = Math.floor(pct() / step);
      if (s <= lastStep && !force) return;
      lastStep = s;
      stream.write(`${label}: ${done}/${total} (${pct()}%)\n`);
    }
  };

  return {
    tick(n = 1) {
      done += n;
      draw(false);
    },
    update(d) {
      done = d;
      draw(false);
    },
    done() {
      if (finished) return;
      finished = true;
      if (tty) {
        draw(true);
        stream.write('\n');
      } else if (pct() < 100 || lastStep < Math.floor(100 / step)) {
        draw(true);
      }
    },
  };
}
