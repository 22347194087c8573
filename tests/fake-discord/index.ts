/**
 * A local fake Discord (REST + gateway on 127.0.0.1) for driving the real discord.js client.
 * See `server.ts` for {@link startFakeDiscord} and `interactions.ts` for interaction builders.
 */
export { startFakeDiscord, FakeDiscord } from './server.ts';
export type { FakeDiscordOptions, InteractionHandle, WaitOptions } from './server.ts';
export type { FailRule, DelayRule } from './rest.ts';
export type { GatewayEvent } from './gateway.ts';
export {
  slashCommand,
  autocomplete,
  buttonClick,
  selectMenu,
  messageContextMenu,
  modalSubmit,
  toWireOptions,
} from './interactions.ts';
export type {
  InteractionInit,
  InteractionExtras,
  OptionInput,
  OptionsInput,
  OptionValue,
} from './interactions.ts';
export { PERMISSIONS, buildMessage, buildUser } from './model.ts';
export type {
  FakeGuild,
  FakeGuildInit,
  FakeUserInit,
  InteractionAck,
  MessageInit,
  RecordedCallback,
  RecordedRequest,
  RecordedWebhookCall,
} from './model.ts';
export { nextSnowflake, shardForGuild, snowflakeForShard, isSnowflake } from './snowflake.ts';
export {
  validateMessageBody,
  validateAutocompleteBody,
  validateCommandList,
  invalidFormBody,
} from './validate.ts';
export type { DiscordErrorBody, ErrorTree, FieldError } from './validate.ts';
