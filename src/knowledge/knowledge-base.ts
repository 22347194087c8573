import type { Article } from '../article/types.ts';
import type { ArticleKnowledge } from './types.ts';

/**
 * The searchable knowledge of every loaded article, built once per load.
 * (Search methods are added with the fuzzy indexes.)
 */
export interface KnowledgeBase {
  readonly articles: readonly Article[];
  readonly knowledge: readonly ArticleKnowledge[];
  article(id: string): Article | undefined;
}
