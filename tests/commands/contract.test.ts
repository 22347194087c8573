import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.ts';
import type { Command, CommandOptionJSON, OptionValue } from '../../src/command.ts';
import { createOptions } from '../../src/command.ts';
import { contextMenus } from '../../src/discord/context-menu.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { COMMANDS_DIR, isCommandFile, loadCommands } from '../../src/registry.ts';
import { loadKb } from '../helpers/kb.ts';

/**
 * The contract every module in `commands/` keeps, so a new command cannot break deploy (Discord
 * refuses the whole list for one bad field) or the front ends (an exception is a bug; a miss is a
 * value). Limits are Discord's, from its application-command documentation.
 */

const registry = await loadCommands();
const commands = [...registry.commands.values()];
const names = commands.map((c) => c.data.name);
let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadKb('seeds');
});

/** Discord's CHAT_INPUT name rule (the `u` flag makes \p{…} work); lowercase where a letter has case. */
const CHAT_INPUT_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const OPTION_TYPE = {
  subcommand: 1,
  group: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  channel: 7,
  number: 10,
  attachment: 11,
} as const;
/** name + description + choice values of a command, its options and choices: Discord caps the sum. */
const MAX_COMBINED_CHARS = 4000;

/** A value a person could plausibly type, by option name, so `run` exercises its real path. */
const PLAUSIBLE: Readonly<Record<string, string>> = {
  quote: 'hasty withdrawal',
  text: 'hasty withdrawal',
  speaker: 'Lavrov',
  name: 'Lavrov',
  person: 'Lavrov',
  question: 'How many reservists did Tajikistan activate?',
  topic: 'reservists',
  words: 'reservists',
  query: 'reservists',
  article: 'russia-tajikistan-base',
  command: 'who-said',
};

function plausibleValue(option: CommandOptionJSON): OptionValue {
  const first = option.choices?.[0];
  if (first !== undefined) return first.value;
  if (option.type === OPTION_TYPE.string) return PLAUSIBLE[option.name] ?? 'Lavrov';
  if (option.type === OPTION_TYPE.boolean) return false;
  return option.min_value ?? 1;
}

/** Every problem of one command's JSON against Discord's limits, as readable strings. */
function limitProblems(json: ReturnType<Command['data']['toJSON']>): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => void (ok || problems.push(what));
  const validName = (n: unknown): boolean =>
    typeof n === 'string' && CHAT_INPUT_NAME.test(n) && n === n.toLowerCase();
  const length = (s: unknown, min: number, max: number): boolean =>
    typeof s === 'string' && s.length >= min && s.length <= max;
  let combined = json.name.length + json.description.length;

  check(validName(json.name), `name "${json.name}" must match ${CHAT_INPUT_NAME} in lowercase`);
  check(length(json.description, 1, 100), 'description must be 1–100 characters');
  const options = (json.options ?? []) as readonly (CommandOptionJSON & { options?: CommandOptionJSON[] })[];
  check(options.length <= 25, `at most 25 options (has ${options.length})`);
  check(new Set(options.map((o) => o.name)).size === options.length, 'option names must be unique');
  let seenOptional = false;
  for (const o of options) {
    const at = `option "${o.name}"`;
    combined += o.name.length + (o.description?.length ?? 0);
    check(validName(o.name), `${at}: name must match ${CHAT_INPUT_NAME} in lowercase`);
    check(length(o.description, 1, 100), `${at}: description must be 1–100 characters`);
    check(Object.values(OPTION_TYPE).includes(o.type as 3), `${at}: unexpected type ${o.type}`);
    if (o.type === OPTION_TYPE.subcommand || o.type === OPTION_TYPE.group) {
      problems.push(`${at}: subcommands need their own contract checks (not used yet)`);
      continue;
    }
    if (o.required === true) check(!seenOptional, `${at}: required options must come before optional ones`);
    else seenOptional = true;
    if (o.max_length !== undefined)
      check(o.max_length >= 1 && o.max_length <= 6000, `${at}: max_length must be 1–6000`);
    if (o.min_length !== undefined)
      check(
        o.min_length >= 0 && o.min_length <= 6000 && o.min_length <= (o.max_length ?? 6000),
        `${at}: min_length must be 0–6000 and ≤ max_length`,
      );
    if (o.type === OPTION_TYPE.string && o.choices === undefined)
      check(
        o.max_length !== undefined,
        `${at}: give free-text options a max_length (input is searched; unbounded text is a cost)`,
      );
    if (o.choices !== undefined) {
      check(o.choices.length <= 25, `${at}: at most 25 choices`);
      check(o.autocomplete !== true, `${at}: autocomplete and choices cannot both be set`);
      for (const c of o.choices) {
        combined += c.name.length + String(c.value).length;
        check(length(c.name, 1, 100), `${at}: choice name "${c.name}" must be 1–100 characters`);
        if (typeof c.value === 'string')
          check(length(c.value, 1, 100), `${at}: choice value "${c.value}" must be 1–100 characters`);
      }
    }
    if (o.autocomplete === true)
      check(
        o.type === OPTION_TYPE.string || o.type === OPTION_TYPE.integer || o.type === OPTION_TYPE.number,
        `${at}: autocomplete needs a string, integer or number option`,
      );
  }
  check(
    combined <= MAX_COMBINED_CHARS,
    `names, descriptions and choices total ${combined} characters (max ${MAX_COMBINED_CHARS})`,
  );
  check(JSON.stringify(json).length <= 8000, 'command JSON is unreasonably large');
  return problems;
}

/** Problems with an answer's shape (empty when it follows src/answer.ts). */
function answerProblems(answer: Answer, name: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => void (ok || problems.push(what));
  check(typeof answer === 'object' && answer !== null, 'answer must be an object');
  check(answer.command === name, `answer.command must be "${name}" (is "${answer.command}")`);
  check(typeof answer.ok === 'boolean', 'answer.ok must be a boolean');
  if (!answer.ok) {
    check(
      typeof answer.error === 'string' && answer.error.trim() !== '',
      'a failed answer needs an error message',
    );
    return problems;
  }
  check(Array.isArray(answer.results), 'answer.results must be an array');
  check(
    answer.message === undefined || typeof answer.message === 'string',
    'answer.message must be a string',
  );
  if (answer.results.length === 0)
    check(
      typeof answer.message === 'string' && answer.message !== '',
      'an empty answer must say why in `message`',
    );
  answer.results.forEach((r, i) => {
    const at = `results[${i}]`;
    check(typeof r.kind === 'string' && typeof r.text === 'string', `${at}: needs kind and text`);
    if (r.score !== undefined) check(r.score >= 0 && r.score <= 1, `${at}: score ${r.score} is outside 0..1`);
    if (r.citation !== undefined) {
      const article = kb.article(r.citation.article);
      check(article !== undefined, `${at}: cites unknown article "${r.citation.article}"`);
      check(
        Number.isInteger(r.citation.paragraph) &&
          article?.paragraphs.some((p) => p.number === r.citation?.paragraph) === true,
        `${at}: cites ¶${r.citation.paragraph}, which ${r.citation.article} does not have`,
      );
    }
  });
  return problems;
}

const run = (command: Command, values: Record<string, OptionValue>): Promise<Answer> =>
  Promise.resolve(command.run({ kb, options: createOptions(values), commands: registry.commands }));

describe('the command registry', () => {
  it('loads every module in commands/ without problems', () => {
    expect(registry.problems).toEqual([]);
    expect(commands.length).toBeGreaterThan(0);
  });

  it('has one command per file, named as the file, names unique', async () => {
    const files = (await readdir(COMMANDS_DIR))
      .filter(isCommandFile)
      .map((f) => f.replace(/\.(ts|js|mjs)$/, ''));
    expect([...names].sort()).toEqual([...files].sort());
    expect(new Set(names).size).toBe(names.length);
    // Discord allows 100 chat-input commands per scope.
    expect(names.length).toBeLessThanOrEqual(100);
  });
});

describe.each(commands.map((c) => [c.data.name, c] as const))('/%s', (name, command) => {
  const json = command.data.toJSON();
  const options = (json.options ?? []) as readonly CommandOptionJSON[];
  const required = options.filter((o) => o.required === true);

  it("keeps within Discord's limits", () => {
    expect(json.type ?? 1).toBe(1);
    expect(limitProblems(json)).toEqual([]);
  });

  it('moderator commands are hidden from members; examples use the command', () => {
    if (command.moderator === true) expect(json.default_member_permissions).toMatch(/^[1-9]\d*$/);
    for (const example of command.examples ?? []) expect(example.startsWith(`/${name}`), example).toBe(true);
  });

  it('run answers plausible input with a well-formed Answer', async () => {
    const values = Object.fromEntries(required.map((o) => [o.name, plausibleValue(o)]));
    const answer = await run(command, values);
    expect(answerProblems(answer, name)).toEqual([]);
  });

  it('run treats odd input as a value, never an exception', async () => {
    // Blank required text, and every option set at once (an article filter with the rest).
    const blank = Object.fromEntries(
      required.map((o) => [o.name, o.type === OPTION_TYPE.string ? '' : plausibleValue(o)]),
    );
    expect(answerProblems(await run(command, blank), name)).toEqual([]);
    const all = Object.fromEntries(options.map((o) => [o.name, plausibleValue(o)]));
    expect(answerProblems(await run(command, all), name)).toEqual([]);
    const unknownArticle = options.some((o) => o.name === 'article')
      ? { ...all, article: 'no-such-article-anywhere' }
      : all;
    expect(answerProblems(await run(command, unknownArticle), name)).toEqual([]);
  });

  it('autocomplete, when an option asks for it, suggests at most 25 choices of 1–100 characters', () => {
    const autocompleted = options.filter((o) => o.autocomplete === true);
    if (autocompleted.length === 0) {
      // Discord would never call it: dead code that suggests a missing setAutocomplete(true).
      expect(command.autocomplete).toBeUndefined();
      return;
    }
    expect(
      command.autocomplete,
      'an option asks for autocomplete, so the module needs autocomplete()',
    ).toBeTypeOf('function');
    for (const option of autocompleted) {
      for (const typed of ['', 'la', 'Lavrov', 'x'.repeat(100)]) {
        const choices =
          command.autocomplete?.({
            kb,
            focused: { name: option.name, value: typed },
            options: createOptions({ [option.name]: typed }),
            commands: registry.commands,
          }) ?? [];
        const at = `${option.name}="${typed.slice(0, 10)}"`;
        expect(Array.isArray(choices), at).toBe(true);
        expect(choices.length, at).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length, `${at} name "${c.name}"`).toBeGreaterThanOrEqual(1);
          expect(c.name.length, `${at} name "${c.name}"`).toBeLessThanOrEqual(100);
          expect(String(c.value).length, `${at} value "${c.value}"`).toBeGreaterThanOrEqual(1);
          expect(String(c.value).length, `${at} value "${c.value}"`).toBeLessThanOrEqual(100);
        }
      }
    }
  });
});

describe('message context menus', () => {
  it('are valid message commands with unique names', () => {
    const seen = new Set<string>();
    for (const menu of contextMenus) {
      const json = menu.data.toJSON() as {
        name: string;
        type: number;
        description?: string;
        options?: unknown[];
        contexts?: number[];
      };
      expect(json.type, json.name).toBe(3);
      expect(json.name.length).toBeGreaterThanOrEqual(1);
      expect(json.name.length).toBeLessThanOrEqual(32);
      expect(json.description ?? '').toBe('');
      expect(json.options ?? []).toEqual([]);
      for (const c of json.contexts ?? []) expect([0, 1, 2]).toContain(c);
      expect(seen.has(json.name)).toBe(false);
      seen.add(json.name);
    }
    // Discord caps message commands per scope (5 historically, 15 now): stay under the older cap.
    expect(contextMenus.length).toBeLessThanOrEqual(5);
  });

  it('answer a quoted message, and an empty one, with well-formed Answers', async () => {
    for (const menu of contextMenus) {
      for (const content of ['“hasty withdrawal”', '', 'x'.repeat(5000)]) {
        const answer = await menu.run({ kb, message: { id: '1', content } });
        expect(answerProblems(answer, answer.command)).toEqual([]);
        expect(answer.command).toMatch(/^[a-z-]+$/);
      }
    }
  });
});
