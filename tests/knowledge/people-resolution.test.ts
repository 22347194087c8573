import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

describe('names that are also common words or places', () => {
  it('reads a titled surname that is also a city as the person ("Captain Rochester")', () => {
    const k = extractKnowledge(
      makeArticle([
        'Coast guard captain Ellen Rochester led the search off the island.',
        'The crew was tired, and the weather was getting worse by the hour.',
        'Captain Rochester said the crew had "done everything a crew can do" before dark.',
      ]),
    );
    expect(k.quotes[0]?.speaker).toBe('Ellen Rochester');
  });

  it('takes a capitalised role noun opening a sentence as evidence of a person ("Actor X")', () => {
    const k = extractKnowledge(
      makeArticle(['Actor Tovin Marsh, who grew up in the town, stated "this stage made me who I am."']),
    );
    expect(k.entities.find((e) => e.name === 'Tovin Marsh')?.kind).toBe('person');
    expect(k.quotes[0]?.speaker).toBe('Tovin Marsh');
  });
});
