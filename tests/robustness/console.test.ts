import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { runConsole } from '../../src/console.ts';
import { NASTY_INPUTS } from './inputs.ts';

/**
 * `--json` batch mode emits exactly one JSON object per input line, whatever the line.
 *
 * What a "line" is: what Node's readline yields, i.e. text ended by LF, CRLF or a lone CR (a
 * file saved on any OS reads the same). Unicode separators (U+2028, U+2029, U+0085), vertical tab
 * and form feed do NOT end a line: they are characters inside it, and JSON.stringify keeps them
 * inside the one output line. A final line without a newline still counts; an empty input has no
 * lines. Blank lines count too (each gets `{"ok":false,"error":"Empty line…"}`), so output line N
 * always answers input line N.
 */

let app: App;
beforeAll(async () => {
  app = await loadApp({ articlesDir: 'seeds' });
});

/** Input lines as readline splits them (see the module comment). */
function splitLines(input: string): string[] {
  if (input === '') return [];
  const lines = input.split(/\r\n|\n|\r/);
  if (/(?:\r\n|\n|\r)$/.test(input)) lines.pop();
  return lines;
}

async function runJson(input: string, chunks = 1): Promise<{ code: number; stdout: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.resume();
  // Split the input in arbitrary places (a CRLF may straddle two chunks, as from a pipe).
  const size = Math.max(1, Math.ceil(input.length / chunks));
  const parts: string[] = [];
  for (let i = 0; i < input.length; i += size) parts.push(input.slice(i, i + size));
  const code = await runConsole(
    { argv: ['--json'], stdin: Readable.from(parts), stdout, stderr, env: {} },
    app,
  );
  return { code, stdout: out };
}

function expectOneObjectPerLine(input: string, stdout: string): void {
  const expected = splitLines(input).length;
  const out = stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n');
  expect(out, `for input ${JSON.stringify(input.slice(0, 120))}`).toHaveLength(expected);
  for (const line of out) {
    const obj = JSON.parse(line) as Record<string, unknown>;
    expect(typeof obj.command).toBe('string');
    expect(typeof obj.ok).toBe('boolean');
  }
}

const LINE_BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f'];
const linePart = fc.oneof(
  fc.constantFrom(
    '/who-said quote:hasty withdrawal',
    '/quotes Lavrov',
    '/ask question:How many?',
    '/nope',
    '',
    ' ',
    'help',
    '/help command:ask',
  ),
  fc.constantFrom(...NASTY_INPUTS.map((i) => i.value)),
  fc.string({ maxLength: 30, unit: 'grapheme' }),
  fc.string({ maxLength: 30, unit: 'binary' }),
);
const consoleInput = fc
  .array(fc.tuple(linePart, fc.constantFrom(...LINE_BREAKS)), { maxLength: 12 })
  .map((parts) => parts.map(([text, br]) => text + br).join(''));
const RUNS = 120;

describe('console --json', () => {
  it(`emits exactly one JSON object per input line for arbitrary lines (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(consoleInput, fc.integer({ min: 1, max: 7 }), async (input, chunks) => {
        const { code, stdout } = await runJson(input, chunks);
        expect(code).toBe(0);
        expectOneObjectPerLine(input, stdout);
      }),
      { numRuns: RUNS, seed: 6_2028 },
    );
  });

  it('counts LF, CRLF and lone CR as line ends, and nothing else', async () => {
    const input = 'a\nb\r\nc\rd\u2028still d\u2029still d\u0085still d\vstill d\fstill d\n\n/help';
    const { stdout } = await runJson(input);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok: boolean; error?: string });
    expect(out).toHaveLength(6);
    expect(out[4]?.error).toMatch(/Empty line/);
    expect(out[5]?.ok).toBe(true);
  });

  it('answers every hostile input line, one object each, in order', async () => {
    const lines = NASTY_INPUTS.map((i) => `/who-said quote:${i.value.replace(/[\r\n]/g, ' ')}`);
    const { stdout } = await runJson(lines.join('\n'));
    expectOneObjectPerLine(lines.join('\n'), stdout);
  });
});
