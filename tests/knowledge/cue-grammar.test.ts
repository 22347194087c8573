import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('participles', () => {
  it('gives "with X describing the “…”" to X, not to the subject of the main clause', () => {
    const speaker = speakerOf(
      [
        'Fire chief Li Wei arrived at the mine before dawn.',
        'The search was halted on Tuesday, with Li Wei describing the "risk of a second collapse" as too high.',
      ],
      'risk of a second collapse',
    );
    expect(speaker).toBe('Li Wei');
  });

  it('reads ", further saying, “…”" as the main clause subject still speaking', () => {
    const speaker = speakerOf(
      [
        'Port director Ines Alvarado said the new cranes "cut waiting times by half," further saying, "Ships now leave a day earlier than last year."',
      ],
      'Ships now leave',
    );
    expect(speaker).toBe('Ines Alvarado');
  });
});

describe('a sentence that opens with its speech verb', () => {
  it('takes the person named after the verb', () => {
    const speaker = speakerOf(
      ['Remarked harbour engineer Ana Ruiz, "The wall will hold for another ten years, but not one more."'],
      'The wall will hold',
    );
    expect(speaker).toBe('Ana Ruiz');
  });

  it('steps over an organisation that only says where the speaker works', () => {
    const speaker = speakerOf(
      ['Said Harbour Trust engineer Ana Ruiz, "The wall will hold for another ten years, but not one more."'],
      'The wall will hold',
    );
    expect(speaker).toBe('Ana Ruiz');
  });

  it('leaves a capitalised verb that is not a speech verb alone', () => {
    const speaker = speakerOf(
      [
        'Walking past the harbour, Ana Ruiz stopped. "The wall will hold for another ten years, but not one more."',
      ],
      'The wall will hold',
    );
    expect(speaker).not.toBe('Harbour');
  });
});

describe('titles written before a name after an inverted verb', () => {
  it('keeps "of" inside the title ("tweeted Mayor of Easton Petra Vogel")', () => {
    const speaker = speakerOf(
      [
        'Rescuers searched the river all night.',
        '"We owe the divers more than we can say" tweeted Mayor of Easton Petra Vogel (no relation).',
      ],
      'We owe the divers',
    );
    expect(speaker).toBe('Petra Vogel');
  });
});

describe('an organisation before a role and a name', () => {
  it('is where the speaker works, not the speaker ("Harbour Trust director Ana Ruiz said …, adding, “…”")', () => {
    const speaker = speakerOf(
      [
        'Harbour Trust director Ana Ruiz said the dredging "cost twice the estimate," further saying, "Nobody checked the silt before the contract was signed."',
      ],
      'Nobody checked the silt',
    );
    expect(speaker).toBe('Ana Ruiz');
  });
});

describe('a second verb of the same subject', () => {
  it('gives "X, the director, called it “…” and said “…”" to X', () => {
    const speaker = speakerOf(
      [
        'The director of the festival, Olga Brandt, called it "a sad day" and said "a town like this cannot lose its only cinema."',
      ],
      'a town like this',
    );
    expect(speaker).toBe('Olga Brandt');
  });
});

describe('family nouns', () => {
  it('reads "the father" and "the mother" as the man and the woman named before', () => {
    const k = extractKnowledge(
      makeArticle([
        'Peter Hollis and his wife Martha Hollis were sentenced on Friday by Judge Omar Okafor.',
        'Peter Hollis was also fined for lying on a permit form.',
        'The father said "I never meant to hurt anyone in this family."',
        'The mother said "I would give anything to go back and start again."',
      ]),
    );
    expect(k.quotes.map((q) => q.speaker)).toEqual(['Peter Hollis', 'Martha Hollis']);
  });

  it('leaves "his father" alone: that is someone else', () => {
    const k = extractKnowledge(
      makeArticle([
        'Peter Hollis left the court.',
        'His father said "we will appeal this as soon as we can."',
      ]),
    );
    expect(k.quotes[0]?.speaker).not.toBe('Peter Hollis');
  });
});

describe('fragments in one clause', () => {
  it('gives the second fragment of a clause to the speaker of the first', () => {
    const speaker = speakerOf(
      [
        'Judge Omar Okafor said the sentence was shorter because the pair had "owned up to it early" by pleading guilty and "spared the children a second ordeal in court."',
      ],
      'spared the children',
    );
    expect(speaker).toBe('Omar Okafor');
  });

  it('does not carry a speaker over to a fragment after someone else is named', () => {
    const speaker = speakerOf(
      [
        'Judge Omar Okafor said the pair had "owned up to it early", while prosecutor Lena Park called the plea "far too late to count for anything".',
      ],
      'far too late',
    );
    expect(speaker).not.toBe('Omar Okafor');
  });
});

describe('titles and surnames that look like something else', () => {
  it('keeps "of" inside a title before the subject ("House of Lords Speaker X commented")', () => {
    const speaker = speakerOf(
      [
        'House of Lords Speaker Edith Marr commented on the vote — which one paper called a first — "Nobody in this chamber has seen a night like it in forty years."',
      ],
      'Nobody in this chamber',
    );
    expect(speaker).toBe('Edith Marr');
  });

  it('reads a surname that is also a common verb before a framing verb ("Bash characterized")', () => {
    const speaker = speakerOf(
      [
        'The case is led by prosecutor Colin Bash.',
        'Bash characterized the fire as "planned weeks in advance, to say the least."',
      ],
      'planned weeks in advance',
    );
    expect(speaker).toBe('Colin Bash');
  });

  it('counts "opines" and "elaborated" as speech verbs', () => {
    const speaker = speakerOf(
      ['"The bridge will outlast all of us", Oskar Lind opines, "if the council paints it every ten years."'],
      'if the council paints',
    );
    expect(speaker).toBe('Oskar Lind');
  });
});

describe('coordination', () => {
  it('keeps a short fragment joined by "and" to an attributed one', () => {
    const texts = extractKnowledge(
      makeArticle(['Mayor Ilse Brandt called the toll plan "unfair on every commuter" and "absurd".']),
    ).quotes.map((q) => [q.text, q.speaker]);
    expect(texts).toEqual([
      ['unfair on every commuter', 'Ilse Brandt'],
      ['absurd', 'Ilse Brandt'],
    ]);
  });

  it('gives "A and B, who both …, tweeted" to neither of them alone', () => {
    const speaker = speakerOf(
      [
        'The morning show, hosted by Rita Vance and Omar Hale, who both worked for the station for years, tweeted: "We will miss him every single morning."',
      ],
      'We will miss him',
    );
    expect(speaker).not.toBe('Omar Hale');
  });
});
