import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { fail } from '../answer.ts';
import type { Answer } from '../answer.ts';
import { whoSaid } from '../answers/who-said.ts';
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
      return { ...whoSaidThis(kb, text.slice(0, MAX_CHECKED)), command: 'who-said-this' };
    },
  },
];

/** Quotation marks a message may put around quoted words (straight, curly, guillemets, low-high). */
const QUOTED = /["“”„«»‘’]([^"“”„«»]{3,}?)["“”„«»‘’]/g;
/** `Name: words` / `Name Surname: “words”`: a speaker's name, a colon, what they said. */
const NAME_COLON = /^\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*\s*:\s*(.+)$/su;

function trimQuoted(s: string): string {
  return s
    .replace(/^[\s.…]+|[\s.…,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The words a message quotes: inside quotation marks, else what follows `Name:`; longest first.
 * Empty when the message quotes nothing (then the whole text is looked up).
 */
export function quotedWords(text: string): string[] {
  const inMarks = [...text.matchAll(QUOTED)]
    .map((m) => trimQuoted(m[1] ?? ''))
    .filter((q) => q.includes(' ') || q.length >= 4);
  if (inMarks.length > 0) return inMarks.sort((a, b) => b.length - a.length);
  const named = NAME_COLON.exec(text);
  const after =
    named?.[1] === undefined ? '' : trimQuoted(named[1].replace(/^["“”„«»‘’]+|["“”„«»‘’]+$/g, ''));
  return after === '' ? [] : [after];
}

/**
 * "Who said this?" on a message: the speaker of the quote its quoted words come from, in the
 * article's exact words. The message's own framing ("Lavrov called it …") is the poster's, not
 * the article's, so narration is the answer only when no quote holds the quoted words.
 */
export function whoSaidThis(kb: KnowledgeBase, text: string): Answer {
  let fallback: Answer | undefined;
  for (const words of quotedWords(text).slice(0, 3)) {
    const answer = whoSaid(kb, words);
    if (answer.ok && answer.results[0]?.kind === 'quote') return answer;
    if (fallback === undefined && answer.ok && answer.results.length > 0) fallback = answer;
  }
  const whole = whoSaid(kb, text);
  if (whole.ok && whole.results[0]?.kind === 'quote') return whole;
  return fallback ?? whole;
}

/** Looks a context-menu command up by the name Discord sends. */
export function findContextMenu(name: string): ContextMenuCommand | undefined {
  return contextMenus.find((c) => c.data.name === name);
}
