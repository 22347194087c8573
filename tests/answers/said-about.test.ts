import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answers/ask.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { makeArticle } from '../knowledge/make-article.ts';

/** A council member quoted in two stories, on the harbour and on other things. */
const kb = buildKnowledgeBase(
  [
    makeArticle(
      [
        'The town council of Brenlow voted on Tuesday to repair the harbour wall before winter.',
        '"The harbour wall will not survive another storm season," said councillor Maren Oduya.',
        '"We also need more buses on the coast road," Oduya said.',
      ],
      {},
      'brenlow-harbour',
    ),
    makeArticle(
      [
        'Brenlow opened its new library on Saturday.',
        '"The library is the best thing this town has built in years," councillor Maren Oduya said.',
        'Oduya said the harbour repairs would start in October.',
      ],
      {},
      'brenlow-library',
    ),
  ].map(extractKnowledge),
);

const cited = (base: KnowledgeBase, question: string): string[] => {
  const answer = ask(base, question);
  if (!answer.ok) throw new Error(answer.error);
  return answer.results.map((r) => `${r.citation?.article} ¶${r.citation?.paragraph}`);
};

describe('/ask "what did X say about Y"', () => {
  it('cites the statements of X that are about Y, in every article, and none of X’s others', () => {
    const about = cited(kb, 'What did Oduya say about the harbour?');
    // Her quote in one story and her reported statement in the other.
    expect(about).toEqual(expect.arrayContaining(['brenlow-harbour ¶2', 'brenlow-library ¶3']));
    expect(about).not.toContain('brenlow-harbour ¶3');
    expect(about).not.toContain('brenlow-library ¶2');
  });

  it('cites the same statements when they have to be read from their text rather than the index', () => {
    // A knowledge base whose quote and claim indexes do not line up with its knowledge.
    const state = kb.indexState();
    const misaligned: KnowledgeBase = {
      ...kb,
      indexState: () => ({
        ...state,
        quotes: { ...state.quotes, articleOfDoc: new Uint32Array(0) },
        claims: { ...state.claims, articleOfDoc: new Uint32Array(0) },
      }),
    };
    for (const q of ['What did Oduya say about the harbour?', 'What did Maren Oduya say about the library?'])
      expect(cited(misaligned, q)).toEqual(cited(kb, q));
  });
});
