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

/** Most facts listed without a topic (Discord pages them; the console prints them all). */
const MAX_LISTED = 100;

/** `/facts [topic] [article]`: numbers and dates with what they count, cited, in article order. */
export function facts(kb: KnowledgeBase, topic?: string, articleQuery?: string): Answer {
  const scope = scopeArticle(kb, 'facts', articleQuery);
  if (!scope.ok) return scope.answer;
  if (topic === undefined) {
    const all = scope.article
      ? (kb.knowledgeOf(scope.article.id)?.facts ?? [])
      : kb.knowledge.flatMap((k) => k.facts);
    if (all.length === 0) return ok('facts', [], { message: 'No numbers or dates in the article.' });
    // A whole archive's facts are no answer to read through: the first ones, and how to narrow.
    const shown = all.slice(0, MAX_LISTED);
    const more =
      all.length > shown.length
        ? ` Showing the first ${shown.length}; add a topic or an article to narrow it.`
        : '';
    return ok(
      'facts',
      shown.map((f) => factResult(f)),
      { message: `${all.length} number(s) and date(s).${more}` },
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
