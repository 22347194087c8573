import type { QuestionAnalysis } from './question.ts';
import { bestSpan } from './span-model.ts';
import type { ScoredSpan, SpanModel } from './span-model.ts';
import { sentenceCandidates } from './span-features.ts';
import type { SpanCandidate } from './span-features.ts';
import { stem } from '../text/match.ts';
import { NUMBER_WORDS } from './words.ts';
import spanWeights from './span-weights.json' with { type: 'json' };

/** The committed span scorer (trained by `npm run train:ask`, see span-training.ts). */
export const SPAN_MODEL: SpanModel = spanWeights as SpanModel;

/** The short answer chosen in a sentence, with how well it fits (typeBit: spans.ts). */
export interface SpanChoice {
  text: string;
  start: number;
  end: number;
  /** True when the span is of the type the question asks for. */
  typeFit: boolean;
  /** 0..1: the span scorer's share for this span among the sentence's candidates. */
  score: number;
  /** The answer types ({@link typeBit} bits) of the typed spans it equals or holds. */
  kinds: number;
}

/**
 * The best short answer in a sentence for the question: the candidate span the learned scorer
 * rates highest (type, shape, place against the question's words), never one the question
 * already contains. Null when the sentence has none.
 */
export function chooseSpan(
  q: QuestionAnalysis,
  sentence: string,
  model: SpanModel = SPAN_MODEL,
): SpanChoice | null {
  const best = bestSpan(model, q, sentence);
  return best ? spanChoiceOf(q, sentence, best) : null;
}

/** The short answer stated for the scorer's best span: with a leading article, and a counted noun. */
export function spanChoiceOf(q: QuestionAnalysis, sentence: string, best: ScoredSpan): SpanChoice {
  const end = countedNounEnd(q, sentence, best.stated);
  // "the river had silted up", not "river had silted up" (SQuAD's scoring ignores articles).
  const before = sentenceCandidates(sentence).tokens[best.stated.from - 1];
  const start = before && /^(the|a|an)$/i.test(before.text) ? before.start : best.stated.start;
  return {
    text: sentence.slice(start, end),
    start,
    end,
    typeFit: best.typeFit,
    score: best.p,
    kinds: best.candidate.types | best.candidate.inside,
  };
}

/**
 * A bare figure answering "how many <noun>" is stated with its noun when the noun follows it in
 * the sentence ("20,000" -> "20,000 reservists"): the answer reads as a phrase, not a number.
 */
function countedNounEnd(q: QuestionAnalysis, sentence: string, c: SpanCandidate): number {
  if (q.type !== 'count' || !q.focus) return c.end;
  const { tokens, stems } = sentenceCandidates(sentence);
  const next = tokens[c.to];
  const figure = tokens.slice(c.from, c.to).every((t) => /\d/.test(t.text) || NUMBER_WORDS.has(t.lower));
  return figure && next?.word && stems[c.to] === stem(q.focus) ? next.end : c.end;
}
