import { DiscordAPIError, HTTPError, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  Interaction,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  InteractionUpdateOptions,
  MessageContextMenuCommandInteraction,
  RepliableInteraction,
} from 'discord.js';
import type { Answer } from '../answer.ts';
import type { Choice, Command, OptionValue } from '../command.ts';
import { createOptions } from '../command.ts';
import { execute } from '../dispatch.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Logger } from '../logger.ts';
import type { ArticleFinder } from '../render/text.ts';
import type { Library } from '../store/library.ts';
import { StateStore, disableAll, parseCustomId } from './components.ts';
import { MAX_PAGE_STATES, createCommandIds } from './paging.ts';
import type { PageRequest, PageState } from './paging.ts';
import { pageSizeOf } from './layout.ts';
import type { ContextMenuCommand } from './context-menu.ts';
import { contextMenus as defaultContextMenus } from './context-menu.ts';
import { cooldownMessage, createCooldown } from './cooldown.ts';
import type { Cooldown } from './cooldown.ts';
import { createAutocompleteGuard } from './autocomplete-guard.ts';
import type { AutocompleteGuard } from './autocomplete-guard.ts';
import { createDeferralPolicy } from './deferral.ts';
import type { DeferralPolicy } from './deferral.ts';
import { notice, renderAnswer, renderCard, renderContext, renderPreview, truncate } from './render.ts';
import type { RenderOptions, ReplyBody } from './render.ts';

/**
 * Interaction dispatch: slash commands, autocomplete, buttons and the message context menu, each
 * routed to the platform-neutral core and rendered with `render.ts`. One interaction can never
 * take the process down: every handler is wrapped, every REST call's rejection is logged (10062
 * "unknown interaction", 40060 "already acknowledged", …) and never rethrown.
 */

export type { PageState } from './paging.ts';

export interface InteractionDeps {
  /** Read at every interaction, so a hot reload swaps the knowledge base without a restart. */
  knowledge: { readonly kb: KnowledgeBase };
  commands: ReadonlyMap<string, Command>;
  logger: Logger;
  contextMenus?: readonly ContextMenuCommand[];
  cooldown?: Cooldown;
  pages?: StateStore<PageState>;
  previews?: StateStore<Answer>;
  /** A command still running after this long gets a deferred reply (type 5). Default 1500 ms. */
  deferAfterMs?: number;
  /** Caps on autocomplete: pattern length, stop-word-only text, runs per user. */
  autocompleteGuard?: AutocompleteGuard;
  /** Which commands are acknowledged before they run (synchronous work blocks every timer). */
  deferral?: DeferralPolicy;
  /** Added articles: each server answers from its own view; /article and /feed store here. */
  library?: Library;
  /** Members with this role may run moderator commands besides those with Manage Messages. */
  moderatorRoleId?: string;
  /** Results per page for every command; default per command (lists 10, /ask 1). */
  pageSize?: number;
  /** Slash command ids by name for /help's clickable mentions; default: fetched from Discord. */
  commandIds?: (interaction: Interaction) => Promise<ReadonlyMap<string, string>>;
}

/** What happened to an interaction, for the one log line per interaction. */
export type Outcome =
  | 'answered'
  | 'miss'
  | 'error-answer'
  | 'preview'
  | 'posted'
  | 'paged'
  | 'context'
  | 'suggested'
  | 'unknown-command'
  | 'invalid-button'
  | 'expired'
  | 'not-owner'
  | 'refused'
  | 'cooldown'
  | 'unsupported'
  | 'failed';

export const MESSAGES = {
  generic: 'Something went wrong while answering. The error was logged; please try again.',
  unknownCommand: (name: string) =>
    `I do not know the command /${name}; it may have been removed. Type /help for the list.`,
  invalidButton: 'This button is no longer valid. Run the command again.',
  expired: 'These results have expired (buttons work for 15 minutes). Run the command again.',
  notOwner: 'Only the person who asked can page through these results.',
  privateCopy: 'A private copy for you; the channel still sees the page the asker chose.',
  notOwnerPreview: 'Only the moderator who made this preview can post it.',
  refused: 'This needs the Manage Messages permission.',
  unknownArticle: 'That article is no longer loaded. Run the command again.',
  unsupported: 'This kind of interaction is not supported.',
  posted: 'Posted to the channel.',
} as const;

const EPHEMERAL = MessageFlags.Ephemeral;
const SILENT = { parse: [] as [] };

/** The user's input of a request, restated on public replies. */
function requestInput(request: PageRequest): Pick<RenderOptions, 'input' | 'posted'> {
  return request.kind === 'command' ? { input: request.values } : { posted: request.content };
}

/** The plain option values a user gave (subcommand options flattened). */
export function optionValues(data: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of data) {
    if (option.options !== undefined && option.options.length > 0)
      Object.assign(values, optionValues(option.options));
    // An attachment option's value is its id; the command needs the file's URL (Discord's CDN).
    const v = option.attachment?.url ?? option.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') values[option.name] = v;
  }
  return values;
}

/** At most 25 choices, names and values 1–100 characters (Discord rejects anything else). */
export function clipChoices(choices: readonly Choice[]): Choice[] {
  const out: Choice[] = [];
  for (const c of choices) {
    const name = truncate(String(c.name).trim(), 100);
    const value = String(c.value).slice(0, 100);
    if (name === '' || value.trim() === '') continue;
    out.push({ name, value });
    if (out.length === 25) break;
  }
  return out;
}

function replyOptions(body: ReplyBody): InteractionReplyOptions {
  return {
    ...(body.content !== undefined ? { content: body.content } : {}),
    embeds: body.embeds,
    components: body.components,
    allowedMentions: SILENT,
    ...(body.ephemeral ? { flags: EPHEMERAL } : {}),
  };
}

// Edits replace the whole message: an absent content must be sent as '' to clear the old one.
function editOptions(body: ReplyBody): InteractionEditReplyOptions & InteractionUpdateOptions {
  return {
    content: body.content ?? '',
    embeds: body.embeds,
    components: body.components,
    allowedMentions: SILENT,
  };
}

function hasManageMessages(interaction: RepliableInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) === true;
}

type DeferrableInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** Whether the member has the configured moderator role (either member shape discord.js gives). */
export function hasRole(interaction: RepliableInteraction, roleId: string | undefined): boolean {
  const roles = roleId === undefined ? undefined : interaction.member?.roles;
  if (roles === undefined || roleId === undefined) return false;
  if (Array.isArray(roles)) return roles.includes(roleId);
  // roles.cache only holds roles the guild cache knows; the member's raw role ids are complete.
  const raw = (interaction.member as { _roles?: unknown } | null)?._roles;
  return roles.cache.has(roleId) || (Array.isArray(raw) && raw.includes(roleId));
}

/** Creates the `interactionCreate` listener. It never rejects. */
export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  const { commands, logger } = deps;
  const current = (): KnowledgeBase => deps.knowledge.kb;
  const menus = deps.contextMenus ?? defaultContextMenus;
  const cooldown = deps.cooldown ?? createCooldown();
  const pages = deps.pages ?? new StateStore<PageState>({ maxEntries: MAX_PAGE_STATES });
  const previews = deps.previews ?? new StateStore<Answer>();
  const deferAfterMs = deps.deferAfterMs ?? 1500;
  const deferral = deps.deferral ?? createDeferralPolicy();
  const guard = deps.autocompleteGuard ?? createAutocompleteGuard();
  const sizeOf = (command: string): number => deps.pageSize ?? pageSizeOf(command);
  const commandIds = deps.commandIds ?? createCommandIds(logger);
  const find: ArticleFinder = (id) => current().article(id) ?? deps.library?.article(id);
  const kbOf = (guildId: string | null): KnowledgeBase =>
    deps.library?.kbFor(guildId ?? undefined) ?? current();
  const runtime = {
    get kb(): KnowledgeBase {
      return current();
    },
    commands,
    library: deps.library,
  };

  /** Logs a rejected REST call; Discord's code says why (10062 too late, 40060 answered twice). */
  const restFailed = (interaction: Interaction, action: string, error: unknown): void => {
    const code = error instanceof DiscordAPIError ? error.code : undefined;
    // A 5xx that outlasts discord.js's retries is an HTTPError (no Discord code): log its status
    // too, so an outage on Discord's side is told apart from a bug on ours.
    const status = error instanceof DiscordAPIError || error instanceof HTTPError ? error.status : undefined;
    logger.warn(
      { interaction: interaction.id, action, code, status, err: error },
      `Discord rejected ${action}`,
    );
  };

  /** First answer (reply) or, when already acknowledged, a follow-up. Returns false on failure. */
  const send = async (interaction: RepliableInteraction, body: ReplyBody): Promise<boolean> => {
    const action = interaction.deferred || interaction.replied ? 'follow-up' : 'reply';
    try {
      if (action === 'reply') await interaction.reply(replyOptions(body));
      else await interaction.followUp(replyOptions(body));
      return true;
    } catch (error) {
      restFailed(interaction, action, error);
      return false;
    }
  };

  const update = async (interaction: ButtonInteraction, body: ReplyBody): Promise<boolean> => {
    try {
      await interaction.update(editOptions(body));
      return true;
    } catch (error) {
      restFailed(interaction, 'update', error);
      return false;
    }
  };

  /** Cooldown gate for commands and context menus; refuses privately. */
  const allowed = async (
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  ): Promise<boolean> => {
    const verdict = cooldown.take(interaction.user.id);
    if (verdict.ok) return true;
    await send(interaction, notice(cooldownMessage(verdict.retryAfterMs)));
    return false;
  };

  const defer = async (interaction: DeferrableInteraction, privately: boolean): Promise<void> => {
    try {
      await interaction.deferReply(privately ? { flags: EPHEMERAL } : {});
    } catch (error) {
      restFailed(interaction, 'defer', error);
    }
  };

  /**
   * Runs `work` under Discord's 3-second deadline. Work known or seen to be slow is deferred
   * (type 5) before it starts, since synchronous work blocks every timer (see deferral.ts).
   * Otherwise the answer normally goes out directly (type 4); asynchronous work still running
   * after `deferAfterMs` is deferred then, and the answer arrives as an edit.
   */
  const runWithDeadline = async (
    interaction: DeferrableInteraction,
    name: string,
    work: () => Promise<Answer>,
    deferPrivately: boolean,
    declaredSlow: boolean,
  ): Promise<{ answer: Answer; deferredPrivately: boolean | null }> => {
    if (deferral.deferFirst(name, declaredSlow)) {
      await defer(interaction, deferPrivately);
      const started = performance.now();
      const answer = await work();
      deferral.observe(name, performance.now() - started);
      return { answer, deferredPrivately: deferPrivately };
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deferAfterMs);
    });
    const started = performance.now();
    const running = work().finally(() => deferral.observe(name, performance.now() - started));
    const first = await Promise.race([running, late]);
    clearTimeout(timer);
    if (first !== 'late') return { answer: first, deferredPrivately: null };
    await defer(interaction, deferPrivately);
    return { answer: await running, deferredPrivately: deferPrivately };
  };

  /** Sends a rendered answer, as a reply or as the edit of a deferred reply. */
  const deliver = async (
    interaction: DeferrableInteraction,
    body: ReplyBody,
    deferredPrivately: boolean | null,
  ): Promise<void> => {
    if (deferredPrivately === null || !interaction.deferred) {
      await send(interaction, body);
      return;
    }
    try {
      if (body.ephemeral && !deferredPrivately) {
        // A public "thinking…" cannot become private: remove it and answer privately instead.
        await interaction.deleteReply();
        await interaction.followUp(replyOptions(body));
      } else {
        await interaction.editReply(editOptions(body));
      }
    } catch (error) {
      restFailed(interaction, 'edit', error);
    }
  };

  /** Renders an answer, storing its request for paging when it has more than one page. */
  const renderFor = (
    answer: Answer,
    userId: string,
    hide: boolean,
    request: PageRequest,
    extra: RenderOptions = {},
  ): ReplyBody => {
    const pageSize = sizeOf(answer.command);
    const multiPage = answer.ok && answer.results.length > pageSize;
    const pageState = multiPage ? pages.put({ request, hide }, userId) : undefined;
    return renderAnswer(answer, find, {
      ...extra,
      ...requestInput(request),
      hide,
      pageSize,
      ...(pageState !== undefined ? { pageState } : {}),
    });
  };

  /** Runs a stored page request again (the knowledge base may have been reloaded since). */
  const rerun = async (request: PageRequest, interaction: Interaction): Promise<Answer> => {
    const onError = (error: unknown): void => {
      logger.error({ err: error, interaction: interaction.id }, 'page request failed');
    };
    if (request.kind === 'command')
      return execute(runtime, request.command, request.values, onError, {
        guildId: interaction.guildId ?? undefined,
        userId: interaction.user.id,
      });
    const menu = menus.find((m) => m.data.name === request.menu);
    if (menu === undefined) return { command: request.menu, ok: false, error: MESSAGES.invalidButton };
    try {
      return await menu.run({
        kb: kbOf(interaction.guildId),
        message: { id: '0', content: request.content },
      });
    } catch (error) {
      onError(error);
      return { command: 'who-said-this', ok: false, error: MESSAGES.generic };
    }
  };

  /** An expired page button: its buttons turn disabled for everyone, the clicker is told why. */
  const expire = async (interaction: ButtonInteraction): Promise<void> => {
    const shownRows = interaction.message.components.map((row) => row.toJSON());
    try {
      await interaction.update({
        components: disableAll(shownRows as Parameters<typeof disableAll>[0]),
        allowedMentions: SILENT,
      });
      await interaction.followUp(replyOptions(notice(MESSAGES.expired)));
    } catch (error) {
      restFailed(interaction, 'update', error);
    }
  };

  /** A page of a stored request: the owner's message turns the page, anyone else gets a private copy. */
  const turnPage = async (interaction: ButtonInteraction, state: string, page: number): Promise<Outcome> => {
    const userId = interaction.user.id;
    const found = pages.get(state, userId);
    const value = found.ok ? found.value : pages.peek(state);
    if (value === undefined) {
      await expire(interaction);
      return 'expired';
    }
    const answer = await rerun(value.request, interaction);
    const pageSize = sizeOf(answer.command);
    const options = { ...requestInput(value.request), page, pageSize };
    if (found.ok) {
      await update(
        interaction,
        renderAnswer(answer, find, { ...options, pageState: state, hide: value.hide }),
      );
      return 'paged';
    }
    const copy = pages.put({ request: value.request, hide: true }, userId);
    const body = renderAnswer(answer, find, { ...options, pageState: copy, hide: true });
    await send(interaction, { ...body, content: MESSAGES.privateCopy });
    return 'not-owner';
  };

  const chatInput = async (interaction: ChatInputCommandInteraction): Promise<Outcome> => {
    const command = commands.get(interaction.commandName);
    if (command === undefined) {
      await send(interaction, notice(MESSAGES.unknownCommand(interaction.commandName)));
      return 'unknown-command';
    }
    if (!(await allowed(interaction))) return 'cooldown';
    // Discord hides moderator commands from members, but server settings can override that.
    if (
      command.moderator === true &&
      !hasManageMessages(interaction) &&
      !hasRole(interaction, deps.moderatorRoleId)
    ) {
      await send(interaction, notice(MESSAGES.refused));
      return 'refused';
    }
    const values = optionValues(interaction.options.data);
    const hide = values.hide === true;
    const preview = command.delivery === 'preview';
    const work = (): Promise<Answer> =>
      execute(
        runtime,
        interaction.commandName,
        values,
        (error) => {
          logger.error(
            { err: error, interaction: interaction.id, command: interaction.commandName },
            'command failed',
          );
        },
        { guildId: interaction.guildId ?? undefined, userId: interaction.user.id },
      );
    const ids = interaction.commandName === 'help' ? commandIds(interaction) : undefined;
    const { answer, deferredPrivately } = await runWithDeadline(
      interaction,
      interaction.commandName,
      work,
      hide || preview,
      command.slow === true,
    );
    if (preview && answer.ok && answer.results.length > 0) {
      const key = previews.put(answer, interaction.user.id);
      await deliver(interaction, renderPreview(answer, find, key), deferredPrivately);
      return 'preview';
    }
    const request: PageRequest = { kind: 'command', command: interaction.commandName, values };
    const extra = ids !== undefined ? { commandIds: await ids } : {};
    await deliver(
      interaction,
      renderFor(answer, interaction.user.id, hide || preview, request, extra),
      deferredPrivately,
    );
    return !answer.ok ? 'error-answer' : answer.results.length === 0 ? 'miss' : 'answered';
  };

  const messageMenu = async (interaction: MessageContextMenuCommandInteraction): Promise<Outcome> => {
    const menu = menus.find((m) => m.data.name === interaction.commandName);
    if (menu === undefined) {
      await send(interaction, notice(MESSAGES.unknownCommand(interaction.commandName)));
      return 'unknown-command';
    }
    if (!(await allowed(interaction))) return 'cooldown';
    const work = async (): Promise<Answer> => {
      try {
        return await menu.run({
          kb: kbOf(interaction.guildId),
          message: { id: interaction.targetMessage.id, content: interaction.targetMessage.content },
        });
      } catch (error) {
        logger.error(
          { err: error, interaction: interaction.id, command: interaction.commandName },
          'context menu failed',
        );
        return { command: 'who-said-this', ok: false, error: MESSAGES.generic } satisfies Answer;
      }
    };
    const { answer, deferredPrivately } = await runWithDeadline(
      interaction,
      `menu:${interaction.commandName}`,
      work,
      true,
      false,
    );
    const request: PageRequest = {
      kind: 'menu',
      menu: interaction.commandName,
      content: interaction.targetMessage.content.slice(0, 2000),
    };
    await deliver(interaction, renderFor(answer, interaction.user.id, true, request), deferredPrivately);
    return !answer.ok ? 'error-answer' : answer.results.length === 0 ? 'miss' : 'answered';
  };

  const autocomplete = async (interaction: AutocompleteInteraction): Promise<Outcome> => {
    const command = commands.get(interaction.commandName);
    let choices: Choice[] = [];
    let flooded = false;
    if (command?.autocomplete !== undefined) {
      try {
        const focused = interaction.options.getFocused(true);
        const verdict = guard.check(interaction.user.id, String(focused.value));
        flooded = !verdict.ok && verdict.reason === 'flood';
        if (verdict.ok)
          choices = clipChoices(
            command.autocomplete({
              kb: kbOf(interaction.guildId),
              focused: { name: focused.name, value: verdict.text },
              options: createOptions(optionValues(interaction.options.data)),
              commands,
            }),
          );
      } catch (error) {
        logger.error(
          { err: error, interaction: interaction.id, command: interaction.commandName },
          'autocomplete failed',
        );
        choices = [];
      }
    }
    try {
      await interaction.respond(choices);
    } catch (error) {
      restFailed(interaction, 'autocomplete', error);
    }
    return flooded ? 'cooldown' : 'suggested';
  };

  const buttonClick = async (interaction: ButtonInteraction): Promise<Outcome> => {
    const action = parseCustomId(interaction.customId);
    if (action === null) {
      await send(interaction, notice(MESSAGES.invalidButton));
      return 'invalid-button';
    }
    const userId = interaction.user.id;
    switch (action.kind) {
      case 'page':
        return turnPage(interaction, action.state, action.page);
      case 'context': {
        const article = find(action.article);
        await send(
          interaction,
          article === undefined ? notice(MESSAGES.unknownArticle) : renderContext(article, action.paragraph),
        );
        return article === undefined ? 'expired' : 'context';
      }
      case 'post': {
        // Checked again here: the preview may be old, and permissions may have changed since.
        if (!hasManageMessages(interaction)) {
          await send(interaction, notice(MESSAGES.refused));
          return 'refused';
        }
        const found = previews.get(action.state, userId);
        if (!found.ok) {
          await send(
            interaction,
            notice(found.reason === 'expired' ? MESSAGES.expired : MESSAGES.notOwnerPreview),
          );
          return found.reason === 'expired' ? 'expired' : 'not-owner';
        }
        previews.delete(action.state);
        const card = renderCard(found.value, find);
        // Replace the preview (no second post from the same button), then post the card publicly.
        if (!(await update(interaction, { ...card, content: MESSAGES.posted, ephemeral: true })))
          return 'failed';
        return (await send(interaction, { ...card, ephemeral: false })) ? 'posted' : 'failed';
      }
    }
  };

  return async (interaction: Interaction): Promise<void> => {
    const started = performance.now();
    let outcome: Outcome = 'failed';
    let label = 'unknown';
    try {
      if (interaction.isAutocomplete()) {
        label = `autocomplete:${interaction.commandName}`;
        outcome = await autocomplete(interaction);
      } else if (interaction.isChatInputCommand()) {
        label = interaction.commandName;
        outcome = await chatInput(interaction);
      } else if (interaction.isMessageContextMenuCommand()) {
        label = `menu:${interaction.commandName}`;
        outcome = await messageMenu(interaction);
      } else if (interaction.isButton()) {
        label = `button:${interaction.customId.split(':')[0] ?? ''}`;
        outcome = await buttonClick(interaction);
      } else if (interaction.isRepliable()) {
        outcome = 'unsupported';
        await send(interaction, notice(MESSAGES.unsupported));
      }
    } catch (error) {
      outcome = 'failed';
      logger.error({ err: error, interaction: interaction.id, command: label }, 'interaction handler failed');
      if (interaction.isRepliable()) await send(interaction, notice(MESSAGES.generic));
    } finally {
      const ms = Math.round(performance.now() - started);
      const line = {
        interaction: interaction.id,
        command: label,
        user: interaction.user.id,
        guild: interaction.guildId,
        ms,
        outcome,
      };
      if (interaction.isAutocomplete()) logger.debug(line, 'interaction');
      else logger.info(line, 'interaction');
    }
  };
}
