import { beforeAll, describe, expect, it } from 'vitest';
import { ask, questionKind } from '../../src/answers/ask.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { FIXTURES, loadKb } from '../helpers/kb.ts';

let seed: KnowledgeBase;
let all: KnowledgeBase;
beforeAll(async () => {
  seed = await loadKb('seeds');
  all = await loadKb('seeds', FIXTURES);
});

const top = (kb: KnowledgeBase, q: string, article?: string) => {
  const answer = ask(kb, q, article);
  if (!answer.ok) throw new Error(answer.error);
  return answer;
};

describe('/ask', () => {
  it('finds ¶4 for a question worded unlike the text', () => {
    const answer = top(seed, 'What did Tajikistan do to strengthen the border?');
    expect(answer.results[0]?.citation).toMatchObject({ paragraph: 4, sentence: 1 });
  });

  it('marks the answering sentence inside the passage', () => {
    const r = top(seed, 'How many reservists did Tajikistan activate?').results[0];
    expect(r?.highlight).toBeDefined();
    if (!r?.highlight) return;
    expect(r.text.slice(r.highlight.start, r.highlight.end)).toContain('20,000 reservists');
    expect(r.fields?.find((f) => f.name === 'Figure')?.value).toContain('20,000');
  });

  it('says "not in the article" for a question the article cannot answer, naming the closest passage', () => {
    const answer = top(seed, 'What is the population of Tajikistan?');
    expect(answer.results).toEqual([]);
    expect(answer.message).toMatch(/Not in the article/);
    expect(answer.message).toMatch(/Closest, though it may not say \(¶\d+\)/);
  });

  it('states the short answer first', () => {
    expect(top(seed, 'How many reservists did Tajikistan activate?').results[0]?.answer).toBe(
      '20,000 reservists',
    );
    expect(top(all, 'Who chairs the Island Residents Association?').results[0]?.answer).toBe('Tom Hale');
  });

  it('never answers a question whose article-specific name the articles lack', () => {
    const answer = top(seed, 'How many reservists did Kazakhstan activate?');
    expect(answer.results).toEqual([]);
  });

  it('keeps to the article the option names', () => {
    const answer = top(all, 'How much money did the observatory get?', 'harbour-ferry-closure');
    expect(answer.results.every((r) => r.citation?.article === 'harbour-ferry-closure')).toBe(true);
  });

  it.each([
    ['', /content words/],
    ['Tajikistan', /one word/],
    ['the reservists', /not a question/],
    ['Что сказал Лавров о выводе войск?', /English/],
  ])('replies clearly to bad input %j', (question, reply) => {
    const answer = ask(seed, question);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatch(reply);
  });

  it('reads a yes/no question with one content word as a question, not as one word', () => {
    const answer = ask(seed, 'Were the reservists told?');
    expect(answer.ok).toBe(true);
    expect(answer.ok ? '' : answer.error).not.toMatch(/one word|not a question/);
  });

  it('answers a yes/no question with the sentence, not a span that says neither yes nor no', () => {
    const r = top(seed, 'Has Tajikistan activated reservists?').results[0];
    expect(r?.citation?.paragraph).toBe(4);
    expect(r?.answer).toBeUndefined();
    expect(top(seed, 'How many reservists did Tajikistan activate?').results[0]?.answer).toBeDefined();
  });

  it('gives no confident answer to 300 characters of noise', () => {
    const noise = 'qzx vbnm wert plok '.repeat(16).slice(0, 300);
    const answer = ask(seed, noise);
    expect(answer.ok && answer.results.length > 0).toBe(false);
  });

  it('steers "when" questions to dates', () => {
    const r = top(seed, 'When did Sultonov speak?').results[0];
    expect(r?.citation?.paragraph).toBe(2);
    expect(r?.fields?.find((f) => f.name === 'Date')?.value).toContain('2021-07-07');
  });

  it('steers "who" questions to people', () => {
    const r = top(all, 'Who chairs the Island Residents Association?').results[0];
    expect(r?.citation).toMatchObject({ article: 'harbour-ferry-closure', paragraph: 4 });
  });

  it('answers "how much" with money', () => {
    const r = top(all, 'How much money did the observatory get?').results[0];
    expect(r?.citation).toMatchObject({ article: 'observatory-funding', paragraph: 1 });
  });

  it('gives at most three passages, each from a different paragraph', () => {
    const answer = top(all, 'withdrawal of troops from Afghanistan');
    expect(answer.results.length).toBeLessThanOrEqual(3);
    const keys = answer.results.map((r) => `${r.citation?.article}${r.citation?.paragraph}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers "what did X say about Y" from X’s own words', () => {
    const answer = top(seed, 'What did Lavrov say about the withdrawal?');
    expect(answer.results.map((r) => r.citation?.paragraph)).toEqual(expect.arrayContaining([5, 6]));
    expect(answer.results.every((r) => [5, 6].includes(r.citation?.paragraph ?? 0))).toBe(true);
  });

  it('classifies question words', () => {
    expect(questionKind('How many soldiers fled?')).toBe('number');
    expect(questionKind('When did it happen?')).toBe('date');
    expect(questionKind('Who is the spokesman?')).toBe('person');
    expect(questionKind('Why did Russia act?')).toBe('reason');
    expect(questionKind('What happened?')).toBe('other');
  });

  it('asks which story "it" is when several articles could be, and gives no answer', () => {
    const answer = ask(all, 'what is it?');
    expect(answer).toMatchObject({ ok: true, results: [] });
    if (answer.ok) expect(answer.message).toMatch(/Which story do you mean by “it”/);
  });

  it('reads "it" as the topic of the only article loaded, as if that article were named', () => {
    const answer = ask(seed, 'where will it be?');
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(answer.results[0]?.citation?.article).toBe('russia-tajikistan-base');
  });

  it('reads "it" as the article\'s topic when the article is named', () => {
    const answer = ask(seed, 'where will it be?', 'russia-tajikistan-base');
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(answer.results[0]?.citation?.article).toBe('russia-tajikistan-base');
  });
});
