import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../src/command.ts';
import { parseCommandLine } from '../src/command-line.ts';
import { loadCommands } from '../src/registry.ts';

let commands: ReadonlyMap<string, Command>;
beforeAll(async () => {
  const registry = await loadCommands();
  expect(registry.problems).toEqual([]);
  commands = registry.commands;
});

describe('console command lines', () => {
  it('reads named options the way Discord shows them', () => {
    expect(
      parseCommandLine('/who-said quote:hasty withdrawal article:russia-tajikistan-base', commands),
    ).toEqual({
      ok: true,
      name: 'who-said',
      values: { quote: 'hasty withdrawal', article: 'russia-tajikistan-base' },
    });
  });

  it('takes the single required option bare', () => {
    expect(parseCommandLine('/who-said hasty withdrawal', commands)).toMatchObject({
      ok: true,
      values: { quote: 'hasty withdrawal' },
    });
    expect(parseCommandLine('/quotes Lavrov', commands)).toMatchObject({
      ok: true,
      values: { speaker: 'Lavrov' },
    });
  });

  it('keeps colons that are not option names inside a value', () => {
    expect(parseCommandLine('/ask question:What happened at 10:30 on Wednesday?', commands)).toMatchObject({
      ok: true,
      values: { question: 'What happened at 10:30 on Wednesday?' },
    });
  });

  it('accepts a command without the leading slash and in any case', () => {
    expect(parseCommandLine('HELP', commands)).toMatchObject({ ok: true, name: 'help' });
  });

  it('names an unknown command and suggests the nearest', () => {
    const parsed = parseCommandLine('/who-sayd quote:x', commands);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain('Unknown command');
      expect(parsed.suggestions).toContain('/who-said');
    }
  });

  it('rejects an option the command does not have, listing the ones it has', () => {
    const parsed = parseCommandLine('/who-said speaker:Lavrov', commands);
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.error).toMatch(/no option "speaker".*quote/);
  });

  it('asks for a missing required option by name', () => {
    const parsed = parseCommandLine('/quotes', commands);
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.error).toContain('speaker');
  });

  it('checks choices and booleans', () => {
    expect(parseCommandLine('/summary length:tiny', commands)).toMatchObject({ ok: false });
    expect(parseCommandLine('/summary length:LONG hide:yes', commands)).toMatchObject({
      ok: true,
      values: { length: 'long', hide: true },
    });
    expect(parseCommandLine('/summary hide:maybe', commands)).toMatchObject({ ok: false });
  });

  it('enforces the same length limits as Discord', () => {
    expect(parseCommandLine(`/who-said quote:${'a'.repeat(301)}`, commands)).toMatchObject({ ok: false });
  });

  it('treats an empty line and control characters as bad input, not a crash', () => {
    expect(parseCommandLine('', commands)).toMatchObject({ ok: false });
    expect(parseCommandLine('\u0000\u0007', commands)).toMatchObject({ ok: false });
  });

  it('rejects the same option given twice', () => {
    expect(parseCommandLine('/who-said quote:a quote:b', commands)).toMatchObject({ ok: false });
  });
});
