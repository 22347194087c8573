import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/reader/question.ts';

describe('question analysis', () => {
  it('reads the expected answer type from the question words', () => {
    expect(analyzeQuestion('How many reservists did Tajikistan activate?').type).toBe('count');
    expect(analyzeQuestion('How much did the bridge cost?').type).toBe('money');
    expect(analyzeQuestion('What percentage of voters turned out?').type).toBe('percent');
    expect(analyzeQuestion('When did the talks collapse?').type).toBe('date');
    expect(analyzeQuestion('In what year did the mill close?').type).toBe('date');
    expect(analyzeQuestion('How long did the strike last?').type).toBe('duration');
    expect(analyzeQuestion('How old was the mayor?').type).toBe('age');
    expect(analyzeQuestion('Who chairs the committee?').type).toBe('person');
    expect(analyzeQuestion('Which company won the contract?').type).toBe('organisation');
    expect(analyzeQuestion('Where did the ferry sink?').type).toBe('place');
    expect(analyzeQuestion('Why did the union strike?').type).toBe('reason');
    expect(analyzeQuestion('How did the prisoners escape?').type).toBe('manner');
    expect(analyzeQuestion('What did the council decide?').type).toBe('other');
  });

  it('reads the charges people pay (fare, toll, rent, fee) as money', () => {
    expect(analyzeQuestion('how much is the bus fare now').type).toBe('money');
    expect(analyzeQuestion('How much rent do tenants owe?').type).toBe('money');
    expect(analyzeQuestion('What toll will lorries pay?').type).toBe('money');
    expect(analyzeQuestion('How much did the crowd grow?').type).toBe('count');
  });

  it('finds the focus noun of "how many" and "which" questions', () => {
    expect(analyzeQuestion('How many reservists did Tajikistan activate?').focus).toBe('reservists');
    expect(analyzeQuestion('Which city hosted the summit?').focus).toBe('city');
  });

  it('lists the names the question mentions, not its question word', () => {
    const q = analyzeQuestion('When did Priya Raman meet the Harbour Board?');
    expect(q.entities).toEqual(expect.arrayContaining(['Priya', 'Raman', 'Harbour', 'Board']));
    expect(q.entities).not.toContain('When');
  });

  it('does not take a capitalised opening preposition or adverb for a name', () => {
    expect(analyzeQuestion('Along with Priya Raman, who sat on the Harbour Board?').entities).not.toContain(
      'Along',
    );
    expect(analyzeQuestion('Generally speaking, how long do repairs take?').entities).toEqual([]);
    expect(analyzeQuestion('Kellby has how many harbours?').entities).toContain('Kellby');
  });

  it('notices negation, comparatives and superlatives', () => {
    expect(analyzeQuestion("Who didn't vote for the budget?").negated).toBe(true);
    expect(analyzeQuestion('Who voted for the budget?').negated).toBe(false);
    expect(analyzeQuestion('Which port is larger than Dover?').comparative).toBe(true);
    expect(analyzeQuestion('What is the largest port?').superlative).toBe(true);
  });

  it('keeps the content words as search terms, not the question frame', () => {
    const q = analyzeQuestion('What percentage of the budget goes to schools?');
    expect(q.terms).toContain('budget');
    expect(q.terms).not.toContain('percentage');
  });
});
