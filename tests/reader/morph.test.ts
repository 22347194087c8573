import { describe, expect, it } from 'vitest';
import { derivedRoot, lemmaOf } from '../../src/reader/morph.ts';
import { rankParagraphs, root, statsOf } from '../../src/reader/passages.ts';
import { contentTerms, stem } from '../../src/text/match.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const rootOf = (word: string): string => root(stem(word));

describe('morphology beyond suffix stripping', () => {
  it('joins irregular verb forms to their base', () => {
    expect(rootOf('paid')).toBe(rootOf('pay'));
    expect(rootOf('fell')).toBe(rootOf('falls'));
    expect(rootOf('won')).toBe(rootOf('winning'));
    expect(rootOf('stolen')).toBe(rootOf('steal'));
  });

  it('keeps a noun apart from a verb of another stem (one topic word would match every paragraph)', () => {
    expect(rootOf('theft')).not.toBe(rootOf('stolen'));
    expect(rootOf('sales')).not.toBe(rootOf('sold'));
  });

  it('keeps the suffix stripping it had', () => {
    expect(rootOf('election')).toBe(rootOf('elect'));
    expect(rootOf('construction')).toBe(rootOf('construct'));
    expect(rootOf('winner')).toBe(rootOf('win'));
  });

  it('joins the past of a verb in -y to its base, as its present already was', () => {
    expect(stem('carried')).toBe(stem('carry'));
    expect(stem('denied')).toBe(stem('denies'));
    expect(stem('tried')).toBe(stem('try'));
    expect(stem('died')).not.toBe(stem('dy'));
  });

  it('leaves words that are also everyday words of another meaning apart', () => {
    expect(rootOf('saw')).not.toBe(rootOf('see'));
    expect(rootOf('left')).not.toBe(rootOf('leave'));
    expect(rootOf('fall')).not.toBe(rootOf('fill'));
    expect(lemmaOf(stem('harbour'))).toBeUndefined();
    expect(derivedRoot(stem('toll'))).toBe('toll');
  });

  it('ranks the paragraph with the irregular form first for a question in the base form', () => {
    const article = makeArticle([
      'The county opened a new footbridge over the canal last spring.',
      'The council paid the builder four million pounds for the footbridge work.',
      'Walkers say the footbridge is often crowded at weekends.',
    ]);
    const ranked = rankParagraphs(
      statsOf(article),
      contentTerms('how much did the council pay for the bridge'),
    );
    expect(ranked[0]?.index).toBe(1);
  });
});
