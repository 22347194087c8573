import type { LoadProblem } from './article/types.ts';
import type { Command } from './command.ts';
import { buildKnowledgeBase, buildKnowledgeBaseAsync } from './knowledge/knowledge-base.ts';
import { writeSnapshot } from './knowledge/snapshot.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import { loadKnowledge } from './knowledge/loader.ts';
import type { KnowledgeLoadOptions } from './knowledge/loader.ts';
import { loadCommands } from './registry.ts';
import type { RegistryProblem } from './registry.ts';
import type { Library } from './store/library.ts';

/**
 * What both front ends start from: the knowledge of every article and the command modules.
 * `kb` is replaced whole on a hot reload; front ends read it per request, never keep it.
 */
export interface App {
  kb: KnowledgeBase;
  commands: ReadonlyMap<string, Command>;
  problems: { articles: LoadProblem[]; commands: RegistryProblem[] };
  /** Articles added from Discord or the console (src/store), when opened. */
  library?: Library;
}

export type LoadOptions = Omit<KnowledgeLoadOptions, 'cacheDir'> & {
  cacheDir?: string | null;
  /** Build the indexes in slices, yielding to the event loop (hot reloads while serving). */
  yieldWhileBuilding?: boolean;
};

/**
 * Loads articles, extracts what they say and indexes it. Broken files are reported, never fatal.
 * Without `cacheDir` nothing is cached (tests); the front ends pass the configured folder.
 */
export async function buildKnowledge(
  articlesDir: string,
  options: LoadOptions = {},
): Promise<{ kb: KnowledgeBase; problems: LoadProblem[] }> {
  const { yieldWhileBuilding, ...load } = options;
  const loaded = await loadKnowledge(articlesDir, { ...load, cacheDir: load.cacheDir ?? null });
  const kb = loaded.indexes
    ? buildKnowledgeBase(loaded.knowledge, loaded.indexes)
    : yieldWhileBuilding
      ? await buildKnowledgeBaseAsync(loaded.knowledge)
      : buildKnowledgeBase(loaded.knowledge);
  const target = loaded.snapshotTarget;
  if (target) {
    // Saved once the indexes exist, so the next start of the same files skips the build. A
    // snapshot that cannot be written only costs speed next time.
    await writeSnapshot(target.folder, target.key, {
      knowledge: loaded.knowledge,
      indexes: kb.indexState(),
      problems: target.problems,
    }).catch(() => undefined);
  }
  return { kb, problems: loaded.problems };
}

export async function loadApp(
  options: { articlesDir: string; commandsDir?: string } & LoadOptions,
): Promise<App> {
  const { articlesDir, commandsDir, ...load } = options;
  const [{ kb, problems }, registry] = await Promise.all([
    buildKnowledge(articlesDir, load),
    commandsDir === undefined ? loadCommands() : loadCommands(commandsDir),
  ]);
  return { kb, commands: registry.commands, problems: { articles: problems, commands: registry.problems } };
}
