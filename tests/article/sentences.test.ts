import { describe, it, expect } from 'vitest';
import { splitSentences } from '../../src/article/sentences.ts';

const texts = (s: string): string[] => splitSentences(s, 1).map((x) => x.text);

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks before a capital', () => {
    expect(texts('It rained. Was it cold? Yes! The end.')).toEqual([
      'It rained.',
      'Was it cold?',
      'Yes!',
      'The end.',
    ]);
  });

  it('numbers sentences from 1 and records the paragraph', () => {
    const s = splitSentences('One. Two.', 7);
    expect(s.map((x) => [x.index, x.paragraph])).toEqual([
      [1, 7],
      [2, 7],
    ]);
  });

  it('gives offsets such that text === paragraph.slice(start, end)', () => {
    const p = '  First one.   “Second,” he said.  Third?  ';
    const s = splitSentences(p, 1);
    expect(s).toHaveLength(3);
    for (const x of s) {
      expect(p.slice(x.start, x.end)).toBe(x.text);
      expect(x.text).toBe(x.text.trim());
    }
  });

  it('keeps a quotation spanning two sentences whole', () => {
    expect(texts('He paused. “It was bad. We left early,” she said. Then silence.')).toEqual([
      'He paused.',
      '“It was bad. We left early,” she said.',
      'Then silence.',
    ]);
  });

  it('keeps a straight-quoted quotation spanning two sentences whole', () => {
    expect(texts('"It was bad. We left early," she said. Then silence.')).toEqual([
      '"It was bad. We left early," she said.',
      'Then silence.',
    ]);
  });

  it('falls back to ordinary splitting when a quote is never closed', () => {
    expect(texts('She said: “It was bad. We left early. Nobody came back.')).toEqual([
      'She said: “It was bad.',
      'We left early.',
      'Nobody came back.',
    ]);
  });

  it('splits inside a very long quotation rather than making one giant sentence', () => {
    const long = 'Word after word goes on here. '.repeat(40);
    const s = splitSentences(`“${long}” he said.`, 1);
    expect(s.length).toBeGreaterThan(10);
  });

  it('ends a sentence after a closing quote or bracket', () => {
    expect(texts('He called it a “hasty withdrawal.” Others disagreed. (They did.) Fine.')).toEqual([
      'He called it a “hasty withdrawal.”',
      'Others disagreed.',
      '(They did.)',
      'Fine.',
    ]);
  });

  it('does not split before a lowercase word', () => {
    expect(texts('“Why now?” he asked. “Because.” she said.')).toEqual([
      '“Why now?” he asked.',
      '“Because.” she said.',
    ]);
  });

  it.each([
    ['U.S.', 'The U.S. Army left the base.'],
    ['U.K.', 'The U.K. Foreign Office agreed.'],
    ['U.N.', 'The U.N. Security Council met.'],
    ['Gen.', 'Gen. Mark Milley spoke.'],
    ['Mr.', 'Mr. Lankford insisted.'],
    ['Mrs.', 'Mrs. Jones left.'],
    ['Ms.', 'Ms. Ortiz agreed.'],
    ['Dr.', 'Dr. Chen said so.'],
    ['Prof.', 'Prof. Adams disagreed.'],
    ['Sen.', 'Sen. Warner spoke.'],
    ['Rep.', 'Rep. Ocasio voted.'],
    ['Gov.', 'Gov. Newsom signed it.'],
    ['Lt.', 'Lt. Dan Taylor arrived.'],
    ['Col.', 'Col. Sanders smiled.'],
    ['Sgt.', 'Sgt. Pepper played.'],
    ['St.', 'They met at St. Paul Cathedral.'],
    ['Jr.', 'Martin Luther King Jr. Day is in January.'],
    ['Sr.', 'Hank Williams Sr. Records sold well.'],
    ['Inc.', 'Acme Inc. Chief Executive Jo Doe quit.'],
    ['Co.', 'Smith & Co. Lawyers won.'],
    ['Corp.', 'Widget Corp. Shares rose.'],
    ['Ltd.', 'Globe Ltd. Managers met.'],
    ['No.', 'He lives at No. 10 Downing Street.'],
    ['vs.', 'It was Smith vs. Jones in court.'],
    ['etc.', 'Apples, pears, etc. Fruit was cheap.'],
    ['e.g.', 'Some fruit, e.g. Apples, was cheap.'],
    ['i.e.', 'The capital, i.e. Paris, was calm.'],
    ['Jan.', 'It happened on Jan. 6 in Washington.'],
    ['Feb.', 'It happened on Feb. 2 in Paris.'],
    ['Mar.', 'It happened on Mar. 3 in Rome.'],
    ['Apr.', 'It happened on Apr. 4 in Oslo.'],
    ['Jun.', 'It happened on Jun. 5 in Lima.'],
    ['Jul.', 'It happened on Jul. 6 in Kyiv.'],
    ['Aug.', 'It happened on Aug. 7 in Baku.'],
    ['Sep.', 'It happened on Sep. 8 in Riga.'],
    ['Sept.', 'It happened on Sept. 25 in Bern.'],
    ['Oct.', 'It happened on Oct. 9 in Doha.'],
    ['Nov.', 'It happened on Nov. 10 in Nice.'],
    ['Dec.', 'It happened on Dec. 11 in Bonn.'],
    ['a.m.', 'The train left at 9 a.m. Tuesday.'],
    ['p.m.', 'The train left at 6 p.m. Monday.'],
    ['an initial', 'John F. Kennedy was president.'],
    ['two initials', 'George H.W. Bush held back loan guarantees.'],
    ['a decimal', 'Growth was 3.5 percent. Prices rose.'],
    ['an ellipsis', 'He said he would... Maybe later come back.'],
  ])('does not split after %s', (_case, text) => {
    const s = texts(text);
    if (text.includes('Prices rose.')) expect(s).toEqual(['Growth was 3.5 percent.', 'Prices rose.']);
    else expect(s).toEqual([text]);
  });

  it('does split after an abbreviation that ends a sentence when a new sentence clearly starts', () => {
    expect(texts('Troops returned to the U.S. The war was over.')).toEqual([
      'Troops returned to the U.S.',
      'The war was over.',
    ]);
    expect(texts('They met at 5 p.m. The talks failed.')).toEqual([
      'They met at 5 p.m.',
      'The talks failed.',
    ]);
    expect(texts('He bought apples, pears, etc. But he forgot milk.')).toEqual([
      'He bought apples, pears, etc.',
      'But he forgot milk.',
    ]);
  });

  it('splits before a digit or an opening quote', () => {
    expect(texts('It ended. 2021 was hard. “Yes,” he said.')).toEqual([
      'It ended.',
      '2021 was hard.',
      '“Yes,” he said.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('', 1)).toEqual([]);
    expect(splitSentences('   ', 1)).toEqual([]);
  });

  it('keeps text without a terminator as one sentence', () => {
    expect(texts('A heading with no full stop')).toEqual(['A heading with no full stop']);
  });

  it('splits 100k-character inputs quickly, whatever their shape', () => {
    const shapes = [
      'A short one. '.repeat(8000),
      '“'.repeat(100_000),
      '.'.repeat(100_000),
      'U.S. '.repeat(20_000),
      'a'.repeat(100_000),
      '"A. '.repeat(25_000),
    ];
    for (const s of shapes) {
      const t0 = performance.now();
      const out = splitSentences(s, 1);
      expect(performance.now() - t0).toBeLessThan(500);
      for (const x of out.slice(0, 50)) expect(s.slice(x.start, x.end)).toBe(x.text);
    }
  });
});
