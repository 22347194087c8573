import { describe, expect, it } from 'vitest';
import { contentTerms } from '../../src/text/match.ts';
import { FIXTURES, loadKb } from '../helpers/kb.ts';

describe('lookup tables derived from the built indexes', () => {
  it('name terms are the content terms of every name and alias', async () => {
    const kb = await loadKb('seeds', FIXTURES);
    const expected = new Set(
      kb.knowledge.flatMap((k) => k.entities.flatMap((e) => contentTerms([e.name, ...e.aliases].join(' ')))),
    );
    expect(expected.size).toBeGreaterThan(5);
    expect(new Set(kb.nameTerms)).toEqual(expected);
  });
});
