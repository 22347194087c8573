/**
 * Reported speech: "Russia said it is prepared to activate ...", "X told reporters that ...".
 * A claim needs a speech verb that takes a clause, a resolvable subject and a clause that is not
 * itself a direct quotation (those are quotes, handled in quotes.ts).
 */
import type { Entity } from './types.ts';
import type { Token } from './nlp.ts';
import { sentenceTokens, type RuleContext, type SpeakerRef } from './quotes/view.ts';
import { subjectBefore } from './quotes/grammar.ts';
import { speechVerb } from './speech-verbs.ts';
import { AUXILIARIES, BE_PASSIVE, VERB_PARTICLES } from './lexicon/grammar.ts';

/** A claim found in one sentence, before ids are assigned. */
export interface ClaimDraft {
  speaker: Entity;
  verb: string;
  clause: string;
  /** Offsets of the whole sentence in the paragraph. */
  start: number;
  end: number;
  sentence: number;
}

/**
 * Finds the claims of one sentence.
 *
 * @param ctx - paragraph view and people
 * @param sentence - 1-based sentence index in the paragraph
 * @param resolvePronoun - turns a pronoun subject into an entity (or null)
 */
export function findClaims(
  ctx: RuleContext,
  sentence: number,
  resolvePronoun: (ref: SpeakerRef) => Entity | null,
): ClaimDraft[] {
  const view = ctx.view;
  const out: ClaimDraft[] = [];
  const idx: number[] = [];
  const [from, to] = sentenceTokens(view, sentence);
  for (let i = from; i < to; i++) if (view.sentence[i] === sentence) idx.push(i);
  if (idx.length === 0) return out;
  const first = idx[0] as number;
  const last = idx[idx.length - 1] as number;
  const s = view.paragraph.sentences.find((x) => x.index === sentence);
  const sStart = s?.start ?? (view.tokens[first] as Token).start;
  const sEnd = s?.end ?? (view.tokens[last] as Token).end;
  for (const i of idx) {
    const t = view.tokens[i] as Token;
    if (!t.word || t.capital || view.quoted[i]) continue;
    const v = speechVerb(t.lower);
    if (!v || !v.takesClause || v.participle) continue;
    // "Soviet states are ...": a speech-verb form before an auxiliary is a plural noun.
    if (AUXILIARIES.has(view.tokens[i + 1]?.lower ?? '')) continue;
    const prev = view.tokens[i - 1];
    if (prev && (prev.lower === 'to' || prev.lower === 'by' || BE_PASSIVE.has(prev.lower))) continue;
    // The clause: after "that" when it comes within a few words ("said on Wednesday that",
    // "told reporters that"), else right after the verb.
    let c = i + 1;
    let thatAt = -1;
    for (let k = i + 1; k <= last && k < i + 9; k++) {
      const x = view.tokens[k] as Token;
      if (view.quoted[k] || x.text === '.' || x.text === ';') break;
      if (x.lower === 'that') {
        thatAt = k;
        break;
      }
    }
    if (thatAt >= 0) c = thatAt + 1;
    else if (v.lemma === 'tell') continue;
    const head = view.tokens[c];
    if (!head || c > last || !head.word || view.quoted[c] || VERB_PARTICLES.has(head.lower)) continue;
    const clauseStart = head.start;
    // At least three words in the clause (looked at in a bounded window: a sentence may be huge).
    const opening = view.paragraph.text.slice(clauseStart, Math.min(sEnd, clauseStart + 200));
    if (opening.replace(/[\s.,;:]+$/, '').split(/\s+/).length < 3) continue;
    const ref = subjectBefore(ctx, i, first);
    if (!ref) continue;
    const text = view.paragraph.text.slice(clauseStart, sEnd).replace(/[\s.,;:]+$/, '');
    const speaker = ref.type === 'entity' ? ref.entity : resolvePronoun(ref);
    if (!speaker) continue;
    out.push({ speaker, verb: v.form, clause: text, start: sStart, end: sEnd, sentence });
    break;
  }
  return out;
}
