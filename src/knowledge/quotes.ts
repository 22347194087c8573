/**
 * Direct quotes: finding the quotation marks, telling quotes from scare quotes and apostrophes,
 * and attributing each quote to a speaker with a small, ordered set of rules. A quote without a
 * safe attribution keeps `speaker: null`: a wrong name is worse than none.
 *
 * The parts live in quotes/: marks.ts (quote-mark finding), view.ts (the paragraph view the rules
 * read), grammar.ts (cue grammar: subjects, inverted speakers), discourse.ts (who is current) and
 * attribution.ts (the ordered rules). This module is their public face.
 */
export * from './quotes/marks.ts';
export * from './quotes/view.ts';
export * from './quotes/grammar.ts';
export * from './quotes/discourse.ts';
export * from './quotes/attribution.ts';
export * from './quotes/terms.ts';
export { PREPOSITIONS, PRONOUNS } from './lexicon/grammar.ts';
