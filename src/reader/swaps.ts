import { stem, STOPWORDS } from '../text/match.ts';
import { editDistance } from '../text/similar.ts';
import { TITLE_WORDS } from '../knowledge/lexicon/people.ts';
import {
  ARTICLE_WORDS,
  GENERIC_NOUNS,
  MONTHS,
  NEGATING_PREFIXES,
  NUMBER_WORDS,
  OPENING_WORDS,
  ORDINAL_WORDS,
  WEEKDAYS,
  WH_WORDS,
} from './words.ts';

/**
 * A question that keeps a phrase of the sentence and changes one word of it: "kills four men" of
 * "kills three men", "the eastern highlands" of "the western highlands", "John Tolland" of "Mark
 * Tolland". SQuAD 2.0's annotators wrote unanswerable questions this way (Rajpurkar et al. 2018:
 * entity swap, antonym, changed number), and a member who misremembers a story asks them so: the
 * sentence shares nearly all the question's words and still does not say what it asks. A
 * paraphrase changes words too, but rarely one word inside a phrase kept on both sides, and never
 * one figure or name for another of the same kind.
 */
export type Swap = 'figure' | 'name' | 'word';

export const SWAPS: readonly Swap[] = ['figure', 'name', 'word'];

const CARDINALS = [...NUMBER_WORDS].slice(0, 20);

interface Token {
  word: string;
  lower: string;
  stem: string;
  /** 0 for the first word of the text: a capital there says nothing. */
  at: number;
  /** A mark stands between this word and the one before ("Kellby, few residents"). */
  broken: boolean;
}

const BREAK = /[,;:.!?()"“”—–]/;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let end = 0;
  let at = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[.,]\d+)*/gu)) {
    const word = m[0];
    const lower = word.toLowerCase();
    const broken = BREAK.test(text.slice(end, m.index));
    end = m.index + word.length;
    if (ARTICLE_WORDS.has(lower)) continue;
    out.push({ word, lower, stem: stem(lower), at: at++, broken });
  }
  return out;
}

/** What kind of figure a word is, if any: cardinal, ordinal, month or weekday. */
function figureKind(lower: string): string | null {
  if (ORDINAL_WORDS.has(lower) || /^\d+(st|nd|rd|th)$/.test(lower)) return 'ordinal';
  if (/\d/.test(lower) || NUMBER_WORDS.has(lower)) return 'cardinal';
  if (MONTHS.has(lower)) return 'month';
  if (WEEKDAYS.has(lower)) return 'weekday';
  return null;
}

/** A figure's value, so that "2" and "two", "1970s" and "70s" are the same one. */
function figureValue(lower: string): string {
  const at = CARDINALS.indexOf(lower);
  if (at >= 0) return String(at + 1);
  const plain = lower.replace(/,/g, '').replace(/(st|nd|rd|th|s)$/, '');
  return /^\d\d$/.test(plain) ? `19${plain}` : plain;
}

const capitalised = (t: Token): boolean => t.at > 0 && /^\p{Lu}/u.test(t.word) && !STOPWORDS.has(t.lower);
const acronym = (t: Token): boolean => /^\p{Lu}{2,}$/u.test(t.word);
const content = (t: Token | undefined): boolean => !!t && !STOPWORDS.has(t.lower) && !WH_WORDS.has(t.lower);

/** A capital on the question's first word that is not a question or opening word: maybe a name ("Petra who ..."). */
const opensWithName = (t: Token): boolean =>
  t.at === 0 &&
  /^\p{Lu}/u.test(t.word) &&
  !STOPWORDS.has(t.lower) &&
  !WH_WORDS.has(t.lower) &&
  !OPENING_WORDS.has(t.lower);

function kindOf(t: Token): Swap | null {
  if (figureKind(t.lower)) return 'figure';
  if (capitalised(t)) return 'name';
  return content(t) ? 'word' : null;
}

/** The kinds a question word may be swapped as: its own, and a name too for a capitalised first word. */
function kindsOf(t: Token): Swap[] {
  const kind = kindOf(t);
  if (!kind) return [];
  return kind === 'word' && opensWithName(t) ? ['name', 'word'] : [kind];
}

/**
 * Whether one plain word is the other with more to it ("seabirds" of "birds", "household" of
 * "house") or, in a word of six letters or more, one slip of the keys from it ("enviroment" of
 * "environment"): the same thing named, not another one, unless what is added negates ("unofficial").
 */
function sameWordRoughly(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.includes(short))
    return !NEGATING_PREFIXES.has(long.slice(0, long.indexOf(short)));
  return short.length >= 6 && long.length - short.length <= 1 && editDistance(short, long) <= 1;
}

/** Whether sentence word `s` may stand where question word `q` is, as a swap of `kind`. */
function sameKind(kind: Swap, q: Token, s: Token): boolean {
  if (kind === 'figure')
    return figureKind(q.lower) === figureKind(s.lower) && figureValue(q.lower) !== figureValue(s.lower);
  if (kind === 'name')
    return (s.at === 0 ? /^\p{Lu}/u.test(s.word) : capitalised(s)) && acronym(q) === acronym(s);
  return kindOf(s) === 'word' && !sameWordRoughly(q.lower, s.lower);
}

/** A determiner or possessive before two words of the question: "the defence minister", "Russia's defence minister". */
const DETERMINED = /(?:\b(?:the|a|an|its|their|his|her|our)|'s)\s+(\p{L}+)\s+(\p{L}+)/giu;

/**
 * Whether question word `i` names which office of a title the question keeps ("the defence
 * minister", "the new mayor") and sentence word `j` names another before the same title ("Foreign
 * Minister Sergei Lavrov", "the incumbent mayor"): the sentence's office holder is not the one
 * asked about. Office titles are written capitalised before a name, so the sentence's modifier
 * may be capitalised; the question's must sit in a noun phrase (after a determiner), so a verb
 * before a title ("become president") is not read as one.
 */
function officeChanged(
  determined: ReadonlySet<string>,
  q: readonly Token[],
  i: number,
  s: readonly Token[],
  j: number,
): boolean {
  const title = q[i + 1];
  const other = s[j];
  if (!title || !other || !TITLE_WORDS.has(title.lower) || s[j + 1]?.stem !== title.stem) return false;
  if (title.broken || s[j + 1]?.broken || STOPWORDS.has(other.lower) || figureKind(other.lower)) return false;
  if (sameWordRoughly(q[i]!.lower, other.lower)) return false;
  // Or after the same owner: "the councils housing chief" of "the council's education chief".
  const owner = s[j - 1]?.lower === 's' ? s[j - 2] : s[j - 1];
  return determined.has(`${q[i]!.lower} ${title.lower}`) || (content(q[i - 1]) && same(q[i - 1], owner));
}

/** The same word at question word `a` and sentence word `b`, neither a question word. */
const same = (a: Token | undefined, b: Token | undefined): boolean =>
  !!a && !!b && !WH_WORDS.has(a.lower) && a.stem === b.stem;

/**
 * Whether the two words after question name `i` are the two after sentence name `j`, read past
 * a relative word in the question and an adverb in the sentence: "Petra who reprised her role"
 * of "Imogen Castell also reprised her role" puts another subject to the sentence's predicate.
 */
function predicateKept(q: readonly Token[], i: number, s: readonly Token[], j: number): boolean {
  let k = i + 1;
  while (q[k] && (WH_WORDS.has(q[k]!.lower) || q[k]!.lower === 'that') && !q[k]!.broken) k++;
  const next = s[j + 1];
  const m =
    next && !next.broken && (!content(next) || /ly$/.test(next.lower)) && !capitalised(next) ? j + 2 : j + 1;
  if (k === i + 1 && m === j + 1) return false;
  const joined = [q[k], q[k + 1], s[m], s[m + 1]].every((t) => !!t && !t.broken);
  return joined && same(q[k], s[m]) && same(q[k + 1], s[m + 1]) && (content(q[k]) || content(q[k + 1]));
}

/**
 * Whether the words around question word `i` are the words around sentence word `j`: a figure
 * needs one neighbour kept, a name a content-word neighbour, two words on one side or its
 * sentence's predicate, any other word both neighbours or the two after it, one of them a content
 * word. A plain word changed after two kept ones is a phrase's head named anew ("the rowing club
 * hut" of "the rowing club boathouse"), as paraphrase does as often as a changed question;
 * one changed before two kept ones modifies the same head otherwise ("eastern highlands" of
 * "western highlands").
 */
function keptAround(kind: Swap, q: readonly Token[], i: number, s: readonly Token[], j: number): boolean {
  // Neighbours within one phrase: no mark between them, in the question or the sentence.
  const joined = (k: number, m: number): boolean => !q[k]?.broken && !s[m]?.broken;
  const l1 = joined(i, j) && same(q[i - 1], s[j - 1]);
  const r1 = joined(i + 1, j + 1) && same(q[i + 1], s[j + 1]);
  const l2 = l1 && joined(i - 1, j - 1) && same(q[i - 2], s[j - 2]);
  const r2 = r1 && joined(i + 2, j + 2) && same(q[i + 2], s[j + 2]);
  if (kind === 'figure') return l1 || r1;
  if (kind === 'name')
    return (l1 && content(q[i - 1])) || (r1 && content(q[i + 1])) || l2 || r2 || predicateKept(q, i, s, j);
  return (l1 && r1) || (r2 && content(q[i + 1]));
}

/**
 * Whether a question name is a misspelling of a word of the sentence ("Vardenhlot" of
 * "Vardenholt", "Bergsnud" of "Bergsund"): one slip in a word of four letters or more, two in one
 * of eight. Members misspell names; a misspelt name is not another name. (Plain words are not
 * excused: "unofficial" of "official" is two letters and the opposite.)
 */
function misspelt(t: Token, s: readonly Token[]): boolean {
  if (!/^\p{L}{4,}$/u.test(t.lower)) return false;
  const slips = t.lower.length >= 8 ? 2 : 1;
  return s.some(
    (w) => Math.abs(w.lower.length - t.lower.length) <= slips && editDistance(t.lower, w.lower) <= slips,
  );
}

/**
 * The kinds of swap the question makes of the sentence: a question word the sentence does not
 * have (`found`: its stem, or a variant of it, is in the sentence) standing where the sentence has
 * another word of the same kind that the question does not use, within a phrase the two share.
 * A generic noun of the question ("the man", {@link GENERIC_NOUNS}) refers back, so is no swap.
 */
export function swaps(question: string, sentence: string, found: (stem: string) => boolean): Set<Swap> {
  const out = new Set<Swap>();
  const q = tokens(question);
  const s = tokens(sentence);
  const asked = new Set(q.map((t) => t.stem));
  const determined = new Set([...question.matchAll(DETERMINED)].map((m) => `${m[1]} ${m[2]}`.toLowerCase()));
  q.forEach((t, i) => {
    if (WH_WORDS.has(t.lower) || GENERIC_NOUNS.has(t.lower) || found(t.stem)) return;
    for (const kind of kindsOf(t)) {
      if (out.has(kind) || (kind === 'name' && misspelt(t, s))) continue;
      const swapped = s.some(
        (w, j) =>
          !asked.has(w.stem) &&
          ((sameKind(kind, t, w) && keptAround(kind, q, i, s, j)) ||
            (kind === 'word' && officeChanged(determined, q, i, s, j))),
      );
      if (swapped) out.add(kind);
    }
  });
  return out;
}
