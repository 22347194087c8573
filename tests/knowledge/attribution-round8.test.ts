import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

function people(paragraphs: string[]): string[] {
  return extractKnowledge(makeArticle(paragraphs))
    .entities.filter((e) => e.kind === 'person')
    .map((e) => e.name);
}

describe('people: a party word before an office before a name', () => {
  it('finds the person in "Green MP Nadia Falk" in the middle of a sentence', () => {
    expect(people(['The plan was opposed by Green MP Nadia Falk at the hearing.'])).toContain('Nadia Falk');
  });

  it('keeps the office as her title, not as part of her name', () => {
    const kb = extractKnowledge(makeArticle(['The plan was opposed by Green MP Nadia Falk at the hearing.']));
    const falk = kb.entities.find((e) => e.name === 'Nadia Falk');
    expect(falk?.roles.map((r) => r.text).join(' ')).toContain('MP');
  });
});

describe('who-said: the one person a sentence names, acting in a relative clause', () => {
  it('gives the next "she said" to the person who launched the attack', () => {
    const paragraphs = [
      'The vote drew scorn from Green MP Nadia Falk, who accused the minister of hiding the figures.',
      '"They counted the ballots behind a locked door," she said.',
    ];
    expect(speakerOf(paragraphs, 'behind a locked door')).toBe('Nadia Falk');
  });

  it('follows her into the all-quote paragraphs that continue her', () => {
    const paragraphs = [
      'The vote drew scorn from Green MP Nadia Falk who attacked Mr Orme and his deputies for the delay.',
      '"They counted the ballots behind a locked door," she fumed.',
      '"Nobody outside that room saw a single paper."',
    ];
    expect(speakerOf(paragraphs, 'Nobody outside that room')).toBe('Nadia Falk');
  });

  it('does not take the person for the topic when the sentence is about a he or she', () => {
    const paragraphs = [
      'He was asked about the delay by reporter Ivo Ostrand, who had waited all morning.',
      '"We will publish the count tomorrow," he said.',
    ];
    expect(speakerOf(paragraphs, 'publish the count tomorrow')).not.toBe('Ivo Ostrand');
  });

  it('does not take the person for the topic when another person is named before', () => {
    const paragraphs = [
      'Mayor Lena Roth met the protesters with councillor Anna Vidal, who chairs the transport board.',
      '"The depot stays open," she said.',
    ];
    expect(speakerOf(paragraphs, 'The depot stays open')).not.toBe('Anna Vidal');
  });
});

describe('who-said: a speaker who goes on', () => {
  it('gives "X went on:" to X when the article titled the full name before', () => {
    const paragraphs = [
      'Chief Minister Tavish Oruvan opened the session with a defence of the budget.',
      'After the speaker called for order, the chamber fell quiet.',
      'Tavish Oruvan went on: "Nobody in this house has read the whole bill.',
      '"Nobody in this house has even asked for a copy."',
    ];
    expect(speakerOf(paragraphs, 'read the whole bill')).toBe('Tavish Oruvan');
    expect(speakerOf(paragraphs, 'even asked for a copy')).toBe('Tavish Oruvan');
  });

  it('does not take "went on" without a quotation for speech', () => {
    const paragraphs = ['The strike went on for days, and the union said "we will not move".'];
    expect(speakerOf(paragraphs, 'we will not move')).toBe('the union');
  });
});

describe('who-said: a he / she opening a sentence keeps its antecedent', () => {
  it('gives the quote to the coach the "he" stands for, not to a man the sentence names after it', () => {
    const paragraphs = [
      'Veteran coach Bram Osterhuis admitted on Sunday that his staff had misjudged the final.',
      'He faced questions on whether he or club chairman Piet Lanting had picked the wrong squad. "Both of us did," he said.',
    ];
    expect(speakerOf(paragraphs, 'Both of us did')).toBe('Bram Osterhuis');
  });

  it('still gives nobody when the opening "she" has no sure antecedent', () => {
    const paragraphs = [
      'The hearing ran late into the evening.',
      'She was asked whether the inspector Carl Moen had seen the file. "Never," she said.',
    ];
    expect(speakerOf(paragraphs, 'Never')).not.toBe('Carl Moen');
  });
});

describe('who-said: "Dr Surname" when two people share the surname', () => {
  it('names the one not already given another honorific', () => {
    const paragraphs = [
      'Pressure grew on former trade minister Teo Amal Varo to quit, while Chief Minister Sana Devi Varo stayed silent.',
      'Asked whether Mr Teo Varo would resign, Dr Varo said, "We will decide when a letter reaches us."',
    ];
    expect(speakerOf(paragraphs, 'when a letter reaches us')).toBe('Sana Devi Varo');
  });

  it('names the one the article already called by that honorific', () => {
    const paragraphs = [
      'Dr Hana Ilves and her brother Mr Taavi Ilves both sit on the board.',
      'Dr Ilves said, "The board meets on Monday."',
    ];
    expect(speakerOf(paragraphs, 'The board meets on Monday')).toBe('Hana Ilves');
  });

  it('names nobody when neither was given an honorific', () => {
    const paragraphs = [
      'Teo Amal Varo and Sana Devi Varo both addressed the rally.',
      'Dr Varo said, "We will decide when a letter reaches us."',
    ];
    expect(speakerOf(paragraphs, 'when a letter reaches us')).toBeNull();
  });
});

describe('who-said: a sentence closed by "…, X said." is about X', () => {
  it('gives the next "he said" to the reporter, not to a body the reported clause names', () => {
    const paragraphs = [
      'Transport minister Ansel Kestrin met reporters after the vote.',
      'Union delegates held the Assembly floor past the deadline, against its standing orders, Kestrin said.',
      '"We had a clear majority on the bill," he said.',
    ];
    expect(speakerOf(paragraphs, 'clear majority on the bill')).toBe('Ansel Kestrin');
  });

  it('does the same for the inverted "…, said X."', () => {
    const paragraphs = [
      'Transport minister Ansel Kestrin met reporters after the vote.',
      'Union delegates held the Assembly floor past the deadline, said Kestrin.',
      '"We had a clear majority on the bill," he said.',
    ];
    expect(speakerOf(paragraphs, 'clear majority on the bill')).toBe('Ansel Kestrin');
  });
});

describe('people: a title with "of the" and its body before a name', () => {
  it('reads "Speaker of the Assembly Tomas Brevik" as his title and his name', () => {
    const paragraphs = [
      'Later, Speaker of the Assembly Tomas Brevik hit back, saying, "Nobody asked the voters."',
    ];
    expect(people(paragraphs)).toContain('Tomas Brevik');
    expect(speakerOf(paragraphs, 'Nobody asked the voters')).toBe('Tomas Brevik');
  });
});

describe('who-said: a statement by "the <name> team"', () => {
  it('does not give the statement to the league or firm that only qualifies the team', () => {
    const paragraphs = [
      'The club announced the death of its former captain on Monday.',
      '"We are heartbroken by this loss," read the statement by the ULK team.',
    ];
    expect(speakerOf(paragraphs, 'heartbroken by this loss')).not.toBe('ULK');
  });

  it('still gives a statement by a named body to that body', () => {
    const paragraphs = [
      '"We are heartbroken by this loss," read a statement by the Brenthaw Rowing Club on Monday.',
    ];
    expect(speakerOf(paragraphs, 'heartbroken by this loss')).toBe('Brenthaw Rowing Club');
  });
});
