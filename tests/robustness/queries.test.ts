import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import type { OptionValue } from '../../src/command.ts';
import { commandOptions } from '../../src/command-line.ts';
import { answerLine } from '../../src/console.ts';
import { renderAnswer } from '../../src/discord/render.ts';
import { execute } from '../../src/dispatch.ts';
import { renderJson, renderText } from '../../src/render/text.ts';
import { validateMessageBody } from '../fake-discord/index.ts';
import { expectWellFormed } from './check-answer.ts';
import { MENTION_PATTERNS, NASTY_INPUTS } from './inputs.ts';

/**
 * Every option of every command, given every hostile input, through `execute()` (no Discord-side
 * length checks in front of it) and through console lines: each gets a well-formed Answer, never
 * an exception, and each renders to text, one JSON line and a Discord body Discord would accept.
 * Then properties over generated queries: citations point at real paragraphs holding the quote,
 * and answers are deterministic.
 */

let app: App;
let twin: App;
const SEEDS = 'seeds';

beforeAll(async () => {
  [app, twin] = await Promise.all([loadApp({ articlesDir: SEEDS }), loadApp({ articlesDir: SEEDS })]);
});

/** The values for `name`'s required string options, so the option under test is the odd one. */
function baseValues(name: string): Record<string, OptionValue> {
  const command = app.commands.get(name);
  const values: Record<string, OptionValue> = {};
  for (const o of command ? commandOptions(command) : []) if (o.required === true) values[o.name] = 'Lavrov';
  return values;
}

/** Checks an answer renders everywhere: text, a single JSON line, an accepted Discord body. */
function expectRenders(answer: Awaited<ReturnType<typeof execute>>, where: string): void {
  expect(() => renderText(answer, (id) => app.kb.article(id)), where).not.toThrow();
  const json = renderJson(answer);
  expect(json.includes('\n'), `${where}: one JSON line`).toBe(false);
  expect(JSON.parse(json), where).toMatchObject({ command: answer.command, ok: answer.ok });
  const body = renderAnswer(answer, (id) => app.kb.article(id));
  const wire = { ...body, allowed_mentions: { parse: [] }, ...(body.ephemeral ? { flags: 64 } : {}) };
  delete (wire as { ephemeral?: boolean }).ephemeral;
  expect(
    validateMessageBody(wire, { requireSilentMentions: true }),
    `${where}: Discord accepts the body`,
  ).toBeNull();
  const shown = [
    body.content ?? '',
    ...body.embeds.flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.author?.name ?? '',
      e.footer?.text ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join('\n');
  for (const pattern of MENTION_PATTERNS)
    expect(shown, `${where}: no live mention ${pattern}`).not.toMatch(pattern);
}

const stringOptions = (): { command: string; option: string }[] =>
  [...app.commands].flatMap(([name, command]) =>
    commandOptions(command)
      .filter((o) => o.type === 3)
      .map((o) => ({ command: name, option: o.name })),
  );

describe('hostile option values through execute()', () => {
  it('every string option of every command answers each input with a well-formed Answer', async () => {
    const targets = stringOptions();
    expect(targets.length).toBeGreaterThanOrEqual(15);
    let tried = 0;
    for (const { command, option } of targets) {
      for (const input of NASTY_INPUTS) {
        const where = `/${command} ${option}=<${input.label}>`;
        const errors: unknown[] = [];
        const answer = await execute(app, command, { ...baseValues(command), [option]: input.value }, (e) =>
          errors.push(e),
        );
        expect(errors, `${where} threw`).toEqual([]);
        expect(answer.command, where).toBe(command);
        expectWellFormed(app.kb, answer, where);
        expectRenders(answer, where);
        tried++;
      }
    }
    console.log(`hostile inputs: ${tried} option values over ${targets.length} options`);
  });

  it('commands without string options, and an unknown command name, answer too', async () => {
    for (const name of [...app.commands.keys(), 'no-such-command', '', '../../etc/passwd']) {
      const answer = await execute(app, name, {});
      expectWellFormed(app.kb, answer, `/${name}`);
      expectRenders(answer, `/${name}`);
    }
  });

  it('odd types where strings are expected are still answered (a value Discord would never send)', async () => {
    for (const { command, option } of stringOptions()) {
      for (const value of [0, -1, 1e308, true, false] as const) {
        const answer = await execute(app, command, { ...baseValues(command), [option]: value });
        expectWellFormed(app.kb, answer, `/${command} ${option}=${String(value)}`);
      }
    }
  });
});

describe('hostile console lines', () => {
  it('each input as a bare value and as every named option gives a well-formed Answer', async () => {
    let tried = 0;
    for (const { command, option } of stringOptions()) {
      for (const input of NASTY_INPUTS) {
        for (const line of [
          `/${command} ${option}:${input.value}`,
          `/${command} ${input.value}`,
          `${input.value}`,
        ]) {
          const errors: unknown[] = [];
          const answer = await answerLine(app, line, (e) => errors.push(e));
          const where = `console ${JSON.stringify(line.slice(0, 60))}`;
          expect(errors, where).toEqual([]);
          expectWellFormed(app.kb, answer, where);
          expectRenders(answer, where);
          tried++;
        }
      }
    }
    console.log(`hostile console lines: ${tried}`);
  });
});

/** Queries: seed words and names mixed with arbitrary text, so some match and some do not. */
const SEED_WORDS = [
  'hasty',
  'withdrawal',
  'Lavrov',
  'Sergei',
  'Tajikistan',
  'base',
  'Russia',
  'Afghanistan',
  'Taliban',
  'reservists',
  'soldiers',
  'border',
  'CSTO',
  'military',
  'allies',
  'everything',
  'fighting',
  '1,000',
  'Putin',
  'Dushanbe',
  'DeCamp',
  'US',
  'troops',
  'July',
];
const query = fc.oneof(
  fc.array(fc.constantFrom(...SEED_WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
  fc
    .tuple(fc.constantFrom(...SEED_WORDS), fc.string({ maxLength: 20, unit: 'grapheme' }))
    .map(([w, s]) => `${w} ${s}`),
  fc.string({ maxLength: 40, unit: 'binary' }),
);
const SEARCH_COMMANDS: readonly [string, string][] = [
  ['who-said', 'quote'],
  ['quotes', 'speaker'],
  ['ask', 'question'],
  ['facts', 'topic'],
  ['who', 'name'],
  ['check-quote', 'text'],
  ['summary', 'topic'],
  ['pull-quote', 'quote'],
  ['source', 'article'],
];
const RUNS = 150;

describe('properties of answers', () => {
  it(`every citation points at an existing paragraph that holds the quote (${RUNS} runs × ${SEARCH_COMMANDS.length} commands)`, async () => {
    let cited = 0;
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        for (const [command, option] of SEARCH_COMMANDS) {
          const answer = await execute(app, command, { [option]: q });
          expectWellFormed(app.kb, answer, `/${command} ${option}:${JSON.stringify(q)}`);
          if (answer.ok) cited += answer.results.filter((r) => r.citation !== undefined).length;
        }
      }),
      { numRuns: RUNS, seed: 6_2024 },
    );
    // The generator must reach real answers, or the property says nothing about citations.
    expect(cited).toBeGreaterThan(RUNS);
  });

  it(`answers are deterministic: same input, same knowledge -> deep-equal answer (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom(...SEARCH_COMMANDS), async (q, [command, option]) => {
        const first = await execute(app, command, { [option]: q });
        const again = await execute(app, command, { [option]: q });
        // An independently built knowledge base from the same folder: no hidden state or order.
        const other = await execute(twin, command, { [option]: q });
        expect(again).toEqual(first);
        expect(other).toEqual(first);
      }),
      { numRuns: RUNS, seed: 6_2025 },
    );
  });
});
