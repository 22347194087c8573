import { loadArticles } from './article/load.ts';
import type { LoadProblem } from './article/types.ts';
import type { Command } from './command.ts';
import { extractKnowledge } from './knowledge/extract.ts';
import { buildKnowledgeBase } from './knowledge/knowledge-base.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import { loadCommands } from './registry.ts';
import type { RegistryProblem } from './registry.ts';

/** What both front ends start from: the knowledge of every article and the command modules. */
export interface App {
  kb: KnowledgeBase;
  commands: ReadonlyMap<string, Command>;
  problems: { articles: LoadProblem[]; commands: RegistryProblem[] };
}

/** Loads articles, extracts what they say and indexes it. Broken files are reported, never fatal. */
export async function buildKnowledge(
  articlesDir: string,
): Promise<{ kb: KnowledgeBase; problems: LoadProblem[] }> {
  const { articles, problems } = await loadArticles(articlesDir);
  const knowledge = [];
  for (const article of articles) {
    try {
      knowledge.push(extractKnowledge(article));
    } catch (error) {
      // Extraction is meant never to throw; if it does, the article is reported, not the bot lost.
      problems.push({ file: article.file, reason: `extraction failed: ${(error as Error).message}` });
    }
  }
  return { kb: buildKnowledgeBase(knowledge), problems };
}

export async function loadApp(options: { articlesDir: string; commandsDir?: string }): Promise<App> {
  const [{ kb, problems }, registry] = await Promise.all([
    buildKnowledge(options.articlesDir),
    options.commandsDir === undefined ? loadCommands() : loadCommands(options.commandsDir),
  ]);
  return { kb, commands: registry.commands, problems: { articles: problems, commands: registry.problems } };
}
