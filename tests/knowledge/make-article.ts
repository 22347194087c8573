import type { Article, ArticleMeta, Paragraph } from '../../src/article/types.ts';
import { normalizeRaw } from '../../src/article/normalize.ts';
import { splitSentences } from '../../src/article/sentences.ts';

/**
 * Builds a test Article from paragraph strings with the real sentence splitter, so knowledge
 * tests do not depend on the file parser. A paragraph starting with "## " becomes a heading.
 *
 * @param paragraphs - body paragraphs, in order
 * @param meta - metadata overrides (publication date for weekday facts ...)
 */
export function makeArticle(paragraphs: string[], meta: Partial<ArticleMeta> = {}, id = 'test'): Article {
  const body: Paragraph[] = paragraphs.map((raw, i) => {
    const heading = raw.startsWith('## ');
    const text = normalizeRaw(heading ? raw.slice(3) : raw).replace(/\n/g, ' ');
    return {
      number: i + 1,
      kind: heading ? 'heading' : 'text',
      text,
      sentences: splitSentences(text, i + 1),
    };
  });
  return {
    id,
    file: `${id}.txt`,
    meta: {
      title: 'Test article',
      authors: [],
      regions: [],
      themes: [],
      reports: [],
      format: 'plain',
      ...meta,
    },
    paragraphs: body,
  };
}
