import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Article, LoadProblem, ParseResult } from '../article/types.ts';
import { extractKnowledge } from '../knowledge/extract.ts';
import { buildKnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { PIPELINE_VERSION } from '../knowledge/loader.ts';
import { INDEX_VERSION } from '../knowledge/knowledge-base.ts';
import {
  corpusKey,
  packKnowledge,
  readSnapshot,
  unpackKnowledge,
  writeSnapshot,
} from '../knowledge/snapshot.ts';
import type { PackedKnowledge } from '../knowledge/snapshot.ts';
import type { ArticleKnowledge } from '../knowledge/types.ts';
import type { FetchResult } from '../fetch/fetch-page.ts';
import { GLOBAL_SCOPE } from './db.ts';
import type { Outcome, Store, StoredRow } from './db.ts';
import { canonicalLink, extensionFor, notAnArticle, parseFetchedPage } from './page.ts';
import type { PageInput } from './page.ts';

/**
 * Articles added from Discord or the console, per server, on top of the folder's articles.
 * Each server sees a knowledge base of its own: the folder's articles (and global ones) plus the
 * articles added in that server, built on first use and rebuilt only when either side changes.
 * Search internals are untouched; an added article is answerable on the next command.
 */

/** What the parser, extractor and cache depend on; a bump re-extracts every stored article. */
export const STORE_PIPELINE = `store-1+${PIPELINE_VERSION}`;

export interface LibraryDeps {
  /** The open database, or null with the reason it could not be opened (the bot still serves seeds). */
  store: Store | null;
  storeProblem?: string;
  /** Opens the database on the first add when none exists yet (so reading never creates files). */
  connect?: () => Outcome<Store>;
  /** The folder's knowledge base; read on every call, so a hot reload is picked up. */
  base: { readonly kb: KnowledgeBase };
  fetch: (url: string) => Promise<FetchResult>;
  /** Fetches RSS/Atom (feed content types). */
  fetchFeed?: (url: string) => Promise<FetchResult>;
  parse?: (input: PageInput) => ParseResult;
  extract?: (article: Article) => ArticleKnowledge;
  now?: () => Date;
  /**
   * Folder for snapshots of big server views (knowledge plus built indexes), so a restart with
   * thousands of stored articles reads one file per server instead of re-indexing. Null: none.
   */
  viewsDir?: string | null;
  /** Servers with at least this many added articles get a view snapshot. Default {@link SNAPSHOT_MIN_ARTICLES}. */
  snapshotMinArticles?: number;
}

/** Servers with at least this many added articles get a view snapshot. */
export const SNAPSHOT_MIN_ARTICLES = 100;

export interface AddRequest {
  scope: string;
  addedBy: string;
}

export type AddOutcome =
  | { ok: true; article: Article; duplicate: false }
  | { ok: true; article: Article | undefined; duplicate: true; articleId: string }
  | { ok: false; reason: string };

interface View {
  base: KnowledgeBase;
  version: number;
  kb: KnowledgeBase;
}

/** A stable, readable id from a title: `harbour-ferry-closes-for-winter`. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'article' : slug;
}

/** The URL an article is known by: the page's canonical link, without fragment or tracking. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()])
      if (/^(utm_|fbclid|gclid|mc_)/i.test(key)) u.searchParams.delete(key);
    return u.href;
  } catch {
    return url;
  }
}

export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

export class Library {
  private readonly byScope = new Map<string, Map<string, ArticleKnowledge>>();
  /** Per scope, article id -> content key, in view order (known before knowledge is read). */
  private readonly rowKeys = new Map<string, Map<string, string>>();
  private readonly baseKeys = new WeakMap<KnowledgeBase, string>();
  /** Views built since their snapshot was written. */
  private readonly dirty = new Set<string>();
  private readonly versions = new Map<string, number>();
  private readonly views = new Map<string, View>();
  private readonly parse: (input: PageInput) => ParseResult;
  private readonly extract: (article: Article) => ArticleKnowledge;
  private readonly now: () => Date;
  /** Stored articles that could not be read back (named; they stay stored). */
  readonly problems: LoadProblem[] = [];

  private storeRef: Store | null;
  private readonly snapshotMin: number;

  constructor(private readonly deps: LibraryDeps) {
    this.storeRef = deps.store;
    this.snapshotMin = deps.snapshotMinArticles ?? SNAPSHOT_MIN_ARTICLES;
    this.parse = deps.parse ?? parseFetchedPage;
    this.extract = deps.extract ?? extractKnowledge;
    this.now = deps.now ?? (() => new Date());
  }

  /** Why articles cannot be added (the database could not be opened), or undefined. */
  get unavailable(): string | undefined {
    return this.storeRef === null && this.deps.connect === undefined
      ? (this.deps.storeProblem ?? 'no database is configured')
      : undefined;
  }

  /** Fetches a feed with the feed content types (the page fetcher when none was given). */
  fetchFeed(url: string): Promise<FetchResult> {
    return (this.deps.fetchFeed ?? this.deps.fetch)(url);
  }

  get store(): Store | null {
    return this.storeRef;
  }

  /** The database, opening it now when no article was stored yet. */
  openedStore(): Outcome<Store> {
    return this.ensureStore();
  }

  private ensureStore(): Outcome<Store> {
    if (this.storeRef !== null) return { ok: true, value: this.storeRef };
    if (this.deps.connect === undefined) return { ok: false, reason: this.unavailable ?? '' };
    const opened = this.deps.connect();
    if (opened.ok) this.storeRef = opened.value;
    return opened;
  }

  close(): void {
    this.storeRef?.close();
  }

  /**
   * Reads every stored article back: a server whose view snapshot matches its stored articles
   * (and the folder's) comes back from it in one read; the others from each row's cached knowledge.
   */
  async load(): Promise<Outcome<number>> {
    const store = this.storeRef;
    if (store === null) return { ok: true, value: 0 };
    const keys = store.articleKeys();
    if (!keys.ok) return keys;
    const scopes: string[] = [GLOBAL_SCOPE];
    for (const k of keys.value) {
      if (!this.rowKeys.has(k.scope)) {
        this.rowKeys.set(k.scope, new Map());
        if (k.scope !== GLOBAL_SCOPE) scopes.push(k.scope);
      }
      this.rowKeys.get(k.scope)?.set(k.articleId, `${k.articleId}:${k.contentHash}`);
    }
    let count = 0;
    for (const scope of scopes) {
      if (!this.rowKeys.has(scope)) continue;
      if (await this.loadSnapshot(scope)) {
        count += this.byScope.get(scope)?.size ?? 0;
        continue;
      }
      const rows = store.articlesOf(scope);
      if (!rows.ok) return rows;
      for (const row of rows.value) {
        const knowledge = this.knowledgeOfRow(row);
        if (knowledge === null) {
          this.rowKeys.get(scope)?.delete(row.articleId);
          continue;
        }
        this.put(scope, knowledge, row.contentHash);
        count++;
      }
      if (rows.value.length >= this.snapshotMin) this.kbFor(scope === GLOBAL_SCOPE ? undefined : scope);
    }
    await this.flush();
    return { ok: true, value: count };
  }

  private viewFolder(scope: string): string | null {
    if (this.deps.viewsDir === undefined || this.deps.viewsDir === null) return null;
    return path.join(this.deps.viewsDir, createHash('sha1').update(scope).digest('hex').slice(0, 16));
  }

  /** A key for the folder's knowledge: ids and paragraph texts (a reload that changes them changes it). */
  private baseKey(base: KnowledgeBase): string {
    let key = this.baseKeys.get(base);
    if (key === undefined) {
      const hash = createHash('sha256');
      for (const a of base.articles) {
        hash.update(a.id).update('\0');
        for (const p of a.paragraphs) hash.update(p.text).update('\n');
      }
      key = hash.digest('hex');
      this.baseKeys.set(base, key);
    }
    return key;
  }

  /** Which stored articles a view holds, in view order: global ones, then the server's own. */
  private viewMembers(scope: string | undefined): { scope: string; id: string; key: string }[] {
    const base = this.deps.base.kb;
    const out: { scope: string; id: string; key: string }[] = [];
    const sources = scope === undefined || scope === GLOBAL_SCOPE ? [GLOBAL_SCOPE] : [GLOBAL_SCOPE, scope];
    for (const s of sources)
      for (const [id, key] of this.rowKeys.get(s) ?? [])
        if (base.article(id) === undefined) out.push({ scope: s, id, key });
    return out;
  }

  private viewKey(scope: string | undefined): string {
    const members = this.viewMembers(scope).map((m) => m.key);
    return corpusKey([this.baseKey(this.deps.base.kb), ...members], `${INDEX_VERSION}+${STORE_PIPELINE}`);
  }

  private async loadSnapshot(scope: string): Promise<boolean> {
    const folder = this.viewFolder(scope);
    const own = this.rowKeys.get(scope);
    if (folder === null || own === undefined || own.size < this.snapshotMin) return false;
    const viewScope = scope === GLOBAL_SCOPE ? undefined : scope;
    const read = await readSnapshot(folder, this.viewKey(viewScope));
    if (!read.ok) return false;
    const snapshot = read.snapshot;
    const base = this.deps.base.kb;
    const members = this.viewMembers(viewScope);
    if (snapshot.knowledge.length !== base.knowledge.length + members.length) return false;
    const stored = snapshot.knowledge.slice(base.knowledge.length);
    const knowledge: ArticleKnowledge[] = [...base.knowledge];
    stored.forEach((k, i) => {
      const member = members[i];
      if (member === undefined) return;
      // The global part is already in memory (shared); the server's own part comes from the file.
      const live = this.byScope.get(member.scope)?.get(member.id);
      if (live === undefined) this.put(member.scope, k);
      knowledge.push(live ?? k);
    });
    const kb = buildKnowledgeBase(knowledge, snapshot.indexes);
    this.views.set(scope, { base, version: this.version(viewScope), kb });
    return true;
  }

  /** Writes the snapshots of big views built since their last snapshot (restarts read them). */
  async flush(): Promise<void> {
    for (const scope of [...this.dirty]) {
      this.dirty.delete(scope);
      const folder = this.viewFolder(scope);
      const view = this.views.get(scope);
      if (folder === null || view === undefined) continue;
      const viewScope = scope === GLOBAL_SCOPE ? undefined : scope;
      await mkdir(folder, { recursive: true }).catch(() => undefined);
      await writeSnapshot(folder, this.viewKey(viewScope), {
        knowledge: [...view.kb.knowledge],
        indexes: view.kb.indexState(),
        problems: [],
      }).catch(() => undefined);
    }
  }

  private knowledgeOfRow(row: StoredRow): ArticleKnowledge | null {
    if (row.pipeline === STORE_PIPELINE && row.knowledge !== null) {
      try {
        return unpackKnowledge(JSON.parse(row.knowledge) as PackedKnowledge);
      } catch {
        // a damaged cache entry: re-extract from the raw content below
      }
    }
    const parsed = this.parse({
      id: row.articleId,
      fileName: row.fileName,
      text: row.raw,
      ...(row.sourceUrl ? { url: row.sourceUrl } : {}),
    });
    if (!parsed.ok) {
      this.problems.push({ file: `${row.articleId} (stored)`, reason: parsed.reason });
      return null;
    }
    const knowledge = this.withUrl(this.extract(parsed.article), row.canonicalUrl ?? row.sourceUrl);
    this.storeRef?.saveKnowledge(row.rowid, STORE_PIPELINE, JSON.stringify(packKnowledge(knowledge)));
    return knowledge;
  }

  private withUrl(k: ArticleKnowledge, url: string | null): ArticleKnowledge {
    if (url === null || k.article.meta.url !== undefined) return k;
    return { ...k, article: { ...k.article, meta: { ...k.article.meta, url } } };
  }

  private put(scope: string, knowledge: ArticleKnowledge, hash?: string): void {
    let list = this.byScope.get(scope);
    if (list === undefined) this.byScope.set(scope, (list = new Map()));
    list.set(knowledge.article.id, knowledge);
    if (hash !== undefined) {
      let keys = this.rowKeys.get(scope);
      if (keys === undefined) this.rowKeys.set(scope, (keys = new Map()));
      keys.set(knowledge.article.id, `${knowledge.article.id}:${hash}`);
    }
    this.versions.set(scope, (this.versions.get(scope) ?? 0) + 1);
  }

  private version(scope: string | undefined): number {
    return (
      (this.versions.get(GLOBAL_SCOPE) ?? 0) * 1_000_003 +
      (scope === undefined ? 0 : (this.versions.get(scope) ?? 0))
    );
  }

  /** The knowledge base a server (or the console, scope "console") answers from. */
  kbFor(scope: string | undefined): KnowledgeBase {
    const base = this.deps.base.kb;
    const own = scope === undefined || scope === GLOBAL_SCOPE ? undefined : this.byScope.get(scope);
    const global = this.byScope.get(GLOBAL_SCOPE);
    if ((own === undefined || own.size === 0) && (global === undefined || global.size === 0)) return base;
    const key = scope ?? GLOBAL_SCOPE;
    const version = this.version(scope);
    const cached = this.views.get(key);
    if (cached !== undefined && cached.base === base && cached.version === version) return cached.kb;
    const extra: ArticleKnowledge[] = [];
    for (const m of this.viewMembers(scope)) {
      const k = this.byScope.get(m.scope)?.get(m.id);
      if (k !== undefined) extra.push(k);
    }
    const kb = buildKnowledgeBase([...base.knowledge, ...extra]);
    this.views.set(key, { base, version, kb });
    if (extra.length >= this.snapshotMin) this.dirty.add(key);
    return kb;
  }

  /** Any stored article by id, whichever server it belongs to (ids are unique across servers). */
  article(id: string): Article | undefined {
    for (const list of this.byScope.values()) {
      const k = list.get(id);
      if (k !== undefined) return k.article;
    }
    return undefined;
  }

  /** The articles added in one scope (not the folder's), in the order they were added. */
  added(scope: string): Article[] {
    return [...(this.byScope.get(scope)?.values() ?? [])].map((k) => k.article);
  }

  private freshId(title: string): string {
    const slug = slugify(title);
    const taken = (id: string): boolean => {
      if (this.deps.base.kb.article(id) !== undefined || this.article(id) !== undefined) return true;
      const stored = this.storeRef?.hasArticleId(id);
      return stored !== undefined && stored.ok && stored.value;
    };
    if (!taken(slug)) return slug;
    for (let n = 2; ; n++) if (!taken(`${slug}-${n}`)) return `${slug}-${n}`;
  }

  /** Fetches a link and adds it as an article of `scope`. */
  async addUrl(url: string, request: AddRequest): Promise<AddOutcome> {
    if (this.unavailable !== undefined)
      return { ok: false, reason: `articles cannot be added: ${this.unavailable}` };
    const fetched = await this.deps.fetch(url);
    if (!fetched.ok) return { ok: false, reason: `could not read ${url.slice(0, 200)}: ${fetched.reason}` };
    const page = fetched.page;
    return this.addText(request, {
      text: page.text,
      contentType: page.contentType,
      url: page.url,
      name: new URL(page.url).pathname,
    });
  }

  /** Adds already-read content (a page, an attachment, a feed item) as an article of `scope`. */
  addText(
    request: AddRequest,
    page: { text: string; contentType: string; url?: string; name?: string },
  ): AddOutcome {
    const opened = this.ensureStore();
    if (!opened.ok) return { ok: false, reason: `articles cannot be added: ${opened.reason}` };
    const store = opened.value;
    const ext = extensionFor(page.contentType, page.name);
    const canonical =
      canonicalUrl((ext === 'html' ? canonicalLink(page.text, page.url) : undefined) ?? page.url ?? '') ||
      null;
    const hash = contentHash(page.text);
    const dup = store.duplicateOf(request.scope, canonical, hash);
    if (!dup.ok) return { ok: false, reason: dup.reason };
    if (dup.value !== undefined)
      return {
        ok: true,
        duplicate: true,
        articleId: dup.value.articleId,
        article: this.article(dup.value.articleId),
      };
    const link = canonical ?? page.url;
    const probe = this.parse({
      id: 'page',
      fileName: `page.${ext}`,
      text: page.text,
      ...(link ? { url: link } : {}),
    });
    if (!probe.ok)
      return {
        ok: false,
        reason:
          probe.notArticle !== undefined
            ? `the page is not an article: ${probe.reason}`
            : `the page could not be read as an article: ${probe.reason}`,
      };
    const why = notAnArticle(probe.article);
    if (why !== null) return { ok: false, reason: why };
    const id = this.freshId(probe.article.meta.title);
    const parsed = this.parse({
      id,
      fileName: `${id}.${ext}`,
      text: page.text,
      ...(link ? { url: link } : {}),
    });
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    const knowledge = this.withUrl(this.extract(parsed.article), canonical);
    const inserted = store.insertArticle(
      {
        articleId: id,
        scope: request.scope,
        fileName: `${id}.${ext}`,
        title: parsed.article.meta.title,
        sourceUrl: page.url ?? null,
        canonicalUrl: canonical,
        fetchedAt: this.now().toISOString(),
        contentHash: hash,
        raw: page.text,
        addedBy: request.addedBy,
      },
      { pipeline: STORE_PIPELINE, json: JSON.stringify(packKnowledge(knowledge)) },
    );
    if (!inserted.ok) return { ok: false, reason: `the article was not stored: ${inserted.reason}` };
    this.put(request.scope, knowledge, hash);
    return { ok: true, duplicate: false, article: knowledge.article };
  }

  /** Removes an article added in `scope` (never a folder article, never another server's). */
  remove(scope: string, query: string): Outcome<Article> {
    const opened = this.ensureStore();
    if (!opened.ok) return { ok: false, reason: `articles cannot be removed: ${opened.reason}` };
    const store = opened.value;
    const own = this.byScope.get(scope);
    const q = query.trim().toLowerCase();
    const match = [...(own?.values() ?? [])].find(
      (k) => k.article.id === q || k.article.meta.title.toLowerCase() === q,
    );
    if (match === undefined) {
      if (this.deps.base.kb.article(q) !== undefined)
        return {
          ok: false,
          reason: `"${query}" is one of the bot's own articles (the articles folder); only added articles can be removed`,
        };
      const names = [...(own?.values() ?? [])].map((k) => k.article.id);
      return {
        ok: false,
        reason: `no article "${query}" was added in this server${names.length > 0 ? ` (added here: ${names.slice(0, 10).join(', ')})` : ''}`,
      };
    }
    const removed = store.removeArticle(scope, match.article.id);
    if (!removed.ok) return removed;
    own?.delete(match.article.id);
    this.rowKeys.get(scope)?.delete(match.article.id);
    this.versions.set(scope, (this.versions.get(scope) ?? 0) + 1);
    return { ok: true, value: match.article };
  }
}
