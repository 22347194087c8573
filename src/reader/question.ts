import { matchForm, stem, STOPWORDS } from '../text/match.ts';
import type { AnswerType } from './words.ts';
import { lemmaOf } from './morph.ts';
import { phrasesIn } from './paraphrase.ts';
import { PREPOSITIONS } from '../knowledge/lexicon/grammar.ts';
import {
  OPENING_WORDS,
  BE_AUXILIARIES,
  CHAT_FORMS,
  COMPARATIVE_WORDS,
  CURRENCY_SIGNS,
  DATE_NOUNS,
  DETERMINERS,
  DO_AUXILIARIES,
  DURATION_ADVERBS,
  IRREGULAR_PLURALS,
  MEASURE_ADJECTIVES,
  MEASURE_NOUNS,
  MONEY_VERBS,
  MONEY_NOUNS,
  CURRENCY_WORDS,
  MONEY_WORDS,
  NEGATIONS,
  NOT_NAMES,
  NOT_PURPOSE,
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

/** A word that reads as a verb ("rose", "sent", "flooded", "carrying" after a noun). */
export const verbLike = (w: string): boolean =>
  (w.length > 4 && /(ed|ing)$/.test(w)) || lemmaOf(stem(w)) !== undefined;

const plural = (w: string): boolean =>
  IRREGULAR_PLURALS.has(w) || (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w));

/**
 * The words of the noun phrase that opens `words` (determiners skipped, up to four words, up to
 * a function word or a verb in the past after its first word): "the new county road budget".
 */
function nounPhrase(words: string[]): string[] {
  let i = 0;
  while (DETERMINERS.has(words[i] ?? '')) i++;
  const out: string[] = [];
  for (const w of words.slice(i, i + 4)) {
    if (STOPWORDS.has(w) || DETERMINERS.has(w) || (out.length > 0 && verbLike(w))) break;
    out.push(w);
  }
  return out;
}

/** The head noun of "how many/much <phrase>": the first plural for a count, else the phrase's last word. */
function quantityFocus(words: string[], count: boolean): string {
  const phrase = nounPhrase(words);
  if (count) {
    const head = phrase.find(plural);
    if (head) return head;
  }
  return phrase[phrase.length - 1] ?? '';
}

function howType(next: string, rest: string[], text: string): { type: AnswerType; focus: string } {
  // "How many pounds", "how much $": a currency asks for a sum; "how much" about paying does too
  // ("how many nurses will the funding hire" counts nurses).
  const currency = CURRENCY_SIGNS.test(text) || rest.some((w) => CURRENCY_WORDS.has(w));
  if (next === 'many')
    return { type: currency ? 'money' : 'count', focus: quantityFocus(rest.slice(1), true) };
  if (next === 'much') {
    const money = currency || rest.some((w) => MONEY_WORDS.has(w));
    return { type: money ? 'money' : 'count', focus: quantityFocus(rest.slice(1), false) };
  }
  if (DURATION_ADVERBS.has(next)) return { type: 'duration', focus: '' };
  if (next === 'old') return { type: 'age', focus: '' };
  if (next === 'come') return { type: 'reason', focus: '' };
  if (MEASURE_ADJECTIVES.has(next)) return { type: 'count', focus: next };
  return { type: 'manner', focus: '' };
}

/**
 * A noun phrase's type: its head (last word) names it ("county road budget"), else its first word,
 * else a word between (a phrase read too far: "the largest sum X ever").
 */
function phraseType(phrase: string[]): { type: AnswerType; focus: string } | null {
  const order = phrase.length > 1 ? [phrase[phrase.length - 1] ?? '', ...phrase.slice(0, -1)] : phrase;
  for (const w of order) {
    const typed = typeAfterNoun(singular(w));
    if (typed) return { type: typed, focus: w };
    if (MEASURE_NOUNS.has(w)) return { type: 'count', focus: w };
  }
  return null;
}

/**
 * "What/which ..." questions. "What <noun>" and "what is the <noun>" ask for a thing of the noun's
 * kind; "what did <subject> <verb>" asks for the verb's object (a sum after "pay", "cost");
 * "what is <x> for" asks for a purpose.
 */
function whatType(rest: string[]): { type: AnswerType; focus: string } {
  const first = rest[0] ?? '';
  if (/^(caused|causes|cause|led|reason|motivated|prompted)$/.test(first))
    return { type: 'reason', focus: '' };
  if (DO_AUXILIARIES.has(first)) {
    const money = rest.slice(1).some((w) => MONEY_VERBS.has(w));
    return { type: money ? 'money' : 'other', focus: '' };
  }
  const be = BE_AUXILIARIES.has(first);
  if (be && rest[rest.length - 1] === 'for' && !NOT_PURPOSE.has(rest[rest.length - 2] ?? ''))
    return { type: 'reason', focus: '' };
  // "What flooded the cellar", "what was removed": the question word is the subject.
  if (verbLike(be ? (rest[1] ?? '') : first)) return { type: 'other', focus: '' };
  // "what kind of X", "which of the X", "what is the name of the X": the noun after the filler.
  let words = rest.slice(be ? 1 : 0);
  while (/^(kind|type|sort|of|name|two)$/.test(words[0] ?? '') || DETERMINERS.has(words[0] ?? ''))
    words = words.slice(1);
  const noun = words[0] ?? '';
  if (/^(number|amount|total)$/.test(noun)) return { type: 'count', focus: words[2] ?? '' };
  if (noun === 'age') return { type: 'age', focus: '' };
  const phrase = nounPhrase(words);
  // "What were parents complaining about", "what was the driver carrying": the phrase is the subject.
  if (be && phrase.length <= 2 && verbLike(words[phrase.length] ?? '')) return { type: 'other', focus: '' };
  const typed = phraseType(phrase);
  if (typed) return typed;
  const head = be ? (phrase[phrase.length - 1] ?? '') : noun;
  return { type: 'other', focus: STOPWORDS.has(head) ? '' : head };
}

/** The answer type and focus noun from the question's lower-cased words. */
function typeOf(words: string[], text: string): { type: AnswerType; focus: string } {
  const at = words.findIndex((w) => WH.test(w));
  const wh = at >= 0 ? (words[at] ?? '') : '';
  const rest = words.slice(at + 1);
  if (wh === 'how') return howType(rest[0] ?? '', rest, text);
  if (wh === 'who' || wh === 'whom' || wh === 'whose') return { type: 'person', focus: '' };
  if (wh === 'when') return { type: 'date', focus: '' };
  if (wh === 'where') return { type: 'place', focus: '' };
  if (wh === 'why') return { type: 'reason', focus: '' };
  if (wh === 'what' || wh === 'which') return whatType(rest);
  // "In what year ...": the question word came late; "name the ..." has none.
  return { type: 'other', focus: '' };
}

/**
 * A question as members type it in chat, in the words it stands for: "whats" is "what is",
 * "ppl" "people", "$5k" "$5000".
 */
export function chatNormalised(question: string): string {
  return question
    .replace(/\b(\d+(?:[.,]\d+)?)k\b/gi, (_, n: string) =>
      String(Math.round(Number(n.replace(',', '.')) * 1000)),
    )
    .replace(/\b[A-Za-z]+\b/g, (w) => {
      const full = CHAT_FORMS.get(w.toLowerCase());
      return full === undefined ? w : full;
    });
}

/** Whether the question's first word is an ordinary word capitalised, not a name ("Along with …"). */
function opensAsWord(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    NOT_NAMES.has(word) ||
    STOPWORDS.has(lower) ||
    PREPOSITIONS.has(lower) ||
    OPENING_WORDS.has(lower) ||
    /^\p{L}{5,}ly$/u.test(word)
  );
}

/** Question analysis: wh-word, expected answer type, focus noun, named entities, negation, comparison. */
export function analyzeQuestion(question: string): QuestionAnalysis {
  const text = question.trim();
  const plain = chatNormalised(text);
  const lower = matchForm(plain);
  const words = lower.split(' ').filter(Boolean);
  const { type, focus } = typeOf(words, plain);
  const whWord = (words.find((w) => WH.test(w)) ?? '').replace(/^(whom|whose)$/, 'who');
  const raw = plain.split(/[\s,;:?!()"“”]+/).filter(Boolean);
  const entities = raw
    .filter((w, i) => (/^\p{Lu}/u.test(w) && (i > 0 || !opensAsWord(w)) && !WH.test(w)) || /\d/.test(w))
    .map((w) => w.replace(/['’]s$/, '').replace(/[.]$/, ''))
    .filter((w) => !NOT_NAMES.has(w) && !/^(Who|What|Which|When|Where|Why|How)$/.test(w));
  const terms: string[] = [];
  const phrases = phrasesIn(words);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    // "Set off", "who runs": a phrase stands for its paraphrase group's word ("leave", "head").
    const phrase = phrases.get(i);
    if (phrase) {
      if (!terms.includes(phrase.key)) terms.push(phrase.key);
      i += phrase.length - 1;
      continue;
    }
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
