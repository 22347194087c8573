/**
 * Extraction time of 100 KB pathological articles (a repeated byline, capitalised words,
 * quotation marks that never close, thousands of "Mr.", one character repeated, thousands of
 * short paragraphs), parsed as the loader parses them. Target: each under 2 s on 2 cores.
 */
import { parseArticle } from '../src/article/parse.ts';
import { extractKnowledge } from '../src/knowledge/extract.ts';

const SIZE = 100 * 1024;
const TARGET_MS = 2000;

const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const BODIES: Record<string, () => string> = {
  'repeated byline': () => fill('By Maria Okafor and Tom Lindqvist, '),
  'capitalised words': () => fill('Harbour Valley Northern Crest Wind Farm Board '),
  'unclosed quotes': () => fill('The mayor said “ the plan '),
  'thousands of Mr.': () => fill('Mr. '),
  'one character': () => 'x'.repeat(SIZE),
  'short paragraphs': () => fill('Officer Dana Pryce said it left.\n\n'),
};

/** One line per pathological body: its extraction time (the slowest of two runs) against 2 s. */
export function pathologicalNote(): string {
  const parts: string[] = [];
  for (const [label, body] of Object.entries(BODIES)) {
    const text = `Title: Pathological\n\n${body()}`;
    let worst = 0;
    for (let run = 0; run < 2; run++) {
      const parsed = parseArticle({ id: 'pathological', file: 'pathological.txt', text });
      if (!parsed.ok) break;
      const started = performance.now();
      extractKnowledge(parsed.article);
      worst = Math.max(worst, performance.now() - started);
    }
    parts.push(`${label} ${worst.toFixed(0)} ms${worst > TARGET_MS ? ' (over 2 s)' : ''}`);
  }
  return `extraction of a 100 KB pathological article (target under 2 s): ${parts.join('; ')}`;
}
