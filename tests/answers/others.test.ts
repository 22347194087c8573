import { beforeAll, describe, expect, it } from 'vitest';
import { listArticles, source } from '../../src/answers/articles.ts';
import { checkQuote, diffWords } from '../../src/answers/check-quote.ts';
import { facts } from '../../src/answers/facts.ts';
import { summary, textRank } from '../../src/answers/summary.ts';
import { suggestArticles, suggestNames, suggestQuotes } from '../../src/answers/suggest.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { FIXTURES, SEED, loadKb } from '../helpers/kb.ts';

let seed: KnowledgeBase;
let all: KnowledgeBase;
beforeAll(async () => {
  seed = await loadKb('seeds');
  all = await loadKb('seeds', FIXTURES);
});

describe('/summary', () => {
  it('starts with the lead and cites every sentence, in reading order', () => {
    const answer = summary(seed, { length: 'medium' });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.results[0]?.text).toMatch(/^Russia said it is prepared/);
    expect(
      answer.results.every((r) => r.citation?.article === SEED && r.citation.sentence !== undefined),
    ).toBe(true);
    const order = answer.results.map((r) => (r.citation?.paragraph ?? 0) * 100 + (r.citation?.sentence ?? 0));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(answer.message).toContain('Over 1,000 Afghan soldiers fled');
  });

  it('grows with the length option', () => {
    const n = (length: string) => {
      const a = summary(seed, { length });
      return a.ok ? a.results.length : 0;
    };
    expect(n('short')).toBeLessThan(n('medium'));
    expect(n('medium')).toBeLessThan(n('long'));
  });

  it('keeps to a topic', () => {
    const answer = summary(seed, { topic: 'withdrawal' });
    expect(answer.ok && answer.results.length).toBeGreaterThan(0);
    expect(answer.ok && answer.results.every((r) => /withdrawal/i.test(r.text))).toBe(true);
  });

  it('gives the lead of each article when several are loaded and none is named', () => {
    const answer = summary(all, {});
    expect(answer.ok && answer.results.length).toBe(4);
  });

  it('ranks a sentence that shares words with the others above an isolated one', () => {
    const rank = textRank([
      new Set(['a', 'b', 'c']),
      new Set(['a', 'b', 'd']),
      new Set(['a', 'c', 'd']),
      new Set(['x', 'y']),
    ]);
    expect(rank[0]).toBeGreaterThan(rank[3] ?? 1);
  });
});

describe('/facts', () => {
  it('lists the seed’s numbers with what they count', () => {
    const answer = facts(seed);
    const titles = answer.ok ? answer.results.map((r) => r.title) : [];
    expect(titles).toEqual(expect.arrayContaining(['20,000 reservists', 'almost 20 years']));
    expect(titles.some((t) => t?.includes('1,000 Afghan soldiers'))).toBe(true);
  });

  it('filters by topic', () => {
    const answer = facts(seed, 'reservists');
    expect(answer.ok && answer.results[0]?.title).toBe('20,000 reservists');
  });

  it('resolves a past weekday in a sentence that also speaks of the future', () => {
    const answer = facts(all, 'Tuesday', 'harbour-ferry-closure');
    const tuesday = answer.ok ? answer.results.find((r) => r.title === 'on Tuesday') : undefined;
    expect(tuesday?.fields).toEqual(expect.arrayContaining([{ name: 'Date', value: '2024-03-12' }]));
  });

  it('says so when no fact matches the topic', () => {
    expect(facts(seed, 'population')).toMatchObject({ ok: true, results: [] });
  });
});

describe('/check-quote', () => {
  it('confirms a verbatim quote with its speaker', () => {
    const answer = checkQuote(seed, '“The situation is rapidly deteriorating”');
    expect(answer).toMatchObject({
      ok: true,
      results: [{ title: 'Verbatim', speaker: 'Sergei Lavrov', citation: { paragraph: 6 } }],
    });
  });

  it('shows the words that differ in an altered quote', () => {
    const answer = checkQuote(seed, 'The situation is slowly deteriorating');
    expect(answer).toMatchObject({ ok: true, results: [{ title: 'Altered' }] });
    const fields = answer.ok ? (answer.results[0]?.fields ?? []) : [];
    expect(fields).toEqual(
      expect.arrayContaining([
        { name: 'The article has', value: 'rapidly' },
        { name: 'Not in the article', value: 'slowly' },
      ]),
    );
  });

  it('says "not in the article" for an invented quote', () => {
    expect(checkQuote(seed, 'We will annex the moon by Friday')).toMatchObject({ ok: true, results: [] });
  });

  it('notes when the words are narration rather than anyone’s quote', () => {
    const answer = checkQuote(seed, 'Russia has been very critical of the US');
    expect(answer.ok && answer.results[0]?.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Note' })]),
    );
  });

  it('diffs words regardless of case, curly quotes and contractions', () => {
    expect(diffWords('we will do everything', '“We’ll do everything,”')).toEqual({
      removed: [],
      added: [],
      kept: 1,
    });
  });
});

describe('/source and /articles', () => {
  it('gives the seed’s provenance: author, outlet, original publisher and republisher', () => {
    const answer = source(seed, undefined);
    const values = answer.ok ? (answer.results[0]?.fields ?? []).map((f) => `${f.name}: ${f.value}`) : [];
    expect(values).toEqual(
      expect.arrayContaining([
        'Author: Dave DeCamp',
        'Originally published by: Antiwar.com, 2021-07-08',
        'Republished by: Global Research, 2021-07-11',
      ]),
    );
  });

  it('accepts a fuzzy title and rejects an unknown article with suggestions', () => {
    expect(source(all, 'harbour ferry')).toMatchObject({
      ok: true,
      results: [{ title: 'Harbour ferry to stop running after 60 years' }],
    });
    expect(source(all, 'zzzz-unknown')).toMatchObject({ ok: false });
    expect(source(all, '../../etc/passwd')).toMatchObject({ ok: false });
  });

  it('lists the loaded articles, newest first', () => {
    const answer = listArticles(all);
    expect(answer.ok && answer.results.map((r) => r.fields?.[0]?.value)).toEqual([
      'council-budget',
      'harbour-ferry-closure',
      'observatory-funding',
      SEED,
    ]);
  });
});

describe('autocomplete', () => {
  const valid = (choices: { name: string; value: string }[]) => {
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeGreaterThanOrEqual(1);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  };

  it('completes a quote from its first words, within Discord’s limits', () => {
    const choices = suggestQuotes(all, 'hasty withdr');
    valid(choices);
    expect(choices[0]?.name).toContain('Sergei Lavrov');
  });

  it('offers every quote when nothing is typed', () => {
    valid(suggestQuotes(all, ''));
    expect(suggestQuotes(all, '').length).toBeGreaterThan(5);
  });

  it('completes speaker names from a prefix, quoted speakers only', () => {
    const choices = suggestNames(all, 'Lav', { speakersOnly: true });
    valid(choices);
    expect(choices.map((c) => c.value)).toContain('Sergei Lavrov');
    expect(suggestNames(all, 'Russia', { speakersOnly: true }).map((c) => c.value)).not.toContain('Russia');
  });

  it('completes article ids and titles', () => {
    expect(suggestArticles(all, 'ferry').map((c) => c.value)).toEqual(['harbour-ferry-closure']);
    valid(suggestArticles(all, 'x'.repeat(300)));
  });
});
