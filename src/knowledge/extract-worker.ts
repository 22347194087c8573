import { parentPort, workerData } from 'node:worker_threads';
import { parseArticleFile } from '../article/load.ts';
import { extractKnowledge } from './extract.ts';
import { packKnowledge } from './snapshot.ts';
import type { PackedKnowledge } from './snapshot.ts';
import type { ArticleKnowledge } from './types.ts';

/**
 * Worker thread for cold starts: parses and extracts one file per message, so a large archive
 * uses every core. Messages in: `{ seq, file, bytes, maxBytes }`; out: `{ seq, ok, knowledge }`
 * or `{ seq, ok: false, reason }`.
 */
export interface WorkerRequest {
  seq: number;
  file: string;
  bytes: Uint8Array;
  maxBytes?: number;
}

export type WorkerResponse =
  /** `json`: the packed knowledge as JSON, exactly as the cache entry stores it. */
  | { seq: number; ok: true; json: string }
  | { seq: number; ok: false; reason: string }
  /** Sent once the worker has loaded (budgets count from here, not from the thread's start). */
  | { ready: true };

/** The work of one message, also used in-process when no worker pool is worth starting. */
export function processFile(
  file: string,
  bytes: Uint8Array,
  maxBytes?: number,
): { ok: true; knowledge: ArticleKnowledge } | { ok: false; reason: string } {
  const parsed = parseArticleFile(file, bytes, maxBytes === undefined ? {} : { maxBytes });
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, knowledge: extractKnowledge(parsed.article) };
  } catch (error) {
    return { ok: false, reason: `extraction failed: ${(error as Error).message}` };
  }
}

/** Marks workers started by the loader, so importing this module elsewhere never listens. */
export const WORKER_ROLE = 'newsroom-extract';

/**
 * Answers the loader's requests with `work` (the real extraction, or a test's stand-in), after
 * telling it the worker is ready.
 */
export function serveRequests(work: typeof processFile = processFile): void {
  parentPort?.on('message', (request: WorkerRequest) => {
    const result = work(request.file, request.bytes, request.maxBytes);
    // Sent packed (sentence texts dropped) as one JSON string: copying a string costs a fraction of
    // cloning the object graph, the main thread writes the same string to the cache, and
    // unpacking there makes sentence texts slices of their paragraphs again.
    const response: WorkerResponse = result.ok
      ? {
          seq: request.seq,
          ok: true,
          json: JSON.stringify(packKnowledge(result.knowledge) satisfies PackedKnowledge),
        }
      : { seq: request.seq, ok: false, reason: result.reason };
    parentPort?.postMessage(response);
  });
  parentPort?.postMessage({ ready: true } satisfies WorkerResponse);
}

/** Whether this thread is a loader's worker started for this very module (not one importing it). */
export function isWorkerEntry(moduleUrl: string): boolean {
  const data = workerData as { role?: string; entry?: string } | null;
  return data?.role === WORKER_ROLE && data.entry === moduleUrl;
}

if (isWorkerEntry(import.meta.url)) serveRequests();
