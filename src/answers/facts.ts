import { ok } from '../answer.ts';
import type { Answer, Field, Result } from '../answer.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Fact } from '../knowledge/types.ts';
import { scopeArticle } from './articles.ts';
import { WEAK, conceptCoverage, round } from './shared.ts';

const KIND_LABEL: Record<Fact['kind'], string> = {
  count: 'Count',
  money: 'Money',
  percent: 'Percentage',
  date: 'Date',
  duration: 'Duration',
  ordinal: 'Ordinal',
  number: 'Number',
};

export function factResult(fact: Fact, score?: number): Result {
  const fields: Field[] = [{ name: 'Kind', value: KIND_LABEL[fact.kind] }];
  if (fact.iso) fields.push({ name: 'Date', value: fact.iso });
  if (fact.value !== undefined && fact.kind !== 'date')
    fields.push({
      name: 'Value',
      value: `${fact.qualifier ? `${fact.qualifier} ` : ''}${fact.value.toLocaleString('en-US')}`,
    });
  if (fact.counts) fields.push({ name: 'Counts', value: fact.counts });
  return {
    kind: 'fact',
    title: fact.text,
    text: fact.sentence,
    citation: fact.span.citation,
    fields,
    ...(score !== undefined ? { score: round(score) } : {}),
  };
}

/** `/facts [topic] [article]`: numbers and dates with what they count, cited, in article order. */
export function facts(kb: KnowledgeBase, topic?: string, articleQuery?: string): Answer {
  const scope = scopeArticle(kb, 'facts', articleQuery);
  if (!scope.ok) return scope.answer;
  const inScope = (f: Fact): boolean => !scope.article || f.article === scope.article.id;
  if (topic === undefined) {
    const all = kb.knowledge.flatMap((k) => k.facts).filter(inScope);
    if (all.length === 0) return ok('facts', [], { message: 'No numbers or dates in the article.' });
    return ok(
      'facts',
      all.map((f) => factResult(f)),
      { message: `${all.length} number(s) and date(s).` },
    );
  }
  const hits = kb
    .searchFacts(topic, { limit: 25, ...(scope.article ? { article: scope.article.id } : {}) })
    .filter((h) => h.score >= WEAK && conceptCoverage(kb, topic, h.matched) >= 0.5);
  if (hits.length === 0)
    return ok('facts', [], {
      message: `No numbers or dates about "${topic.slice(0, 80)}" in the article${scope.article ? '' : 's'}.`,
    });
  return ok(
    'facts',
    hits.map((h) => factResult(h.item, h.score)),
  );
}
