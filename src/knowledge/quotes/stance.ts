/**
 * A sentence that hands the floor to a named person without a speech verb ("Thursby had the
 * last word.", "Pike did not back down."): the quotation that opens the next sentence is that
 * person's answer, as after a shrug.
 */
import type { Token } from '../nlp.ts';
import { DETERMINERS, REMARK_NOUNS, REMARK_VERBS, STANCE_PREDICATES } from '../lexicon/cues.ts';
import { subjectBefore } from './grammar.ts';
import { mentionEntity, sentenceTokens, type Attribution, type RuleContext } from './view.ts';

/**
 * The words of a sentence outside quotation marks, as token indexes, or null when it holds a
 * quotation and `quotesAllowed` is false.
 *
 * @param ctx - paragraph view
 * @param sentence - 1-based sentence index
 * @param quotesAllowed - skip quoted words instead of refusing the sentence
 */
function plainWords(ctx: RuleContext, sentence: number, quotesAllowed = false): number[] | null {
  const view = ctx.view;
  const [from, to] = sentenceTokens(view, sentence);
  const words: number[] = [];
  for (let i = from; i < to; i++) {
    if (view.sentence[i] !== sentence) continue;
    if (view.quoted[i] && !quotesAllowed) return null;
    if ((view.tokens[i] as Token).word && !view.quoted[i]) words.push(i);
  }
  return words;
}

/**
 * "Thursby had the last word.": the named subject of a sentence whose predicate, ending it, is
 * a stance phrase (lexicon/cues.ts), as the speaker of a quotation opening the next sentence.
 *
 * @param ctx - paragraph view and people
 * @param sentence - 1-based sentence index in the paragraph
 */
export function sentenceStance(ctx: RuleContext, sentence: number): Attribution | null {
  const words = plainWords(ctx, sentence);
  if (!words || words.length < 2) return null;
  const lower = words.map((i) => (ctx.view.tokens[i] as Token).lower);
  for (const phrase of STANCE_PREDICATES) {
    const start = lower.length - phrase.length;
    if (start < 1 || !phrase.every((w, j) => lower[start + j] === w)) continue;
    const ref = subjectBefore(ctx, words[start] as number, words[0] as number);
    return ref?.type === 'entity' && ref.entity.kind === 'person'
      ? { ref, rule: 'previous-sentence', verb: phrase.join(' ') }
      : null;
  }
  return null;
}

/** Words the subject of "made the remark" may take before its verb. */
const MAX_REMARK_SUBJECT_WORDS = 6;

/**
 * "“…” The mayor made the remark to reporters", "“…” Quennell's response came within the hour":
 * the person a sentence right after a whole-sentence quotation credits with it, as the owner
 * of a remark noun opening the sentence or the subject of "made the remark"; null otherwise.
 *
 * @param ctx - paragraph view and people
 * @param sentence - 1-based index of the sentence after the quotation's
 */
export function sentenceRemark(ctx: RuleContext, sentence: number): Attribution | null {
  const words = plainWords(ctx, sentence, true);
  if (!words || words.length < 3) return null;
  const view = ctx.view;
  const lower = words.map((i) => (view.tokens[i] as Token).lower);
  const owner = view.mentionOf[words[0] as number];
  if (owner?.possessive) {
    let j = 0;
    while (j < words.length && view.mentionOf[words[j] as number] === owner) j++;
    const e = mentionEntity(ctx, words[0] as number);
    if (e?.kind === 'person' && REMARK_NOUNS.has(lower[j] ?? ''))
      return {
        ref: { type: 'entity', entity: e, tokenIndex: words[0] as number },
        rule: 'previous-sentence',
        verb: 'said',
      };
    return null;
  }
  for (let j = 1; j + 2 < words.length && j <= MAX_REMARK_SUBJECT_WORDS; j++) {
    if (!REMARK_VERBS.has(lower[j] as string)) continue;
    // "made the remark", not "made a remark": the one just quoted.
    const det = lower[j + 1] as string;
    if (!DETERMINERS.has(det) || det === 'a' || det === 'an' || !REMARK_NOUNS.has(lower[j + 2] as string))
      return null;
    const ref = subjectBefore(ctx, words[j] as number, words[0] as number);
    return ref?.type === 'entity' && ref.entity.kind === 'person'
      ? { ref, rule: 'previous-sentence', verb: 'said' }
      : null;
  }
  return null;
}
