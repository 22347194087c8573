import { describe, expect, it } from 'vitest';
import { quotesBy, who } from '../../src/answers/people.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const kb = buildKnowledgeBase([
  extractKnowledge(
    makeArticle(
      [
        'The harbour authority approved a new ferry timetable on Monday after months of complaints from commuters.',
        '"We heard the island loud and clear," said Ingrid Solheim, the authority\'s chair. "Every crossing will now leave on the hour."',
        'Solheim said the change would cost about 2 million kroner a year.',
        'Critics called the old schedule a "lottery" for workers. "People missed shifts," Solheim said.',
      ],
      {},
      'ferry-timetable',
    ),
  ),
]);

describe('/quotes counts each paragraph once', () => {
  it('lists a split quotation as one passage with both pieces, in reading order', () => {
    const answer = quotesBy(kb, 'Solheim');
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const paragraphs = answer.results.map((r) => r.citation?.paragraph);
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    const first = answer.results.find((r) => r.citation?.paragraph === 2);
    expect(first?.text).toMatch(/loud and clear.*on the hour/);
    expect(answer.message).toMatch(new RegExp(`^${answer.results.length} quote`));
  });

  it('/who gives the same count of quoted paragraphs', () => {
    const answer = who(kb, 'Ingrid Solheim');
    const quotes = answer.ok ? answer.results[0]?.fields?.find((f) => f.name === 'Quotes')?.value : undefined;
    const listed = quotesBy(kb, 'Solheim');
    expect(quotes).toBe(String(listed.ok ? listed.results.length : -1));
  });
});
