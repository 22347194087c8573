import { describe, expect, it } from 'vitest';
import { rankParagraphs, statsOf } from '../../src/reader/passages.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const STORY = [
  'A cargo barge drifted onto a mudbank in the Lanner estuary on Friday night and stayed there until the tide rose.',
  'The barge had left Orrin quay at dawn with a load of gravel bound for the Pellow works.',
  'Harbourmaster Ines Talbot said tugs would try to free it at the next high water.',
  'The barge operator, Quayline, is led by managing director Tobias Wren, who apologised to customers.',
];

const top = (question: string, paragraphs = STORY, id = 'barge'): number | undefined =>
  rankParagraphs(
    statsOf(makeArticle(paragraphs, {}, `${id}-${question}`)),
    analyzeQuestion(question).terms,
  )[0]?.index;

describe('questions worded with phrasal and role verbs', () => {
  it('reads "who runs" as asking for the head of an organisation', () => {
    expect(top('who runs quayline')).toBe(3);
    expect(analyzeQuestion('who is running the operator now').terms).toEqual(
      analyzeQuestion('who heads the operator now').terms,
    );
  });

  it('finds the paragraph where the boat left when asked when it set off', () => {
    expect(top('when did the barge set off')).toBe(1);
  });

  it('keeps "runs" a plain word outside a question about a person', () => {
    expect(analyzeQuestion('how many runs did the opener score').terms).toContain('run');
  });

  it('does not read a phrase across words that do not form it', () => {
    expect(analyzeQuestion('which set of figures is off the table').terms).toContain('set');
  });
});

describe('WordNet links in paragraph ranking', () => {
  it('finds a narrower word of the question in the text ("boat" meets "ferry")', () => {
    const paragraphs = [
      'The council met on Monday to set the harbour budget.',
      'A ferry lost power near the breakwater and drifted for an hour.',
      'Councillors also discussed parking charges on the sea front.',
    ];
    expect(top('what happened to the boat', paragraphs, 'ferry')).toBe(1);
  });

  it('ranks a paragraph holding the word itself above one holding only a related word', () => {
    const paragraphs = [
      'A ferry lost power near the breakwater and drifted for an hour.',
      'A boat lost power near the breakwater and drifted for an hour.',
    ];
    expect(top('which boat lost power', paragraphs, 'ferry-order')).toBe(1);
  });
});
