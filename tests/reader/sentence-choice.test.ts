import { describe, expect, it } from 'vitest';
import { statsOf } from '../../src/reader/passages.ts';
import { analyzeQuestion } from '../../src/reader/question.ts';
import { chooseSentence, SENTENCES_READ, sentenceCandidates } from '../../src/reader/sentence-choice.ts';
import { makeArticle } from '../knowledge/make-article.ts';

// A short news paragraph in our own words: the question's words are spread over two sentences.
const article = makeArticle([
  'The harbour board met on Tuesday to discuss the dredging of the harbour channel. ' +
    'After a long debate the board voted to spend $3 million on dredging the channel. ' +
    'Fishermen welcomed the decision.',
]);
const stats = statsOf(article);

describe('choosing the sentence that answers', () => {
  it('reads the sentence holding a sum for "how much", not the one that only repeats the topic', () => {
    const q = analyzeQuestion('How much money will the harbour board spend on dredging the channel?');
    const choice = chooseSentence(q, stats, 0);
    expect(choice.sentence).toBe(1);
    expect(choice.span?.text).toBe('$3 million');
  });

  it('reads a date for "on what day" from the sentence that gives one', () => {
    const q = analyzeQuestion('On what day did the harbour board meet?');
    const choice = chooseSentence(q, stats, 0);
    expect(choice.sentence).toBe(0);
    expect(choice.span?.text).toBe('Tuesday');
  });

  it('reads only sentences that share a word with the question, best covered first', () => {
    const q = analyzeQuestion('What did the fishermen think of the decision?');
    const read = sentenceCandidates(q, stats, 0);
    expect(read.length).toBeLessThanOrEqual(SENTENCES_READ);
    expect(read[0]?.i).toBe(2);
  });

  it('falls back to no short answer when no sentence shares a word', () => {
    const choice = chooseSentence(analyzeQuestion('Who won the tennis final?'), stats, 0);
    expect(choice.span).toBeNull();
  });
});
