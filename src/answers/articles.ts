import { fail, ok } from '../answer.ts';
import type { Answer, Field, Result } from '../answer.ts';
import type { Article } from '../article/types.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { articleDate, joinNames } from '../render/citation.ts';

/** Resolves an optional `article` option: undefined = all articles; a miss is a helpful error. */
export function scopeArticle(
  kb: KnowledgeBase,
  command: string,
  query: string | undefined,
): { ok: true; article?: Article } | { ok: false; answer: Answer } {
  if (query === undefined) return { ok: true };
  const found = kb.resolveArticle(query);
  if (found.ok) return { ok: true, article: found.article };
  return { ok: false, answer: fail(command, found.reason, found.suggestions) };
}

function publication(name: string | undefined, date: string | undefined): string | undefined {
  if (!name && !date) return undefined;
  return [name, date].filter(Boolean).join(', ');
}

/** Title, author, outlet, original publisher, dates, tags and URL of one article. */
export function describeSource(article: Article): Result {
  const m = article.meta;
  const fields: Field[] = [{ name: 'Article id', value: article.id }];
  if (m.authors.length > 0)
    fields.push({ name: m.authors.length > 1 ? 'Authors' : 'Author', value: joinNames(m.authors) });
  const outlet = publication(m.outlet, m.date);
  if (outlet) fields.push({ name: 'Outlet', value: outlet });
  if (m.originalPublisher) {
    const original = publication(m.originalPublisher.name, m.originalPublisher.date);
    if (original) fields.push({ name: 'Originally published by', value: original });
  }
  if (m.republisher) {
    const again = publication(m.republisher.name, m.republisher.date);
    if (again) fields.push({ name: 'Republished by', value: again });
  }
  const date = articleDate(article);
  if (date) fields.push({ name: 'Published', value: date });
  if (m.regions.length > 0) fields.push({ name: 'Region', value: m.regions.join(', ') });
  if (m.themes.length > 0) fields.push({ name: 'Theme', value: m.themes.join(', ') });
  if (m.reports.length > 0) fields.push({ name: 'In-depth report', value: m.reports.join(', ') });
  fields.push({ name: 'Paragraphs', value: String(article.paragraphs.length) });
  return {
    kind: 'article',
    title: m.title,
    text: m.standfirst ?? '',
    fields,
    ...(m.url ? { url: m.url } : {}),
  };
}

/** `/source [article]`: provenance of one article, or of each loaded article. */
export function source(kb: KnowledgeBase, articleQuery: string | undefined): Answer {
  const scope = scopeArticle(kb, 'source', articleQuery);
  if (!scope.ok) return scope.answer;
  const list = scope.article ? [scope.article] : kb.articles;
  if (list.length === 0)
    return ok('source', [], {
      message: 'No articles are loaded. Add .txt or .md files to the articles folder.',
    });
  return ok('source', list.map(describeSource));
}

/** `/articles`: every loaded article with id, title and date, newest first. */
export function listArticles(kb: KnowledgeBase): Answer {
  if (kb.articles.length === 0)
    return ok('articles', [], {
      message: 'No articles are loaded. Add .txt or .md files to the articles folder.',
    });
  const sorted = [...kb.articles].sort(
    (a, b) => (articleDate(b) ?? '').localeCompare(articleDate(a) ?? '') || a.id.localeCompare(b.id),
  );
  const results: Result[] = sorted.map((a) => {
    const k = kb.knowledgeOf(a.id);
    const fields: Field[] = [{ name: 'Id', value: a.id }];
    const date = articleDate(a);
    if (date) fields.push({ name: 'Date', value: date });
    if (a.meta.outlet) fields.push({ name: 'Outlet', value: a.meta.outlet });
    fields.push({
      name: 'Contents',
      value: `${a.paragraphs.length} paragraphs, ${k?.quotes.length ?? 0} quotes`,
    });
    return { kind: 'article', title: a.meta.title, text: '', fields };
  });
  return ok('articles', results, { message: `${kb.articles.length} article(s) loaded.` });
}
