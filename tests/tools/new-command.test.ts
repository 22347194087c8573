import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.ts';
import type { Command } from '../../src/command.ts';
import { createOptions } from '../../src/command.ts';
import { checkCommandModule } from '../../src/registry.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import {
  ScaffoldError,
  invalidName,
  runNewCommandCli,
  scaffoldCommand,
} from '../../src/tools/new-command.ts';
import type { ScaffoldDirs } from '../../src/tools/new-command.ts';
import { loadKb } from '../helpers/kb.ts';

/** `npm run new-command`: scaffolds into a temporary tree, then imports, runs and typechecks the result. */

const REPO = path.resolve(import.meta.dirname, '..', '..');
let tmp: string;
let dirs: Required<Pick<ScaffoldDirs, 'commandsDir' | 'testsDir'>>;
let kb: KnowledgeBase;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'new-command-'));
  // Bare imports (discord.js, vitest) in the generated files resolve from the repository's packages.
  await symlink(path.join(REPO, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
  // ESM, as in the repository, so TypeScript checks the files as the project's own.
  await writeFile(path.join(tmp, 'package.json'), '{ "type": "module" }\n');
  dirs = { commandsDir: path.join(tmp, 'commands'), testsDir: path.join(tmp, 'tests', 'commands') };
  kb = await loadKb('seeds');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function scaffolded(
  name: string,
): Promise<{ command: Command; commandFile: string; testFile: string }> {
  const { commandFile, testFile } = await scaffoldCommand(name, dirs);
  const mod = (await import(pathToFileURL(commandFile).href)) as { default?: unknown };
  const checked = checkCommandModule(commandFile, mod.default);
  if (!checked.ok) throw new Error(checked.reason);
  return { command: checked.command, commandFile, testFile };
}

const run = (command: Command, words: string): Promise<Answer> =>
  Promise.resolve(command.run({ kb, options: createOptions({ words }), commands: new Map() }));

describe('new-command', () => {
  it('writes a command that loads, answers from the seed with citations, and says so on a miss', async () => {
    const { command, commandFile, testFile } = await scaffolded('find-passage');
    expect(commandFile).toBe(path.join(dirs.commandsDir, 'find-passage.ts'));
    expect(testFile).toBe(path.join(dirs.testsDir, 'find-passage.test.ts'));
    const json = command.data.toJSON();
    expect(json.name).toBe('find-passage');
    expect(json.options).toEqual([expect.objectContaining({ type: 3, name: 'words', required: true })]);

    const answer = await run(command, 'reservists');
    expect(answer).toMatchObject({ command: 'find-passage', ok: true });
    if (!answer.ok) return;
    const best = answer.results[0];
    expect(best?.text).toMatch(/reservists/);
    expect(best?.citation).toMatchObject({
      article: 'russia-tajikistan-base',
      paragraph: expect.any(Number),
    });
    const paragraph = kb
      .article(best?.citation?.article ?? '')
      ?.paragraphs.find((p) => p.number === best?.citation?.paragraph);
    expect(paragraph?.text).toContain(best?.text);

    const miss = await run(command, 'xylophone quasar');
    expect(miss).toMatchObject({ ok: true, results: [], message: expect.stringMatching(/No passage/) });
    expect(await run(command, '  ')).toMatchObject({ ok: false });
  });

  it('the generated files typecheck with the project settings', async () => {
    const { commandFile, testFile } = await scaffoldCommand('typed-command', dirs);
    const configFile = ts.readConfigFile(path.join(REPO, 'tsconfig.json'), (f) => ts.sys.readFile(f));
    const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, REPO);
    const program = ts.createProgram([commandFile, testFile], { ...parsed.options, noEmit: true });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || d.file.fileName.startsWith(tmp))
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
    // Imports point back into the repository from wherever the files were written.
    expect(await readFile(testFile, 'utf8')).toContain(
      "import command from '../../commands/typed-command.ts'",
    );
  }, 60_000);

  it('validates the name', () => {
    for (const bad of ['', 'Ask', '1st', 'who said', 'who_said', '-x', 'x-', 'a--b', 'a'.repeat(33), 'index'])
      expect(invalidName(bad), bad).toBeDefined();
    for (const good of ['a', 'top-quotes', 'q2', 'a'.repeat(32)])
      expect(invalidName(good), good).toBeUndefined();
  });

  it('refuses the name of an existing command (the real commands/ folder)', async () => {
    await expect(scaffoldCommand('who-said', { testsDir: dirs.testsDir })).rejects.toThrow(
      /\/who-said already exists/,
    );
  });

  it('never overwrites, and a refusal leaves nothing half-made', async () => {
    await scaffoldCommand('once', dirs);
    await expect(scaffoldCommand('once', dirs)).rejects.toBeInstanceOf(ScaffoldError);
    // Only the test exists: the command file must not be written either.
    await mkdir(dirs.testsDir, { recursive: true });
    await writeFile(path.join(dirs.testsDir, 'orphan.test.ts'), '// mine\n');
    await expect(scaffoldCommand('orphan', dirs)).rejects.toThrow(/already exists; not overwriting/);
    await expect(readFile(path.join(dirs.commandsDir, 'orphan.ts'), 'utf8')).rejects.toThrow();
    expect(await readFile(path.join(dirs.testsDir, 'orphan.test.ts'), 'utf8')).toBe('// mine\n');
  });

  it('the CLI prints next steps, or why not, with exit codes', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (l: string) => void out.push(l), stderr: (l: string) => void err.push(l), dirs };
    expect(await runNewCommandCli(['cli-made'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Created .*cli-made\.ts[\s\S]*npm run deploy/);
    expect(await runNewCommandCli(['Bad Name'], io)).toBe(1);
    expect(await runNewCommandCli([], io)).toBe(1);
    expect(err.join('\n')).toMatch(/not a command name[\s\S]*Usage/);
  });
});
