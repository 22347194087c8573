/**
 * Word lists of attribution cues beyond the speech verbs (data only, shared by the rules).
 */

/**
 * Verbs that frame a quoted fragment as someone's words without being verbs of saying:
 * "called the move a “…”", "described the attacks as a “…”", "characterised the call as “…”".
 * Matched on any inflection of the lemma.
 */
export const FRAMING_LEMMAS = [
  'call',
  'describe',
  'characterize',
  'characterise',
  'refer',
  'term',
  'dub',
  'label',
  'brand',
  'hail',
  'praise',
  'condemn',
  'denounce',
  'criticize',
  'criticise',
  'deem',
  'dismiss',
  'slam',
  'blast',
  'decry',
  'welcome',
  'promise',
  'vow',
  'urge',
  'accuse',
  'cite',
  'express',
  'indicate',
  'declare',
  'find',
  'specify',
  'envision',
  'envisage',
  'look',
  'see',
  'view',
  'regard',
  'consider',
  'credit',
  'blame',
  'ask',
  'demand',
  'pledge',
  'add',
  'write',
  'tweet',
  'post',
  'read',
  'recall',
  'conclude',
  // "justified the strike as “defensive”", "rejected the report as “…”".
  'justify',
  'portray',
  'reject',
  'applaud',
  // "The charter requires that the director be chosen “…”": a document's words.
  'require',
  'stipulate',
] as const;

/** Irregular past forms of framing verbs. */
export const FRAMING_IRREGULAR: Readonly<Record<string, string>> = {
  found: 'find',
  saw: 'see',
  seen: 'see',
  wrote: 'write',
  written: 'write',
  read: 'read',
  reads: 'read',
};

/**
 * Verbs by which a body puts out a document that speaks for it ("Police issued a statement,
 * saying …"): its subject is the document's issuer, so it stands in a speaker's slot.
 */
export const ISSUING_VERBS = new Set(['issued', 'released', 'published', 'posted']);

/**
 * Nouns naming a written or spoken text whose owner is its speaker: "the mayor's statement read:",
 * "In his message, ...", "a memo posted by Senator X".
 */
export const DOCUMENT_NOUNS = new Set([
  'website',
  'description',
  'notice',
  'document',
  'decision',
  'statement',
  'statements',
  'message',
  'letter',
  'tweet',
  'tweets',
  'post',
  'posting',
  'memo',
  'summary',
  'ruling',
  'opinion',
  'decree',
  'report',
  'release',
  'announcement',
  'speech',
  'remarks',
  'address',
  'email',
  'note',
  'account',
  'press',
  'interview',
  'testimony',
  'judgment',
  'judgement',
  'verdict',
  'order',
  'filing',
  'complaint',
  'editorial',
  'column',
  'blog',
  'video',
  'broadcast',
]);

/**
 * A US legislator's party–state tag set off by commas after the name ("Sen. Ana Li, D-N.M.,",
 * "Rep. Jo Hart, R-Ky.,"): part of the naming, never a speaker of its own.
 */
export const PARTY_STATE_TAG = /^[A-Z]-[A-Z][A-Za-z.]*$/u;

/** Nouns that, after a quotation, talk about its words: "“…,” a remark she later withdrew". */
export const ECHO_NOUNS = new Set([
  'remark',
  'remarks',
  'comment',
  'comments',
  'line',
  'refrain',
  'sentiment',
  'claim',
  'quote',
  'quip',
  'catchphrase',
  // "“…,” a promise Ward called “brave”": what was said, named as an act of speech.
  'promise',
  'pledge',
  'vow',
  'prediction',
  'warning',
  'boast',
  'assurance',
  'accusation',
  'charge',
  'assessment',
  'description',
  'characterisation',
  'characterization',
]);

/** Words that open a relative clause before its subject ("what one aide called", "which critics call"). */
export const RELATIVE_OPENERS = new Set(['what', 'which', 'that', 'whom']);

/** Determiners and possessive pronouns that may open a noun phrase between a name and a cue. */
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that']);

/** Prepositions that attach an organisation or place to the person before it ("X of the Times", "X in Leeds"). */
export const AFFILIATION_PREPOSITIONS = new Set(['of', 'from', 'at', 'with', 'for', 'in']);

/**
 * Nouns and participles that introduce words mentioned as words, names or titles rather than
 * someone's speech: "the term “…”", "the hashtag “…”", "nicknamed “…”", "a film titled “…”".
 */
export const MENTION_NOUNS = new Set([
  'term',
  'terms',
  'phrase',
  'phrases',
  'word',
  'words',
  'expression',
  'hashtag',
  'nickname',
  'nicknamed',
  'slogan',
  'motto',
  'title',
  'titled',
  'entitled',
  'headline',
  'headlined',
  'label',
  'labelled',
  'labeled',
  'banner',
  'sign',
  'signs',
  'name',
  'named',
  'codenamed',
  'so-called',
  // A gloss: "a name that means “love”".
  'means',
  'meaning',
]);

/**
 * Objects that carry words nobody is reported as saying, and the words that link them to the
 * quotation: "signs reading “…”", "a banner that said “…”", "a sign calling it “…”".
 */
export const INSCRIPTION_NOUNS = new Set([
  'sign',
  'signs',
  'banner',
  'banners',
  'placard',
  'placards',
  'poster',
  'posters',
  'billboard',
  'billboards',
  'plaque',
  'sticker',
  'stickers',
  'shirt',
  'shirts',
  't-shirt',
  't-shirts',
  'graffiti',
  'mural',
]);
export const INSCRIPTION_LINKS = new Set([
  'reading',
  'read',
  'reads',
  'saying',
  'said',
  'says',
  'that',
  'which',
  'calling',
  'it',
  'bearing',
  'with',
  'the',
  'words',
]);

/**
 * Verbs that give something a name: "whom fans call “the Train”", "known as the “Orrin Belle”",
 * "dubbed the “…”". With "the" before or opening a short quotation, the quotation is a name.
 */
export const NAMING_VERBS = new Set([
  'call',
  'calls',
  'called',
  'calling',
  'dub',
  'dubs',
  'dubbed',
  'nickname',
  'nicknames',
  'known',
  'know',
  'knows',
]);

/**
 * Words that cannot be the head noun after a quoted modifier ("the “big box” stores"): a quote
 * followed by one of these ends its own phrase ("a “disgrace” and …", "the “best” that …").
 */
export const NOT_A_HEAD_NOUN = new Set([
  'and',
  'or',
  'but',
  'nor',
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'if',
  'when',
  'while',
  'because',
  'so',
  'not',
  'the',
  'a',
  'an',
]);

/**
 * Auxiliaries that open a verb phrase of their own ("Li Wei had phoned him … and told him"):
 * walking back from "and" to the first verb of a pair, one of these after a person names the
 * pair's subject. Forms of "be" are left out ("said it was “unfair” and told …").
 */
export const PHRASE_AUXILIARIES = new Set(['had', 'has', 'have', 'would', 'will', 'could', 'did']);

/**
 * Nouns for something said whose owner, written as a possessive, is the one quoted in the clause
 * they govern: "rejected Ortega's claim that the plan was “…”", "responding to Li's assertion
 * that fares had been “…”".
 */
export const SPEECH_NOUNS = new Set([
  'claim',
  'claims',
  'assertion',
  'assertions',
  'insistence',
  'contention',
  'allegation',
  'allegations',
  'accusation',
  'accusations',
  'charge',
  'suggestion',
  'argument',
  'remark',
  'remarks',
  'comment',
  'comments',
  'promise',
  'pledge',
  'warning',
  'prediction',
  'description',
  'characterisation',
  'characterization',
  'assurance',
  'assurances',
  'boast',
  'complaint',
  'statement',
  'words',
  'line',
  'estimate',
  'estimates',
  'finding',
  'findings',
  'conclusion',
  'view',
  'belief',
  'demand',
  'plea',
  'threat',
]);

/**
 * Words that open a new clause right after a closing quotation mark: "“…,” while her neighbour,
 * Sam Achebe, told …" reports another person, not the quotation's speaker. Not "and": "“…,”
 * and she laughs when she says it" is still the speaker.
 */
export const CLAUSE_OPENERS_AFTER_QUOTE = new Set([
  'while',
  'whereas',
  'whilst',
  'but',
  'although',
  'though',
  'because',
  'since',
  'yet',
  'unless',
  'until',
  'before',
  'after',
]);

/**
 * Words that, right after a sentence's opening speech verb, show a participle clause, not an
 * inverted speaker: "Asked whether she would run, she said …", "Asked about the plan, …".
 */
export const OPENING_CLAUSE_WORDS = new Set([
  'whether',
  'if',
  'why',
  'how',
  'what',
  'when',
  'where',
  'who',
  'which',
]);

/**
 * Subordinating words that open a sentence's first clause: a quotation inside that clause ("When
 * a panel member asked whether it had been “ignored,” Lindgren said …") is not the main clause's.
 */
export const SUBORDINATORS = new Set([
  'when',
  'after',
  'as',
  'if',
  'before',
  'since',
  'although',
  'though',
  'while',
  'because',
  'once',
  'until',
  'whenever',
  'unless',
]);

/** Verbs of "as X put it" / "as X described it": a parenthesis naming whose words follow. */
export const PUT_IT_VERBS = new Set([
  'put',
  'puts',
  'phrased',
  'phrases',
  'described',
  'describes',
  'said',
  'says',
]);

/** Possessive determiners before an owned noun and the pronoun that resolves them. */
export const OWNER_PRONOUNS: Readonly<Record<string, string>> = {
  his: 'he',
  her: 'she',
  their: 'they',
  its: 'it',
};

/**
 * Gestures that stand for a reply ("Asked whether …, Marchetti shrugged. “…”"): a quotation
 * opening the next sentence, with no cue of its own, is the gesturer's answer. Past and present
 * forms.
 */
export const GESTURE_VERBS = new Set([
  'shrugged',
  'shrugs',
  'laughed',
  'laughs',
  'smiled',
  'smiles',
  'grinned',
  'grins',
  'nodded',
  'nods',
  'sighed',
  'sighs',
  'winced',
  'winces',
  'chuckled',
  'chuckles',
  'frowned',
  'frowns',
  'paused',
  'pauses',
  'hesitated',
  'hesitates',
  'shook',
  'shakes',
  'grimaced',
  'grimaces',
  'beamed',
  'beams',
  'scoffed',
  'scoffs',
  'smirked',
  'smirks',
]);

/**
 * A pseudo-pronoun for a person referred to by a description that fits anyone ("the
 * 29-year-old" when no one was given that age): the discourse resolves it like he / she, without
 * a gender.
 */
export const PERSON_REFERENCE = 'someone';

/**
 * Nouns for words sent or given, beside the document and speech nouns: in a colon clause, the
 * person they come from speaks ("Hale received a text from Ruiz: “…”", "The verdict from Ana Ruiz
 * was blunt: “…”").
 */
export const MESSAGE_NOUNS = new Set([
  'text',
  'texts',
  'reply',
  'response',
  'answer',
  'advice',
  'word',
  'message',
  'messages',
  'question',
  'verdict',
  'warning',
  'instruction',
  'instructions',
]);

/**
 * Verbs of meeting or interviewing someone: after "Hale interviewed Pike." a he / she quote may
 * be either's words (the one asked usually answers). "spoke" and "talked" count before "to" /
 * "with".
 */
export const MEETING_VERBS = new Set([
  'interviewed',
  'interviews',
  'questioned',
  'questions',
  'quizzed',
  'met',
  'meets',
  'visited',
  'visits',
  'phoned',
  'phones',
  'contacted',
  'spoke',
  'speaks',
  'talked',
  'talks',
]);

/**
 * Nouns for the staff who speak for a person ("Harlow's office said", "the senator's camp
 * replied"): after a person's possessive, the words are given to that person.
 */
export const SPOKESMAN_BODY_NOUNS = new Set(['office', 'camp']);

/**
 * Prepositions whose object is someone acted on, not a speaker ("freed the campaigner X on bail",
 * "a ruling against X"): such a person between a body and its quotation does not rival the body.
 * Not "by", "from" or "with" (an agent, a sender, an interviewee), and not "according to".
 */
export const OBJECT_PREPOSITIONS = new Set(['to', 'for', 'against']);

/**
 * How a report says that someone takes the floor to answer, as a whole predicate ending its
 * sentence ("Thursby had the last word.", "Pike did not back down."): the quotation opening
 * the next sentence, with no cue of its own, is that person's. Lowercase words.
 */
export const STANCE_PREDICATES: readonly (readonly string[])[] = [
  ['had', 'the', 'last', 'word'],
  ['has', 'the', 'last', 'word'],
  ['did', 'not', 'back', 'down'],
  ['was', 'unrepentant'],
  ['was', 'defiant'],
  ['was', 'unmoved'],
  ['was', 'unconvinced'],
  ['was', 'not', 'convinced'],
  ['was', 'less', 'diplomatic'],
  ['was', 'more', 'blunt'],
  ['was', 'blunter'],
  ['was', 'blunt'],
  ['was', 'more', 'cautious'],
  ['was', 'less', 'certain'],
  ['was', 'more', 'measured'],
  ['was', 'more', 'guarded'],
  ['was', 'more', 'circumspect'],
  ['was', 'philosophical'],
];

/**
 * Nouns a sentence after a quotation uses for it ("The mayor made the remark to reporters",
 * "Quennell's response came within the hour"): whoever owns or made it said the quotation.
 */
export const REMARK_NOUNS = new Set([
  'remark',
  'remarks',
  'comment',
  'comments',
  'response',
  'reply',
  'retort',
]);

/** Verbs of making a remark: "made the remark", "gave the reply". */
export const REMARK_VERBS = new Set(['made', 'makes', 'gave', 'gives', 'delivered', 'delivers']);
