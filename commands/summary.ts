import { SlashCommandBuilder } from 'discord.js';
import { articleOption, hideOption } from '../src/answers/options.ts';
import { suggestArticles } from '../src/answers/suggest.ts';
import { summary } from '../src/answers/summary.ts';
import type { Command } from '../src/command.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('summary')
    .setDescription('The article in a few cited sentences')
    .addStringOption(articleOption)
    .addStringOption((o) =>
      o
        .setName('length')
        .setDescription('How long (default medium)')
        .addChoices(
          { name: 'short', value: 'short' },
          { name: 'medium', value: 'medium' },
          { name: 'long', value: 'long' },
        ),
    )
    .addStringOption((o) =>
      o.setName('topic').setDescription('Only what the article says about this').setMaxLength(100),
    )
    .addBooleanOption(hideOption),
  run: ({ kb, options }) => {
    const article = options.optionalString('article');
    const length = options.optionalString('length');
    const topic = options.optionalString('topic');
    return summary(kb, {
      ...(article !== undefined ? { article } : {}),
      ...(length !== undefined ? { length } : {}),
      ...(topic !== undefined ? { topic } : {}),
    });
  },
  autocomplete: ({ kb, focused }) => suggestArticles(kb, focused.value),
  examples: ['/summary', '/summary length:short', '/summary topic:border'],
} satisfies Command;
