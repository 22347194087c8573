import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('who-said finds the subject before the clause verb, not a name after it', () => {
  it('does not give a participle quote to a place named in the object of the verb', () => {
    const paragraphs = [
      'The harbour board on Friday urged fishermen not to stage "go-slow protests" regarding Portugal, warning "a blocked channel is a closed port."',
    ];
    expect(speakerOf(paragraphs, 'a blocked channel is a closed port')).not.toBe('Portugal');
  });

  it('does not take a dateline in capitals for the subject', () => {
    const paragraphs = [
      'TORVAL — The Drennic foreign ministry on Monday urged Haskia not to hold "live-fire drills" near the lake, warning "those who aim at a border should expect an answer."',
    ];
    // The ministry itself may speak (a public body dated "on Monday"); the dateline never does.
    expect(speakerOf(paragraphs, 'those who aim at a border') ?? '').not.toMatch(/torval/i);
  });

  it('still gives a participle quote to the named subject after a dateline', () => {
    const paragraphs = [
      'CALDER BAY — Harbour master Ines Voskuil urged skippers to stay ashore, warning "the swell will peak after midnight."',
    ];
    expect(speakerOf(paragraphs, 'the swell will peak')).toBe('Ines Voskuil');
  });

  it('skips an opening phrase that names other parties before the subject', () => {
    const paragraphs = [
      'Ministry spokeswoman Petra Lind took questions for an hour on Tuesday.',
      'Also in response to a question about whether Germany supports NATO sending ships to Malta, the spokeswoman replied that "ships are welcome when both sides invite them."',
    ];
    expect(speakerOf(paragraphs, 'ships are welcome')).toBe('Petra Lind');
  });

  it('keeps the subject after an opening phrase that goes on past its comma', () => {
    const paragraphs = [
      'Mayor Ottilie Brandt spoke at the depot in the morning.',
      'Later on Monday Brandt met the drivers, then the union, where she repeated the offer. On the timetable, she said "nothing changes before spring".',
    ];
    expect(speakerOf(paragraphs, 'nothing changes before spring')).toBe('Ottilie Brandt');
  });
});

describe('who-said for a crowd after a possessive scene-setter', () => {
  it('does not give a chant to the person whose speech set the scene', () => {
    const paragraphs = [
      'Opposition leader Marek Hollis said the ministry had "buried the report" on the crash.',
      'Shortly after Hollis\'s announcement, students gathered outside the ministry "without any call from a party", and shouting "resign, resign," demanded a new inquiry.',
    ];
    expect(speakerOf(paragraphs, 'resign, resign')).not.toBe('Marek Hollis');
  });
});

describe('who-said for documents', () => {
  it('gives the words of "a statement from X\'s office blamed" to X', () => {
    const paragraphs = [
      'A statement from Governor Lucia Ferrant\'s office blamed "a handful of outside agitators" for the damage.',
    ];
    expect(speakerOf(paragraphs, 'a handful of outside agitators')).toBe('Lucia Ferrant');
  });

  it('carries that issuer to "the statement said" in the next paragraph', () => {
    const paragraphs = [
      'A statement from Governor Lucia Ferrant\'s office blamed "a handful of outside agitators" for the damage.',
      '"Peaceful protest is welcome here. Smashing windows is not," the statement said.',
    ];
    expect(speakerOf(paragraphs, 'Peaceful protest is welcome')).toBe('Lucia Ferrant');
  });

  it('leaves "the statement said" unattributed when no statement was named with its issuer', () => {
    const paragraphs = [
      'Governor Lucia Ferrant visited the square on Sunday.',
      '"Peaceful protest is welcome here. Smashing windows is not," the statement said.',
    ];
    expect(speakerOf(paragraphs, 'Peaceful protest is welcome')).toBeNull();
  });
});

describe('who-said for a relayed report', () => {
  it('gives a fragment inside "X said …" to X, not to the agency that reported it', () => {
    const paragraphs = [
      'Energy Minister Tobiah Renn said the grid operator "has not asked for a rescue and will not get one," the Orla news agency reported.',
    ];
    expect(speakerOf(paragraphs, 'has not asked for a rescue')).toBe('Tobiah Renn');
  });

  it('gives it to X when the relay is a named reporter', () => {
    const paragraphs = [
      'Fire chief Anselm Okoro said the crews had worked all night — and "another hour would have lost the whole street," Gazette reporter Mina Sole writes.',
    ];
    expect(speakerOf(paragraphs, 'another hour would have lost')).toBe('Anselm Okoro');
  });

  it('still gives a whole quote before "the agency reported" to nobody named', () => {
    const paragraphs = ['"The grid will hold this winter," the Orla news agency reported.'];
    expect(speakerOf(paragraphs, 'The grid will hold')).not.toBe('Tobiah Renn');
  });
});

describe('cues: pointed out, raged, ruled', () => {
  it('reads "pointed out that" as a full cue before a long fragment', () => {
    const paragraphs = [
      'Trade Minister Dorota Vell pointed out that the port authority "sees the new terminal as a national project, because every region uses it," the agency reported.',
    ];
    expect(speakerOf(paragraphs, 'sees the new terminal')).toBe('Dorota Vell');
  });

  it('reads "raged" as speech', () => {
    const paragraphs = ['"You sat on this report for a year," Councillor Ada Brisk raged.'];
    expect(speakerOf(paragraphs, 'You sat on this report')).toBe('Ada Brisk');
  });

  it('gives a judge\'s finding after "ruled that" to the judge', () => {
    const paragraphs = [
      'Judge Harriet Okonjo ruled that the landlord had been "careless at every step of the repair".',
    ];
    expect(speakerOf(paragraphs, 'careless at every step')).toBe('Harriet Okonjo');
  });
});

describe('who-said for an epithet subject', () => {
  it('does not give a fragment to a party name used as an epithet ("the veteran Unionist")', () => {
    const paragraphs = [
      'Home Secretary Colm Arden faced the committee on Wednesday.',
      'In an exchange over Mr Arden\'s bill, the veteran Unionist told members they had "no stomach" for reform, branding them "timid to a fault".',
    ];
    expect(speakerOf(paragraphs, 'timid to a fault')).not.toBe('Unionist');
    expect(speakerOf(paragraphs, 'timid to a fault')).not.toBe('members');
  });
});

describe('who-said for "X said, adding that", "per X" and "in a post that said"', () => {
  it('gives the fragment after "…, X said, adding that" to X, not to a country before', () => {
    const paragraphs = [
      'Portugal urges both sides to stay calm, Teodor Vask said, adding that "nobody wins a war of words at sea."',
    ];
    expect(speakerOf(paragraphs, 'nobody wins a war of words')).toBe('Teodor Vask');
  });

  it('credits a quotation to the name after "per"', () => {
    const paragraphs = [
      'Inspector Hal Demir led the review of the collapse.',
      'The review "found no fault in the design, only in the upkeep," per Hal Demir.',
    ];
    expect(speakerOf(paragraphs, 'found no fault in the design')).toBe('Hal Demir');
  });

  it('does not read "per" inside the narration as a credit', () => {
    const paragraphs = ['Fares rose "by ten pence per journey" this spring, commuters said.'];
    expect(speakerOf(paragraphs, 'by ten pence')).not.toBe('journey');
  });

  it('gives "in a post that said" to the clause subject who posted it', () => {
    const paragraphs = [
      'Coach Rena Albright confirmed the injury in a post that said "the knee needs six weeks and I will be back."',
    ];
    expect(speakerOf(paragraphs, 'the knee needs six weeks')).toBe('Rena Albright');
  });
});

describe('who-said for a role with a demonym the title did not spell out', () => {
  it('names the one minister for "the Veskori minister said"', () => {
    const paragraphs = [
      'Transport Minister Dragan Lovrić defended the fare rise on Monday.',
      '"Our first duty is to the islanders," the Veskori minister said.',
    ];
    expect(speakerOf(paragraphs, 'Our first duty is to the islanders')).toBe('Dragan Lovrić');
  });

  it('names nobody when two ministers could be meant', () => {
    const paragraphs = [
      'Transport Minister Dragan Lovrić met Finance Minister Ivo Matek on Monday.',
      '"Our first duty is to the islanders," the Veskori minister said.',
    ];
    expect(speakerOf(paragraphs, 'Our first duty is to the islanders')).toBeNull();
  });
});

describe('who-said for "what X meant by" and the cues shared / revealed', () => {
  it('gives the words after "what X meant by" to X, not to the one who wonders', () => {
    const paragraphs = [
      'Coach Dana Whitcombe spoke after the match against the Harriers, managed by Pol Arnaud.',
      'Whitcombe said she doesn\'t know what Arnaud meant by "a pub team with a bus" and would not lose sleep over it.',
    ];
    expect(speakerOf(paragraphs, 'a pub team with a bus')).toBe('Pol Arnaud');
  });

  it('names nobody when "meant by" has no named subject', () => {
    const paragraphs = [
      'Coach Dana Whitcombe said nobody knew what was meant by "a pub team with a bus" in the programme notes.',
    ];
    expect(speakerOf(paragraphs, 'a pub team with a bus')).not.toBe('Dana Whitcombe');
  });

  it('reads "shared" after a quotation as the speaker sharing it', () => {
    const paragraphs = [
      'Mayor Tom Okeke met the flood volunteers on Friday.',
      '"It was the longest week of my life," Okeke shared at the press conference.',
    ];
    expect(speakerOf(paragraphs, 'the longest week of my life')).toBe('Tom Okeke');
  });
});

describe('who-said past a bracketed party tag', () => {
  it('gives a trailing quote to the name before "(D) said" and "(R-Ohio) told"', () => {
    const paragraphs = [
      'Mayor Tom Okeke met the flood volunteers on Friday.',
      '"We rebuild from Monday," Okeke (D) said.',
      '"The levee held," Sen. Rhea Voss (R-Ohio) told reporters.',
    ];
    expect(speakerOf(paragraphs, 'We rebuild from Monday')).toBe('Tom Okeke');
    expect(speakerOf(paragraphs, 'The levee held')).toBe('Rhea Voss');
  });

  it('does not read a bracketed aside of ordinary words as a tag', () => {
    const paragraphs = ['"We rebuild from Monday," the crew (all of them volunteers) said.'];
    expect(speakerOf(paragraphs, 'We rebuild from Monday')).not.toBe('volunteers');
  });
});
