import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('cues beyond "said": countered, submitted, shot back, fired back', () => {
  it('gives a fragment after "countered that" to the one who countered', () => {
    const paragraphs = [
      'The port authority defended the fee. Harbour master Kofi Appiah countered that the fee was "a tax on fishermen, nothing else".',
    ];
    expect(speakerOf(paragraphs, 'a tax on fishermen')).toBe('Kofi Appiah');
  });

  it('gives a fragment after "submitted that" to the counsel who submitted it', () => {
    const paragraphs = [
      'Appearing for the tenants, advocate Rhea Malhotra submitted that the eviction notice was "void from the first line".',
    ];
    expect(speakerOf(paragraphs, 'void from the first line')).toBe('Rhea Malhotra');
  });

  it('reads "shot back that" and "fired back" as speech, but not "shot" alone', () => {
    const paragraphs = [
      'Councillor Dara Finch shot back that the plan was "written on the back of an envelope".',
      '"Nobody asked the residents," Finch fired back.',
      'A hunter shot a deer near the "old mill" road.',
    ];
    expect(speakerOf(paragraphs, 'written on the back of an envelope')).toBe('Dara Finch');
    expect(speakerOf(paragraphs, 'Nobody asked the residents')).toBe('Dara Finch');
  });

  it('reads "a change X said would …" as X saying it', () => {
    const paragraphs = [
      'The board approved the new timetable, a change union organiser Pia Lund said would leave drivers "without a proper break".',
    ];
    expect(speakerOf(paragraphs, 'without a proper break')).toBe('Pia Lund');
  });
});

describe('who-said gives no speaker rather than a wrong one', () => {
  it('does not give a fragment to the subject of a denied speech act ("did not comment on")', () => {
    const paragraphs = [
      'The finance chief of Brenmoor Foods, Ada Quist, was asked about the rumour. She said Brenmoor did not comment on "fairy tales about bidders."',
    ];
    expect(speakerOf(paragraphs, 'fairy tales about bidders')).toBe('Ada Quist');
  });

  it('gives "Y, he said, “…”" to the one who was speaking before, not to Y', () => {
    const paragraphs = [
      'Defence lawyer Omar Reyes said the detective, Carl Brody, had "lost the notes". Brody, he said, "never wrote down a single time."',
    ];
    expect(speakerOf(paragraphs, 'never wrote down a single time')).toBe('Omar Reyes');
  });

  it('does not give "X, she says, “…”" to X: the aside means someone else', () => {
    const paragraphs = [
      'Nora Vale trained for years under the coach Ines Barr. Barr, she says, "never smiled once in ten years."',
    ];
    expect(speakerOf(paragraphs, 'never smiled once')).not.toBe('Ines Barr');
  });

  it('gives no speaker when "according to" a person stands beside an organisation doing the verb', () => {
    const paragraphs = [
      'The Tannery Workers Union has called a strike.',
      'According to Amos Kiprono, who spoke on local radio, the union has written "at least nine letters" to the ministry.',
    ];
    expect(speakerOf(paragraphs, 'at least nine letters')).not.toBe('Tannery Workers Union');
  });

  it('does not carry a pronoun past a sentence about an unnamed person ("One trader …")', () => {
    const paragraphs = [
      'Finance director Lotte Brink said the results were "fine".',
      'One trader in Oslo was less diplomatic. "It is a mess and everybody knows it," he said.',
    ];
    expect(speakerOf(paragraphs, 'It is a mess')).toBeNull();
  });

  it('resolves "he" after a bare surname shared by a mother and son to the son', () => {
    const paragraphs = [
      'Kiran Bhosle, a teacher, was released on bail on Monday.',
      'His mother, Lata Bhosle, said the family was "relieved beyond words". "He did nothing wrong," she said.',
      'Bhosle himself did not speak to reporters. A letter he wrote in custody ended: "I will keep teaching."',
    ];
    expect(speakerOf(paragraphs, 'I will keep teaching')).toBe('Kiran Bhosle');
  });
});

describe('context quotes after a gesture, an age reference or "adding:"', () => {
  it('gives a quotation after "X shrugged." to X', () => {
    const paragraphs = [
      'Asked whether a second bakery would be one too many, owner Greta Holm shrugged. "Ask me next winter."',
    ];
    expect(speakerOf(paragraphs, 'Ask me next winter')).toBe('Greta Holm');
  });

  it('does not take a gesture in the middle of a longer sentence as the answer', () => {
    const paragraphs = [
      'Greta Holm laughed when the mayor, Ivo Brandt, arrived with a cake for the whole staff and the volunteers. "We will need more ovens."',
    ];
    expect(speakerOf(paragraphs, 'We will need more ovens')).not.toBe('Greta Holm');
  });

  it('gives "the 29-year-old said" with no age given to the person the story is on', () => {
    const paragraphs = [
      'The coach, Sam Oduya, named his side on Friday.',
      'Winger Luka Ferris posted a video from the gym. "The knee is fine, I will play," the 29-year-old said.',
    ];
    expect(speakerOf(paragraphs, 'The knee is fine')).toBe('Luka Ferris');
  });

  it('gives the words after "X said, before adding with a grin:" to X', () => {
    const paragraphs = [
      '"I am happy here," the striker Dele Amos said, before adding with a grin: "My agent is less happy."',
    ];
    expect(speakerOf(paragraphs, 'My agent is less happy')).toBe('Dele Amos');
  });
});

describe('names the grammar of a news sentence points to', () => {
  it('reads a relative clause holding a quoted word between a name and its verb', () => {
    const paragraphs = [
      'Analyst Ravi Menon at Castle Securities, who rates the bank a "hold", said both sides were "bluffing for now".',
    ];
    expect(speakerOf(paragraphs, 'bluffing for now')).toBe('Ravi Menon');
  });

  it('reads "X in PLACE said" as X, not the place', () => {
    const paragraphs = [
      'The flood reached the town hall. Paramedic Rosa Mendel in Hull said crews were "stretched to the limit".',
    ];
    expect(speakerOf(paragraphs, 'stretched to the limit')).toBe('Rosa Mendel');
  });

  it('reads "the union" as the one union named before', () => {
    const paragraphs = [
      'The Dockside Porters Union began a strike on Friday, a week after talks with the port broke down.',
      'The union issued a statement on Sunday night: "We have been patient for a year."',
    ];
    expect(speakerOf(paragraphs, 'We have been patient')).toBe('Dockside Porters Union');
  });

  it('gives no speaker to "the union" when two unions are named', () => {
    const paragraphs = [
      'The Dockside Porters Union and the Crane Drivers Union began a strike on Friday.',
      'The union issued a statement on Sunday night: "We have been patient for a year."',
    ];
    expect(speakerOf(paragraphs, 'We have been patient')).toBeNull();
  });
});

describe('pronoun quotes after a second person of the same gender', () => {
  it('gives "she said" to the judge who thanked the witness, not to the witness', () => {
    const paragraphs = [
      'The bookkeeper, Ella Stroud, testified for two days.',
      'Judge Mona Pike thanked Stroud for her evidence before dismissing her, and warned the gallery against outbursts. "I will clear this room if I must," she said.',
    ];
    expect(speakerOf(paragraphs, 'I will clear this room')).toBe('Mona Pike');
  });
});

describe('pronouns and what the article has already said about a person', () => {
  it('does not give "she said" to a man already referred to as "he"', () => {
    const paragraphs = [
      'Judge Alder Quin set a hearing for May. He told both sides he had read the lease "more times than I can count".',
      'The row has gone on for a year. Asked about it, she said only: "I just fix the boiler."',
    ];
    expect(speakerOf(paragraphs, 'I just fix the boiler')).not.toBe('Alder Quin');
  });

  it('does not reach past a sentence whose subject is an unnamed role ("The current director")', () => {
    const paragraphs = [
      'Trustee Mira Sand said the library "cannot survive another cut".',
      'The current director, who retires in June, has stayed out of the fight. Asked about it, she said only: "I am here for the books."',
    ];
    expect(speakerOf(paragraphs, 'I am here for the books')).toBeNull();
  });
});

describe('a sentence about someone the article names only by a role', () => {
  it('does not give "he said" after "X\'s lawyer told reporters" to X', () => {
    const paragraphs = [
      'Tom Baxter was convicted on Monday.',
      'Baxter\'s lawyer told reporters the verdict would be appealed. "This is not over," he said.',
    ];
    expect(speakerOf(paragraphs, 'This is not over')).not.toBe('Tom Baxter');
  });

  it('still gives "she said" to the lawyer named in apposition', () => {
    const paragraphs = [
      'Tom Baxter was convicted on Monday.',
      'Baxter\'s lawyer, Ann Holt, told reporters the verdict would be appealed. "This is not over," she said.',
    ];
    expect(speakerOf(paragraphs, 'This is not over')).toBe('Ann Holt');
  });
});

describe('he / she after two coordinated subjects', () => {
  it('gives no speaker when both are men', () => {
    const paragraphs = ['Tom Hale and Sam Pike met on Tuesday. "We agreed on nothing," he said.'];
    expect(speakerOf(paragraphs, 'We agreed on nothing')).toBeNull();
  });

  it('gives the one woman of the pair "she said"', () => {
    const paragraphs = ['Ana Ruiz and Tom Hale met on Tuesday. "We agreed on nothing," she said.'];
    expect(speakerOf(paragraphs, 'We agreed on nothing')).toBe('Ana Ruiz');
  });
});

describe('colon introductions: who the words come from', () => {
  it('gives "X was asked by Y: “…”" to the one asking', () => {
    const paragraphs = ['Tom Hale met Ana Ruiz.', 'Hale was asked by Ruiz: "Will you resign?"'];
    expect(speakerOf(paragraphs, 'Will you resign')).toBe('Ana Ruiz');
  });

  it('gives "X received a text from Y: “…”" to the sender', () => {
    const paragraphs = ['Tom Hale met Ana Ruiz.', 'Hale received a text from Ruiz: "Call me now."'];
    expect(speakerOf(paragraphs, 'Call me now')).toBe('Ana Ruiz');
  });

  it('gives "The message from the firm\'s chairman, NAME, was clear: “…”" to the chairman', () => {
    const paragraphs = [
      'The message from Brenmoor\'s chairman, Lars Ekholm, was just as clear: "We will not raise the offer."',
    ];
    expect(speakerOf(paragraphs, 'We will not raise the offer')).toBe('Lars Ekholm');
  });

  it('keeps the subject when the message was sent by the subject to someone named after', () => {
    const paragraphs = [
      'Rita Vance ran for the council in 2019.',
      'She shared the text of a message she sent to the party chairman, Mark Osei: "I will not step aside."',
    ];
    expect(speakerOf(paragraphs, 'I will not step aside')).toBe('Rita Vance');
  });

  it('does not let "his successor" in an appositive count against the woman named', () => {
    const paragraphs = ['Tom Hale resigned. Ana Ruiz, his successor, was blunt: "He left a mess."'];
    expect(speakerOf(paragraphs, 'He left a mess')).toBe('Ana Ruiz');
  });
});

describe('a framing verb before an owned speech noun', () => {
  it('gives "X dismissed Y\'s comments as “…”" to X', () => {
    const paragraphs = ['Ana Ruiz dismissed Tom Hale\'s comments as "nonsense from start to finish."'];
    expect(speakerOf(paragraphs, 'nonsense from start to finish')).toBe('Ana Ruiz');
  });

  it('still gives "X rejected Y\'s claim that it was “…”" to Y', () => {
    const paragraphs = ['Ana Ruiz rejected Tom Hale\'s claim that the fund was "nearly empty by March."'];
    expect(speakerOf(paragraphs, 'nearly empty by March')).toBe('Tom Hale');
  });
});

describe('a sentence opening with "the <role>"', () => {
  it('takes the role as the person it was given to', () => {
    const paragraphs = [
      '"We are ready," coach Tom Hale said.',
      'The coach has won two titles since 2019. "This group is special," he said.',
    ];
    expect(speakerOf(paragraphs, 'This group is special')).toBe('Tom Hale');
  });

  it('does not let a plural role block a he / she', () => {
    const paragraphs = [
      'Residents\' leader Martina Lowe said the fight "is far from over".',
      'The group\'s lawyers will meet next week. "We have to try, because nobody else will," she said.',
    ];
    expect(speakerOf(paragraphs, 'We have to try')).toBe('Martina Lowe');
  });
});

describe('he / she after one person meets or interviews another', () => {
  it('gives no speaker when both are men', () => {
    const paragraphs = [
      'Tom Hale interviewed Sam Pike for the book.',
      '"I had nothing left to hide," he said.',
    ];
    expect(speakerOf(paragraphs, 'I had nothing left to hide')).toBeNull();
  });

  it('gives the quote to the one whose gender the pronoun names', () => {
    const paragraphs = [
      'Ana Ruiz interviewed Sam Pike for the book.',
      '"I had nothing left to hide," he said.',
    ];
    expect(speakerOf(paragraphs, 'I had nothing left to hide')).toBe('Sam Pike');
  });
});
