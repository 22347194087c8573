import { describe, expect, it } from 'vitest';
import { ask, chooseArticles, readsFurther } from '../../src/answers/ask.ts';
import { extractKnowledge } from '../../src/knowledge/extract.ts';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { makeArticle } from '../knowledge/make-article.ts';

/** Questions across an archive of look-alike articles (wire copy, local editions of one story). */
const strike = (town: string, drivers: string, day: string): string[] => [
  `Train drivers in ${town} walked out on ${day}, halting most services.`,
  `About ${drivers} drivers joined the strike, the union said, after talks over pay broke down.`,
  `Commuters in ${town} queued for buses that were already full.`,
  'The rail operator said it regretted the disruption and would meet the union again next week.',
];
const kb = buildKnowledgeBase(
  [
    makeArticle(strike('Dunmore', '4,000', 'Tuesday'), {}, 'strike-dunmore'),
    makeArticle(strike('Halvik', '900', 'Thursday'), {}, 'strike-halvik'),
    makeArticle(
      [
        'The harbour authority approved a new ferry timetable on Friday.',
        'Ferries will leave every forty minutes in summer, the authority said.',
      ],
      {},
      'ferry-timetable',
    ),
    makeArticle(
      [
        'A rebuilt footbridge over the Arle reopened to walkers on Monday after eight months of work.',
        'The footbridge cost 2.1 million to rebuild, the city said.',
      ],
      {},
      'footbridge-city',
    ),
    makeArticle(
      [
        'Walkers crossed the rebuilt footbridge over the Arle on Monday for the first time in eight months.',
        'The footbridge cost 2.1 million to rebuild, according to the city.',
      ],
      {},
      'footbridge-wire',
    ),
  ].map(extractKnowledge),
);

const answered = (question: string, article?: string) => {
  const answer = ask(kb, question, article);
  if (!answer.ok) throw new Error(answer.error);
  return answer;
};

describe('/ask across an archive', () => {
  it('reads the article that names what the question names, as if asked of that article', () => {
    const across = answered('How many drivers joined the strike in Dunmore?');
    const scoped = answered('How many drivers joined the strike in Dunmore?', 'strike-dunmore');
    expect(across.results[0]?.citation).toMatchObject({ article: 'strike-dunmore', paragraph: 2 });
    expect(across.results[0]?.answer).toBe(scoped.results[0]?.answer);
  });

  it('answers when two articles state the same fact, citing one of them first', () => {
    const scoped = answered('How much did the footbridge cost to rebuild?', 'footbridge-city');
    expect(scoped.results.length).toBeGreaterThan(0);
    const across = answered('How much did the footbridge cost to rebuild?');
    expect(across.results.length).toBeGreaterThan(0);
    expect(['footbridge-city', 'footbridge-wire']).toContain(across.results[0]?.citation?.article);
    expect(across.results[0]?.citation?.paragraph).toBe(2);
  });

  it('says "not in the articles" when no article names the place asked about', () => {
    const answer = answered('How many drivers joined the strike in Corran?');
    expect(answer.results).toEqual([]);
    expect(answer.message).toMatch(/Not in the articles/);
  });
});

describe('/ask across an archive: which look-alikes are read', () => {
  // The same story in two towns, and two other stories of one of the towns: the town is a
  // common enough word that the other town's copy is still chosen for a long question.
  const story = (town: string, drivers: string): string[] => [
    `Train drivers in ${town} walked out on Tuesday, halting most services on the northern line.`,
    `About ${drivers} drivers joined the strike, the union said, after talks over pay broke down.`,
    'The rail operator said it would meet the union again next week.',
  ];
  const towns = buildKnowledgeBase(
    [
      makeArticle(story('Dunmore', '4,000'), {}, 'dunmore-strike'),
      makeArticle(story('Halvik', '900'), {}, 'halvik-strike'),
      makeArticle(['Dunmore council approved a new ferry timetable on Friday.'], {}, 'dunmore-ferry'),
      makeArticle(['Dunmore opened a library with 20,000 books.'], {}, 'dunmore-library'),
    ].map(extractKnowledge),
  );
  const question =
    'How many drivers joined the strike on the northern line in Dunmore after talks over pay broke down?';

  it('leaves a look-alike lacking the asked town unread once the article naming it answers', () => {
    const [best, other] = chooseArticles(towns, question, undefined);
    expect(best?.article.id).toBe('dunmore-strike');
    expect(other?.article.id).toBe('halvik-strike');
    if (!best || !other) return;
    expect(readsFurther(best, other, true)).toBe(false);
    const answer = ask(towns, question);
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.results[0]?.citation).toMatchObject({ article: 'dunmore-strike', paragraph: 2 });
    expect(answer.results.map((r) => r.citation?.article)).not.toContain('halvik-strike');
  });

  it('still reads it when the best article does not answer, and always reads a copy as complete', () => {
    const [best, other] = chooseArticles(towns, question, undefined);
    if (!best || !other) throw new Error('two articles expected');
    expect(readsFurther(best, other, false)).toBe(true);
    expect(readsFurther(best, { ...other, coverage: best.coverage }, true)).toBe(true);
  });
});

describe('/ask across an archive: a question that stands on a pronoun', () => {
  const people = buildKnowledgeBase(
    [
      makeArticle(
        [
          'Ines Marrow, 34, a nurse from Callan, won the town’s mayoral race on Sunday.',
          'Marrow said her first job would be to reopen the swimming baths.',
        ],
        { date: '2026-03-01' },
        'callan-mayor',
      ),
      makeArticle(
        [
          'The old lighthouse at Fenna Point, built in 1871, will be sold at auction.',
          'It is 40 metres tall and has stood empty since 1998.',
        ],
        { date: '2026-03-04' },
        'fenna-lighthouse',
      ),
      makeArticle(['Dunmore opened a library with 20,000 books.'], { date: '2026-02-10' }, 'dunmore-library'),
    ].map(extractKnowledge),
  );

  it('asks which story “she” is in, instead of giving another story’s age', () => {
    const answer = ask(people, 'how old is she');
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.results).toEqual([]);
    expect(answer.message).toMatch(/Which story do you mean by “she”/);
    expect(answer.suggestions?.some((s) => s.startsWith('article:callan-mayor'))).toBe(true);
    expect(answer.suggestions?.every((s) => s.startsWith('article:'))).toBe(true);
  });

  it('names first the stories that speak of a “she”, before later ones that never do', () => {
    const answer = ask(people, 'where does she live');
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.suggestions?.[0]).toMatch(/^article:callan-mayor\b/);
  });

  it('offers the latest stories when no word of the question is in any', () => {
    const answer = ask(people, 'when was it taken');
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.suggestions?.[0]).toMatch(/^article:fenna-lighthouse\b/);
  });

  it('answers as usual when the question names what it asks about, or one article is picked', () => {
    const named = ask(people, 'when was the lighthouse built');
    if (!named.ok) throw new Error(named.error);
    expect(named.results[0]?.citation?.article).toBe('fenna-lighthouse');
    const picked = ask(people, 'what will she reopen', 'callan-mayor');
    if (!picked.ok) throw new Error(picked.error);
    expect(picked.message ?? '').not.toMatch(/Which story/);
  });
});
