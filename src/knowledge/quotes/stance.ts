/**
 * A sentence that hands the floor to a named person without a speech verb ("Teasdale had the
 * last word.", "Pike did not back down."): the quotation that opens the next sentence is that
 * person's answer, as after a shrug.
 */
import type { Token } from '../nlp.ts';
import { STANCE_PREDICATES } from '../lexicon/cues.ts';
import { subjectBefore } from './grammar.ts';
import { sentenceTokens, type Attribution, type RuleContext } from './view.ts';

/**
 * The words of a sentence outside quotation marks, as token indexes, or null when it holds a
 * quotation.
 *
 * @param ctx - paragraph view
 * @param sentence - 1-based sentence index
 */
function plainWords(ctx: RuleContext, sentence: number): number[] | null {
  const view = ctx.view;
  const [from, to] = sentenceTokens(view, sentence);
  const words: number[] = [];
  for (let i = from; i < to; i++) {
    if (view.sentence[i] !== sentence) continue;
    if (view.quoted[i]) return null;
    if ((view.tokens[i] as Token).word) words.push(i);
  }
  return words;
}

/**
 * "Teasdale had the last word.": the named subject of a sentence whose predicate, ending it, is
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
