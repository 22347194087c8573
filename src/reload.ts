import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import type { App, LoadOptions } from './app.ts';
import { buildKnowledge } from './app.ts';

export interface ReloadInfo {
  articles: number;
  problems: number;
  ms: number;
}

export interface ArticleWatcher {
  /** Reloads now (also what a file change triggers, after the debounce). */
  reload(): Promise<ReloadInfo>;
  close(): void;
}

/**
 * Hot reload: watches the articles folder and, when a file is added, changed or removed, builds
 * a new knowledge base (the cache makes unchanged files cheap) and swaps it into `app.kb` in one
 * assignment. Interactions already running keep the knowledge base they started with, so none is
 * dropped; the next one sees the new articles.
 */
export function watchArticles(
  app: App,
  dir: string,
  options: LoadOptions & {
    debounceMs?: number;
    onReload?: (info: ReloadInfo) => void;
    onError?: (error: unknown) => void;
  } = {},
): ArticleWatcher {
  const { debounceMs = 300, onReload, onError, ...load } = options;
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

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, () => {
      if (closed) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload().catch((error: unknown) => onError?.(error)), debounceMs);
    });
    watcher.on('error', (error) => onError?.(error));
  } catch (error) {
    // A folder that cannot be watched (missing, permissions) still serves what was loaded.
    onError?.(error);
  }

  return {
    reload,
    close: () => {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
