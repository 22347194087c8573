import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { tokenize } from '../../src/knowledge/nlp.ts';
import { describedPhrases, introducesSpeaker } from '../../src/knowledge/people/described.ts';
import { makeArticle } from './make-article.ts';

const phrases = (text: string): string[] =>
  describedPhrases(tokenize(text, 0), text, () => false).map((p) => p.text);
const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;

describe('descriptions in a speaker slot', () => {
  it('finds an indefinite description before its speech verb, with its complement', () => {
    expect(phrases('A spokesman for the ministry said the plan was sound.')).toEqual([
      'a spokesman for the ministry',
    ]);
  });

  it('finds one after an inverted verb and after "according to"', () => {
    expect(phrases('"It was loud," said a neighbour who heard it.')).toEqual(['a neighbour']);
    expect(phrases('The road was shut, according to police.')).toEqual(['police']);
  });

  it('steps over a relative clause to the verb', () => {
    expect(phrases('One diver who found the wreck said it was intact.')).toEqual(['one diver']);
    expect(phrases('One porter, who asked not to be named, said the lift broke.')).toEqual(['one porter']);
  });

  it('keeps a demonym before a collective noun and reads a part of a group', () => {
    expect(phrases('Danish officials said the port would reopen.')).toEqual(['Danish officials']);
    expect(phrases('One of the nurses told reporters the ward was full.')).toEqual(['one of the nurses']);
  });

  it('ignores descriptions that are objects, or that a name follows in apposition', () => {
    expect(phrases('The mayor thanked a neighbour for the help.')).toEqual([]);
    expect(phrases('A spokeswoman for the port, Ada Lind, said the cranes were idle.')).toEqual([]);
  });

  it('lets a definite description introduce only bodies, groups and unheld modified roles', () => {
    const [council] = describedPhrases(
      tokenize('The parish council said no.', 0),
      'The parish council said no.',
      () => false,
    );
    const [coach] = describedPhrases(tokenize('The coach said no.', 0), 'The coach said no.', () => false);
    expect(council && introducesSpeaker(council, false)).toBe(true);
    expect(coach && introducesSpeaker(coach, false)).toBe(false);
  });
});

describe('described speakers in attribution', () => {
  it('gives a quote by an unnamed resident to the description, not the nearest name', () => {
    const paragraphs = [
      'Engineer Lotte Brams told the meeting that the dam was sound.',
      'One farmer who lives below the dam said she was not convinced. "I will believe it when it rains," she said.',
    ];
    expect(speakerOf(paragraphs, 'believe it')).toBe('one farmer');
  });

  it('gives a quote after "according to police" to police', () => {
    expect(
      speakerOf(['The driver was "badly shaken" but unhurt, according to police.'], 'badly shaken'),
    ).toBe('police');
  });

  it('refers "the agency said" back to the agency the article named', () => {
    const paragraphs = [
      'The Coastal Water Agency (CWA) closed three beaches on Friday.',
      '"Swimmers should wait for the next test," the agency said.',
    ];
    expect(speakerOf(paragraphs, 'Swimmers')).toBe('Coastal Water Agency');
  });

  it('refers "the council said" back to the council described before', () => {
    const paragraphs = [
      'The harbour council, which runs the marina, said repairs would start soon.',
      'Boats were moved to the north pier. "We ask owners for patience," the council said.',
    ];
    expect(speakerOf(paragraphs, 'patience')).toBe('the harbour council');
  });

  it('keeps the named spokesperson when the description comes with a name', () => {
    const paragraphs = ['A spokeswoman for the port, Ada Lind, said: "The cranes are idle."'];
    expect(speakerOf(paragraphs, 'cranes')).toBe('Ada Lind');
  });

  it('does not list described speakers among the people the article names', () => {
    const k = extractKnowledge(makeArticle(['"It was loud," said a neighbour who heard it.']));
    expect(k.quotes[0]?.speaker).toBe('a neighbour');
    expect(k.entities.map((e) => e.name)).not.toContain('a neighbour');
  });
});

describe("bodies and their texts in a speaker's slot", () => {
  const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
    extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;

  it('gives a colon introduction opened by "the ministry" to the ministry named before', () => {
    const speaker = speakerOf(
      [
        'The Ministry of Rail Safety closed the Dunley line on Monday.',
        'The ministry was short in its reply: "The line stays shut until the bridge is checked."',
      ],
      'The line stays shut',
    );
    expect(speaker).toBe('Ministry of Rail Safety');
  });

  it('gives "the summary said" to the body whose summary the article named', () => {
    const speaker = speakerOf(
      [
        "The Coastal Planning Tribunal's written summary found the permit unlawful.",
        'Campaigners welcomed the decision outside the hall.',
        '"The permit must be issued again, from the start," the summary said.',
      ],
      'The permit must be issued',
    );
    expect(speaker).toBe('Coastal Planning Tribunal');
  });

  it('gives "the court\'s summary" to the court the story is about, not one named in passing', () => {
    const speaker = speakerOf(
      [
        'The High Court of Arden ruled on Friday that the sale was void.',
        'The High Court of Arden is the top court of the province. Only the Federal Court can overturn it.',
        'The court\'s summary ended with the words: "The sale of the harbour is void and of no effect."',
      ],
      'The sale of the harbour',
    );
    expect(speaker).toBe('High Court of Arden');
  });

  it('leaves "the statement said" unattributed when no owner of a statement was named', () => {
    const speaker = speakerOf(
      ['Dozens of workers gathered at the gate.', '"We are closing the gate for good," the statement said.'],
      'closing the gate',
    );
    expect(speaker ?? null).toBeNull();
  });
});
