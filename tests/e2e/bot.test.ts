import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import { fail } from '../../src/answer.ts';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import type { Command } from '../../src/command.ts';
import { WHO_SAID_THIS, contextMenus } from '../../src/discord/context-menu.ts';
import { commandBodies } from '../../src/discord/deploy.ts';
import { MESSAGES } from '../../src/discord/interactions.ts';
import {
  PERMISSIONS,
  autocomplete,
  buttonClick,
  messageContextMenu,
  slashCommand,
} from '../fake-discord/index.ts';
import {
  FAKE_TOKEN,
  REPO,
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

/** One article with more quotes and numbers than a page holds (own words, tests/fixtures/display). */
const LONG_LIST = path.join(REPO, 'tests', 'fixtures', 'display');

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
  it('/who-said quote:hasty withdrawal answers Sergei Lavrov in one embed, the citation line once, publicly', async () => {
    const { callback, data } = await ask('who-said', { quote: 'hasty withdrawal' });
    expect(callback.type).toBe(4);
    expect(isEphemeral(data)).toBe(false);
    expect(data.embeds).toHaveLength(1);
    const description = data.embeds?.[0]?.description ?? '';
    expect(description).toMatch(/^> “hasty withdrawal\.”$/m);
    expect(description).toContain('— **Sergei Lavrov**, Russian Foreign Minister');
    expect(description).toMatch(
      /Russia Ready to Activate Tajikistan Military Base.* · ¶5 · Global Research · 2021/,
    );
    expect(textOf(data).split('Russia Ready to Activate').length - 1).toBe(1);
    expect(data.content).toContain('hasty withdrawal');
    expect(customIds(data)).toContain('ctx:5:russia-tajikistan-base');
    expect(callback.ms).toBeLessThan(3000);
  });

  it('/ask restates the question and cites the passage once', async () => {
    const question = 'How many reservists did Tajikistan activate?';
    const { data } = await ask('ask', { question });
    expect(data.content).toBe(`**Q:** ${question}`);
    expect(data.embeds).toHaveLength(1);
    const description = data.embeds?.[0]?.description ?? '';
    expect(description).toContain('**Tajikistan has activated 20,000 reservists');
    expect(description.split('· ¶4 ·').length - 1).toBe(1);
  });

  const cases: [string, Record<string, string | number | boolean>][] = [
    ['articles', {}],
    ['ask', { question: 'How many reservists did Tajikistan activate?' }],
    ['check-quote', { text: 'hasty withdrawal' }],
    ['facts', { topic: 'soldiers' }],
    ['quotes', { speaker: 'Lavrov' }],
    ['source', { article: 'russia-tajikistan-base' }],
    ['summary', { length: 'short' }],
    ['who', { name: 'Lavrov' }],
    ['who-said', { quote: 'hasty withdrawal', article: 'russia-tajikistan-base' }],
  ];
  it.each(cases)(
    '/%s with options answers publicly with exactly one embed, mentions off',
    async (name, options) => {
      const { callback, data } = await ask(name, options);
      expect(callback.type).toBe(4);
      expect(callback.status).toBeLessThan(300);
      expect(data.embeds).toHaveLength(1);
      expect(isEphemeral(data)).toBe(false);
    },
  );

  it('/help answers privately on one page with the context menu and buttons described', async () => {
    // Registered as `npm run deploy` would, so /help can link every command.
    const put = await fetch(`${h.fake.apiUrl}/v10/applications/${h.fake.applicationId}/commands`, {
      method: 'PUT',
      headers: { authorization: `Bot ${h.fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(commandBodies(app.commands, contextMenus)),
    });
    expect(put.status).toBe(200);
    const { data } = await ask('help');
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds).toHaveLength(1);
    expect(customIds(data).some((id) => id.startsWith('pg:'))).toBe(false);
    const text = textOf(data);
    expect(text).toContain('Who said this?');
    expect(text).toContain('Show context');
    // Commands are clickable mentions with the ids Discord registered.
    const registered = h.fake.registeredCommands().find((c) => c.name === 'who-said');
    expect(registered).toBeDefined();
    expect(text).toContain(`</who-said:${registered?.id ?? ''}>`);
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
    expect(textOf(data)).toMatch(/No quote|Nobody|not/i);
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

describe('/check-quote verdicts', () => {
  const verdicts: [string, string, RegExp][] = [
    ['verbatim', 'The situation is rapidly deteriorating', /^✅ Verbatim/],
    ['altered', 'The situation is slowly deteriorating', /^⚠️ Altered/],
    ['paraphrase', 'the situation is deteriorating rapidly', /^🔁 Paraphrase/],
    ['meaning changed', 'The situation is not rapidly deteriorating', /^❗ Meaning changed/],
    ['absent', 'We will annex the moon by Friday', /^❌ Not in the articles/],
  ];

  it('each verdict is public, restates the posted text, and has its own colour', async () => {
    const colours = new Set<number | undefined>();
    for (const [name, text, title] of verdicts) {
      const { data } = await ask('check-quote', { text });
      expect(isEphemeral(data), name).toBe(false);
      expect(data.content, name).toBe(`You posted: “${text}”`);
      expect(data.embeds, name).toHaveLength(1);
      expect(data.embeds?.[0]?.title, name).toMatch(title);
      colours.add(data.embeds?.[0]?.color);
    }
    expect(colours.size).toBe(verdicts.length);
  });

  it('shows the change inline in the article’s casing, and hide:true keeps it private', async () => {
    const { data } = await ask('check-quote', { text: 'The situation is slowly deteriorating', hide: true });
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds?.[0]?.description).toContain('The situation is ~~rapidly~~ **slowly** deteriorating');
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

describe('long lists', () => {
  let long: Harness;
  beforeAll(async () => {
    long = await startHarness({ app: await loadApp({ articlesDir: LONG_LIST }) });
  });
  afterAll(async () => {
    await long?.close();
  });

  async function pagedQuotes(user: { id: string; username: string }) {
    const handle = long.fake.sendInteraction(slashCommand('quotes', { speaker: 'Quill' }, { user }));
    const data = messageOf(await handle.response());
    return { handle, data, ids: customIds(data) };
  }

  it('pages 10 quotes to one embed, numbered, the citation line once, "Page 1/2 · 14 quotes"', async () => {
    const { data, ids } = await pagedQuotes(newUser());
    expect(data.embeds).toHaveLength(1);
    const embed = data.embeds?.[0];
    expect(embed?.footer?.text).toBe('Page 1/2 · 14 quotes');
    const description = embed?.description ?? '';
    expect(description.match(/^\*\*\d+\.\*\* /gm)).toHaveLength(10);
    expect(description.split('Eastmere harbour master lays out').length - 1).toBe(1);
    expect(description).toContain('](https://example.org/news/eastmere-harbour-plan)');
    expect(description.split('Mara Quill').length - 1).toBe(1);
    expect(ids.some((id) => id.startsWith('pg:') && id.endsWith(':n'))).toBe(true);
  });

  it('the invoker pages the message itself with Previous/Next (callback 7)', async () => {
    const user = newUser();
    const { handle, ids } = await pagedQuotes(user);
    const next = ids.find((id) => id.startsWith('pg:') && id.endsWith(':n')) ?? '';
    const callback = await long.fake
      .sendInteraction(buttonClick(next, handle.original()!, { user }))
      .response();
    expect(callback.type).toBe(7);
    const data = messageOf(callback, 'page 2');
    expect(data.embeds?.[0]?.footer?.text).toBe('Page 2/2 · 14 quotes');
    expect(data.embeds?.[0]?.description?.match(/^\*\*\d+\.\*\* /gm)).toHaveLength(4);
    expect(data.embeds?.[0]?.description).toMatch(/^\*\*11\.\*\* /m);
    const prev = customIds(data).find((id) => id.endsWith(':p'));
    expect(
      data.components?.flatMap((r) => r.components).find((c) => c.custom_id === prev)?.disabled,
    ).toBeUndefined();
  });

  it('anyone else gets the page as a private copy they can page on, the shared message untouched', async () => {
    const { handle, ids } = await pagedQuotes(newUser());
    const next = ids.find((id) => id.endsWith(':n')) ?? '';
    const before = JSON.stringify(handle.original());
    const other = newUser('other');
    const callback = await long.fake
      .sendInteraction(buttonClick(next, handle.original()!, { user: other }))
      .response();
    expect(callback.type).toBe(4);
    const copy = messageOf(callback);
    expect(isEphemeral(copy)).toBe(true);
    expect(copy.embeds?.[0]?.footer?.text).toBe('Page 2/2 · 14 quotes');
    expect(handle.edits()).toEqual([]);
    expect(JSON.stringify(handle.original())).toBe(before);
    const back = customIds(copy).find((id) => id.endsWith(':p')) ?? '';
    const message = long.fake.interactions().at(-1)?.original();
    expect(message).toBeTruthy();
    const paged = await long.fake.sendInteraction(buttonClick(back, message!, { user: other })).response();
    expect(paged.type).toBe(7);
    expect(messageOf(paged).embeds?.[0]?.footer?.text).toBe('Page 1/2 · 14 quotes');
  });

  it('/facts shows 10 facts a page', async () => {
    const data = messageOf(
      await long.fake.sendInteraction(slashCommand('facts', {}, { user: newUser() })).response(),
    );
    expect(data.embeds).toHaveLength(1);
    expect(data.embeds?.[0]?.description?.match(/^\*\*\d+\.\*\* /gm)).toHaveLength(10);
    expect(data.embeds?.[0]?.footer?.text).toMatch(/^Page 1\/\d+ · \d+ facts$/);
  });
});

describe('buttons', () => {
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
    for (const id of ['zz:1', 'pg:notanid:1', 'ctx:0:x']) {
      const callback = await h.fake
        .sendInteraction(buttonClick(id, handle.original()!, { user: newUser() }))
        .response();
      const data = messageOf(callback, id);
      expect(isEphemeral(data)).toBe(true);
      expect(data.content).toBe(MESSAGES.invalidButton);
    }
  });

  it('an expired page button disables the buttons it sits with and says why, privately', async () => {
    const { handle } = await ask('who-said', { quote: 'hasty withdrawal' });
    const click = h.fake.sendInteraction(
      buttonClick('pg:abcdefghij:1', handle.original()!, { user: newUser() }),
    );
    const callback = await click.response();
    expect(callback.type).toBe(7);
    const rows = messageOf(callback, 'disabled').components ?? [];
    expect(rows.flatMap((r) => r.components).every((c) => c.disabled === true)).toBe(true);
    const followup = messageOf(await click.waitForFollowup(1), 'expired notice');
    expect(isEphemeral(followup)).toBe(true);
    expect(followup.content).toBe(MESSAGES.expired);
  });
});

describe('message context menu', () => {
  it('"Who said this?" names the speaker of the words a message quotes, privately', async () => {
    const message = h.fake.message({ content: 'Lavrov called it a “hasty withdrawal” of the West' });
    const callback = await h.fake
      .sendInteraction(messageContextMenu(WHO_SAID_THIS, message, { user: newUser() }))
      .response();
    expect(callback.type).toBe(4);
    const data = messageOf(callback, 'context menu');
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds).toHaveLength(1);
    expect(data.embeds?.[0]?.description).toContain('> “hasty withdrawal.”');
    expect(data.embeds?.[0]?.description).toContain('— **Sergei Lavrov**');
    expect(textOf(data)).not.toMatch(/narration/i);
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
