import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

const knowledgeOf = (paragraphs: string[]) => extractKnowledge(makeArticle(paragraphs));
const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  knowledgeOf(paragraphs).quotes.find((q) => q.text.includes(words))?.speaker;
const peopleOf = (paragraphs: string[]): string[] =>
  knowledgeOf(paragraphs)
    .entities.filter((e) => e.kind === 'person')
    .map((e) => e.name);

describe('who-said when a given name is also a common word', () => {
  const family = [
    'Orrin Vell, a ferry pilot for forty years, has died. His sister, Nadia Vell, found him at home.',
    'The pilot’s mother, Rose, said he had crossed the strait ten thousand times.',
  ];

  it('keeps "Rose" as the first name after a closing quotation mark', () => {
    const paragraphs = [...family, '"He never once missed a tide," Rose Vell said.'];
    expect(speakerOf(paragraphs, 'missed a tide')).toBe('Rose Vell');
  });

  it('names a new relative whose given name is a noun, never the relative named before', () => {
    const paragraphs = [...family, '"He owed me a boat," Bill Vell said.'];
    expect(speakerOf(paragraphs, 'owed me a boat')).toBe('Bill Vell');
  });

  it('still drops a capital that only opens the quoted sentence', () => {
    const paragraphs = ['Nadia Vell said the funeral is on Friday: "Hope is all we have left," she said.'];
    expect(peopleOf(paragraphs)).not.toContain('Hope');
  });
});
