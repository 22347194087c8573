/**
 * Measurement and scoring. The system under test is anything implementing `BenchSystem`, so
 * bench/run.ts only has to adapt the real knowledge base (and `bench/baseline.ts` already does).
 */
import { QUERY_KINDS } from './queries.ts';
import type { BenchQuery, Expected, QueryKind } from './queries.ts';

// ---------------------------------------------------------------------------------------------
// Percentiles
// ---------------------------------------------------------------------------------------------

/**
 * The p-th percentile (0..100) by linear interpolation between closest ranks (the common "type 7"
 * definition, as NumPy's default), so p50 of an even-length array is the mean of the middle two.
 * NaN for an empty array: no data is not zero latency.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = Float64Array.from(values).sort();
  return percentileSorted(sorted, p);
}

function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

export interface Summary {
  count: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

/** count/min/max/mean/p50/p95/p99 with one sort. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, min: NaN, max: NaN, mean: NaN, p50: NaN, p95: NaN, p99: NaN };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
    p50: percentileSorted(sorted, 50),
    p95: percentileSorted(sorted, 95),
    p99: percentileSorted(sorted, 99),
  };
}

// ---------------------------------------------------------------------------------------------
// Timing and memory
// ---------------------------------------------------------------------------------------------

/** Runs `fn` once; `ms` is wall time from the monotonic clock (not Date.now, which can jump). */
export function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

const MB = 1024 * 1024;

/** Resident set size in MB: what the machine actually pays, heap and native buffers alike. */
export function rssMb(): number {
  return process.memoryUsage().rss / MB;
}

export function memoryMb(): { rss: number; heapUsed: number; external: number } {
  const m = process.memoryUsage();
  return { rss: m.rss / MB, heapUsed: m.heapUsed / MB, external: m.external / MB };
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/** One ranked answer from the system under test. */
export interface RankedHit {
  article: string;
  paragraph?: number;
  /** Who said it, when the system attributes the passage; null = "unattributed". */
  speaker?: string | null;
}

/**
 * How speakers are checked. `if-given` (default): a result that names a speaker must name the
 * right one, a result naming none is judged on location only (so the speaker-blind baseline can
 * still be compared). `require`: a result must name the right speaker. `ignore`: location only.
 */
export type SpeakerMode = 'if-given' | 'require' | 'ignore';

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function matches(hit: RankedHit, exp: Expected, mode: SpeakerMode = 'if-given'): boolean {
  if (hit.article !== exp.article) return false;
  if (exp.paragraph !== undefined && hit.paragraph !== exp.paragraph) return false;
  if (exp.speaker !== undefined && mode !== 'ignore') {
    const given = hit.speaker;
    if (given === undefined || given === null) return mode === 'if-given';
    return norm(given) === norm(exp.speaker);
  }
  return true;
}

/** True when one of the first `k` hits matches one of the query's expected answers. */
export function hitAt(
  hits: readonly RankedHit[],
  query: Pick<BenchQuery, 'expected'>,
  k: number,
  mode: SpeakerMode = 'if-given',
): boolean {
  const n = Math.min(k, hits.length);
  for (let i = 0; i < n; i++) {
    const h = hits[i]!;
    if (query.expected.some((e) => matches(h, e, mode))) return true;
  }
  return false;
}

/** Autocomplete: the completion the prefix was cut from is among the first `k` suggestions (case/space-insensitive). */
export function completionHitAt(
  suggestions: readonly string[],
  query: Pick<BenchQuery, 'completion'>,
  k: number,
): boolean {
  if (query.completion === undefined) return false;
  const want = norm(query.completion);
  return suggestions.slice(0, k).some((s) => norm(s) === want);
}

/** Share of true values, 0..1 (NaN when there are none). */
export function rate(flags: readonly boolean[]): number {
  if (flags.length === 0) return NaN;
  let n = 0;
  for (const f of flags) if (f) n++;
  return n / flags.length;
}

// ---------------------------------------------------------------------------------------------
// Running a query set against a system
// ---------------------------------------------------------------------------------------------

type MaybePromise<T> = T | Promise<T>;

/**
 * What bench/run.ts plugs in. `kind` lets a system route each query to the command a user would
 * use (question -> ask, speaker -> who ...); a system may ignore it.
 */
export interface BenchSystem {
  name: string;
  search(query: string, kind: QueryKind): MaybePromise<readonly RankedHit[]>;
  /** Suggestions for a prefix. Without it, autocomplete queries are scored on `search` locations. */
  complete?(prefix: string): MaybePromise<readonly string[]>;
}

export interface KindResult extends Summary {
  kind: QueryKind;
  /** Share of queries answered correctly by the first result / within the first five. */
  hit1: number;
  hit5: number;
  /** How autocomplete was scored: against suggestion strings, or search locations. */
  scoredOn?: 'completion' | 'location';
}

export interface EvaluateOptions {
  speakerMode?: SpeakerMode;
  /** Queries run (untimed, unscored) before measuring, so JIT warm-up does not land in p99. */
  warmup?: number;
  /**
   * Other queries run first, untimed and unscored: queries of every kind, so each command's
   * code is compiled before its own kind is measured (the first `warmup` queries are all of
   * the first kind). Queries of other articles, so no measured answer is warmed in a cache.
   */
  warmupQueries?: readonly BenchQuery[];
  /** Called after each measured query (progress bars). */
  onQuery?: (done: number, total: number) => void;
}

/** Runs every query once, timing each, and scores hit@1/hit@5 per kind. */
export async function evaluate(
  system: BenchSystem,
  queries: readonly BenchQuery[],
  options: EvaluateOptions = {},
): Promise<KindResult[]> {
  const mode = options.speakerMode ?? 'if-given';
  const warm = [...(options.warmupQueries ?? []), ...queries.slice(0, options.warmup ?? 0)];
  for (const q of warm) {
    if (q.kind === 'autocomplete' && system.complete) await system.complete(q.text);
    else await system.search(q.text, q.kind);
  }
  const times = new Map<QueryKind, number[]>();
  const h1 = new Map<QueryKind, boolean[]>();
  const h5 = new Map<QueryKind, boolean[]>();
  const push = <T>(m: Map<QueryKind, T[]>, k: QueryKind, v: T): void => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  let done = 0;
  for (const q of queries) {
    const t0 = process.hrtime.bigint();
    if (q.kind === 'autocomplete' && system.complete) {
      const s = await system.complete(q.text);
      push(times, q.kind, Number(process.hrtime.bigint() - t0) / 1e6);
      push(h1, q.kind, completionHitAt(s, q, 1));
      push(h5, q.kind, completionHitAt(s, q, 5));
    } else {
      const hits = await system.search(q.text, q.kind);
      push(times, q.kind, Number(process.hrtime.bigint() - t0) / 1e6);
      push(h1, q.kind, hitAt(hits, q, 1, mode));
      push(h5, q.kind, hitAt(hits, q, 5, mode));
    }
    options.onQuery?.(++done, queries.length);
  }
  const out: KindResult[] = [];
  for (const kind of QUERY_KINDS) {
    const t = times.get(kind);
    if (!t) continue;
    const r: KindResult = {
      kind,
      ...summarize(t),
      hit1: rate(h1.get(kind) ?? []),
      hit5: rate(h5.get(kind) ?? []),
    };
    if (kind === 'autocomplete') r.scoredOn = system.complete ? 'completion' : 'location';
    out.push(r);
  }
  return out;
}
