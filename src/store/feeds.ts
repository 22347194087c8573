import Parser from 'rss-parser';
import type { FetchResult } from '../fetch/fetch-page.ts';
import type { Feed, Outcome } from './db.ts';
import type { Library } from './library.ts';

/**
 * RSS and Atom feeds followed per server: `/feed add` records the feed and the items it already
 * has (those are not posted); each poll fetches the feed, reads every new item's page (falling
 * back to the item's own content), adds it as an article of that server and posts a one-line card
 * into the feed's channel. Duplicates (same canonical URL or content) are skipped quietly.
 */

export interface FeedItem {
  guid: string;
  title: string;
  link?: string;
  /** The item's HTML content, when the feed carries the article. */
  content?: string;
}

export interface ParsedFeed {
  title: string;
  items: FeedItem[];
}

const parser = new Parser({ timeout: 10_000 });

/** Feed XML -> items, newest first as the feed lists them. Never throws. */
export async function parseFeed(xml: string): Promise<Outcome<ParsedFeed>> {
  try {
    const feed = await parser.parseString(xml);
    const items: FeedItem[] = [];
    for (const item of feed.items) {
      const guid = item.guid ?? item.link ?? item.title;
      if (guid === undefined || guid.trim() === '') continue;
      const encoded = (item as { 'content:encoded'?: string })['content:encoded'];
      const content = encoded ?? item.content;
      items.push({
        guid: guid.trim(),
        title: (item.title ?? item.link ?? guid).trim(),
        ...(item.link ? { link: item.link.trim() } : {}),
        ...(content ? { content } : {}),
      });
    }
    return { ok: true, value: { title: (feed.title ?? '').trim(), items } };
  } catch (error) {
    return {
      ok: false,
      reason: `it is not a readable RSS or Atom feed (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

export interface FeedDeps {
  library: Library;
  fetchFeed: (url: string) => Promise<FetchResult>;
  /** Posts one line into a channel; resolves false when Discord refused it. */
  post: (channelId: string, text: string) => Promise<boolean>;
  now?: () => Date;
  /** Item pages fetched at once. Default 4. */
  concurrency?: number;
}

async function readFeed(fetchFeed: FeedDeps['fetchFeed'], url: string): Promise<Outcome<ParsedFeed>> {
  const fetched = await fetchFeed(url);
  if (!fetched.ok) return { ok: false, reason: `could not read the feed: ${fetched.reason}` };
  return parseFeed(fetched.page.text);
}

/** Starts following a feed: its current items count as seen, so only new ones are posted. */
export async function followFeed(
  deps: Pick<FeedDeps, 'library' | 'fetchFeed' | 'now'>,
  request: { scope: string; url: string; channelId: string; addedBy: string },
): Promise<Outcome<{ feed: Feed; items: number }>> {
  const store = deps.library.openedStore();
  if (!store.ok) return { ok: false, reason: `feeds cannot be followed: ${store.reason}` };
  const existing = store.value.feeds(request.scope);
  if (!existing.ok) return existing;
  if (existing.value.some((f) => f.url === request.url))
    return { ok: false, reason: 'this server already follows that feed' };
  const read = await readFeed(deps.fetchFeed, request.url);
  if (!read.ok) return read;
  const at = (deps.now ?? (() => new Date()))().toISOString();
  const feed = {
    scope: request.scope,
    url: request.url,
    channelId: request.channelId,
    title: read.value.title || null,
    addedBy: request.addedBy,
    addedAt: at,
  };
  const added = store.value.addFeed(
    feed,
    read.value.items.map((i) => i.guid),
  );
  if (!added.ok) return added;
  return { ok: true, value: { feed: { ...feed, rowid: added.value }, items: read.value.items.length } };
}

/** The one-line card posted for a new item. */
export function feedCard(
  title: string,
  outlet: string | undefined,
  link: string | undefined,
  articleId: string,
): string {
  const from = outlet ? ` — ${outlet}` : '';
  const url = link ? ` · <${link}>` : '';
  return `📰 **${title.replace(/[*_`~|]/g, '')}**${from}${url} · ask me about it: \`/ask article:${articleId}\``.slice(
    0,
    1900,
  );
}

export interface PollReport {
  feed: number;
  added: number;
  duplicates: number;
  failed: { item: string; reason: string }[];
}

async function addItem(deps: FeedDeps, feed: Feed, item: FeedItem): Promise<'added' | 'duplicate' | string> {
  const request = { scope: feed.scope, addedBy: `feed:${feed.rowid}` };
  let outcome = item.link ? await deps.library.addUrl(item.link, request) : undefined;
  if ((outcome === undefined || !outcome.ok) && item.content !== undefined) {
    const html = `<html><head><title>${item.title}</title></head><body>${item.content}</body></html>`;
    outcome = deps.library.addText(request, {
      text: html,
      contentType: 'text/html',
      ...(item.link ? { url: item.link } : {}),
    });
  }
  if (outcome === undefined) return 'the item has neither a link nor content';
  if (!outcome.ok) return outcome.reason;
  if (outcome.duplicate) return 'duplicate';
  const a = outcome.article;
  await deps.post(
    feed.channelId,
    feedCard(a.meta.title, a.meta.outlet ?? feed.title ?? undefined, a.meta.url ?? item.link, a.id),
  );
  return 'added';
}

/** Polls one feed: new items become articles of its server, each announced with a card. */
export async function pollFeed(deps: FeedDeps, feed: Feed): Promise<Outcome<PollReport>> {
  const store = deps.library.openedStore();
  if (!store.ok) return store;
  const read = await readFeed(deps.fetchFeed, feed.url);
  if (!read.ok) return read;
  const unseen = store.value.unseen(
    feed.rowid,
    read.value.items.map((i) => i.guid),
  );
  if (!unseen.ok) return unseen;
  const fresh = new Set(unseen.value);
  // Oldest first, so cards arrive in publication order.
  const items = read.value.items.filter((i) => fresh.has(i.guid)).reverse();
  const report: PollReport = { feed: feed.rowid, added: 0, duplicates: 0, failed: [] };
  const at = (deps.now ?? (() => new Date()))().toISOString();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as FeedItem;
      const result = await addItem(deps, feed, item);
      if (result === 'added') report.added++;
      else if (result === 'duplicate') report.duplicates++;
      else report.failed.push({ item: item.link ?? item.guid, reason: result });
      // Seen even when it failed: a page that is not an article would otherwise be retried forever.
      store.value.markSeen(feed.rowid, item.guid, at);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  return { ok: true, value: report };
}

/** Polls every followed feed once, one after another. */
export async function pollAll(deps: FeedDeps): Promise<{ feed: Feed; result: Outcome<PollReport> }[]> {
  const store = deps.library.openedStore();
  if (!store.ok) return [];
  const feeds = store.value.feeds();
  if (!feeds.ok) return [];
  const out: { feed: Feed; result: Outcome<PollReport> }[] = [];
  for (const feed of feeds.value) out.push({ feed, result: await pollFeed(deps, feed) });
  return out;
}

/** Polls every `minutes` until stopped; one poll at a time. */
export function startFeedPoller(
  deps: FeedDeps,
  minutes: number,
  onPoll?: (r: Awaited<ReturnType<typeof pollAll>>) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void pollAll(deps)
      .then((r) => onPoll?.(r))
      .finally(() => (running = false));
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
