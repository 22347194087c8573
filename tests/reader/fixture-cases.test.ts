import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/article/load.ts';

/** The training stories, and the further news stories kept out of training (see their README). */
const DIRS = [
  'tests/fixtures/reader',
  'tests/fixtures/reader-news2',
  'tests/fixtures/reader-news3',
  'tests/fixtures/reader-news4',
];

interface RawCase {
  kind: string;
  article: string;
  query: string;
  paragraph?: number;
  answers?: string[];
  own_paragraph?: number;
  plausible?: string[];
}

async function fixtures(dir: string): Promise<{ texts: Map<string, string[]>; cases: RawCase[] }> {
  const { articles } = await loadArticles(`${dir}/articles`);
  const texts = new Map(articles.map((a) => [a.id, a.paragraphs.map((p) => p.text)]));
  const lines = (await readFile(`${dir}/cases.jsonl`, 'utf8')).split('\n').filter((l) => l.trim());
  return { texts, cases: lines.map((l) => JSON.parse(l) as RawCase) };
}

/** The cases whose paragraph does not print what the case says it holds, as "article: query". */
function misprinted(texts: Map<string, string[]>, cases: RawCase[]): string[] {
  const bad: string[] = [];
  for (const c of cases) {
    const paragraphs = texts.get(c.article);
    const at = c.kind === 'ask' ? c.paragraph : c.own_paragraph;
    const spans = (c.kind === 'ask' ? c.answers : c.plausible) ?? [];
    if (!paragraphs) bad.push(`${c.article}: ${c.query} (no such article)`);
    else if (at === undefined) {
      if (c.kind === 'ask') bad.push(`${c.article}: ${c.query} (no paragraph)`);
    } else if (!spans.some((s) => paragraphs[at - 1]?.includes(s))) bad.push(`${c.article}: ${c.query}`);
  }
  return bad;
}

describe.each(DIRS)('the /ask news fixtures in %s', (dir) => {
  it('print a gold answer of every answerable question, and a plausible span of every unanswerable one, in its paragraph', async () => {
    const { texts, cases } = await fixtures(dir);
    expect(misprinted(texts, cases)).toEqual([]);
  });

  it('ask each question once per story', async () => {
    const { cases } = await fixtures(dir);
    const keys = cases.map((c) => `${c.article}\u0000${c.query}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
