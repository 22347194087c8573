import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { fail } from '../answer.ts';
import type { Answer } from '../answer.ts';
import { checkQuote } from '../answers/check-quote.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';

/**
 * Message context-menu commands ("Apps → Who said this?" on a message). They are not slash
 * command modules (no options, they act on a message), so they live here; deploy registers
 * `contextMenus[i].data.toJSON()` next to the slash commands.
 */

/** What a context-menu command gets: the knowledge base and the message it was used on. */
export interface ContextMenuContext {
  kb: KnowledgeBase;
  message: { id: string; content: string };
}

export interface ContextMenuCommand {
  data: ContextMenuCommandBuilder;
  run(ctx: ContextMenuContext): Answer | Promise<Answer>;
}

/** The name Discord shows and sends back in the interaction. */
export const WHO_SAID_THIS = 'Who said this?';

/** Longest message text checked: check-quote compares word by word, a wall of text is not a quote. */
const MAX_CHECKED = 1000;

/** Every message context-menu command of the bot. Answers are always private. */
export const contextMenus: readonly ContextMenuCommand[] = [
  {
    data: new ContextMenuCommandBuilder()
      .setName(WHO_SAID_THIS)
      .setType(ApplicationCommandType.Message)
      .setContexts(
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ),
    run: ({ kb, message }) => {
      const text = message.content.trim();
      if (text === '')
        return fail('who-said-this', 'That message has no text to check (only embeds or attachments).');
      const answer = checkQuote(kb, text.slice(0, MAX_CHECKED));
      return { ...answer, command: 'who-said-this' };
    },
  },
];

/** Looks a context-menu command up by the name Discord sends. */
export function findContextMenu(name: string): ContextMenuCommand | undefined {
  return contextMenus.find((c) => c.data.name === name);
}
