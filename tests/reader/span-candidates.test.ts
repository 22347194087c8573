import { describe, expect, it } from 'vitest';
import { candidateSpans, REASON_CLAUSE, WISH_CLAUSE, typedRanges } from '../../src/reader/spans.ts';
import { sentenceCandidates } from '../../src/reader/span-features.ts';
import { tokenize } from '../../src/knowledge/nlp.ts';

// Sentences written for these tests; people, places and bodies are made up.
const typesOf = (sentence: string, text: string): string[] => [
  ...(candidateSpans(sentence).spans.find((s) => s.text === text)?.types ?? []),
];
const offered = (sentence: string): string[] => sentenceCandidates(sentence).candidates.map((c) => c.text);

/** The typed spans of a sentence carrying `mark` (a reason or wish clause), as text. */
function marked(sentence: string, mark: number): string[] {
  const tokens = tokenize(sentence);
  const ranges = typedRanges(tokens);
  const out: string[] = [];
  for (let k = 0; k < ranges.length; k += 3)
    if (((ranges[k + 2] as number) & mark) !== 0) {
      const from = tokens[ranges[k] as number];
      const to = tokens[(ranges[k + 1] as number) - 1];
      if (from && to) out.push(sentence.slice(from.start, to.end));
    }
  return out;
}

describe('candidate answers keep a figure whole', () => {
  it('reads a clock time with its minutes and mark as one time, never its hour alone', () => {
    const sentence = 'The bus left the depot at 6:15 p.m. on Friday.';
    expect(typesOf(sentence, '6:15 p.m.')).toContain('date');
    expect(offered(sentence)).not.toContain('6');
    expect(offered(sentence)).not.toContain('15 p.m.');
  });

  it('keeps the percent sign with its figure and offers a range of figures whole', () => {
    const sentence = 'Turnout rose from 40% to 55% in the north.';
    expect(offered(sentence)).toContain('40% to 55%');
    expect(offered(sentence)).toContain('55%');
    expect(offered(sentence)).not.toContain('40');
  });

  it('reads "between X and Y" sums as a range of money', () => {
    const sentence = 'Each stallholder will pay between £120 and £300 a month.';
    expect(typesOf(sentence, '£120 and £300')).toContain('money');
    expect(typesOf(sentence, '£120')).toContain('money');
  });

  it('keeps a hedge or bound with its figure: "about", "more than", "at least"', () => {
    expect(typesOf('The lorry was stuck for more than three hours.', 'more than three hours')).toContain(
      'duration',
    );
    expect(typesOf('The cyclist rode about 40 kilometres.', 'about 40 kilometres')).toContain('count');
  });

  it('reads "twice" as a count and "a week" as a duration', () => {
    expect(typesOf('The mill has flooded twice since spring.', 'twice')).toContain('count');
    expect(typesOf('Keep the dough covered for at least a week.', 'at least a week')).toContain('duration');
  });
});

describe('candidate answers keep a phrasal verb whole', () => {
  it('does not end a candidate just before the particle that closes its clause', () => {
    const texts = offered('The talks broke down and the strike went ahead.');
    expect(texts).toContain('talks');
    expect(texts).not.toContain('talks broke');
    expect(texts).not.toContain('broke');
  });
});

describe('candidate answers name a body whole', () => {
  it('types a name ending in the noun of a body as an organisation', () => {
    const sentence = 'The Coastal Safety Board of Vennick has opened an inquiry.';
    expect(typesOf(sentence, 'Coastal Safety Board of Vennick')).toContain('organisation');
    expect(typesOf(sentence, 'Coastal Safety Board')).toContain('organisation');
  });

  it('types a lower-case phrase ending in such a noun as an organisation that can answer "who"', () => {
    const types = typesOf(
      'The money came from the regional arts council last year.',
      'regional arts council',
    );
    expect(types).toContain('organisation');
    expect(types).toContain('person');
  });
});

describe('candidate answers for "why", "what for" and "what do they want"', () => {
  it('marks the purpose clause after "to" and the clause after "because"', () => {
    expect(marked('The grant will be spent to repaint the old lighthouse.', REASON_CLAUSE)).toContain(
      'to repaint the old lighthouse',
    );
    expect(marked('The match was called off because the pitch had frozen.', REASON_CLAUSE)).toContain(
      'the pitch had frozen',
    );
  });

  it('runs a clause on over "and" before a second verb, not before a new subject', () => {
    expect(marked('The fund is there to rebuild the pier and reopen its cafe.', REASON_CLAUSE)).toContain(
      'to rebuild the pier and reopen its cafe',
    );
    expect(marked('The ferry stopped because the tide fell and waves grew.', REASON_CLAUSE)).toContain(
      'the tide fell',
    );
  });

  it('marks the clause after a verb of wanting or pressing for something', () => {
    expect(
      marked('The tenants said they would push for the landlord to fix the lifts.', WISH_CLAUSE),
    ).toContain('the landlord to fix the lifts');
    expect(marked('Parents have called for a crossing outside the school.', WISH_CLAUSE)).toContain(
      'a crossing outside the school',
    );
  });

  it('offers each marked clause as a candidate answer', () => {
    const sentence = 'The grant will be spent to repaint the old lighthouse.';
    expect(offered(sentence)).toContain('to repaint the old lighthouse');
  });

  it('never ends a candidate inside a preposition of several words', () => {
    const sentence = 'The navy sent two ships to Pellhaven in response to the storm warnings.';
    expect(offered(sentence)).toContain('Pellhaven');
    expect(offered(sentence)).not.toContain('Pellhaven in response');
    expect(offered(sentence)).not.toContain('Pellhaven in response to');
  });

  it('states an age in years with its "old" and reads the ages of several people as one answer', () => {
    expect(typesOf('The bell, nearly 400 years old, was recast.', '400 years old')).toContain('age');
    expect(typesOf('Two women, aged 28 and 52, were questioned.', '28 and 52')).toContain('age');
  });
});
