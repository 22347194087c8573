import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../src/answer.ts';
import { loadApp } from '../../src/app.ts';
import type { Command } from '../../src/command.ts';
import { MAX_PATTERN, createAutocompleteGuard } from '../../src/discord/autocomplete-guard.ts';
import { autocomplete } from '../fake-discord/index.ts';
import { newUser, startHarness } from '../e2e/harness.ts';
import type { Harness } from '../e2e/harness.ts';

/**
 * Autocomplete arrives on every keystroke and no cooldown covers it. One member flooding it, or
 * typing long stop-word text, must not cost the bot more than a bounded amount of matching, and
 * every autocomplete interaction is still answered.
 */

const seen: string[] = [];
const recorder: Command = {
  data: new SlashCommandBuilder()
    .setName('typed')
    .setDescription('Records what autocomplete was asked')
    .addStringOption((o) => o.setName('text').setDescription('Anything').setAutocomplete(true)),
  run: () => ok('typed', []),
  autocomplete: (ctx) => {
    seen.push(ctx.focused.value);
    return [{ name: `you typed ${ctx.focused.value.length} characters`, value: 'x' }];
  },
};

let h: Harness;
beforeAll(async () => {
  const app = await loadApp({ articlesDir: 'seeds' });
  h = await startHarness({ app, commands: new Map([...app.commands, ['typed', recorder]]) });
}, 30_000);
afterAll(async () => {
  await h?.close();
});

const ask = async (user: { id: string; username: string }, text: string): Promise<unknown[]> => {
  const callback = await h.fake.sendInteraction(autocomplete('typed', { text }, 'text', { user })).response();
  expect(callback.type).toBe(8);
  return (callback.data as { choices: unknown[] }).choices;
};

describe('autocomplete under a flood', () => {
  it('matches at most the first characters of a very long text', async () => {
    seen.length = 0;
    await ask(newUser(), `council ${'x'.repeat(5000)}`);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.length).toBeLessThanOrEqual(MAX_PATTERN);
  });

  it('answers stop-word-only text with no choices, without matching anything', async () => {
    seen.length = 0;
    expect(await ask(newUser(), 'a a a a a a a a a a a a a a a a a a a a a a a a a a a a a')).toEqual([]);
    expect(await ask(newUser(), 'the of and to in')).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('answers every keystroke of a flooding member, matching only a few; others are unaffected', async () => {
    seen.length = 0;
    const flooder = newUser('flooder');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => ask(flooder, `council ${i}`)));
    expect(answers).toHaveLength(30);
    expect(seen.length).toBeLessThan(15);
    expect(answers.filter((a) => a.length === 0).length).toBeGreaterThan(15);
    expect(await ask(newUser('bystander'), 'council')).toHaveLength(1);
  });
});

describe('the guard', () => {
  it('lets a user type again once the window has passed', () => {
    let now = 0;
    const guard = createAutocompleteGuard({ perUser: 2, windowMs: 1000, now: () => now });
    expect(guard.check('u', 'lav').ok).toBe(true);
    expect(guard.check('u', 'lavr').ok).toBe(true);
    expect(guard.check('u', 'lavro')).toEqual({ ok: false, reason: 'flood' });
    now = 1500;
    expect(guard.check('u', 'lavrov').ok).toBe(true);
  });
});
