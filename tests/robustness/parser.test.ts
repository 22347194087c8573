import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseArticleFile } from '../../src/article/load.ts';
import { parseArticle } from '../../src/article/parse.ts';
import type { ParseResult } from '../../src/article/types.ts';
import { expectWellFormed } from './check-answer.ts';
import { loadKb } from '../helpers/kb.ts';

/**
 * The parser never throws, whatever the text or bytes; when it accepts an article, the article
 * keeps the invariants citations rely on (¶ numbers 1..n, sentences that are exact slices of
 * their paragraph). Inputs are both arbitrary strings and article-shaped text assembled from
 * the pieces parsers trip on (front matter, bylines, quotes, boilerplate, odd line breaks).
 */

const RUNS = 400;

/** Asserts the invariants of a parse result; returns it for chaining. */
function expectConsistent(result: ParseResult): void {
  if (!result.ok) {
    expect(result.reason.length).toBeGreaterThan(0);
    expect(result.reason).not.toMatch(/internal parser error/);
    return;
  }
  const { article } = result;
  expect(article.meta.title.length).toBeGreaterThan(0);
  expect(article.paragraphs.length).toBeGreaterThan(0);
  article.paragraphs.forEach((p, i) => {
    expect(p.number).toBe(i + 1);
    expect(p.text.trim()).toBe(p.text);
    expect(p.text.length).toBeGreaterThan(0);
    p.sentences.forEach((s, k) => {
      expect(s.index).toBe(k + 1);
      expect(s.paragraph).toBe(p.number);
      expect(s.text).toBe(p.text.slice(s.start, s.end));
    });
  });
}

const PIECES = [
  '---',
  '...',
  'title: "A title"',
  "title: 'it''s'",
  'author: [A, B',
  'date: 2024-02-30',
  'url: javascript:alert(1)',
  '# Heading',
  '## Sub',
  '- item',
  '* * *',
  '*',
  '> quoted',
  'By Ana Ruiz',
  'By [Dave DeCamp](#)',
  'Global Research, July 11, 2021',
  'Region: Asia',
  'Theme: War',
  'Note to readers: please share',
  'Copyright © 2024',
  'The original source of this article is X.',
  '“Open quote never closed',
  '”close first“',
  '"straight" and ‘single’',
  '“nested ‘inner “deep” quote’ end,” said Mia Hart.',
  'Mr. Smith said. Dr. Who? Yes!',
  '[link](https://a.example/(x))',
  '![img](x.png)',
  '\u00ad\u200b\u2060\ufeff',
  '\u2028',
  '\u2029',
  '\u0085',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\t',
  '\u00a0',
  '  ',
  'مرحبا',
  '👩‍👩‍👧',
  '\u202e',
  'a'.repeat(300),
  '1,000 soldiers on 3 July 2021',
];
const articleText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.string({ maxLength: 300, unit: 'grapheme' }),
  articleText,
);

describe('parser properties', () => {
  it(`parseArticle never throws and keeps citation invariants (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let result: ParseResult | undefined;
        expect(() => (result = parseArticle({ id: 'prop', file: 'prop.txt', text }))).not.toThrow();
        expectConsistent(result as ParseResult);
      }),
      { numRuns: RUNS, seed: 6_2026 },
    );
  });

  it(`parseArticleFile never throws on arbitrary bytes (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          articleText.map((t) => new TextEncoder().encode(t)),
        ),
        fc.constantFrom('a.txt', 'b.md', 'c.markdown'),
        (bytes, file) => {
          let result: ParseResult | undefined;
          expect(() => (result = parseArticleFile(file, bytes))).not.toThrow();
          expectConsistent(result as ParseResult);
        },
      ),
      { numRuns: RUNS, seed: 6_2027 },
    );
  });

  it('the invariant checks can fail: a paragraph numbered out of order is caught', () => {
    const parsed = parseArticle({ id: 'x', file: 'x.txt', text: 'Title\n\nOne.\n\nTwo.' });
    if (!parsed.ok) throw new Error(parsed.reason);
    const broken = structuredClone(parsed);
    if (broken.ok && broken.article.paragraphs[1]) broken.article.paragraphs[1].number = 7;
    expect(() => expectConsistent(broken)).toThrow();
  });

  it('the answer checker can fail: a citation of a paragraph that does not exist is caught', async () => {
    const kb = await loadKb('seeds');
    const bogus = {
      command: 'who-said',
      ok: true as const,
      results: [
        { kind: 'quote' as const, text: 'x', citation: { article: 'russia-tajikistan-base', paragraph: 99 } },
      ],
    };
    expect(() => expectWellFormed(kb, bogus, 'bogus')).toThrow();
    const misquoted = {
      ...bogus,
      results: [
        {
          kind: 'quote' as const,
          text: '“words nobody said”',
          citation: { article: 'russia-tajikistan-base', paragraph: 1 },
        },
      ],
    };
    expect(() => expectWellFormed(kb, misquoted, 'misquoted')).toThrow();
  });
});
