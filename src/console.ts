import path from 'node:path';
import readline from 'node:readline';
import { fail } from './answer.ts';
import type { Answer } from './answer.ts';
import { loadApp } from './app.ts';
import type { App } from './app.ts';
import { parseCommandLine } from './command-line.ts';
import { MAX_LINE, capLines, stripControls } from './console-safety.ts';
import { cacheDirOf } from './config.ts';
import { DEFAULT_CACHE_DIR } from './knowledge/loader.ts';
import { execute } from './dispatch.ts';
import { renderJson, renderText } from './render/text.ts';
import { CONSOLE_SCOPE, librarySettingsFromEnv, openLibrary } from './store/open.ts';

/**
 * The local front end: the same slash commands as Discord, typed in a terminal or piped in.
 * `npm run console -- [--articles DIR] [--json] ['/command option:value ...']`
 */

export interface ConsoleIO {
  argv: readonly string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
}

export interface ConsoleArgs {
  articlesDir: string;
  json: boolean;
  line: string | null;
  help: boolean;
}

export const CONSOLE_USAGE = `Usage: npm run console -- [--articles DIR] [--json] ['/command option:value ...']
  With a command it answers once and exits; without, it reads one command per line from stdin.
  --articles DIR  folder of articles (default: ARTICLES_DIR or seeds)
  --json          one JSON object per input line on stdout
Try: /help, /articles, /who-said quote:hasty withdrawal`;

/** Reads the console's own flags; everything else is the command line. */
export function parseConsoleArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ConsoleArgs | { error: string } {
  let articlesDir = env['ARTICLES_DIR'] || 'seeds';
  let json = false;
  let help = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--articles') {
      const dir = argv[i + 1];
      if (dir === undefined || dir.startsWith('--'))
        return { error: '--articles needs a folder, e.g. --articles seeds' };
      articlesDir = dir;
      i++;
    } else if (arg.startsWith('--articles=')) articlesDir = arg.slice('--articles='.length);
    else if (arg.startsWith('--') && rest.length === 0)
      return { error: `Unknown flag ${arg}.\n${CONSOLE_USAGE}` };
    else rest.push(arg);
  }
  return { articlesDir, json, help, line: rest.length > 0 ? rest.join(' ') : null };
}

/** A progress line on stderr while a big folder loads (rewritten in place on a terminal). */
function progressLine(
  stderr: NodeJS.WritableStream & { isTTY?: boolean },
): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    if (total < 200) return;
    const pct = Math.floor((done / total) * 100);
    if (pct === last) return;
    last = pct;
    if (stderr.isTTY)
      stderr.write(`\rLoading articles: ${done}/${total} (${pct}%)${done === total ? '\n' : ''}`);
    else if (pct % 10 === 0) stderr.write(`Loading articles: ${done}/${total} (${pct}%)\n`);
  };
}

/** Answers one line (a command as typed in Discord). Never throws. */
export async function answerLine(
  app: App,
  line: string,
  onError?: (error: unknown) => void,
): Promise<Answer> {
  const parsed = parseCommandLine(line, app.commands);
  if (!parsed.ok) return fail(parsed.name ?? '', parsed.error, parsed.suggestions);
  return execute(app, parsed.name, parsed.values, onError, { guildId: CONSOLE_SCOPE, userId: 'console' });
}

/** Writes to the terminal (or a pipe) without any control character from article text. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(stripControls(text))) resolve();
    else stream.once('drain', () => resolve());
  });
}

/**
 * Runs the console. Returns the exit code: 0, or 1 when a one-shot command was bad input or the
 * flags were wrong. Load problems go to stderr, never stdout, so `--json` output stays parseable.
 */
export async function runConsole(io: ConsoleIO, preloaded?: App): Promise<number> {
  const args = parseConsoleArgs(io.argv, io.env);
  if ('error' in args) {
    await write(io.stderr, `${args.error}\n`);
    return 1;
  }
  if (args.help) {
    await write(io.stdout, `${CONSOLE_USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  const cacheDir = cacheDirOf({ CACHE_DIR: io.env['CACHE_DIR'] || DEFAULT_CACHE_DIR });
  const app =
    preloaded ??
    (await loadApp({
      articlesDir: path.resolve(args.articlesDir),
      cacheDir,
      onProgress: progressLine(io.stderr),
    }));
  if (!preloaded) {
    // Articles added with /article add (DATA_DIR/newsroom.db); a broken database only warns.
    const opened = await openLibrary(app, librarySettingsFromEnv(io.env));
    app.library = opened.library;
    if (opened.problem !== undefined)
      await write(io.stderr, `warning: added articles are unavailable: ${opened.problem}\n`);
    for (const p of opened.library.problems)
      await write(io.stderr, `warning: skipped stored article ${p.file}: ${p.reason}\n`);
  }
  for (const p of app.problems.articles)
    await write(io.stderr, `warning: skipped article ${p.file}: ${p.reason}\n`);
  for (const p of app.problems.commands)
    await write(io.stderr, `warning: skipped command ${p.file}: ${p.reason}\n`);
  if (!preloaded) {
    const quotes = app.kb.knowledge.reduce((n, k) => n + k.quotes.length, 0);
    await write(
      io.stderr,
      `Loaded ${app.kb.articles.length} article(s), ${quotes} quote(s) from ${args.articlesDir} in ${Math.round(performance.now() - started)} ms.\n`,
    );
  }
  const onError = (error: unknown): void => {
    io.stderr.write(stripControls(`error: ${(error as Error).stack ?? String(error)}\n`));
  };
  const render = (answer: Answer): string =>
    args.json
      ? renderJson(answer)
      : renderText(answer, (id) => app.kb.article(id) ?? app.library?.article(id));

  if (args.line !== null) {
    const answer = await answerLine(app, args.line, onError);
    await write(io.stdout, `${render(answer)}\n`);
    return answer.ok ? 0 : 1;
  }

  const interactive = io.stdin.isTTY === true && !args.json;
  const rl = readline.createInterface({
    // Interactive input is typed; piped input may be anything, so its lines are capped.
    input: interactive ? io.stdin : io.stdin.pipe(capLines()),
    ...(interactive ? { output: io.stdout, prompt: 'newsroom> ' } : {}),
    terminal: interactive,
  });
  if (interactive) {
    await write(io.stdout, 'Type a command (/help lists them), or Ctrl-D to quit.\n');
    rl.prompt();
  }
  for await (const line of rl) {
    if (line.trim() === '' && !args.json) {
      if (interactive) rl.prompt();
      continue;
    }
    if (interactive && /^(exit|quit|\/exit|\/quit)$/i.test(line.trim())) break;
    const answer =
      line.length >= MAX_LINE
        ? fail('', `Line too long (over ${MAX_LINE / 1024} KB); ignored.`)
        : await answerLine(app, line, onError);
    await write(io.stdout, `${render(answer)}\n${args.json ? '' : '\n'}`);
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { config } = await import('dotenv');
  config({ quiet: true });
  const code = await runConsole({
    argv: process.argv.slice(2),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
  process.exitCode = code;
}
