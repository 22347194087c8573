/**
 * Shared types and payload builders of the fake Discord: guilds, users, messages and the records
 * tests read back (requests, callbacks, edits, follow-ups).
 */
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  ChannelFlags,
  GuildMemberFlags,
  MessageFlags,
  RoleFlags,
  UserFlags,
  APIGuildMember,
  APIGuildTextChannel,
  APIInteraction,
  APIMessage,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { nextSnowflake, snowflakeForShard, shardForGuild } from './snowflake.ts';
import type { DiscordErrorBody } from './validate.ts';

const p = PermissionFlagsBits;

/** Permission bitfields (as decimal strings, the way Discord sends them) for typical members. */
export const PERMISSIONS = {
  /** A plain member: read, write, embed, use commands. No ManageMessages. */
  member: (
    p.ViewChannel |
    p.SendMessages |
    p.SendMessagesInThreads |
    p.ReadMessageHistory |
    p.EmbedLinks |
    p.AttachFiles |
    p.AddReactions |
    p.UseExternalEmojis |
    p.UseApplicationCommands |
    p.ChangeNickname
  ).toString(),
  /** A moderator: member permissions plus ManageMessages, ManageThreads, ModerateMembers. */
  moderator: (
    p.ViewChannel |
    p.SendMessages |
    p.SendMessagesInThreads |
    p.ReadMessageHistory |
    p.EmbedLinks |
    p.AttachFiles |
    p.AddReactions |
    p.UseExternalEmojis |
    p.UseApplicationCommands |
    p.ChangeNickname |
    p.ManageMessages |
    p.ManageThreads |
    p.ModerateMembers
  ).toString(),
  /** What the fake grants the bot in every channel (`app_permissions`). */
  bot: (
    p.ViewChannel |
    p.SendMessages |
    p.SendMessagesInThreads |
    p.ReadMessageHistory |
    p.EmbedLinks |
    p.AttachFiles |
    p.UseApplicationCommands
  ).toString(),
} as const;

/** A guild the fake knows about, with the ids tests usually need. */
export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  /** Shard that owns the guild: `(id >> 22) % shardCount`. */
  readonly shardId: number;
  /** The first text channel, the default target of interactions. */
  readonly channelId: string;
  readonly channels: readonly APIGuildTextChannel<ChannelType.GuildText>[];
  readonly everyoneRoleId: string;
  readonly moderatorRoleId: string;
  readonly ownerId: string;
}

/** How to create a guild; every field is optional. */
export interface FakeGuildInit {
  /** A 17–19 digit snowflake; when omitted one is generated on `shardId` (default: spread over shards). */
  id?: string;
  name?: string;
  /** Place a generated id on this shard. Ignored when `id` is given. */
  shardId?: number;
  /** Text channel names; the first is `channelId`. Default `['news']`. */
  channels?: readonly string[];
}

/** The default human user that sends interactions. */
export interface FakeUserInit {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

/** Builds a complete {@link APIUser}. */
export function buildUser(init: FakeUserInit = {}): APIUser {
  const username = init.username ?? 'reader';
  return {
    id: init.id ?? nextSnowflake(),
    username,
    discriminator: '0',
    global_name: init.globalName === undefined ? username : init.globalName,
    avatar: null,
    ...(init.bot === true ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
  };
}

/** Creates the fake guild model; `index` spreads generated guilds over shards round-robin. */
export function createGuild(
  init: FakeGuildInit,
  index: number,
  shardCount: number,
  ownerId: string,
): FakeGuild {
  const id = init.id ?? snowflakeForShard(init.shardId ?? index % shardCount, shardCount);
  const names = init.channels !== undefined && init.channels.length > 0 ? init.channels : ['news'];
  const channels = names.map((name, position): APIGuildTextChannel<ChannelType.GuildText> => ({
    id: nextSnowflake(),
    type: ChannelType.GuildText,
    guild_id: id,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  }));
  const first = channels[0];
  if (first === undefined) throw new Error('unreachable: a guild always has a channel');
  return {
    id,
    name: init.name ?? `Newsroom ${index + 1}`,
    shardId: shardForGuild(id, shardCount),
    channelId: first.id,
    channels,
    everyoneRoleId: id,
    moderatorRoleId: nextSnowflake(),
    ownerId,
  };
}

function role(
  id: string,
  name: string,
  position: number,
  permissions: string,
  extra: Partial<APIRole> = {},
): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position,
    permissions,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...extra,
  };
}

/** Builds the GUILD_CREATE payload: the fields discord.js reads plus the bot's own member. */
export function buildGuildCreate(
  guild: FakeGuild,
  bot: APIUser,
  joinedAt: string,
): GatewayGuildCreateDispatchData {
  const botRoleId = `${BigInt(guild.moderatorRoleId) + 1n}`;
  const botMember: APIGuildMember = {
    user: bot,
    roles: [botRoleId],
    joined_at: joinedAt,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    nick: null,
    avatar: null,
    banner: null,
    premium_since: null,
  };
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      role(guild.everyoneRoleId, '@everyone', 0, PERMISSIONS.member),
      role(guild.moderatorRoleId, 'Moderator', 1, PERMISSIONS.moderator),
      role(botRoleId, 'Newsroom Bot', 2, PERMISSIONS.bot, { managed: true, tags: { bot_id: bot.id } }),
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
    max_members: 500_000,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [botMember],
    channels: guild.channels.map((c) => ({ ...c })),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Fields a test may set on a fake message; everything else gets a realistic default. */
export type MessageInit = Partial<APIMessage> & { channel_id: string; author: APIUser };

/** Builds a complete {@link APIMessage}. */
export function buildMessage(init: MessageInit): APIMessage {
  return {
    id: nextSnowflake(),
    type: MessageType.Default,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0 as MessageFlags,
    components: [],
    ...init,
  };
}

/** One HTTP request the fake received, with what it answered. */
export interface RecordedRequest {
  /** Arrival order, from 1. */
  readonly seq: number;
  readonly method: string;
  /** Path after `/api/v10`, percent-decoded (`/webhooks/1/tok/messages/@original`). */
  readonly path: string;
  /** Path as sent, still encoded (`%40original`). */
  readonly rawPath: string;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body, or the `payload_json` part of a multipart body; undefined when empty. */
  readonly body: unknown;
  /** Files of a multipart body. */
  readonly files: readonly { field: string; name: string; size: number }[];
  /** Epoch ms when the request arrived. */
  readonly at: number;
  /** HTTP status answered (0 while the request is still being handled). */
  status: number;
  /** JSON answered, if any. */
  response: unknown;
  /** Set when a `failNext` rule produced the answer. */
  injected?: 'fail';
  /** Set when a `delayNext` rule held the request. */
  delayedMs?: number;
}

/** One `POST /interactions/{id}/{token}/callback` attempt (accepted or not). */
export interface RecordedCallback {
  /** Callback type: 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  readonly type: InteractionResponseType;
  /** The callback's `data` (undefined for bare defers). */
  readonly data: unknown;
  /** Whole request body. */
  readonly body: unknown;
  /** Epoch ms the fake processed it. */
  readonly at: number;
  /** Milliseconds since the interaction was dispatched. */
  readonly ms: number;
  readonly status: number;
  /** The Discord error body when rejected. */
  readonly error?: DiscordErrorBody;
}

/** One webhook edit or follow-up (accepted or not). */
export interface RecordedWebhookCall {
  readonly kind: 'edit' | 'followup' | 'delete' | 'get';
  /** `@original` or a message id; undefined for follow-ups. */
  readonly messageId?: string;
  readonly body: unknown;
  readonly at: number;
  readonly ms: number;
  readonly status: number;
  readonly error?: DiscordErrorBody;
  /** The message after the call, when accepted. */
  readonly message?: APIMessage;
}

/** Per-interaction state kept by the fake. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  readonly shardId: number;
  readonly sentAt: number;
  readonly callbacks: RecordedCallback[];
  ack: RecordedCallback | null;
  original: APIMessage | null;
  readonly followups: Map<string, APIMessage>;
  readonly webhookCalls: RecordedWebhookCall[];
}

/** Summary of one interaction's first answer, for "every first answer within 3 s" assertions. */
export interface InteractionAck {
  readonly id: string;
  /** Command name or custom_id, for readable assertion messages. */
  readonly label: string;
  readonly sentAt: number;
  /** Callback type of the first accepted callback, null when never acknowledged. */
  readonly ackType: InteractionResponseType | null;
  /** Milliseconds from dispatch to first accepted callback, null when never acknowledged. */
  readonly ackMs: number | null;
}
