import { matchForm, stem, STOPWORDS } from '../text/match.ts';
import type { AnswerType } from './words.ts';
import {
  COMPARATIVE_WORDS,
  DATE_NOUNS,
  MONEY_NOUNS,
  MONEY_WORDS,
  NEGATIONS,
  NOT_NAMES,
  ORGANISATION_NOUNS,
  PERCENT_NOUNS,
  PERSON_NOUNS,
  PLACE_NOUNS,
  SUPERLATIVE_WORDS,
} from './words.ts';

/** What a question asks, read from its words (no article needed). */
export interface QuestionAnalysis {
  text: string;
  /** The question word ("how many" counts as "how"), or "" when there is none. */
  wh: 'who' | 'what' | 'which' | 'when' | 'where' | 'why' | 'how' | '';
  type: AnswerType;
  /** The noun the question is about ("reservists" in "how many reservists"), lower case, or "". */
  focus: string;
  /** Capitalised words and figures of the question (names it mentions), as written. */
  entities: string[];
  /** Stemmed content words, unique, in order. */
  terms: string[];
  negated: boolean;
  comparative: boolean;
  superlative: boolean;
}

/** Focus nouns that only name the kind of answer. */
const FRAME_WORDS = new Set(['amount', 'number', 'percentage', 'percent', 'proportion', 'share', 'total']);

const WH = /\b(who|whom|whose|what|which|when|where|why|how)\b/i;

function typeAfterNoun(noun: string): AnswerType | null {
  if (PERSON_NOUNS.has(noun)) return 'person';
  if (ORGANISATION_NOUNS.has(noun)) return 'organisation';
  if (PLACE_NOUNS.has(noun)) return 'place';
  if (DATE_NOUNS.has(noun)) return 'date';
  if (PERCENT_NOUNS.has(noun)) return 'percent';
  if (MONEY_NOUNS.has(noun)) return 'money';
  return null;
}

const singular = (w: string): string =>
  w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;

/** The answer type and focus noun from the question's lower-cased words. */
function typeOf(words: string[]): { type: AnswerType; focus: string } {
  const at = words.findIndex((w) => WH.test(w));
  const wh = at >= 0 ? (words[at] ?? '') : '';
  const next = words[at + 1] ?? '';
  const after = words[at + 2] ?? '';
  const rest = words.slice(at + 1);
  if (wh === 'how') {
    if (next === 'many') return { type: 'count', focus: after };
    if (next === 'much')
      return { type: rest.some((w) => MONEY_WORDS.has(w)) ? 'money' : 'count', focus: after };
    if (next === 'long') return { type: 'duration', focus: '' };
    if (next === 'old') return { type: 'age', focus: '' };
    if (['far', 'big', 'large', 'tall', 'high', 'often', 'fast', 'deep', 'wide'].includes(next))
      return { type: 'count', focus: next };
    return { type: 'manner', focus: '' };
  }
  if (wh === 'who' || wh === 'whom' || wh === 'whose') return { type: 'person', focus: '' };
  if (wh === 'when') return { type: 'date', focus: '' };
  if (wh === 'where') return { type: 'place', focus: '' };
  if (wh === 'why') return { type: 'reason', focus: '' };
  if (wh === 'what' || wh === 'which') {
    // "what kind of X", "which of the X": the noun after the filler.
    const skip = new Set(['kind', 'type', 'sort', 'of', 'the', 'a', 'an', 'two', 'other']);
    const noun = rest.find((w) => !skip.has(w)) ?? '';
    const typed = typeAfterNoun(singular(noun));
    if (typed) return { type: typed, focus: noun };
    if (/^(number|amount|total)$/.test(noun)) return { type: 'count', focus: rest[2] ?? '' };
    if (noun === 'age') return { type: 'age', focus: '' };
    if (/^(caused|causes|cause|led|reason|motivated|prompted)$/.test(noun))
      return { type: 'reason', focus: '' };
    const isVerbish = STOPWORDS.has(noun) || noun === '';
    return { type: 'other', focus: isVerbish ? '' : noun };
  }
  // "In what year ...": the question word came late; "name the ..." has none.
  return { type: 'other', focus: '' };
}

/** Question analysis: wh-word, expected answer type, focus noun, named entities, negation, comparison. */
export function analyzeQuestion(question: string): QuestionAnalysis {
  const text = question.trim();
  const lower = matchForm(text);
  const words = lower.split(' ').filter(Boolean);
  const { type, focus } = typeOf(words);
  const whWord = (words.find((w) => WH.test(w)) ?? '').replace(/^(whom|whose)$/, 'who');
  const raw = text.split(/[\s,;:?!()"“”]+/).filter(Boolean);
  const entities = raw
    .filter((w, i) => (/^\p{Lu}/u.test(w) && (i > 0 || !NOT_NAMES.has(w)) && !WH.test(w)) || /\d/.test(w))
    .map((w) => w.replace(/['’]s$/, '').replace(/[.]$/, ''))
    .filter((w) => !NOT_NAMES.has(w) && !/^(Who|What|Which|When|Where|Why|How)$/.test(w));
  const terms: string[] = [];
  for (const w of words) {
    // "How much money", "what year": the frame says what kind of answer, it is not searched for.
    if (STOPWORDS.has(w) || (FRAME_WORDS.has(w) && w === focus)) continue;
    const s = stem(w);
    if (!terms.includes(s)) terms.push(s);
  }
  return {
    text,
    wh: (whWord as QuestionAnalysis['wh']) || '',
    type,
    focus,
    entities: [...new Set(entities)],
    terms,
    negated: words.some((w) => NEGATIONS.has(w)),
    comparative: words.some((w) => COMPARATIVE_WORDS.has(w)),
    superlative: words.some((w) => SUPERLATIVE_WORDS.has(w)),
  };
}
