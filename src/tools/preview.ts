/**
 * `npm run preview [-- --articles DIR --out DIR]`: every command's real Discord reply, rendered
 * as Discord's dark theme shows it. The bot runs unchanged against the project's fake Discord
 * (127.0.0.1, the same code path as production); each reply's payload is drawn into a static
 * HTML gallery at desktop and phone width, and screenshotted when a Chromium is installed.
 * Output: `.preview/` (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { contextMenus } from '../discord/context-menu.ts';
import { commandBodies } from '../discord/deploy.ts';
import { launchBot } from '../discord/start.ts';
import { createLogger } from '../logger.ts';
import {
  PERMISSIONS,
  buttonClick,
  messageContextMenu,
  nextSnowflake,
  slashCommand,
  startFakeDiscord,
} from '../../tests/fake-discord/index.ts';
import type { FakeDiscord, InteractionInit } from '../../tests/fake-discord/index.ts';
import { galleryHtml } from './preview-html.ts';
import type { Shot } from './preview-html.ts';

interface Scenario {
  label: string;
  /** The interaction, built for a fresh user. */
  make: (fake: FakeDiscord, user: { id: string; username: string }) => InteractionInit;
  /** Click the button whose custom id matches, and show what it answers instead. */
  click?: RegExp;
}

const who = (): { id: string; username: string } => ({ id: nextSnowflake(), username: 'reader' });

const SCENARIOS: Scenario[] = [
  {
    label: '/who-said quote:hasty withdrawal',
    make: (_f, user) => slashCommand('who-said', { quote: 'hasty withdrawal' }, { user }),
  },
  {
    label: '/quotes speaker:Lavrov',
    make: (_f, user) => slashCommand('quotes', { speaker: 'Lavrov' }, { user }),
  },
  {
    label: '/ask question:How many reservists did Tajikistan activate?',
    make: (_f, user) =>
      slashCommand('ask', { question: 'How many reservists did Tajikistan activate?' }, { user }),
  },
  {
    label: '/ask … → More passages',
    make: (_f, user) =>
      slashCommand('ask', { question: 'How many reservists did Tajikistan activate?' }, { user }),
    click: /^pg:.*:n$/,
  },
  {
    label: '/ask (not in the article)',
    make: (_f, user) => slashCommand('ask', { question: 'who is the defence minister' }, { user }),
  },
  {
    label: '/check-quote (verbatim)',
    make: (_f, user) =>
      slashCommand('check-quote', { text: 'The situation is rapidly deteriorating' }, { user }),
  },
  {
    label: '/check-quote (meaning changed)',
    make: (_f, user) =>
      slashCommand('check-quote', { text: 'The situation is not rapidly deteriorating' }, { user }),
  },
  {
    label: '/check-quote (paraphrase)',
    make: (_f, user) =>
      slashCommand('check-quote', { text: 'the situation is deteriorating rapidly' }, { user }),
  },
  {
    label: '/check-quote (not in the articles)',
    make: (_f, user) => slashCommand('check-quote', { text: 'We will annex the moon by Friday' }, { user }),
  },
  { label: '/facts', make: (_f, user) => slashCommand('facts', {}, { user }) },
  { label: '/facts → page 2', make: (_f, user) => slashCommand('facts', {}, { user }), click: /^pg:.*:n$/ },
  { label: '/summary', make: (_f, user) => slashCommand('summary', {}, { user }) },
  { label: '/who name:Lavrov', make: (_f, user) => slashCommand('who', { name: 'Lavrov' }, { user }) },
  { label: '/source', make: (_f, user) => slashCommand('source', {}, { user }) },
  { label: '/articles', make: (_f, user) => slashCommand('articles', {}, { user }) },
  { label: '/help', make: (_f, user) => slashCommand('help', {}, { user }) },
  {
    label: '/help command:who-said',
    make: (_f, user) => slashCommand('help', { command: 'who-said' }, { user }),
  },
  {
    label: '/who-said (a miss)',
    make: (_f, user) => slashCommand('who-said', { quote: 'purple elephants dancing on saturn' }, { user }),
  },
  {
    label: 'Show context ¶5',
    make: (_f, user) => slashCommand('who-said', { quote: 'hasty withdrawal' }, { user }),
    click: /^ctx:/,
  },
  {
    label: 'Apps → Who said this?',
    make: (fake, user) =>
      messageContextMenu(
        'Who said this?',
        fake.message({ content: 'Lavrov called it a “hasty withdrawal” of US troops' }),
        { user },
      ),
  },
  {
    label: '/pull-quote (moderator preview)',
    make: (_f, user) =>
      slashCommand('pull-quote', { quote: 'hasty withdrawal' }, { user, permissions: PERMISSIONS.moderator }),
  },
];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function silentLogger(): ReturnType<typeof createLogger> {
  const destination = new Writable({ write: (_c, _e, done) => done() });
  return createLogger({ level: 'warn', secrets: [], destination });
}

async function capture(fake: FakeDiscord, scenario: Scenario): Promise<Shot> {
  const user = who();
  const handle = fake.sendInteraction(scenario.make(fake, user));
  const first = await handle.response({ timeoutMs: 10_000 });
  const invoked = handle.payload.data as { name?: string } | undefined;
  let data = first.data;
  if (scenario.click !== undefined) {
    const message = handle.original();
    const ids = ((data as { components?: { components: { custom_id?: string }[] }[] }).components ?? [])
      .flatMap((r) => r.components.map((c) => c.custom_id ?? ''))
      .filter((id) => scenario.click?.test(id));
    if (message !== null && ids[0] !== undefined) {
      const click = fake.sendInteraction(buttonClick(ids[0], message, { user }));
      data = (await click.response({ timeoutMs: 10_000 })).data;
    }
  }
  return {
    label: scenario.label,
    command: invoked?.name ?? '',
    user: user.username,
    data: data as Shot['data'],
  };
}

function screenshot(chromium: string, html: string, png: string, width: number, height: number): void {
  const profile = mkdtempSync(path.join(tmpdir(), 'preview-chromium-'));
  try {
    execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--screenshot=${png}`,
        `--window-size=${width},${height}`,
        `file://${html}`,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** About how tall one reply is at phone width (Chromium cannot size a screenshot to its page). */
function phoneHeight(shot: Shot): number {
  const texts = [shot.data.content ?? ''];
  for (const e of shot.data.embeds ?? []) {
    texts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) texts.push(`${f.name}\n${f.value}`);
  }
  // About 34 characters a line in a phone-width embed, 21 px a line.
  const lines = texts
    .flatMap((t) => t.split('\n'))
    .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 34)), 0);
  const buttons = (shot.data.components ?? []).length * 44;
  return Math.min(4000, Math.max(260, 150 + lines * 21 + buttons));
}

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

async function main(): Promise<void> {
  const articlesDir = argValue('--articles') ?? 'seeds';
  const out = path.resolve(argValue('--out') ?? '.preview');
  mkdirSync(out, { recursive: true });
  const fake = await startFakeDiscord({ token: 'MTA.preview.token', heartbeatIntervalMs: 2000 });
  const app = await loadApp({ articlesDir });
  // Register the commands with the fake, as `npm run deploy` would: /help's mentions need ids.
  await fetch(`${fake.apiUrl}/v10/applications/${fake.applicationId}/commands`, {
    method: 'PUT',
    headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(commandBodies(app.commands, contextMenus)),
  });
  const checked = readConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    ARTICLES_DIR: articlesDir,
    WATCH_ARTICLES: 'off',
    CACHE_DIR: 'off',
  });
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  const bot = await launchBot(checked.config, {
    app,
    logger: silentLogger(),
    cooldown: { limit: 1000, windowMs: 1000 },
  });
  const shots: Shot[] = [];
  try {
    for (const scenario of SCENARIOS) shots.push(await capture(fake, scenario));
  } finally {
    await bot.stop();
    await fake.close();
  }
  const pages: [string, number][] = [
    ['desktop', 900],
    ['phone', 390],
  ];
  for (const [name, width] of pages) writeFileSync(path.join(out, `${name}.html`), galleryHtml(shots, width));
  shots.forEach((shot, i) => writeFileSync(path.join(out, `shot-${i + 1}.html`), galleryHtml([shot], 390)));
  writeFileSync(path.join(out, 'payloads.json'), JSON.stringify(shots, null, 2));
  console.log(`Preview of ${shots.length} replies: ${path.join(out, 'desktop.html')} and phone.html`);
  const chromium = findChromium();
  if (chromium === undefined) {
    console.log('No Chromium found: skipped the PNG screenshots (apt-get install chromium to get them).');
    return;
  }
  for (const [name, width] of pages)
    screenshot(chromium, path.join(out, `${name}.html`), path.join(out, `${name}.png`), width, 9000);
  shots.forEach((shot, i) =>
    screenshot(
      chromium,
      path.join(out, `shot-${i + 1}.html`),
      path.join(out, `shot-${i + 1}.png`),
      390,
      phoneHeight(shot),
    ),
  );
  console.log(`Screenshots: ${out}/desktop.png, phone.png and shot-N.png (phone width, one reply each).`);
  if (!existsSync(path.join(out, 'phone.png'))) console.log('Chromium ran but wrote no screenshot.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
