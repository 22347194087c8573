import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.ts';
import { parseArticleFile } from '../../src/article/load.ts';
import type { Command, OptionValue } from '../../src/command.ts';
import { execute } from '../../src/dispatch.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadCommands } from '../../src/registry.ts';

/**
 * Fuzz, bounded and seeded: generated articles that mix the patterns hostile input is made of
 * (runs of capitalised words, bylines of repeated names, quotes that never close, thousands of
 * "Mr.", long runs of one character, many tiny paragraphs, stray control and odd Unicode
 * characters) go through parse → extract → every command. Nothing may throw, nothing may hang,
 * and every citation must point inside the article.
 */

/** Generous: a hang, not a slow answer, is what this catches. */
const PER_INPUT_MS = 15_000;

const word = fc.constantFrom(
  'council',
  'Mayor',
  'Ana',
  'Ruiz',
  'said',
  'harbour',
  'the',
  'Mr.',
  'Dr.',
  'U.S.',
  '“',
  '”',
  '"',
  "'",
  'Minister',
  'told',
  'reporters',
  '42',
  '£3.5m',
  '2024',
  'percent',
  'March',
  'Monday',
  'he',
  'she',
  '—',
  '…',
  'é',
  '\u200b',
  '\u0007',
  'Tajik',
  'NATO',
  ',',
  '.',
  ':',
  '(',
  ')',
  'https://x.test/a',
);
const sentence = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));

/** One paragraph of a hostile kind, at most a few hundred characters. */
const block = fc.oneof(
  sentence,
  fc
    .integer({ min: 5, max: 60 })
    .map((n) => Array.from({ length: n }, (_, i) => `Name${i % 7} Capital`).join(' ')),
  fc
    .integer({ min: 3, max: 40 })
    .map((n) => `By ${Array.from({ length: n }, () => 'Ana Ruiz').join(' and ')}`),
  sentence.map((s) => `“${s} ${s}`),
  fc.integer({ min: 10, max: 120 }).map((n) => 'Mr. '.repeat(n)),
  fc
    .tuple(fc.constantFrom('a', '“', '.', '-', ' ', '\u00a0'), fc.integer({ min: 50, max: 800 }))
    .map(([c, n]) => c.repeat(n)),
  sentence.map((s) => `“${s},” said ${s}.`),
  sentence.map((s) => `# ${s}`),
);

const articleText = fc
  .tuple(sentence, fc.array(block, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 60 }))
  .map(([title, blocks, tiny]) =>
    [title, ...blocks, ...Array.from({ length: tiny }, (_, i) => `P${i}.`)].join('\n\n'),
  );

let commands: ReadonlyMap<string, Command>;
beforeAll(async () => {
  commands = (await loadCommands()).commands;
});

/** Option values for a command, taken from the article (or its id for `article`). */
function valuesFor(command: Command, id: string, fragment: string): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const o of command.data.toJSON().options ?? []) {
    if (o.name === 'article') values.article = id;
    else if (o.choices && o.choices.length > 0) values[o.name] = o.choices[0]?.value ?? '';
    else if (o.type === 3) values[o.name] = fragment;
  }
  return values;
}

function citationsInside(kb: KnowledgeBase, answer: Answer): void {
  if (!answer.ok) return;
  for (const r of answer.results) {
    if (!r.citation) continue;
    const article = kb.article(r.citation.article);
    expect(article, `${answer.command} cites a loaded article`).toBeDefined();
    const paragraph = article?.paragraphs[r.citation.paragraph - 1];
    expect(paragraph, `${answer.command} cites ¶${r.citation.paragraph}`).toBeDefined();
    if (r.citation.sentence !== undefined)
      expect(
        paragraph?.sentences[r.citation.sentence - 1],
        `${answer.command} cites a sentence`,
      ).toBeDefined();
  }
}

describe('fuzz: generated hostile articles through every command', () => {
  it('never throws, never hangs, and cites only inside the article', async () => {
    await fc.assert(
      fc.asyncProperty(articleText, fc.integer({ min: 0, max: 1000 }), async (text, at) => {
        const started = Date.now();
        const parsed = parseArticleFile('fuzz.txt', Buffer.from(text));
        if (!parsed.ok) return;
        const kb = buildKnowledgeBase([extractKnowledge(parsed.article)]);
        const words = text.split(/\s+/);
        const fragment = words.slice(at % words.length, (at % words.length) + 4).join(' ') || 'council';
        for (const command of commands.values()) {
          const errors: unknown[] = [];
          const answer = await execute(
            { kb, commands },
            command.data.name,
            valuesFor(command, parsed.article.id, fragment),
            (e) => errors.push(e),
          );
          expect(errors, `/${command.data.name} threw`).toEqual([]);
          citationsInside(kb, answer);
        }
        expect(Date.now() - started, 'one input took past its budget (a hang)').toBeLessThan(PER_INPUT_MS);
      }),
      { seed: 1201, numRuns: 40 },
    );
  }, 120_000);
});
