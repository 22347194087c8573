import { SlashCommandBuilder } from 'discord.js';
import { articleOption, hideOption } from '../src/answers/options.ts';
import { who } from '../src/answers/people.ts';
import { suggestArticles, suggestNames } from '../src/answers/suggest.ts';
import type { Command } from '../src/command.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('who')
    .setDescription('A person or organisation as the article describes them')
    .addStringOption((o) =>
      o
        .setName('name')
        .setDescription('Name, surname or acronym')
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption(articleOption)
    .addBooleanOption(hideOption),
  run: ({ kb, options }) => who(kb, options.string('name'), options.optionalString('article')),
  autocomplete: ({ kb, focused }) =>
    focused.name === 'article' ? suggestArticles(kb, focused.value) : suggestNames(kb, focused.value),
  examples: ['/who name:Sultonov', '/who name:CSTO'],
} satisfies Command;
