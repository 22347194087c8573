import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { constants, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as ExtractWorker from './extract-worker.ts';
import { readArticleFiles } from '../article/load.ts';
import type { ArticleFile } from '../article/load.ts';
import { PARSER_VERSION } from '../article/parse.ts';
import type { LoadProblem } from '../article/types.ts';
import type { WorkerResponse } from './extract-worker.ts';
import { EXTRACTOR_VERSION } from './version.ts';
import type { ArticleKnowledge } from './types.ts';
import { INDEX_VERSION } from './knowledge-base.ts';
import type { KnowledgeIndexState } from './knowledge-base.ts';
import { corpusKey, packKnowledge, readSnapshot, snapshotPath, unpackKnowledge } from './snapshot.ts';
import type { PackedKnowledge } from './snapshot.ts';
import { knowledgeProblem } from './snapshot-check.ts';

/**
 * Folder -> knowledge of every article, fast at archive scale:
 * - a knowledge cache on disk keyed by each file's id, content hash and the parser/extractor
 *   versions (a changed file re-extracts, a removed one drops out, a version bump redoes all);
 * - cold extraction in worker threads when there is enough to do to pay for starting them;
 * - progress reported while loading.
 */

export interface KnowledgeLoadOptions {
  /** Cache folder; null disables the cache. Default: `.cache/knowledge` under the working dir. */
  cacheDir?: string | null;
  /** Worker threads for extraction; 0 = in process. Default: the number of cores. */
  workers?: number;
  /** Below this many files to extract, work in process (starting workers costs ~0.3 s). */
  workerThreshold?: number;
  maxBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * How long one file may take to extract in a worker before it is given up as a load problem
   * (the rest still load). Default {@link extractionBudgetMs}. Files extracted in process
   * (below `workerThreshold`) cannot be interrupted.
   */
  budgetMs?: (bytes: number) => number;
  /** The worker module (tests inject a slow one). Default `extract-worker.ts`. */
  workerModule?: URL;
  /**
   * A cache that could not be trusted (damaged, edited, not a regular file): it is rebuilt and
   * this is told once per load, naming the file. Default: a process warning on stderr.
   */
  onWarning?: (message: string) => void;
}

/** Extraction budget per file: 2 s per 100 KB, at least 2 s. */
export function extractionBudgetMs(bytes: number): number {
  return Math.max(2000, Math.ceil((bytes / 100_000) * 2000));
}

export interface KnowledgeLoadResult {
  knowledge: ArticleKnowledge[];
  problems: LoadProblem[];
  stats: {
    files: number;
    fromCache: number;
    extracted: number;
    workers: number;
    ms: number;
    snapshot: boolean;
  };
  /** Built indexes read back from a snapshot of exactly these files (absent: build them). */
  indexes?: KnowledgeIndexState;
  /** Where and under which key to save a snapshot once the indexes are built (cache on only). */
  snapshotTarget?: { folder: string; key: string; problems: LoadProblem[] };
}

export const PIPELINE_VERSION = `${PARSER_VERSION}+${EXTRACTOR_VERSION}`;
/** Bumped when the form of a cache entry on disk changes (cache-2: a content hash line first). */
const CACHE_FORMAT = 'cache-2';
export const DEFAULT_CACHE_DIR = path.join('.cache', 'knowledge');

/**
 * The extractor, imported on first need: a warm start reads everything from the cache and never
 * loads the NLP library (tens of MB).
 */
function extraction(): Promise<typeof ExtractWorker> {
  return import('./extract-worker.ts');
}

/** Cache key: what the knowledge of a file depends on (its id, its bytes, the code's versions). */
export function cacheKey(file: ArticleFile): string {
  return createHash('sha256')
    .update(PIPELINE_VERSION)
    .update('\0')
    .update(CACHE_FORMAT)
    .update('\0')
    .update(file.id)
    .update('\0')
    .update(file.bytes)
    .digest('hex')
    .slice(0, 40);
}

/** One cache folder per articles folder, so pruning one never touches another's entries. */
function cacheFolder(cacheDir: string, articlesDir: string): string {
  const tag = createHash('sha1').update(path.resolve(articlesDir)).digest('hex').slice(0, 12);
  return path.join(cacheDir, tag);
}

/** Largest cache entry read back: far above any article's knowledge, far below memory trouble. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Reads one cache entry: `<sha256 of the JSON>\n<JSON>`. Anything else (missing, truncated,
 * edited, not a regular file, a FIFO) is a miss and the article is extracted again; `damaged`
 * tells a present-but-untrusted entry from a plain miss. Opened non-blocking and checked on the
 * descriptor, so a FIFO under an entry's name cannot hang the start.
 */
async function readCached(
  folder: string,
  key: string,
  id: string,
): Promise<ArticleKnowledge | 'missing' | 'damaged'> {
  let handle;
  try {
    handle = await open(path.join(folder, `${key}.json`), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return 'missing';
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_ENTRY_BYTES) return 'damaged';
    const text = await handle.readFile('utf8');
    const newline = text.indexOf('\n');
    const json = text.slice(newline + 1);
    if (newline !== 64 || text.slice(0, 64) !== sha256(json)) return 'damaged';
    const parsed = JSON.parse(json) as Parameters<typeof unpackKnowledge>[0];
    if (!parsed || typeof parsed !== 'object' || parsed.article?.id !== id || !Array.isArray(parsed.quotes))
      return 'damaged';
    const knowledge = unpackKnowledge(parsed);
    return knowledgeProblem(knowledge) === null ? knowledge : 'damaged';
  } catch {
    return 'damaged';
  } finally {
    await handle.close();
  }
}
/**
 * Writes one cache entry; `packed` is the packed knowledge's JSON when a worker already made it.
 * Synchronous: thousands of entries are written at a cold start, and the promise round trips of
 * asynchronous writes cost several times the CPU of the system calls (callers write in slices).
 */
function writeCached(folder: string, key: string, knowledge: ArticleKnowledge, packed?: string): void {
  const target = path.join(folder, `${key}.json`);
  const temp = `${target}.${process.pid}.tmp`;
  const json = packed ?? JSON.stringify(packKnowledge(knowledge));
  // Write then rename: a crash mid-write never leaves a half file under the real name, and a
  // failed write (a full disk) leaves no temp file behind.
  try {
    writeFileSync(temp, `${sha256(json)}\n${json}`);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
    throw error;
  }
  renameSync(temp, target);
}

/** Entries written per slice before yielding to the event loop. */
const WRITE_SLICE = 200;

/** `json`: the cache entry's body, when a worker sent the knowledge as JSON. */
type Outcome = { ok: true; knowledge: ArticleKnowledge; json?: string } | { ok: false; reason: string };

/** Starts one extraction worker running `module` (TypeScript, through tsx's loader). */
function startWorker(module: URL): Worker {
  // Each worker first registers tsx's loader in its own thread, then imports the TypeScript
  // worker module (`--import tsx` in execArgv does not reach a worker's entry module on Node 20).
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(module.href)}); });`;
  // The role keeps the module from listening when it is imported anywhere else. The heap limit
  // turns an article that needs gigabytes into that file's problem, not the process's abort.
  return new Worker(bootstrap, {
    eval: true,
    workerData: { role: 'newsroom-extract', entry: module.href },
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
}

interface PoolJob {
  files: ArticleFile[];
  outcomes: Outcome[];
  next: number;
  maxBytes: number | undefined;
  budgetMs: (bytes: number) => number;
  onDone: () => void;
}

/**
 * One lane of the pool: a worker taking the next file until none is left. A file past its
 * budget, or one that kills its worker (out of memory), becomes that file's problem; the worker
 * is replaced and the lane goes on.
 */
async function runLane(job: PoolJob, module: URL): Promise<void> {
  while (job.next < job.files.length) {
    const worker = startWorker(module);
    try {
      await new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        let seq = -1;
        const record = (outcome: Outcome): void => {
          clearTimeout(timer);
          if (seq >= 0 && job.outcomes[seq] === undefined) {
            job.outcomes[seq] = outcome;
            job.onDone();
          }
        };
        const send = (): void => {
          if (job.next >= job.files.length) return resolve();
          seq = job.next++;
          const f = job.files[seq] as ArticleFile;
          const budget = job.budgetMs(f.bytes.length);
          // Past the budget the file is given up and its worker replaced (it may never return).
          timer = setTimeout(() => {
            record({ ok: false, reason: `extraction took longer than ${budget / 1000} s; skipped` });
            resolve();
          }, budget);
          const { file, bytes } = f;
          worker.postMessage({
            seq,
            file,
            bytes,
            ...(job.maxBytes !== undefined ? { maxBytes: job.maxBytes } : {}),
          });
        };
        worker.on('message', (response: WorkerResponse) => {
          if ('ready' in response) return send();
          if (response.seq !== seq) return;
          record(
            response.ok
              ? {
                  ok: true,
                  knowledge: unpackKnowledge(JSON.parse(response.json) as PackedKnowledge),
                  json: response.json,
                }
              : { ok: false, reason: response.reason },
          );
          send();
        });
        const died = (why: string): void => {
          // A worker that dies before taking work still uses up a file, so the lanes always end.
          if (seq < 0 && job.next < job.files.length) seq = job.next++;
          record({ ok: false, reason: `extraction failed: ${why}` });
          resolve();
        };
        worker.once('error', (error) => died(error.message));
        worker.once('exit', (code) => died(`worker exited (${code})`));
      });
    } finally {
      await worker.terminate();
    }
  }
}

/** Extracts in a pool of worker threads; results come back in input order. */
function extractInWorkers(
  files: ArticleFile[],
  workers: number,
  options: KnowledgeLoadOptions,
  onDone: () => void,
): Promise<Outcome[]> {
  const job: PoolJob = {
    files,
    outcomes: new Array<Outcome>(files.length),
    next: 0,
    maxBytes: options.maxBytes,
    budgetMs: options.budgetMs ?? extractionBudgetMs,
    onDone,
  };
  const module = options.workerModule ?? new URL('./extract-worker.ts', import.meta.url);
  return Promise.all(Array.from({ length: workers }, () => runLane(job, module))).then(() => job.outcomes);
}

const byFile = (a: LoadProblem, b: LoadProblem): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** The warning sink: the caller's, or a process warning (stderr) once per message. */
function warner(options: KnowledgeLoadOptions): (message: string) => void {
  return options.onWarning ?? ((message) => process.emitWarning(message, 'CacheWarning'));
}

/**
 * The snapshot, when there is one for exactly these files and it can be trusted: it must hold an
 * article or a problem for every file (never serve fewer articles than the folder holds).
 */
async function trustedSnapshot(
  folder: string,
  key: string,
  files: number,
  warn: (message: string) => void,
): Promise<Awaited<ReturnType<typeof readSnapshot>>> {
  const read = await readSnapshot(folder, key);
  const complete = !read.ok || read.snapshot.knowledge.length + read.snapshot.problems.length === files;
  const damaged = read.ok ? (complete ? undefined : 'does not cover every article') : read.damaged;
  if (damaged === undefined) return read;
  warn(
    `knowledge snapshot ${snapshotPath(folder)} not used (${damaged}); rebuilding from the per-file cache`,
  );
  return { ok: false };
}

/** Reads every cached file's knowledge into `outcomes`; warns once when entries were damaged. */
async function readCachedAll(
  folder: string,
  files: ArticleFile[],
  keys: string[],
  outcomes: (Outcome | undefined)[],
  tick: () => void,
  warn: (message: string) => void,
): Promise<void> {
  const damaged: string[] = [];
  await Promise.all(
    keys.map(async (key, i) => {
      const cached = await readCached(folder, key, (files[i] as ArticleFile).id);
      if (cached === 'damaged') damaged.push(path.join(folder, `${key}.json`));
      else if (cached !== 'missing') {
        outcomes[i] = { ok: true, knowledge: cached };
        tick();
      }
    }),
  );
  if (damaged.length > 0)
    warn(
      `${damaged.length} knowledge cache entr${damaged.length === 1 ? 'y' : 'ies'} not trusted (damaged or edited), extracted again: ${damaged.sort().slice(0, 3).join(', ')}${damaged.length > 3 ? ', …' : ''}`,
    );
}

/** Extracts the files not found in the cache, in workers when there are enough of them. */
async function extractMissing(
  files: ArticleFile[],
  missing: number[],
  outcomes: (Outcome | undefined)[],
  options: KnowledgeLoadOptions,
  tick: () => void,
): Promise<number> {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = options.workers ?? cores;
  if (missing.length === 0 || missing.length < (options.workerThreshold ?? 64) || wanted <= 0) {
    for (const i of missing) {
      const f = files[i] as ArticleFile;
      outcomes[i] = (await extraction()).processFile(f.file, f.bytes, options.maxBytes);
      tick();
    }
    return 0;
  }
  // A worker per 8 files at most: a few files are not worth a thread each.
  const workerCount = Math.min(wanted, Math.max(1, Math.ceil(missing.length / 8)));
  const results = await extractInWorkers(
    missing.map((i) => files[i] as ArticleFile),
    workerCount,
    options,
    tick,
  );
  missing.forEach((i, k) => (outcomes[i] = results[k]));
  return workerCount;
}

/**
 * Loads the knowledge of every article in `dir`. Cached articles are read back; the rest are
 * parsed and extracted (in worker threads when many) and written to the cache. Broken files are
 * problems, never exceptions; a cache that cannot be written only costs speed next time, and one
 * that cannot be trusted is rebuilt with a warning.
 */
export async function loadKnowledge(
  dir: string,
  options: KnowledgeLoadOptions = {},
): Promise<KnowledgeLoadResult> {
  const started = performance.now();
  const maxBytes = options.maxBytes;
  const warn = warner(options);
  const { files, problems } = await readArticleFiles(dir, maxBytes === undefined ? {} : { maxBytes });
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const folder = cacheDir === null ? null : cacheFolder(cacheDir, dir);
  const keys = files.map(cacheKey);
  const snapshotKey = corpusKey(keys, INDEX_VERSION);
  if (folder) await pruneTemps(folder);
  const snapshot = folder ? await trustedSnapshot(folder, snapshotKey, files.length, warn) : null;
  if (snapshot?.ok) {
    options.onProgress?.(files.length, files.length);
    return {
      knowledge: snapshot.snapshot.knowledge,
      problems: [...problems, ...snapshot.snapshot.problems].sort(byFile),
      indexes: snapshot.snapshot.indexes,
      stats: {
        files: files.length,
        fromCache: files.length,
        extracted: 0,
        workers: 0,
        ms: performance.now() - started,
        snapshot: true,
      },
    };
  }
  const outcomes = new Array<Outcome | undefined>(files.length);
  let done = 0;
  const tick = (): void => options.onProgress?.(++done, files.length);
  if (folder) await readCachedAll(folder, files, keys, outcomes, tick, warn);
  const missing = files.map((_, i) => i).filter((i) => outcomes[i] === undefined);
  const usedWorkers = await extractMissing(files, missing, outcomes, options, tick);
  const { knowledge, parseProblems } = await collectOutcomes(files, keys, outcomes, new Set(missing), folder);
  if (folder) await prune(folder, new Set(keys));
  return {
    knowledge,
    problems: [...problems, ...parseProblems].sort(byFile),
    stats: {
      files: files.length,
      fromCache: files.length - missing.length,
      extracted: missing.length,
      workers: usedWorkers,
      ms: performance.now() - started,
      snapshot: false,
    },
    ...(folder ? { snapshotTarget: { folder, key: snapshotKey, problems: parseProblems } } : {}),
  };
}

/** Outcomes -> knowledge and problems; newly extracted knowledge is written to the cache. */
async function collectOutcomes(
  files: ArticleFile[],
  keys: string[],
  outcomes: (Outcome | undefined)[],
  extracted: ReadonlySet<number>,
  folder: string | null,
): Promise<{ knowledge: ArticleKnowledge[]; parseProblems: LoadProblem[] }> {
  const knowledge: ArticleKnowledge[] = [];
  const parseProblems: LoadProblem[] = [];
  if (folder && extracted.size > 0) await mkdir(folder, { recursive: true }).catch(() => undefined);
  let written = 0;
  for (const [i, outcome] of outcomes.entries()) {
    const f = files[i] as ArticleFile;
    if (!outcome) continue;
    if (!outcome.ok) {
      parseProblems.push({ file: f.file, reason: outcome.reason });
      continue;
    }
    knowledge.push(outcome.knowledge);
    if (!folder || !extracted.has(i)) continue;
    if (++written % WRITE_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      writeCached(folder, keys[i] as string, outcome.knowledge, outcome.json);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
  return { knowledge, parseProblems };
}

/** Temp files older than this are left-overs of a killed write, whoever wrote them. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** Whether a process with this id is running (a temp file of a live process may be in use). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes the temp files of writes that were killed (`<name>.<pid>.tmp` of a process that is no
 * longer running, or older than an hour), so killed writes never pile up in the cache folder.
 */
async function pruneTemps(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(
    names.map(async (name) => {
      const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
      if (pid === undefined || Number(pid) === process.pid) return;
      const file = path.join(folder, name);
      const old = await stat(file).then(
        (s) => Date.now() - s.mtimeMs > STALE_TEMP_MS,
        () => false,
      );
      if (old || !alive(Number(pid))) await unlink(file).catch(() => undefined);
    }),
  );
}

/** Drops cache entries of files that changed or were removed, so the cache does not grow forever. */
async function prune(folder: string, keep: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((n) => n.endsWith('.json') && !keep.has(n.slice(0, -5)))
      .map((n) => unlink(path.join(folder, n)).catch(() => undefined)),
  );
}
