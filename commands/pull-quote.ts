import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { ok } from '../src/answer.ts';
import { articleOption } from '../src/answers/options.ts';
import { suggestArticles, suggestQuotes } from '../src/answers/suggest.ts';
import { whoSaid } from '../src/answers/who-said.ts';
import type { Command } from '../src/command.ts';

/**
 * `/pull-quote quote:… [article]` (moderators): a formatted quote card. Discord shows it privately
 * first with a "Post to channel" button, so a moderator sees exactly what will be posted. Only a
 * direct, attributed quote makes a card: pinning narration or a paraphrase on someone as a quote
 * is what this bot exists to prevent.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('pull-quote')
    .setDescription('Moderators: make a quote card (speaker, ¶ citation, link) and post it to the channel')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
    .addStringOption((o) =>
      o
        .setName('quote')
        .setDescription('Words from the quote')
        .setRequired(true)
        .setMaxLength(300)
        .setAutocomplete(true),
    )
    .addStringOption(articleOption),
  run: ({ kb, options }) => {
    const answer = whoSaid(kb, options.string('quote'), options.optionalString('article'));
    if (!answer.ok) return { ...answer, command: 'pull-quote' };
    const quote = answer.results.find((r) => r.kind === 'quote' && typeof r.speaker === 'string');
    if (quote === undefined) {
      const why =
        answer.results.length > 0
          ? ' The closest match is not a direct, attributed quote (try /who-said).'
          : '';
      return ok('pull-quote', [], {
        message: `No attributed quote matches those words.${why}`,
        ...(answer.suggestions ? { suggestions: answer.suggestions } : {}),
      });
    }
    return ok(
      'pull-quote',
      [quote],
      answer.message !== undefined && quote === answer.results[0] ? { message: answer.message } : {},
    );
  },
  autocomplete: ({ kb, focused, options }) => {
    if (focused.name === 'article') return suggestArticles(kb, focused.value);
    const article = options.optionalString('article');
    const found = article === undefined ? undefined : kb.resolveArticle(article);
    return suggestQuotes(kb, focused.value, found?.ok ? found.article.id : undefined);
  },
  examples: ['/pull-quote quote:hasty withdrawal'],
  moderator: true,
  delivery: 'preview',
} satisfies Command;
