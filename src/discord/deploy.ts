import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';
import type { Config } from '../config.ts';
import { formatConfigErrors, readConfig } from '../config.ts';
import { loadCommands } from '../registry.ts';
import { restApiBase } from './client.ts';
import { contextMenus as defaultContextMenus } from './context-menu.ts';

/**
 * `npm run deploy`: registers the slash commands of `commands/` and the message context menus with
 * Discord, for one guild (`DISCORD_GUILD_ID`, instant) or globally. Deploying is a separate step,
 * never part of start-up: every bulk overwrite counts against Discord's daily command-create limit,
 * and N shards starting at once would race each other. The registered list is compared first, so
 * running it again after an unrelated change sends nothing.
 *
 * REST goes through `@discordjs/rest` (re-exported by discord.js, which is why it is imported from
 * there: it is not a direct dependency) at `DISCORD_API_URL` when set, so a proxy or the test fake
 * can stand in for Discord.
 */

/** A command JSON body as sent to Discord (slash command or context menu). */
export type CommandBody = Record<string, unknown>;

/** Anything with a builder: slash command modules and context-menu commands alike. */
export interface Deployable {
  data: { toJSON(): object };
}

/** The two REST calls deploy makes; `@discordjs/rest`'s `REST` satisfies it. */
export type DeployRest = Pick<REST, 'get' | 'put'>;

/** The configuration deploy reads. */
export type DeployConfig = Pick<
  Config,
  'DISCORD_TOKEN' | 'DISCORD_CLIENT_ID' | 'DISCORD_GUILD_ID' | 'DISCORD_API_URL'
>;

export interface DeployOptions {
  config: DeployConfig;
  /** The slash commands (`loadCommands().commands`, or any list of modules). */
  commands: ReadonlyMap<string, Deployable> | Iterable<Deployable>;
  /** The message context menus (`contextMenus` of context-menu.ts). */
  contextMenus: readonly Deployable[];
  /** Only print the JSON that would be sent; Discord is not contacted and no token is needed. */
  dryRun?: boolean;
  /** Replaces the REST client built from `config` (tests). */
  rest?: DeployRest;
  /** Where progress lines go (the CLI prints them on stdout). */
  log: (line: string) => void;
}

export interface DeployResult {
  action: 'dry-run' | 'unchanged' | 'updated';
  /** Names registered now and not before (empty for a dry run, which compares nothing). */
  added: string[];
  /** Names whose definition differs from the registered one. */
  changed: string[];
  /** Names registered before that the PUT removed. */
  removed: string[];
  /** The full list that was (or would be) PUT. */
  body: CommandBody[];
  /** `global`, or the guild id the commands were deployed to. */
  scope: string;
}

/** A deploy failure with a message fit to print as is (never contains the token). */
export class DeployError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployError';
  }
}

/** The JSON bodies in deploy order: slash commands (as given, the registry sorts them), then context menus. */
export function commandBodies(
  commands: DeployOptions['commands'],
  contextMenus: readonly Deployable[],
): CommandBody[] {
  const modules =
    commands instanceof Map
      ? [...(commands as ReadonlyMap<string, Deployable>).values()]
      : [...(commands as Iterable<Deployable>)];
  // A JSON round trip drops `undefined` members, exactly as the wire would.
  return [...modules, ...contextMenus].map((c) => JSON.parse(JSON.stringify(c.data.toJSON())) as CommandBody);
}

// ---------------------------------------------------------------- comparison

/** Fields Discord adds to a registered command that the body never carries. */
const SERVER_FIELDS = new Set(['id', 'application_id', 'version', 'guild_id']);

/**
 * Values Discord reports for a field the body left out; a field holding one of them means the
 * same as a missing field. `dm_permission` is deprecated (superseded by `contexts`) and defaults
 * to true; `integration_types` [0] is the default guild install; nulls are unset localizations,
 * `contexts` and permissions.
 */
function isDefault(key: string, value: unknown, topLevel: boolean): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value) && value.length === 0) return true;
  // Context menus have no description; Discord echoes an empty one.
  if (topLevel && key === 'description' && value === '') return true;
  if ((key === 'required' || key === 'autocomplete' || key === 'nsfw') && value === false) return true;
  if (topLevel && key === 'dm_permission' && value === true) return true;
  if (topLevel && key === 'type' && value === 1) return true;
  if (topLevel && key === 'integration_types' && Array.isArray(value) && value.length === 1 && value[0] === 0)
    return true;
  return false;
}

function normalizeValue(value: unknown, topLevel: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeValue(v, false)); // order is meaningful: options show as given
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (topLevel && SERVER_FIELDS.has(key)) continue;
    if (isDefault(key, v, topLevel)) continue;
    out[key] = normalizeValue(v, false);
  }
  return out;
}

/**
 * A command in comparable form: server fields gone, defaults and nulls dropped, keys sorted,
 * option order kept. Two commands Discord treats the same normalise to the same JSON.
 */
export function normalizeCommand(command: object): Record<string, unknown> {
  return normalizeValue(command, true) as Record<string, unknown>;
}

const keyOf = (c: Record<string, unknown>): string =>
  `${typeof c.type === 'number' ? c.type : 1}:${String(c.name)}`;

/** What a bulk overwrite with `next` would do to the `registered` list. */
export function diffCommands(
  registered: readonly object[],
  next: readonly CommandBody[],
): { added: string[]; changed: string[]; removed: string[] } {
  const before = new Map(registered.map((c) => [keyOf(c as Record<string, unknown>), normalizeCommand(c)]));
  const after = new Map(next.map((c) => [keyOf(c), normalizeCommand(c)]));
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [key, command] of after) {
    const old = before.get(key);
    if (old === undefined) added.push(String(command.name));
    else if (JSON.stringify(old) !== JSON.stringify(command)) changed.push(String(command.name));
  }
  for (const [key, command] of before) if (!after.has(key)) removed.push(String(command.name));
  return { added, changed, removed };
}

// ---------------------------------------------------------------- errors

interface FieldErrors {
  _errors?: { code?: string; message?: string }[];
  [key: string]: unknown;
}

/** Flattens Discord's nested `errors` tree into `path: message [CODE]` lines. */
function flattenErrors(tree: unknown, body: readonly CommandBody[], at: string[] = []): string[] {
  if (typeof tree !== 'object' || tree === null) return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(tree as FieldErrors)) {
    if (key === '_errors' && Array.isArray(value)) {
      for (const e of value as { code?: string; message?: string }[])
        lines.push(
          `${describePath(at, body)}: ${e.message ?? 'invalid'}${e.code !== undefined ? ` [${e.code}]` : ''}`,
        );
    } else {
      lines.push(...flattenErrors(value, body, [...at, key]));
    }
  }
  return lines;
}

/** `0.options.1.name` -> `command "ask" options.1.name`, so the maintainer knows which module to fix. */
function describePath(at: readonly string[], body: readonly CommandBody[]): string {
  const [first, ...rest] = at;
  const index = first !== undefined && /^\d+$/.test(first) ? Number(first) : undefined;
  const command = index === undefined ? undefined : body[index];
  if (command === undefined) return at.join('.') || 'body';
  return `command "${String(command.name)}"${rest.length > 0 ? ` ${rest.join('.')}` : ''}`;
}

/**
 * A printable explanation of a failed deploy: what Discord said and what to do about it. The
 * token never appears (errors carry the URL and body, never headers; it is scrubbed regardless).
 */
export function describeDeployError(
  error: unknown,
  context: { config: DeployConfig; body: readonly CommandBody[] },
): string {
  const { config, body } = context;
  const scope = config.DISCORD_GUILD_ID === undefined ? 'globally' : `to guild ${config.DISCORD_GUILD_ID}`;
  let message: string;
  if (error instanceof DiscordAPIError) {
    const raw = error.rawError as { message?: string; errors?: unknown };
    if (error.status === 401) {
      message =
        'Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the bot token again from the Developer Portal (Bot → Reset Token) into .env.';
    } else if (error.code === 50035) {
      const details = flattenErrors(raw.errors, body);
      message = `Discord refused the command list (50035 Invalid Form Body):\n${(details.length > 0 ? details : [raw.message ?? error.message]).map((l) => `  - ${l}`).join('\n')}`;
    } else if (error.code === 50001 || error.status === 403) {
      message =
        `Discord answered ${error.status} ${error.code} ${raw.message ?? 'Missing Access'} when deploying ${scope}. ` +
        'Check that DISCORD_CLIENT_ID is the application id of this bot token' +
        (config.DISCORD_GUILD_ID === undefined
          ? '.'
          : ', that the bot is in that server, and that it was invited with the applications.commands scope.');
    } else if (error.code === 10002 || (error.status === 404 && config.DISCORD_GUILD_ID === undefined)) {
      message = `Discord does not know application ${config.DISCORD_CLIENT_ID ?? '(unset)'} (${error.status} ${error.code}): DISCORD_CLIENT_ID must be the Application ID from the Developer Portal's General Information page.`;
    } else if (error.code === 30034) {
      message =
        'Discord limits command creation to 200 a day per application (30034); try again tomorrow, or deploy to a test guild meanwhile.';
    } else {
      message = `Discord answered ${error.status} (code ${error.code}) when deploying ${scope}: ${raw.message ?? error.message}`;
    }
  } else if (error instanceof HTTPError) {
    message = `Discord answered ${error.status} (${error.message}) when deploying ${scope}; try again later.`;
  } else {
    const base = config.DISCORD_API_URL ?? 'https://discord.com/api';
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    message = `Could not reach Discord at ${base}: ${cause}`;
  }
  const token = config.DISCORD_TOKEN;
  return token !== undefined && token.length >= 8 ? message.split(token).join('[redacted]') : message;
}

// ---------------------------------------------------------------- deploy

/** A REST client for `config`: Discord itself, or `DISCORD_API_URL` (a proxy, the test fake). */
export function createDeployRest(config: DeployConfig): REST {
  const rest = new REST(
    config.DISCORD_API_URL !== undefined ? { api: restApiBase(config.DISCORD_API_URL) } : {},
  );
  if (config.DISCORD_TOKEN !== undefined) rest.setToken(config.DISCORD_TOKEN);
  return rest;
}

const list = (names: readonly string[]): string =>
  names.map((n) => (/^[-_\p{L}\p{N}]+$/u.test(n) ? `/${n}` : `"${n}"`)).join(', ');

/**
 * Registers `commands` and `contextMenus` with one bulk overwrite, unless Discord already has
 * exactly that list. A dry run only logs the JSON.
 *
 * @throws {DeployError} with a printable message when Discord refuses or cannot be reached
 */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const { config, log } = options;
  const body = commandBodies(options.commands, options.contextMenus);
  const scope = config.DISCORD_GUILD_ID ?? 'global';
  const where = config.DISCORD_GUILD_ID === undefined ? 'globally' : `to guild ${config.DISCORD_GUILD_ID}`;
  if (options.dryRun === true) {
    log(JSON.stringify(body, null, 2));
    return { action: 'dry-run', added: [], changed: [], removed: [], body, scope };
  }
  const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((k) => config[k] === undefined);
  if (missing.length > 0)
    throw new DeployError(formatConfigErrors(missing.map((k) => `${k} is required (see .env.example)`)));
  const clientId = config.DISCORD_CLIENT_ID as string;
  const route =
    config.DISCORD_GUILD_ID === undefined
      ? Routes.applicationCommands(clientId)
      : Routes.applicationGuildCommands(clientId, config.DISCORD_GUILD_ID);
  const rest = options.rest ?? createDeployRest(config);

  try {
    const registered = (await rest.get(route)) as object[];
    const diff = diffCommands(Array.isArray(registered) ? registered : [], body);
    if (diff.added.length + diff.changed.length + diff.removed.length === 0) {
      log(`commands unchanged, nothing to deploy (${body.length} registered ${where})`);
      return { action: 'unchanged', ...diff, body, scope };
    }
    await rest.put(route, { body });
    log(`deployed ${body.length} commands ${where}`);
    if (diff.added.length > 0) log(`  added:   ${list(diff.added)}`);
    if (diff.changed.length > 0) log(`  changed: ${list(diff.changed)}`);
    if (diff.removed.length > 0) log(`  removed: ${list(diff.removed)}`);
    if (config.DISCORD_GUILD_ID === undefined)
      log(
        '  global commands reach every server within minutes; restart the Discord app (Ctrl+R) if they do not show',
      );
    return { action: 'updated', ...diff, body, scope };
  } catch (error) {
    throw new DeployError(describeDeployError(error, { config, body }));
  }
}

// ---------------------------------------------------------------- CLI

const USAGE = `Usage: npm run deploy [-- --dry-run | --clear]

Registers the slash commands and context menus with Discord: for DISCORD_GUILD_ID when set
(instant, for testing), otherwise globally. Needs DISCORD_TOKEN and DISCORD_CLIENT_ID.
  --dry-run   print the JSON that would be sent; contacts nothing, needs no token
  --clear     remove every command of this scope (e.g. test-guild copies shown twice next to
              the global ones)`;

/**
 * The `npm run deploy` entry point. Resolves with the exit code: 0 deployed / unchanged / dry run,
 * 1 on bad configuration, a broken command module, or an error from Discord.
 */
export async function runDeployCli(
  argv: readonly string[],
  io: {
    env: Readonly<Record<string, string | undefined>>;
    stdout: (line: string) => void;
    stderr: (line: string) => void;
    commandsDir?: string;
  },
): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const clear = argv.includes('--clear');
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--dry-run' && a !== '--clear');
  if (unknown.length > 0 || (dryRun && clear)) {
    const problem =
      unknown.length > 0
        ? `Unknown argument${unknown.length > 1 ? 's' : ''}: ${unknown.join(' ')}`
        : 'Give --dry-run or --clear, not both';
    io.stderr(`${problem}\n\n${USAGE}`);
    return 1;
  }
  const checked = readConfig(io.env, dryRun ? [] : ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID']);
  if (!checked.ok) {
    io.stderr(formatConfigErrors(checked.errors));
    return 1;
  }
  // Clearing sends an empty list: the modules do not matter then.
  const registry = clear ? { commands: new Map(), problems: [] } : await loadCommands(io.commandsDir);
  if (registry.problems.length > 0) {
    // Deploying without a broken module would delete its command from Discord: fix it first.
    io.stderr(
      `Not deploying: ${registry.problems.length} command module(s) could not be loaded:\n${registry.problems.map((p) => `  - ${p.file}: ${p.reason}`).join('\n')}`,
    );
    return 1;
  }
  try {
    const result = await deployCommands({
      config: checked.config,
      commands: registry.commands,
      contextMenus: clear ? [] : defaultContextMenus,
      dryRun,
      // A dry run's JSON goes to stdout alone so it can be piped; the summary goes to stderr.
      log: io.stdout,
    });
    if (result.action === 'dry-run') {
      const where =
        checked.config.DISCORD_GUILD_ID === undefined
          ? 'globally'
          : `to guild ${checked.config.DISCORD_GUILD_ID}`;
      io.stderr(`dry run: ${result.body.length} commands would be deployed ${where}; nothing was sent`);
    }
    return 0;
  } catch (error) {
    io.stderr(
      error instanceof DeployError
        ? error.message
        : describeDeployError(error, { config: checked.config, body: [] }),
    );
    return 1;
  }
}

const isEntryPoint =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  loadDotenv({ quiet: true });
  process.exitCode = await runDeployCli(process.argv.slice(2), {
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
