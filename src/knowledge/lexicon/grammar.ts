/**
 * Function words the attribution grammar and the name scanner read (data only): prepositions,
 * pronouns, auxiliaries, the adverbs that may stand between a subject and its verb.
 */

/** Words that follow a closing quotation mark rather than a plural possessive. */
export const CLOSING_FOLLOWERS = new Set([
  'and',
  'or',
  'but',
  'to',
  'in',
  'of',
  'for',
  'on',
  'at',
  'as',
  'he',
  'she',
  'they',
  'it',
  'we',
  'said',
  'says',
  'told',
  'added',
  'which',
  'that',
  'while',
  'when',
  'because',
  'if',
  'is',
  'was',
  'are',
  'were',
  'with',
  'by',
  'from',
  'after',
  'before',
  'then',
  'so',
  'according',
]);

/**
 * Days a report dates its news by, and the parts of a day after them: "the ministry on Tuesday
 * said", "the council on Monday night voted" put the date between a subject and its verb.
 */
export const WEEKDAYS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
export const DAY_PARTS = new Set(['morning', 'afternoon', 'evening', 'night']);

/** Words that may sit between a subject and its verb ("Lavrov also said", "he has warned"). */
export const SKIPPABLE = new Set([
  'also',
  'has',
  'have',
  'had',
  'then',
  'later',
  'once',
  'again',
  'further',
  'repeatedly',
  'already',
  'still',
  'nevertheless',
  'however',
  'had',
  'would',
  'will',
  'did',
  'does',
  'do',
  'is',
  'was',
  'recently',
  'previously',
  'publicly',
  'privately',
  'reportedly',
  'now',
  'often',
  'always',
  'never',
  'not',
  'just',
  'first',
  'quickly',
  'even',
  'only',
  'too',
  'herself',
  'himself',
  'itself',
  'themselves',
  'separately',
  'earlier',
  'today',
  'yesterday',
  'last',
]);
export const PREPOSITIONS = new Set([
  'of',
  'in',
  'from',
  'to',
  'with',
  'by',
  'for',
  'at',
  'on',
  'against',
  'about',
  'between',
  'among',
  'into',
  'than',
  'like',
  'including',
  'despite',
  'after',
  'before',
  'over',
  'under',
  'toward',
  'towards',
  'across',
  'through',
  'during',
  'without',
  'within',
  'upon',
  'as',
]);
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
export const BE_FORMS = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', '’s', "'s"]);

/** Possessive determiners: a name after one is owned, not acting ("her Twitter account"). */
export const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Auxiliaries and modals: a word before one of them is a noun, not a verb ("Soviet states are"). */
export const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'should',
  'must',
  'do',
  'does',
  'did',
]);

/** Words after a speech verb that show it takes no reported clause ("spoke of", "warned against"). */
export const VERB_PARTICLES = new Set([
  'of',
  'about',
  'against',
  'for',
  'to',
  'in',
  'on',
  'at',
  'with',
  'by',
  'up',
  'down',
  'out',
  'off',
  'as',
  'from',
  'into',
  'over',
  'after',
  'before',
  'during',
  'yet',
  'so',
  'and',
  'or',
  'but',
  'when',
  'while',
]);

/** Forms of "be" before a passive participle (claims). */
export const BE_PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);

/**
 * Prepositions that front the person a sentence is about ("For Whitlow, the fight is not over.",
 * "To Wexcombe, the result meant everything."): a he / she after it is that person.
 */
export const TOPIC_PREPOSITIONS = new Set(['for', 'to']);

/**
 * Prepositions that bring in the outlet of a passive quotation ("was quoted by the Gazette as
 * saying", "was quoted in a local paper as saying", "quoted on state radio as saying"): the
 * outlet carried the words, the passive's subject said them.
 */
export const OUTLET_PREPOSITIONS = new Set(['by', 'in', 'on']);

/**
 * Determiners that open a source an outlet describes but does not name ("quoted a person close
 * to the talks as saying", "quoted two officials as saying").
 */
export const UNNAMED_SOURCE_DETERMINERS = new Set(['a', 'an', 'one', 'two', 'three', 'some', 'several', 'unnamed']);
