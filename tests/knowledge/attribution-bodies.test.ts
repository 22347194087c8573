import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('who-said: a trade body named with a plural possessive', () => {
  it('names "the Harrow Drivers\' Guild (HDG), which …, said it would “…”"', () => {
    const paragraphs = [
      'Tram fares in Harrow will rise in May.',
      'The Harrow Drivers\' Guild (HDG), which represents tram crews, said it would "fight every cut to the timetable."',
    ];
    expect(speakerOf(paragraphs, 'fight every cut')).toBe("Harrow Drivers' Guild");
  });

  it('knows a syndicate as a body, so its fragment is not left unattributed', () => {
    const paragraphs = ['The Dock Porters\' Syndicate said the port owed its members "three months of back pay."'];
    expect(speakerOf(paragraphs, 'three months of back pay')).toBe("Dock Porters' Syndicate");
  });
});
