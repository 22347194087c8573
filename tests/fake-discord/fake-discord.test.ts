/**
 * Drives the real discord.js client against the fake Discord: proves the fake is faithful enough
 * for bot tests (login, interactions, replies, limits, deadlines, reconnects, sharding).
 */
import { once } from 'node:events';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentBuilder, Client, DiscordAPIError, Events, GatewayIntentBits, Routes } from 'discord.js';
import type { ChatInputCommandInteraction, ClientOptions, Interaction } from 'discord.js';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import {
  PERMISSIONS,
  autocomplete,
  buttonClick,
  messageContextMenu,
  shardForGuild,
  slashCommand,
  startFakeDiscord,
  validateAutocompleteBody,
  validateMessageBody,
} from './index.ts';
import type { FakeDiscord } from './index.ts';

const SILENT = { parse: [] } as const;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Logs a client in against the fake and waits for ClientReady (login resolves before it). */
async function connect(fake: FakeDiscord, options: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl }, ...options });
  const ready = once(client, Events.ClientReady);
  try {
    await withTimeout(client.login(fake.token), 5000, 'client.login');
    await withTimeout(ready, 5000, 'ClientReady');
  } catch (error) {
    await destroy(client);
    throw error;
  }
  return client;
}

async function destroy(client: Client): Promise<void> {
  await withTimeout(client.destroy(), 5000, 'client.destroy');
}

/** Resolves with the next interaction the client emits. */
function nextInteraction(client: Client, ms = 3000): Promise<Interaction> {
  return withTimeout(
    once(client, Events.InteractionCreate).then(([i]) => i as Interaction),
    ms,
    'interactionCreate',
  );
}

function assertChatInput(i: Interaction): asserts i is ChatInputCommandInteraction {
  if (!i.isChatInputCommand()) throw new Error(`expected a chat input command, got type ${i.type}`);
}

describe('fake Discord driven by the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 200 });
    client = await connect(fake);
  });

  afterAll(async () => {
    if (client !== undefined) await destroy(client);
    if (fake !== undefined) await fake.close();
  });

  it('logs in: ClientReady fires with the bot user and the guild in cache', () => {
    const guild = fake.guilds[0];
    expect(guild).toBeDefined();
    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(client.guilds.cache.get(guild?.id ?? '')?.name).toBe(guild?.name);
    expect(client.guilds.cache.get(guild?.id ?? '')?.members.me?.id).toBe(fake.applicationId);
    expect(fake.connectedShards()).toEqual([0]);
    expect(fake.requests.some((r) => r.path === '/gateway/bot' && r.status === 200)).toBe(true);
  });

  it('records a silent reply to a slash command as a type-4 callback within the deadline', async () => {
    const received = nextInteraction(client);
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'Who won?', limit: 3 }));
    const interaction = await received;
    assertChatInput(interaction);
    expect(interaction.commandName).toBe('ask');
    expect(interaction.options.getString('question')).toBe('Who won?');
    expect(interaction.options.getInteger('limit')).toBe(3);
    expect(interaction.id).toBe(handle.id);

    await interaction.reply({ content: 'The home team.', allowedMentions: SILENT });
    const response = await handle.response();
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(response.data).toMatchObject({ content: 'The home team.', allowed_mentions: { parse: [] } });
    expect(response.status).toBe(204);
    expect(response.ms).toBeLessThan(3000);
    expect(handle.original()?.content).toBe('The home team.');
    expect(fake.interactionAcks().find((a) => a.id === handle.id)?.ackMs).toBeLessThan(3000);
  });

  it('rejects a reply without allowed_mentions with 50035 and records the 400', async () => {
    const received = nextInteraction(client);
    const handle = fake.sendInteraction(slashCommand('ask', { question: '@everyone?' }));
    const interaction = await received;
    assertChatInput(interaction);

    const error = await interaction.reply({ content: 'hi @everyone' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    const attempt = await handle.firstAttempt();
    expect(attempt.status).toBe(400);
    expect(attempt.error?.errors).toHaveProperty('data.allowed_mentions._errors');
    const recorded = fake.requests.find((r) => r.path.startsWith(`/interactions/${handle.id}/`));
    expect(recorded?.status).toBe(400);
    // A rejected body does not acknowledge: a corrected reply is still accepted.
    expect(fake.interactionAcks().find((a) => a.id === handle.id)?.ackType).toBeNull();
  });

  it('answers a second callback for the same interaction with 40060', async () => {
    const received = nextInteraction(client);
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'twice' }));
    const interaction = await received;
    assertChatInput(interaction);
    await interaction.reply({ content: 'first', allowedMentions: SILENT });
    // discord.js refuses a second reply locally, so go through its REST client like a buggy bot would.
    const error = await client.rest
      .post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'second', allowed_mentions: SILENT } },
        auth: false,
      })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(40060);
    expect(handle.callbacks().map((c) => c.status)).toEqual([204, 400]);
  });

  it('records deferReply then editReply, ending the loading state', async () => {
    const received = nextInteraction(client);
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'slow one' }));
    const interaction = await received;
    assertChatInput(interaction);
    await interaction.deferReply();
    expect((await handle.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((handle.original()?.flags ?? 0) & MessageFlags.Loading).toBe(MessageFlags.Loading);

    const message = await interaction.editReply({ content: 'Done.', allowedMentions: SILENT });
    expect(message.content).toBe('Done.');
    const edit = await handle.waitForEdit();
    expect(edit.messageId).toBe('@original');
    expect(handle.original()?.content).toBe('Done.');
    expect((handle.original()?.flags ?? 0) & MessageFlags.Loading).toBe(0);

    const followUp = await interaction.followUp({ content: 'More.', allowedMentions: SILENT });
    expect(followUp.content).toBe('More.');
    expect(handle.followups()).toHaveLength(1);

    expect((await interaction.fetchReply()).content).toBe('Done.');
    await interaction.deleteReply();
    expect(handle.original()).toBeNull();
    expect(handle.webhookCalls().map((c) => `${c.kind}:${c.status}`)).toEqual([
      'edit:200',
      'followup:200',
      'get:200',
      'delete:204',
    ]);
  });

  it('rejects a webhook edit before any acknowledgement with 10015', async () => {
    const received = nextInteraction(client);
    fake.sendInteraction(slashCommand('ask', { question: 'edit first' }));
    const interaction = await received;
    const error = await client.rest
      .patch(Routes.webhookMessage(fake.applicationId, interaction.token, '@original'), {
        body: { content: 'x', allowed_mentions: SILENT },
        auth: false,
      })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(10015);
  });

  it('records autocomplete choices and rejects more than 25', async () => {
    let received = nextInteraction(client);
    const handle = fake.sendInteraction(
      autocomplete('ask', [{ name: 'article', value: 'elec', focused: true }]),
    );
    let interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'article', value: 'elec' });
    await interaction.respond([{ name: 'Election night', value: 'election-night' }]);
    const response = await handle.response();
    expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(response.data).toEqual({ choices: [{ name: 'Election night', value: 'election-night' }] });

    received = nextInteraction(client);
    fake.sendInteraction(autocomplete('ask', { article: 'e' }));
    interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    const many = Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
    const error = await interaction.respond(many).catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50035);
  });

  it('delivers button clicks and message context menus; update is a type-7 callback', async () => {
    let received = nextInteraction(client);
    const first = fake.sendInteraction(slashCommand('ask', { question: 'card' }));
    const command = await received;
    assertChatInput(command);
    await command.reply({
      content: 'Card',
      allowedMentions: SILENT,
      components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'more:1', label: 'More' }] }],
    });
    await first.response();
    const card = first.original();
    if (card === null) throw new Error('no original');

    received = nextInteraction(client);
    const click = fake.sendInteraction(buttonClick('more:1', card, { permissions: PERMISSIONS.moderator }));
    const button = await received;
    if (!button.isButton()) throw new Error('expected a button');
    expect(button.customId).toBe('more:1');
    expect(button.message.id).toBe(card.id);
    expect(button.memberPermissions?.has('ManageMessages')).toBe(true);
    await button.update({ content: 'Card (expanded)', allowedMentions: SILENT, components: [] });
    expect((await click.response()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(click.original()?.content).toBe('Card (expanded)');

    received = nextInteraction(client);
    const target = fake.message({ content: 'Is this true?' });
    fake.sendInteraction(messageContextMenu('Check claim', target));
    const menu = await received;
    if (!menu.isMessageContextMenuCommand()) throw new Error('expected a message context menu');
    expect(menu.targetMessage.content).toBe('Is this true?');
    expect(menu.memberPermissions?.has('ManageMessages')).toBe(false);
  });

  it('parses multipart replies (payload_json + files)', async () => {
    const received = nextInteraction(client);
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'file' }));
    const interaction = await received;
    assertChatInput(interaction);
    await interaction.reply({
      content: 'attached',
      allowedMentions: SILENT,
      files: [new AttachmentBuilder(Buffer.from('hello'), { name: 'notes.txt' })],
    });
    await handle.response();
    const request = fake.requests.find((r) => r.path.startsWith(`/interactions/${handle.id}/`));
    expect(request?.body).toMatchObject({ type: 4, data: { content: 'attached' } });
    expect(request?.files).toEqual([{ field: 'files[0]', name: 'notes.txt', size: 5 }]);
  });

  it('waits out an injected 429 (Retry-After headers) and then succeeds', async () => {
    const received = nextInteraction(client);
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'busy' }));
    const interaction = await received;
    fake.failNext({
      method: 'POST',
      pathIncludes: `/interactions/${handle.id}/`,
      status: 429,
      retryAfter: 0.2,
    });
    await (interaction.isChatInputCommand()
      ? interaction.reply({ content: 'ok', allowedMentions: SILENT })
      : null);
    const statuses = fake.requests
      .filter((r) => r.path.startsWith(`/interactions/${handle.id}/`))
      .map((r) => r.status);
    expect(statuses).toEqual([429, 204]);
    expect((await handle.response()).ms).toBeGreaterThanOrEqual(200);
  });

  it('holds a request injected with delayNext and counts the ack after the delay', async () => {
    const received = nextInteraction(client);
    const handle = fake.sendInteraction(slashCommand('ask', { question: 'slow network' }));
    const interaction = await received;
    assertChatInput(interaction);
    fake.delayNext({ pathIncludes: `/interactions/${handle.id}/`, ms: 150 });
    await interaction.deferReply();
    const response = await handle.response();
    expect(response.ms).toBeGreaterThanOrEqual(150);
    expect(fake.requests.find((r) => r.path.startsWith(`/interactions/${handle.id}/`))?.delayedMs).toBe(150);
  });

  it('registers commands with ids and counts PUTs', async () => {
    const before = fake.commandPutCount();
    await client.application?.commands.set([{ name: 'ask', description: 'Ask about an article' }]);
    expect(fake.commandPutCount()).toBe(before + 1);
    const [command] = fake.registeredCommands();
    expect(command?.name).toBe('ask');
    expect(command?.id).toMatch(/^\d{17,19}$/);
    const fetched = await client.application?.commands.fetch();
    expect(fetched?.first()?.id).toBe(command?.id);
    expect(fake.commandPutCount()).toBe(before + 1);
  });

  it('rejects a channel post that could ping and accepts a silent one', async () => {
    const channelId = fake.guilds[0]?.channelId ?? '';
    const channel = client.channels.cache.get(channelId);
    if (channel === undefined || !channel.isSendable()) throw new Error('channel not cached');
    const error = await channel.send({ content: 'hi' }).catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50035);
    const sent = await channel.send({ content: 'card', allowedMentions: SILENT });
    expect(fake.channelMessages(channelId).map((m) => m.id)).toContain(sent.id);
  });

  it('resumes after op 7 RECONNECT and keeps delivering interactions', async () => {
    const identifies = fake.gatewayEvents.filter((e) => e.kind === 'identify').length;
    const since = Date.now();
    fake.requestReconnect();
    await fake.waitForGatewayEvent('resumed', { since });
    const received = nextInteraction(client);
    fake.sendInteraction(slashCommand('ask', { question: 'after reconnect' }));
    expect((await received).id).toBeDefined();
    expect(fake.gatewayEvents.filter((e) => e.kind === 'identify')).toHaveLength(identifies);
  });

  it('resumes after a dropped socket mid-burst and delivers every interaction exactly once', async () => {
    const seen: string[] = [];
    const listener = (i: Interaction): void => void seen.push(i.id);
    client.on(Events.InteractionCreate, listener);
    try {
      const since = Date.now();
      const sent = [1, 2, 3].map(
        (n) => fake.sendInteraction(slashCommand('ask', { question: `burst ${n}` })).id,
      );
      fake.dropConnections();
      sent.push(
        ...[4, 5].map((n) => fake.sendInteraction(slashCommand('ask', { question: `burst ${n}` })).id),
      );
      await fake.waitForGatewayEvent('resumed', { since });
      await fake.waitFor(() => seen.length >= sent.length, { description: 'all burst interactions' });
      expect([...seen].sort()).toEqual([...sent].sort());
    } finally {
      client.off(Events.InteractionCreate, listener);
    }
  });

  it('resumes after a zombie connection (heartbeats not acknowledged)', async () => {
    const since = Date.now();
    fake.stopHeartbeatAcks();
    await fake.waitForGatewayEvent('resumed', { since }, { timeoutMs: 4000 });
    const received = nextInteraction(client);
    fake.sendInteraction(slashCommand('ask', { question: 'after zombie' }));
    await received;
  });
});

describe('fake Discord deadlines and refusals', () => {
  it('answers a late first reply with 10062 Unknown interaction', async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 200, deadlineMs: 150 });
    const client = await connect(fake).catch(async (e: unknown) => {
      await fake.close();
      throw e;
    });
    try {
      const received = nextInteraction(client);
      const handle = fake.sendInteraction(slashCommand('ask', { question: 'late' }));
      const interaction = await received;
      assertChatInput(interaction);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const error = await interaction
        .reply({ content: 'too late', allowedMentions: SILENT })
        .catch((e: unknown) => e);
      expect((error as DiscordAPIError).code).toBe(10062);
      expect((await handle.firstAttempt()).status).toBe(404);
      expect(fake.interactionAcks()[0]?.ackMs).toBeNull();
    } finally {
      await destroy(client);
      await fake.close();
    }
  });

  it('refuses a wrong token', async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 200 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    try {
      await expect(withTimeout(client.login('not-the-token'), 5000, 'login')).rejects.toThrow();
      expect(fake.requests.find((r) => r.path === '/gateway/bot')?.status).toBe(401);
    } finally {
      await destroy(client);
      await fake.close();
    }
  });

  it('closes with 4014 when the client asks for a disallowed intent', async () => {
    const fake = await startFakeDiscord({
      heartbeatIntervalMs: 200,
      disallowedIntents: GatewayIntentBits.GuildMembers,
    });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
      rest: { api: fake.apiUrl },
    });
    try {
      await expect(withTimeout(client.login(fake.token), 5000, 'login')).rejects.toThrow();
      expect(fake.gatewayEvents.find((e) => e.kind === 'reject')?.code).toBe(4014);
    } finally {
      await destroy(client);
      await fake.close();
    }
  });
});

describe('fake Discord gateway protocol (raw WebSocket)', () => {
  async function openRaw(
    url: string,
  ): Promise<{ ws: WebSocket; messages: { op: number; t?: string | null; d: unknown }[] }> {
    const ws = new WebSocket(url);
    const messages: { op: number; t?: string | null; d: unknown }[] = [];
    ws.on('message', (data: Buffer) =>
      messages.push(JSON.parse(data.toString('utf8')) as (typeof messages)[number]),
    );
    await once(ws, 'open');
    return { ws, messages };
  }

  it('refuses compress=zlib-stream with a clear close reason', async () => {
    const fake = await startFakeDiscord();
    try {
      const { ws } = await openRaw(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
      const [code, reason] = (await withTimeout(once(ws, 'close'), 2000, 'close')) as [number, Buffer];
      expect(code).toBe(4002);
      expect(reason.toString()).toContain('compress=zlib-stream');
    } finally {
      await fake.close();
    }
  });

  it('sends HELLO, acks heartbeats and closes with 4004 on a wrong IDENTIFY token', async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 1234 });
    try {
      const { ws, messages } = await openRaw(`${fake.gatewayUrl}?v=10&encoding=json`);
      await fake.waitFor(() => messages.length >= 1);
      expect(messages[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 1234 } });
      ws.send(JSON.stringify({ op: 1, d: null }));
      await fake.waitFor(() => messages.some((m) => m.op === 11), { description: 'heartbeat ACK' });
      ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {}, shard: [0, 1] } }));
      const [code] = (await withTimeout(once(ws, 'close'), 2000, 'close')) as [number, Buffer];
      expect(code).toBe(4004);
    } finally {
      await fake.close();
    }
  });
});

describe('fake Discord sharding', () => {
  it('gives each of two clients (shards [0] and [1] of 2) only its own guild', async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 200, shardCount: 2 });
    const clients: Client[] = [];
    try {
      clients.push(await connect(fake, { shards: [0], shardCount: 2 }));
      clients.push(await connect(fake, { shards: [1], shardCount: 2 }));
      expect(fake.connectedShards()).toEqual([0, 1]);
      for (const [shardId, client] of clients.entries()) {
        const guild = fake.guilds.find((g) => g.shardId === shardId);
        if (guild === undefined) throw new Error(`no guild on shard ${shardId}`);
        expect(shardForGuild(guild.id, 2)).toBe(shardId);
        expect([...client.guilds.cache.keys()]).toEqual([guild.id]);
      }

      const got: [number, string | null][] = [];
      const listeners = clients.map((client, index) => {
        const listener = (i: Interaction): void => void got.push([index, i.guildId]);
        client.on(Events.InteractionCreate, listener);
        return listener;
      });
      for (const guild of fake.guilds)
        fake.sendInteraction(slashCommand('ask', { question: guild.name }, { guildId: guild.id }));
      await fake.waitFor(() => got.length >= 2, { description: 'both interactions' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(got.sort()).toEqual(fake.guilds.map((g) => [g.shardId, g.id] as [number, string]).sort());
      clients.forEach((client, index) =>
        client.off(Events.InteractionCreate, listeners[index] ?? (() => undefined)),
      );
    } finally {
      for (const client of clients) await destroy(client);
      await fake.close();
    }
  });
});

describe('fake Discord body validation', () => {
  const silent = { allowed_mentions: { parse: [] } };
  const cases: [string, unknown, string][] = [
    ['content over 2000', { ...silent, content: 'x'.repeat(2001) }, 'content'],
    [
      'more than 10 embeds',
      { ...silent, embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
      'embeds',
    ],
    ['embed title over 256', { ...silent, embeds: [{ title: 'x'.repeat(257) }] }, 'embeds.0.title'],
    [
      'embed description over 4096',
      { ...silent, embeds: [{ description: 'x'.repeat(4097) }] },
      'embeds.0.description',
    ],
    [
      'more than 25 fields',
      { ...silent, embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      'embeds.0.fields',
    ],
    [
      'field name over 256',
      { ...silent, embeds: [{ fields: [{ name: 'x'.repeat(257), value: 'v' }] }] },
      'embeds.0.fields.0.name',
    ],
    [
      'field value over 1024',
      { ...silent, embeds: [{ fields: [{ name: 'n', value: 'x'.repeat(1025) }] }] },
      'embeds.0.fields.0.value',
    ],
    [
      'footer over 2048',
      { ...silent, embeds: [{ footer: { text: 'x'.repeat(2049) } }] },
      'embeds.0.footer.text',
    ],
    [
      'author name over 256',
      { ...silent, embeds: [{ author: { name: 'x'.repeat(257) } }] },
      'embeds.0.author.name',
    ],
    [
      'embeds over 6000 in total',
      { ...silent, embeds: [{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }] },
      'embeds',
    ],
    [
      'more than 5 action rows',
      { ...silent, components: Array.from({ length: 6 }, () => ({ type: 1, components: [] })) },
      'components',
    ],
    [
      'more than 5 buttons in a row',
      {
        ...silent,
        components: [
          {
            type: 1,
            components: Array.from({ length: 6 }, (_, i) => ({
              type: 2,
              style: 1,
              custom_id: `b${i}`,
              label: 'b',
            })),
          },
        ],
      },
      'components.0.components',
    ],
    [
      'custom_id over 100',
      {
        ...silent,
        components: [
          { type: 1, components: [{ type: 2, style: 1, custom_id: 'x'.repeat(101), label: 'b' }] },
        ],
      },
      'components.0.components.0.custom_id',
    ],
    [
      'button label over 80',
      {
        ...silent,
        components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'b', label: 'x'.repeat(81) }] }],
      },
      'components.0.components.0.label',
    ],
    ['no allowed_mentions', { content: 'hi' }, 'allowed_mentions'],
    [
      'allowed_mentions that parses users',
      { content: 'hi', allowed_mentions: { parse: ['users'] } },
      'allowed_mentions',
    ],
  ];

  it.each(cases)('rejects %s', (_name, body, path) => {
    const errors = validateMessageBody(body, { requireSilentMentions: true });
    expect(errors).toHaveProperty(`${path}._errors`);
  });

  it('accepts a body at the limits', () => {
    const body = {
      ...silent,
      content: 'x'.repeat(2000),
      embeds: [{ title: 'x'.repeat(256), description: 'x'.repeat(4096), footer: { text: 'x'.repeat(1648) } }],
    };
    expect(validateMessageBody(body, { requireSilentMentions: true })).toBeNull();
  });

  it('checks autocomplete choice names and values are 1–100 characters', () => {
    expect(validateAutocompleteBody({ choices: [{ name: '', value: 'v' }] })).toHaveProperty(
      'data.choices.0.name._errors',
    );
    expect(validateAutocompleteBody({ choices: [{ name: 'n', value: 'x'.repeat(101) }] })).toHaveProperty(
      'data.choices.0.value._errors',
    );
    expect(validateAutocompleteBody({ choices: [{ name: 'n', value: 1 }] })).toBeNull();
  });
});
