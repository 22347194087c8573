import { fail } from './answer.ts';
import type { Answer } from './answer.ts';
import type { Command, OptionValue } from './command.ts';
import { createOptions } from './command.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import type { Library } from './store/library.ts';

export interface Runtime {
  kb: KnowledgeBase;
  commands: ReadonlyMap<string, Command>;
  /** Added articles: each server answers from its own view (folder articles + its own). */
  library?: Library | undefined;
}

/** Where a command came from: the server (or "console" scope) and the user. */
export interface Caller {
  guildId?: string | undefined;
  userId?: string | undefined;
}

/**
 * Runs one command with checked option values. A command that throws is a bug: it is reported
 * through `onError` and the user gets a plain apology instead of a crash.
 */
export async function execute(
  runtime: Runtime,
  name: string,
  values: Readonly<Record<string, OptionValue>>,
  onError: (error: unknown) => void = () => {},
  caller: Caller = {},
): Promise<Answer> {
  const command = runtime.commands.get(name);
  if (!command) return fail(name, `Unknown command "/${name}". Type /help for the list.`);
  try {
    const kb = runtime.library?.kbFor(caller.guildId) ?? runtime.kb;
    return await command.run({
      kb,
      options: createOptions(values),
      commands: runtime.commands,
      guildId: caller.guildId,
      userId: caller.userId,
      library: runtime.library,
    });
  } catch (error) {
    onError(error);
    return fail(name, 'Something went wrong while answering. The error was logged; please try again.');
  }
}
