import type { Result } from '../answer.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Claim, Entity, Quote } from '../knowledge/types.ts';
import { contentTerms } from '../text/match.ts';

/**
 * Confidence thresholds, chosen on the project's fixtures (tests/answers): at or above STRONG a
 * match is stated plainly; between WEAK and STRONG it is shown and labelled as a weak match;
 * below WEAK the bot says the articles do not answer.
 */
export const STRONG = 0.7;
export const WEAK = 0.45;
/** Scores this close to the best are near-ties, reported as alternatives. */
export const NEAR_TIE = 0.05;

/** Rounded to two decimals for stable, readable output. */
export const round = (n: number): number => Math.round(n * 100) / 100;

/** The first role the article gives an entity ("Russian Foreign Minister"). */
export function roleOf(kb: KnowledgeBase, entityId: string | null): string | undefined {
  if (!entityId) return undefined;
  return kb.entity(entityId)?.roles[0]?.text;
}

/** A direct quote as a result: the quote as printed, its speaker (full name) and role. */
export function quoteResult(kb: KnowledgeBase, quote: Quote, score?: number): Result {
  const role = roleOf(kb, quote.speakerId);
  return {
    kind: 'quote',
    speaker: quote.speaker,
    ...(role ? { role } : {}),
    text: quote.display,
    citation: { ...quote.span.citation },
    ...(score !== undefined ? { score: round(score) } : {}),
  };
}

export function claimResult(kb: KnowledgeBase, claim: Claim, score?: number): Result {
  const role = roleOf(kb, claim.speakerId);
  return {
    kind: 'claim',
    speaker: claim.speaker,
    ...(role ? { role } : {}),
    text: claim.sentence,
    citation: claim.span.citation,
    fields: [{ name: 'Reported', value: `${claim.speaker} ${claim.verb} ${claim.clause}` }],
    ...(score !== undefined ? { score: round(score) } : {}),
  };
}

/**
 * Share of the question's non-name words a passage covers. "What is the population of
 * Tajikistan?" names Tajikistan (everywhere in the article) but asks about population (nowhere):
 * without this check the nearest Tajikistan passage would be offered as an answer.
 */
export function conceptCoverage(kb: KnowledgeBase, query: string, matched: readonly string[]): number {
  const concepts = [...new Set(contentTerms(query))].filter((t) => !kb.nameTerms.has(t));
  if (concepts.length === 0) return 1;
  const hit = concepts.filter((t) => matched.includes(t)).length;
  return hit / concepts.length;
}

/** Entities that are the same person or organisation across articles (same full name). */
export function sameEntity(kb: KnowledgeBase, entity: Entity): Entity[] {
  return kb.entitiesNamed(entity.name);
}

/** Quotation marks stripped from the ends, so “…” and "..." look the same to a search. */
export function stripQuoteMarks(text: string): string {
  return text
    .trim()
    .replace(/^[\s"'“”‘’«»„]+/, '')
    .replace(/[\s"'“”‘’«»„]+$/, '')
    .trim();
}
