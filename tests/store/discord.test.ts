import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../src/app.ts';
import { MESSAGES } from '../../src/discord/interactions.ts';
import { launchBot } from '../../src/discord/start.ts';
import type { RunningBot } from '../../src/discord/start.ts';
import { openLibrary } from '../../src/store/open.ts';
import { slashCommandWithAttachment } from '../fake-discord/attachments.ts';
import { PERMISSIONS, nextSnowflake, slashCommand, startFakeDiscord } from '../fake-discord/index.ts';
import type { FakeDiscord, InteractionHandle } from '../fake-discord/index.ts';
import type { InteractionInit } from '../fake-discord/interactions.ts';
import { FAKE_TOKEN, fakeConfig, memoryLogger, messageOf, newUser, textOf } from '../e2e/harness.ts';
import { FIXTURES } from '../helpers/kb.ts';
import { FERRY_MD, orchardHtml, rss } from './fixtures.ts';

/**
 * /article and /feed through the real discord.js client against the fake Discord: permissions
 * (Manage Messages or the configured role), an attachment fetched from a CDN on loopback, per-server
 * answers, and a feed card posted into its channel.
 */

const ROLE = nextSnowflake();
let fake: FakeDiscord;
let bot: RunningBot;
let cdn: Server;
let cdnBase = '';
let dataDir = '';
const files = new Map<string, { type: string; body: string }>();

beforeAll(async () => {
  cdn = createServer((req, res) => {
    const file = files.get(req.url ?? '');
    if (file === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  cdnBase = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
  files.set('/attachments/1/ferry.md', { type: 'text/markdown; charset=utf-8', body: FERRY_MD });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-discord-'));
  fake = await startFakeDiscord({ token: FAKE_TOKEN, heartbeatIntervalMs: 2000, guilds: [{}, {}] });
  const config = fakeConfig(fake, { MODERATOR_ROLE_ID: ROLE, DATA_DIR: dataDir, ALLOW_PRIVATE_URLS: 'on' });
  const app = await loadApp({ articlesDir: FIXTURES });
  app.library = (await openLibrary(app, { dataDir, allowPrivate: true })).library;
  bot = await launchBot(config, { app, logger: memoryLogger([FAKE_TOKEN]).logger, loginTimeoutMs: 10_000 });
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  bot?.app.library?.close();
  await fake?.close();
  await new Promise((resolve) => cdn.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

/** The final text of an interaction's answer (the edit, when it was deferred). */
async function answerText(handle: InteractionHandle): Promise<string> {
  const callback = await handle.response();
  if (callback.type === 5)
    return textOf(messageOf(await handle.waitForEdit(1, { timeoutMs: 15_000 }), 'edit'));
  return textOf(messageOf(callback));
}

const send = (init: InteractionInit): Promise<string> => answerText(fake.sendInteraction(init));

describe('/article on Discord', () => {
  it('refuses a member without Manage Messages or the moderator role', async () => {
    const text = await send(
      slashCommand(
        'article',
        { action: 'add', url: `${cdnBase}/x` },
        { user: newUser(), permissions: PERMISSIONS.member },
      ),
    );
    expect(text).toContain(MESSAGES.refused);
  });

  it('adds an attached file for a member with the moderator role; only that server can ask about it', async () => {
    const [first, second] = fake.guilds;
    const added = await send(
      slashCommandWithAttachment(
        'article',
        { action: 'add' },
        {
          option: 'file',
          filename: 'ferry.md',
          url: `${cdnBase}/attachments/1/ferry.md`,
          contentType: 'text/markdown',
        },
        { user: newUser('mod'), permissions: PERMISSIONS.member, roles: [ROLE], guildId: first?.id ?? '' },
      ),
    );
    expect(added).toContain('Island ferry service halted after storm damage');
    const here = await send(
      slashCommand(
        'who-said',
        { quote: 'Fresh milk lasts two days' },
        { user: newUser(), guildId: first?.id ?? '' },
      ),
    );
    expect(here).toContain('Pablo Ferreira');
    const there = await send(
      slashCommand(
        'who-said',
        { quote: 'Fresh milk lasts two days' },
        { user: newUser(), guildId: second?.id ?? '' },
      ),
    );
    expect(there).not.toContain('Pablo Ferreira');
  });

  it('follows a feed and posts a card for a new item into the chosen channel', async () => {
    const guild = fake.guilds[0];
    const channel = guild?.channelId ?? '';
    files.set('/feed.xml', { type: 'application/rss+xml', body: rss([]) });
    const followed = await send(
      slashCommand(
        'feed',
        { action: 'add', url: `${cdnBase}/feed.xml`, channel },
        { user: newUser('mod'), permissions: PERMISSIONS.moderator, guildId: guild?.id ?? '' },
      ),
    );
    expect(followed).toMatch(/Following/);
    files.set('/orchard', { type: 'text/html', body: orchardHtml(`${cdnBase}/orchard`) });
    files.set('/feed.xml', {
      type: 'application/rss+xml',
      body: rss([{ title: 'Frost', link: `${cdnBase}/orchard` }]),
    });
    await bot.added?.pollFeeds();
    const cards = fake.channelMessages(channel).map((m) => m.content);
    expect(
      cards.some((c) => /Orchard growers count frost losses.*Valley Courier.*ask me about it/.test(c)),
    ).toBe(true);
    const asked = await send(
      slashCommand(
        'who-said',
        { quote: 'never seen the blossom turn brown' },
        { user: newUser(), guildId: guild?.id ?? '' },
      ),
    );
    expect(asked).toContain('Henrik Lund');
  });
});
