import { beforeAll, describe, expect, it } from 'vitest';
import { quotedWords, whoSaidThis } from '../../src/discord/context-menu.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { FIXTURES, loadKb } from '../helpers/kb.ts';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadKb('seeds', FIXTURES);
});

describe('the words a message quotes', () => {
  it('takes the words inside quotation marks, longest first', () => {
    expect(quotedWords('Lavrov called it a “hasty withdrawal” and “a failure of twenty years”')).toEqual([
      'a failure of twenty years',
      'hasty withdrawal',
    ]);
    expect(quotedWords('she said "we found out from a poster"')).toEqual(['we found out from a poster']);
  });

  it('takes what follows "Name:" and drops a trailing ellipsis', () => {
    expect(quotedWords('Hale: "Nobody asked us…"')).toEqual(['Nobody asked us']);
    expect(quotedWords('Tom Hale: nobody asked us')).toEqual(['nobody asked us']);
  });

  it('finds nothing quoted in plain text', () => {
    expect(quotedWords('the ferry is closing next month')).toEqual([]);
  });
});

describe('Who said this?', () => {
  it('names Lavrov for the words a message puts in his mouth, not the poster’s framing', () => {
    const answer = whoSaidThis(kb, 'Lavrov called it a “hasty withdrawal” of the West');
    expect(answer.ok && answer.results[0]).toMatchObject({ kind: 'quote', speaker: 'Sergei Lavrov' });
  });

  it('agrees with /quotes for a "Name: quote" message', () => {
    const answer = whoSaidThis(kb, 'Hale: "Nobody asked us…"');
    expect(answer.ok && answer.results[0]).toMatchObject({ kind: 'quote', speaker: 'Tom Hale' });
  });

  it('says narration only when no quote holds the words', () => {
    const answer = whoSaidThis(kb, 'Russia has been very critical of the US');
    expect(answer.ok && answer.results[0]?.kind).not.toBe('quote');
  });
});
