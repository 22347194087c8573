import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

const speakerOf = (paragraphs: string[], words: string): string | null | undefined =>
  extractKnowledge(makeArticle(paragraphs)).quotes.find((q) => q.text.includes(words))?.speaker;

describe('who-said for a role that keeps its tenure word', () => {
  it('names the former harbourmaster for "the former harbourmaster said"', () => {
    const paragraphs = [
      'Former Grenlow harbourmaster Ivo Ravel said on Monday the breakwater needed repair.',
      'The quay is now run by Selma Brisk, who took over in March.',
      '"I warned them about that wall ten years ago," the former harbourmaster said.',
    ];
    expect(speakerOf(paragraphs, 'warned them')).toBe('Ivo Ravel');
  });

  it('still names the one holder for the plain role noun', () => {
    const paragraphs = [
      'Former Grenlow harbourmaster Ivo Ravel said on Monday the breakwater needed repair.',
      '"It will not last another storm," the harbourmaster said.',
    ];
    expect(speakerOf(paragraphs, 'another storm')).toBe('Ivo Ravel');
  });
});

describe('who-said for a relative introduced by an appositive after the name', () => {
  const opening =
    'Ferncliffe won 3-0 with all three goals from 18-year-old Jory Penvose, the son of Ferncliffe manager Alun Penvose.';

  it('takes "the elder" surname for the parent, and a shared role for him', () => {
    const paragraphs = [
      opening,
      'The visitors’ manager, Ines Harrow, said her side had been unlucky.',
      'The elder Penvose, who played for the club for a decade, said he was proud. "I have waited years for a day like this," the manager said.',
    ];
    expect(speakerOf(paragraphs, 'waited years')).toBe('Alun Penvose');
  });

  it('takes "the younger" surname for the son', () => {
    const paragraphs = [opening, '"I just hit it and hoped," the younger Penvose said.'];
    expect(speakerOf(paragraphs, 'hit it and hoped')).toBe('Jory Penvose');
  });

  it('names nobody for "the manager" when neither manager is in the paragraph', () => {
    const paragraphs = [
      opening,
      'The visitors’ manager, Ines Harrow, said her side had been unlucky.',
      'The pitch was heavy after a week of rain.',
      '"We will be back," the manager said.',
    ];
    expect(speakerOf(paragraphs, 'be back')).toBeNull();
  });
});

describe('who-said for a lone surname after a person and a relative named together', () => {
  it('names the person the story is about, not the relative introduced through him', () => {
    const paragraphs = [
      'Retired judge Osric Tallent said on Friday he would not campaign for anyone, a day after his nephew Bram Tallent joined the race.',
      '"My nephew can speak for himself," Tallent said.',
    ];
    expect(speakerOf(paragraphs, 'speak for himself')).toBe('Osric Tallent');
  });

  it('names nobody when both were introduced in their own right', () => {
    const paragraphs = [
      'Retired judge Osric Tallent said on Friday he would not campaign for anyone, a day after the lawyer Bram Tallent joined the race.',
      '"Nobody owns this town," Tallent said.',
    ];
    expect(speakerOf(paragraphs, 'owns this town')).toBeNull();
  });

  it('keeps the relative named in full just before the surname', () => {
    const paragraphs = [
      'Greta Voss, 70, and her son Lenny have run the ferry since 1990.',
      'Lenny Voss said he would keep the boat. "It is all I know," Voss said.',
    ];
    expect(speakerOf(paragraphs, 'all I know')).not.toBe('Greta Voss');
  });

  it('names the person again when a new paragraph opens on the surname after the relative spoke', () => {
    const paragraphs = [
      'Mabry Quint, who ran the lighthouse at Osk Point for thirty years, has died at 91.',
      'His daughter, Nell Quint, said he died at home. "He kept the lamp lit in his head," Nell Quint said.',
      'Quint took the post at twenty. He later said he had been "happiest alone with the weather."',
    ];
    expect(speakerOf(paragraphs, 'alone with the weather')).toBe('Mabry Quint');
  });
});

describe('who-said for a quotation after a gesture that answers', () => {
  it('gives a quotation after "shook her head" to the one who shook it', () => {
    const paragraphs = [
      'The ward sister, Lowri Tamsin, said the rota was fair. "Everyone does their share," she said.',
      'Her deputy, Ffion Garrow, shook her head. "She has not worked a weekend since May."',
    ];
    expect(speakerOf(paragraphs, 'worked a weekend')).toBe('Ffion Garrow');
  });

  it('does not read a shaken thing as a gesture', () => {
    const paragraphs = [
      'The ward sister, Lowri Tamsin, spoke first.',
      'Later the storm shook the old wing. "Nobody could sleep."',
    ];
    expect(speakerOf(paragraphs, 'Nobody could sleep')).not.toBe('Lowri Tamsin');
  });
});

describe('who-said for a he / she after a person fronted as the topic', () => {
  it('takes "For <name>," as the sentence’s person for the pronoun that follows', () => {
    const paragraphs = [
      'Grower Imke Solberg, 64, has farmed the valley all her life.',
      'The planning officer, Cato Brenner, said the orchard would be cleared in spring. "The plan is final," he said.',
      'For Solberg, the matter is not settled. She has asked a court to halt the work. "A judge will decide," she said.',
    ];
    expect(speakerOf(paragraphs, 'judge will decide')).toBe('Imke Solberg');
  });

  it('does not take a fronted name when the sentence names someone else too', () => {
    const paragraphs = [
      'Grower Imke Solberg, 64, has farmed the valley all her life.',
      'The planning officer, Cato Brenner, said the orchard would be cleared in spring.',
      'For Solberg, councillor Dora Fenn is the one to blame. "She never listened," she said.',
    ];
    expect(speakerOf(paragraphs, 'never listened')).not.toBe('Imke Solberg');
  });
});

describe('who-said for an inverted attribution to an owner’s role and its appositive name', () => {
  it('names the person after "said <owner>’s chief executive,"', () => {
    const paragraphs = [
      'Two ferry firms, Kelda Lines and Brisk Sound, said on Monday they would merge.',
      '"Together we can keep the winter crossings running," said Kelda’s chief executive, Tamsin Orley, in a joint statement.',
    ];
    expect(speakerOf(paragraphs, 'winter crossings')).toBe('Tamsin Orley');
  });

  it('names the person after "said the <plural owner>’ captain,"', () => {
    const paragraphs = [
      'The Harrowgate Rovers lost their third match in a row on Saturday.',
      '"Nobody in the dressing room said a word," said the Rovers\' captain, Piotr Saldan.',
    ];
    expect(speakerOf(paragraphs, 'dressing room')).toBe('Piotr Saldan');
  });

  it('does not name a relative by the given name alone after "said <owner>’s wife,"', () => {
    const paragraphs = [
      'Shopkeeper Anton Velk said the new mayor would ruin the high street.',
      '"Give him a chance," said Velk’s wife, Irena, who voted for the mayor.',
    ];
    expect(speakerOf(paragraphs, 'Give him a chance')).not.toBe('Irena');
  });
});

describe('who-said for a quotation after a sentence that hands someone the floor', () => {
  it('gives the quotation after "<name> had the last word." to that person', () => {
    const paragraphs = [
      'The selectors kept the same eleven for the second match, chairman Royce Amberley said.',
      'The match starts in Perth on Friday.',
      'Amberley had the last word. "We pick on form over seasons, not over one game."',
    ];
    expect(speakerOf(paragraphs, 'form over seasons')).toBe('Royce Amberley');
  });

  it('gives the quotation after "<name> did not back down." to that person', () => {
    const paragraphs = [
      'Councillor Wren Halloway accused the treasurer, Piers Oldcastle, of hiding the cost.',
      'Oldcastle did not back down. "Every figure is in the published accounts."',
    ];
    expect(speakerOf(paragraphs, 'published accounts')).toBe('Piers Oldcastle');
  });

  it('does not hand the floor to a thing', () => {
    const paragraphs = [
      'Councillor Wren Halloway spoke first.',
      'The motion had the last word. "Nobody could stop it."',
    ];
    expect(speakerOf(paragraphs, 'Nobody could stop it')).not.toBe('Wren Halloway');
  });
});

describe('who-said for a quotation credited by the sentence after it', () => {
  it('names the role holder of "The harbourmaster made the remark …"', () => {
    const paragraphs = [
      'Harbourmaster Delphine Crouch clashed with councillor Abel Morrow over dredging costs.',
      '"He has wanted my post since the day I took it." The harbourmaster made the remark on the quay on Tuesday.',
    ];
    expect(speakerOf(paragraphs, 'wanted my post')).toBe('Delphine Crouch');
  });

  it('names the owner of "<name>’s response came …"', () => {
    const paragraphs = [
      'Union organiser Tilde Marsk called the pay offer an insult. The port director, Gareth Fenwick, called the strike "a gift to our rivals".',
      '"A gift? The only gift here is the one the board gave itself." Marsk’s response came within the hour.',
    ];
    expect(speakerOf(paragraphs, 'board gave itself')).toBe('Tilde Marsk');
  });

  it('does not credit a quotation with "made a remark" about something else', () => {
    const paragraphs = [
      'Harbourmaster Delphine Crouch clashed with councillor Abel Morrow over dredging costs.',
      '"The quay is sinking." Morrow made a remark about the weather and left.',
    ];
    expect(speakerOf(paragraphs, 'quay is sinking')).not.toBe('Abel Morrow');
  });
});
