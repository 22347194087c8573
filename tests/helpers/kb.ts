import { loadArticles } from '../../src/article/load.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';

/** A knowledge base over the articles of several folders (the seed plus test fixtures). */
export async function loadKb(...dirs: string[]): Promise<KnowledgeBase> {
  const loaded = await Promise.all(dirs.map((d) => loadArticles(d)));
  const problems = loaded.flatMap((l) => l.problems);
  if (problems.length > 0) throw new Error(`fixture problems: ${JSON.stringify(problems)}`);
  return buildKnowledgeBase(loaded.flatMap((l) => l.articles).map(extractKnowledge));
}

export const SEED = 'russia-tajikistan-base';
export const FIXTURES = 'tests/fixtures/answers';
