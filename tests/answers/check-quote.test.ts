import { beforeAll, describe, expect, it } from 'vitest';
import { checkQuote, inlineDiff } from '../../src/answers/check-quote.ts';
import { whoSaid } from '../../src/answers/who-said.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { FIXTURES, SEED, loadKb } from '../helpers/kb.ts';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadKb('seeds', FIXTURES);
});

const verdictOf = (text: string, article?: string): string | undefined => {
  const answer = checkQuote(kb, text, article);
  return answer.ok
    ? (answer.results[0]?.verdict ?? (answer.results.length === 0 ? 'absent' : undefined))
    : 'error';
};

describe('/check-quote verdicts', () => {
  it('tells verbatim, altered, reordered and turned-around quotes apart', () => {
    expect(verdictOf('Nobody asked us')).toBe('verbatim');
    expect(verdictOf('Nobody warned us')).toBe('altered');
    expect(verdictOf('We found out from a poster on the pier')).toBe('verbatim');
    expect(verdictOf('on the pier we found out from a poster')).toBe('paraphrase');
  });

  it('calls a dropped or added negation a changed meaning, not an alteration', () => {
    expect(verdictOf('With the ferry I can get to the hospital before my shift starts')).toBe(
      'meaning-changed',
    );
    expect(verdictOf('Every line of this budget was argued over, and all of it was easy')).not.toBe(
      'verbatim',
    );
  });

  it('calls a word swapped for its opposite a changed meaning', () => {
    expect(verdictOf('none of it was hard')).toBe('meaning-changed');
  });

  it('an invented quote has no results (the contract: no results = not in the articles)', () => {
    expect(checkQuote(kb, 'We will annex the moon by Friday')).toMatchObject({ ok: true, results: [] });
  });

  it('diffs inline in the article’s own casing', () => {
    const ops = inlineDiff('nobody WARNED us', '“Nobody asked us. We found out,”');
    expect(ops).toEqual([
      { op: 'same', text: '“Nobody' },
      { op: 'removed', text: 'asked' },
      { op: 'added', text: 'WARNED' },
      { op: 'same', text: 'us.' },
    ]);
  });
});

describe('misses that help', () => {
  it('says which other article has the words when the asked one does not', () => {
    const check = checkQuote(kb, 'Nobody asked us', SEED);
    expect(check).toMatchObject({ ok: true, results: [] });
    expect(check.ok && check.message).toContain('Harbour ferry to stop running');
    const who = whoSaid(kb, 'Nobody asked us', SEED);
    expect(who.ok && who.message).toContain('Harbour ferry to stop running');
  });

  it('suggests quotes sharing the words, not the first quotes of the file', () => {
    const answer = whoSaid(kb, 'boats libraries nurse poster pier');
    expect(answer).toMatchObject({ ok: true, results: [] });
    const suggestions = answer.ok ? (answer.suggestions ?? []) : [];
    expect(suggestions.length).toBeGreaterThan(0);
    // The seed's Lavrov quotes come first in the files; the ferry quotes share the words.
    expect(suggestions.join(' ')).not.toContain('Lavrov');
    expect(suggestions.some((s) => s.endsWith('— Tom Hale'))).toBe(true);
  });
});
