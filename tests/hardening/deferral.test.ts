import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../src/answer.ts';
import type { Command } from '../../src/command.ts';
import { launchBot } from '../../src/discord/start.ts';
import type { RunningBot } from '../../src/discord/start.ts';
import { slashCommand, startFakeDiscord } from '../fake-discord/index.ts';
import type { FakeDiscord } from '../fake-discord/index.ts';
import { FAKE_TOKEN, fakeConfig, memoryLogger, messageOf, newUser, textOf } from '../e2e/harness.ts';

/**
 * Synchronous work blocks the event loop, so no "defer if slow" timer can fire while it runs.
 * A command declared slow, or one seen to be slow, is acknowledged before it runs: the fake
 * Discord's deadline (shortened here, as Discord's 3 s) is met and the answer arrives as an edit.
 */

/** Blocks the thread for `ms`, as a heavy synchronous answer does. */
function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

const DEADLINE_MS = 800;

function blocking(name: string, ms: number, slow: boolean): Command {
  return {
    data: new SlashCommandBuilder().setName(name).setDescription('Blocks, then answers'),
    ...(slow ? { slow: true } : {}),
    run: () => {
      block(ms);
      return ok(name, [{ kind: 'passage', text: `finished ${name}` }]);
    },
  };
}

let fake: FakeDiscord;
let bot: RunningBot;
beforeAll(async () => {
  fake = await startFakeDiscord({ token: FAKE_TOKEN, heartbeatIntervalMs: 2000, deadlineMs: DEADLINE_MS });
  const { logger } = memoryLogger([FAKE_TOKEN]);
  const { loadApp } = await import('../../src/app.ts');
  const app = await loadApp({ articlesDir: 'seeds' });
  bot = await launchBot(fakeConfig(fake), {
    app,
    logger,
    loginTimeoutMs: 10_000,
    commands: new Map([
      ...app.commands,
      ['declared-slow', blocking('declared-slow', DEADLINE_MS * 1.5, true)],
      ['sometimes-slow', blocking('sometimes-slow', 300, false)],
    ]),
    deferral: { slowMs: 200 },
  });
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('acknowledging synchronous work in time', () => {
  it('a command declared slow is deferred before it blocks, then edited with the answer', async () => {
    const handle = fake.sendInteraction(slashCommand('declared-slow', {}, { user: newUser() }));
    expect((await handle.response()).type).toBe(5);
    const edit = await handle.waitForEdit(1);
    expect(textOf(messageOf(edit, 'edit'))).toContain('finished declared-slow');
  });

  it('a command seen blocking once is deferred first the next time', async () => {
    const first = fake.sendInteraction(slashCommand('sometimes-slow', {}, { user: newUser() }));
    expect((await first.response()).type).toBe(4);
    const second = fake.sendInteraction(slashCommand('sometimes-slow', {}, { user: newUser() }));
    expect((await second.response()).type).toBe(5);
    expect(textOf(messageOf(await second.waitForEdit(1), 'edit'))).toContain('finished sometimes-slow');
  });

  it('ordinary commands are still answered directly', async () => {
    const handle = fake.sendInteraction(slashCommand('articles', {}, { user: newUser() }));
    expect((await handle.response()).type).toBe(4);
    expect(fake.interactionAcks().filter((a) => a.ackType === null)).toEqual([]);
  });
});
