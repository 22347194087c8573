import { SlashCommandBuilder } from 'discord.js';
import { help } from '../src/answers/help.ts';
import type { Command } from '../src/command.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What this bot can answer, and how to ask')
    .addStringOption((o) =>
      o.setName('command').setDescription('Show one command in full').setMaxLength(40).setAutocomplete(true),
    ),
  run: ({ commands, options }) => help(commands, options.optionalString('command')),
  autocomplete: ({ commands, focused }) => {
    const typed = focused.value.replace(/^\//, '').toLowerCase();
    return [...commands.keys()]
      .filter((name) => name.includes(typed))
      .slice(0, 25)
      .map((name) => ({ name: `/${name}`, value: name }));
  },
  examples: ['/help', '/help command:who-said'],
} satisfies Command;
