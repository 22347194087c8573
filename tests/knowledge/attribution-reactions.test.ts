import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('reactions posted online', () => {
  it('gives "X of The Band also reacted on Twitter, “…”" to X', () => {
    const speaker = speakerOf(
      [
        'The folk singer Dana Okoye died on Sunday at the age of 81.',
        'Guitarist Rolf Amsel of The Night Ferries also reacted on Twitter, "I learned every song I know from her records. Rest easy, Dana."',
      ],
      'I learned every song',
    );
    expect(speaker).toBe('Rolf Amsel');
  });

  it('gives "“…,” X reacted" to X', () => {
    const speaker = speakerOf(
      ['"This is the best news our village has had in years," Councillor Mira Holt reacted.'],
      'best news our village',
    );
    expect(speaker).toBe('Mira Holt');
  });

  it('does not take a reaction verb far from a short fragment as its cue', () => {
    const speaker = speakerOf(
      [
        'Mayor Ilse Brandt reacted calmly to the vote on Tuesday evening, which the paper later called a "fiasco."',
      ],
      'fiasco',
    );
    expect(speaker ?? null).toBeNull();
  });
});

describe('a person before an affiliation phrase', () => {
  it('gives "Councillor X of the Eastfield ward said “…”" to X', () => {
    const speaker = speakerOf(
      [
        'The council met on Monday to vote on the new bus lanes.',
        'Councillor Priya Natarajan of the Eastfield ward said "We were never asked, not once, about any of this."',
      ],
      'We were never asked',
    );
    expect(speaker).toBe('Priya Natarajan');
  });

  it('steps over a place name after "of the"', () => {
    const speaker = speakerOf(
      [
        'The vote on the dam was close.',
        'Delegate Ana Ruiz of the Hajo assembly said "Water is a right and we will defend it in every court."',
      ],
      'Water is a right',
    );
    expect(speaker).toBe('Ana Ruiz');
  });

  it('does not give the words of "the daughter of X" to X', () => {
    const speaker = speakerOf(
      [
        'Lena Sorel, the founder of the bakery, died last week.',
        'The daughter of Lena Sorel said "She never once took a day off, not even at Christmas."',
      ],
      'She never once took',
    );
    expect(speaker).not.toBe('Lena Sorel');
  });
});

describe('a document named after an inverted verb', () => {
  it('gives "“…,” reads an X press release" to X', () => {
    const speaker = speakerOf(
      [
        'The Northern Water Board closed the reservoir to swimmers on Friday.',
        '"Swimming is forbidden until the algae have cleared, whoever you are," reads a Northern Water Board press release.',
      ],
      'Swimming is forbidden',
    );
    expect(speaker).toBe('Northern Water Board');
  });

  it('gives "“…,” said a statement from X" to X', () => {
    const speaker = speakerOf(
      [
        'The Ministry of Health opened an inquiry into the trial.',
        '"No patient was harmed at any point in the trial," said a statement from the Ministry of Health.',
      ],
      'No patient was harmed',
    );
    expect(speaker).toBe('Ministry of Health');
  });

  it('leaves an unsigned letter without a speaker', () => {
    const speaker = speakerOf(
      [
        'The town hall received hundreds of letters about the closure.',
        '"It was an honour to serve this town for thirty years," read one letter, which was unsigned.',
      ],
      'It was an honour',
    );
    expect(speaker ?? null).toBeNull();
  });
});

describe('a follow-on quote after another person took the floor', () => {
  it('keeps no speaker when another person is the subject between the two quotes', () => {
    const speaker = speakerOf(
      [
        '"We will not close the school," Mayor Ana Ruiz said. Councillor Li Wei disagreed. "The money is simply not there."',
      ],
      'The money is simply',
    );
    expect(speaker ?? null).toBeNull();
  });

  it('still continues the speaker when the other person is only the one spoken to', () => {
    const speaker = speakerOf(
      [
        '"We will not close the school," Mayor Ana Ruiz told Li Wei. "The money is there, and we will find it."',
      ],
      'The money is there',
    );
    expect(speaker).toBe('Ana Ruiz');
  });

  it('continues the speaker who is named again after the other person', () => {
    const speaker = speakerOf(
      [
        '"We will not close the school," Mayor Ana Ruiz said. Li Wei had asked for cuts, but Ruiz refused. "The money is there, and we will find it."',
      ],
      'The money is there',
    );
    expect(speaker).toBe('Ana Ruiz');
  });
});

describe('an organisation framing a quote while a person is named in a relative aside', () => {
  const paragraphs = [
    'The Harbour Defence Agency said on Friday that it had fired on the boat.',
    'In a statement, the Harbour Defence Agency justified the strike, which was approved by President Ana Ruiz, as "defensive" in nature.',
  ];

  it('gives "X justified the strike as “…”" to X', () => {
    expect(speakerOf(paragraphs, 'defensive')).toBe('Harbour Defence Agency');
  });

  it('still doubts the organisation when the person is named outside an aside', () => {
    const speaker = speakerOf(
      [
        'The Coast Guard said on Friday that two boats had sunk.',
        'The Coast Guard announced an order by Admiral Li Wei directing units nearby to "join the army in the pursuit of the perpetrators."',
      ],
      'join the army',
    );
    expect(speaker).not.toBe('Coast Guard');
  });
});

describe('a name closing its sentence after a comma', () => {
  it('is not taken as the subject a later "he said" refers to', () => {
    const speaker = speakerOf(
      [
        'Coach Tom Berry has led the club for ten years. On Saturday his side lost to the team of his old rival, Mark Dale.',
        '"We were not good enough today," he said.',
      ],
      'not good enough today',
    );
    expect(speaker).not.toBe('Mark Dale');
  });

  it('leaves a sentence-initial name after an opening phrase as the subject', () => {
    const speaker = speakerOf(
      [
        'After the match on Saturday, Mark Dale praised his players.',
        '"We were the better side today," he said.',
      ],
      'the better side today',
    );
    expect(speaker).toBe('Mark Dale');
  });
});

describe('a fragment carrying on the previous sentence of reported speech', () => {
  it('gives a fragment in a sentence with no cue and no name to the previous sentence’s speaker', () => {
    const speaker = speakerOf(
      [
        'Sheriff Ana Ruiz said deputies arrested one man for drunk driving. They arrested three others for "suspicion of trespassing on the base" and let them go.',
      ],
      'suspicion of trespassing',
    );
    expect(speaker).toBe('Ana Ruiz');
  });

  it('does not carry on when the fragment’s sentence names someone else', () => {
    const speaker = speakerOf(
      [
        'Ana Ruiz said the plan was dead. The plan, drawn up by Li Wei, had aimed at "a home for every family in the valley."',
      ],
      'a home for every family',
    );
    expect(speaker ?? null).toBeNull();
  });

  it('does not carry on after a sentence that reports no one', () => {
    const speaker = speakerOf(
      ['The town has one school. It offers "a broad and balanced curriculum" to all pupils.'],
      'broad and balanced',
    );
    expect(speaker ?? null).toBeNull();
  });
});
