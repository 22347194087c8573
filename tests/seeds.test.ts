import { describe, expect, it } from 'vitest';
import { loadArticles } from '../src/article/load.ts';
import { extractKnowledge } from '../src/knowledge/extract.ts';

/**
 * Content validation: a maintainer who adds an article that does not parse, or from which the
 * bot cannot attribute a single quote, hears it from CI rather than from users.
 */
describe('every article in seeds/', async () => {
  const { articles, problems } = await loadArticles('seeds');

  it('loads without problems', () => {
    expect(problems).toEqual([]);
    expect(articles.length).toBeGreaterThan(0);
  });

  for (const article of articles) {
    it(`${article.file} has a title, body paragraphs and at least one attributed quote`, () => {
      expect(article.meta.title.length).toBeGreaterThan(0);
      expect(article.paragraphs.length).toBeGreaterThan(0);
      const knowledge = extractKnowledge(article);
      expect(knowledge.quotes.filter((q) => q.speaker !== null).length).toBeGreaterThan(0);
    });
  }
});
