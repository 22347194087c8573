import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from './command.ts';

/** A command file that could not be used, named with the reason (front ends log these). */
export interface RegistryProblem {
  file: string;
  reason: string;
}

export interface Registry {
  commands: Map<string, Command>;
  problems: RegistryProblem[];
}

/** The folder shipped with the project: `<repo>/commands`. */
export const COMMANDS_DIR = path.resolve(import.meta.dirname, '..', 'commands');

const NAME_PATTERN = /^[a-z0-9-]{1,32}$/;

/**
 * Files in `commands/` that are command modules: `.ts`/`.js`, not `_private.ts`, not `index`,
 * not declarations or tests.
 */
export function isCommandFile(file: string): boolean {
  if (!/\.(ts|js|mjs)$/.test(file)) return false;
  if (file.startsWith('_') || file.startsWith('.')) return false;
  if (/\.d\.ts$|\.test\.|\.spec\./.test(file)) return false;
  return !/^index\.(ts|js|mjs)$/.test(file);
}

/** Checks that a module's default export has the Command shape; returns a reason when not. */
export function checkCommandModule(
  file: string,
  value: unknown,
): { ok: true; command: Command } | { ok: false; reason: string } {
  const expected = path.basename(file).replace(/\.(ts|js|mjs)$/, '');
  if (typeof value !== 'object' || value === null)
    return { ok: false, reason: 'no default export (export default { data, run })' };
  const candidate = value as Partial<Command>;
  const data = candidate.data;
  if (!data || typeof data.toJSON !== 'function')
    return { ok: false, reason: '`data` must be a slash command builder' };
  if (typeof candidate.run !== 'function') return { ok: false, reason: '`run` must be a function' };
  if (candidate.autocomplete !== undefined && typeof candidate.autocomplete !== 'function') {
    return { ok: false, reason: '`autocomplete` must be a function' };
  }
  let name: string;
  try {
    name = data.toJSON().name;
  } catch (error) {
    return { ok: false, reason: `invalid builder: ${(error as Error).message}` };
  }
  if (!NAME_PATTERN.test(name)) return { ok: false, reason: `invalid command name "${name}"` };
  if (name !== expected)
    return { ok: false, reason: `command name "${name}" does not match the file name "${expected}"` };
  return { ok: true, command: candidate as Command };
}

/**
 * Loads every command module in `dir`. A broken module is reported by file and skipped; the
 * others still load. Commands are returned sorted by name so /help and deploys are stable.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Registry> {
  const problems: RegistryProblem[] = [];
  const found: [string, Command][] = [];
  let files: string[];
  try {
    files = (await readdir(dir)).filter(isCommandFile).sort();
  } catch (error) {
    return { commands: new Map(), problems: [{ file: dir, reason: (error as Error).message }] };
  }
  for (const file of files) {
    try {
      const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
      const checked = checkCommandModule(file, mod.default);
      if (!checked.ok) {
        problems.push({ file, reason: checked.reason });
        continue;
      }
      const name = checked.command.data.name;
      if (found.some(([n]) => n === name)) {
        problems.push({ file, reason: `duplicate command name "${name}"` });
        continue;
      }
      found.push([name, checked.command]);
    } catch (error) {
      problems.push({ file, reason: `failed to load: ${(error as Error).message}` });
    }
  }
  found.sort(([a], [b]) => a.localeCompare(b));
  return { commands: new Map(found), problems };
}
