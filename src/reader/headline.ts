import type { Article } from '../article/types.ts';
import { contentTerms } from '../text/match.ts';
import { termSet } from './passages.ts';

const kept = new WeakMap<Article, ReadonlySet<string>>();

/**
 * The content terms of an article's title (its headline in news) with their derivational roots,
 * kept per article. A headline states the story's subject in words the body may not repeat
 * ("toll" above "drivers will pay £4.50 to cross the bridge").
 */
export function headlineTerms(article: Article): ReadonlySet<string> {
  const hit = kept.get(article);
  if (hit) return hit;
  const made = termSet(contentTerms(article.meta.title));
  kept.set(article, made);
  return made;
}
