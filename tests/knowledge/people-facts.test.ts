import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION, extractKnowledge } from '../../src/knowledge/extract.ts';
import { parseWordNumber, resolveWeekday } from '../../src/knowledge/facts.ts';
import { roleHead } from '../../src/knowledge/people.ts';
import { isSpeechVerb, speechVerb } from '../../src/knowledge/speech-verbs.ts';
import { makeArticle } from './make-article.ts';

describe('people and organisations', () => {
  const k = extractKnowledge(
    makeArticle([
      'President Dana Whitfield met the Northern Fisheries Council (NFC) in Oslo on Tuesday.',
      'Mr Whitfield said the talks went well. “We are close,” said Karim Osei, who heads the NFC delegation.',
      'The Taliban’s spokesman, Zabi Karimi, rejected the plan.',
    ]),
  );
  const byName = new Map(k.entities.map((e) => [e.name, e]));

  it('gives people surname, honorific and title aliases', () => {
    const d = byName.get('Dana Whitfield');
    expect(d?.kind).toBe('person');
    expect(d?.aliases).toEqual(expect.arrayContaining(['Whitfield', 'Mr Whitfield', 'President Whitfield']));
    expect(d?.roles.map((r) => r.text)).toContain('President');
  });

  it('names an organisation by its expansion with the acronym as alias', () => {
    const o = byName.get('Northern Fisheries Council');
    expect(o?.kind).toBe('organization');
    expect(o?.aliases).toContain('NFC');
  });

  it('reads a role from an appositive before the name', () => {
    expect(byName.get('Zabi Karimi')?.roles.map((r) => r.text)).toContain('The Taliban’s spokesman');
    expect(byName.get('Taliban')?.kind).toBe('group');
  });

  it('does not take a city for a person', () => {
    expect(byName.has('Oslo')).toBe(false);
  });

  it('finds a role head noun', () => {
    expect(roleHead('the Tajik representative to the CSTO')).toBe('representative');
    expect(roleHead('Russian Foreign Minister')).toBe('minister');
  });
});

describe('facts', () => {
  const facts = extractKnowledge(
    makeArticle(
      [
        'The agency spent $1.5 billion, about 12 percent of its budget, on July 11, 2023.',
        'Tens of thousands of people marched in June, and dozens of boats joined on Monday.',
        'Twenty-five ships will sail on Friday for the third time in two decades.',
      ],
      { published: '2023-07-13' },
    ),
  ).facts;
  const find = (text: string) => facts.find((f) => f.text === text);

  it('reads money, percentages and full dates', () => {
    expect(find('$1.5 billion')).toMatchObject({ kind: 'money', value: 1.5e9 });
    expect(find('about 12 percent')).toMatchObject({ kind: 'percent', value: 12, qualifier: 'about' });
    expect(find('July 11, 2023')).toMatchObject({ kind: 'date', iso: '2023-07-11' });
  });

  it('takes the year of a bare month from the publication date', () => {
    expect(find('in June')).toMatchObject({ iso: '2023-06' });
  });

  it('resolves weekdays back in time, or forward for the future tense', () => {
    expect(find('on Monday')).toMatchObject({ iso: '2023-07-10' });
    expect(find('on Friday')).toMatchObject({ iso: '2023-07-14' });
  });

  it('reads word numbers and keeps "tens of thousands" as words, not as a number', () => {
    const vague = facts.find((f) => f.text.startsWith('Tens of thousands'));
    expect(vague).toMatchObject({ kind: 'count', qualifier: 'tens of thousands', counts: 'people' });
    expect(vague?.value).toBeUndefined();
    expect(find('Twenty-five ships')).toMatchObject({ value: 25, counts: 'ships' });
    expect(find('two decades')).toMatchObject({ kind: 'duration', value: 2, counts: 'decades' });
  });

  it('lists no ordinals and no "one of" as amounts', () => {
    const more = extractKnowledge(
      makeArticle([
        'It was the 21st meeting, and she is one of the nine judges who voted for the third time.',
      ]),
    ).facts;
    expect(facts.some((f) => f.text.includes('third'))).toBe(false);
    expect(more.some((f) => /21st|third/.test(f.text))).toBe(false);
    expect(more.some((f) => f.text.toLowerCase() === 'one')).toBe(false);
    expect(more.find((f) => f.text.startsWith('nine'))).toMatchObject({ value: 9 });
  });

  it('parses number words and weekdays in isolation', () => {
    expect(parseWordNumber('two hundred')).toBe(200);
    expect(parseWordNumber('forty-two')).toBe(42);
    expect(parseWordNumber('banana')).toBeNull();
    // 8 July 2021 was a Thursday.
    expect(resolveWeekday('Wednesday', '2021-07-08')).toBe('2021-07-07');
    expect(resolveWeekday('Thursday', '2021-07-08')).toBe('2021-07-08');
    expect(resolveWeekday('Friday', '2021-07-08', true)).toBe('2021-07-09');
  });
});

describe('speech verbs', () => {
  it('matches every inflection', () => {
    for (const w of [
      'said',
      'says',
      'told',
      'added',
      'warns',
      'emphasised',
      'emphasizes',
      'tweeted',
      'conceding',
    ])
      expect(isSpeechVerb(w)).toBe(true);
    expect(isSpeechVerb('walked')).toBe(false);
    expect(speechVerb('saying')).toMatchObject({ lemma: 'say', participle: true });
  });
});

describe('robustness', () => {
  it('never throws and always returns lists', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 5 }), (paras) => {
        const k = extractKnowledge(
          makeArticle(paras.map((p) => p.replace(/^## /, '')).filter((p) => p.trim() !== '')),
        );
        return Array.isArray(k.quotes) && Array.isArray(k.entities) && Array.isArray(k.facts);
      }),
      { numRuns: 150 },
    );
  });

  it('survives unbalanced marks and quote-only text', () => {
    const k = extractKnowledge(
      makeArticle(['“', '”', '“Open and never closed', '"" \'\' ‘’', '“A,” he said, “']),
    );
    expect(Array.isArray(k.quotes)).toBe(true);
  });

  it('is deterministic and versioned', () => {
    const a = makeArticle(['“We will win,” said coach Ida Lund.']);
    expect(JSON.stringify(extractKnowledge(a))).toBe(JSON.stringify(extractKnowledge(a)));
    expect(EXTRACTOR_VERSION).toMatch(/\S/);
  });
});

describe('short and long forms of one organisation', () => {
  const entities = extractKnowledge(
    makeArticle([
      'The Federal Reserve raised rates on Wednesday. The Fed said inflation remained high.',
      'Officers from the National Crime Agency arrested two men, the NCA said.',
      'The Fed will meet again in May, while the Harbour Trust and the Hill Trust stay silent.',
    ]),
  ).entities;

  it('merges a clipped name and an acronym into the long form, with every mention', () => {
    const fed = entities.filter((e) => e.name === 'Fed' || e.aliases.includes('Fed'));
    expect(fed.map((e) => e.name)).toEqual(['Federal Reserve']);
    expect(fed[0]?.mentions.length).toBe(3);
    expect(fed[0]?.kind).toBe('organization');
    const nca = entities.filter((e) => e.name === 'NCA' || e.aliases.includes('NCA'));
    expect(nca.map((e) => e.name)).toEqual(['National Crime Agency']);
  });

  it('keeps organisations apart when a short form could be either', () => {
    expect(entities.some((e) => e.aliases.includes('Trust'))).toBe(false);
  });
});
