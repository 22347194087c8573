import { SlashCommandBuilder } from 'discord.js';
import { articleOption, hideOption } from '../src/answers/options.ts';
import { quotesBy } from '../src/answers/people.ts';
import { suggestArticles, suggestNames } from '../src/answers/suggest.ts';
import type { Command } from '../src/command.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('quotes')
    .setDescription('Every direct quote of a person, in article order, each cited')
    .addStringOption((o) =>
      o
        .setName('speaker')
        .setDescription('Name or surname (misspellings are fine)')
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption(articleOption)
    .addBooleanOption(hideOption),
  run: ({ kb, options }) => quotesBy(kb, options.string('speaker'), options.optionalString('article')),
  autocomplete: ({ kb, focused }) =>
    focused.name === 'article'
      ? suggestArticles(kb, focused.value)
      : suggestNames(kb, focused.value, { speakersOnly: true }),
  examples: ['/quotes speaker:Lavrov', '/quotes speaker:Sergej Lavrov'],
} satisfies Command;
