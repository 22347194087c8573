import { SlashCommandBuilder } from 'discord.js';
import { checkQuote } from '../src/answers/check-quote.ts';
import { articleOption, hideOption } from '../src/answers/options.ts';
import { suggestArticles } from '../src/answers/suggest.ts';
import type { Command } from '../src/command.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('check-quote')
    .setDescription('Is this quote in the article word for word, altered, or not there at all?')
    .addStringOption((o) =>
      o.setName('text').setDescription('The quote to check').setRequired(true).setMaxLength(1000),
    )
    .addStringOption(articleOption)
    .addBooleanOption(hideOption),
  run: ({ kb, options }) => checkQuote(kb, options.string('text'), options.optionalString('article')),
  autocomplete: ({ kb, focused }) => suggestArticles(kb, focused.value),
  examples: ['/check-quote text:We’ll do everything to prevent any aggressive encroachments'],
} satisfies Command;
