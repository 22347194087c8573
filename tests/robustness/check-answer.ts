import { expect } from 'vitest';
import type { Answer } from '../../src/answer.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';

/** Result kinds the Answer contract allows (src/answer.ts). */
const KINDS = new Set([
  'quote',
  'claim',
  'narration',
  'passage',
  'fact',
  'entity',
  'article',
  'summary',
  'check',
  'command',
]);

/**
 * Asserts `answer` is a well-formed Answer for `kb`: the contract's shape, scores in 0..1, and
 * every citation naming a loaded article's existing paragraph (and sentence, when given). For
 * direct quotes the cited paragraph must contain the quote as shown. `where` labels failures.
 */
export function expectWellFormed(kb: KnowledgeBase, answer: Answer, where: string): void {
  expect(typeof answer.command, where).toBe('string');
  if (!answer.ok) {
    expect(typeof answer.error, where).toBe('string');
    expect(answer.error.trim().length, `${where}: error says something`).toBeGreaterThan(0);
    return;
  }
  expect(Array.isArray(answer.results), where).toBe(true);
  if (answer.results.length === 0) expect(answer.message ?? '', `${where}: a miss says so`).not.toBe('');
  for (const [i, r] of answer.results.entries()) {
    const at = `${where} result ${i}`;
    expect(KINDS.has(r.kind), `${at}: kind ${r.kind}`).toBe(true);
    expect(typeof r.text, at).toBe('string');
    if (r.score !== undefined) {
      expect(r.score, at).toBeGreaterThanOrEqual(0);
      expect(r.score, at).toBeLessThanOrEqual(1);
    }
    if (r.highlight !== undefined) {
      expect(r.highlight.start, at).toBeGreaterThanOrEqual(0);
      expect(r.highlight.end, at).toBeLessThanOrEqual(r.text.length);
    }
    if (r.citation === undefined) continue;
    const article = kb.article(r.citation.article);
    expect(article, `${at}: cites a loaded article`).toBeDefined();
    const paragraph = article?.paragraphs[r.citation.paragraph - 1];
    expect(paragraph?.number, `${at}: cites an existing ¶${r.citation.paragraph}`).toBe(r.citation.paragraph);
    if (r.citation.sentence !== undefined) {
      expect(
        paragraph?.sentences.some((s) => s.index === r.citation?.sentence),
        `${at}: cites an existing sentence ${r.citation.sentence}`,
      ).toBe(true);
    }
    if (r.kind === 'quote' && paragraph !== undefined) {
      const quote = kb
        .knowledgeOf(r.citation.article)
        ?.quotes.find((q) => q.display === r.text || q.text === r.text);
      const shown = quote === undefined ? [r.text] : [quote.display, quote.text];
      // A quote that runs over several paragraphs starts in the cited one.
      const quoteParagraphs = quote?.paragraphs.length ?? 1;
      const contained = shown.some((t) =>
        quoteParagraphs > 1 ? paragraph.text.includes(t.slice(0, 40)) : paragraph.text.includes(t),
      );
      expect(
        contained,
        `${at}: ¶${paragraph.number} contains the quote ${JSON.stringify(r.text.slice(0, 80))}`,
      ).toBe(true);
    }
  }
}
