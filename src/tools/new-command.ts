import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCommandFile } from '../registry.ts';
import { commandTemplate, testTemplate } from './command-template.ts';

/**
 * `npm run new-command NAME`: scaffolds `commands/NAME.ts` and `tests/commands/NAME.test.ts` from
 * the template in command-template.ts. It never overwrites a file and refuses a name a command
 * already has, so running it twice is harmless.
 */

const REPO = path.resolve(import.meta.dirname, '..', '..');

/** Where the files go; every folder is injectable so tests can scaffold into a temporary one. */
export interface ScaffoldDirs {
  /** Default `<repo>/commands`. */
  commandsDir?: string;
  /** Default `<repo>/tests/commands`. */
  testsDir?: string;
  /** The `src/` the generated files import. Default `<repo>/src`. */
  srcDir?: string;
  /** The `tests/helpers/` the generated test imports. Default `<repo>/tests/helpers`. */
  helpersDir?: string;
}

export interface ScaffoldResult {
  commandFile: string;
  testFile: string;
}

/** Thrown for a name or a target the scaffolder refuses; the message says why. */
export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

/** Kebab-case, a letter first, at most 32 characters: valid both as a file name and for Discord. */
export const COMMAND_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** Why `name` cannot be a command name, or undefined when it can. */
export function invalidName(name: string): string | undefined {
  if (!COMMAND_NAME.test(name))
    return `"${name}" is not a command name: use lowercase kebab-case, a letter first, at most 32 characters (e.g. "top-quotes")`;
  if (name.endsWith('-') || name.includes('--'))
    return `"${name}" is not kebab-case: no trailing or doubled hyphens`;
  // The registry skips index files, so such a command would silently never load.
  if (name === 'index') return '"index" is reserved: the registry does not load index files';
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** An import specifier from `fromDir` to `to` (always relative, forward slashes). */
function importPath(fromDir: string, to: string): string {
  const relative = path.relative(fromDir, to).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/**
 * Writes the command module and its test.
 *
 * @throws {ScaffoldError} for an invalid name, a name an existing command has, or a file that exists
 */
export async function scaffoldCommand(name: string, dirs: ScaffoldDirs = {}): Promise<ScaffoldResult> {
  const problem = invalidName(name);
  if (problem !== undefined) throw new ScaffoldError(problem);
  const commandsDir = path.resolve(dirs.commandsDir ?? path.join(REPO, 'commands'));
  const testsDir = path.resolve(dirs.testsDir ?? path.join(REPO, 'tests', 'commands'));
  const srcDir = path.resolve(dirs.srcDir ?? path.join(REPO, 'src'));
  const helpersDir = path.resolve(dirs.helpersDir ?? path.join(REPO, 'tests', 'helpers'));

  const existing = (await readdir(commandsDir).catch(() => [] as string[]))
    .filter(isCommandFile)
    .map((f) => f.replace(/\.(ts|js|mjs)$/, ''));
  if (existing.includes(name))
    throw new ScaffoldError(
      `/${name} already exists (${path.join(commandsDir, name)}.ts); pick another name`,
    );
  const commandFile = path.join(commandsDir, `${name}.ts`);
  const testFile = path.join(testsDir, `${name}.test.ts`);
  // Check both before writing either, so a refusal leaves nothing half-made.
  for (const file of [commandFile, testFile])
    if (await exists(file)) throw new ScaffoldError(`${file} already exists; not overwriting it`);

  await mkdir(commandsDir, { recursive: true });
  await mkdir(testsDir, { recursive: true });
  const command = commandTemplate(name, { src: importPath(commandsDir, srcDir) });
  const test = testTemplate(name, {
    command: importPath(testsDir, path.join(commandsDir, name)),
    testSrc: importPath(testsDir, srcDir),
    helpers: importPath(testsDir, helpersDir),
  });
  // 'wx' fails rather than overwrite, should the file appear between the check and the write.
  await writeFile(commandFile, command, { flag: 'wx' });
  await writeFile(testFile, test, { flag: 'wx' });
  return { commandFile, testFile };
}

/** The CLI; resolves with the exit code. */
export async function runNewCommandCli(
  argv: readonly string[],
  io: { stdout: (line: string) => void; stderr: (line: string) => void; dirs?: ScaffoldDirs },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || rest.length > 0) {
    (name === '--help' || name === '-h' ? io.stdout : io.stderr)(
      'Usage: npm run new-command NAME   (NAME in kebab-case, e.g. top-quotes)',
    );
    return name === '--help' || name === '-h' ? 0 : 1;
  }
  try {
    const { commandFile, testFile } = await scaffoldCommand(name, io.dirs);
    const shown = (file: string): string => path.relative(process.cwd(), file) || file;
    io.stdout(
      [
        `Created ${shown(commandFile)} and ${shown(testFile)}.`,
        'Next:',
        `  npm run console -- '/${name} words:reservists'   try it locally`,
        `  npx vitest run ${shown(testFile)}               run its test (npm test runs the contract test too)`,
        '  npm run deploy                                  register it with Discord',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    io.stderr(
      error instanceof ScaffoldError
        ? error.message
        : `Could not create the command: ${(error as Error).message}`,
    );
    return 1;
  }
}

const isEntryPoint =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  process.exitCode = await runNewCommandCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
