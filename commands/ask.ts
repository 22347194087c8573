import { SlashCommandBuilder } from 'discord.js';
import { ask } from '../src/answers/ask.ts';
import { articleOption, hideOption } from '../src/answers/options.ts';
import { suggestArticles } from '../src/answers/suggest.ts';
import type { Command } from '../src/command.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question; get the passages that answer it, cited')
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(300),
    )
    .addStringOption(articleOption)
    .addBooleanOption(hideOption),
  run: ({ kb, options }) => ask(kb, options.string('question'), options.optionalString('article')),
  autocomplete: ({ kb, focused }) => suggestArticles(kb, focused.value),
  examples: [
    '/ask question:How many reservists did Tajikistan activate?',
    '/ask question:What did Tajikistan do to strengthen the border?',
  ],
} satisfies Command;
