import { describe, expect, it } from 'vitest';
import { rankParagraphs, root, statsOf } from '../../src/reader/passages.ts';
import { contentTerms, stem } from '../../src/text/match.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const rootOf = (word: string): string => root(stem(word));

describe('a question noun meets the verb the story used', () => {
  it('joins nouns in -ure, -ment and -sion to their verbs', () => {
    expect(rootOf('closure')).toBe(rootOf('closed'));
    expect(rootOf('failure')).toBe(rootOf('failed'));
    expect(rootOf('payment')).toBe(rootOf('paid'));
    expect(rootOf('agreement')).toBe(rootOf('agreed'));
    expect(rootOf('announcement')).toBe(rootOf('announced'));
    expect(rootOf('decision')).toBe(rootOf('decided'));
    expect(rootOf('explosion')).toBe(rootOf('exploded'));
    expect(rootOf('investigation')).toBe(rootOf('investigating'));
    expect(rootOf('discovery')).toBe(rootOf('discovered'));
  });

  it('still joins the pairs it joined before', () => {
    expect(rootOf('approval')).toBe(rootOf('approved'));
    expect(rootOf('resignation')).toBe(rootOf('resigned'));
    expect(rootOf('murdered')).toBe(rootOf('murder'));
  });

  it('keeps short words of another meaning apart', () => {
    expect(rootOf('threat')).not.toBe(rootOf('three'));
    expect(rootOf('raid')).not.toBe(rootOf('raise'));
    expect(rootOf('moment')).not.toBe(rootOf('mom'));
  });

  it('ranks first the paragraph whose verb the question turns into a noun', () => {
    const article = makeArticle([
      'The works opened on the edge of town forty years ago and grew quickly.',
      'The owners closed the works last month after orders dried up.',
      'Union leaders met the mayor on Tuesday.',
    ]);
    const ranked = rankParagraphs(statsOf(article), contentTerms('when was the closure of the works'));
    expect(ranked[0]?.index).toBe(1);
  });
});
