import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/reader/question.ts';
import { stem } from '../../src/text/match.ts';

describe('question analysis on questions typed in chat', () => {
  it('reads words typed without their apostrophe', () => {
    expect(analyzeQuestion('whats the fare on the new bus route').wh).toBe('what');
    expect(analyzeQuestion('whats the fare on the new bus route').type).toBe('money');
    expect(analyzeQuestion('hows the driver doing').wh).toBe('how');
    expect(analyzeQuestion('who didnt vote for the plan').negated).toBe(true);
  });

  it('reads chat short forms as the words they stand for', () => {
    expect(analyzeQuestion('how many ppl were hurt').terms).toContain(stem('people'));
    expect(analyzeQuestion('what did the govt promise').terms).toContain(stem('government'));
    expect(analyzeQuestion('who is the ceo of the bakery chain').terms).toContain(stem('executive'));
  });

  it('asks for money when the question carries a currency sign', () => {
    expect(analyzeQuestion('how much $ did the fundraiser bring in').type).toBe('money');
    expect(analyzeQuestion('how many £ did the raffle make').type).toBe('money');
  });

  it('reads an amount in thousands written with k as its figure', () => {
    const q = analyzeQuestion('who gave the $5k donation');
    expect(q.terms).toContain('5000');
    expect(q.entities.some((e) => e.includes('5000'))).toBe(true);
  });
});

describe('question analysis of the noun asked about', () => {
  it('takes the head noun of "how many" and "how much", not the word before it', () => {
    expect(analyzeQuestion('how many electric buses does the factory build').focus).toBe('buses');
    expect(analyzeQuestion('how many homes lost heating').focus).toBe('homes');
    expect(analyzeQuestion('how much drinking water did each family get').focus).toBe('water');
    expect(analyzeQuestion('how much did the sculpture sell for').focus).toBe('');
  });

  it('reads "what is the <noun>" by the noun after the verb', () => {
    const fee = analyzeQuestion('What was the annual garden permit fee?');
    expect(fee.type).toBe('money');
    expect(fee.focus).toBe('fee');
    expect(analyzeQuestion('What is the length of the new tunnel?').type).toBe('count');
    expect(analyzeQuestion('What is the tractor worth?').type).toBe('money');
  });

  it('reads the type of a "which" phrase from its head noun', () => {
    const q = analyzeQuestion('Which fire station answered the first call?');
    expect(q.type).toBe('organisation');
    expect(q.focus).toBe('station');
  });

  it('asks for a sum when the verb is one of paying', () => {
    expect(analyzeQuestion('What do commuters pay for a weekly ticket?').type).toBe('money');
    expect(analyzeQuestion('What does a fishing licence cost?').type).toBe('money');
    expect(analyzeQuestion('How many nurses will the new funding hire?').type).toBe('count');
  });

  it('has no focus noun when the question word is the subject', () => {
    expect(analyzeQuestion('What flooded the basement?').focus).toBe('');
    expect(analyzeQuestion('what was removed from the attic').focus).toBe('');
    expect(analyzeQuestion('What were parents complaining about?').type).toBe('other');
  });

  it('reads "what is X for" as asking for a purpose, but not "what is X known for"', () => {
    expect(analyzeQuestion('What is the extra funding for?').type).toBe('reason');
    expect(analyzeQuestion('What is the village known for?').type).not.toBe('reason');
  });

  it('reads "how quickly" and "how soon" as asking for a duration', () => {
    expect(analyzeQuestion('how quickly did firefighters arrive').type).toBe('duration');
    expect(analyzeQuestion('How soon will the line reopen?').type).toBe('duration');
  });
});
