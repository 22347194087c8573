import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerF1,
  DEFAULT_LEARNERS,
  evaluate,
  examples,
  loadData,
  trainModel,
} from '../../src/reader/training.ts';
import type { DataSet } from '../../src/reader/training.ts';
import { negate, synthesize } from '../../src/reader/synthesize.ts';
import { MODEL } from '../../src/reader/read.ts';
import { makeArticle } from '../knowledge/make-article.ts';

const DIR = 'tests/fixtures/reader';
let data: DataSet;
beforeAll(async () => {
  data = await loadData([DIR]);
});

describe('training the /ask scorer', () => {
  it('is deterministic and reproduces the committed fixture weights', async () => {
    const first = trainModel(data).model;
    const second = trainModel(await loadData([DIR])).model;
    expect(second).toEqual(first);
    const committed = JSON.parse(await readFile(`${DIR}/weights.json`, 'utf8')) as unknown;
    expect(first).toEqual(committed);
  }, 90_000); // trains twice on the fixtures: slow on a loaded machine

  it('with the balanced gate (the default), says "not in the article" below one half, whatever the folds show', () => {
    const balanced = trainModel(data, { folds: 2, learners: DEFAULT_LEARNERS });
    expect(balanced.model.threshold).toBe(0.5);
    expect(balanced.model.gate).toBeDefined();
  }, 60_000);

  it('with the folder-weighted gate, chooses its threshold on the folds instead', () => {
    const folded = trainModel(data, { folds: 2, learners: { ...DEFAULT_LEARNERS, balanceGate: false } });
    const again = trainModel(data, { folds: 2, learners: { ...DEFAULT_LEARNERS, balanceGate: false } });
    expect(folded.model.threshold).toBeGreaterThan(0);
    expect(folded.model.threshold).toBeLessThan(1);
    expect(again.model.threshold).toBe(folded.model.threshold);
  }, 90_000);

  it('makes unanswerable questions by swapping a name, negating and replacing a word', () => {
    const made = synthesize(data);
    expect(new Set(made.map((c) => c.synthetic))).toEqual(new Set(['antonym', 'negate', 'missing', 'swap']));
    expect(made.every((c) => c.kind === 'no-answer')).toBe(true);
    const named = data.cases.filter((c) => c.query.includes('Portmere'));
    const [swapped] = synthesize({ articles: data.articles, cases: named });
    expect(swapped?.synthetic).toBe('swap');
    expect(swapped?.query).not.toContain('Portmere');
    expect(negate('Who did the council hire?')).toBe('Who did not the council hire?');
    expect(negate('Who never came?')).toBeNull();
  });

  it('makes unanswerable questions with an antonym or a changed number the paragraph does not have', () => {
    const harbour = makeArticle(
      [
        'Kellby has the largest harbour on the east coast. It handled 4,200 ships in 2019.',
        'The smallest boats are kept in the inner basin.',
      ],
      {},
      'harbour',
    );
    const ask = (query: string): DataSet => ({
      articles: new Map([['harbour', harbour]]),
      cases: [{ kind: 'ask', article: 'harbour', query, paragraph: 1, answers: ['Kellby'] }],
    });
    // One question in three is varied, the kind in turn: the first gets the first kind it can take.
    const [antonym] = synthesize(ask('Which town has the largest harbour on the east coast?'));
    expect(antonym?.query).toBe('Which town has the smallest harbour on the east coast?');
    const [number] = synthesize(ask('Which town handled 4,200 ships in 2019?'));
    expect(number?.synthetic).toBe('number');
    expect(number?.query).toMatch(/^Which town handled [\d,]+ ships in \d{4}\?$/);
    expect(number?.query).not.toBe('Which town handled 4,200 ships in 2019?');
  });

  it('scores short answers with SQuAD token F1', () => {
    expect(answerF1('20,000 reservists', ['20,000 reservists'])).toBe(1);
    expect(answerF1('the 20,000 reservists', ['20,000'])).toBeCloseTo(2 / 3);
    expect(answerF1('Tuesday', ['Monday'])).toBe(0);
  });

  it('the committed model cites the right paragraph of unseen news questions and abstains on most unanswerable ones', () => {
    const figures = evaluate(
      examples(data).filter((e) => !e.c.synthetic),
      MODEL,
    );
    // The fixtures grew from 14 stories to 30, the new questions worded further from the text (synonyms,
    // Discord shorthand): the floor that held on the first 14 (75) fell to 60 for the larger set.
    expect(figures.rank1).toBeGreaterThanOrEqual(60);
    expect(figures.abstainReal).toBeGreaterThanOrEqual(50);
  });
});
