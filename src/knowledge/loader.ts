import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
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
import { corpusKey, packKnowledge, readSnapshot, unpackKnowledge } from './snapshot.ts';

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

async function readCached(folder: string, key: string): Promise<ArticleKnowledge | null> {
  try {
    const parsed = JSON.parse(await readFile(path.join(folder, `${key}.json`), 'utf8')) as Parameters<
      typeof unpackKnowledge
    >[0];
    // A truncated or foreign file is a miss, not an error: it is simply rebuilt.
    return parsed && typeof parsed === 'object' && parsed.article && Array.isArray(parsed.quotes)
      ? unpackKnowledge(parsed)
      : null;
  } catch {
    return null;
  }
}
async function writeCached(folder: string, key: string, knowledge: ArticleKnowledge): Promise<void> {
  const target = path.join(folder, `${key}.json`);
  const temp = `${target}.${process.pid}.tmp`;
  // Write then rename: a crash mid-write never leaves a half file under the real name.
  await writeFile(temp, JSON.stringify(packKnowledge(knowledge)));
  await rename(temp, target);
}

type Outcome = { ok: true; knowledge: ArticleKnowledge } | { ok: false; reason: string };

/** Extracts in a pool of worker threads; results come back in input order. */
async function extractInWorkers(
  files: ArticleFile[],
  workers: number,
  maxBytes: number | undefined,
  onDone: () => void,
): Promise<Outcome[]> {
  const outcomes = new Array<Outcome>(files.length);
  const url = new URL('./extract-worker.ts', import.meta.url);
  // Each worker first registers tsx's loader in its own thread, then imports the TypeScript
  // worker module (`--import tsx` in execArgv does not reach a worker's entry module on Node 20).
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  const pool = Array.from(
    { length: workers },
    // The role keeps the module from listening when it is imported anywhere else.
    () => new Worker(bootstrap, { eval: true, workerData: { role: 'newsroom-extract' } }),
  );
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= files.length) {
                resolve();
                return;
              }
              const seq = next++;
              const f = files[seq] as ArticleFile;
              worker.postMessage({
                seq,
                file: f.file,
                bytes: f.bytes,
                ...(maxBytes !== undefined ? { maxBytes } : {}),
              });
            };
            worker.on('message', (response: WorkerResponse) => {
              outcomes[response.seq] = response.ok
                ? { ok: true, knowledge: unpackKnowledge(response.knowledge) }
                : { ok: false, reason: response.reason };
              onDone();
              send();
            });
            worker.once('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return outcomes;
}

/**
 * Loads the knowledge of every article in `dir`. Cached articles are read back; the rest are
 * parsed and extracted (in worker threads when many) and written to the cache. Broken files are
 * problems, never exceptions; a cache that cannot be written only costs speed next time.
 */
export async function loadKnowledge(
  dir: string,
  options: KnowledgeLoadOptions = {},
): Promise<KnowledgeLoadResult> {
  const started = performance.now();
  const maxBytes = options.maxBytes;
  const { files, problems } = await readArticleFiles(dir, maxBytes === undefined ? {} : { maxBytes });
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const folder = cacheDir === null ? null : cacheFolder(cacheDir, dir);
  const keys = files.map(cacheKey);
  const snapshotKey = corpusKey(keys, INDEX_VERSION);
  if (folder) {
    const snapshot = await readSnapshot(folder, snapshotKey);
    if (snapshot) {
      options.onProgress?.(files.length, files.length);
      const all = [...problems, ...snapshot.problems].sort((a, b) =>
        a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
      );
      return {
        knowledge: snapshot.knowledge,
        problems: all,
        indexes: snapshot.indexes,
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
  }
  const outcomes = new Array<Outcome | undefined>(files.length);
  let done = 0;
  const tick = (): void => options.onProgress?.(++done, files.length);

  if (folder) {
    await Promise.all(
      keys.map(async (key, i) => {
        const cached = await readCached(folder, key);
        if (cached) {
          outcomes[i] = { ok: true, knowledge: cached };
          tick();
        }
      }),
    );
  }
  const missing = files.map((_, i) => i).filter((i) => outcomes[i] === undefined);
  const fromCache = files.length - missing.length;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // A worker per 8 files at most: a few files are not worth a thread each.
  const workerCount = Math.min(options.workers ?? cores, Math.max(1, Math.ceil(missing.length / 8)));
  let usedWorkers = 0;
  if (
    missing.length > 0 &&
    missing.length >= (options.workerThreshold ?? 64) &&
    (options.workers ?? cores) > 0
  ) {
    usedWorkers = workerCount;
    const results = await extractInWorkers(
      missing.map((i) => files[i] as ArticleFile),
      workerCount,
      maxBytes,
      tick,
    );
    missing.forEach((i, k) => (outcomes[i] = results[k]));
  } else {
    for (const i of missing) {
      const f = files[i] as ArticleFile;
      outcomes[i] = (await extraction()).processFile(f.file, f.bytes, maxBytes);
      tick();
    }
  }

  const knowledge: ArticleKnowledge[] = [];
  const parseProblems: LoadProblem[] = [];
  const writes: Promise<void>[] = [];
  if (folder && missing.length > 0) await mkdir(folder, { recursive: true }).catch(() => undefined);
  const missingSet = new Set(missing);
  outcomes.forEach((outcome, i) => {
    const f = files[i] as ArticleFile;
    if (!outcome) return;
    if (!outcome.ok) {
      parseProblems.push({ file: f.file, reason: outcome.reason });
      return;
    }
    knowledge.push(outcome.knowledge);
    if (folder && missingSet.has(i))
      writes.push(writeCached(folder, keys[i] as string, outcome.knowledge).catch(() => undefined));
  });
  await Promise.all(writes);
  if (folder) await prune(folder, new Set(keys));
  const all = [...problems, ...parseProblems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  return {
    knowledge,
    problems: all,
    stats: {
      files: files.length,
      fromCache,
      extracted: missing.length,
      workers: usedWorkers,
      ms: performance.now() - started,
      snapshot: false,
    },
    ...(folder ? { snapshotTarget: { folder, key: snapshotKey, problems: parseProblems } } : {}),
  };
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
