import { fail, ok } from '../answer.ts';
import type { Answer, Field, Result } from '../answer.ts';
import type { Article } from '../article/types.ts';
import type { CommandContext } from '../command.ts';
import { articleDate } from '../render/citation.ts';
import { followFeed } from './feeds.ts';

/**
 * `/article` and `/feed`: what moderators do with added articles and feeds. Every failure is an
 * error answer saying why (a refused link, a page that is not an article, a full disk); nothing
 * here throws, and a failed add never touches what is stored.
 */

const NO_LIBRARY = 'Adding articles is not available here (no database was opened).';
const NO_SERVER = 'Articles and feeds belong to a server: run this in a server channel, not in a DM.';

function articleResult(article: Article, text: string, kb: CommandContext['kb']): Result {
  const fields: Field[] = [{ name: 'Id', value: article.id }];
  const date = articleDate(article);
  if (date) fields.push({ name: 'Date', value: date });
  if (article.meta.outlet) fields.push({ name: 'Outlet', value: article.meta.outlet });
  const quotes = kb.knowledgeOf(article.id)?.quotes.length;
  fields.push({
    name: 'Contents',
    value: `${article.paragraphs.length} paragraphs${quotes !== undefined ? `, ${quotes} quotes` : ''}`,
  });
  return {
    kind: 'article',
    title: article.meta.title,
    text,
    fields,
    ...(article.meta.url ? { url: article.meta.url } : {}),
  };
}

async function addArticle(ctx: CommandContext, scope: string): Promise<Answer> {
  const library = ctx.library;
  if (library === undefined) return fail('article', NO_LIBRARY);
  const url = ctx.options.optionalString('url') ?? ctx.options.optionalString('file');
  if (url === undefined)
    return fail('article', 'Give a link (url:https://…) or attach a file (file:) to add.');
  const added = await library.addUrl(url, { scope, addedBy: ctx.userId ?? 'unknown' });
  if (!added.ok) return fail('article', `Not added: ${added.reason}.`);
  const kb = library.kbFor(scope);
  if (added.duplicate) {
    const article = added.article ?? kb.article(added.articleId);
    return ok(
      'article',
      article ? [articleResult(article, 'Already added (same link or same content).', kb)] : [],
      {
        message: `Already added as ${added.articleId}; nothing changed.`,
      },
    );
  }
  const a = added.article;
  return ok('article', [articleResult(a, `Added. Ask me about it: /ask article:${a.id} question:…`, kb)], {
    message: `Added "${a.meta.title}" as ${a.id}.`,
  });
}

/** `/article add url:|file:` and `/article remove article:`. */
export async function articleCommand(ctx: CommandContext): Promise<Answer> {
  const scope = ctx.guildId;
  if (scope === undefined) return fail('article', NO_SERVER);
  const action = ctx.options.string('action');
  if (action === 'add') return addArticle(ctx, scope);
  if (action === 'remove') {
    if (ctx.library === undefined) return fail('article', NO_LIBRARY);
    const which = ctx.options.optionalString('article');
    if (which === undefined)
      return fail('article', 'Name the article to remove: /article remove article:<id>.');
    const removed = ctx.library.remove(scope, which);
    if (!removed.ok) return fail('article', `Not removed: ${removed.reason}.`);
    return ok(
      'article',
      [
        {
          kind: 'article',
          title: removed.value.meta.title,
          text: 'Removed.',
          fields: [{ name: 'Id', value: removed.value.id }],
        },
      ],
      {
        message: `Removed ${removed.value.id}.`,
      },
    );
  }
  return fail('article', 'Choose add or remove: /article add url:https://… or /article remove article:<id>.');
}

/** `/feed add url: channel:`, `/feed list`, `/feed remove feed:`. */
export async function feedCommand(ctx: CommandContext): Promise<Answer> {
  const scope = ctx.guildId;
  if (scope === undefined) return fail('feed', NO_SERVER);
  const library = ctx.library;
  if (library === undefined) return fail('feed', NO_LIBRARY);
  const action = ctx.options.string('action');
  if (action === 'add') {
    const url = ctx.options.optionalString('url');
    const channel = ctx.options.optionalString('channel');
    if (url === undefined || channel === undefined)
      return fail('feed', 'Give the feed and where to post: /feed add url:https://…/rss channel:#news.');
    const followed = await followFeed(
      { library, fetchFeed: (u) => library.fetchFeed(u) },
      { scope, url, channelId: channel, addedBy: ctx.userId ?? 'unknown' },
    );
    if (!followed.ok) return fail('feed', `Not followed: ${followed.reason}.`);
    const f = followed.value.feed;
    return ok(
      'feed',
      [
        {
          kind: 'article',
          title: f.title ?? f.url,
          text: `Following. New items will be posted to <#${f.channelId}>.`,
          fields: [
            { name: 'Feed', value: String(f.rowid) },
            { name: 'Items now', value: String(followed.value.items) },
          ],
          url: f.url,
        },
      ],
      {
        message: `Following feed ${f.rowid}; its ${followed.value.items} current item(s) are not re-posted.`,
      },
    );
  }
  const store = library.openedStore();
  if (!store.ok) return fail('feed', `Feeds are not available: ${store.reason}.`);
  const feeds = store.value.feeds(scope);
  if (!feeds.ok) return fail('feed', feeds.reason);
  if (action === 'list') {
    if (feeds.value.length === 0)
      return ok('feed', [], {
        message: 'This server follows no feeds. Add one with /feed add url:… channel:….',
      });
    return ok(
      'feed',
      feeds.value.map((f) => ({
        kind: 'article',
        title: f.title ?? f.url,
        text: `Posts to <#${f.channelId}>`,
        fields: [{ name: 'Feed', value: String(f.rowid) }],
        url: f.url,
      })),
      {
        message: `${feeds.value.length} feed(s) followed.`,
      },
    );
  }
  if (action === 'remove') {
    const which = ctx.options.optionalString('feed');
    const feed = feeds.value.find((f) => String(f.rowid) === which || f.url === which);
    if (feed === undefined)
      return fail('feed', `No feed "${which ?? ''}" in this server; /feed list shows their numbers.`);
    const removed = store.value.removeFeed(scope, feed.rowid);
    if (!removed.ok) return fail('feed', removed.reason);
    return ok(
      'feed',
      [
        {
          kind: 'article',
          title: feed.title ?? feed.url,
          text: 'No longer followed. Articles it added stay.',
          url: feed.url,
        },
      ],
      { message: `Stopped following feed ${feed.rowid}.` },
    );
  }
  return fail('feed', 'Choose add, list or remove.');
}
