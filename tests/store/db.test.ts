import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, SCHEMA_VERSION, openStore } from '../../src/store/db.ts';
import type { Store, StoredArticle } from '../../src/store/db.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function article(id: string, body = `Text of ${id}.`): StoredArticle {
  return {
    articleId: id,
    scope: 'guild-1',
    fileName: `${id}.md`,
    title: id,
    sourceUrl: `https://news.example/${id}`,
    canonicalUrl: `https://news.example/${id}`,
    fetchedAt: '2026-01-01T00:00:00.000Z',
    contentHash: createHash('sha256').update(body).digest('hex'),
    raw: body,
    addedBy: 'moderator-1',
  };
}

function open(dir: string, options = {}): Store {
  const opened = openStore(dir, options);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.value;
}

/** Every stored article is whole: its content still hashes to the hash stored with it. */
function assertWhole(store: Store): string[] {
  expect(store.integrity()).toEqual({ ok: true, value: 'ok' });
  const rows = store.articles();
  if (!rows.ok) throw new Error(rows.reason);
  for (const row of rows.value)
    expect(createHash('sha256').update(row.raw).digest('hex'), row.articleId).toBe(row.contentHash);
  return rows.value.map((r) => r.articleId);
}

const WRITER = path.resolve('tests/store/writer.ts');
function writer(dataDir: string, prefix: string, count: number) {
  return spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, prefix, String(count)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('the article store', () => {
  it('keeps articles across restarts, in WAL mode', () => {
    const dir = tempDir();
    const first = open(dir);
    expect(first.insertArticle(article('a')).ok).toBe(true);
    first.close();
    const again = open(dir);
    expect(assertWhole(again)).toEqual(['a']);
    again.close();
    const db = new Database(path.join(dir, DB_FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('finds a duplicate by canonical URL or by content, only within the same server', () => {
    const store = open(tempDir());
    store.insertArticle(article('a', 'same words'));
    const byUrl = store.duplicateOf('guild-1', 'https://news.example/a', 'other');
    const byHash = store.duplicateOf('guild-1', null, article('x', 'same words').contentHash);
    const elsewhere = store.duplicateOf('guild-2', 'https://news.example/a', 'other');
    expect(byUrl.ok && byUrl.value?.articleId).toBe('a');
    expect(byHash.ok && byHash.value?.articleId).toBe('a');
    expect(elsewhere.ok && elsewhere.value).toBeUndefined();
    store.close();
  });

  it('refuses a database from a newer bot, by name, and leaves it untouched', () => {
    const dir = tempDir();
    open(dir).close();
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const opened = openStore(dir);
    expect(opened.ok ? '' : opened.reason).toMatch(
      /newsroom\.db has schema version \d+, newer than this bot/,
    );
    const after = new Database(path.join(dir, DB_FILE));
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    after.close();
  });

  it('reports a corrupt database by name', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, DB_FILE), Buffer.alloc(8192, 0x5a));
    const opened = openStore(dir);
    expect(opened.ok ? '' : opened.reason).toMatch(/newsroom\.db: the database is corrupt or not a database/);
  });

  it('reports a database locked by another process, and loses nothing', () => {
    const dir = tempDir();
    const store = open(dir, { busyTimeoutMs: 50 });
    store.insertArticle(article('kept'));
    const other = new Database(path.join(dir, DB_FILE));
    other.exec('BEGIN EXCLUSIVE');
    const blocked = store.insertArticle(article('blocked'));
    expect(blocked.ok ? '' : blocked.reason).toMatch(
      /newsroom\.db: the database is locked by another process/,
    );
    other.exec('ROLLBACK');
    other.close();
    expect(assertWhole(store)).toEqual(['kept']);
    store.close();
  });

  it('says the disk is full and keeps what was stored', () => {
    const dir = tempDir();
    open(dir).close();
    const pages =
      (new Database(path.join(dir, DB_FILE)).pragma('page_count', { simple: true }) as number) + 2;
    const store = open(dir, { maxPageCount: pages });
    expect(store.insertArticle(article('small')).ok).toBe(true);
    const big = store.insertArticle(article('big', 'x'.repeat(200_000)));
    expect(big.ok ? '' : big.reason).toMatch(/newsroom\.db: the disk .* is full; nothing was changed/);
    expect(assertWhole(store)).toEqual(['small']);
    store.close();
  });

  it('reports a DATA_DIR that cannot be created', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a-file'), 'not a folder');
    const opened = openStore(path.join(dir, 'a-file', 'data'));
    expect(opened.ok ? '' : opened.reason).toMatch(/newsroom\.db: DATA_DIR cannot be written/);
  });

  it('reports a read-only DATA_DIR and loses nothing stored there', () => {
    const dir = tempDir();
    const store = open(dir);
    store.insertArticle(article('kept'));
    store.close();
    // Root ignores permission bits, so as root the folder is made immutable instead.
    const files = [dir, ...readdirSync(dir).map((f) => path.join(dir, f))];
    const root = process.getuid?.() === 0;
    if (root) execFileSync('chattr', ['+i', ...files]);
    else chmodSync(dir, 0o555);
    try {
      const opened = openStore(dir);
      if (opened.ok) {
        // SQLite may still open it for reading; a write must then fail with a clear message.
        const write = opened.value.insertArticle(article('new'));
        expect(write.ok ? '' : write.reason).toMatch(/newsroom\.db: .*(read-only|cannot|disk error)/);
        opened.value.close();
      } else expect(opened.reason).toMatch(/newsroom\.db: .*(read-only|cannot be (opened|written))/);
    } finally {
      if (root) execFileSync('chattr', ['-i', ...files]);
      else chmodSync(dir, 0o755);
    }
    const after = open(dir);
    expect(assertWhole(after)).toEqual(['kept']);
    after.close();
  });

  it('takes writes from two processes at once without losing any', async () => {
    const dir = tempDir();
    open(dir).close();
    const run = (prefix: string): Promise<number | null> =>
      new Promise((resolve) => writer(dir, prefix, 40).once('exit', (code) => resolve(code)));
    expect(await Promise.all([run('left'), run('right')])).toEqual([0, 0]);
    const store = open(dir);
    const ids = assertWhole(store);
    expect(ids.filter((id) => id.startsWith('left-'))).toHaveLength(40);
    expect(ids.filter((id) => id.startsWith('right-'))).toHaveLength(40);
    store.close();
  }, 60_000);

  it('keeps every committed article whole when the writer is killed -9 mid-write', async () => {
    const dir = tempDir();
    // Fixed pseudo-random kill moments, so a failure can be replayed.
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const committed = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const child = writer(dir, `r${round}`, 100_000);
      let buffer = '';
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          if (buffer.startsWith('ready\n') && !child.killed)
            setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(next() * 400));
        });
        child.once('exit', () => resolve());
      });
      for (const line of buffer.split('\n').slice(1, -1)) committed.add(line);
      const store = open(dir);
      const ids = new Set(assertWhole(store));
      for (const id of committed) expect(ids.has(id), id).toBe(true);
      store.close();
    }
    expect(committed.size).toBeGreaterThan(0);
  }, 60_000);
});
