import type { Article, Citation } from '../article/types.ts';

/** "Dave DeCamp" / "A and B" / "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** The date a reader should see for an article: its original publication when republished. */
export function articleDate(article: Article): string | undefined {
  return article.meta.published ?? article.meta.date;
}

/**
 * `¶3 · Russia Ready to Activate … · Global Research · 2021-07-11`: the citation line every
 * front end prints under a passage. `¶3.2` when the sentence is known.
 */
export function formatCitation(
  citation: Citation,
  article: Article | undefined,
  options: { sentence?: boolean; author?: boolean } = {},
): string {
  const mark =
    options.sentence && citation.sentence !== undefined
      ? `¶${citation.paragraph}.${citation.sentence}`
      : `¶${citation.paragraph}`;
  if (!article) return `${mark} · ${citation.article}`;
  const parts = [mark, article.meta.title];
  if (options.author && article.meta.authors.length > 0) parts.push(joinNames(article.meta.authors));
  if (article.meta.outlet) parts.push(article.meta.outlet);
  const date = article.meta.date ?? article.meta.published;
  if (date) parts.push(date);
  return parts.join(' · ');
}
