import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('who-said: a trade body named with a plural possessive', () => {
  it('names "the Harrow Drivers\' Guild (HDG), which …, said it would “…”"', () => {
    const paragraphs = [
      'Tram fares in Harrow will rise in May.',
      'The Harrow Drivers\' Guild (HDG), which represents tram crews, said it would "resist any longer shifts."',
    ];
    expect(speakerOf(paragraphs, 'resist any longer shifts')).toBe("Harrow Drivers' Guild");
  });

  it('knows a syndicate as a body, so its fragment is not left unattributed', () => {
    const paragraphs = [
      'The Dock Porters\' Syndicate said the port owed its members "three months of back pay."',
    ];
    expect(speakerOf(paragraphs, 'three months of back pay')).toBe("Dock Porters' Syndicate");
  });
});

describe('who-said: a lowercase public body as the speaker', () => {
  it('names "the state health ministry" though "state" is also a speech verb', () => {
    const paragraphs = ['The state health ministry said clinics had "enough vaccine for the winter."'];
    expect(speakerOf(paragraphs, 'enough vaccine')).toBe('the state health ministry');
  });

  it('names a body a place owns: "the city\'s transport department said"', () => {
    const paragraphs = [
      'The city\'s transport department said the trams would run "as often as the budget allows."',
    ];
    expect(speakerOf(paragraphs, 'as often as the budget')).toBe("the city's transport department");
  });

  it('names "the country\'s foreign ministry described the drills as “…”"', () => {
    const paragraphs = [
      'The country\'s foreign ministry described the drills as "a needless provocation on our border."',
    ];
    expect(speakerOf(paragraphs, 'needless provocation')).toBe("the country's foreign ministry");
  });

  it('does not make a new unnamed speaker of a place\'s officeholder ("the city\'s mayor")', () => {
    const paragraphs = ['The city\'s mayor said the trams would run "as often as the budget allows."'];
    expect(speakerOf(paragraphs, 'as often as the budget')).not.toBe("the city's mayor");
  });
});

describe('who-said: a colon introduction whose subject has a relative aside', () => {
  it('names "the Green group, which abstained, issued a statement after the vote: “…”"', () => {
    const paragraphs = [
      'The Green group, which abstained, issued a statement after the vote: "This is the right plan at the wrong time."',
    ];
    expect(speakerOf(paragraphs, 'the right plan at the wrong time')).toBe('the Green group');
  });

  it('does not give the words to a person named inside the aside', () => {
    const paragraphs = [
      'Dana Ivers has lived on Mill Lane for years.',
      'The residents\' group, which Ivers chairs, issued a statement after the vote: "We will not sign this."',
    ];
    expect(speakerOf(paragraphs, 'We will not sign this')).not.toBe('Dana Ivers');
  });
});

describe("who-said: a person's office speaks for the person", () => {
  it('names the person for "Surname\'s office said … “…”"', () => {
    const paragraphs = [
      'Councillor Ines Harlow chairs the planning panel.',
      'Harlow\'s office said in a statement that the audit would need "every page checked twice."',
    ];
    expect(speakerOf(paragraphs, 'every page checked twice')).toBe('Ines Harlow');
  });

  it('names the person for "Surname\'s office confirmed … in a message that said “…”"', () => {
    const paragraphs = [
      'Deputy Mayor Tomas Brekke spoke at the rally.',
      'Brekke\'s office confirmed the remarks in a message that said "the deputy mayor regrets nothing".',
    ];
    expect(speakerOf(paragraphs, 'regrets nothing')).toBe('Tomas Brekke');
  });

  it('does not give the words to a person whose office is only an address', () => {
    const paragraphs = [
      'Councillor Ines Harlow chairs the planning panel.',
      'A letter to Harlow\'s office said the plan was "a betrayal of the valley."',
    ];
    expect(speakerOf(paragraphs, 'a betrayal of the valley')).not.toBe('Ines Harlow');
  });
});

describe('who-said: a body whose sentence names the person it acted on', () => {
  it('names the court in "The … Court granted bail to activist X, observing that “…”"', () => {
    const paragraphs = [
      'The Orvik High Court on Thursday granted bail to activist Pia Olsen, observing that "a loud march is still a lawful one".',
    ];
    expect(speakerOf(paragraphs, 'a loud march is still')).toBe('Orvik High Court');
  });

  it('still names the person after "by" (a possible speaker), not the body', () => {
    const paragraphs = [
      'The Orvik High Court was told by activist Pia Olsen on Thursday that the march had been "peaceful from start to finish".',
    ];
    expect(speakerOf(paragraphs, 'peaceful from start to finish')).not.toBe('Orvik High Court');
  });
});

describe("who-said: an inverted verb before a body's officeholder named in apposition", () => {
  it('names the person in "“…,” said Kestrel\'s captain, Full Name."', () => {
    const paragraphs = ['"We left everything on the pitch," said Kestrel\'s captain, Dana Ivers.'];
    expect(speakerOf(paragraphs, 'We left everything')).toBe('Dana Ivers');
  });

  it('reads a plural owner\'s bare apostrophe: "said the Harriers\' captain, Full Name"', () => {
    const paragraphs = ['"We play for him on Saturday," said the Harriers\' captain, Tomas Brekke.'];
    expect(speakerOf(paragraphs, 'We play for him')).toBe('Tomas Brekke');
  });

  it('leaves a relative named by a given name alone to the family rules', () => {
    const paragraphs = [
      'Shop owner Ray Halvorsen backed the other candidate.',
      '"Let her settle in first," said Halvorsen\'s wife, Lena, who voted for the winner.',
    ];
    expect(speakerOf(paragraphs, 'Let her settle in first')).not.toBe('Lena');
  });
});

describe('who-said: "the statement said" after a body issued one', () => {
  it('names the body that issued the statement in the paragraph before', () => {
    const paragraphs = [
      'The Orvik Drivers Union called a strike on Monday.',
      'The union issued a statement after the meeting: "Our members have waited long enough."',
      'The statement said crews would run "no night buses at all" until the talks resumed.',
    ];
    expect(speakerOf(paragraphs, 'no night buses at all')).toBe('Orvik Drivers Union');
  });

  it('names nobody when no one was said to issue the statement', () => {
    const paragraphs = [
      'Talks between the Orvik Drivers Union and the city broke down on Monday.',
      'A statement was read out at the depot gates.',
      'The statement said crews would run "no night buses at all" until the talks resumed.',
    ];
    expect(speakerOf(paragraphs, 'no night buses at all')).toBeNull();
  });
});

describe("who-said: an acronym's possessive that spells a contraction", () => {
  it('reads "The WHO\'s website said: “…”" as the body\'s website, not "who is"', () => {
    const paragraphs = [
      'The Wetland Habitats Office (WHO) counts the herons every spring.',
      'The WHO\'s website said: "No heron has nested on the lower marsh since the drainage began."',
    ];
    expect(speakerOf(paragraphs, 'No heron has nested')).toBe('Wetland Habitats Office');
  });

  it('still reads a lowercase "who\'s" as "who is"', () => {
    const paragraphs = [
      'Dana Ivers, who\'s chaired the panel since 2019, said the marsh was "beyond saving."',
    ];
    expect(speakerOf(paragraphs, 'beyond saving')).toBe('Dana Ivers');
  });
});
