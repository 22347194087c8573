import type { Interaction } from 'discord.js';
import type { OptionValue } from '../command.ts';
import type { Logger } from '../logger.ts';

/**
 * What a page button needs to show page N: the request that produced the list (command and
 * options, or the context-menu message text), never the rendered pages. A page click runs the
 * request again, so an entry costs a few hundred bytes whatever the list's length.
 *
 * Who pages: the person who asked pages the message itself; anyone else clicking a page button
 * on a public list gets that page as a private copy with buttons of their own, so the shared
 * message never jumps under the channel's eyes and nobody is refused.
 */

export type PageRequest =
  | { kind: 'command'; command: string; values: Readonly<Record<string, OptionValue>> }
  | { kind: 'menu'; menu: string; content: string };

export interface PageState {
  request: PageRequest;
  hide: boolean;
}

/** Most page requests kept; the least recently used go first. */
export const MAX_PAGE_STATES = 10_000;

/** How long fetched command ids are reused. */
const IDS_TTL_MS = 10 * 60_000;
/** A /help answer waits at most this long for the ids; plain `/name` otherwise. */
const IDS_WAIT_MS = 700;

/**
 * Slash command ids by name (global commands, overridden by the server's own), fetched from
 * Discord once per scope and cached, for the clickable `</name:id>` mentions of /help.
 */
export function createCommandIds(
  logger: Logger,
): (interaction: Interaction) => Promise<ReadonlyMap<string, string>> {
  const cache = new Map<string, { ids: Map<string, string>; at: number }>();
  const pending = new Map<string, Promise<Map<string, string>>>();

  const load = (interaction: Interaction, scope: string): Promise<Map<string, string>> => {
    const running = pending.get(scope);
    if (running !== undefined) return running;
    const work = (async () => {
      const ids = new Map<string, string>();
      const app = interaction.client.application;
      try {
        for (const c of (await app.commands.fetch()).values()) ids.set(c.name, c.id);
        if (scope !== 'global')
          for (const c of (await app.commands.fetch({ guildId: scope })).values()) ids.set(c.name, c.id);
      } catch (error) {
        logger.warn({ err: error, scope }, 'could not fetch command ids for /help mentions');
      }
      cache.set(scope, { ids, at: Date.now() });
      pending.delete(scope);
      return ids;
    })();
    pending.set(scope, work);
    return work;
  };

  return async (interaction) => {
    const scope = interaction.guildId ?? 'global';
    const hit = cache.get(scope);
    if (hit !== undefined && Date.now() - hit.at < IDS_TTL_MS) return hit.ids;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Map<string, string>>((resolve) => {
      timer = setTimeout(() => resolve(hit?.ids ?? new Map()), IDS_WAIT_MS);
    });
    const ids = await Promise.race([load(interaction, scope), late]);
    clearTimeout(timer);
    return ids;
  };
}
