import { existsSync } from 'node:fs';
import path from 'node:path';
import { FEED_TYPES, fetchPage } from '../fetch/fetch-page.ts';
import type { FetchOptions } from '../fetch/fetch-page.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { DB_FILE, openStore } from './db.ts';
import type { OpenOptions, Store } from './db.ts';
import { Library } from './library.ts';

/** The scope of articles added from the local console. */
export const CONSOLE_SCOPE = 'console';

export interface LibrarySettings {
  dataDir: string;
  /** ALLOW_PRIVATE_URLS=on: fetch from loopback and private networks (tests only). */
  allowPrivate: boolean;
  fetch?: Omit<FetchOptions, 'allowPrivate'>;
  open?: OpenOptions;
  /** See `LibraryDeps.snapshotMinArticles`. */
  snapshotMinArticles?: number;
}

/** Reads DATA_DIR and ALLOW_PRIVATE_URLS from an environment (the console has no full config). */
export function librarySettingsFromEnv(env: Readonly<Record<string, string | undefined>>): LibrarySettings {
  return {
    // Absolute from the start (see cacheDirOf): a relative mkdir spins once the cwd is deleted.
    dataDir: path.resolve(env['DATA_DIR']?.trim() || 'data'),
    allowPrivate: /^(on|true|1)$/i.test(env['ALLOW_PRIVATE_URLS']?.trim() ?? ''),
  };
}

/**
 * Opens the store and reads every stored article back. A database that cannot be used (corrupt,
 * locked, from a newer bot, unwritable folder) is returned as `problem`, naming the file: the bot
 * then serves its articles folder and says why articles cannot be added. A database that does not
 * exist yet is created on the first add, so merely reading never writes files.
 */
export async function openLibrary(
  base: { readonly kb: KnowledgeBase },
  settings: LibrarySettings,
): Promise<{ library: Library; problem?: string; loaded: number }> {
  const fetch = (url: string): ReturnType<typeof fetchPage> =>
    fetchPage(url, { ...settings.fetch, allowPrivate: settings.allowPrivate });
  const fetchFeed = (url: string): ReturnType<typeof fetchPage> =>
    fetchPage(url, { ...settings.fetch, accept: FEED_TYPES, allowPrivate: settings.allowPrivate });
  const file = path.join(settings.dataDir, DB_FILE);
  const connect = (): ReturnType<typeof openStore> => openStore(settings.dataDir, settings.open);
  const shared = {
    base,
    fetch,
    fetchFeed,
    viewsDir: path.join(settings.dataDir, 'views'),
    ...(settings.snapshotMinArticles !== undefined
      ? { snapshotMinArticles: settings.snapshotMinArticles }
      : {}),
  };
  if (!existsSync(file)) return { library: new Library({ store: null, connect, ...shared }), loaded: 0 };
  const opened = connect();
  if (!opened.ok)
    return {
      library: new Library({ store: null, storeProblem: opened.reason, ...shared }),
      problem: opened.reason,
      loaded: 0,
    };
  const store: Store = opened.value;
  const library = new Library({ store, ...shared });
  const loaded = await library.load();
  if (!loaded.ok) return { library, problem: loaded.reason, loaded: 0 };
  return { library, loaded: loaded.value };
}
