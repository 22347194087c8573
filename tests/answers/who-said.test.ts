import { beforeAll, describe, expect, it } from 'vitest';
import { whoSaid } from '../../src/answers/who-said.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { FIXTURES, SEED, loadKb } from '../helpers/kb.ts';

let seed: KnowledgeBase;
let all: KnowledgeBase;
beforeAll(async () => {
  seed = await loadKb('seeds');
  all = await loadKb('seeds', FIXTURES);
});

const first = (kb: KnowledgeBase, words: string, article?: string) => {
  const answer = whoSaid(kb, words, article);
  if (!answer.ok) throw new Error(answer.error);
  return { answer, top: answer.results[0] };
};

describe('/who-said', () => {
  it('finds Lavrov from a misspelled fragment', () => {
    const { top } = first(seed, "we'll do everythng to prevent agressive encroachmens");
    expect(top).toMatchObject({
      kind: 'quote',
      speaker: 'Sergei Lavrov',
      role: 'Russian Foreign Minister',
      citation: { article: SEED, paragraph: 3 },
    });
    expect(top?.text).toMatch(/^“We’ll do everything/);
  });

  it('names Lavrov for the partial quote “hasty withdrawal.” in ¶5, ahead of the longer ¶6 quote', () => {
    const { top } = first(seed, 'hasty withdrawal');
    expect(top).toMatchObject({ speaker: 'Sergei Lavrov', citation: { paragraph: 5 } });
  });

  it('names Sultonov with his role for the ¶2 quote', () => {
    const { top } = first(seed, 'dealing with this challenge on our own seems difficult');
    expect(top).toMatchObject({ speaker: 'Hasan Sultonov', citation: { paragraph: 2 } });
    expect(top?.role).toContain('Tajik representative');
  });

  it('says when the words are the writer’s narration, and cites them', () => {
    const { answer, top } = first(seed, 'Russia has been very critical of the US');
    expect(top).toMatchObject({ kind: 'narration', speaker: null, citation: { paragraph: 5 } });
    expect(answer.ok && answer.message).toMatch(/writer/);
  });

  it('says when the words are reported speech, naming who reported them', () => {
    const { top } = first(seed, 'prepared to activate a military base');
    expect(top).toMatchObject({ kind: 'claim', speaker: 'Russia', citation: { paragraph: 1 } });
  });

  it('answers nothing, with a message, for words no article has', () => {
    const answer = whoSaid(seed, 'the quarterly earnings beat analyst expectations');
    expect(answer).toMatchObject({ ok: true, results: [] });
    expect(answer.ok && answer.message).toMatch(/No quote/);
  });

  it('labels a weak match as weak', () => {
    const answer = whoSaid(seed, 'everything capabilities base tea party');
    expect(answer.ok && answer.results.length).toBeGreaterThan(0);
    expect(answer.ok && answer.message).toMatch(/Weak match/);
  });

  it('searches every article and names the right one in the citation', () => {
    const { top } = first(all, 'nobody asked us');
    expect(top).toMatchObject({
      speaker: 'Tom Hale',
      citation: { article: 'harbour-ferry-closure', paragraph: 4 },
    });
  });

  it('keeps to one article when given one (fuzzy title accepted)', () => {
    const answer = whoSaid(all, 'hasty withdrawal', 'harbour ferry');
    expect(answer).toMatchObject({ ok: true, results: [] });
  });

  it('tells Ruth Hale from Tom Hale', () => {
    expect(first(all, 'cannot get to the hospital before my shift').top?.speaker).toBe('Ruth Hale');
  });

  it('attributes the second half of a split quote to the same speaker', () => {
    expect(first(all, 'the town cannot keep paying').top?.speaker).toBe('Priya Raman');
  });

  it('reports an unknown article as bad input with suggestions', () => {
    const answer = whoSaid(all, 'hasty withdrawal', 'tajikstan-base-russia-zzz');
    expect(answer.ok).toBe(false);
  });

  it('asks for words when given only punctuation', () => {
    expect(whoSaid(seed, '“ … ”')).toMatchObject({ ok: false });
  });

  it('treats fuse.js operators in user text as plain words', () => {
    const { top } = first(seed, "'hasty !withdrawal ^ | =");
    expect(top?.speaker).toBe('Sergei Lavrov');
  });
});
