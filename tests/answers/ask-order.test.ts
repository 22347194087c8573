import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answers/ask.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { makeArticle } from '../knowledge/make-article.ts';

/**
 * The reader keeps what it works out per sentence, per question and per article (candidate
 * spans, logits, scratch vectors, search buffers) from one question to the next. Whatever it
 * keeps, an answer must be the one a fresh reader gives: it may not depend on what was asked
 * before, nor in which order.
 */
const articles = [
  makeArticle(
    [
      'Flooding closed the coast road between Marrow Bay and Keld on Sunday, the county council said.',
      'About 300 homes lost power overnight, and crews restored most of them by Monday morning.',
      'The council said the road would reopen on Wednesday once engineers had checked the sea wall.',
    ],
    {},
    'coast-flood',
  ),
  makeArticle(
    [
      'The Keld rowing club won the regional final on Saturday by two lengths.',
      'Its coach, Ines Varga, said the crew had trained for eleven months.',
      'The club will race in the national championship in June.',
    ],
    {},
    'rowing-final',
  ),
  makeArticle(
    [
      'A library opened in the old Marrow Bay post office on Friday after a renovation that cost 1.4 million.',
      'The library holds 18,000 books and a reading room for 40 people.',
    ],
    {},
    'library-opening',
  ),
].map(extractKnowledge);

const questions = [
  'How many homes lost power?',
  'When will the coast road reopen?',
  'Who coaches the Keld rowing club?',
  'How much did the library renovation cost?',
  'How many books does the library hold?',
  'When will the club race in the national championship?',
  'Why did the coast road close?',
];

const answersOf = (order: readonly string[]): Map<string, string> => {
  const kb = buildKnowledgeBase(articles);
  return new Map(order.map((q) => [q, JSON.stringify(ask(kb, q))]));
};

describe('/ask answers do not depend on earlier questions', () => {
  it('gives each question the same answer whatever was asked before it', () => {
    const first = answersOf(questions);
    const reversed = answersOf([...questions].reverse());
    const twice = answersOf([...questions, ...questions]);
    for (const q of questions) {
      expect(reversed.get(q), q).toBe(first.get(q));
      expect(twice.get(q), q).toBe(first.get(q));
    }
  });

  it('reads the same when an article is asked about directly after questions across the archive', () => {
    const kb = buildKnowledgeBase(articles);
    const scopedFirst = JSON.stringify(ask(kb, 'How many books does the library hold?', 'library-opening'));
    for (const q of questions) ask(kb, q);
    expect(JSON.stringify(ask(kb, 'How many books does the library hold?', 'library-opening'))).toBe(
      scopedFirst,
    );
    expect(ask(kb, 'How many books does the library hold?').ok).toBe(true);
  });
});
