import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article/parse.ts';
import type { Article } from '../../src/article/types.ts';
import { MAX_ADDED_CHARS, notAnArticle } from '../../src/store/page.ts';

const article = (paragraph: string, count: number): Article => {
  const text = `# Harbour board report\n\n${Array.from({ length: count }, () => paragraph).join('\n\n')}\n`;
  const parsed = parseArticle({ id: 'report', file: 'report.md', text });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.article;
};

describe('which fetched pages are added as articles', () => {
  const paragraph =
    'The harbour board said the new pier would open in spring, after two years of work. '.repeat(6);

  it('takes an ordinary article', () => {
    expect(notAnArticle(article(paragraph, 12))).toBeNull();
  });

  it('refuses a stub with too little text, saying why', () => {
    expect(notAnArticle(article('Subscribe to read.', 1))).toMatch(/only \d+ characters/);
  });

  it('refuses a page with more text than an added article may have, so extraction never stalls the bot', () => {
    const count = Math.ceil(MAX_ADDED_CHARS / paragraph.length) + 10;
    expect(notAnArticle(article(paragraph, count))).toMatch(/more than the 300,000/);
  });
});
