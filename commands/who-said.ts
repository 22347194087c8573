import { SlashCommandBuilder } from 'discord.js';
import { articleOption, hideOption } from '../src/answers/options.ts';
import { suggestArticles, suggestQuotes } from '../src/answers/suggest.ts';
import { whoSaid } from '../src/answers/who-said.ts';
import type { Command } from '../src/command.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('who-said')
    .setDescription('Who said these words? Finds the quote, its speaker and paragraph')
    .addStringOption((o) =>
      o
        .setName('quote')
        .setDescription('Words from the quote (typos are fine)')
        .setRequired(true)
        .setMaxLength(300)
        .setAutocomplete(true),
    )
    .addStringOption(articleOption)
    .addBooleanOption(hideOption),
  run: ({ kb, options }) => whoSaid(kb, options.string('quote'), options.optionalString('article')),
  autocomplete: ({ kb, focused, options }) => {
    if (focused.name === 'article') return suggestArticles(kb, focused.value);
    const article = options.optionalString('article');
    const found = article === undefined ? undefined : kb.resolveArticle(article);
    return suggestQuotes(kb, focused.value, found?.ok ? found.article.id : undefined);
  },
  examples: [
    '/who-said quote:hasty withdrawal',
    '/who-said quote:we will do everything to prevent aggressive encroachments',
  ],
} satisfies Command;
