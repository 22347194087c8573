import type { SearchIndexState } from './search-index.ts';
import type { ArticleKnowledge } from './types.ts';

/**
 * Checks of what a snapshot claims before anything trusts it: header fields (non-negative
 * integers inside the file) and built index arrays (every id inside the array it points into).
 * Each returns the first doubt as a short reason, or null when everything holds.
 */

export const TYPED = { Int32Array, Uint32Array, Uint16Array } as const;
export type TypedName = keyof typeof TYPED;

export const ARRAY_FIELDS = [
  'articleOfDoc',
  'postingStart',
  'postingDocs',
  'postingTfs',
  'docTerms',
  'docStart',
  'lengths',
  'wordTerms',
] as const;

export interface ArrayRef {
  index: string;
  field: string;
  type: TypedName;
  offset: number;
  length: number;
}

const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The plain (JSON) part of each index: lists of strings and a finite average. */
export function plainProblem(plain: unknown): string | null {
  if (typeof plain !== 'object' || plain === null) return 'index list missing';
  for (const [name, p] of Object.entries(plain as Record<string, Record<string, unknown>>)) {
    if (typeof p !== 'object' || p === null) return `index ${name} missing`;
    if (!strings(p.articleIds) || !strings(p.terms) || !strings(p.words)) return `index ${name} lists`;
    if (typeof p.avgLength !== 'number' || !Number.isFinite(p.avgLength)) return `index ${name} average`;
    if (p.matchTexts !== null && !strings(p.matchTexts)) return `index ${name} texts`;
  }
  return null;
}

/**
 * Array references: known index, field and type, aligned, each field of each index exactly once.
 * Returns the bytes the arrays take, or a reason.
 */
export function arraysProblem(arrays: unknown, indexNames: readonly string[]): number | string {
  if (!Array.isArray(arrays)) return 'array list missing';
  const seen = new Set<string>();
  let bytes = 0;
  for (const ref of arrays as Partial<ArrayRef>[]) {
    if (typeof ref !== 'object' || ref === null) return 'array reference';
    const { index, field, type, offset, length } = ref;
    if (typeof index !== 'string' || !indexNames.includes(index)) return 'array of an unknown index';
    if (!(ARRAY_FIELDS as readonly unknown[]).includes(field)) return 'unknown array field';
    if (typeof type !== 'string' || !Object.hasOwn(TYPED, type)) return 'unknown array type';
    if (!count(offset) || !count(length) || offset % 8 !== 0) return 'array offset or length';
    const key = `${index}.${String(field)}`;
    if (seen.has(key)) return 'array listed twice';
    seen.add(key);
    bytes = Math.max(bytes, offset + Math.ceil((length * TYPED[type].BYTES_PER_ELEMENT) / 8) * 8);
  }
  if (seen.size !== indexNames.length * ARRAY_FIELDS.length) return 'arrays missing';
  return bytes;
}

/** Every value of `array` is in [0, limit). */
function allBelow(array: ArrayLike<number>, limit: number): boolean {
  for (let i = 0; i < array.length; i++) {
    const v = array[i] as number;
    if (!(v >= 0 && v < limit)) return false;
  }
  return true;
}

/** Starts of slices: from 0, never decreasing, ending at the sliced array's length. */
function validStarts(starts: ArrayLike<number>, expected: number, end: number): boolean {
  if (starts.length !== expected || starts[0] !== 0 || starts[starts.length - 1] !== end) return false;
  for (let i = 1; i < starts.length; i++) if ((starts[i] as number) < (starts[i - 1] as number)) return false;
  return true;
}

/** One built index against the number of items it must cover. */
export function indexProblem(state: SearchIndexState, docs: number): string | null {
  const terms = state.terms.length;
  if (state.articleOfDoc.length !== docs || state.lengths.length !== docs) return 'document count';
  if (state.matchTexts !== null && state.matchTexts.length !== docs) return 'document texts';
  if (!allBelow(state.articleOfDoc, state.articleIds.length)) return 'article ids out of range';
  if (!validStarts(state.docStart, docs + 1, state.docTerms.length)) return 'document starts';
  if (!allBelow(state.docTerms, terms)) return 'document terms out of range';
  if (!validStarts(state.postingStart, terms + 1, state.postingDocs.length)) return 'posting starts';
  if (state.postingTfs.length !== state.postingDocs.length) return 'posting counts';
  if (!allBelow(state.postingDocs, docs)) return 'posting documents out of range';
  if (state.wordTerms.length !== state.words.length || !allBelow(state.wordTerms, terms)) return 'word terms';
  return null;
}

/** How many items each index of a knowledge base covers (see `collect` in knowledge-base.ts). */
export function documentCounts(knowledge: readonly ArticleKnowledge[]): Record<string, number> {
  const counts = { quotes: 0, claims: 0, sentences: 0, entities: 0, facts: 0, titles: knowledge.length };
  for (const k of knowledge) {
    counts.quotes += k.quotes.length;
    counts.claims += k.claims.length;
    counts.entities += k.entities.length;
    counts.facts += k.facts.length;
    for (const p of k.article.paragraphs) counts.sentences += p.sentences.length;
  }
  return counts;
}

/** Every citation of an article points at one of its paragraphs, every sentence inside its text. */
export function knowledgeProblem(k: ArticleKnowledge): string | null {
  const paragraphs = k.article.paragraphs;
  const inside = (n: unknown): boolean =>
    Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= paragraphs.length;
  for (const p of paragraphs)
    for (const s of p.sentences)
      if (!(s.start >= 0 && s.start <= s.end && s.end <= p.text.length))
        return 'sentence outside its paragraph';
  for (const list of [k.quotes, k.claims, k.facts])
    for (const item of list) if (!inside(item.span.citation.paragraph)) return 'citation outside the article';
  for (const e of k.entities) {
    for (const m of e.mentions) if (!inside(m.citation.paragraph)) return 'mention outside the article';
    for (const r of e.roles) if (!inside(r.citation.paragraph)) return 'role outside the article';
  }
  return null;
}
