import { ChannelType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/command.ts';
import { feedCommand } from '../src/store/answers.ts';

/**
 * `/feed add url: channel:`, `/feed list`, `/feed remove feed:` (moderators): RSS/Atom feeds
 * whose new items are added as articles of this server and announced in a channel.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('feed')
    .setDescription('Moderators: follow an RSS/Atom feed; new items become articles, posted to a channel')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
    .addStringOption((o) =>
      o
        .setName('action')
        .setDescription('add, list or remove')
        .setRequired(true)
        .addChoices(
          { name: 'add', value: 'add' },
          { name: 'list', value: 'list' },
          { name: 'remove', value: 'remove' },
        ),
    )
    .addStringOption((o) =>
      o.setName('url').setDescription('add: the feed address (https://…/rss)').setMaxLength(2000),
    )
    .addChannelOption((o) =>
      o
        .setName('channel')
        .setDescription('add: where new items are posted')
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
    )
    .addStringOption((o) =>
      o
        .setName('feed')
        .setDescription('remove: the feed number from /feed list, or its address')
        .setMaxLength(2000),
    ),
  run: feedCommand,
  moderator: true,
  examples: ['/feed add url:https://example.com/rss channel:#news', '/feed list', '/feed remove feed:1'],
} satisfies Command;
