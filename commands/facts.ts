import { SlashCommandBuilder } from 'discord.js';
import { facts } from '../src/answers/facts.ts';
import { articleOption, hideOption } from '../src/answers/options.ts';
import { suggestArticles } from '../src/answers/suggest.ts';
import type { Command } from '../src/command.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('facts')
    .setDescription('Numbers and dates in the article, with what they count, cited')
    .addStringOption((o) =>
      o.setName('topic').setDescription('Only facts about this (e.g. soldiers)').setMaxLength(100),
    )
    .addStringOption(articleOption)
    .addBooleanOption(hideOption),
  run: ({ kb, options }) => facts(kb, options.optionalString('topic'), options.optionalString('article')),
  autocomplete: ({ kb, focused }) => suggestArticles(kb, focused.value),
  examples: ['/facts', '/facts topic:soldiers'],
} satisfies Command;
