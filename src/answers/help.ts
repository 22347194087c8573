import { fail, ok } from '../answer.ts';
import type { Answer, Result } from '../answer.ts';
import type { Command, CommandOptionJSON } from '../command.ts';
import { OptionType } from '../command.ts';
import { closest } from '../text/similar.ts';

function usage(name: string, options: readonly CommandOptionJSON[]): string {
  // hide:true works on every lookup; /help says so once instead of on every line.
  const parts = options
    .filter((o) => o.name !== 'hide')
    .map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`));
  return `/${name}${parts.length > 0 ? ` ${parts.join(' ')}` : ''}`;
}

function optionLine(o: CommandOptionJSON): string {
  const type =
    o.type === OptionType.Boolean ? 'true/false' : o.type === OptionType.Integer ? 'number' : 'text';
  const choices =
    o.choices && o.choices.length > 0 ? ` (one of: ${o.choices.map((c) => String(c.value)).join(', ')})` : '';
  return `${o.description}${o.required ? ' (required' : ' (optional'}, ${type})${choices}`;
}

/** What /help says besides the command list: citations, options, the context menu and the buttons. */
export const HELP_NOTE = [
  'Every answer cites its article and paragraph (¶N). Options are written name:value; /help command:NAME shows one command in full.',
  'On any message: Apps → Who said this? names the speaker of the words it quotes (only you see the answer).',
  'Show context ¶N: the paragraphs around a passage. ◀ ▶: page a long list (the asker turns the page, anyone else gets a private copy). Buttons stop working after 15 minutes.',
  'Add hide:true to any lookup to get the answer privately. Uncertain matches are labelled “Weak match”.',
].join('\n');

/** `/help [command]`: generated from the loaded command modules, so it never goes stale. */
export function help(commands: ReadonlyMap<string, Command>, name: string | undefined): Answer {
  if (name !== undefined) {
    const key = name.replace(/^\//, '').trim().toLowerCase();
    const command = commands.get(key);
    if (!command) {
      const near = closest(key, [...commands.keys()]);
      return fail(
        'help',
        `There is no /${key.slice(0, 40)} command.${near.length > 0 ? ` Did you mean ${near.map((n) => `/${n}`).join(' or ')}?` : ''}`,
        near,
      );
    }
    const json = command.data.toJSON();
    const options = json.options ?? [];
    const result: Result = {
      kind: 'command',
      title: usage(json.name, options),
      text: json.description,
      fields: [
        ...options.map((o) => ({ name: o.name, value: optionLine(o) })),
        ...(command.examples && command.examples.length > 0
          ? [{ name: 'Examples', value: command.examples.join('\n') }]
          : []),
      ],
    };
    return ok('help', [result]);
  }
  const results: Result[] = [...commands.values()].map((c) => {
    const json = c.data.toJSON();
    return { kind: 'command', title: usage(json.name, json.options ?? []), text: json.description };
  });
  return ok('help', results, { message: HELP_NOTE });
}
