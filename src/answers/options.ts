import type { SlashCommandBooleanOption, SlashCommandStringOption } from 'discord.js';

/**
 * Option builders shared by command modules, so every command spells `article` and `hide` the
 * same way. (Only command modules import this; the core never touches discord.js.)
 */
export const articleOption = (o: SlashCommandStringOption): SlashCommandStringOption =>
  o
    .setName('article')
    .setDescription('Only this article (id or title); all articles when empty')
    .setMaxLength(200)
    .setAutocomplete(true);

export const hideOption = (o: SlashCommandBooleanOption): SlashCommandBooleanOption =>
  o.setName('hide').setDescription('Show the answer only to you');
