import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/knowledge/search-index.ts';
import { contentTerms, matchForm, stem } from '../../src/text/match.ts';

const docs = [
  {
    article: 'a',
    text: '“We’ll do everything to prevent any aggressive encroachments against our allies,” he said.',
  },
  { article: 'a', text: 'Tajikistan has activated 20,000 reservists to bolster the border.' },
  { article: 'a', text: 'Lavrov described the Western exit as a “hasty withdrawal.”' },
  { article: 'b', text: 'The harbour ferry will stop running in December, the council said.' },
  { article: 'b', text: 'Ferry passengers complained about the hasty timetable change.' },
];
const index = new SearchIndex(docs, (d) => d);

describe('match forms', () => {
  it('expands contractions and folds quotes, case and diacritics', () => {
    expect(matchForm('We’ll do it')).toBe(matchForm('we will do it'));
    expect(matchForm('Sergéi LAVROV’s')).toBe('sergei lavrov');
    expect(matchForm('1,000 soldiers')).toBe('1000 soldiers');
  });

  it('gives plurals and inflections one stem', () => {
    expect(stem('reservists')).toBe(stem('reservist'));
    expect(stem('activated')).toBe(stem('activate'));
    expect(contentTerms('What is the population?')).toEqual(['population']);
  });
});

describe('search index', () => {
  it('gives a query the same hits whatever was searched before it', () => {
    const fresh = (q: string) => new SearchIndex(docs, (d) => d).search(q);
    const reused = new SearchIndex(docs, (d) => d);
    const queries = ['hasty withdrawal', 'ferry', 'border reservists', 'hasty ferry timetable', 'harbour'];
    for (const q of [...queries, ...[...queries].reverse()]) expect(reused.search(q), q).toEqual(fresh(q));
  });

  it('finds a quote from a fragment with typos', () => {
    const hits = index.search('we will do everythng to prevent agressive encroachmens');
    expect(hits[0]?.item).toBe(docs[0]);
    expect(hits[0]?.score).toBeGreaterThan(0.7);
  });

  it('finds words through the thesaurus', () => {
    expect(index.search('strengthen the border')[0]?.item).toBe(docs[1]);
  });

  it('returns nothing for words no document uses', () => {
    expect(index.search('population statistics')).toEqual([]);
  });

  it('keeps to one article when asked', () => {
    const hits = index.search('hasty', { article: 'b' });
    expect(hits.map((h) => h.item.article)).toEqual(['b']);
  });

  it('completes the word being typed in prefix mode', () => {
    expect(index.search('hasty withdr', { prefix: true })[0]?.item).toBe(docs[2]);
    expect(index.search('hasty withdr')[0]?.item).not.toBe(undefined);
  });

  it('never treats user text as fuse.js extended search syntax', () => {
    for (const q of ["'hasty", '!ferry', '^ferry', 'ferry$', '=ferry', 'ferry | hasty']) {
      const hits = index.search(q);
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic: the same query ranks the same way', () => {
    const a = index.search('hasty').map((h) => h.index);
    const b = index.search('hasty').map((h) => h.index);
    expect(a).toEqual(b);
  });

  it('copes with empty, huge and symbol-only queries', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('?!… “” — ***')).toEqual([]);
    expect(() => index.search('ferry '.repeat(1000))).not.toThrow();
  });

  it('answers a query the same after other queries as on a fresh index (nothing carries over)', () => {
    const fresh = new SearchIndex(docs, (d) => d);
    const expected = fresh.search('hasty ferry timetable');
    for (const q of ['the border reservists', 'hasty withdrawal', 'ferry', 'council said in December'])
      index.search(q, q.length % 2 === 0 ? { article: 'b' } : {});
    expect(index.search('hasty ferry timetable')).toEqual(expected);
    expect(expected.map((h) => h.item)).toContain(docs[4]);
  });
});
