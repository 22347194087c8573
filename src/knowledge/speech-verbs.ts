/**
 * Speech verbs: the words that turn a name next to a quotation into its speaker, or a clause into
 * reported speech. Matched on lowercase word forms (we do not trust a tagger here: compromise
 * tags "said" as an adjective in some sentences).
 */

/** Irregular lemmas with all their forms (base, -s, past, -ing). */
const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  speak: ['speak', 'speaks', 'spoke', 'speaking', 'spoken'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  quip: ['quip', 'quips', 'quipped', 'quipping'],
  sum: ['summed'],
};

/** Regular lemmas: inflections are generated (-s, -ed, -ing with e-drop). */
const REGULAR = [
  'add',
  'state',
  'warn',
  'describe',
  'explain',
  'note',
  'argue',
  'claim',
  'insist',
  'declare',
  'announce',
  'ask',
  'tweet',
  'stress',
  'urge',
  'vow',
  'recall',
  'acknowledge',
  'suggest',
  'predict',
  'caution',
  'complain',
  'concede',
  'confirm',
  'emphasise',
  'emphasize',
  'observe',
  'remark',
  'report',
  'respond',
  'continue',
  'conclude',
  'believe',
  'call',
  'insist',
  'assert',
  'contend',
  'maintain',
  'mention',
  'comment',
  'exclaim',
  'reiterate',
  'recount',
  'joke',
  'boast',
  'allege',
  'estimate',
  'lament',
  'pledge',
  'promise',
  'answer',
  'point',
  'post',
  'write',
  'shout',
  'scream',
  'whisper',
  'yell',
  'mutter',
  'plead',
  'tell',
  'agree',
];

/** Speech verbs too loose to attribute on their own in the middle of narration. */
const WEAK = new Set([
  'call',
  'continue',
  'report',
  'estimate',
  'point',
  'post',
  'agree',
  'answer',
  'think',
  'believe',
  'speak',
  'maintain',
  'promise',
]);

/**
 * Lemmas that introduce a reported clause ("X said (that) ..."): the rest take an object
 * ("described X as ...", "called it ...") and do not make claims on their own.
 */
const CLAUSE_LEMMAS = new Set([
  'say',
  'tell',
  'add',
  'state',
  'warn',
  'explain',
  'note',
  'argue',
  'claim',
  'insist',
  'declare',
  'announce',
  'stress',
  'admit',
  'acknowledge',
  'suggest',
  'predict',
  'caution',
  'complain',
  'concede',
  'confirm',
  'deny',
  'emphasise',
  'emphasize',
  'observe',
  'remark',
  'report',
  'respond',
  'reply',
  'conclude',
  'believe',
  'think',
  'assert',
  'contend',
  'maintain',
  'write',
  'tweet',
  'allege',
  'reiterate',
  'recall',
  'vow',
  'pledge',
  'promise',
  'testify',
  'estimate',
]);

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
 * True when the word is any inflection of a speech verb.
 *
 * @param word - a single word, any case
 */
export function isSpeechVerb(word: string): boolean {
  return FORMS.has(word.toLowerCase());
}
