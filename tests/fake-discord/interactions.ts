/**
 * Builders for interactions the fake dispatches: slash commands, autocomplete, button clicks,
 * message context menus and modal submits. They produce an {@link InteractionInit}; the fake fills
 * ids, token, member, channel and the other fields discord.js requires (`entitlements`,
 * `authorizing_integration_owners`, …) when it sends it.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import type { APIApplicationCommandInteractionDataOption, APIMessage } from 'discord-api-types/v10';

/** A simple option value; numbers that are integers become INTEGER options, others NUMBER. */
export type OptionValue = string | number | boolean;

/** An option given explicitly, e.g. to mark it `focused` for autocomplete or to force its type. */
export interface OptionInput {
  name: string;
  value?: OptionValue;
  type?: ApplicationCommandOptionType;
  focused?: boolean;
  /** Sub-options, for SUB_COMMAND / SUB_COMMAND_GROUP. */
  options?: readonly OptionInput[];
}

/** Options either as `{ name: value }` or as a list of {@link OptionInput}. */
export type OptionsInput = Readonly<Record<string, OptionValue>> | readonly OptionInput[];

/** Who sends the interaction and where. Every field is optional. */
export interface InteractionExtras {
  /** Guild to send in; defaults to the first guild (or the first guild of `shardId`). */
  guildId?: string;
  /** Pick the first guild of this shard when `guildId` is not given. */
  shardId?: number;
  /** Channel; defaults to the guild's first text channel. */
  channelId?: string;
  /** Sending user; defaults to the fake's default reader. */
  user?: { id?: string; username?: string };
  /** The member's resolved permissions in the channel, e.g. `PERMISSIONS.moderator`. */
  permissions?: string | bigint;
  /** Role ids of the member (the fake adds none by default). */
  roles?: readonly string[];
  /** The bot's permissions in the channel (`app_permissions`). */
  appPermissions?: string | bigint;
  /** User locale, default `en-US`. */
  locale?: string;
  /** Send as a DM (no guild, `user` instead of `member`); goes to shard 0. */
  dm?: boolean;
}

/** A partial interaction: the parts a test cares about. */
export interface InteractionInit extends InteractionExtras {
  type: InteractionType;
  /** Interaction `data`; `id` of commands is filled from registered commands when missing. */
  data: Record<string, unknown>;
  /** For component interactions: the message the component is on. */
  message?: APIMessage;
}

function optionType(value: OptionValue | undefined): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}

/** Converts {@link OptionsInput} to the wire shape Discord sends. */
export function toWireOptions(
  options: OptionsInput | undefined,
): APIApplicationCommandInteractionDataOption[] {
  if (options === undefined) return [];
  const list: readonly OptionInput[] = Array.isArray(options)
    ? (options as readonly OptionInput[])
    : Object.entries(options as Readonly<Record<string, OptionValue>>).map(([name, value]) => ({
        name,
        value,
      }));
  return list.map((o) => {
    const type =
      o.type ?? (o.options !== undefined ? ApplicationCommandOptionType.Subcommand : optionType(o.value));
    const wire: Record<string, unknown> = { name: o.name, type };
    if (o.options !== undefined) wire.options = toWireOptions(o.options);
    else wire.value = o.value ?? '';
    if (o.focused === true) wire.focused = true;
    return wire as unknown as APIApplicationCommandInteractionDataOption;
  });
}

/** A chat-input command (`/name option:value`). */
export function slashCommand(
  name: string,
  options?: OptionsInput,
  extras: InteractionExtras = {},
): InteractionInit {
  return {
    ...extras,
    type: InteractionType.ApplicationCommand,
    data: { name, type: ApplicationCommandType.ChatInput, options: toWireOptions(options) },
  };
}

/**
 * An autocomplete request. Mark the option being typed with `focused: true`; when options are a
 * record, the option named `focusedOption` (default: the first) is marked.
 */
export function autocomplete(
  name: string,
  options: OptionsInput,
  focusedOption?: string,
  extras: InteractionExtras = {},
): InteractionInit {
  let wire = toWireOptions(options);
  if (!wire.some((o) => 'focused' in o && o.focused === true)) {
    const target = focusedOption ?? wire[0]?.name;
    // Discord always sends the focused value as a string, whatever the option type.
    wire = wire.map((o) =>
      o.name === target && 'value' in o
        ? ({
            ...o,
            type: ApplicationCommandOptionType.String,
            value: String(o.value),
            focused: true,
          } as APIApplicationCommandInteractionDataOption)
        : o,
    );
  }
  return {
    ...extras,
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { name, type: ApplicationCommandType.ChatInput, options: wire },
  };
}

/** A button click on `message` (use a message the bot posted, e.g. `handle.original()`). */
export function buttonClick(
  customId: string,
  message: APIMessage,
  extras: InteractionExtras = {},
): InteractionInit {
  return {
    channelId: message.channel_id,
    ...extras,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message,
  };
}

/** A string select menu choice on `message`. */
export function selectMenu(
  customId: string,
  values: readonly string[],
  message: APIMessage,
  extras: InteractionExtras = {},
): InteractionInit {
  return {
    channelId: message.channel_id,
    ...extras,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values: [...values] },
    message,
  };
}

/** A message context-menu command ("Apps → commandName" on `targetMessage`). */
export function messageContextMenu(
  commandName: string,
  targetMessage: APIMessage,
  extras: InteractionExtras = {},
): InteractionInit {
  return {
    channelId: targetMessage.channel_id,
    ...extras,
    type: InteractionType.ApplicationCommand,
    data: {
      name: commandName,
      type: ApplicationCommandType.Message,
      target_id: targetMessage.id,
      resolved: { messages: { [targetMessage.id]: targetMessage } },
    },
  };
}

/** A modal submit with text inputs `{ customId: value }`. */
export function modalSubmit(
  customId: string,
  fields: Readonly<Record<string, string>>,
  extras: InteractionExtras = {},
): InteractionInit {
  return {
    ...extras,
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: id, value }],
      })),
    },
  };
}
