import { describe, expect, it } from 'vitest';
import type { Answer, Result } from '../../src/answer.ts';
import type { Article } from '../../src/article/types.ts';
import { renderJson, renderText } from '../../src/render/text.ts';

const article: Article = {
  id: 'port',
  file: 'port.md',
  meta: {
    title: 'Port reopens',
    authors: ['Ada Reed'],
    outlet: 'Bay Post',
    date: '2024-05-01',
    regions: [],
    themes: [],
    reports: [],
    format: 'markdown',
  },
  paragraphs: [],
};
const find = (id: string): Article | undefined => (id === 'port' ? article : undefined);

const passage: Result = {
  kind: 'passage',
  text: 'The port reopened in May. It had hired 40 pilots to guide ships in.',
  highlight: { start: 26, end: 67 },
  citation: { article: 'port', paragraph: 4 },
  score: 0.9,
};

describe('console text', () => {
  it('states the short answer of /ask first, with its paragraph, then the sentence that holds it', () => {
    const answer: Answer = { command: 'ask', ok: true, results: [{ ...passage, answer: '40 pilots' }] };
    const lines = renderText(answer, find).split('\n');
    expect(lines[0]).toBe('1. Answer: 40 pilots (¶4)');
    expect(lines[1]?.trim()).toBe('It had hired 40 pilots to guide ships in.');
    expect(lines.join('\n')).toContain('¶4 · Port reopens · Ada Reed · Bay Post · 2024-05-01');
  });

  it('shows a passage without a short answer as before, the sentence in bold', () => {
    const text = renderText({ command: 'ask', ok: true, results: [passage] }, find);
    expect(text).not.toContain('Answer:');
    expect(text).toContain('**It had hired 40 pilots to guide ships in.**');
  });

  it('JSON carries the short answer and the verdict as plain fields', () => {
    const json = JSON.parse(
      renderJson({
        command: 'check-quote',
        ok: true,
        results: [{ ...passage, kind: 'check', verdict: 'paraphrase', answer: '40 pilots' }],
      }),
    ) as { results: Result[] };
    expect(json.results[0]).toMatchObject({ verdict: 'paraphrase', answer: '40 pilots' });
  });
});
