import { Routes } from 'discord.js';
import type { Client } from 'discord.js';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { pollAll, startFeedPoller } from '../store/feeds.ts';
import type { FeedDeps } from '../store/feeds.ts';
import type { Library } from '../store/library.ts';
import { openLibrary } from '../store/open.ts';

/**
 * The Discord side of added articles: opens the database (a problem is logged by name and the bot
 * serves its articles folder), and polls followed feeds every FEED_POLL_MINUTES, posting each new
 * item's card into its channel through REST (the bot needs View Channel + Send Messages there).
 */
export interface BotLibrary {
  library: Library;
  /** Polls every feed now (what the timer does). */
  pollFeeds: () => ReturnType<typeof pollAll>;
  /** Stops polling, writes view snapshots, closes a database it opened. */
  stop: () => Promise<void>;
}

export async function attachLibrary(
  app: App,
  config: Config,
  client: Client,
  logger: Logger,
): Promise<BotLibrary> {
  let library = app.library;
  const opensOwn = library === undefined;
  if (library === undefined) {
    const opened = await openLibrary(app, {
      dataDir: config.DATA_DIR,
      allowPrivate: config.ALLOW_PRIVATE_URLS,
    });
    library = opened.library;
    app.library = library;
    if (opened.problem !== undefined)
      logger.error(
        { problem: opened.problem },
        'added articles are unavailable; serving the articles folder only',
      );
    else logger.info({ articles: opened.loaded, dataDir: config.DATA_DIR }, 'added articles loaded');
    for (const p of library.problems)
      logger.warn({ file: p.file, reason: p.reason }, 'stored article skipped');
  }
  const owned = library;
  const post = async (channelId: string, text: string): Promise<boolean> => {
    try {
      await client.rest.post(Routes.channelMessages(channelId), {
        body: { content: text, allowed_mentions: { parse: [] } },
      });
      return true;
    } catch (error) {
      logger.warn(
        { err: error, channel: channelId },
        'could not post a feed card (does the bot have Send Messages there?)',
      );
      return false;
    }
  };
  const deps: FeedDeps = { library: owned, fetchFeed: (url) => owned.fetchFeed(url), post };
  const report = (results: Awaited<ReturnType<typeof pollAll>>): void => {
    for (const { feed, result } of results) {
      if (!result.ok) logger.warn({ feed: feed.url, reason: result.reason }, 'feed poll failed');
      else if (result.value.added + result.value.failed.length > 0)
        logger.info(
          {
            url: feed.url,
            added: result.value.added,
            duplicates: result.value.duplicates,
            failed: result.value.failed,
          },
          'feed polled',
        );
    }
  };
  const stopPolling = startFeedPoller(deps, config.FEED_POLL_MINUTES, report);
  const stop = async (): Promise<void> => {
    stopPolling();
    await owned.flush();
    if (opensOwn) owned.close();
  };
  return {
    library: owned,
    pollFeeds: async () => {
      const results = await pollAll(deps);
      report(results);
      return results;
    },
    stop,
  };
}
