/**
 * The fake REST API (`/api/v10/...`): gateway discovery, identity, command registration,
 * interaction callbacks, interaction webhooks and channel messages, with Discord's status codes,
 * error bodies and deadlines, plus fault injection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord-api-types/v10';
import type {
  APIApplicationCommand,
  APIAttachment,
  APIEmbed,
  APIGatewayBotInfo,
  APIMessage,
  APIUser,
  APIActionRowComponent,
  APIComponentInMessageActionRow,
} from 'discord-api-types/v10';
import type {
  FakeGuild,
  InteractionRecord,
  RecordedCallback,
  RecordedRequest,
  RecordedWebhookCall,
} from './model.ts';
import { buildMessage } from './model.ts';
import { nextSnowflake } from './snowflake.ts';
import {
  ErrorCollector,
  checkCommand,
  invalidFormBody,
  validateAutocompleteBody,
  validateCommandList,
  validateMessageBody,
  validateModalBody,
} from './validate.ts';
import type { DiscordErrorBody, ErrorTree } from './validate.ts';

/** Makes the next matching request(s) fail. */
export interface FailRule {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Substring of the decoded path after `/api/v10` (e.g. `/callback`, `@original`). */
  pathIncludes: string;
  /** Status to answer, e.g. 429, 500, 503. */
  status: number;
  /** JSON body; defaults to Discord's body for the status. */
  body?: unknown;
  /** For 429: seconds to wait (body `retry_after`, `Retry-After` and `X-RateLimit-Reset-After`). Default 0.1. */
  retryAfter?: number;
  /** For 429: a global rate limit (`X-RateLimit-Global`, scope `global`). Default false. */
  global?: boolean;
  /** How many matching requests fail. Default 1. */
  times?: number;
}

/** Holds the next matching request(s) before handling them. */
export interface DelayRule {
  method?: string;
  pathIncludes: string;
  ms: number;
  times?: number;
}

/** What the REST half needs from the fake. */
export interface RestContext {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly shardCount: number;
  readonly deadlineMs: number;
  readonly tokenLifetimeMs: number;
  readonly requireSilentMentions: boolean;
  readonly guilds: readonly FakeGuild[];
  readonly gatewayUrl: () => string;
  readonly interactionsById: ReadonlyMap<string, InteractionRecord>;
  readonly interactionsByToken: ReadonlyMap<string, InteractionRecord>;
  readonly onRecorded: () => void;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Req {
  method: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedRequest['files'];
  headers: IncomingMessage['headers'];
}

type Handler = (req: Req) => Reply | Promise<Reply>;

const json = (status: number, body: unknown, headers?: Record<string, string>): Reply =>
  headers === undefined ? { status, body } : { status, body, headers };
const noContent = (): Reply => ({ status: 204 });
const discordError = (status: number, code: number, message: string, errors?: ErrorTree): Reply =>
  json(status, errors === undefined ? { code, message } : { code, message, errors });
const formError = (errors: ErrorTree): Reply => json(400, invalidFormBody(errors));

const ERR = {
  unknownInteraction: () => discordError(404, 10062, 'Unknown interaction'),
  alreadyAcked: () => discordError(400, 40060, 'Interaction has already been acknowledged.'),
  unknownWebhook: () => discordError(404, 10015, 'Unknown Webhook'),
  invalidWebhookToken: () => discordError(401, 50027, 'Invalid Webhook Token'),
  unknownMessage: () => discordError(404, 10008, 'Unknown Message'),
  unknownChannel: () => discordError(404, 10003, 'Unknown Channel'),
  unknownCommand: () => discordError(404, 10063, 'Unknown application command'),
  emptyMessage: () => discordError(400, 50006, 'Cannot send an empty message'),
  missingAccess: () => discordError(403, 50001, 'Missing Access'),
  unauthorized: () => json(401, { message: '401: Unauthorized', code: 0 }),
  notFound: () => json(404, { message: '404: Not Found', code: 0 }),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Callback types Discord accepts per interaction type. */
const ALLOWED_CALLBACKS: Partial<Record<InteractionType, readonly InteractionResponseType[]>> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [
    InteractionResponseType.ApplicationCommandAutocompleteResult,
  ],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

/** Stored commands per scope (`global` or a guild id) and how often each scope was PUT. */
export class CommandStore {
  readonly lists = new Map<string, APIApplicationCommand[]>();
  readonly putCounts = new Map<string, number>();

  constructor(private readonly applicationId: string) {}

  list(scope: string): APIApplicationCommand[] {
    return this.lists.get(scope) ?? [];
  }

  /** Turns a create body into a stored command, keeping id (and version when unchanged) of a same-named one. */
  materialize(
    scope: string,
    body: Record<string, unknown>,
    previous: APIApplicationCommand | undefined,
  ): APIApplicationCommand {
    const base = {
      ...body,
      type: (body.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput,
      description: typeof body.description === 'string' ? body.description : '',
      default_member_permissions: (body.default_member_permissions as string | null | undefined) ?? null,
      nsfw: body.nsfw === true,
      ...(scope === 'global' ? {} : { guild_id: scope }),
    };
    const unchanged =
      previous !== undefined &&
      JSON.stringify(stripServerFields(previous)) === JSON.stringify(stripServerFields(base));
    return {
      ...base,
      id: previous?.id ?? nextSnowflake(),
      application_id: this.applicationId,
      version: unchanged ? previous.version : nextSnowflake(),
    } as APIApplicationCommand;
  }

  find(scope: string, name: unknown, type: unknown): APIApplicationCommand | undefined {
    const t = type ?? ApplicationCommandType.ChatInput;
    return this.list(scope).find((c) => c.name === name && c.type === t);
  }
}

function stripServerFields(command: object): object {
  const { id: _id, application_id: _app, version: _version, ...rest } = command as Record<string, unknown>;
  return rest;
}

/** The REST half of the fake; owned by `FakeDiscord`. */
export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  readonly commands: CommandStore;
  /** Every message the bot created, by id (interaction responses, follow-ups, channel posts). */
  readonly messages = new Map<string, APIMessage>();
  /** Channel posts (`POST /channels/{id}/messages`), in order. */
  readonly channelPosts: APIMessage[] = [];
  private readonly failRules: (FailRule & { left: number })[] = [];
  private readonly delayRules: (DelayRule & { left: number })[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly routes: { method: string; segments: string[]; auth: boolean; handler: Handler }[] = [];

  constructor(private readonly ctx: RestContext) {
    this.commands = new CommandStore(ctx.applicationId);
    this.registerRoutes();
  }

  /** Adds a fault rule (see {@link FailRule}). */
  failNext(rule: FailRule): void {
    this.failRules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Adds a delay rule (see {@link DelayRule}). */
  delayNext(rule: DelayRule): void {
    this.delayRules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Stops pending delays (used on close so no timer outlives the fake). */
  clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private route(method: string, pattern: string, handler: Handler, auth = true): void {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), auth, handler });
  }

  private registerRoutes(): void {
    this.route('GET', '/gateway', () => json(200, { url: this.ctx.gatewayUrl() }), false);
    this.route('GET', '/gateway/bot', () => {
      const info: APIGatewayBotInfo = {
        url: this.ctx.gatewayUrl(),
        shards: this.ctx.shardCount,
        session_start_limit: {
          total: 1000,
          remaining: 1000,
          reset_after: 14_400_000,
          // ≥ shard count so the identify throttler never makes shards wait 5 s for each other.
          max_concurrency: Math.max(16, this.ctx.shardCount),
        },
      };
      return json(200, info);
    });
    this.route('GET', '/users/@me', () => json(200, this.ctx.botUser));
    this.route('GET', '/applications/@me', () => json(200, this.application()));
    this.route('GET', '/oauth2/applications/@me', () => json(200, this.application()));

    for (const prefix of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
      this.route('GET', prefix, (r) => this.withScope(r, (scope) => json(200, this.commands.list(scope))));
      this.route('PUT', prefix, (r) => this.withScope(r, (scope) => this.putCommands(scope, r.body)));
      this.route('POST', prefix, (r) => this.withScope(r, (scope) => this.createCommand(scope, r.body)));
      this.route('GET', `${prefix}/:cmd`, (r) =>
        this.withScope(r, (scope) => {
          const command = this.commands.list(scope).find((c) => c.id === r.params.cmd);
          return command === undefined ? ERR.unknownCommand() : json(200, command);
        }),
      );
      this.route('PATCH', `${prefix}/:cmd`, (r) =>
        this.withScope(r, (scope) => this.editCommand(scope, r.params.cmd ?? '', r.body)),
      );
      this.route('DELETE', `${prefix}/:cmd`, (r) =>
        this.withScope(r, (scope) => {
          const list = this.commands.list(scope);
          const next = list.filter((c) => c.id !== r.params.cmd);
          if (next.length === list.length) return ERR.unknownCommand();
          this.commands.lists.set(scope, next);
          return noContent();
        }),
      );
    }

    // Interaction callbacks and interaction webhooks are authenticated by the token in the URL.
    this.route('POST', '/interactions/:id/:token/callback', (r) => this.callback(r), false);
    this.route('POST', '/webhooks/:app/:token', (r) => this.followup(r), false);
    this.route('GET', '/webhooks/:app/:token/messages/:msg', (r) => this.webhookMessage(r, 'get'), false);
    this.route('PATCH', '/webhooks/:app/:token/messages/:msg', (r) => this.webhookMessage(r, 'edit'), false);
    this.route(
      'DELETE',
      '/webhooks/:app/:token/messages/:msg',
      (r) => this.webhookMessage(r, 'delete'),
      false,
    );

    this.route('GET', '/channels/:channel', (r) => {
      const channel = this.channel(r.params.channel);
      return channel === undefined ? ERR.unknownChannel() : json(200, channel);
    });
    this.route('POST', '/channels/:channel/typing', (r) =>
      this.channel(r.params.channel) === undefined ? ERR.unknownChannel() : noContent(),
    );
    this.route('POST', '/channels/:channel/messages', (r) => this.channelPost(r));
    this.route('GET', '/channels/:channel/messages/:msg', (r) => {
      const message = this.messages.get(r.params.msg ?? '');
      return message?.channel_id === r.params.channel ? json(200, message) : ERR.unknownMessage();
    });
    this.route('PATCH', '/channels/:channel/messages/:msg', (r) => this.channelEdit(r));
    this.route('DELETE', '/channels/:channel/messages/:msg', (r) => {
      const message = this.messages.get(r.params.msg ?? '');
      if (message === undefined || message.channel_id !== r.params.channel) return ERR.unknownMessage();
      this.messages.delete(message.id);
      return noContent();
    });
  }

  private application(): Record<string, unknown> {
    return {
      id: this.ctx.applicationId,
      name: this.ctx.botUser.username,
      icon: null,
      description: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      owner: {
        ...this.ctx.botUser,
        bot: false,
        id: this.ctx.guilds[0]?.ownerId ?? nextSnowflake(),
        username: 'owner',
      },
      bot: this.ctx.botUser,
      summary: '',
    };
  }

  private channel(id: string | undefined): FakeGuild['channels'][number] | undefined {
    for (const guild of this.ctx.guilds) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel !== undefined) return channel;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- HTTP plumbing

  /** Node `request` listener. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const prefix = '/api/v10';
    const rawPath = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : url.pathname;
    let path: string;
    try {
      path = rawPath.split('/').map(decodeURIComponent).join('/');
    } catch {
      path = rawPath;
    }
    const raw = await readBody(req);
    const { body, files } = await parseBody(raw, req.headers['content-type'], method, url);
    const record: RecordedRequest = {
      seq: this.requests.length + 1,
      method,
      path,
      rawPath,
      query: Object.fromEntries(url.searchParams),
      body,
      files,
      at,
      status: 0,
      response: undefined,
    };
    this.requests.push(record);

    let reply: Reply;
    try {
      const delay = takeRule(this.delayRules, method, path, rawPath);
      if (delay !== undefined) {
        record.delayedMs = delay.ms;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.timers.delete(timer);
            resolve();
          }, delay.ms);
          this.timers.add(timer);
        });
      }
      const fail = takeRule(this.failRules, method, path, rawPath);
      if (fail !== undefined) {
        record.injected = 'fail';
        reply = faultReply(fail);
      } else if (!url.pathname.startsWith(`${prefix}/`)) {
        reply = ERR.notFound();
      } else {
        reply = await this.dispatch(
          { method, params: {}, query: record.query, body, files, headers: req.headers },
          path,
        );
      }
    } catch (error) {
      reply = json(500, { message: `fake-discord internal error: ${String(error)}`, code: 0 });
    }

    record.status = reply.status;
    record.response = reply.body;
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.status === 204 || reply.body === undefined) {
      // Discord answers 204 with no body and no JSON content type; discord.js then returns raw bytes.
      res.writeHead(reply.status, headers);
      res.end();
    } else {
      headers['Content-Type'] = 'application/json';
      res.writeHead(reply.status, headers);
      res.end(JSON.stringify(reply.body));
    }
    this.ctx.onRecorded();
  }

  private async dispatch(req: Req, path: string): Promise<Reply> {
    const segments = path.split('/').filter(Boolean);
    let methodMismatch = false;
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const match = route.segments.every((seg, i) => {
        const actual = segments[i] ?? '';
        if (seg.startsWith(':')) {
          params[seg.slice(1)] = actual;
          return true;
        }
        return seg === actual;
      });
      if (!match) continue;
      if (route.method !== req.method) {
        methodMismatch = true;
        continue;
      }
      if (route.auth && req.headers.authorization !== `Bot ${this.ctx.token}`) return ERR.unauthorized();
      return route.handler({ ...req, params });
    }
    return methodMismatch ? json(405, { message: '405: Method Not Allowed', code: 0 }) : ERR.notFound();
  }

  // ---------------------------------------------------------------- commands

  private withScope(req: Req, fn: (scope: string) => Reply): Reply {
    if (req.params.app !== this.ctx.applicationId) return ERR.missingAccess();
    const guild = req.params.guild;
    if (guild !== undefined && !this.ctx.guilds.some((g) => g.id === guild)) return ERR.missingAccess();
    return fn(guild ?? 'global');
  }

  private putCommands(scope: string, body: unknown): Reply {
    this.commands.putCounts.set(scope, (this.commands.putCounts.get(scope) ?? 0) + 1);
    const errors = validateCommandList(body);
    if (errors !== null) return formError(errors);
    const list = (body as Record<string, unknown>[]).map((c) =>
      this.commands.materialize(scope, c, this.commands.find(scope, c.name, c.type)),
    );
    this.commands.lists.set(scope, list);
    return json(200, list);
  }

  private createCommand(scope: string, body: unknown): Reply {
    const errors = new ErrorCollector();
    checkCommand(errors, body, []);
    const tree = errors.result();
    if (tree !== null || !isRecord(body)) return formError(tree ?? {});
    const previous = this.commands.find(scope, body.name, body.type);
    const command = this.commands.materialize(scope, body, previous);
    const list = this.commands.list(scope).filter((c) => c.id !== command.id);
    this.commands.lists.set(scope, [...list, command]);
    return json(previous === undefined ? 201 : 200, command);
  }

  private editCommand(scope: string, id: string, body: unknown): Reply {
    const list = this.commands.list(scope);
    const previous = list.find((c) => c.id === id);
    if (previous === undefined) return ERR.unknownCommand();
    const merged = { ...stripServerFields(previous), ...(isRecord(body) ? body : {}) } as Record<
      string,
      unknown
    >;
    const errors = new ErrorCollector();
    checkCommand(errors, merged, []);
    const tree = errors.result();
    if (tree !== null) return formError(tree);
    const command = this.commands.materialize(scope, merged, previous);
    this.commands.lists.set(
      scope,
      list.map((c) => (c.id === id ? command : c)),
    );
    return json(200, command);
  }

  // ---------------------------------------------------------------- interactions

  private callback(req: Req): Reply {
    const rec = this.ctx.interactionsById.get(req.params.id ?? '');
    const now = Date.now();
    const body = isRecord(req.body) ? req.body : {};
    const type = body.type as InteractionResponseType;
    const data = body.data;
    const record = (reply: Reply): Reply => {
      if (rec !== undefined) {
        const entry: RecordedCallback = {
          type,
          data,
          body: req.body,
          at: now,
          ms: now - rec.sentAt,
          status: reply.status,
          ...(reply.status >= 400 ? { error: reply.body as DiscordErrorBody } : {}),
        };
        rec.callbacks.push(entry);
        if (reply.status < 400 && rec.ack === null) rec.ack = entry;
      }
      return reply;
    };

    if (rec === undefined || rec.token !== req.params.token) return record(ERR.unknownInteraction());
    if (rec.ack !== null) return record(ERR.alreadyAcked());
    // The token dies if the first answer is late; Discord reports the interaction as unknown.
    if (now - rec.sentAt > this.ctx.deadlineMs) return record(ERR.unknownInteraction());

    const allowed = ALLOWED_CALLBACKS[rec.payload.type] ?? [];
    if (!allowed.includes(type)) {
      const errors = new ErrorCollector();
      errors.add(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        `Callback type ${String(type)} is not valid for interaction type ${rec.payload.type}.`,
      );
      return record(formError(errors.tree));
    }

    let errors: ErrorTree | null = null;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        errors = validateMessageBody(data ?? {}, {
          requireSilentMentions: this.ctx.requireSilentMentions,
          path: ['data'],
        });
        if (errors === null && isEmptyMessage(data, req.files)) return record(ERR.emptyMessage());
        break;
      case InteractionResponseType.UpdateMessage:
        errors = validateMessageBody(data ?? {}, {
          requireSilentMentions: this.ctx.requireSilentMentions,
          path: ['data'],
        });
        break;
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        errors = validateAutocompleteBody(data);
        break;
      case InteractionResponseType.Modal:
        errors = validateModalBody(data);
        break;
      default:
        break;
    }
    if (errors !== null) return record(formError(errors));

    const flags = isRecord(data) && typeof data.flags === 'number' ? data.flags : 0;
    const componentMessage =
      'message' in rec.payload ? (rec.payload.message as APIMessage | undefined) : undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        rec.original = this.store(this.interactionMessage(rec, data, req.files, flags));
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        rec.original = this.store(
          this.interactionMessage(rec, { content: '' }, [], flags | MessageFlags.Loading),
        );
        break;
      case InteractionResponseType.DeferredMessageUpdate:
        rec.original = componentMessage === undefined ? null : this.store(componentMessage);
        break;
      case InteractionResponseType.UpdateMessage:
        rec.original =
          componentMessage === undefined ? null : this.store(applyEdit(componentMessage, data, req.files));
        break;
      default:
        break;
    }

    if (req.query.with_response === 'true') {
      const message = rec.original;
      const messageTypes: readonly InteractionResponseType[] = [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.DeferredMessageUpdate,
      ];
      const hasMessage = message !== null && messageTypes.includes(type);
      return record(
        json(200, {
          interaction: {
            id: rec.id,
            type: rec.payload.type,
            ...(hasMessage
              ? {
                  response_message_id: message.id,
                  response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
                  response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
                }
              : {}),
          },
          resource: { type, ...(hasMessage ? { message } : {}) },
        }),
      );
    }
    return record(noContent());
  }

  private interactionMessage(
    rec: InteractionRecord,
    data: unknown,
    files: RecordedRequest['files'],
    flags: number,
  ): APIMessage {
    const payload = rec.payload;
    const user = payload.member?.user ?? payload.user;
    const base = buildMessage({
      channel_id: payload.channel?.id ?? '0',
      author: this.ctx.botUser,
      webhook_id: this.ctx.applicationId,
      application_id: this.ctx.applicationId,
      type:
        payload.type === InteractionType.ApplicationCommand
          ? MessageType.ChatInputCommand
          : MessageType.Reply,
      flags: flags as MessageFlags,
      ...(user === undefined
        ? {}
        : {
            interaction_metadata: {
              id: rec.id,
              type: payload.type,
              user,
              authorizing_integration_owners: payload.authorizing_integration_owners,
            } as NonNullable<APIMessage['interaction_metadata']>,
          }),
    });
    return applyEdit(base, data, files, false);
  }

  private store(message: APIMessage): APIMessage {
    this.messages.set(message.id, message);
    return message;
  }

  private webhookInteraction(req: Req, now: number): InteractionRecord | Reply {
    const rec = this.ctx.interactionsByToken.get(req.params.token ?? '');
    if (rec === undefined || req.params.app !== this.ctx.applicationId) return ERR.unknownWebhook();
    if (now - rec.sentAt > this.ctx.tokenLifetimeMs) return ERR.invalidWebhookToken();
    // Edits and follow-ups need an acknowledged interaction; before that the webhook does not exist.
    if (rec.ack === null) return ERR.unknownWebhook();
    return rec;
  }

  private recordWebhook(
    rec: InteractionRecord | undefined,
    call: Omit<RecordedWebhookCall, 'ms'>,
    reply: Reply,
  ): Reply {
    if (rec !== undefined) {
      rec.webhookCalls.push({
        ...call,
        ms: call.at - rec.sentAt,
        status: reply.status,
        ...(reply.status >= 400 ? { error: reply.body as DiscordErrorBody } : {}),
      });
    }
    return reply;
  }

  private followup(req: Req): Reply {
    const now = Date.now();
    const found = this.webhookInteraction(req, now);
    const rec = 'payload' in found ? found : this.ctx.interactionsByToken.get(req.params.token ?? '');
    const call = { kind: 'followup' as const, body: req.body, at: now, status: 0 };
    if (!('payload' in found)) return this.recordWebhook(rec, call, found);
    const errors = validateMessageBody(req.body ?? {}, {
      requireSilentMentions: this.ctx.requireSilentMentions,
    });
    if (errors !== null) return this.recordWebhook(found, call, formError(errors));
    if (isEmptyMessage(req.body, req.files)) return this.recordWebhook(found, call, ERR.emptyMessage());
    const flags = isRecord(req.body) && typeof req.body.flags === 'number' ? req.body.flags : 0;
    const message = this.store(this.interactionMessage(found, req.body, req.files, flags));
    found.followups.set(message.id, message);
    const reply = req.query.wait === 'true' ? json(200, message) : noContent();
    return this.recordWebhook(found, { ...call, message }, reply);
  }

  private webhookMessage(req: Req, kind: 'get' | 'edit' | 'delete'): Reply {
    const now = Date.now();
    const found = this.webhookInteraction(req, now);
    const messageId = req.params.msg ?? '';
    const rec = 'payload' in found ? found : this.ctx.interactionsByToken.get(req.params.token ?? '');
    const call = { kind, messageId, body: req.body, at: now, status: 0 };
    if (!('payload' in found)) return this.recordWebhook(rec, call, found);

    const isOriginal = messageId === '@original' || messageId === found.original?.id;
    const target = isOriginal ? found.original : found.followups.get(messageId);
    if (target === null || target === undefined) return this.recordWebhook(found, call, ERR.unknownMessage());

    if (kind === 'get') return this.recordWebhook(found, { ...call, message: target }, json(200, target));
    if (kind === 'delete') {
      if (isOriginal) found.original = null;
      else found.followups.delete(messageId);
      this.messages.delete(target.id);
      return this.recordWebhook(found, call, noContent());
    }
    const errors = validateMessageBody(req.body ?? {}, {
      requireSilentMentions: this.ctx.requireSilentMentions,
    });
    if (errors !== null) return this.recordWebhook(found, call, formError(errors));
    const message = this.store(applyEdit(target, req.body, req.files));
    if (isOriginal) found.original = message;
    else found.followups.set(message.id, message);
    return this.recordWebhook(found, { ...call, message }, json(200, message));
  }

  // ---------------------------------------------------------------- channel messages

  private channelPost(req: Req): Reply {
    const channel = this.channel(req.params.channel);
    if (channel === undefined) return ERR.unknownChannel();
    const errors = validateMessageBody(req.body ?? {}, {
      requireSilentMentions: this.ctx.requireSilentMentions,
    });
    if (errors !== null) return formError(errors);
    if (isEmptyMessage(req.body, req.files)) return ERR.emptyMessage();
    const flags = isRecord(req.body) && typeof req.body.flags === 'number' ? req.body.flags : 0;
    const message = this.store(
      applyEdit(
        buildMessage({ channel_id: channel.id, author: this.ctx.botUser, flags: flags as MessageFlags }),
        req.body,
        req.files,
        false,
      ),
    );
    if (channel.guild_id !== undefined) (message as { guild_id?: string }).guild_id = channel.guild_id;
    this.channelPosts.push(message);
    return json(200, message);
  }

  private channelEdit(req: Req): Reply {
    const message = this.messages.get(req.params.msg ?? '');
    if (message === undefined || message.channel_id !== req.params.channel) return ERR.unknownMessage();
    const errors = validateMessageBody(req.body ?? {}, {
      requireSilentMentions: this.ctx.requireSilentMentions,
    });
    if (errors !== null) return formError(errors);
    const edited = this.store(applyEdit(message, req.body, req.files));
    const index = this.channelPosts.findIndex((m) => m.id === edited.id);
    if (index >= 0) this.channelPosts[index] = edited;
    return json(200, edited);
  }
}

// ---------------------------------------------------------------- helpers

function isEmptyMessage(body: unknown, files: RecordedRequest['files']): boolean {
  if (files.length > 0 || !isRecord(body)) return files.length === 0;
  const nonEmpty = (v: unknown): boolean =>
    typeof v === 'string' ? v.length > 0 : Array.isArray(v) && v.length > 0;
  return !(
    nonEmpty(body.content) ||
    nonEmpty(body.embeds) ||
    nonEmpty(body.components) ||
    nonEmpty(body.sticker_ids) ||
    isRecord(body.poll)
  );
}

/** Applies create/edit fields to a message, as Discord does (absent fields stay unchanged). */
function applyEdit(
  message: APIMessage,
  body: unknown,
  files: RecordedRequest['files'],
  markEdited = true,
): APIMessage {
  const b = isRecord(body) ? body : {};
  const next: APIMessage = { ...message };
  if (typeof b.content === 'string') next.content = b.content;
  if (Array.isArray(b.embeds)) next.embeds = b.embeds as APIEmbed[];
  if (Array.isArray(b.components))
    next.components = b.components as APIActionRowComponent<APIComponentInMessageActionRow>[];
  // Ephemeral and loading are fixed at creation; an edit can change the other flags (e.g. suppress
  // embeds), and any real edit of a deferred message ends its loading state.
  const fixed = MessageFlags.Ephemeral | MessageFlags.Loading;
  let flags = message.flags ?? 0;
  if (typeof b.flags === 'number') flags = (b.flags & ~fixed) | (flags & fixed);
  if (markEdited) flags &= ~MessageFlags.Loading;
  next.flags = flags;
  if (files.length > 0 || Array.isArray(b.attachments)) {
    const kept = Array.isArray(b.attachments)
      ? message.attachments.filter((a) =>
          (b.attachments as { id?: unknown }[]).some((x) => String(x.id) === a.id),
        )
      : message.attachments;
    const added: APIAttachment[] = files.map((f) => {
      const id = nextSnowflake();
      return {
        id,
        filename: f.name,
        size: f.size,
        url: `http://127.0.0.1/attachments/${id}/${encodeURIComponent(f.name)}`,
        proxy_url: `http://127.0.0.1/attachments/${id}/${encodeURIComponent(f.name)}`,
      };
    });
    next.attachments = [...kept, ...added];
  }
  if (markEdited) next.edited_timestamp = new Date().toISOString();
  return next;
}

function takeRule<T extends { method?: string; pathIncludes: string; left: number }>(
  rules: T[],
  method: string,
  path: string,
  rawPath: string,
): T | undefined {
  const index = rules.findIndex(
    (r) =>
      r.left > 0 &&
      (r.method === undefined || r.method.toUpperCase() === method) &&
      (path.includes(r.pathIncludes) || rawPath.includes(r.pathIncludes)),
  );
  const rule = rules[index];
  if (rule === undefined) return undefined;
  rule.left -= 1;
  if (rule.left <= 0) rules.splice(index, 1);
  return rule;
}

function faultReply(rule: FailRule): Reply {
  if (rule.status === 429) {
    const retryAfter = rule.retryAfter ?? 0.1;
    const global = rule.global === true;
    // discord.js reads Retry-After (seconds, fractions allowed) and treats the mere presence of
    // X-RateLimit-Global as a global limit, so the header is only sent for global limits.
    const headers: Record<string, string> = {
      'Retry-After': String(retryAfter),
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Date.now() / 1000 + retryAfter),
      'X-RateLimit-Reset-After': String(retryAfter),
      'X-RateLimit-Scope': global ? 'global' : 'user',
      ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
    };
    const body = rule.body ?? {
      message: 'You are being rate limited.',
      retry_after: retryAfter,
      global,
      code: global ? 0 : undefined,
    };
    return json(429, JSON.parse(JSON.stringify(body)) as unknown, headers);
  }
  if (rule.status === 204) return noContent();
  const defaults: Record<number, { message: string; code: number }> = {
    400: { message: '400: Bad Request', code: 0 },
    401: { message: '401: Unauthorized', code: 0 },
    403: { message: 'Missing Permissions', code: 50013 },
    404: { message: '404: Not Found', code: 0 },
    500: { message: '500: Internal Server Error', code: 0 },
    502: { message: '502: Bad Gateway', code: 0 },
    503: { message: '503: Service Unavailable', code: 0 },
  };
  return json(
    rule.status,
    rule.body ?? defaults[rule.status] ?? { message: `${rule.status}: fake-discord fault`, code: 0 },
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
  method: string,
  url: URL,
): Promise<{ body: unknown; files: RecordedRequest['files'] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data') === true) {
    // undici's Request parses multipart for us; discord.js puts the JSON in `payload_json`.
    const form = await new Request(url, {
      method: method === 'GET' || method === 'HEAD' ? 'POST' : method,
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    let body: unknown;
    const files: { field: string; name: string; size: number }[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = safeJson(value);
      } else {
        files.push({ field, name: value.name, size: value.size });
      }
    }
    return { body, files };
  }
  return { body: safeJson(raw.toString('utf8')), files: [] };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
