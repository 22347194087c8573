import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import type { Quote } from '../../src/knowledge/types.ts';
import { makeArticle } from './make-article.ts';

/** Each article is a few invented paragraphs; the helper returns the speaker of one quote. */
function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const quotes: Quote[] = extractKnowledge(makeArticle(paragraphs)).quotes;
  return quotes.find((q) => q.text.includes(words))?.speaker;
}

describe('a person attached to an organisation speaks, not the organisation', () => {
  it('takes the reporter, not the newspaper, in "X of The Y told Z"', () => {
    const speaker = speakerOf(
      [
        'Marta Lind of The Evening Ledger told a local radio station, "The council had the report for a month."',
      ],
      'council had the report',
    );
    expect(speaker).toBe('Marta Lind');
  });

  it('looks past modifiers between the preposition and the group', () => {
    const speaker = speakerOf(
      [
        'Omar Haddad of national parents group Safe Schools Now said, "The rules should have been written years ago."',
      ],
      'rules should have been written',
    );
    expect(speaker).toBe('Omar Haddad');
  });
});

describe('colon introductions without a speech verb', () => {
  it('gives a quote after "X told the press:" to the name in the appositive, not the institution', () => {
    const speaker = speakerOf(
      [
        'The island’s delegate to the Regional Assembly, Tavita Moe, spoke to the press: "The ruling ignores how our villages decide things together."',
      ],
      'ruling ignores',
    );
    expect(speaker).toBe('Tavita Moe');
  });

  it('gives "X’s statement read:" to the owner of the statement', () => {
    const speaker = speakerOf(
      [
        'Governor Helen Marsh toured the flooded district on Monday.',
        'Marsh’s statement read: "Every family that lost a home will be housed before winter."',
      ],
      'Every family that lost a home',
    );
    expect(speaker).toBe('Helen Marsh');
  });

  it('resolves "In his message, he …:" through the pronoun', () => {
    const speaker = speakerOf(
      [
        'Archbishop Peter Valdez led the memorial service for the miners.',
        'In his message, he praised the rescue teams: "They went down when nobody else would, and they brought our brothers home."',
      ],
      'They went down when nobody else would',
    );
    expect(speaker).toBe('Peter Valdez');
  });
});

describe('quoted fragments framed by their clause', () => {
  it('gives "X called the plan a “…”" to X', () => {
    const speaker = speakerOf(
      ['Opposition leader Carla Benz called the budget "a tax on every commuter".'],
      'a tax on every commuter',
    );
    expect(speaker).toBe('Carla Benz');
  });

  it('gives a fragment after "he described … as" to the person "he" is', () => {
    const speaker = speakerOf(
      [
        'Police Chief Rowan Pike arrived at the scene within the hour.',
        'He described the fire as "deliberate and planned" and asked witnesses to come forward.',
      ],
      'deliberate and planned',
    );
    expect(speaker).toBe('Rowan Pike');
  });

  it('takes the clause subject for "X went on to say they had “…”"', () => {
    const speaker = speakerOf(
      [
        'Judge Irene Okoro sentenced the pair on Friday.',
        'Okoro went on to say the sentence was shorter because they had "owned up to it from the first day in court".',
      ],
      'owned up to it',
    );
    expect(speaker).toBe('Irene Okoro');
  });

  it('gives a passive "was told by X that …" to the agent', () => {
    const speaker = speakerOf(
      [
        'Prime Minister Alan Voss visited the collapsed school on Monday.',
        'He was told by Fire Commissioner Dana Holt that there were "still six rooms we cannot reach".',
      ],
      'still six rooms',
    );
    expect(speaker).toBe('Dana Holt');
  });

  it('steps over an aside between dashes to the verb of the main clause', () => {
    const speaker = speakerOf(
      [
        'Senate President Louis Grant commented on the vote — which the Daily Courier reported as unusual — "This chamber will not be rushed by anyone."',
      ],
      'This chamber will not be rushed',
    );
    expect(speaker).toBe('Louis Grant');
  });

  it('does not give a passive fragment with no agent to anyone', () => {
    const speaker = speakerOf(
      [
        'Mayor Lena Cho opened the new bridge on Sunday.',
        'The design was described as "a ribbon over the river" in the planning papers.',
      ],
      'a ribbon over the river',
    );
    expect(speaker ?? null).toBeNull();
  });

  it('does not take the owner of an account as the writer', () => {
    const speaker = speakerOf(
      [
        'In a post on her Harbourside Gazette blog, councillor Nadia Frost announced her candidacy, writing, "This town deserves a council that answers its mail."',
      ],
      'answers its mail',
    );
    expect(speaker).toBe('Nadia Frost');
  });
});

describe('confidence', () => {
  it('leaves a fragment unattributed rather than give an organisation a person’s words', () => {
    const paragraphs = [
      'The River Authority published an order by its director Camille Ortega telling every lock keeper to "open the gates one hour earlier from Monday".',
    ];
    const quote = extractKnowledge(makeArticle(paragraphs)).quotes.find((q) =>
      q.text.includes('open the gates'),
    );
    expect(quote?.speaker ?? null).not.toBe('River Authority');
  });

  it('is surer of "X said" than of a fragment framed further back', () => {
    const paragraphs = [
      'Coach Ben Adler said, "We trained for exactly this kind of weather."',
      'Adler later called the referee’s decision "a coin toss at best" in an interview.',
    ];
    const quotes = extractKnowledge(makeArticle(paragraphs)).quotes;
    const direct = quotes.find((q) => q.text.includes('exactly this kind'));
    const framed = quotes.find((q) => q.text.includes('coin toss'));
    expect(direct?.speaker).toBe('Ben Adler');
    expect(framed?.speaker).toBe('Ben Adler');
    expect(direct?.confidence ?? 0).toBeGreaterThan(framed?.confidence ?? 1);
  });
});

describe('long titles, appositives and relative clauses', () => {
  it('splits a county sheriff’s title from the name after an inverted verb', () => {
    const speaker = speakerOf(
      ['"This is the worst night this harbour has seen," said Lake Marrow County Sheriff Tom Berry.'],
      'worst night',
    );
    expect(speaker).toBe('Tom Berry');
  });

  it('gives "X, a chemist at the institute, who said “…”" to X', () => {
    const speaker = speakerOf(
      [
        'The study was led by Ana Ruiz, a soil chemist and professor at the institute, who said "We expected the opposite result in every plot."',
      ],
      'opposite result',
    );
    expect(speaker).toBe('Ana Ruiz');
  });

  it('does not make a name of "Prime Minister of X" in an appositive', () => {
    const k = extractKnowledge(
      makeArticle([
        'Omar Said, the acting Prime Minister of Iraq, spoke out against the raid, calling it "an attack on the whole nation and its people".',
      ]),
    );
    expect(k.entities.map((e) => e.name)).not.toContain('of Iraq');
    expect(k.quotes[0]?.speaker).toBe('Omar Said');
  });
});
