import type { Answer } from './answer.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import type { Library } from './store/library.ts';

/**
 * The seam between the command modules in `commands/` and the two front ends. A command module
 * describes itself with a slash-command builder (`data`) and answers with a pure `run`; it never
 * touches Discord objects, so the console and the Discord client run the very same code.
 */

/** Discord application command option types used here (discord-api-types' ApplicationCommandOptionType). */
export const OptionType = {
  String: 3,
  Integer: 4,
  Boolean: 5,
  Number: 10,
  Channel: 7,
  Attachment: 11,
} as const;

/** The JSON a builder produces: the subset of Discord's command schema the front ends read. */
export interface CommandOptionJSON {
  type: number;
  name: string;
  description: string;
  required?: boolean | undefined;
  autocomplete?: boolean | undefined;
  choices?: readonly { name: string; value: string | number }[] | undefined;
  min_length?: number | undefined;
  max_length?: number | undefined;
  min_value?: number | undefined;
  max_value?: number | undefined;
}

export interface CommandJSON {
  name: string;
  description: string;
  type?: number | undefined;
  options?: readonly CommandOptionJSON[] | undefined;
  default_member_permissions?: string | null | undefined;
}

export type OptionValue = string | number | boolean;

/** Read-only access to the options a user gave, already checked against the command's schema. */
export interface Options {
  /** A string option, or '' when absent (required options are never absent). */
  string(name: string): string;
  /** A string option, or undefined when absent or blank. */
  optionalString(name: string): string | undefined;
  integer(name: string): number | undefined;
  boolean(name: string): boolean;
  readonly values: Readonly<Record<string, OptionValue>>;
}

export function createOptions(values: Readonly<Record<string, OptionValue>>): Options {
  return {
    values,
    string: (name) => {
      const v = values[name];
      return v === undefined ? '' : String(v);
    },
    optionalString: (name) => {
      const v = values[name];
      if (v === undefined) return undefined;
      const s = String(v).trim();
      return s === '' ? undefined : s;
    },
    integer: (name) => {
      const v = values[name];
      if (typeof v === 'number') return Math.trunc(v);
      if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number.parseInt(v, 10);
      return undefined;
    },
    boolean: (name) => {
      const v = values[name];
      return v === true || (typeof v === 'string' && /^(true|yes|1|on)$/i.test(v.trim()));
    },
  };
}

export interface CommandContext {
  kb: KnowledgeBase;
  options: Options;
  /** Every loaded command, for commands that describe the others (/help). */
  commands: ReadonlyMap<string, Command>;
  /** The Discord server the command came from (undefined in DMs and the console). */
  guildId?: string | undefined;
  /** Who ran it (Discord user id, or "console"): stored as who added an article or feed. */
  userId?: string | undefined;
  /** Added articles and feeds (database, fetcher), when the front end opened one. */
  library?: Library | undefined;
}

export interface Choice {
  name: string;
  value: string;
}

export interface AutocompleteContext {
  kb: KnowledgeBase;
  /** The option being typed and its current text. */
  focused: { name: string; value: string };
  options: Options;
  commands: ReadonlyMap<string, Command>;
}

export interface Command {
  data: { readonly name: string; toJSON(): CommandJSON };
  run(ctx: CommandContext): Answer | Promise<Answer>;
  /** Suggestions while typing: at most 25, names and values 1–100 characters. */
  autocomplete?(ctx: AutocompleteContext): Choice[];
  /** Usage examples shown by /help (`/who-said quote:hasty withdrawal`). */
  examples?: readonly string[];
  /**
   * Moderator-only: needs Manage Messages. Discord hides it from members through the builder's
   * default_member_permissions, and the Discord front end checks the member's permissions again.
   */
  moderator?: boolean;
  /**
   * How the Discord front end delivers a successful answer: 'reply' (default) answers in the
   * channel; 'preview' shows it privately with a "Post to channel" button (pull-quote cards).
   */
  delivery?: 'reply' | 'preview';
  /**
   * The work may block for more than a second (see `src/discord/deferral.ts`): the Discord front
   * end acknowledges first and sends the answer as an edit.
   */
  slow?: boolean;
}
