import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import type { Config } from '../../src/config.ts';
import { contextMenus } from '../../src/discord/context-menu.ts';
import {
  DeployError,
  deployCommands,
  diffCommands,
  normalizeCommand,
  runDeployCli,
} from '../../src/discord/deploy.ts';
import type { Deployable } from '../../src/discord/deploy.ts';
import { loadCommands } from '../../src/registry.ts';
import type { Command } from '../../src/command.ts';
import { startFakeDiscord } from '../fake-discord/index.ts';
import type { FakeDiscord } from '../fake-discord/index.ts';
import { FAKE_TOKEN, REPO } from './harness.ts';

/** `npm run deploy` against the local fake Discord: first deploy, no-op re-deploy, diffs, errors. */

let fake: FakeDiscord;
let commands: ReadonlyMap<string, Command>;
let tmp: string;
const EXPECTED_COUNT = (): number => commands.size + contextMenus.length;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: FAKE_TOKEN });
  const registry = await loadCommands();
  expect(registry.problems).toEqual([]);
  commands = registry.commands;
  tmp = await mkdtemp(path.join(os.tmpdir(), 'deploy-test-'));
});

afterAll(async () => {
  await fake.close();
  await rm(tmp, { recursive: true, force: true });
});

function configFor(extra: Record<string, string | undefined> = {}): Config {
  const checked = readConfig({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    ...extra,
  });
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.config;
}

const guildId = (): string => {
  const guild = fake.guilds[0];
  if (guild === undefined) throw new Error('the fake has no guild');
  return guild.id;
};

/** A command module with the same name as `base` but another description. */
function redescribed(base: Command, description: string): Deployable {
  const json = { ...base.data.toJSON(), description };
  return { data: { toJSON: () => json } };
}

async function deployExpectingError(options: Parameters<typeof deployCommands>[0]): Promise<DeployError> {
  try {
    await deployCommands(options);
  } catch (error) {
    expect(error).toBeInstanceOf(DeployError);
    return error as DeployError;
  }
  throw new Error('deploy did not fail');
}

describe('deployCommands', () => {
  it('a dry run returns the JSON and contacts nothing, without a token', async () => {
    const before = fake.requests.length;
    const lines: string[] = [];
    const result = await deployCommands({
      config: {},
      commands,
      contextMenus,
      dryRun: true,
      log: (l) => lines.push(l),
    });
    expect(result.action).toBe('dry-run');
    expect(result.body).toHaveLength(EXPECTED_COUNT());
    expect(result.body.map((c) => c.name)).toEqual([
      ...commands.keys(),
      ...contextMenus.map((c) => c.data.name),
    ]);
    expect(JSON.parse(lines.join('\n'))).toEqual(result.body);
    expect(fake.requests.length).toBe(before);
  });

  it('deploys to a guild, then skips an unchanged list, then reports what changed', async () => {
    const guild = guildId();
    const config = configFor({ DISCORD_GUILD_ID: guild });
    const lines: string[] = [];
    const log = (l: string): void => void lines.push(l);

    const first = await deployCommands({ config, commands, contextMenus, log });
    expect(first.action).toBe('updated');
    expect(first.scope).toBe(guild);
    expect(first.added).toEqual([...commands.keys(), ...contextMenus.map((c) => c.data.name)]);
    expect(fake.commandPutCount(guild)).toBe(1);
    expect(fake.registeredCommands(guild).map((c) => c.name)).toEqual(first.body.map((c) => c.name));
    expect(fake.registeredCommands(guild).find((c) => c.name === 'Who said this?')?.type).toBe(3);
    expect(fake.commandPutCount()).toBe(0); // nothing global

    const second = await deployCommands({ config, commands, contextMenus, log });
    expect(second.action).toBe('unchanged');
    expect(fake.commandPutCount(guild)).toBe(1);
    expect(lines.at(-1)).toContain('commands unchanged, nothing to deploy');

    // /ask reworded, /articles dropped, /extra new.
    const ask = commands.get('ask');
    if (ask === undefined) throw new Error('no /ask');
    const edited: Deployable[] = [...commands.values()]
      .filter((c) => c.data.name !== 'articles')
      .map((c) => (c === ask ? redescribed(ask, 'Ask anything') : c));
    edited.push({ data: new SlashCommandBuilder().setName('extra').setDescription('A new command') });
    const third = await deployCommands({ config, commands: edited, contextMenus, log });
    expect(third).toMatchObject({
      action: 'updated',
      added: ['extra'],
      changed: ['ask'],
      removed: ['articles'],
    });
    expect(fake.commandPutCount(guild)).toBe(2);
    expect(lines.join('\n')).toMatch(/added: +\/extra[\s\S]*changed: +\/ask[\s\S]*removed: +\/articles/);

    // And back, so the other tests see the shipped list.
    await deployCommands({ config, commands, contextMenus, log });
    expect(fake.commandPutCount(guild)).toBe(3);
  });

  it('deploys globally when DISCORD_GUILD_ID is unset', async () => {
    const result = await deployCommands({ config: configFor(), commands, contextMenus, log: () => {} });
    expect(result).toMatchObject({ action: 'updated', scope: 'global', removed: [] });
    expect(fake.registeredCommands()).toHaveLength(EXPECTED_COUNT());
    const again = await deployCommands({ config: configFor(), commands, contextMenus, log: () => {} });
    expect(again.action).toBe('unchanged');
    expect(fake.commandPutCount()).toBe(1);
  });

  it('a 401 says to copy the token again and never prints it', async () => {
    const error = await deployExpectingError({
      config: configFor({ DISCORD_TOKEN: 'MTA.wrong.tokenvalue' }),
      commands,
      contextMenus,
      log: () => {},
    });
    expect(error.message).toContain('401');
    expect(error.message).toContain('DISCORD_TOKEN');
    expect(error.message).not.toContain('MTA.wrong.tokenvalue');
  });

  it('a 50035 lists each invalid field by command name', async () => {
    const bad: Deployable = { data: { toJSON: () => ({ name: 'Bad Name', description: '', type: 1 }) } };
    const error = await deployExpectingError({
      config: configFor({ DISCORD_GUILD_ID: guildId() }),
      commands: [bad],
      contextMenus: [],
      log: () => {},
    });
    expect(error.message).toContain('50035');
    expect(error.message).toMatch(/command "Bad Name" name: .*\[APPLICATION_COMMAND_INVALID_NAME\]/);
    expect(error.message).toMatch(/command "Bad Name" description: /);
    // The rejected PUT changed nothing.
    expect(fake.registeredCommands(guildId())).toHaveLength(EXPECTED_COUNT());
  });

  it('a guild the bot is not in is a Missing Access explanation', async () => {
    const error = await deployExpectingError({
      config: configFor({ DISCORD_GUILD_ID: '123456789012345678' }),
      commands,
      contextMenus,
      log: () => {},
    });
    expect(error.message).toMatch(/50001/);
    expect(error.message).toMatch(/applications\.commands/);
  });

  it('an unreachable DISCORD_API_URL is a clear error', async () => {
    const closed = await startFakeDiscord({ token: FAKE_TOKEN });
    const url = closed.apiUrl;
    await closed.close();
    const error = await deployExpectingError({
      config: configFor({ DISCORD_API_URL: url }),
      commands,
      contextMenus,
      log: () => {},
    });
    expect(error.message).toContain(`Could not reach Discord at ${url}`);
  }, 30_000);
});

describe('comparison', () => {
  it('ignores what Discord adds or defaults when it echoes a command back', () => {
    const local = commands.get('who-said')?.data.toJSON();
    if (local === undefined) throw new Error('no /who-said');
    const echoed = {
      id: '123456789012345678',
      application_id: '123456789012345679',
      version: '123456789012345680',
      guild_id: '123456789012345681',
      default_member_permissions: null,
      type: 1,
      name: local.name,
      name_localizations: null,
      description: local.description,
      description_localizations: null,
      dm_permission: true,
      contexts: null,
      integration_types: [0],
      nsfw: false,
      options: (local.options ?? []).map((o) => {
        // Discord omits `required: false` and adds null localizations.
        const { required, ...rest } = o;
        return {
          ...rest,
          ...(required === true ? { required } : {}),
          name_localizations: null,
          description_localizations: null,
        };
      }),
    };
    expect(normalizeCommand(echoed)).toEqual(normalizeCommand(local));
    expect(normalizeCommand({ name: 'a', description: 'b', options: [] })).toEqual(
      normalizeCommand({ name: 'a', description: 'b', type: 1 }),
    );
  });

  it('sees real changes: option order, permissions, a new option', () => {
    const base = {
      name: 'a',
      description: 'b',
      options: [
        { type: 3, name: 'x', description: 'x' },
        { type: 3, name: 'y', description: 'y' },
      ],
    };
    const swapped = { ...base, options: [base.options[1], base.options[0]] };
    expect(diffCommands([base], [swapped]).changed).toEqual(['a']);
    expect(diffCommands([{ ...base, default_member_permissions: '8192' }], [base]).changed).toEqual(['a']);
    expect(
      diffCommands(
        [base],
        [{ ...base, options: [...base.options, { type: 5, name: 'z', description: 'z' }] }],
      ).changed,
    ).toEqual(['a']);
    // A slash command and a context menu may share a name: they are different commands.
    expect(diffCommands([{ name: 'a', description: '', type: 3 }], [base])).toEqual({
      added: ['a'],
      changed: [],
      removed: ['a'],
    });
  });
});

describe('npm run deploy (CLI)', () => {
  /** Runs the CLI as `npm run deploy` does, in an empty directory so no developer .env leaks in. */
  function cli(
    args: string[],
    env: Record<string, string>,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        path.join(REPO, 'node_modules', '.bin', 'tsx'),
        [path.join(REPO, 'src', 'discord', 'deploy.ts'), ...args],
        {
          cwd: tmp,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`deploy CLI timed out; stderr:\n${stderr}`));
      }, 20_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('--dry-run prints the JSON without a token and exits 0', async () => {
    const { code, stdout, stderr } = await cli(['--dry-run'], {});
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as { name: string }[];
    expect(body).toHaveLength(EXPECTED_COUNT());
    expect(stderr).toContain('nothing was sent');
  }, 25_000);

  it('deploys, and a second run sends nothing', async () => {
    // A fresh fake, so this test does not depend on what the others registered.
    const other = await startFakeDiscord({ token: FAKE_TOKEN });
    try {
      const guild = other.guilds[0]?.id ?? '';
      const env = {
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_CLIENT_ID: other.applicationId,
        DISCORD_API_URL: other.apiUrl,
        DISCORD_GUILD_ID: guild,
      };
      const first = await cli([], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`deployed ${EXPECTED_COUNT()} commands to guild ${guild}`);
      const second = await cli([], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('commands unchanged, nothing to deploy');
      expect(other.commandPutCount(guild)).toBe(1);
    } finally {
      await other.close();
    }
  }, 45_000);

  it('a rejected token exits 1 with a clear message and without the token', async () => {
    const token = 'MTA.rejected.tokenvalue';
    const { code, stdout, stderr } = await cli([], {
      DISCORD_TOKEN: token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('Discord rejected DISCORD_TOKEN (401 Unauthorized)');
    expect(stdout + stderr).not.toContain(token);
  }, 25_000);

  it('--clear removes every command of the scope', async () => {
    const out: string[] = [];
    const env = {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    };
    expect(fake.registeredCommands().length).toBeGreaterThan(0);
    const code = await runDeployCli(['--clear'], {
      env,
      stdout: (l) => out.push(l),
      stderr: (l) => out.push(l),
    });
    expect(code).toBe(0);
    expect(fake.registeredCommands()).toEqual([]);
    expect(out.join('\n')).toMatch(/deployed 0 commands globally[\s\S]*removed: .*\/who-said/);
    // The guild's copies are another scope and stay.
    expect(fake.registeredCommands(guildId())).toHaveLength(EXPECTED_COUNT());
    expect(await runDeployCli(['--clear', '--dry-run'], { env, stdout: () => {}, stderr: () => {} })).toBe(1);
  });

  it('missing configuration is listed at once, in process', async () => {
    const err: string[] = [];
    const code = await runDeployCli([], {
      env: { DISCORD_TOKEN: 'not-a-token' },
      stdout: () => {},
      stderr: (l) => err.push(l),
    });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(
      /DISCORD_CLIENT_ID is required[\s\S]*DISCORD_TOKEN does not look like a bot token/,
    );
    expect(err.join('\n')).not.toContain('not-a-token');
    expect(await runDeployCli(['--bogus'], { env: {}, stdout: () => {}, stderr: () => {} })).toBe(1);
  });

  it('refuses to deploy when a command module is broken (it would delete that command)', async () => {
    const err: string[] = [];
    const code = await runDeployCli(['--dry-run'], {
      env: {},
      stdout: () => {},
      stderr: (l) => err.push(l),
      commandsDir: path.join(tmp, 'missing'),
    });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('Not deploying');
  });
});
