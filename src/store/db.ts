import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

/**
 * The embedded store: `DATA_DIR/newsroom.db`, SQLite in WAL mode (readers never block the writer,
 * and a process killed mid-write leaves the last committed state). Every write is one
 * transaction, so a failed write (disk full, locked, read-only) changes nothing already stored.
 * Schema migrations are versioned here in code (`PRAGMA user_version`); a database written by a
 * newer bot is refused rather than guessed at. Nothing throws: failures are reasons naming the file.
 */

/** Scope of articles visible in every server (the console and seeds-like additions). */
export const GLOBAL_SCOPE = 'global';
export const DB_FILE = 'newsroom.db';

const MIGRATIONS: readonly string[] = [
  // 1: articles per server, feeds and the items already seen of each.
  `CREATE TABLE articles (
     rowid INTEGER PRIMARY KEY,
     article_id TEXT NOT NULL UNIQUE,
     scope TEXT NOT NULL,
     file_name TEXT NOT NULL,
     title TEXT NOT NULL,
     source_url TEXT,
     canonical_url TEXT,
     fetched_at TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     raw TEXT NOT NULL,
     added_by TEXT NOT NULL,
     pipeline TEXT,
     knowledge TEXT
   );
   CREATE INDEX articles_scope ON articles(scope);
   CREATE UNIQUE INDEX articles_scope_hash ON articles(scope, content_hash);
   CREATE UNIQUE INDEX articles_scope_canonical ON articles(scope, canonical_url) WHERE canonical_url IS NOT NULL;
   CREATE TABLE feeds (
     rowid INTEGER PRIMARY KEY,
     scope TEXT NOT NULL,
     url TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     title TEXT,
     added_by TEXT NOT NULL,
     added_at TEXT NOT NULL,
     UNIQUE(scope, url)
   );
   CREATE TABLE feed_items (
     feed INTEGER NOT NULL REFERENCES feeds(rowid) ON DELETE CASCADE,
     guid TEXT NOT NULL,
     seen_at TEXT NOT NULL,
     PRIMARY KEY (feed, guid)
   );`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

export interface StoredArticle {
  articleId: string;
  scope: string;
  /** `<id>.<ext>`: the extension tells the parser the format (html, md, txt). */
  fileName: string;
  title: string;
  sourceUrl: string | null;
  canonicalUrl: string | null;
  fetchedAt: string;
  contentHash: string;
  raw: string;
  addedBy: string;
}

export interface StoredRow extends StoredArticle {
  rowid: number;
  pipeline: string | null;
  knowledge: string | null;
}

export interface Feed {
  rowid: number;
  scope: string;
  url: string;
  channelId: string;
  title: string | null;
  addedBy: string;
  addedAt: string;
}

export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; reason: string };

export interface OpenOptions {
  /** How long a write waits for another process's lock. Default 5 s. */
  busyTimeoutMs?: number;
  /** Caps the database size in pages (tests simulate a full disk with it). */
  maxPageCount?: number;
}

/** A SQLite error as a sentence a moderator or operator can act on. */
export function describeDbError(file: string, error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = (error as Error).message ?? String(error);
  if (code.startsWith('SQLITE_FULL'))
    return `${file}: the disk (or the database's size limit) is full; nothing was changed`;
  if (code.startsWith('SQLITE_READONLY') || /read-?only/i.test(message))
    return `${file}: the database is read-only (check DATA_DIR's permissions); nothing was changed`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return `${file}: the database is locked by another process; try again`;
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))
    return `${file}: the database is corrupt or not a database (${message}); move it aside to start a new one`;
  if (code.startsWith('SQLITE_CANTOPEN'))
    return `${file}: the database cannot be opened (check that DATA_DIR exists and is writable)`;
  if (code.startsWith('SQLITE_IOERR'))
    return `${file}: a disk error stopped the write (${message}); nothing was changed`;
  return `${file}: ${message}`;
}

function migrate(db: Db, file: string): Outcome {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    return {
      ok: false,
      reason: `${file} has schema version ${version}, newer than this bot understands (${SCHEMA_VERSION}); upgrade the bot (the database was left untouched)`,
    };
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return { ok: true, value: undefined };
}

/** Opens (creating when needed) the database in `dataDir`; a reason naming the file when it cannot. */
export function openStore(dataDir: string, options: OpenOptions = {}): Outcome<Store> {
  const file = path.join(dataDir, DB_FILE);
  let db: Db | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.trunc(options.maxPageCount)}`);
    // Reading the schema touches every page header: a damaged file fails here, by name.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const migrated = migrate(db, file);
    if (!migrated.ok) {
      db.close();
      return migrated;
    }
    return { ok: true, value: new Store(db, file) };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM' || code === 'ENOTDIR')
      return {
        ok: false,
        reason: `${file}: DATA_DIR cannot be written (${code}); set DATA_DIR to a writable folder`,
      };
    return { ok: false, reason: describeDbError(file, error) };
  }
}

interface ArticleRow {
  rowid: number;
  article_id: string;
  scope: string;
  file_name: string;
  title: string;
  source_url: string | null;
  canonical_url: string | null;
  fetched_at: string;
  content_hash: string;
  raw: string;
  added_by: string;
  pipeline: string | null;
  knowledge: string | null;
}

const fromRow = (r: ArticleRow): StoredRow => ({
  rowid: r.rowid,
  articleId: r.article_id,
  scope: r.scope,
  fileName: r.file_name,
  title: r.title,
  sourceUrl: r.source_url,
  canonicalUrl: r.canonical_url,
  fetchedAt: r.fetched_at,
  contentHash: r.content_hash,
  raw: r.raw,
  addedBy: r.added_by,
  pipeline: r.pipeline,
  knowledge: r.knowledge,
});

/** Typed access to the tables; every method returns an Outcome and leaves the data whole on failure. */
export class Store {
  constructor(
    private readonly db: Db,
    readonly file: string,
  ) {}

  private attempt<T>(work: () => T): Outcome<T> {
    try {
      return { ok: true, value: work() };
    } catch (error) {
      return { ok: false, reason: describeDbError(this.file, error) };
    }
  }

  /** What identifies each stored article's content, in insertion order (cheap: no bodies). */
  articleKeys(): Outcome<
    { rowid: number; articleId: string; scope: string; contentHash: string; pipeline: string | null }[]
  > {
    return this.attempt(() =>
      (
        this.db
          .prepare('SELECT rowid, article_id, scope, content_hash, pipeline FROM articles ORDER BY rowid')
          .all() as {
          rowid: number;
          article_id: string;
          scope: string;
          content_hash: string;
          pipeline: string | null;
        }[]
      ).map((r) => ({
        rowid: r.rowid,
        articleId: r.article_id,
        scope: r.scope,
        contentHash: r.content_hash,
        pipeline: r.pipeline,
      })),
    );
  }

  /** The stored articles of one scope, in insertion order. */
  articlesOf(scope: string): Outcome<StoredRow[]> {
    return this.attempt(() =>
      (
        this.db.prepare('SELECT * FROM articles WHERE scope = ? ORDER BY rowid').all(scope) as ArticleRow[]
      ).map(fromRow),
    );
  }

  /** Every stored article, in insertion order. */
  articles(): Outcome<StoredRow[]> {
    return this.attempt(() =>
      (this.db.prepare('SELECT * FROM articles ORDER BY rowid').all() as ArticleRow[]).map(fromRow),
    );
  }

  /** An article of this scope with the same canonical URL or the same content. */
  duplicateOf(
    scope: string,
    canonicalUrl: string | null,
    contentHash: string,
  ): Outcome<StoredRow | undefined> {
    return this.attempt(() => {
      const row = this.db
        .prepare(
          'SELECT * FROM articles WHERE scope = ? AND (content_hash = ? OR (canonical_url IS NOT NULL AND canonical_url = ?)) LIMIT 1',
        )
        .get(scope, contentHash, canonicalUrl) as ArticleRow | undefined;
      return row === undefined ? undefined : fromRow(row);
    });
  }

  hasArticleId(articleId: string): Outcome<boolean> {
    return this.attempt(
      () => this.db.prepare('SELECT 1 FROM articles WHERE article_id = ?').get(articleId) !== undefined,
    );
  }

  insertArticle(a: StoredArticle, knowledge?: { pipeline: string; json: string }): Outcome<number> {
    return this.attempt(() => {
      const info = this.db
        .prepare(
          `INSERT INTO articles (article_id, scope, file_name, title, source_url, canonical_url, fetched_at, content_hash, raw, added_by, pipeline, knowledge)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          a.articleId,
          a.scope,
          a.fileName,
          a.title,
          a.sourceUrl,
          a.canonicalUrl,
          a.fetchedAt,
          a.contentHash,
          a.raw,
          a.addedBy,
          knowledge?.pipeline ?? null,
          knowledge?.json ?? null,
        );
      return Number(info.lastInsertRowid);
    });
  }

  /** Caches the extracted knowledge of a row (re-done when the pipeline version changes). */
  saveKnowledge(rowid: number, pipeline: string, json: string): Outcome {
    return this.attempt(() => {
      this.db
        .prepare('UPDATE articles SET pipeline = ?, knowledge = ? WHERE rowid = ?')
        .run(pipeline, json, rowid);
      return undefined;
    });
  }

  removeArticle(scope: string, articleId: string): Outcome<boolean> {
    return this.attempt(
      () =>
        this.db.prepare('DELETE FROM articles WHERE scope = ? AND article_id = ?').run(scope, articleId)
          .changes > 0,
    );
  }

  addFeed(feed: Omit<Feed, 'rowid'>, seenGuids: readonly string[]): Outcome<number> {
    return this.attempt(() =>
      this.db.transaction(() => {
        const info = this.db
          .prepare(
            'INSERT INTO feeds (scope, url, channel_id, title, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(feed.scope, feed.url, feed.channelId, feed.title, feed.addedBy, feed.addedAt);
        const id = Number(info.lastInsertRowid);
        const seen = this.db.prepare(
          'INSERT OR IGNORE INTO feed_items (feed, guid, seen_at) VALUES (?, ?, ?)',
        );
        for (const guid of seenGuids) seen.run(id, guid, feed.addedAt);
        return id;
      })(),
    );
  }

  feeds(scope?: string): Outcome<Feed[]> {
    return this.attempt(() => {
      const rows = (
        scope === undefined
          ? this.db.prepare('SELECT * FROM feeds ORDER BY rowid').all()
          : this.db.prepare('SELECT * FROM feeds WHERE scope = ? ORDER BY rowid').all(scope)
      ) as {
        rowid: number;
        scope: string;
        url: string;
        channel_id: string;
        title: string | null;
        added_by: string;
        added_at: string;
      }[];
      return rows.map((r) => ({
        rowid: r.rowid,
        scope: r.scope,
        url: r.url,
        channelId: r.channel_id,
        title: r.title,
        addedBy: r.added_by,
        addedAt: r.added_at,
      }));
    });
  }

  removeFeed(scope: string, rowid: number): Outcome<boolean> {
    return this.attempt(
      () => this.db.prepare('DELETE FROM feeds WHERE scope = ? AND rowid = ?').run(scope, rowid).changes > 0,
    );
  }

  /** The guids of this feed not seen before (in the order given). */
  unseen(feed: number, guids: readonly string[]): Outcome<string[]> {
    return this.attempt(() => {
      const q = this.db.prepare('SELECT 1 FROM feed_items WHERE feed = ? AND guid = ?');
      return guids.filter((g) => q.get(feed, g) === undefined);
    });
  }

  markSeen(feed: number, guid: string, at: string): Outcome {
    return this.attempt(() => {
      this.db
        .prepare('INSERT OR IGNORE INTO feed_items (feed, guid, seen_at) VALUES (?, ?, ?)')
        .run(feed, guid, at);
      return undefined;
    });
  }

  /** SQLite's own consistency check ('ok' when whole). */
  integrity(): Outcome<string> {
    return this.attempt(() => String(this.db.pragma('integrity_check', { simple: true })));
  }

  close(): void {
    try {
      this.db.close();
    } catch {
      // closing twice or after a failure is harmless
    }
  }
}
