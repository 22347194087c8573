import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { suggestArticles } from '../src/answers/suggest.ts';
import type { Command } from '../src/command.ts';
import { articleCommand } from '../src/store/answers.ts';

/**
 * `/article add url:<link>` or `file:<attachment>`, `/article remove article:<id>` (moderators):
 * articles added to this server, answerable at once. The link is fetched by the bot (SSRF guard,
 * size and time limits); an attachment is fetched from Discord's CDN.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('article')
    .setDescription('Moderators: add an article to this server by link or file, or remove one')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
    .addStringOption((o) =>
      o
        .setName('action')
        .setDescription('add or remove')
        .setRequired(true)
        .addChoices({ name: 'add', value: 'add' }, { name: 'remove', value: 'remove' }),
    )
    .addStringOption((o) =>
      o.setName('url').setDescription('add: link to the article (https://…)').setMaxLength(2000),
    )
    .addAttachmentOption((o) =>
      o.setName('file').setDescription('add: the article as an .html, .md or .txt file'),
    )
    .addStringOption((o) =>
      o
        .setName('article')
        .setDescription('remove: id or title of an added article')
        .setMaxLength(200)
        .setAutocomplete(true),
    ),
  run: articleCommand,
  autocomplete: ({ kb, focused }) => suggestArticles(kb, focused.value),
  moderator: true,
  examples: [
    '/article add url:https://example.com/news/harbour-ferry',
    '/article remove article:harbour-ferry',
  ],
} satisfies Command;
