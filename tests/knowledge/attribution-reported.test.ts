import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('quotes inside reported speech belong to the person reported speaking', () => {
  it('gives "X testified that Y had knocked … and told her, “…”" to Y', () => {
    const paragraphs = [
      'Ana Ruiz testified that her neighbour, Paul Kemp, had knocked on her door and told her, "The river is coming up fast."',
    ];
    expect(speakerOf(paragraphs, 'The river is coming up fast')).toBe('Paul Kemp');
  });

  it('gives "X said Y had assured her that “…”" to Y, whatever the gender of "her"', () => {
    const paragraphs = [
      'Maria Lopez said the builder, Omar Haddad, had assured her that "the roof will hold."',
    ];
    expect(speakerOf(paragraphs, 'the roof will hold')).toBe('Omar Haddad');
  });

  it('resolves "and that he had told her" to the one man named before it, not the woman speaking', () => {
    const paragraphs = [
      'Councillor Tom Reyes opened the meeting.',
      'Councillor Rosa Diaz said she had phoned the fire chief, Peter Olsen, and that he had told her, "Two crews are on the way."',
    ];
    expect(speakerOf(paragraphs, 'Two crews are on the way')).toBe('Peter Olsen');
  });
});

describe('X quoted Y as saying', () => {
  it('gives the words to the person quoted, not to the document quoting them', () => {
    const paragraphs = [
      'A statement from the Harbour Museum quoted curator Lena Brandt as saying the collection would "return home by June."',
    ];
    expect(speakerOf(paragraphs, 'return home by June')).toBe('Lena Brandt');
  });

  it('reads "quoted her as saying" as the woman named before it in the sentence', () => {
    const paragraphs = [
      'Senator Paul Hart said he had spoken to the governor, Maria Lopez, and quoted her as saying the road would reopen "within a month."',
    ];
    expect(speakerOf(paragraphs, 'within a month')).toBe('Maria Lopez');
  });

  it('never gives the quoted words to the quoting subject when nobody else is named', () => {
    const paragraphs = [
      'Tom Reyes met the committee on Friday. Reyes quoted her as saying the fund was "nearly empty."',
    ];
    expect(speakerOf(paragraphs, 'nearly empty')).not.toBe('Tom Reyes');
  });
});

describe('a fragment after a second clause with its own speaker', () => {
  const paragraphs = [
    'Treasurer Tom Reyes said the levy would end "by the spring," a promise councillor Ana Ruiz called "naive."',
  ];

  it('gives the fragment after "a promise Y called" to Y', () => {
    expect(speakerOf(paragraphs, 'naive')).toBe('Ana Ruiz');
  });

  it('keeps the promise itself with the one who made it', () => {
    expect(speakerOf(paragraphs, 'by the spring')).toBe('Tom Reyes');
  });
});

describe('a description in apposition to a name', () => {
  it('takes the name, not the description, as the subject', () => {
    const paragraphs = [
      'Nora Fitch, a teacher at Elm Street School, which closed last year, said the move was "long overdue."',
    ];
    expect(speakerOf(paragraphs, 'long overdue')).toBe('Nora Fitch');
  });
});

describe('the owner of a speech noun is quoted in its clause', () => {
  it('gives "dismissed Y\'s claim that it was “…”" to Y', () => {
    const paragraphs = [
      'Coach Ines Varga dismissed Tom Reyes\'s claim that the team was "falling apart," saying the squad had never been closer.',
    ];
    expect(speakerOf(paragraphs, 'falling apart')).toBe('Tom Reyes');
  });

  it('gives "Responding to Y\'s suggestion that …, X said" to Y, not to the trailing speaker', () => {
    const paragraphs = [
      'Responding to Li Wei\'s suggestion that the bridge was "beyond repair," engineer Ana Ruiz said it could be saved.',
    ];
    expect(speakerOf(paragraphs, 'beyond repair')).toBe('Li Wei');
  });
});

describe('a new clause after a closing mark', () => {
  const paragraphs = [
    'Nurse Joan Mills said the ward was "barely coping," while her colleague, Sam Ortiz, told the inquiry it was "calm most nights."',
  ];

  it('keeps the first fragment with the first speaker, not the one named after "while"', () => {
    expect(speakerOf(paragraphs, 'barely coping')).toBe('Joan Mills');
  });

  it('gives the second fragment to the person of the second clause', () => {
    expect(speakerOf(paragraphs, 'calm most nights')).toBe('Sam Ortiz');
  });
});

describe('a sentence opening with "Asked whether …"', () => {
  it('is a participle clause: the speaker is the subject after it, not the name inside it', () => {
    const paragraphs = ['Asked whether Tom Reyes would resign, Ana Ruiz said, "That is for him to decide."'];
    expect(speakerOf(paragraphs, 'That is for him to decide')).toBe('Ana Ruiz');
  });
});

describe('a cue verb whose subject is someone unnamed', () => {
  it('does not give "X said a manager had told workers that … “…”" to X', () => {
    const paragraphs = [
      'Union leader Ana Ruiz said a company manager had told workers that the plant was "on borrowed time."',
    ];
    expect(speakerOf(paragraphs, 'on borrowed time')).not.toBe('Ana Ruiz');
  });
});

describe('a quotation in a sentence-opening subordinate clause', () => {
  it('gives "When Y asked whether it was “…,” X said …" to nobody named X', () => {
    const paragraphs = [
      'Engineer Ana Ruiz gave evidence for two hours. When a councillor asked whether the report had been "buried," Ruiz said she did not know.',
    ];
    expect(speakerOf(paragraphs, 'buried')).not.toBe('Ana Ruiz');
  });

  it('gives "After Y described it as “…,” X said …" to Y', () => {
    const paragraphs = [
      'Coach Tom Reyes and captain Lena Brandt spoke after the match.',
      'After Reyes described the defeat as "a bad day at the office," Brandt said the team had been poor all season.',
    ];
    expect(speakerOf(paragraphs, 'a bad day at the office')).toBe('Tom Reyes');
  });
});

describe('someone unnamed speaking', () => {
  it('does not give "recalled his predecessor telling him, “…”" to the one recalling', () => {
    const paragraphs = [
      'Harbour master Tom Reyes recalled his predecessor telling him, "Never trust a calm sea."',
    ];
    expect(speakerOf(paragraphs, 'Never trust a calm sea')).not.toBe('Tom Reyes');
  });

  it('does not give the words of a body named only by a possessive to the sentence subject', () => {
    const paragraphs = [
      'Shop owner Lena Brandt cited the trade association\'s estimate that sales had fallen "by almost a fifth."',
    ];
    expect(speakerOf(paragraphs, 'by almost a fifth')).not.toBe('Lena Brandt');
  });

  it('does not carry the previous speaker over to "“…,” the memo said"', () => {
    const paragraphs = [
      'Ana Ruiz told the hearing she had read the warnings. "The wall will fail within a year," the memo said.',
    ];
    expect(speakerOf(paragraphs, 'The wall will fail')).not.toBe('Ana Ruiz');
  });

  it('keeps "In a statement, X said … “…,” the statement said" with X', () => {
    const paragraphs = [
      'In a statement, the Harbour Trust said it would close the pier. "Safety comes first," the statement said.',
    ];
    expect(speakerOf(paragraphs, 'Safety comes first')).toBe('Harbour Trust');
  });

  it("does not give a quote after a report of someone else's warning to the reporting speaker", () => {
    const paragraphs = [
      'Ana Ruiz told the panel that her deputy, Paul Kemp, had warned her about the cracks. "The east wall will not last the winter."',
    ];
    expect(speakerOf(paragraphs, 'The east wall will not last')).not.toBe('Ana Ruiz');
  });
});

describe('"according to X" with another clause reporting someone', () => {
  it('does not give the words to the outlet when the sentence has its own cue verb', () => {
    const paragraphs = [
      'Officials in Harwick gave few details. According to the Harwick Courier, the town\'s mayor referred to the closure as "a pause, not an end."',
    ];
    expect(speakerOf(paragraphs, 'a pause, not an end')).not.toBe('Harwick Courier');
  });

  it('still gives "According to X, the plan was “…”" to X', () => {
    const paragraphs = ['According to planner Ana Ruiz, the scheme was "dead on arrival."'];
    expect(speakerOf(paragraphs, 'dead on arrival')).toBe('Ana Ruiz');
  });
});

describe('a document that requires or stipulates', () => {
  it('gives "The X Charter requires that … “…”" to the charter', () => {
    const paragraphs = [
      'The Harbour Charter requires that the harbour master be "a person of good character."',
    ];
    expect(speakerOf(paragraphs, 'a person of good character')).toBe('Harbour Charter');
  });
});

describe('a quotation inside a relative clause', () => {
  it('gives "Y, whom X called “…,” said …" to X, not to Y', () => {
    const paragraphs = ['Ana Ruiz, whom Tom Reyes called "a coward," said she would not resign.'];
    expect(speakerOf(paragraphs, 'a coward')).toBe('Tom Reyes');
  });
});

describe('the second half of a split quotation', () => {
  it('goes to the person who replies in between, not the first speaker', () => {
    const paragraphs = ['"I was wrong," Ana Ruiz told Tom Reyes, who replied, "So was I."'];
    expect(speakerOf(paragraphs, 'So was I')).toBe('Tom Reyes');
  });

  it('goes to the person reported in an "adding that" clause in between', () => {
    const paragraphs = ['"We lost," Ana Ruiz said, adding that Tom Reyes had told her, "Next year is ours."'];
    expect(speakerOf(paragraphs, 'Next year is ours')).toBe('Tom Reyes');
  });

  it('still continues the first speaker after a plain attribution', () => {
    const paragraphs = ['"We lost," Ana Ruiz said, "and we deserved to."'];
    expect(speakerOf(paragraphs, 'and we deserved to')).toBe('Ana Ruiz');
  });
});

describe('a parenthesis naming whose words follow', () => {
  it('gives "X said that, as Y put it, … “…”" to Y', () => {
    const paragraphs = ['Ana Ruiz said that, as Tom Reyes put it, the town was "flat broke."'];
    expect(speakerOf(paragraphs, 'flat broke')).toBe('Tom Reyes');
  });

  it('gives "In X\'s words, … “…”" to X', () => {
    const paragraphs = ['Voters were angry. In Ana Ruiz\'s words, the plan was "a complete mess."'];
    expect(speakerOf(paragraphs, 'a complete mess')).toBe('Ana Ruiz');
  });

  it('gives "X, quoting Y, said … “…”" to Y', () => {
    const paragraphs = ['Ana Ruiz, quoting Tom Reyes, said the town was "flat broke."'];
    expect(speakerOf(paragraphs, 'flat broke')).toBe('Tom Reyes');
  });
});
