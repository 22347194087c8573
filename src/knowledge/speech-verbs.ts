/**
 * Speech verbs: the words that turn a name next to a quotation into its speaker, or a clause into
 * reported speech. Matched on lowercase word forms (we do not trust a tagger here: compromise
 * tags "said" as an adjective in some sentences).
 */
import { CLAUSE_LEMMAS, IRREGULAR, PHRASAL, REGULAR, WEAK } from './lexicon/speech-verbs.ts';
import { FRAMING_IRREGULAR, FRAMING_LEMMAS } from './lexicon/cues.ts';

function inflect(lemma: string): string[] {
  const forms = [lemma];
  if (/(s|sh|ch|x|z)$/.test(lemma)) forms.push(`${lemma}es`);
  else forms.push(`${lemma}s`);
  if (lemma.endsWith('e')) {
    forms.push(`${lemma}d`, `${lemma.slice(0, -1)}ing`);
  } else {
    forms.push(`${lemma}ed`, `${lemma}ing`);
  }
  return forms;
}

const FORMS = new Map<string, string>();
for (const [lemma, forms] of Object.entries(IRREGULAR)) for (const f of forms) FORMS.set(f, lemma);
for (const lemma of REGULAR) for (const f of inflect(lemma)) if (!FORMS.has(f)) FORMS.set(f, lemma);

/** What we know about one speech-verb word form. */
export interface SpeechVerb {
  /** The word as matched, lowercase ("said"). */
  form: string;
  /** Its lemma ("say"). */
  lemma: string;
  /** True for "-ing" forms: "..., saying ..." takes the subject of the main clause. */
  participle: boolean;
  /** Verbs like "called" / "continued" that need a speaker right next to them to count. */
  weak: boolean;
  /** Whether the verb introduces a reported clause (a claim). */
  takesClause: boolean;
}

/**
 * Looks a word up in the speech-verb list (any inflection).
 *
 * @param word - a single word, any case
 * @returns the verb's description, or null when the word is not a speech verb
 */
export function speechVerb(word: string): SpeechVerb | null {
  const form = word.toLowerCase();
  const lemma = FORMS.get(form);
  if (lemma === undefined) return null;
  return {
    form,
    lemma,
    participle: form.endsWith('ing'),
    weak: WEAK.has(lemma),
    takesClause: CLAUSE_LEMMAS.has(lemma),
  };
}

/**
 * A phrasal speech verb at a word and the word after it ("shot back", "fired back"), or null.
 *
 * @param word - the verb word, lowercase
 * @param next - the following word, lowercase
 */
export function phrasalSpeechVerb(word: string, next: string): SpeechVerb | null {
  const p = PHRASAL[word];
  if (!p || p.particle !== next) return null;
  return {
    form: `${word} ${next}`,
    lemma: p.lemma,
    participle: false,
    weak: false,
    takesClause: CLAUSE_LEMMAS.has(p.lemma),
  };
}

/**
 * True when the word is any inflection of a speech verb.
 *
 * @param word - a single word, any case
 */
export function isSpeechVerb(word: string): boolean {
  return FORMS.has(word.toLowerCase());
}

const FRAMING_FORMS = new Map<string, string>();
for (const lemma of FRAMING_LEMMAS) {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const forms = [lemma, `${lemma}s`, `${stem}ed`, `${stem}ing`, `${lemma}d`];
  // Doubled final consonant: "referred", "dubbed", "slammed".
  if (/[^aeiou][aeiou][bdglmnprt]$/.test(lemma))
    forms.push(`${lemma}${lemma.slice(-1)}ed`, `${lemma}${lemma.slice(-1)}ing`);
  if (lemma.endsWith('y')) forms.push(`${lemma.slice(0, -1)}ied`, `${lemma.slice(0, -1)}ies`);
  for (const f of forms) FRAMING_FORMS.set(f, lemma);
}
for (const [form, lemma] of Object.entries(FRAMING_IRREGULAR)) FRAMING_FORMS.set(form, lemma);

/**
 * True for a word form of a verb that frames quoted words as someone's ("called", "described",
 * "characterised", "referring").
 *
 * @param word - one lowercase word
 */
export function isFramingVerb(word: string): boolean {
  return FRAMING_FORMS.has(word);
}
