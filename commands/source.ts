import { SlashCommandBuilder } from 'discord.js';
import { source } from '../src/answers/articles.ts';
import type { Command } from '../src/command.ts';
import { suggestArticles } from '../src/answers/suggest.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription('Where an article comes from: title, author, outlet, original publisher, dates, link')
    .addStringOption((o) =>
      o
        .setName('article')
        .setDescription('Article id or title (all articles when empty)')
        .setMaxLength(200)
        .setAutocomplete(true),
    ),
  run: ({ kb, options }) => source(kb, options.optionalString('article')),
  autocomplete: ({ kb, focused }) => suggestArticles(kb, focused.value),
  examples: ['/source', '/source article:russia-tajikistan-base'],
} satisfies Command;
