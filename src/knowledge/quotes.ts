/**
 * Direct quotes: finding the quotation marks, telling quotes from scare quotes and apostrophes,
 * and attributing each quote to a speaker with a small, ordered set of rules. A quote without a
 * safe attribution keeps `speaker: null`: a wrong name is worse than none.
 */
import type { Article, Paragraph } from '../article/types.ts';
import type { AttributionRule, Entity, Quote, Span } from './types.ts';
import { tokenize, type Token } from './nlp.ts';
import type { Mention, PeopleIndex } from './people.ts';
import { AUXILIARIES, isRoleNoun } from './people.ts';
import { speechVerb, type SpeechVerb } from './speech-verbs.ts';
import { AFFILIATION_PREPOSITIONS, DETERMINERS } from './lexicon/cues.ts';
import { attributeColon, attributeFramed } from './cues.ts';
import { attributionConfidence, MIN_CONFIDENCE } from './confidence.ts';

/** One pair of quotation marks in a paragraph. */
export interface QuoteMark {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark, or the paragraph end when the quote is left open. */
  end: number;
  /** The closing mark was found in this paragraph. */
  closed: boolean;
  innerStart: number;
  innerEnd: number;
  kind: 'double' | 'single';
}

/** Words that follow a closing quotation mark rather than a plural possessive. */
const CLOSING_FOLLOWERS = new Set([
  'and',
  'or',
  'but',
  'to',
  'in',
  'of',
  'for',
  'on',
  'at',
  'as',
  'he',
  'she',
  'they',
  'it',
  'we',
  'said',
  'says',
  'told',
  'added',
  'which',
  'that',
  'while',
  'when',
  'because',
  'if',
  'is',
  'was',
  'are',
  'were',
  'with',
  'by',
  'from',
  'after',
  'before',
  'then',
  'so',
  'according',
]);

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isOpenContext = (ch: string | undefined): boolean => ch === undefined || /[\s([—–\-“‘"'/:]/u.test(ch);

/**
 * Finds quotation spans in one paragraph: curly and straight double quotes, and single quotes
 * that are not apostrophes (a ’ inside or right after a word, as in We’ll / Taliban's / officials’,
 * is an apostrophe). Single quotes inside a double-quoted span are nested quotes, not spans.
 *
 * @param text - the paragraph's display text
 * @returns spans in text order; the last may be left open (`closed: false`)
 */
export function findQuoteMarks(text: string): QuoteMark[] {
  const out: QuoteMark[] = [];
  let open = -1;
  const push = (o: number, closeAt: number | null): void => {
    const innerEnd = closeAt ?? text.length;
    out.push({
      open: o,
      end: closeAt === null ? text.length : closeAt + 1,
      closed: closeAt !== null,
      innerStart: o + 1,
      innerEnd,
      kind: 'double',
    });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') {
      if (open >= 0) {
        // An opening mark inside an open quote: the earlier one was never closed; end it here.
        push(open, null);
        const last = out[out.length - 1] as QuoteMark;
        last.end = i;
        last.innerEnd = i;
      }
      open = i;
    } else if (ch === '”') {
      if (open >= 0) {
        push(open, i);
        open = -1;
      }
    } else if (ch === '"') {
      if (open < 0) {
        if (isOpenContext(text[i - 1]) && !/\s/.test(text[i + 1] ?? ' ')) open = i;
      } else {
        push(open, i);
        open = -1;
      }
    }
  }
  if (open >= 0) push(open, null);
  const doubles = out.filter((q) => q.innerEnd > q.innerStart);
  // Positions only grow, so one pointer walks the (ordered) double spans once.
  let d = 0;
  const inDouble = (i: number): boolean => {
    while (d < doubles.length && (doubles[d] as QuoteMark).end <= i) d++;
    const q = doubles[d];
    return q !== undefined && i >= q.open;
  };
  const singles: QuoteMark[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch !== '‘' && ch !== "'") || inDouble(i)) continue;
    if (!isOpenContext(text[i - 1]) || !isLetter(text[i + 1])) continue;
    const closer = ch === '‘' ? '’' : "'";
    let close = -1;
    for (let j = i + 2; j < text.length && j < i + 400; j++) {
      if (text[j] !== closer) continue;
      // A closing mark is followed by a non-letter and preceded by a non-space; ’ between two
      // letters is an apostrophe (We’ll), and ’ after a plural -s followed by a noun is a possessive.
      if (isLetter(text[j + 1]) || /\s/.test(text[j - 1] ?? ' ')) continue;
      if (text[j - 1] === 's' && closer === "'") {
        // "the fishermen' boats" is a possessive; "the insurers' and ..." closes a quote.
        const nextWord = /^\s+(\p{Ll}+)/u.exec(text.slice(j + 1, j + 20))?.[1];
        if (nextWord !== undefined && !CLOSING_FOLLOWERS.has(nextWord)) continue;
      }
      close = j;
      break;
    }
    if (close < 0) continue;
    singles.push({
      open: i,
      end: close + 1,
      closed: true,
      innerStart: i + 1,
      innerEnd: close,
      kind: 'single',
    });
    i = close;
  }
  return [...doubles, ...singles].sort((a, b) => a.open - b.open);
}

/** A quotation found in the article, possibly running over several paragraphs. */
export interface RawQuote {
  paragraph: number;
  mark: QuoteMark;
  /** Later paragraphs the quotation continues into (each with its span there). */
  continued: { paragraph: number; mark: QuoteMark }[];
}

/**
 * Finds every quotation in the article's text paragraphs (headings are skipped: a quoted
 * headline has no attribution of its own), joining a quotation left open at a paragraph's end
 * with the next paragraph when that paragraph opens with a quotation mark.
 *
 * @param article - the parsed article
 */
export function findQuotations(article: Article): RawQuote[] {
  const out: RawQuote[] = [];
  const marks = new Map<number, QuoteMark[]>();
  for (const p of article.paragraphs) if (p.kind !== 'heading') marks.set(p.number, findQuoteMarks(p.text));
  const consumed = new Set<QuoteMark>();
  const paras = article.paragraphs.filter((p) => p.kind !== 'heading');
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i] as Paragraph;
    for (const m of marks.get(p.number) ?? []) {
      if (consumed.has(m)) continue;
      const raw: RawQuote = { paragraph: p.number, mark: m, continued: [] };
      let cur = m;
      let k = i;
      while (!cur.closed && cur.kind === 'double') {
        const next = paras[k + 1];
        const nm = next ? (marks.get(next.number) ?? [])[0] : undefined;
        if (!next || !nm || nm.open !== 0 || nm.kind !== 'double') break;
        raw.continued.push({ paragraph: next.number, mark: nm });
        consumed.add(nm);
        cur = nm;
        k++;
      }
      out.push(raw);
    }
  }
  return out;
}

/** The longest appositive between a name and its verb, in tokens. */
const MAX_APPOSITIVE_TOKENS = 40;
/** How far before an opening mark a speech verb may stand, in tokens. */
const MAX_LEAD_TOKENS = 80;

/** Words that may sit between a subject and its verb ("Lavrov also said", "he has warned"). */
const SKIPPABLE = new Set([
  'also',
  'has',
  'have',
  'had',
  'then',
  'later',
  'once',
  'again',
  'further',
  'repeatedly',
  'already',
  'still',
  'nevertheless',
  'however',
  'had',
  'would',
  'will',
  'did',
  'does',
  'do',
  'is',
  'was',
  'recently',
  'previously',
  'publicly',
  'privately',
  'reportedly',
  'now',
  'often',
  'always',
  'never',
  'not',
  'just',
  'first',
  'quickly',
  'even',
  'only',
  'too',
  'herself',
  'himself',
  'itself',
  'themselves',
  'separately',
  'earlier',
  'today',
  'yesterday',
  'last',
]);
export const PREPOSITIONS = new Set([
  'of',
  'in',
  'from',
  'to',
  'with',
  'by',
  'for',
  'at',
  'on',
  'against',
  'about',
  'between',
  'among',
  'into',
  'than',
  'like',
  'including',
  'despite',
  'after',
  'before',
  'over',
  'under',
  'toward',
  'towards',
  'across',
  'through',
  'during',
  'without',
  'within',
  'upon',
  'as',
]);
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
const BE_FORMS = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', '’s', "'s"]);

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

export function mentionEntity(ctx: RuleContext, idx: number): Entity | null {
  const m = ctx.view.mentionOf[idx];
  if (!m || m.quoted) return null;
  return ctx.people.byId.get(m.entityId) ?? null;
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

function indexOfView(view: ParagraphView): ViewIndex {
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

/** A lowercase "the ..." noun phrase ending at token `end` (inclusive) resolved through roles. */
function titleRefEnding(ctx: RuleContext, end: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  const head = toks[end];
  if (!head || !head.word || head.capital || !isRoleNoun(head.lower)) return null;
  let k = end - 1;
  while (k >= floor && k >= end - 5) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return null;
    if (t.lower === 'the' || t.possessive) {
      const phrase = toks
        .slice(k, end + 1)
        .map((x) => x.text)
        .join(' ');
      const e = ctx.people.resolveTitle(phrase, ctx.view.paragraph.number, head.start);
      return e ? { type: 'entity', entity: e, tokenIndex: end } : null;
    }
    if (PREPOSITIONS.has(t.lower) || speechVerb(t.lower)) return null;
    k--;
  }
  return null;
}

/**
 * The subject right before a verb: a name ("Lavrov said"), a name with an appositive
 * ("Hasan Sultonov, the Tajik representative to the CSTO, said"), a pronoun ("he said") or a
 * role reference ("the minister said"). Adverbs and auxiliaries in between are skipped.
 *
 * @param ctx - paragraph view and people
 * @param verbIdx - token index of the verb
 * @param floor - first token index the subject may use
 * @returns the subject, or null when the words before the verb are not a safe subject
 */
export function subjectBefore(ctx: RuleContext, verbIdx: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  let k = verbIdx - 1;
  while (
    k >= floor &&
    (toks[k] as Token).word &&
    (SKIPPABLE.has((toks[k] as Token).lower) || /ly$/.test((toks[k] as Token).lower)) &&
    !(toks[k] as Token).capital
  )
    k--;
  if (k < floor) return null;
  let t = toks[k] as Token;
  if (ctx.view.quoted[k]) return null;
  if (
    t.text === ',' &&
    k - 1 >= floor &&
    mentionEntity(ctx, k - 1) &&
    !(ctx.view.mentionOf[k - 1] as Mention).possessive &&
    toks[k - 1]?.word
  ) {
    // "Its leader, Ana Kovac, said": the name sits right before the comma.
    const e = mentionEntity(ctx, k - 1) as Entity;
    const m = ctx.view.mentionOf[k - 1] as Mention;
    const firstIdx = tokenAt(ctx.view, m.fullStart);
    if (toks[firstIdx - 1]?.text === ',') return { type: 'entity', entity: e, tokenIndex: k - 1 };
  }
  if (t.text === ',') {
    // "NAME, appositive, said": find the comma opening the appositive.
    let j = k - 1;
    const reach = Math.max(floor, k - MAX_APPOSITIVE_TOKENS);
    while (j > reach && toks[j]?.text !== ',' && !ctx.view.quoted[j] && toks[j]?.text !== '.') j--;
    if (j <= floor || toks[j]?.text !== ',') return null;
    k = j - 1;
    t = toks[k] as Token;
    if (!t || ctx.view.quoted[k]) return null;
  }
  if (!t.word) return null;
  if (t.capital && !ctx.view.mentionOf[k] && !PRONOUNS.has(t.lower)) {
    // "Mitch McConnell of Kentucky called": skip a place after "of" / "from" back to the person.
    let j = k;
    while (j > floor && (toks[j] as Token).capital && !ctx.view.mentionOf[j]) j--;
    const prep = toks[j];
    if (prep && (prep.lower === 'of' || prep.lower === 'from') && j - 1 >= floor) {
      const e = mentionEntity(ctx, j - 1);
      if (e && e.kind === 'person') return { type: 'entity', entity: e, tokenIndex: j - 1 };
    }
    return null;
  }
  if (t.lower === 'who' && !t.capital) return relativeAntecedent(ctx, k, floor);
  if (PRONOUNS.has(t.lower)) {
    const prev = toks[k - 1];
    // "that he said", "as he said" still have "he" as the subject; "told him" never reaches here.
    return prev && prev.word && PREPOSITIONS.has(prev.lower) && prev.lower !== 'as'
      ? null
      : { type: 'pronoun', pronoun: t.lower, tokenIndex: k };
  }
  const e = mentionEntity(ctx, k);
  if (e) {
    const m = ctx.view.mentionOf[k] as Mention;
    if (m.possessive || m.modifier) return null;
    // "... of Kentucky said": a name after a preposition is not the subject, unless it is the
    // tail of "Mitch McConnell of Kentucky" (then the name before "of" is).
    const firstIdx = tokenAt(ctx.view, m.fullStart);
    const prep = prepositionBefore(ctx, firstIdx, e.kind !== 'person');
    if (prep >= 0) {
      // "Lucy Fischer of The Times said": the person the organisation is attached to speaks.
      const head = affiliatedPerson(ctx, prep, floor);
      return head ? { type: 'entity', entity: head.entity, tokenIndex: head.index } : null;
    }
    return { type: 'entity', entity: e, tokenIndex: k };
  }
  return titleRefEnding(ctx, k, floor);
}

/**
 * The person a relative "who" refers to: "led by Ana Ruiz, a soil chemist at the institute, who
 * said" -> Ana Ruiz. The name right before the comma that opens the relative clause, or the
 * name before an appositive between commas.
 *
 * @param ctx - paragraph view and people
 * @param who - index of "who"
 * @param floor - first token index the name may use
 */
export function relativeAntecedent(ctx: RuleContext, who: number, floor: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  if (toks[who - 1]?.text !== ',') return null;
  let commas = 0;
  for (let j = who - 1; j > floor && j >= who - MAX_APPOSITIVE_TOKENS; j--) {
    if (ctx.view.quoted[j]) return null;
    const t = toks[j] as Token;
    if (t.text === '.' || t.text === ';') return null;
    if (t.text !== ',') continue;
    commas++;
    const e = mentionEntity(ctx, j - 1);
    const m = ctx.view.mentionOf[j - 1];
    if (e && m && e.kind === 'person' && !m.possessive)
      return { type: 'entity', entity: e, tokenIndex: j - 1 };
    if (commas >= 2) return null;
  }
  return null;
}

/** Possessive determiners: a name after one is owned, not acting ("her Twitter account"). */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/**
 * When token i closes an aside set off by dashes or brackets ("— which the BBC noted —",
 * "(no relation)"), the index of the token that opens it, so a backward scan steps over the
 * aside; otherwise i.
 *
 * @param view - the paragraph view
 * @param i - a token index
 * @param floor - the aside must open at or after this index
 */
export function openingOfAside(view: ParagraphView, i: number, floor: number): number {
  const t = view.tokens[i];
  if (!t || view.quoted[i]) return i;
  const opener = t.text === ')' ? '(' : t.text === '—' || t.text === '–' ? t.text : null;
  if (opener === null) return i;
  for (let j = i - 1; j >= floor && j >= i - MAX_APPOSITIVE_TOKENS; j--) {
    if (view.quoted[j]) return i;
    if ((view.tokens[j] as Token).text === opener) return j;
  }
  return i;
}

/**
 * Index of the preposition a mention stands after ("of Kentucky", "of the Center for ..."), or
 * -1. For an organisation, determiners, possessives and a few lowercase modifiers may stand in
 * between ("of worldwide victim group Ending Clergy Abuse", "of the UK's National Crime Agency").
 *
 * @param ctx - paragraph view and people
 * @param firstIdx - first token of the mention (its title included)
 * @param organisation - the mention names an organisation or place
 */
export function prepositionBefore(ctx: RuleContext, firstIdx: number, organisation: boolean): number {
  const toks = ctx.view.tokens;
  let j = firstIdx - 1;
  // "of the Holy Synod": no person is named after "the", so a determiner never hides the preposition.
  for (let n = 0; n < 4 && j >= 0; n++, j--) {
    const t = toks[j] as Token;
    if (!t.word || ctx.view.quoted[j] || PREPOSITIONS.has(t.lower)) break;
    const modifier =
      DETERMINERS.has(t.lower) ||
      (organisation && t.possessive) ||
      (!t.capital && !verbAt(ctx.view, j) && !SKIPPABLE.has(t.lower));
    if (!modifier) break;
  }
  const before = toks[j];
  return before && before.word && PREPOSITIONS.has(before.lower) ? j : -1;
}

/**
 * The person an affiliation preposition attaches to: "Mitch McConnell of Kentucky",
 * "Anderson Cooper, of CNN,".
 *
 * @param ctx - paragraph view and people
 * @param prep - index of the preposition
 * @param floor - first token index the person may use
 */
export function affiliatedPerson(
  ctx: RuleContext,
  prep: number,
  floor: number,
): { entity: Entity; index: number } | null {
  const word = (ctx.view.tokens[prep] as Token).lower;
  if (!AFFILIATION_PREPOSITIONS.has(word)) return null;
  let head = prep - 1;
  if (ctx.view.tokens[head]?.text === ',') head--;
  if (head < floor) return null;
  const he = mentionEntity(ctx, head);
  const m = ctx.view.mentionOf[head];
  return he && m && he.kind === 'person' && !m.possessive ? { entity: he, index: head } : null;
}

/**
 * The speaker right after an inverted verb: "said Lotfi Azzouz, ...", "said White House press
 * secretary Josh Earnest", "said the Tajik representative, Hasan Sultonov", "said the minister".
 *
 * @param ctx - paragraph view and people
 * @param verbIdx - token index of the verb
 * @param ceil - token index the speaker must end before
 */
export function speakerAfter(ctx: RuleContext, verbIdx: number, ceil: number): SpeakerRef | null {
  const toks = ctx.view.tokens;
  let k = verbIdx + 1;
  const first = toks[k];
  if (!first || k >= ceil || ctx.view.quoted[k]) return null;
  if (first.word && PRONOUNS.has(first.lower))
    return { type: 'pronoun', pronoun: first.lower, tokenIndex: k };
  if (first.word && /^(the|a|an)$/.test(first.lower)) {
    // A role phrase, then maybe ", NAME".
    let j = k + 1;
    while (j < ceil && (toks[j] as Token).word && !ctx.view.quoted[j] && (toks[j] as Token).lower !== 'that')
      j++;
    const sep = toks[j];
    if (sep?.text === ',' && j + 1 < ceil) {
      const e = mentionEntity(ctx, j + 1);
      const m = ctx.view.mentionOf[j + 1];
      if (e && m && !m.possessive) return { type: 'entity', entity: e, tokenIndex: j + 1 };
    }
    // "said the minister": the phrase up to its first preposition.
    let end = k + 1;
    while (end + 1 < j && !PREPOSITIONS.has((toks[end + 1] as Token).lower)) end++;
    return titleRefEnding(ctx, end, k);
  }
  for (let n = 0; k < ceil && n < 8; k++, n++) {
    const t = toks[k] as Token;
    if (!t.word || ctx.view.quoted[k]) return null;
    const e = mentionEntity(ctx, k);
    const m = ctx.view.mentionOf[k];
    if (e && m && !m.possessive) return { type: 'entity', entity: e, tokenIndex: k };
    if (!t.capital && !isRoleNoun(t.lower) && !/^[\p{Ll}-]+$/u.test(t.text)) return null;
    if (PREPOSITIONS.has(t.lower) || t.lower === 'that' || speechVerb(t.lower)) return null;
  }
  return null;
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

export function verbAt(view: ParagraphView, i: number): SpeechVerb | null {
  const t = view.tokens[i];
  if (!t || !t.word || t.capital || view.quoted[i]) return null;
  if (AUXILIARIES.has(view.tokens[i + 1]?.lower ?? '')) return null;
  return speechVerb(t.lower);
}

/** A passive ("was described as") or infinitive ("to say") verb names no speaker before it. */
export function isPassiveOrInfinitive(view: ParagraphView, i: number): boolean {
  const prev = view.tokens[i - 1];
  if (!prev || !prev.word) return false;
  if (prev.lower === 'to' || prev.lower === 'by') return true;
  if (BE_FORMS.has(prev.lower))
    return (view.tokens[i] as Token).lower.endsWith('ed') || (view.tokens[i] as Token).lower === 'told';
  const prev2 = view.tokens[i - 2];
  return prev2 !== undefined && BE_FORMS.has(prev2.lower) && /ly$/.test(prev.lower);
}

/**
 * Trailing and inverted attribution after the closing mark, in the same sentence:
 * `“…,” Lavrov said` / `“…,” he said` / `“…” in that law, Azzouz said` (trailing) and
 * `“…,” said Lotfi Azzouz` / `“…,” said the Tajik representative, Hasan Sultonov` (inverted).
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function attributeAfter(ctx: RuleContext, mark: QuoteMark): Attribution | null {
  if (!mark.closed) return null;
  const view = ctx.view;
  const w = windowOf(view, mark);
  const from = w.last + 1;
  for (let i = from; i <= w.sentEnd && i < from + 18; i++) {
    const v = verbAt(view, i);
    if (!v || v.participle || isPassiveOrInfinitive(view, i)) continue;
    if (noWordsIn(view, from, i)) {
      const ref = speakerAfter(ctx, i, w.sentEnd + 1);
      if (ref) return { ref, rule: 'inverted', verb: v.form };
      continue;
    }
    const ref = subjectBefore(ctx, i, from);
    if (ref) return { ref, rule: 'trailing', verb: v.form };
    if (v.weak) continue;
    return null;
  }
  return null;
}

/**
 * Leading and same-sentence attribution before the opening mark: `Lavrov said: “…”`,
 * `he said “every president …”` (leading), `Lavrov described the exit as a “hasty withdrawal.”`,
 * `The leader, Rachid Ghannouchi, condemned the attack, saying in a statement that it “…”`
 * (same-sentence).
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 * @param short - the quotation has two words or fewer: weak verbs ("called it “terrorism”") do not count
 */
export function attributeBefore(ctx: RuleContext, mark: QuoteMark, short: boolean): Attribution | null {
  const view = ctx.view;
  const w = windowOf(view, mark);
  // Earlier partial quotes of the same sentence do not hide its verb ("X said it was “a” and “b”").
  w.sentStart = w.first < view.tokens.length ? (indexOfView(view).runStart[w.first] as number) : w.first;
  for (let i = w.first - 1; i >= w.sentStart && i >= w.first - MAX_LEAD_TOKENS; i--) {
    i = openingOfAside(view, i, w.sentStart);
    const v = verbAt(view, i);
    if (!v) continue;
    if (isPassiveOrInfinitive(view, i)) return null;
    if (v.weak && (short || w.first - i > 6)) continue;
    const direct = noWordsIn(view, i + 1, w.first) || view.tokens[w.first - 1]?.text === ':';
    let ref: SpeakerRef | null;
    if (v.participle) {
      // ", saying ...": the subject of the main clause (its first name outside a preposition).
      if (view.tokens[i - 1]?.text !== ',') return null;
      ref = mainSubject(ctx, w.sentStart, i);
    } else {
      ref = subjectBefore(ctx, i, w.sentStart);
    }
    if (!ref) return null;
    return { ref, rule: direct ? 'leading' : 'same-sentence', verb: v.form };
  }
  return null;
}

/** The first name in [from, to) that is not the object of a preposition nor a possessive. */
export function mainSubject(ctx: RuleContext, from: number, to: number): SpeakerRef | null {
  for (let k = from; k < to; k++) {
    const t = ctx.view.tokens[k] as Token;
    if (ctx.view.quoted[k]) continue;
    if (t.word && PRONOUNS.has(t.lower) && k === from)
      return { type: 'pronoun', pronoun: t.lower, tokenIndex: k };
    const e = mentionEntity(ctx, k);
    if (!e) continue;
    const m = ctx.view.mentionOf[k] as Mention;
    const firstIdx = tokenAt(ctx.view, m.fullStart);
    const before = ctx.view.tokens[firstIdx - 1];
    while (k + 1 < to && ctx.view.mentionOf[k + 1] === m) k++;
    // "posted to her Twitter account", "of the Center for ...": not the clause's subject.
    const owned = before !== undefined && POSSESSIVE_DETERMINERS.has(before.lower);
    if (m.possessive || m.modifier || owned || prepositionBefore(ctx, firstIdx, e.kind !== 'person') >= 0)
      continue;
    return { type: 'entity', entity: e, tokenIndex: k };
  }
  return null;
}

/**
 * "according to SPEAKER" anywhere in the quotation's sentence, outside quotation marks.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function attributeAccordingTo(ctx: RuleContext, mark: QuoteMark): Attribution | null {
  const view = ctx.view;
  const w = windowOf(view, mark);
  const according = indexOfView(view).according;
  let lo = 0;
  let hi = according.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((according[mid] as number) < w.sentStart) lo = mid + 1;
    else hi = mid;
  }
  for (let a = lo; a < according.length && (according[a] as number) < w.sentEnd; a++) {
    const i = according[a] as number;
    for (let k = i + 2; k <= w.sentEnd && k < i + 12; k++) {
      const t = view.tokens[k] as Token;
      if (!t.word || view.quoted[k]) break;
      const e = mentionEntity(ctx, k);
      if (e && !(view.mentionOf[k] as Mention).possessive)
        return {
          ref: { type: 'entity', entity: e, tokenIndex: k },
          rule: 'according-to',
          verb: 'according to',
        };
      if (PREPOSITIONS.has(t.lower) && k > i + 2) break;
    }
    // "according to the spokesman": a role phrase.
    let end = i + 2;
    while (
      end + 1 <= w.sentEnd &&
      (view.tokens[end + 1] as Token).word &&
      !PREPOSITIONS.has((view.tokens[end + 1] as Token).lower)
    )
      end++;
    const ref = titleRefEnding(ctx, end, i + 2);
    if (ref) return { ref, rule: 'according-to', verb: 'according to' };
  }
  return null;
}

/**
 * The speech act of a narration sentence: its speech verb with a subject ("Lavrov said Moscow
 * is prepared ..."). Used by the previous-sentence rule and by claims.
 *
 * @param ctx - paragraph view and people
 * @param sentence - 1-based sentence index in the paragraph
 */
export function sentenceSpeech(ctx: RuleContext, sentence: number): Attribution | null {
  const view = ctx.view;
  const [from, to] = sentenceTokens(view, sentence);
  let floor = from;
  for (let i = from; i < to; i++) {
    if (view.sentence[i] !== sentence) continue;
    // The subject may reach back to the sentence start or the last quoted token before the verb.
    if (i > from && (view.sentence[i - 1] !== sentence || view.quoted[i - 1])) floor = i;
    const v = verbAt(view, i);
    if (!v || v.weak || isPassiveOrInfinitive(view, i)) continue;
    const ref = v.participle
      ? view.tokens[i - 1]?.text === ','
        ? mainSubject(ctx, floor, i)
        : null
      : subjectBefore(ctx, i, floor);
    if (ref) return { ref, rule: 'previous-sentence', verb: v.form };
  }
  return null;
}

/** Word count of a quotation's text. */
function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * True for quoted text that is a title, a name or a scare-quoted term rather than speech: two
 * words or fewer, or a short run of capitalised words ("Translate Website", a film title).
 *
 * @param text - the words inside the marks
 */
export function looksLikeTerm(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length <= 2) return true;
  return (
    words.length <= 6 &&
    !/[.!?,;]\s*$/.test(text.trim()) &&
    words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|the|a|an|and|in|on|for|to|with)$/.test(w))
  );
}

/** Per-sentence discourse state: who the sentence is about (for pronouns). */
interface SentenceRecord {
  paragraph: number;
  sentence: number;
  /** The speaker of a quote or claim in the sentence, once known. */
  speaker: Entity | null;
  /** The first name in subject position (not after a preposition, not possessive). */
  subject: Entity | null;
  /** The sentence names some person outside quotation marks. */
  namesPerson: boolean;
  namesAny: boolean;
}

/**
 * Document-order memory of sentence subjects and speakers, used to resolve "he said": a pronoun
 * resolves to the subject of the most recent sentence that names someone (not merely the nearest
 * name: "Lavrov said Moscow is prepared ... “…,” he said" is Lavrov), and he / she only to people.
 */
export class Discourse {
  private readonly records: SentenceRecord[] = [];
  /** Record index by "paragraph:sentence", and the last record of each paragraph. */
  private readonly at = new Map<string, number>();
  private readonly lastOf = new Map<number, number>();

  /**
   * Records a narration sentence (call in document order, before its quotes are attributed).
   *
   * @param ctx - the paragraph view
   * @param sentence - 1-based sentence index
   */
  addSentence(ctx: RuleContext, sentence: number): void {
    const view = ctx.view;
    let namesPerson = false;
    let namesAny = false;
    let subject: Entity | null = null;
    let from = -1;
    const [lo, hi] = sentenceTokens(view, sentence);
    for (let i = lo; i < hi; i++) {
      if (view.sentence[i] !== sentence) continue;
      if (from < 0) from = i;
      const e = view.quoted[i] ? null : mentionEntity(ctx, i);
      if (!e) continue;
      const m = view.mentionOf[i] as Mention;
      if (m.modifier) continue;
      namesAny = true;
      if (e.kind === 'person') namesPerson = true;
    }
    let to = from;
    while (to < view.tokens.length && view.sentence[to] === sentence) to++;
    if (from >= 0) {
      const ref = mainSubject(ctx, from, to);
      if (ref && ref.type === 'entity') subject = ref.entity;
    }
    const key = `${view.paragraph.number}:${sentence}`;
    if (!this.at.has(key)) this.at.set(key, this.records.length);
    this.lastOf.set(view.paragraph.number, this.records.length);
    this.records.push({
      paragraph: view.paragraph.number,
      sentence,
      speaker: null,
      subject,
      namesPerson,
      namesAny,
    });
  }

  /**
   * Notes the speaker of a quote or claim in a recorded sentence.
   *
   * @param paragraph - paragraph number
   * @param sentence - sentence index
   * @param speaker - the resolved speaker
   */
  setSpeaker(paragraph: number, sentence: number, speaker: Entity): void {
    const r = this.records[this.at.get(`${paragraph}:${sentence}`) ?? -1];
    if (r && r.speaker === null) r.speaker = speaker;
  }

  /**
   * The last speaker of a paragraph's final sentence (for an all-quote paragraph that follows).
   *
   * @param paragraph - paragraph number
   */
  lastSpeakerOf(paragraph: number): Entity | null {
    return this.records[this.lastOf.get(paragraph) ?? -1]?.speaker ?? null;
  }

  /**
   * Resolves a pronoun used in a sentence to the entity it most likely names.
   *
   * @param pronoun - he / she / they / it / we
   * @param paragraph - where the pronoun stands
   * @param sentence - its sentence
   * @returns the entity, or null when no safe antecedent exists
   */
  resolve(pronoun: string, paragraph: number, sentence: number): Entity | null {
    const personal = pronoun === 'he' || pronoun === 'she';
    const fits = (e: Entity | null): e is Entity =>
      e !== null && (personal ? e.kind === 'person' : pronoun === 'it' ? e.kind !== 'person' : true);
    const idx = this.at.get(`${paragraph}:${sentence}`) ?? this.records.length;
    const stopParagraph = paragraph - 3;
    for (let k = idx - 1; k >= 0; k--) {
      const r = this.records[k] as SentenceRecord;
      if (r.paragraph < stopParagraph) return null;
      if (r.speaker) return fits(r.speaker) ? r.speaker : null;
      if (personal ? r.namesPerson : r.namesAny) {
        if (fits(r.subject)) return r.subject;
        // The sentence names someone, but not as its subject: no safe antecedent.
        return null;
      }
    }
    return null;
  }
}

/** What the ordered rules found, with where the speaker stands (for the confidence). */
export interface RuleFinding {
  speaker: Entity | null;
  rule: AttributionRule | null;
  verb: string | null;
  /** The token naming the speaker, in the paragraph where the rule found it. */
  at?: { ctx: RuleContext; tokenIndex: number };
  viaPronoun?: boolean;
}

/** A quotation with its attribution, before ids are assigned. */
export interface AttributedQuote {
  raw: RawQuote;
  speaker: Entity | null;
  rule: AttributionRule | null;
  verb: string | null;
  partial: boolean;
  text: string;
  display: string;
  span: Span;
  confidence?: number;
}

/**
 * Attributes one quotation with the ordered rules (trailing / inverted, split, leading,
 * according-to, same-sentence, previous-sentence, previous-quote, continuation).
 *
 * @param ctx - the view of the paragraph where the quotation opens
 * @param raw - the quotation
 * @param earlier - quotations already attributed in the same paragraph, in order
 * @param discourse - sentence memory for pronouns and paragraph continuations
 * @param lastCtx - the view of the paragraph where a multi-paragraph quotation ends
 */
export function attributeQuote(
  ctx: RuleContext,
  raw: RawQuote,
  earlier: readonly AttributedQuote[],
  discourse: Discourse,
  lastCtx: RuleContext | null,
): AttributionResult {
  const found = attributeByRules(ctx, raw, earlier, discourse, lastCtx);
  if (!found.speaker || !found.rule) return { speaker: null, rule: null, verb: null, confidence: 0 };
  const confidence = attributionConfidence(ctx, raw.mark, found);
  if (confidence < MIN_CONFIDENCE) return { speaker: null, rule: null, verb: null, confidence };
  return { speaker: found.speaker, rule: found.rule, verb: found.verb, confidence };
}

/** A quotation's attribution and how sure the rules are of it (0 to 1). */
export interface AttributionResult {
  speaker: Entity | null;
  rule: AttributionRule | null;
  verb: string | null;
  confidence: number;
}

function attributeByRules(
  ctx: RuleContext,
  raw: RawQuote,
  earlier: readonly AttributedQuote[],
  discourse: Discourse,
  lastCtx: RuleContext | null,
): RuleFinding {
  const view = ctx.view;
  const mark = raw.mark;
  const inner = view.paragraph.text.slice(mark.innerStart, mark.innerEnd);
  const short = wordCount(inner) <= 2;
  const sentenceOfMark = view.sentence[tokenAt(view, mark.open)] ?? 1;
  const resolve = (a: Attribution | null, c: RuleContext): RuleFinding | null => {
    if (!a) return null;
    const at = { ctx: c, tokenIndex: a.ref.tokenIndex };
    if (a.ref.type === 'entity')
      return { speaker: a.ref.entity, rule: a.rule, verb: a.verb, at, viaPronoun: false };
    const tok = c.view.tokens[a.ref.tokenIndex] as Token;
    const e = discourse.resolve(
      a.ref.pronoun,
      c.view.paragraph.number,
      c.view.sentence[a.ref.tokenIndex] ?? 1,
    );
    if (!e) return null;
    c.people.addMention(e.id, {
      citation: {
        article: e.article,
        paragraph: c.view.paragraph.number,
        sentence: c.view.sentence[a.ref.tokenIndex] ?? 1,
      },
      start: tok.start,
      end: tok.end,
    });
    return { speaker: e, rule: a.rule, verb: a.verb, at, viaPronoun: true };
  };

  const fail: RuleFinding = { speaker: null, rule: null, verb: null };
  // 1. Trailing / inverted, after the closing mark (for a multi-paragraph quote, after its end).
  const endCtx = raw.continued.length > 0 && lastCtx ? lastCtx : ctx;
  const endMark =
    raw.continued.length > 0 ? (raw.continued[raw.continued.length - 1] as { mark: QuoteMark }).mark : mark;
  const after = resolve(attributeAfter(endCtx, endMark), endCtx);
  if (after) return after;
  // 2. Split: `“…,” he said, “…”` continues the previous quotation's speaker.
  const prev = earlier[earlier.length - 1];
  if (prev && prev.speaker && (prev.rule === 'trailing' || prev.rule === 'inverted')) {
    const between = view.paragraph.text.slice(prev.raw.mark.end, mark.open);
    if (!/[.!?]/.test(between) && between.trim().endsWith(','))
      return { speaker: prev.speaker, rule: 'split', verb: prev.verb };
  }
  // 3. Leading / same-sentence: a speech verb with its subject before the opening mark.
  const before = resolve(attributeBefore(ctx, mark, short), ctx);
  if (before) return before;
  // 4. "according to ...".
  const acc = resolve(attributeAccordingTo(ctx, mark), ctx);
  if (acc) return acc;
  // 4b. A colon introduction, then a fragment framed by its clause's verb (cues.ts).
  const colon = resolve(attributeColon(ctx, mark), ctx);
  if (colon) return colon;
  const framed = resolve(attributeFramed(ctx, mark), ctx);
  if (framed) return framed;
  if (short) return fail;
  // The remaining rules only apply to a quotation that opens its sentence.
  const w = windowOf(view, mark);
  const opensSentence = noWordsIn(view, w.sentStart, w.first);
  // 5. Previous quotation in this paragraph; also "Abbas “has put aside …”" with no speech verb
  // of its own, which can only be the previous speaker still talking.
  let noVerb = true;
  for (let i = w.sentStart; i <= w.sentEnd && noVerb; i++)
    if (!view.quoted[i] && verbAt(view, i)) noVerb = false;
  if (prev && prev.speaker && (opensSentence || noVerb))
    return { speaker: prev.speaker, rule: 'previous-quote', verb: prev.verb };
  // 6. Previous sentence of this paragraph: "Lavrov said ... . “…”".
  if (opensSentence && sentenceOfMark > 1 && !prev) {
    const found = resolve(sentenceSpeech(ctx, sentenceOfMark - 1), ctx);
    if (found) return found;
  }
  // 7. A paragraph made only of quotation, after a paragraph that ends with someone speaking.
  if (mark.open === 0 && !prev) {
    const narration = outsideQuotes(view);
    const paraIdx = ctx.view.paragraph.number;
    if (narration === 0) {
      const last = discourse.lastSpeakerOf(paraIdx - 1);
      if (last) return { speaker: last, rule: 'continuation', verb: null };
    }
  }
  return fail;
}

function outsideQuotes(view: ParagraphView): number {
  return view.tokens.filter((t, i) => t.word && !view.quoted[i]).length;
}

/** Quote ids and records from attributed drafts. */
export function toQuote(article: Article, q: AttributedQuote, n: number): Quote {
  return {
    id: `${article.id}#q${n}`,
    article: article.id,
    text: q.text,
    display: q.display,
    speaker: q.speaker?.name ?? null,
    speakerId: q.speaker?.id ?? null,
    rule: q.rule,
    verb: q.verb,
    partial: q.partial,
    span: q.span,
    paragraphs: [q.raw.paragraph, ...q.raw.continued.map((c) => c.paragraph)],
    ...(q.confidence !== undefined ? { confidence: Math.round(q.confidence * 100) / 100 } : {}),
  };
}

/**
 * True when a quotation is a fragment inside narration rather than a whole utterance: it starts
 * in lowercase, or narration words stand right before it in its sentence.
 *
 * @param view - the paragraph view
 * @param mark - the quotation
 */
export function isPartial(view: ParagraphView, mark: QuoteMark): boolean {
  const inner = view.paragraph.text.slice(mark.innerStart, mark.innerEnd).trimStart();
  if (/^[\p{Ll}]/u.test(inner)) return true;
  const w = windowOf(view, mark);
  const prevTok = view.tokens[w.first - 1];
  const wordsBefore = !noWordsIn(view, w.sentStart, w.first);
  return wordsBefore && prevTok !== undefined && prevTok.word;
}

/** Words in a quotation (exported for the extractor's filters). */
export { wordCount };
