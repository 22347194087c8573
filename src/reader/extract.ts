import type { Token } from '../knowledge/nlp.ts';
import type { QuestionAnalysis } from './question.ts';
import { candidateSpans, spanTerms } from './spans.ts';
import type { Span } from './spans.ts';
import { stem } from '../text/match.ts';
import { CONCRETE, MANNER_CUES, REASON_CUES } from './words.ts';

/** The short answer chosen in a sentence, with how well it fits. */
export interface SpanChoice {
  text: string;
  start: number;
  end: number;
  /** True when the span is of the type the question asks for. */
  typeFit: boolean;
  /** 0..1: fit and closeness to the question's words. */
  score: number;
}

/** The clause after a cue word ("because ...", "by ..."), up to the next comma or stop. */
function cueClause(sentence: string, tokens: Token[], cues: ReadonlySet<string>): SpanChoice | null {
  const at = tokens.findIndex((t) => cues.has(t.lower));
  if (at < 0) return null;
  let to = at + 1;
  if (tokens[to]?.lower === 'of' || tokens[to]?.lower === 'to') to++;
  const from = to;
  while (to < tokens.length && to - from < 12 && tokens[to]?.word !== false) to++;
  const first = tokens[from];
  const last = tokens[to - 1];
  if (!first || !last || to <= from) return null;
  return {
    text: sentence.slice(first.start, last.end),
    start: first.start,
    end: last.end,
    typeFit: true,
    score: 0.6,
  };
}

/** Token positions of the question's words in the sentence. */
function anchors(tokens: Token[], terms: ReadonlySet<string>): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (t.word && terms.has(stem(t.lower))) out.push(i);
  });
  return out;
}

function distance(span: Span, at: readonly number[]): number {
  let best = Infinity;
  for (const a of at) {
    const d = a < span.from ? span.from - a : a >= span.to ? a - span.to + 1 : 0;
    if (d < best) best = d;
  }
  return best;
}

/**
 * The best short answer in a sentence for the question: a span of the expected type near the
 * question's words, never one the question already contains. Null when the sentence has none.
 */
export function chooseSpan(q: QuestionAnalysis, sentence: string): SpanChoice | null {
  const { tokens, spans } = candidateSpans(sentence);
  if (q.type === 'reason' || q.type === 'manner') {
    const clause = cueClause(sentence, tokens, q.type === 'reason' ? REASON_CUES : MANNER_CUES);
    if (clause) return clause;
  }
  const terms = new Set(q.terms);
  const at = anchors(tokens, terms);
  const focus = q.focus ? stem(q.focus) : '';
  let best: SpanChoice | null = null;
  for (const s of spans) {
    const words = spanTerms(s, tokens);
    if (words.length === 0) continue;
    const inQuestion = words.filter((w) => terms.has(w)).length / words.length;
    if (inQuestion >= 0.99) continue;
    const fit = s.types.has(q.type) || (!CONCRETE.has(q.type) && s.types.has('other'));
    const d = distance(s, at);
    const near = Number.isFinite(d) ? 1 / (1 + d) : 0;
    const focusBonus = focus && words.includes(focus) ? (CONCRETE.has(q.type) ? 0.3 : 0.1) : 0;
    // "What song ...", "which film ...": a title or name answers a "what" question about a thing.
    const named = q.type === 'other' && q.focus !== '' && s.types.has('person') ? 0.15 : 0;
    // The answer often follows the question's words in the text ("produced six solo albums").
    const follows = at.some((a) => s.from - a >= 1 && s.from - a <= 2) ? 0.1 : 0;
    const lengthPenalty = Math.max(0, s.to - s.from - 4) * 0.03;
    const score =
      (fit ? 0.5 : 0) + 0.35 * near + focusBonus + named + follows - 0.5 * inQuestion - lengthPenalty;
    if (!best || score > best.score) best = { text: s.text, start: s.start, end: s.end, typeFit: fit, score };
  }
  return best;
}
