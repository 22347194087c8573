/**
 * Speech verbs as data: their lemmas, which are too loose to attribute alone, and which introduce
 * a reported clause. speech-verbs.ts inflects and looks them up.
 */

/** Irregular lemmas with all their forms (base, -s, past, -ing). */
export const IRREGULAR: Record<string, string[]> = {
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
  // "Counsel submitted that the arrest was “…”" (court reports).
  submit: ['submit', 'submits', 'submitted', 'submitting'],
  sum: ['summed'],
  // "Judge Ruiz ruled that the firm had been “…”": a court's finding (only the past form: "rule"
  // and "rules" are nouns as often).
  rule: ['ruled'],
  // "The statement read": a document's words (a person reading is not a speech verb: weak).
  read: ['read', 'reads'],
};

/** Regular lemmas: inflections are generated (-s, -ed, -ing with e-drop). */
export const REGULAR = [
  'opine',
  'elaborate',
  'retort',
  'proclaim',
  'concur',
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
  // "X also reacted on Twitter, “…”": a reaction posted or spoken is someone's words.
  'react',
  // "Pike had assured her that “…”": an assurance is someone's words.
  'assure',
  // "Ostrowski countered that the offer “…”".
  'counter',
  // "“…,” she raged": anger reported as speech.
  'rage',
  'fume',
  // "“…,” Okeke shared at the press conference", "a statement from X revealed".
  'share',
  'reveal',
];

/**
 * Phrasal speech verbs: the verb's forms, each with the particle that must follow it ("Quintero
 * shot back that …", "“…,” she fired back"). The verb word alone ("shot", "fired") is no cue.
 */
export const PHRASAL: Readonly<Record<string, { lemma: string; particle: string }>> = {
  shot: { lemma: 'shoot back', particle: 'back' },
  shoots: { lemma: 'shoot back', particle: 'back' },
  fired: { lemma: 'fire back', particle: 'back' },
  fires: { lemma: 'fire back', particle: 'back' },
  hit: { lemma: 'hit back', particle: 'back' },
  hits: { lemma: 'hit back', particle: 'back' },
  // "Antić pointed out that the ministry “…”": a full cue, where "pointed" alone is weak.
  pointed: { lemma: 'point out', particle: 'out' },
  points: { lemma: 'point out', particle: 'out' },
  // "Hale went on: “…”": a speaker who carries on speaking.
  went: { lemma: 'go on', particle: 'on' },
  goes: { lemma: 'go on', particle: 'on' },
};

/** Speech verbs too loose to attribute on their own in the middle of narration. */
export const WEAK = new Set([
  // "shared a photo": a weak cue, only a speaker when the quote comes with it.
  'share',
  'read',
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
  'react',
]);

/**
 * Lemmas that introduce a reported clause ("X said (that) ..."): the rest take an object
 * ("described X as ...", "called it ...") and do not make claims on their own.
 */
export const CLAUSE_LEMMAS = new Set([
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
  'counter',
  'submit',
  'shoot back',
  'fire back',
  'hit back',
]);
