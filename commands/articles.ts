import { SlashCommandBuilder } from 'discord.js';
import { listArticles } from '../src/answers/articles.ts';
import type { Command } from '../src/command.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('articles')
    .setDescription('The articles the bot has read, with ids, titles and dates'),
  run: ({ kb }) => listArticles(kb),
  examples: ['/articles'],
} satisfies Command;
