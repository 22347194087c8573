import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from './make-article.ts';

function speakerOf(paragraphs: string[], words: string): string | null | undefined {
  const q = extractKnowledge(makeArticle(paragraphs)).quotes.find((x) => x.text.includes(words));
  return q === undefined ? undefined : q.speaker;
}

describe('who-said: "X was quoted by <outlet> as saying" names X, not the outlet', () => {
  it('names the subject of "was quoted in the Varn Herald as saying"', () => {
    const paragraphs = [
      'The Tessaly council has delayed its vote on the harbour wall.',
      'Harbour Minister Petra Holloway was quoted in the Varn Herald as saying the wall "will not survive another storm".',
    ];
    expect(speakerOf(paragraphs, 'will not survive another storm')).toBe('Petra Holloway');
  });

  it('names the appositive name before "was quoted by the Courier as saying:"', () => {
    const paragraphs = [
      'A bakery in Lindmoor was broken into overnight.',
      'The bakery\'s owner, Aldo Ferrante, was quoted by the Lindmoor Courier as saying: "We lost a whole week of takings."',
    ];
    expect(speakerOf(paragraphs, 'a whole week of takings')).toBe('Aldo Ferrante');
  });

  it('names the person in a second clause "X was quoted as saying he would not “…”"', () => {
    const paragraphs = [
      'The union rejected the offer on Monday.',
      'The union called the offer "an insult," and the transport minister, Ilse Marrow, was quoted as saying she would not "reopen the talks".',
    ];
    expect(speakerOf(paragraphs, 'reopen the talks')).toBe('Ilse Marrow');
  });

  it('still names the person an outlet quotes in the active voice', () => {
    const paragraphs = [
      'Dorran Mills will close its second plant.',
      'The Varn Herald quoted Petra Holloway as saying the closure was "a blow to the whole valley".',
    ];
    expect(speakerOf(paragraphs, 'a blow to the whole valley')).toBe('Petra Holloway');
  });

  it('never names the outlet when the passive subject is not a safe speaker', () => {
    const paragraphs = [
      'Floods closed the coast road again.',
      'Repairs were quoted by the Varn Herald as costing "more than the road itself".',
    ];
    expect(speakerOf(paragraphs, 'more than the road itself')).not.toBe('Varn Herald');
  });
});

describe('who-said: an outlet that "quoted a person close to the talks as saying"', () => {
  it('does not name the outlet for its described source\'s words', () => {
    const paragraphs = [
      'Kessing Foods and Orlath Dairy are in merger talks.',
      'The trade weekly Grain Courier reported the talks, and quoted a person familiar with the deal as saying that Orlath had "refused a lower price".',
    ];
    expect(speakerOf(paragraphs, 'refused a lower price')).not.toBe('Grain Courier');
  });

  it('does not name the outlet for "quoted two officials as saying"', () => {
    const paragraphs = [
      'The ministry denied the report on Friday.',
      'The Varn Herald quoted two officials as saying the plan was "already dead".',
    ];
    expect(speakerOf(paragraphs, 'already dead')).not.toBe('Varn Herald');
  });
});

describe('who-said: a trailing "“…,” X was quoted as saying by <outlet>"', () => {
  it('names X after the closing mark, not the station after "by"', () => {
    const paragraphs = [
      'Councillor Wendel Thrupp asked for more street lighting.',
      'Parents "should not have to walk their children home in the dark," Thrupp was quoted as saying by Harbour Radio.',
    ];
    expect(speakerOf(paragraphs, 'walk their children home')).toBe('Wendel Thrupp');
  });
});

describe('who-said: a shout a witness reports', () => {
  it('does not give an unnamed witness the words "one of the two men shouted"', () => {
    const paragraphs = [
      'Two men robbed the Fenwick Street post office on Monday.',
      'A customer, who asked not to be named, said one of the two men shouted "Nobody move!" as he vaulted the counter.',
    ];
    expect(speakerOf(paragraphs, 'Nobody move')).not.toBe('a customer');
  });
});
