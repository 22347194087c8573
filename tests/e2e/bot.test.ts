import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import { fail } from '../../src/answer.ts';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import type { Command } from '../../src/command.ts';
import { WHO_SAID_THIS } from '../../src/discord/context-menu.ts';
import { MESSAGES } from '../../src/discord/interactions.ts';
import {
  PERMISSIONS,
  autocomplete,
  buttonClick,
  messageContextMenu,
  slashCommand,
} from '../fake-discord/index.ts';
import type { InteractionHandle } from '../fake-discord/index.ts';
import {
  FAKE_TOKEN,
  SEEDS,
  customIds,
  isEphemeral,
  messageOf,
  newUser,
  startHarness,
  textOf,
} from './harness.ts';
import type { Harness } from './harness.ts';

/**
 * The real bot (launchBot: articles from seeds/, the command registry, discord.js) against the
 * local fake Discord. Every test uses its own user so the per-user cooldown stays out of the way.
 */

let h: Harness;
let app: App;

beforeAll(async () => {
  app = await loadApp({ articlesDir: SEEDS });
  h = await startHarness({ app });
});

afterAll(async () => {
  await h?.close();
});

async function ask(
  name: string,
  options: Record<string, string | number | boolean> = {},
  extras: Parameters<typeof slashCommand>[2] = {},
) {
  const handle = h.fake.sendInteraction(slashCommand(name, options, { user: newUser(), ...extras }));
  const callback = await handle.response();
  return { handle, callback, data: messageOf(callback, `/${name}`) };
}

describe('slash commands', () => {
  it('/who-said quote:hasty withdrawal answers Sergei Lavrov with a ¶5 citation, publicly', async () => {
    const { callback, data } = await ask('who-said', { quote: 'hasty withdrawal' });
    expect(callback.type).toBe(4);
    expect(isEphemeral(data)).toBe(false);
    const embed = data.embeds?.[0];
    expect(embed?.author?.name).toContain('Sergei Lavrov');
    expect(embed?.description).toContain('hasty withdrawal');
    expect(embed?.footer?.text).toMatch(/^¶5 · Russia Ready to Activate Tajikistan Military Base/);
    expect(embed?.footer?.text).toContain('Global Research');
    expect(customIds(data)).toContain('ctx:5:russia-tajikistan-base');
    expect(callback.ms).toBeLessThan(3000);
  });

  const cases: [string, Record<string, string | number | boolean>][] = [
    ['articles', {}],
    ['ask', { question: 'How many reservists did Tajikistan activate?' }],
    ['check-quote', { text: 'hasty withdrawal' }],
    ['facts', { topic: 'soldiers' }],
    ['help', { command: 'who-said' }],
    ['quotes', { speaker: 'Lavrov' }],
    ['source', { article: 'russia-tajikistan-base' }],
    ['summary', { length: 'short' }],
    ['who', { name: 'Lavrov' }],
    ['who-said', { quote: 'hasty withdrawal', article: 'russia-tajikistan-base' }],
  ];
  it.each(cases)('/%s with options answers with embeds, mentions off', async (name, options) => {
    const { callback, data } = await ask(name, options);
    expect(callback.type).toBe(4);
    expect(callback.status).toBeLessThan(300);
    expect(data.embeds?.length ?? 0).toBeGreaterThan(0);
    expect(isEphemeral(data)).toBe(false);
  });

  it('cites a paragraph in every cited answer', async () => {
    const { data } = await ask('ask', { question: 'How many reservists did Tajikistan activate?' });
    expect(data.embeds?.some((e) => /^¶\d+ · /.test(e.footer?.text ?? ''))).toBe(true);
  });

  it('hide:true answers privately (flags 64)', async () => {
    const { data } = await ask('who-said', { quote: 'hasty withdrawal', hide: true });
    expect(isEphemeral(data)).toBe(true);
    expect(textOf(data)).toContain('Lavrov');
  });

  it('a miss is private', async () => {
    const { callback, data } = await ask('who-said', { quote: 'purple elephants dancing on saturn' });
    expect(callback.type).toBe(4);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toMatch(/No quote|Nobody|not/i);
  });

  it('bad input is a private error', async () => {
    const { data } = await ask('help', { command: 'no-such-thing' });
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('⚠️');
  });

  it('an unknown command gets a private message', async () => {
    const { data } = await ask('no-such-command');
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe(MESSAGES.unknownCommand('no-such-command'));
  });

  it('echoed user text cannot mention or format', async () => {
    const { data } = await ask('help', { command: '@everyone **bold** <@123456789012345678>' });
    expect(data.content).not.toMatch(/@everyone/);
    expect(data.content).not.toContain('<@1');
    expect(data.content).not.toMatch(/(?<!\\)\*\*bold/);
  });
});

describe('autocomplete', () => {
  it('suggests quotes (≤ 25 choices, 1–100 chars)', async () => {
    const handle = h.fake.sendInteraction(
      autocomplete('who-said', { quote: 'hasty' }, 'quote', { user: newUser() }),
    );
    const callback = await handle.response();
    expect(callback.type).toBe(8);
    const choices = (callback.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeGreaterThanOrEqual(1);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(callback.ms).toBeLessThan(3000);
  });

  it('suggests commands for /help and articles for article options', async () => {
    const help = await h.fake
      .sendInteraction(autocomplete('help', { command: 'who' }, 'command', { user: newUser() }))
      .response();
    expect((help.data as { choices: { value: string }[] }).choices.map((c) => c.value)).toContain('who-said');
    const article = await h.fake
      .sendInteraction(
        autocomplete('quotes', { speaker: 'Lavrov', article: 'tajik' }, 'article', { user: newUser() }),
      )
      .response();
    expect((article.data as { choices: { value: string }[] }).choices.map((c) => c.value)).toContain(
      'russia-tajikistan-base',
    );
  });

  it('answers [] for a command without autocomplete', async () => {
    const callback = await h.fake
      .sendInteraction(autocomplete('articles', { x: 'a' }, 'x', { user: newUser() }))
      .response();
    expect(callback.type).toBe(8);
    expect((callback.data as { choices: unknown[] }).choices).toEqual([]);
  });
});

describe('buttons', () => {
  async function pagedHelp(user: {
    id: string;
    username: string;
  }): Promise<{ handle: InteractionHandle; ids: string[] }> {
    const handle = h.fake.sendInteraction(slashCommand('help', {}, { user }));
    const data = messageOf(await handle.response());
    expect(data.content).toMatch(/Page 1 of \d+/);
    return { handle, ids: customIds(data) };
  }

  it('the invoker pages with Previous/Next (callback 7)', async () => {
    const user = newUser();
    const { handle, ids } = await pagedHelp(user);
    const next = ids.find((id) => id.startsWith('pg:') && id.endsWith(':n'));
    expect(next).toBeDefined();
    const message = handle.original();
    expect(message).not.toBeNull();
    const click = h.fake.sendInteraction(buttonClick(next ?? '', message!, { user }));
    const callback = await click.response();
    expect(callback.type).toBe(7);
    const data = messageOf(callback, 'page 2');
    expect(data.content).toMatch(/Page 2 of \d+/);
    const prev = customIds(data).find((id) => id.endsWith(':p'));
    expect(
      data.components?.flatMap((r) => r.components).find((c) => c.custom_id === prev)?.disabled,
    ).toBeUndefined();
  });

  it('someone else gets a private "only the person who asked"', async () => {
    const { handle, ids } = await pagedHelp(newUser());
    const next = ids.find((id) => id.endsWith(':n')) ?? '';
    const callback = await h.fake
      .sendInteraction(buttonClick(next, handle.original()!, { user: newUser('other') }))
      .response();
    expect(callback.type).toBe(4);
    const data = messageOf(callback);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe(MESSAGES.notOwner);
  });

  it('/quotes, /facts and /articles page when long', async () => {
    for (const [name, options] of [
      ['facts', {}],
      ['quotes', { speaker: 'Lavrov' }],
      ['articles', {}],
    ] as const) {
      const { data } = await ask(name, options);
      const total = Number(/· (\d+) results/.exec(data.content ?? '')?.[1] ?? data.embeds?.length ?? 0);
      expect(data.embeds?.length ?? 0, `/${name}`).toBeLessThanOrEqual(4);
      if (total > 4) expect(customIds(data).some((id) => id.startsWith('pg:'))).toBe(true);
    }
  });

  it('Show context replies privately with ¶N-1, ¶N, ¶N+1', async () => {
    const { handle, data } = await ask('who-said', { quote: 'hasty withdrawal' });
    const ctx = customIds(data).find((id) => id.startsWith('ctx:')) ?? '';
    const callback = await h.fake
      .sendInteraction(buttonClick(ctx, handle.original()!, { user: newUser('someone') }))
      .response();
    expect(callback.type).toBe(4);
    const reply = messageOf(callback, 'context');
    expect(isEphemeral(reply)).toBe(true);
    const text = reply.embeds?.[0]?.description ?? '';
    expect(text).toContain('¶4');
    expect(text).toContain('**¶5**');
    expect(text).toContain('¶6');
    expect(text).toContain('hasty withdrawal');
  });

  it('an unknown or malformed button is "no longer valid", privately', async () => {
    const { handle } = await ask('who-said', { quote: 'hasty withdrawal' });
    for (const id of ['zz:1', 'pg:notanid:1', 'ctx:0:x', 'pg:abcdefghij:1']) {
      const callback = await h.fake
        .sendInteraction(buttonClick(id, handle.original()!, { user: newUser() }))
        .response();
      const data = messageOf(callback, id);
      expect(isEphemeral(data)).toBe(true);
      expect([MESSAGES.invalidButton, MESSAGES.expired]).toContain(data.content);
    }
  });
});

describe('message context menu', () => {
  it('"Who said this?" checks a message privately', async () => {
    const message = h.fake.message({ content: 'Lavrov warned of a hasty withdrawal' });
    const callback = await h.fake
      .sendInteraction(messageContextMenu(WHO_SAID_THIS, message, { user: newUser() }))
      .response();
    expect(callback.type).toBe(4);
    const data = messageOf(callback, 'context menu');
    expect(isEphemeral(data)).toBe(true);
    expect(textOf(data)).toMatch(/¶\d/);
  });

  it('a message without text gets a private explanation', async () => {
    const message = h.fake.message({ content: '' });
    const data = messageOf(
      await h.fake
        .sendInteraction(messageContextMenu(WHO_SAID_THIS, message, { user: newUser() }))
        .response(),
    );
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('no text');
  });
});

describe('/pull-quote', () => {
  it('a moderator gets a private preview, then posts it publicly', async () => {
    const moderator = newUser('mod');
    const handle = h.fake.sendInteraction(
      slashCommand(
        'pull-quote',
        { quote: 'hasty withdrawal' },
        { user: moderator, permissions: PERMISSIONS.moderator },
      ),
    );
    const preview = messageOf(await handle.response(), 'preview');
    expect(isEphemeral(preview)).toBe(true);
    expect(preview.embeds?.[0]?.author?.name).toContain('Sergei Lavrov');
    const post = customIds(preview).find((id) => id.startsWith('post:')) ?? '';
    expect(post).not.toBe('');

    const click = h.fake.sendInteraction(
      buttonClick(post, handle.original()!, { user: moderator, permissions: PERMISSIONS.moderator }),
    );
    const updated = await click.response();
    expect(updated.type).toBe(7);
    expect(messageOf(updated, 'preview update').components).toEqual([]);
    const followup = await click.waitForFollowup(1);
    const card = messageOf(followup, 'posted card');
    expect(isEphemeral(card)).toBe(false);
    expect(card.embeds?.[0]?.footer?.text).toMatch(/^¶5 · /);
    expect(card.embeds?.[0]?.author?.name).toContain('Sergei Lavrov');

    // The preview is gone: a second click posts nothing.
    const again = await h.fake
      .sendInteraction(
        buttonClick(post, handle.original()!, { user: moderator, permissions: PERMISSIONS.moderator }),
      )
      .response();
    expect(isEphemeral(messageOf(again))).toBe(true);
  });

  it('a member is refused, for the command and for the post button', async () => {
    const { data } = await ask(
      'pull-quote',
      { quote: 'hasty withdrawal' },
      { permissions: PERMISSIONS.member },
    );
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe(MESSAGES.refused);

    const moderator = newUser('mod');
    const handle = h.fake.sendInteraction(
      slashCommand(
        'pull-quote',
        { quote: 'hasty withdrawal' },
        { user: moderator, permissions: PERMISSIONS.moderator },
      ),
    );
    const post = customIds(messageOf(await handle.response())).find((id) => id.startsWith('post:')) ?? '';
    // Same user, permission since removed.
    const refused = await h.fake
      .sendInteraction(
        buttonClick(post, handle.original()!, { user: moderator, permissions: PERMISSIONS.member }),
      )
      .response();
    expect(messageOf(refused).content).toBe(MESSAGES.refused);
    expect(h.fake.interactions().at(-1)?.followups()).toEqual([]);
  });
});

describe('cooldown', () => {
  it('the 6th command within 10 s gets a private "slow down"', async () => {
    const user = newUser('spammer');
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(
        messageOf(await h.fake.sendInteraction(slashCommand('articles', {}, { user })).response()),
      );
    expect(answers.slice(0, 5).every((d) => !isEphemeral(d))).toBe(true);
    const last = answers[5]!;
    expect(isEphemeral(last)).toBe(true);
    expect(last.content).toMatch(/Slow down: you can ask again in \d+ s\./);
    // Autocomplete is not counted.
    const suggest = await h.fake
      .sendInteraction(autocomplete('help', { command: 'w' }, 'command', { user }))
      .response();
    expect(suggest.type).toBe(8);
  });
});

describe('every answer', () => {
  it('came within 3 s, never leaked the token, and logged one line per interaction', async () => {
    const acks = h.fake.interactionAcks();
    expect(acks.length).toBeGreaterThan(20);
    for (const ack of acks) {
      expect(ack.ackMs, ack.label).not.toBeNull();
      expect(ack.ackMs ?? Infinity, ack.label).toBeLessThan(3000);
    }
    const worst = Math.max(...acks.map((a) => a.ackMs ?? 0));
    console.log(
      `first answers: ${acks.length}, slowest ${worst} ms, median ${acks.map((a) => a.ackMs ?? 0).sort((a, b) => a - b)[Math.floor(acks.length / 2)]} ms`,
    );
    expect(h.rawLogs()).not.toContain(FAKE_TOKEN);
    // The log line is written once the handler finishes, just after Discord has the answer.
    await vi.waitFor(() => expect(h.logs.filter((l) => l.msg === 'interaction').length).toBe(acks.length));
    const lines = h.logs.filter((l) => l.msg === 'interaction');
    for (const l of lines)
      expect(Object.keys(l)).toEqual(
        expect.arrayContaining(['interaction', 'command', 'user', 'ms', 'outcome']),
      );
  });
});

describe('failures', () => {
  let broken: Harness;
  const boom: Command = {
    data: new SlashCommandBuilder().setName('boom').setDescription('Throws'),
    run: () => {
      throw new Error(`kaboom with ${FAKE_TOKEN}`);
    },
    autocomplete: () => {
      throw new Error('autocomplete kaboom');
    },
  };
  const slow: Command = {
    data: new SlashCommandBuilder().setName('slow').setDescription('Takes a while'),
    run: () => new Promise((resolve) => setTimeout(() => resolve(fail('slow', 'done slowly')), 300)),
  };
  const slowOk: Command = {
    data: new SlashCommandBuilder().setName('slow-ok').setDescription('Takes a while, answers publicly'),
    run: async () => {
      await new Promise((r) => setTimeout(r, 300));
      return app.commands.get('who-said')!.run({
        kb: app.kb,
        commands: app.commands,
        options: {
          values: {},
          string: () => 'hasty withdrawal',
          optionalString: () => undefined,
          integer: () => undefined,
          boolean: () => false,
        },
      });
    },
  };

  beforeAll(async () => {
    broken = await startHarness({
      app,
      commands: new Map([...app.commands, ['boom', boom], ['slow', slow], ['slow-ok', slowOk]]),
      deferAfterMs: 100,
    });
  });
  afterAll(async () => {
    await broken?.close();
  });

  it('a command that throws is logged with the interaction id and answered privately; the bot lives on', async () => {
    const handle = broken.fake.sendInteraction(slashCommand('boom', {}, { user: newUser() }));
    const data = messageOf(await handle.response());
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('Something went wrong');
    const logged = broken.logs.find((l) => l.msg === 'command failed');
    expect(logged?.interaction).toBe(handle.id);
    expect(broken.rawLogs()).toContain('kaboom');
    expect(broken.rawLogs()).not.toContain(FAKE_TOKEN);
    // Still answering.
    const after = messageOf(
      await broken.fake
        .sendInteraction(slashCommand('who-said', { quote: 'hasty withdrawal' }, { user: newUser() }))
        .response(),
    );
    expect(textOf(after)).toContain('Lavrov');
  });

  it('autocomplete that throws responds with []', async () => {
    const callback = await broken.fake
      .sendInteraction(autocomplete('boom', { x: 'a' }, 'x', { user: newUser() }))
      .response();
    expect(callback.type).toBe(8);
    expect((callback.data as { choices: unknown[] }).choices).toEqual([]);
  });

  it('a slow command is deferred, then edited', async () => {
    const handle = broken.fake.sendInteraction(slashCommand('slow-ok', {}, { user: newUser() }));
    const first = await handle.response();
    expect(first.type).toBe(5);
    const edit = await handle.waitForEdit(1);
    expect(textOf(messageOf(edit, 'edit'))).toContain('Lavrov');
  });

  it('a slow miss deferred publicly is replaced by a private follow-up', async () => {
    const handle = broken.fake.sendInteraction(slashCommand('slow', {}, { user: newUser() }));
    expect((await handle.response()).type).toBe(5);
    const followup = await handle.waitForFollowup(1);
    expect(isEphemeral(messageOf(followup, 'follow-up'))).toBe(true);
  });

  it('a rejected REST call (10062 after the deadline) is logged, not thrown', async () => {
    broken.fake.failNext({
      method: 'POST',
      pathIncludes: '/callback',
      status: 404,
      body: { message: 'Unknown interaction', code: 10062 },
    });
    const handle = broken.fake.sendInteraction(slashCommand('articles', {}, { user: newUser() }));
    const logged = await broken.fake.waitFor(
      () => broken.logs.find((l) => l.msg === 'Discord rejected reply' && l.interaction === handle.id),
      {
        timeoutMs: 8000,
      },
    );
    expect(logged.code).toBe(10062);
    const after = messageOf(
      await broken.fake.sendInteraction(slashCommand('articles', {}, { user: newUser() })).response(),
    );
    expect(after.embeds?.length).toBeGreaterThan(0);
  }, 15_000);
});
