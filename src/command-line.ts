import type { Command, CommandOptionJSON, OptionValue } from './command.ts';
import { OptionType } from './command.ts';
import { closest } from './text/similar.ts';

/**
 * Parses a line as a person types it in Discord (`/who-said quote:hasty withdrawal article:seed`)
 * into a command name and checked option values. Used by the console; the same checks Discord
 * performs client-side (required, choices, lengths, types) are done here so both front ends hand
 * `run` the same kind of input.
 */

export type ParsedLine =
  | { ok: true; name: string; values: Record<string, OptionValue> }
  | { ok: false; name: string | null; error: string; suggestions?: string[] };

const OPTION_START = /(?:^|\s)([a-z][a-z0-9_-]{0,31}):/g;

/** Options of a command, in declaration order. */
export function commandOptions(command: Command): readonly CommandOptionJSON[] {
  return command.data.toJSON().options ?? [];
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).trim();
  return v;
}

/** Converts and checks one raw option value against its schema; an error message when invalid. */
export function coerceOption(
  option: CommandOptionJSON,
  raw: string,
): { ok: true; value: OptionValue } | { ok: false; error: string } {
  const name = option.name;
  switch (option.type) {
    case OptionType.Integer:
    case OptionType.Number: {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n) || (option.type === OptionType.Integer && !Number.isInteger(n))) {
        return {
          ok: false,
          error: `Option ${name} needs a ${option.type === OptionType.Integer ? 'whole number' : 'number'}, got "${raw}".`,
        };
      }
      if (option.min_value !== undefined && n < option.min_value)
        return { ok: false, error: `Option ${name} must be at least ${option.min_value}.` };
      if (option.max_value !== undefined && n > option.max_value)
        return { ok: false, error: `Option ${name} must be at most ${option.max_value}.` };
      return { ok: true, value: n };
    }
    case OptionType.Boolean: {
      if (/^(true|yes|on|1)$/i.test(raw)) return { ok: true, value: true };
      if (/^(false|no|off|0)$/i.test(raw)) return { ok: true, value: false };
      return { ok: false, error: `Option ${name} needs true or false, got "${raw}".` };
    }
    default: {
      if (option.choices && option.choices.length > 0) {
        const choice = option.choices.find(
          (c) =>
            String(c.value).toLowerCase() === raw.toLowerCase() || c.name.toLowerCase() === raw.toLowerCase(),
        );
        if (!choice)
          return {
            ok: false,
            error: `Option ${name} must be one of: ${option.choices.map((c) => String(c.value)).join(', ')}.`,
          };
        return { ok: true, value: choice.value };
      }
      if (option.min_length !== undefined && raw.length < option.min_length) {
        return { ok: false, error: `Option ${name} needs at least ${option.min_length} characters.` };
      }
      if (option.max_length !== undefined && raw.length > option.max_length) {
        return {
          ok: false,
          error: `Option ${name} is limited to ${option.max_length} characters (got ${raw.length}).`,
        };
      }
      return { ok: true, value: raw };
    }
  }
}

/**
 * Parses one console line. Option names are the command's own; text before the first `name:`
 * is the value of the command's single required option (`/who-said hasty withdrawal`).
 */
export function parseCommandLine(line: string, commands: ReadonlyMap<string, Command>): ParsedLine {
  // Control characters (NUL, escapes, bells) are never meaningful in a command: read them as spaces.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const text = line.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').trim();
  if (text === '') return { ok: false, name: null, error: 'Empty line: type a command such as /help.' };
  const match = /^\/?([^\s:]+)(.*)$/s.exec(text);
  const word = (match?.[1] ?? '').toLowerCase();
  const rest = match?.[2] ?? '';
  const command = commands.get(word);
  if (!command) {
    const suggestions = closest(word, [...commands.keys()]).map((n) => `/${n}`);
    const hint =
      suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : ' Type /help for the list.';
    return { ok: false, name: null, error: `Unknown command "${word.slice(0, 40)}".${hint}`, suggestions };
  }
  const options = commandOptions(command);
  const known = new Map(options.map((o) => [o.name, o]));
  const raw = new Map<string, string>();

  // Only `name:` tokens naming one of this command's options start a new option, so a value may
  // itself contain colons ("ask question:What happened at 10:30?").
  const starts: { name: string; at: number; valueAt: number }[] = [];
  const unknownNames: string[] = [];
  for (const m of rest.matchAll(OPTION_START)) {
    const name = m[1] ?? '';
    const at = (m.index ?? 0) + (m[0].length - name.length - 1);
    if (known.has(name)) starts.push({ name, at, valueAt: (m.index ?? 0) + m[0].length });
    else if (starts.length === 0 && rest.slice(0, at).trim() === '') unknownNames.push(name);
  }
  const bare = rest.slice(0, starts[0]?.at ?? rest.length).trim();
  if (unknownNames.length > 0 && bare.startsWith(`${unknownNames[0]}:`)) {
    const name = unknownNames[0] ?? '';
    const names = options.map((o) => o.name);
    const near = closest(name, names);
    return {
      ok: false,
      name: word,
      error: `/${word} has no option "${name}".${names.length > 0 ? ` Its options: ${names.join(', ')}.` : ' It takes no options.'}${near.length > 0 ? ` Did you mean ${near[0]}?` : ''}`,
      suggestions: near,
    };
  }
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    if (!s) continue;
    const end = starts[i + 1]?.at ?? rest.length;
    if (raw.has(s.name)) return { ok: false, name: word, error: `Option ${s.name} is given twice.` };
    raw.set(s.name, unquote(rest.slice(s.valueAt, end)));
  }
  if (bare !== '') {
    const required = options.filter((o) => o.required);
    const target = required.length === 1 ? required[0] : options.length === 1 ? options[0] : undefined;
    if (!target) {
      const hint =
        options.length === 0
          ? `/${word} takes no options.`
          : `Name the option, e.g. /${word} ${options[0]?.name}:…`;
      return { ok: false, name: word, error: `Unexpected text "${bare.slice(0, 60)}". ${hint}` };
    }
    if (raw.has(target.name))
      return { ok: false, name: word, error: `Option ${target.name} is given twice.` };
    raw.set(target.name, unquote(bare));
  }

  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    const value = raw.get(option.name);
    if (value === undefined || value === '') {
      if (option.required) {
        return {
          ok: false,
          name: word,
          error: `/${word} needs the option ${option.name} (${option.description}). Example: /${word} ${option.name}:…`,
        };
      }
      continue;
    }
    const coerced = coerceOption(option, value);
    if (!coerced.ok) return { ok: false, name: word, error: coerced.error };
    values[option.name] = coerced.value;
  }
  return { ok: true, name: word, values };
}
