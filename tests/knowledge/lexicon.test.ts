import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { splitSentences } from '../../src/article/sentences.ts';
import { makeArticle } from './make-article.ts';

describe('one list of abbreviated titles for the splitter and the name scanner', () => {
  it('never ends a sentence after an abbreviated rank', () => {
    const s = splitSentences(
      'The patrol was led by Cmdr. Ines Brandt of the coast guard. It left at dawn.',
      1,
    );
    expect(s.map((x) => x.text)).toEqual([
      'The patrol was led by Cmdr. Ines Brandt of the coast guard.',
      'It left at dawn.',
    ]);
  });

  it('keeps an abbreviated rank out of the name and reads it as a role', () => {
    const k = extractKnowledge(
      makeArticle([
        '“We found the boat empty,” Sgt. Ines Brandt said on Monday.',
        'Brandt said the search would go on.',
      ]),
    );
    const q = k.quotes[0];
    expect(q?.speaker).toBe('Ines Brandt');
    const e = k.entities.find((x) => x.name === 'Ines Brandt');
    expect(e?.roles.map((r) => r.text)).toContain('Sgt.');
  });
});
