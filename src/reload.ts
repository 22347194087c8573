import { realpathSync, statSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { App, LoadOptions } from './app.ts';
import { buildKnowledge } from './app.ts';

export interface ReloadInfo {
  articles: number;
  problems: number;
  ms: number;
}

/**
 * What happened to the articles folder itself: `missing` (removed, or not a folder), `back`
 * (there again), `replaced` (another folder under the same path: `ln -sfn` release swap,
 * `rm -rf` + `mkdir`, rename + re-create).
 */
export type FolderState = 'missing' | 'back' | 'replaced';

export interface ArticleWatcher {
  /** Reloads now (also what a file change triggers, after the debounce). */
  reload(): Promise<ReloadInfo>;
  close(): void;
}

export interface WatchOptions extends LoadOptions {
  debounceMs?: number;
  /** How often the folder's identity is checked, in case no event tells. Default 5000 ms. */
  pollMs?: number;
  onReload?: (info: ReloadInfo) => void;
  onError?: (error: unknown) => void;
  /** Every change of the folder itself, so an operator sees why articles changed or did not. */
  onFolder?: (state: FolderState, dir: string) => void;
}

/** The folder a path leads to, as `dev:ino:real path`; null when there is none. */
async function identify(dir: string): Promise<string | null> {
  try {
    const real = await realpath(dir);
    const info = await stat(real);
    return info.isDirectory() ? `${info.dev}:${info.ino}:${real}` : null;
  } catch {
    return null;
  }
}

/** The same, at once: the folder being watched from the first moment. */
function identifyNow(dir: string): string | null {
  try {
    const real = realpathSync(dir);
    const info = statSync(real);
    return info.isDirectory() ? `${info.dev}:${info.ino}:${real}` : null;
  } catch {
    return null;
  }
}

/**
 * Hot reload: watches the articles folder and, when a file is added, changed or removed, builds
 * a new knowledge base (the cache makes unchanged files cheap) and swaps it into `app.kb` in one
 * assignment. Interactions already running keep the knowledge base they started with, so none is
 * dropped; the next one sees the new articles.
 *
 * A watch follows one folder, not a path, so the folder being replaced would silently end it.
 * The parent folder is watched for the name too, and the folder's identity is polled as a
 * fallback: on a replacement the watch is re-attached to the new folder and it is reloaded; a
 * missing folder keeps the old articles served. Each such change is told to `onFolder`.
 */
export function watchArticles(app: App, dir: string, options: WatchOptions = {}): ArticleWatcher {
  const { debounceMs = 300, pollMs = 5000, onReload, onError, onFolder, ...load } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReloadInfo> | null = null;
  let again = false;
  let closed = false;

  const reloadOnce = async (): Promise<ReloadInfo> => {
    const started = performance.now();
    const { kb, problems } = await buildKnowledge(dir, { ...load, yieldWhileBuilding: true });
    // A folder that vanished or became unreadable is an outage, not an empty archive: keep
    // serving what was loaded and report it.
    const folderProblem = problems.find((p) => p.file === dir);
    if (folderProblem) throw new Error(`articles folder ${dir}: ${folderProblem.reason}`);
    if (!closed) {
      kb.prepare();
      app.kb = kb;
      app.problems.articles = problems;
    }
    return { articles: kb.articles.length, problems: problems.length, ms: performance.now() - started };
  };

  // One reload at a time; changes during a reload trigger exactly one more afterwards.
  const reload = (): Promise<ReloadInfo> => {
    if (running) {
      again = true;
      return running;
    }
    running = reloadOnce()
      .then((info) => {
        onReload?.(info);
        return info;
      })
      .finally(() => {
        running = null;
        if (again && !closed) {
          again = false;
          void reload().catch((error: unknown) => onError?.(error));
        }
      });
    return running;
  };

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload().catch((error: unknown) => onError?.(error)), debounceMs);
  };

  let watcher: FSWatcher | null = null;
  const attach = (): void => {
    watcher?.close();
    watcher = null;
    try {
      watcher = watch(dir, { persistent: false }, () => {
        schedule();
        void check();
      });
      watcher.on('error', () => void check());
    } catch (error) {
      // A folder that cannot be watched (missing, permissions) still serves what was loaded.
      onError?.(error);
    }
  };

  let identity: string | null = identifyNow(dir);
  let checking = false;
  let pending: { force: boolean } | null = null;
  /**
   * Compares the folder behind `dir` with the one watched; re-attaches and reloads on a change.
   * `force` (the folder's own name changed in its parent) re-attaches even when the identity is
   * the same: `rm -rf` then `mkdir` may give the new folder the old one's inode, and the old
   * watch then follows a deleted folder. A check asked for while one runs runs after it.
   */
  const check = async (force = false): Promise<void> => {
    if (closed) return;
    if (checking) {
      pending = { force: force || pending?.force === true };
      return;
    }
    checking = true;
    try {
      const now = await identify(dir);
      if (closed) return;
      if (now === identity) {
        if (force && now !== null) {
          attach();
          schedule();
        }
        return;
      }
      const before = identity;
      identity = now;
      if (now === null) {
        watcher?.close();
        watcher = null;
        onFolder?.('missing', dir);
        return;
      }
      onFolder?.(before === null ? 'back' : 'replaced', dir);
      attach();
      schedule();
    } finally {
      checking = false;
      const next = pending;
      pending = null;
      if (next) void check(next.force);
    }
  };

  let parent: FSWatcher | null = null;
  try {
    const name = path.basename(dir);
    parent = watch(path.dirname(path.resolve(dir)), { persistent: false }, (_event, file) => {
      if (file === null || file === name) void check(true);
    });
    parent.on('error', () => undefined);
  } catch {
    // The poll below still notices a replaced folder.
  }
  attach();
  const poll = setInterval(() => void check(), pollMs);
  poll.unref();

  return {
    reload,
    close: () => {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      watcher?.close();
      parent?.close();
    },
  };
}
