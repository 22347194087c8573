import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

const knowledgeOf = (paragraphs: string[]) => extractKnowledge(makeArticle(paragraphs));
const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  knowledgeOf(paragraphs).quotes.find((q) => q.text.includes(words))?.speaker;
const peopleOf = (paragraphs: string[]): string[] =>
  knowledgeOf(paragraphs)
    .entities.filter((e) => e.kind === 'person')
    .map((e) => e.name);

describe('who-said when a given name is also a common word', () => {
  const family = [
    'Orrin Vell, a ferry pilot for forty years, has died. His sister, Nadia Vell, found him at home.',
    'The pilot’s mother, Rose, said he had crossed the strait ten thousand times.',
  ];

  it('keeps "Rose" as the first name after a closing quotation mark', () => {
    const paragraphs = [...family, '"He never once missed a tide," Rose Vell said.'];
    expect(speakerOf(paragraphs, 'missed a tide')).toBe('Rose Vell');
  });

  it('names a new relative whose given name is a noun, never the relative named before', () => {
    const paragraphs = [...family, '"He owed me a boat," Bill Vell said.'];
    expect(speakerOf(paragraphs, 'owed me a boat')).toBe('Bill Vell');
  });

  it('still drops a capital that only opens the quoted sentence', () => {
    const paragraphs = ['Nadia Vell said the funeral is on Friday: "Hope is all we have left," she said.'];
    expect(peopleOf(paragraphs)).not.toContain('Hope');
  });
});

describe('given names joined by "and" before one surname', () => {
  it('gives each twin the shared surname, so a lone given name names the right one', () => {
    const paragraphs = [
      'Nine-year-old twins Ada and Ivy Corran run a bread stall on Mill Lane.',
      '"We sold out by ten," Ada said. "Then we closed," said Ivy.',
    ];
    const k = knowledgeOf(paragraphs);
    expect(k.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Ada Corran', 'Ivy Corran']));
    expect(speakerOf(paragraphs, 'sold out')).toBe('Ada Corran');
    expect(speakerOf(paragraphs, 'we closed')).toBe('Ivy Corran');
  });

  it('does not lend the surname to a word that is another person’s surname', () => {
    const paragraphs = [
      'Coach Mia Halloran picked the side. Halloran and Tobias Reed met on Friday.',
      '"We agreed on everything," Reed said.',
    ];
    expect(peopleOf(paragraphs)).not.toContain('Halloran Reed');
  });
});

describe('a person known only by a given name', () => {
  it('lists a brother named twice by his given name as a person, not a group', () => {
    const paragraphs = [
      'Kyle Denholm and his brother, Matthew, were hurt in the crash.',
      'Kyle was released on Friday, while Matthew stays in hospital.',
    ];
    const matthew = knowledgeOf(paragraphs).entities.find((e) => e.name === 'Matthew');
    expect(matthew?.kind).toBe('person');
  });

  it('still takes an unknown word named twice after "the" for a group', () => {
    const paragraphs = ['The Vostrani said the road was theirs.', 'The Vostrani closed it on Monday.'];
    const group = knowledgeOf(paragraphs).entities.find((e) => e.name === 'Vostrani');
    expect(group?.kind).toBe('group');
  });
});

describe('a title with a portfolio before the name', () => {
  it('keeps the portfolio in the title ("Minister of Foreign Affairs X")', () => {
    const paragraphs = ['Minister of Foreign Affairs Ana Lindqvist said talks would resume.'];
    expect(peopleOf(paragraphs)).toEqual(['Ana Lindqvist']);
  });

  it('reads a portfolio joined by "and", and "the minister" is that person', () => {
    const paragraphs = [
      'Minister of Culture and Heritage Affairs Levon Garabedian broke his silence on Tuesday.',
      'Levon Garabedian asked reporters to wait. "I will answer every question in March," the minister said.',
    ];
    expect(peopleOf(paragraphs)).toEqual(['Levon Garabedian']);
    expect(speakerOf(paragraphs, 'every question')).toBe('Levon Garabedian');
  });

  it('does not swallow a second person named after "and"', () => {
    const paragraphs = ['Minister of Health Tomas Brandt and Irena Kowal visited the ward.'];
    expect(peopleOf(paragraphs)).toEqual(expect.arrayContaining(['Tomas Brandt']));
    expect(peopleOf(paragraphs).some((n) => n.includes('Health'))).toBe(false);
  });
});

describe('a team named before a team member’s place', () => {
  it('does not list a team owning its captain as a person', () => {
    const paragraphs = [
      'Kestrel beat Harrow by four runs on Sunday.',
      '"We never gave up," said Kestrel’s captain, Ilya Brandt.',
    ];
    const kestrel = knowledgeOf(paragraphs).entities.find((e) => e.name === 'Kestrel');
    expect(kestrel?.kind).not.toBe('person');
  });

  it('does not take a team before a player’s position for the player', () => {
    const paragraphs = [
      'The 29-year-old Corrandale Mariners defenceman Kyle Rennick was hurt on Thursday.',
      '"It hurts," he said.',
    ];
    expect(peopleOf(paragraphs)).toEqual(['Kyle Rennick']);
    expect(speakerOf(paragraphs, 'It hurts')).toBe('Kyle Rennick');
  });

  it('keeps a player who owns a coach a person', () => {
    const paragraphs = ['Serena Okafor’s coach, Dan Lee, was pleased. "She served well," Okafor said.'];
    expect(peopleOf(paragraphs)).toContain('Serena Okafor');
  });
});

describe('a body named in another language', () => {
  it('lists it as an organisation, and "the institute said" is that body', () => {
    const paragraphs = [
      'The Instituto de Biología Costera in Arica supplied the skulls.',
      '"The jaw is longer than anyone expected," the institute said.',
    ];
    const k = knowledgeOf(paragraphs);
    expect(k.entities.find((e) => e.name === 'Instituto de Biología Costera')?.kind).toBe('organization');
    expect(speakerOf(paragraphs, 'longer than anyone')).toBe('Instituto de Biología Costera');
  });

  it('keeps a person whose name has "de" a person', () => {
    const paragraphs = ['Lucía de Arriaga Soto, a judge in Arica, said the case was closed.'];
    expect(peopleOf(paragraphs)).toEqual(['Lucía de Arriaga Soto']);
  });
});

describe('"the company said" after a company was named', () => {
  it('is the one company the story named', () => {
    const paragraphs = [
      'Vellmar Energy, a maker of home batteries, said on Monday it would recall 9,000 packs.',
      '"We take full responsibility," the company said in a statement.',
    ];
    expect(speakerOf(paragraphs, 'full responsibility')).toBe('Vellmar Energy');
  });

  it('is nobody named when the story named two companies', () => {
    const paragraphs = [
      'Vellmar Energy sued Corlan Shipping on Monday over a lost cargo of batteries.',
      '"We will defend ourselves," the company said.',
    ];
    const speaker = speakerOf(paragraphs, 'defend ourselves');
    expect(speaker).not.toBe('Vellmar Energy');
    expect(speaker).not.toBe('Corlan Shipping');
  });
});

describe('a player introduced by nationality and position', () => {
  it('takes "the Australian said" for the Australian lock named before', () => {
    const paragraphs = [
      'Bexley Park’s captain, the Australian lock Sam Wardell, refused to blame the referee.',
      '"He had a better view than any of us," the Australian said.',
    ];
    expect(speakerOf(paragraphs, 'better view')).toBe('Sam Wardell');
  });

  it('does not make "forward" a role when it is an adverb before a comma', () => {
    const paragraphs = ['Looking forward, Ana Ruiz said the club would rebuild.'];
    const ruiz = knowledgeOf(paragraphs).entities.find((e) => e.name === 'Ana Ruiz');
    expect(ruiz?.roles.map((r) => r.text) ?? []).not.toContain('forward');
  });
});

describe('a role named in one form and referred to in another', () => {
  const intro = 'Harbour trust spokesperson Mira Castell said the pier would reopen in May.';

  it('finds the spokesperson when the story later says "the spokeswoman"', () => {
    const paragraphs = [intro, '"We are ahead of schedule," the spokeswoman said.'];
    expect(speakerOf(paragraphs, 'ahead of schedule')).toBe('Mira Castell');
  });

  it('finds a chairwoman when the story later says "the chairperson"', () => {
    const paragraphs = [
      'Chairwoman Edda Voss opened the meeting at nine.',
      '"The budget is balanced," the chairperson said.',
    ];
    expect(speakerOf(paragraphs, 'budget is balanced')).toBe('Edda Voss');
  });

  it('never takes a spokesman for the spokeswoman', () => {
    const paragraphs = [
      'Harbour trust spokesman Piet Aalders said the pier would reopen in May.',
      '"We are ahead of schedule," the spokeswoman said.',
    ];
    expect(speakerOf(paragraphs, 'ahead of schedule')).not.toBe('Piet Aalders');
  });
});
