/**
 * The token view of a paragraph that every attribution rule reads: tokens, quotation marks,
 * entity mentions and sentence numbers per token, and the per-view indexes computed once.
 */
import type { Paragraph } from '../../article/types.ts';
import type { AttributionRule, Entity } from '../types.ts';
import { tokenize, type Token } from '../nlp.ts';
import type { Mention, PeopleIndex } from '../people.ts';
import type { QuoteMark } from './marks.ts';
import { PARTY_STATE_TAG } from '../lexicon/cues.ts';

/** The longest appositive between a name and its verb, in tokens. */
export const MAX_APPOSITIVE_TOKENS = 40;
/** How far before an opening mark a speech verb may stand, in tokens. */
export const MAX_LEAD_TOKENS = 80;

/** A paragraph prepared for attribution: tokens, quote spans and entity mentions. */
export interface ParagraphView {
  paragraph: Paragraph;
  tokens: Token[];
  marks: QuoteMark[];
  /** For each token, the mention it belongs to (names only). */
  mentionOf: (Mention | undefined)[];
  /** For each token, whether it sits inside a quotation (marks included). */
  quoted: boolean[];
  /** For each token, its 1-based sentence index. */
  sentence: number[];
}

/**
 * Builds the token view of a paragraph used by every attribution rule.
 *
 * @param paragraph - the paragraph
 * @param marks - its quotation marks
 * @param mentions - the entity mentions in it (from `buildPeople`)
 */
export function viewParagraph(
  paragraph: Paragraph,
  marks: QuoteMark[],
  mentions: readonly Mention[],
): ParagraphView {
  const tokens = tokenize(paragraph.text);
  // Tokens, mentions, marks and sentences are all in text order: one sweep each.
  const byStart = <T>(list: readonly T[], start: (x: T) => number): T[] =>
    [...list].sort((a, b) => start(a) - start(b));
  const ms = byStart(mentions, (m) => m.start);
  const qs = byStart(marks, (m) => m.open);
  const ss = byStart(paragraph.sentences, (x) => x.start);
  let mi = 0;
  let qi = 0;
  let si = 0;
  const mentionOf: (Mention | undefined)[] = [];
  const quoted: boolean[] = [];
  const sentence: number[] = [];
  for (const t of tokens) {
    while (mi < ms.length && (ms[mi] as Mention).end < t.end) mi++;
    let found: Mention | undefined;
    for (let k = mi; k < ms.length && (ms[k] as Mention).start <= t.start; k++) {
      if (t.end <= (ms[k] as Mention).end) {
        found = ms[k];
        break;
      }
    }
    mentionOf.push(found);
    while (qi < qs.length && (qs[qi] as QuoteMark).end <= t.start) qi++;
    let inside = false;
    for (let k = qi; k < qs.length && (qs[k] as QuoteMark).open <= t.start; k++) {
      if (t.start < (qs[k] as QuoteMark).end) {
        inside = true;
        break;
      }
    }
    quoted.push(inside);
    while (si < ss.length && (ss[si] as { end: number }).end <= t.start) si++;
    const sent = ss[si];
    sentence.push(sent !== undefined && t.start >= sent.start ? sent.index : paragraph.sentences.length);
  }
  return { paragraph, tokens, marks, mentionOf, quoted, sentence };
}

/** Who said something, as found by a rule (before pronoun resolution). */
export type SpeakerRef =
  | { type: 'entity'; entity: Entity; tokenIndex: number }
  | { type: 'pronoun'; pronoun: string; tokenIndex: number };

/** Resolves he / she / they / it at a position to an entity (see `Discourse`). */
export type PronounResolver = (pronoun: string, paragraph: number, offset: number) => Entity | null;

/** What the rules need besides the paragraph view. */
export interface RuleContext {
  people: PeopleIndex;
  view: ParagraphView;
}

/**
 * The entity a token names, outside quotation marks. A party–state tag ("R-Texas") is part of a
 * legislator's naming and never an entity of its own, whatever the name scanner made of it.
 */
export function mentionEntity(ctx: RuleContext, idx: number): Entity | null {
  const m = ctx.view.mentionOf[idx];
  if (!m || m.quoted) return null;
  if (PARTY_STATE_TAG.test(ctx.view.paragraph.text.slice(m.start, m.end))) return null;
  const e = ctx.people.byId.get(m.entityId) ?? null;
  return e && epithetNaming(ctx.view, m, e) ? null : e;
}

/**
 * True when the token at idx is an epithet naming ("the veteran Unionist"): a subject the
 * article describes, so no later name in the clause is its subject.
 */
export function epithetAt(ctx: RuleContext, idx: number): boolean {
  const m = ctx.view.mentionOf[idx];
  if (!m || m.quoted) return false;
  const e = ctx.people.byId.get(m.entityId);
  return e !== undefined && epithetNaming(ctx.view, m, e);
}

/** How many lowercase words may stand between "the" and an epithet ("the veteran Unionist"). */
const MAX_EPITHET_WORDS = 2;

/**
 * True when a one-word "person" is an epithet after "the" and a lowercase word ("the veteran
 * Unionist told MPs", "the senior Conservative dared them"): a description of someone named
 * elsewhere (a party, a creed), not a name, so it is never a speaker or a subject.
 *
 * @param view - the paragraph view
 * @param m - the mention
 * @param e - its entity
 */
export function epithetNaming(view: ParagraphView, m: Mention, e: Entity): boolean {
  if (e.kind !== 'person' || /\s/.test(e.name) || e.aliases.some((a) => /\s/.test(a))) return false;
  let k = tokenAt(view, m.fullStart) - 1;
  let words = 0;
  for (; k >= 0 && words < MAX_EPITHET_WORDS; k--, words++) {
    const t = view.tokens[k] as Token;
    if (!t.word || t.capital || view.quoted[k] || t.lower === 'the') break;
  }
  return words > 0 && k >= 0 && (view.tokens[k] as Token).lower === 'the' && !view.quoted[k];
}

const namedSets = new WeakMap<PeopleIndex, Set<Entity>>();

/**
 * True for an entity the article names ("Harriet Kimani"), false for a described speaker ("a
 * portfolio manager at Fenwick Capital"), which resolves like an entity but is not listed
 * among the article's people.
 *
 * @param ctx - paragraph view and people
 * @param e - an entity from a mention
 */
export function isNamedEntity(ctx: RuleContext, e: Entity): boolean {
  let set = namedSets.get(ctx.people);
  if (!set) {
    set = new Set(ctx.people.entities);
    namedSets.set(ctx.people, set);
  }
  return set.has(e);
}

/** Index of the first token at or after an offset (binary search: tokens are in text order). */
export function tokenAt(view: ParagraphView, offset: number): number {
  const toks = view.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((toks[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per-view lookups computed once, so rules never rescan a paragraph per quote or sentence. */
interface ViewIndex {
  /** For each token, the first and last token index of its run of one sentence. */
  runStart: number[];
  runEnd: number[];
  /** Token range [from, to) of each sentence (first to last token carrying its number). */
  sentences: Map<number, [number, number]>;
  /** wordsUpTo[i]: word tokens before index i. */
  wordsUpTo: number[];
  /** Token indexes of "according" followed by "to", outside quotation marks. */
  according: number[];
}

const viewIndexes = new WeakMap<ParagraphView, ViewIndex>();

export function indexOfView(view: ParagraphView): ViewIndex {
  let ix = viewIndexes.get(view);
  if (ix) return ix;
  const n = view.tokens.length;
  const runStart = new Array<number>(n);
  const runEnd = new Array<number>(n);
  const sentences = new Map<number, [number, number]>();
  const wordsUpTo = new Array<number>(n + 1);
  const according: number[] = [];
  wordsUpTo[0] = 0;
  for (let i = 0; i < n; i++) {
    const s = view.sentence[i];
    runStart[i] = i > 0 && view.sentence[i - 1] === s ? (runStart[i - 1] as number) : i;
    const range = sentences.get(s as number);
    if (range) range[1] = i + 1;
    else sentences.set(s as number, [i, i + 1]);
    const t = view.tokens[i] as Token;
    wordsUpTo[i + 1] = (wordsUpTo[i] as number) + (t.word ? 1 : 0);
    if (!view.quoted[i] && t.lower === 'according' && view.tokens[i + 1]?.lower === 'to') according.push(i);
  }
  for (let i = n - 1; i >= 0; i--)
    runEnd[i] = i + 1 < n && view.sentence[i + 1] === view.sentence[i] ? (runEnd[i + 1] as number) : i;
  ix = { runStart, runEnd, sentences, wordsUpTo, according };
  viewIndexes.set(view, ix);
  return ix;
}

/** True when tokens [from, to) hold no word. */
export function noWordsIn(view: ParagraphView, from: number, to: number): boolean {
  if (to <= from) return true;
  const w = indexOfView(view).wordsUpTo;
  return (w[to] ?? 0) - (w[from] ?? 0) === 0;
}

/** Token range [from, to) of a sentence of the paragraph ([0, 0) when it has no tokens). */
export function sentenceTokens(view: ParagraphView, sentence: number): [number, number] {
  return indexOfView(view).sentences.get(sentence) ?? [0, 0];
}

/** A rule's finding before pronoun resolution. */
export interface Attribution {
  ref: SpeakerRef;
  rule: AttributionRule;
  verb: string;
}

/** Token range [first, last] of the quotation, and of the sentence(s) around it. */
export interface QuoteWindow {
  first: number;
  last: number;
  sentStart: number;
  sentEnd: number;
}

export function windowOf(view: ParagraphView, mark: QuoteMark): QuoteWindow {
  const first = tokenAt(view, mark.open);
  let last = tokenAt(view, mark.end) - 1;
  if (last < first) last = first;
  const ix = indexOfView(view);
  let sentStart = first < view.tokens.length ? (ix.runStart[first] as number) : first;
  let sentEnd = last < view.tokens.length ? (ix.runEnd[last] as number) : last;
  // Another quotation bounds the window: its own attribution is not ours. Marks are in text
  // order: binary search for the first one opening at or after this one's end.
  const marks = view.marks;
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid] as QuoteMark).open < mark.end) lo = mid + 1;
    else hi = mid;
  }
  const nextMark = marks[lo];
  if (nextMark) {
    const idx = tokenAt(view, nextMark.open);
    if (idx - 1 < sentEnd) sentEnd = idx - 1;
  }
  let prevEnd = -1;
  for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) {
    const m = marks[k] as QuoteMark;
    if (m.end <= mark.open && m.end > prevEnd) prevEnd = m.end;
  }
  if (prevEnd >= 0) {
    const idx = tokenAt(view, prevEnd);
    if (idx > sentStart) sentStart = idx;
  }
  return { first, last, sentStart, sentEnd };
}
