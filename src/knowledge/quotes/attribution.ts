/**
 * Attribution: the ordered rules (trailing / inverted, split, leading, according-to, colon,
 * framed, previous quote, previous sentence, continuation) that give each quotation a speaker,
 * and the confidence below which it keeps `speaker: null`.
 */
import type { Article } from '../../article/types.ts';
import type { AttributionRule, Entity, Quote, Span } from '../types.ts';
import type { Token } from '../nlp.ts';
import type { Mention } from '../people.ts';
import { PREPOSITIONS, PRONOUNS } from '../lexicon/grammar.ts';
import {
  CLAUSE_OPENERS_AFTER_QUOTE,
  DOCUMENT_NOUNS,
  ECHO_NOUNS,
  GESTURE_VERBS,
  MENTION_NOUNS,
  OPENING_CLAUSE_WORDS,
  OWNER_PRONOUNS,
  PUT_IT_VERBS,
  SPEECH_NOUNS,
  SUBORDINATORS,
} from '../lexicon/cues.ts';
import { isFramingVerb, speechVerb } from '../speech-verbs.ts';
import {
  attributeColon,
  attributeFramed,
  documentAfter,
  documentSubject,
  relativeDocumentSubject,
} from '../cues.ts';
import { attributionConfidence, MIN_CONFIDENCE } from '../confidence.ts';
import { isShortSentence, wordCount, type QuoteMark, type RawQuote } from './marks.ts';
import {
  indexOfView,
  MAX_LEAD_TOKENS,
  mentionEntity,
  noWordsIn,
  sentenceTokens,
  tokenAt,
  windowOf,
  type Attribution,
  type ParagraphView,
  type RuleContext,
  type SpeakerRef,
} from './view.ts';
import {
  asideTopic,
  isNegated,
  isPassiveOrInfinitive,
  mainSubject,
  openingOfAside,
  participleSubject,
  quotingVerbBefore,
  roleBeforeParticiple,
  speakerAfter,
  subjectBefore,
  titleRefEnding,
  verbAt,
} from './grammar.ts';
import { accordingToSource, type Discourse, type PronounResolution } from './discourse.ts';
import { openingDocumentIssuer } from './bodies.ts';
import { trailingQuotedSubject } from './passives.ts';
import { sentenceRemark, sentenceStance } from './stance.ts';

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
  w.sentEnd = Math.max(w.sentEnd, sentenceAfterExclamation(view, mark, from, w.sentEnd));
  // "“…,” a phrase Ana Ruiz said she still hears": the words after the quote talk about it.
  if (echoesQuote(view, from)) return null;
  // "“…,” while her neighbour, Sam Achebe, told …": a new clause reports someone else.
  if (opensNewClause(view, from)) return null;
  for (let i = from; i <= w.sentEnd && i < from + 18; i++) {
    // "“…,” Ruiz was quoted as saying by the radio station": Ruiz, not the station.
    const quotedBy = trailingQuotedSubject(ctx, i, from);
    if (quotedBy) return { ref: quotedBy, rule: 'trailing', verb: 'quoted' };
    const v = verbAt(view, i);
    if (!v || v.participle || isPassiveOrInfinitive(view, i)) continue;
    if (noWordsIn(view, from, i)) {
      // "“…,” reads an SCW press release": the document's issuer speaks.
      const ref = speakerAfter(ctx, i, w.sentEnd + 1) ?? documentAfter(ctx, i, w.sentEnd + 1);
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

/** Tokens of a sentence opened right after a quote that ends in "!" or "?" that can hold its speaker. */
const AFTER_EXCLAMATION_SPAN = 8;

/**
 * Last token of the sentence that the splitter opened right after a quotation ending in "!" or
 * "?" (`“…!” Ana Ruiz wrote.`): the closing mark ends the quoted sentence, but the attribution
 * that follows still belongs to the quote. Bounded by the next quotation; -1 when the quote does
 * not end that way or its own sentence goes on past the closing mark.
 *
 * @param view - the paragraph view
 * @param mark - the quotation
 * @param from - first token after the closing mark
 * @param sentEnd - last token of the quotation's own sentence
 */
function sentenceAfterExclamation(
  view: ParagraphView,
  mark: QuoteMark,
  from: number,
  sentEnd: number,
): number {
  const inner = view.paragraph.text.slice(mark.innerStart, mark.innerEnd).trimEnd();
  if (!/[!?]$/.test(inner) || sentEnd >= from || from >= view.tokens.length) return -1;
  if (view.sentence[from] === view.sentence[from - 1]) return -1;
  const end = indexOfView(view).runEnd[from] as number;
  for (let k = from; k <= end && k < from + AFTER_EXCLAMATION_SPAN; k++) if (view.quoted[k]) return -1;
  const next = view.marks.find((m) => m.open >= mark.end);
  const bound = next ? tokenAt(view, next.open) - 1 : end;
  return Math.min(end, bound, from + AFTER_EXCLAMATION_SPAN - 1);
}

/** Forms of "mean" before "by" that quote someone's own words back ("what X meant by “…”"). */
const MEANT_FORMS = new Set(['meant', 'means', 'mean']);

/**
 * Index of "meant" in "… meant by “…”" right before the opening mark, or -1.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function meantByAt(ctx: RuleContext, mark: QuoteMark): number {
  const view = ctx.view;
  const first = windowOf(view, mark).first;
  const by = view.tokens[first - 1];
  const verb = view.tokens[first - 2];
  if (!by || !verb || by.lower !== 'by' || view.quoted[first - 1] || view.quoted[first - 2]) return -1;
  return MEANT_FORMS.has(verb.lower) ? first - 2 : -1;
}

/**
 * Whose words "what X meant by “…”" quotes back: the subject of "meant" (X), never the subject
 * of the clause around it (the one who asks what X meant). Null when "meant" has no named or
 * pronoun subject right before it.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 * @param meant - index of "meant"
 */
export function meantBySubject(ctx: RuleContext, mark: QuoteMark, meant: number): Attribution | null {
  const ref = subjectBefore(ctx, meant, windowOf(ctx.view, mark).sentStart);
  return ref ? { ref, rule: 'framed', verb: 'meant' } : null;
}

/**
 * "“…,” per the Riverside Ledger" / "“…” (per Ana Ruiz)": "per" right after the closing mark
 * credits the quotation to the name that follows it, as "according to" does.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function attributePer(ctx: RuleContext, mark: QuoteMark): Attribution | null {
  if (!mark.closed) return null;
  const view = ctx.view;
  let k = windowOf(view, mark).last + 1;
  while (view.tokens[k] && /^[,(]$/.test((view.tokens[k] as Token).text)) k++;
  if (view.tokens[k]?.lower !== 'per' || view.quoted[k]) return null;
  k++;
  if (view.tokens[k]?.lower === 'the') k++;
  const e = mentionEntity(ctx, k);
  const m = view.mentionOf[k];
  if (!e || !m || m.possessive || tokenAt(view, m.fullStart) !== k) return null;
  return { ref: { type: 'entity', entity: e, tokenIndex: k }, rule: 'according-to', verb: 'per' };
}

/**
 * True when a quotation before a trailing attribution stands inside its sentence's own report
 * ("Lt. Ana Ruiz said the man walked in — and “…,” Merrit says", "Ruiz said the operator “…,”
 * the agency reported"): words precede the opening mark in its sentence, so the trailing verb
 * relays the whole sentence, and a speech verb of that report (its subject) says whose words
 * the marks hold.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function reportInside(ctx: RuleContext, mark: QuoteMark): boolean {
  const w = windowOf(ctx.view, mark);
  return !noWordsIn(ctx.view, w.sentStart, w.first);
}

/**
 * True when the first word after a closing mark (past a comma) opens a new clause: "while",
 * "but", "although" … (`lexicon/cues.ts`).
 *
 * @param view - the paragraph view
 * @param from - the first token after the closing mark
 */
export function opensNewClause(view: ParagraphView, from: number): boolean {
  let k = from;
  while (k < view.tokens.length && !(view.tokens[k] as Token).word && (view.tokens[k] as Token).text === ',')
    k++;
  const t = view.tokens[k];
  return t !== undefined && t.word && !view.quoted[k] && CLAUSE_OPENERS_AFTER_QUOTE.has(t.lower);
}

/**
 * True when the words right after a closing mark name the quotation itself ("…,” a phrase she
 * still uses", "…,” words that the mayor repeated"): a noun for words, after an article.
 *
 * @param view - the paragraph view
 * @param from - the first token after the closing mark
 */
export function echoesQuote(view: ParagraphView, from: number): boolean {
  let k = from;
  while (k < view.tokens.length && !(view.tokens[k] as Token).word) k++;
  const det = view.tokens[k];
  const noun = view.tokens[k + 1];
  if (!det || !noun || !/^(a|an|the|words)$/.test(det.lower)) return false;
  return det.lower === 'words' || MENTION_NOUNS.has(noun.lower) || ECHO_NOUNS.has(noun.lower);
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
    // "She said the firm did not comment on “…”": a denied speech act is nobody's words.
    if (!v || isNegated(view, i)) continue;
    if (isPassiveOrInfinitive(view, i)) return null;
    if (v.weak && (short || w.first - i > 6)) {
      // "…, a promise Ward called “brave.”": the weak verb's own subject frames the fragment, so
      // no verb further back (another clause's) may claim it; the framed rule reads it.
      if (short && weakVerbHasSubject(ctx, i, w.sentStart)) return null;
      continue;
    }
    const direct = noWordsIn(view, i + 1, w.first) || view.tokens[w.first - 1]?.text === ':';
    let ref: SpeakerRef | null;
    if (v.participle) {
      // ", saying ...": the subject of the main clause; "with X saying": X.
      ref = participleSubject(ctx, i, w.sentStart);
      // "A release from X quoted her as saying", "recalled his predecessor telling him": the
      // person quoted or nobody, never the quoter.
      if (!ref && (quotingVerbBefore(ctx, i, w.sentStart) >= 0 || roleBeforeParticiple(ctx, i))) return null;
    } else {
      ref = subjectBefore(ctx, i, w.sentStart);
    }
    // "Police confirmed the arrest in a tweet that said “…”": the clause's subject posted it.
    ref ??= relativeDocumentSubject(ctx, i, w.sentStart) ?? documentSubject(ctx, w.sentStart, i);
    if (!ref) return null;
    return { ref, rule: direct ? 'leading' : 'same-sentence', verb: v.form };
  }
  return null;
}

/**
 * True when a weak verb before a short fragment has a named or pronoun subject right before it
 * ("a promise Ward called “brave”", "which she called “odd”"): the fragment is that subject's.
 *
 * @param ctx - paragraph view and people
 * @param verb - index of the weak verb
 * @param floor - first token index the subject may use
 */
export function weakVerbHasSubject(ctx: RuleContext, verb: number, floor: number): boolean {
  const prev = ctx.view.tokens[verb - 1];
  if (!prev || !prev.word || ctx.view.quoted[verb - 1]) return false;
  return subjectBefore(ctx, verb, floor) !== null;
}

/** How far before a quotation the speech noun owning its clause may stand, in tokens. */
const MAX_NOUN_CLAUSE_TOKENS = 30;

/**
 * The speech noun whose clause holds the quotation: "rejected Ortega's claim that the plan was
 * “…”", "Responding to Whitcombe's assertion that fares had been “…”". A speech noun
 * (`lexicon/cues.ts`) with an owner before it (a possessive or his / her / their / its) and
 * "that", "of" or "as" after it, with no speech verb, other quotation or sentence break between
 * it and the mark. Returns the noun's index or -1.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function ownedSpeechNoun(ctx: RuleContext, mark: QuoteMark): number {
  const view = ctx.view;
  const w = windowOf(view, mark);
  for (let i = w.first - 1; i > w.sentStart && i >= w.first - MAX_NOUN_CLAUSE_TOKENS; i--) {
    const t = view.tokens[i] as Token;
    if (view.quoted[i] || /^[.;:!?]$/.test(t.text)) return -1;
    if (!t.word) continue;
    if (SPEECH_NOUNS.has(t.lower) && /^(that|of|as)$/.test(view.tokens[i + 1]?.lower ?? '')) {
      const owner = view.tokens[i - 1] as Token;
      if (!owner.word || !(owner.possessive || OWNER_PRONOUNS[owner.lower])) return -1;
      // "Ruiz dismissed Hale's comments as “…”": the "as" is the verb's, and so are the words.
      return view.tokens[i + 1]?.lower === 'as' && framingVerbBeforeOwner(ctx, i - 1) ? -1 : i;
    }
    if (verbAt(view, i)) return -1;
  }
  return -1;
}

/**
 * True when a speech or framing verb stands right before the owner of a speech noun, past the
 * owner's naming ("dismissed Hale's comments", "rejected his claim").
 *
 * @param ctx - paragraph view and people
 * @param owner - index of the owner (a possessive's last token, or his / her / their / its)
 */
function framingVerbBeforeOwner(ctx: RuleContext, owner: number): boolean {
  const view = ctx.view;
  const m = view.mentionOf[owner];
  const first = m ? tokenAt(view, m.fullStart) : owner;
  const t = view.tokens[first - 1];
  if (!t || !t.word || t.capital || view.quoted[first - 1]) return false;
  return verbAt(view, first - 1) !== null || isFramingVerb(t.lower);
}

/**
 * The owner of the speech noun at `noun` as the quotation's speaker: a named owner ("Ortega's
 * claim"), a pronoun ("his claim", resolved through the discourse), or null when the owner is
 * someone the article does not name ("the chamber's estimate"): then nobody is safe.
 *
 * @param ctx - paragraph view and people
 * @param noun - index of the speech noun (from `ownedSpeechNoun`)
 */
export function speechNounOwner(ctx: RuleContext, noun: number): Attribution | null {
  const owner = ctx.view.tokens[noun - 1] as Token;
  const verb = (ctx.view.tokens[noun] as Token).lower;
  const pronoun = OWNER_PRONOUNS[owner.lower];
  if (pronoun) return { ref: { type: 'pronoun', pronoun, tokenIndex: noun - 1 }, rule: 'framed', verb };
  const e = mentionEntity(ctx, noun - 1);
  return e ? { ref: { type: 'entity', entity: e, tokenIndex: noun - 1 }, rule: 'framed', verb } : null;
}

/**
 * A parenthesis that names whose words the quotation is: "Ruiz said that, as Reyes put it, the
 * town was “…”", "In Ruiz's words, the plan was “…”", "Ruiz, quoting Reyes, said it was “…”".
 * The pattern stands before the mark in its sentence, with no other quotation between.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function attributeParenthesis(ctx: RuleContext, mark: QuoteMark): Attribution | null {
  const view = ctx.view;
  const w = windowOf(view, mark);
  const toks = view.tokens;
  const named = (k: number, possessive: boolean): Entity | null => {
    const e = mentionEntity(ctx, k);
    const m = view.mentionOf[k];
    return e && m && m.possessive === possessive ? e : null;
  };
  const at = (e: Entity | null, i: number, verb: string): Attribution | null =>
    e ? { ref: { type: 'entity', entity: e, tokenIndex: i }, rule: 'framed', verb } : null;
  const before = (i: number): string => {
    const m = view.mentionOf[i];
    return m ? (toks[tokenAt(view, m.fullStart) - 1]?.lower ?? '') : '';
  };
  for (let k = w.first - 1; k > w.sentStart && k >= w.first - MAX_NOUN_CLAUSE_TOKENS; k--) {
    const t = toks[k] as Token;
    if (view.quoted[k] || /^[.;:!?]$/.test(t.text)) return null;
    if (!t.word) continue;
    // "as Reyes put it"
    const verb = toks[k - 1]?.lower ?? '';
    if (t.lower === 'it' && PUT_IT_VERBS.has(verb) && before(k - 2) === 'as')
      return at(named(k - 2, false), k - 2, verb);
    // "in Ruiz's words"
    if (t.lower === 'words' && before(k - 1) === 'in') return at(named(k - 1, true), k - 1, 'words');
    // "quoting Reyes"
    if (t.lower === 'quoting') {
      const e = named(k + 1, false);
      if (e && e.kind === 'person') return at(e, k + 1, 'quoting');
    }
  }
  return null;
}

/**
 * True when the quotation sits in a relative clause set off by a comma ("Ana Ruiz, whom Tom
 * Reyes called “a coward,” said …"): "who", "whom", "whose" or "which" right after a comma, and
 * no other comma between it and the mark.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function inRelativeClause(ctx: RuleContext, mark: QuoteMark): boolean {
  const view = ctx.view;
  const w = windowOf(view, mark);
  for (let k = w.first - 1; k > w.sentStart && k >= w.first - MAX_NOUN_CLAUSE_TOKENS; k--) {
    const t = view.tokens[k] as Token;
    if (view.quoted[k] || /^[,;:.!?]$/.test(t.text)) return false;
    if (/^(who|whom|whose|which)$/.test(t.lower)) return view.tokens[k - 1]?.text === ',';
  }
  return false;
}

/**
 * True when the quotation sits in a sentence's opening subordinate clause ("When a panel member
 * asked whether it had been “ignored,” Lindgren said …", "After Castellano described it as “a
 * one-off,” Haines said …"): the sentence opens with a subordinator and no comma, colon or
 * semicolon stands before the mark. The attribution after the mark belongs to the main clause.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function inOpeningClause(ctx: RuleContext, mark: QuoteMark): boolean {
  const view = ctx.view;
  const w = windowOf(view, mark);
  const start = w.first < view.tokens.length ? (indexOfView(view).runStart[w.first] as number) : w.first;
  const first = view.tokens[start];
  if (!first || !first.word || view.quoted[start] || !SUBORDINATORS.has(first.lower)) return false;
  for (let k = start + 1; k < w.first; k++)
    if (!view.quoted[k] && /^[,;:]$/.test((view.tokens[k] as Token).text)) return false;
  return true;
}

/**
 * A sentence that opens with its speech verb: `Said the mayor: “…”`, `Remarked harbour engineer
 * Ana Ruiz, “…”`. The speaker follows the verb, before the quotation.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function attributeOpeningVerb(ctx: RuleContext, mark: QuoteMark): Attribution | null {
  const view = ctx.view;
  const w = windowOf(view, mark);
  const start = w.first < view.tokens.length ? (indexOfView(view).runStart[w.first] as number) : w.first;
  const t = view.tokens[start];
  if (!t || !t.word || !t.capital || view.quoted[start] || start + 1 >= w.first) return null;
  const v = speechVerb(t.lower);
  if (!v || v.participle || v.weak) return null;
  // "Asked whether Wrona had promised too much, she said": a participle clause, not "Said X".
  const next = view.tokens[start + 1];
  if (next && (OPENING_CLAUSE_WORDS.has(next.lower) || PREPOSITIONS.has(next.lower))) return null;
  const ref = speakerAfter(ctx, start, w.first);
  return ref ? { ref, rule: 'inverted', verb: v.form } : null;
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
    // "According to the BBC, a spokesman … expressed …; “…”": the cue's own subject speaks.
    if (i < w.first && cueBetween(ctx, i + 2, w.first)) return null;
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
 * True when the quotation's sentence credits a person with "according to" while the speaker found
 * is an organisation: the person reports, the organisation acts, and the quoted words may be
 * either's.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 * @param speaker - the speaker a rule found
 */
export function sourceRivalsOrganisation(ctx: RuleContext, mark: QuoteMark, speaker: Entity | null): boolean {
  if (!speaker || speaker.kind === 'person') return false;
  const view = ctx.view;
  const [from, to] = sentenceTokens(view, view.sentence[tokenAt(view, mark.open)] ?? 1);
  const source = accordingToSource(ctx, from, to);
  return source !== null && source.kind === 'person';
}

/**
 * True when a speech or framing verb stands outside quotation marks in [from, to): between "according
 * to X" and the quotation, another clause reports someone's words.
 *
 * @param ctx - paragraph view and people
 * @param from - first token to look at
 * @param to - token index to stop before
 */
export function cueBetween(ctx: RuleContext, from: number, to: number): boolean {
  const view = ctx.view;
  for (let k = from; k < to; k++) {
    const t = view.tokens[k] as Token;
    // Participles ("if written by the suspect", "saying") are no clause of their own.
    if (view.quoted[k] || !t.word || t.capital || /(ing|en)$/.test(t.lower)) continue;
    if (verbAt(view, k) || isFramingVerb(t.lower)) return true;
  }
  return false;
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

/** How many words may follow a gesture verb before its sentence ends ("laughed at the memory"). */
const MAX_AFTER_GESTURE = 4;

/**
 * A sentence that ends on its subject's gesture ("Asked whether two were too many, Marchetti
 * shrugged.", "Deshmukh laughed at the question."): the quotation opening the next sentence is
 * that subject's answer. The gesture verb is the sentence's last verb, with at most a few words
 * after it that name nobody.
 *
 * @param ctx - paragraph view and people
 * @param sentence - 1-based sentence index in the paragraph
 */
export function sentenceGesture(ctx: RuleContext, sentence: number): Attribution | null {
  const view = ctx.view;
  const [from, to] = sentenceTokens(view, sentence);
  let after = 0;
  for (let i = to - 1; i >= from; i--) {
    const t = view.tokens[i] as Token;
    if (view.sentence[i] !== sentence || !t.word) continue;
    if (view.quoted[i] || view.mentionOf[i]) return null;
    if (GESTURE_VERBS.has(t.lower)) {
      const ref = subjectBefore(ctx, i, from);
      return ref ? { ref, rule: 'previous-sentence', verb: t.lower } : null;
    }
    if (++after > MAX_AFTER_GESTURE) return null;
  }
  return null;
}

/**
 * True when a sentence's speech report holds another one with a person of its own as subject
 * ("Lindgren told the panel that her deputy, Colin Ashby, had warned her …"): a quotation after
 * it may be either person's words.
 *
 * @param ctx - paragraph view and people
 * @param sentence - 1-based sentence index
 * @param speech - the sentence's first speech act (from `sentenceSpeech`)
 */
export function reportsAnotherSpeaker(ctx: RuleContext, sentence: number, speech: Attribution): boolean {
  const view = ctx.view;
  const [, to] = sentenceTokens(view, sentence);
  const from = speech.ref.tokenIndex + 1;
  for (let i = from + 1; i < to; i++) {
    if (view.sentence[i] !== sentence) continue;
    const v = verbAt(view, i);
    if (!v || v.weak || v.participle || isPassiveOrInfinitive(view, i)) continue;
    const ref = subjectBefore(ctx, i, from);
    if (!ref) continue;
    if (ref.type === 'pronoun') continue;
    if (ref.entity.kind === 'person' && (speech.ref.type === 'pronoun' || ref.entity !== speech.ref.entity))
      return true;
  }
  return false;
}

/**
 * True when the words after a closing mark attribute it to something the article does not name
 * ("“…,” the memo said", "“…,” a report added"): a determiner, up to three words that name
 * nobody, then a speech verb. No earlier speaker may be carried over to it.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 */
export function unnamedTrailingSubject(ctx: RuleContext, mark: QuoteMark): boolean {
  if (!mark.closed) return false;
  const view = ctx.view;
  let k = windowOf(view, mark).last + 1;
  if (view.tokens[k]?.text === ',') k++;
  const det = view.tokens[k];
  if (!det || !det.word || view.quoted[k] || !/^(the|a|an|its|his|her|their)$/.test(det.lower)) return false;
  for (let j = k + 1; j <= k + 4 && j < view.tokens.length; j++) {
    const t = view.tokens[j] as Token;
    if (!t.word || view.quoted[j] || view.mentionOf[j]) return false;
    const v = verbAt(view, j);
    if (v) return j > k + 1 && !v.participle && !documentOfPreviousSentence(view, j - 1);
  }
  return false;
}

/**
 * "“…,” the statement said" where this paragraph or the one before named that document with its
 * issuer ("A statement from the premier's office blamed …"): the issuer's words. Only "the" and
 * the bare noun right before the verb.
 *
 * @param ctx - paragraph view and people
 * @param mark - the quotation
 * @param discourse - the documents named so far
 */
export function carriedDocument(ctx: RuleContext, mark: QuoteMark, discourse: Discourse): RuleFinding | null {
  if (!mark.closed) return null;
  const view = ctx.view;
  let k = windowOf(view, mark).last + 1;
  if (view.tokens[k]?.text === ',') k++;
  const [det, noun] = [view.tokens[k], view.tokens[k + 1]];
  if (!det || !noun || det.lower !== 'the' || view.quoted[k] || !DOCUMENT_NOUNS.has(noun.lower)) return null;
  const v = verbAt(view, k + 2);
  if (!v || v.participle) return null;
  const para = view.paragraph.number;
  const issuer = discourse.documentIssuer(para, noun.lower) ?? discourse.documentIssuer(para - 1, noun.lower);
  return issuer ? { speaker: issuer, rule: 'trailing', verb: v.form } : null;
}

/**
 * True when the token at `head` is a document noun ("statement") that the sentence before, in
 * the same paragraph, also names ("In a statement, Quillon said …. “…,” the statement said"):
 * the previous sentence's speaker issued it.
 *
 * @param view - the paragraph view
 * @param head - index of the noun
 */
function documentOfPreviousSentence(view: ParagraphView, head: number): boolean {
  const noun = (view.tokens[head] as Token).lower;
  const sentence = (view.sentence[head] as number) - 1;
  if (!DOCUMENT_NOUNS.has(noun) || sentence < 1) return false;
  const [from, to] = sentenceTokens(view, sentence);
  for (let k = from; k < to; k++)
    if (view.sentence[k] === sentence && !view.quoted[k] && (view.tokens[k] as Token).lower === noun)
      return true;
  return false;
}

/**
 * True when the narration between two quotations holds a single speech verb and no "that": it is
 * the first one's attribution and nothing more (`“…,” he said, “…”`). "“…,” Ruiz told Reyes, who
 * replied, “…”" and "“…,” Ruiz said, adding that Reyes had told her, “…”" report someone else.
 *
 * @param ctx - paragraph view and people
 * @param prev - the earlier quotation
 * @param mark - this quotation
 */
export function onlyOneCue(ctx: RuleContext, prev: QuoteMark, mark: QuoteMark): boolean {
  const view = ctx.view;
  let cues = 0;
  for (let k = tokenAt(view, prev.end); k < tokenAt(view, mark.open); k++) {
    const t = view.tokens[k] as Token;
    if (view.quoted[k] || !t.word) continue;
    if (t.lower === 'that' || t.lower === 'who' || t.lower === 'whom') return false;
    if (verbAt(view, k) && ++cues > 1) return false;
  }
  return true;
}

/**
 * True when the narration between two quotations of one sentence is the first one's attribution
 * followed by "adding" / "before adding" / "and added" and a colon or comma (`“…,” X said,
 * adding: “…”`): the second quotation is the same speaker's. Nobody else is named or referred
 * to after the adding verb.
 *
 * @param ctx - paragraph view and people
 * @param prev - the earlier quotation
 * @param mark - this quotation
 */
export function addsToPrevious(ctx: RuleContext, prev: QuoteMark, mark: QuoteMark): boolean {
  const view = ctx.view;
  const from = tokenAt(view, prev.end);
  const to = tokenAt(view, mark.open);
  const last = view.tokens[to - 1];
  if (!last || view.quoted[to - 1] || (last.text !== ':' && last.text !== ',')) return false;
  for (let k = to - 2; k >= from; k--) {
    const t = view.tokens[k] as Token;
    if (view.quoted[k]) return false;
    if (!t.word) continue;
    if (view.mentionOf[k] || PRONOUNS.has(t.lower)) return false;
    const v = verbAt(view, k);
    if (v) return v.lemma === 'add' && k > from;
  }
  return false;
}

/** What the ordered rules found, with where the speaker stands (for the confidence). */
export interface RuleFinding {
  speaker: Entity | null;
  rule: AttributionRule | null;
  verb: string | null;
  /** The token naming the speaker, in the paragraph where the rule found it. */
  at?: { ctx: RuleContext; tokenIndex: number };
  viaPronoun?: boolean;
  /** How the pronoun was resolved, when the speaker came through one. */
  pronoun?: PronounResolution;
  /** A context rule: another person is the subject of a clause between the speaker's naming and the quote. */
  otherSpeaker?: boolean;
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
    // "Armand, she says, “…”": the aside's pronoun is not the person it interrupts.
    const resolution = discourse.resolveDetail(
      a.ref.pronoun,
      c.view.paragraph.number,
      c.view.sentence[a.ref.tokenIndex] ?? 1,
      a.ref.tokenIndex,
      asideTopic(c, a.ref.tokenIndex),
    );
    const e = resolution.entity;
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
    return { speaker: e, rule: a.rule, verb: a.verb, at, viaPronoun: true, pronoun: resolution };
  };

  const fail: RuleFinding = { speaker: null, rule: null, verb: null };
  // 0. "rejected Ortega's claim that it was “…”": the owner of the speech noun is quoted, or
  // nobody when the article does not name the owner.
  const noun = ownedSpeechNoun(ctx, mark);
  if (noun >= 0) return resolve(speechNounOwner(ctx, noun), ctx) ?? fail;
  // "she doesn't know what Arnaud meant by “…”": the words are the one who meant them.
  const meant = meantByAt(ctx, mark);
  if (meant >= 0) return resolve(meantBySubject(ctx, mark, meant), ctx) ?? fail;
  // "as Reyes put it, the town was “…”", "in Ruiz's words": the parenthesis names the speaker.
  const parenthesis = resolve(attributeParenthesis(ctx, mark), ctx);
  if (parenthesis) return parenthesis;
  // 1. Trailing / inverted, after the closing mark (for a multi-paragraph quote, after its end).
  const endCtx = raw.continued.length > 0 && lastCtx ? lastCtx : ctx;
  const endMark =
    raw.continued.length > 0 ? (raw.continued[raw.continued.length - 1] as { mark: QuoteMark }).mark : mark;
  // "When X asked whether it was “…,” Y said", "Ruiz, whom Reyes called “…,” said": the verb
  // after the mark belongs to the main clause.
  const inClause = inOpeningClause(ctx, mark) || inRelativeClause(ctx, mark);
  const after = inClause ? null : resolve(attributeAfter(endCtx, endMark), endCtx);
  const unnamed = !after && unnamedTrailingSubject(endCtx, endMark);
  // "Ruiz said the ferry firm “…,” the agency reported": the agency relays Ruiz's report.
  if ((after || unnamed) && raw.continued.length === 0 && reportInside(ctx, mark)) {
    const inner = resolve(attributeBefore(ctx, mark, short), ctx);
    if (inner && inner.speaker && inner.speaker !== after?.speaker) return inner;
  }
  if (after) return after;
  // "“…,” per the Riverside Ledger": the source credited after the quotation.
  const per = inClause ? null : resolve(attributePer(endCtx, endMark), endCtx);
  if (per) return per;
  // "A statement from X's office blamed … ¶ “…,” the statement said": the document named just
  // before is X's.
  const carried = carriedDocument(endCtx, endMark, discourse);
  if (carried) return carried;
  // "“…,” the memo said": attributed to something unnamed; nobody else's words.
  if (unnamed) return fail;
  // 2. Split: `“…,” he said, “…”` continues the previous quotation's speaker.
  const prev = earlier[earlier.length - 1];
  if (prev && prev.speaker && (prev.rule === 'trailing' || prev.rule === 'inverted')) {
    const between = view.paragraph.text.slice(prev.raw.mark.end, mark.open);
    if (!/[.!?]/.test(between) && between.trim().endsWith(',') && onlyOneCue(ctx, prev.raw.mark, mark))
      return { speaker: prev.speaker, rule: 'split', verb: prev.verb };
    // "“…,” the striker said, before adding with a grin: “…”": the same speaker goes on.
    if (!/[.!?]/.test(between) && addsToPrevious(ctx, prev.raw.mark, mark))
      return { speaker: prev.speaker, rule: 'split', verb: prev.verb };
  }
  // 3. A sentence opening with its verb ("Said the mayor: “…”"), then leading / same-sentence:
  // a speech verb with its subject before the opening mark.
  const opening = resolve(attributeOpeningVerb(ctx, mark), ctx);
  if (opening) return opening;
  const before = resolve(attributeBefore(ctx, mark, short), ctx);
  // "According to Danladi, the union has written “…”": a person credited with the sentence and
  // an organisation as the verb's subject; whose words the marks hold is not safe.
  if (before && sourceRivalsOrganisation(ctx, mark, before.speaker)) return fail;
  if (before) return before;
  // "The union issued a statement … The statement said members would “…”": its issuer.
  const issued = openingDocumentIssuer(ctx, mark, discourse);
  if (issued) return { speaker: issued.speaker, rule: 'same-sentence', verb: issued.verb };
  // 4. "according to ...".
  const acc = resolve(attributeAccordingTo(ctx, mark), ctx);
  if (acc) return acc;
  // 4b. A colon introduction, then a fragment framed by its clause's verb (cues.ts).
  const colon = resolve(attributeColon(ctx, mark), ctx);
  if (colon) return colon;
  const framed = resolve(attributeFramed(ctx, mark), ctx);
  if (framed) return framed;
  // 4c. `… had “a” by … and “b”`: a fragment in the clause of the previous one, no one new named.
  if (prev && prev.speaker && continuesPreviousClause(ctx, prev.raw.mark, mark))
    return { speaker: prev.speaker, rule: 'previous-quote', verb: prev.verb };
  // A short quotation is a term unless it is a sentence of its own ("Wouldn't you?").
  if (short && !isShortSentence(inner)) return fail;
  // The remaining rules only apply to a quotation that opens its sentence.
  const w = windowOf(view, mark);
  const opensSentence = noWordsIn(view, w.sentStart, w.first);
  // 5. Previous quotation in this paragraph; also "Abbas “has put aside …”" with no speech verb
  // of its own, which can only be the previous speaker still talking.
  let noVerb = true;
  for (let i = w.sentStart; i <= w.sentEnd && noVerb; i++)
    if (!view.quoted[i] && verbAt(view, i)) noVerb = false;
  if (prev && prev.speaker && (opensSentence || noVerb)) {
    // "“…,” Ana Ruiz said. Li Wei disagreed. “…”": someone else took the floor in between.
    const otherSpeaker = otherSubjectBetween(ctx, prev.raw.mark, mark, prev.speaker);
    return { speaker: prev.speaker, rule: 'previous-quote', verb: prev.verb, otherSpeaker };
  }
  // 6. Previous sentence of this paragraph: "Lavrov said ... . “…”". Also "Sheriff Lee said they
  // arrested one man. They arrested three for “…”": a fragment in a sentence with no cue and no
  // name of its own carries on the previous sentence's report.
  if (sentenceOfMark > 1 && !prev && (opensSentence || reportsOn(ctx, w))) {
    const speech =
      sentenceSpeech(ctx, sentenceOfMark - 1) ??
      sentenceGesture(ctx, sentenceOfMark - 1) ??
      sentenceStance(ctx, sentenceOfMark - 1);
    const found = resolve(speech, ctx);
    // "Lindgren said her deputy, Colin Ashby, had warned her. “…”": whose words follow is unsure.
    if (found && speech && reportsAnotherSpeaker(ctx, sentenceOfMark - 1, speech)) found.otherSpeaker = true;
    if (found) return found;
  }
  // 6b. "“…” The mayor made the remark to reporters": a whole-sentence quotation opening its
  // paragraph, credited by the sentence after it.
  if (mark.open === 0 && !prev && noWordsIn(view, w.last + 1, w.sentEnd + 1)) {
    const found = resolve(sentenceRemark(ctx, sentenceOfMark + 1), ctx);
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

/**
 * True when the narration of a quotation's sentence has no speech or framing verb, names no one
 * and holds no other quotation: it can only go on with what the sentence before reported.
 *
 * @param ctx - paragraph view and people
 * @param w - the quotation's window
 */
export function reportsOn(ctx: RuleContext, w: ReturnType<typeof windowOf>): boolean {
  const view = ctx.view;
  const sentence = view.sentence[w.first];
  // A sentence too long to read whole is not judged (and the scan stays bounded).
  if (w.sentStart < w.first - MAX_LEAD_TOKENS) return false;
  for (let i = w.sentStart; i < view.tokens.length && view.sentence[i] === sentence; i++) {
    if (i > w.last + MAX_LEAD_TOKENS) return false;
    if (i >= w.first && i <= w.last) continue;
    const t = view.tokens[i] as Token;
    if (view.quoted[i]) return false;
    if (mentionEntity(ctx, i) || verbAt(view, i) || (t.word && !t.capital && isFramingVerb(t.lower)))
      return false;
  }
  return true;
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
 * True when, in the narration between an earlier quotation and this one, the last person in a
 * subject's place is someone else than `speaker`: named at the start of a clause, not owned and
 * not an object ("“…,” Ana Ruiz said. Li Wei, her deputy, disagreed. “…”"). The later quotation
 * may be the other person's. "Ruiz told Li Wei" or "Li Wei's plan" do not count, and the
 * speaker named again afterwards takes the floor back.
 *
 * @param ctx - paragraph view and people
 * @param prev - the earlier quotation
 * @param mark - this quotation
 * @param speaker - the earlier quotation's speaker
 */
export function otherSubjectBetween(
  ctx: RuleContext,
  prev: QuoteMark,
  mark: QuoteMark,
  speaker: Entity,
): boolean {
  const view = ctx.view;
  const to = tokenAt(view, mark.open);
  let other = false;
  for (let k = tokenAt(view, prev.end); k < to; k++) {
    const e = mentionEntity(ctx, k);
    const m = view.mentionOf[k];
    if (view.quoted[k] || !e || !m || e.kind !== 'person' || m.possessive || m.modifier) continue;
    const first = tokenAt(view, m.fullStart);
    while (k + 1 < to && view.mentionOf[k + 1] === m) k++;
    if (opensClause(view, first)) other = e !== speaker;
  }
  return other;
}

/** True when the token at `first` opens a clause: after a sentence break, punctuation or a conjunction. */
function opensClause(view: ParagraphView, first: number): boolean {
  const before = view.tokens[first - 1];
  if (!before || view.sentence[first - 1] !== view.sentence[first]) return true;
  if (view.quoted[first - 1]) return true;
  return before.word ? /^(and|but|then|while|so)$/.test(before.lower) : /^[,;:—–(]$/.test(before.text);
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

/**
 * True when a quotation continues the clause of the previous one in its sentence: no sentence
 * break between them, and nobody else named or referred to (a name or a pronoun outside
 * quotation marks) in between.
 *
 * @param ctx - paragraph view and people
 * @param prev - the previous quotation of the paragraph
 * @param mark - this quotation
 */
export function continuesPreviousClause(ctx: RuleContext, prev: QuoteMark, mark: QuoteMark): boolean {
  const view = ctx.view;
  const from = tokenAt(view, prev.end);
  const to = tokenAt(view, mark.open);
  if (from >= view.tokens.length || view.sentence[from - 1] !== view.sentence[to]) return false;
  for (let k = from; k < to; k++) {
    const t = view.tokens[k] as Token;
    if (view.quoted[k]) continue;
    if (t.text === '.' || t.text === ';' || t.text === ':' || t.text === '?' || t.text === '!') return false;
    if (view.mentionOf[k] || (t.word && PRONOUNS.has(t.lower))) return false;
    const v = verbAt(view, k);
    if (v !== null && !v.participle) return false;
  }
  return true;
}
