import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answers/ask.ts';
import { STATS_KEPT, statsOf } from '../../src/reader/passages.ts';
import { makeArticle } from '../knowledge/make-article.ts';
import { FIXTURES, loadKb } from '../helpers/kb.ts';

describe('reader statistics from the sentence index', () => {
  it('are the ones the reader makes by tokenising each article itself', async () => {
    // Two knowledge bases over the same files: one article object is read by /ask (statistics
    // from the index), its twin by statsOf alone (tokenised).
    const viaAsk = await loadKb('seeds', FIXTURES);
    const alone = await loadKb('seeds', FIXTURES);
    for (const article of viaAsk.articles) {
      ask(viaAsk, 'What did the council decide about the budget?', article.id);
      const twin = alone.article(article.id);
      if (!twin) throw new Error(`no twin for ${article.id}`);
      const { article: a, ...fromIndex } = statsOf(article);
      const { article: b, ...tokenised } = statsOf(twin);
      expect(a.id).toBe(b.id);
      expect(fromIndex).toEqual(tokenised);
    }
  });

  it('answer an archive-wide question the same as a question asked of the article', async () => {
    const archive = await loadKb('seeds', FIXTURES);
    const single = await loadKb(FIXTURES);
    const question = 'Who chairs the Island Residents Association?';
    const across = ask(archive, question);
    const scoped = ask(single, question, 'harbour-ferry-closure');
    expect(across.ok && scoped.ok).toBe(true);
    if (across.ok && scoped.ok) expect(across.results[0]).toEqual(scoped.results[0]);
  });
});

describe('reader statistics kept', () => {
  it('keeps the articles read most recently and rebuilds an evicted one the same', () => {
    const first = makeArticle(['The ferry stops running in December, the council said.'], {}, 'first');
    const kept = statsOf(first);
    expect(statsOf(first)).toBe(kept);
    for (let i = 0; i < STATS_KEPT; i++)
      statsOf(makeArticle([`Paragraph ${i} of a filler story.`], {}, `f${i}`));
    const rebuilt = statsOf(first);
    expect(rebuilt).not.toBe(kept);
    expect(rebuilt).toEqual(kept);
  });

  it('refreshes an article each time it is read, so a busy one stays', () => {
    const busy = makeArticle(['Tajikistan has activated 20,000 reservists.'], {}, 'busy');
    const kept = statsOf(busy);
    for (let i = 0; i < STATS_KEPT * 1.5; i++) {
      statsOf(makeArticle([`Another filler paragraph ${i}.`], {}, `g${i}`));
      if (i % 100 === 0) statsOf(busy);
    }
    expect(statsOf(busy)).toBe(kept);
  });
});
