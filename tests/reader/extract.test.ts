import { describe, expect, it } from 'vitest';
import { chooseSpan } from '../../src/reader/extract.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';

const answer = (question: string, sentence: string): string | undefined =>
  chooseSpan(analyzeQuestion(question), sentence)?.text;

describe('short answer extraction', () => {
  it('takes the figure with its counted noun for "how many"', () => {
    expect(
      answer(
        'How many reservists did the army call up?',
        'The army called up 20,000 reservists on Monday, two days after 300 soldiers crossed the border.',
      ),
    ).toBe('20,000 reservists');
  });

  it('takes a sum of money for "how much ... cost"', () => {
    expect(
      answer(
        'How much will the bridge cost?',
        'The new bridge will cost $4.5 million, the mayor said in May.',
      ),
    ).toBe('$4.5 million');
  });

  it('takes a name for "who", never one the question already gives', () => {
    expect(
      answer(
        'Who does Priya Raman work with?',
        'Priya Raman works closely with Tom Hale, who chairs the residents group.',
      ),
    ).toBe('Tom Hale');
  });

  it('takes a date for "when"', () => {
    expect(
      answer(
        'When will the ferry stop running?',
        'The ferry will stop running on 30 June, the council said.',
      ),
    ).toMatch(/June/);
  });

  it('takes the clause after "because" for "why"', () => {
    expect(
      answer(
        'Why did the mill close?',
        'The mill closed because the river had silted up and boats could no longer reach it.',
      ),
    ).toMatch(/^the river had silted up/);
  });

  it('states a clock time whole for "what time", never its hour alone', () => {
    expect(
      answer(
        'What time did the bus leave?',
        'The night bus left the depot at 11:45 p.m. with 30 passengers on board.',
      ),
    ).toBe('11:45 p.m.');
  });

  it('counts "twice" for "how many times", not a figure counting another noun', () => {
    expect(
      answer(
        'How many times has the club been relegated?',
        'The club has been relegated twice in the past ten years.',
      ),
    ).toBe('twice');
  });

  it('keeps "more than" with the figure it bounds', () => {
    expect(
      answer(
        'How long was the road closed?',
        'The road was closed for more than three hours after the lorry overturned.',
      ),
    ).toBe('more than three hours');
  });

  it('names a body in full for "who", not its last word', () => {
    expect(
      answer(
        'Who is investigating the crash?',
        'The Coastal Safety Board of Vennick has opened an investigation into the crash.',
      ),
    ).toMatch(/^The Coastal Safety Board/);
    expect(
      answer(
        'Who paid for the new roof?',
        'The repairs were paid for by the regional heritage trust, the vicar said.',
      ),
    ).toBe('the regional heritage trust');
  });

  it('takes the purpose clause for "what is it for", not the name of whoever said so', () => {
    expect(
      answer(
        'What is the grant for?',
        'Council leader Mara Tilney said the grant was needed to repaint the old lighthouse and repair its lamp, a job costing £2 million.',
      ),
    ).toMatch(/^to repaint the old lighthouse/);
  });

  it('finds nothing in a sentence with no candidate', () => {
    expect(answer('Who won?', 'It was over.')).toBeUndefined();
  });

  it('states a count of the thing asked, not a span of time, for "how many <noun>"', () => {
    expect(
      answer(
        'How many matches did the team lose?',
        'Over the past two years the team lost eleven matches at home.',
      ),
    ).not.toBe('two years');
    expect(
      answer('How old are the two drivers?', 'Both drivers, aged 19 and 22, were treated at the scene.'),
    ).toBe('19 and 22');
  });
});
