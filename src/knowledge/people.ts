/**
 * People, organisations, countries and groups the article names, with the aliases a reader would
 * type, the roles the text gives them and every span that names them.
 *
 * Detection is our own capitalised-name-sequence scan over tokens with offsets, checked against
 * compromise's lexicon (read-only) for first names, countries and organisations. We do not run
 * compromise's `people()` here: it misses lone surnames and names it does not know, and keeps
 * punctuation in its output; the scan plus evidence rules (a title, an appositive role, a speech
 * verb next to the name, a later bare surname) generalise better to unseen articles.
 *
 * The parts live in people/: scan.ts (name scanning), resolve.ts (entity resolution and the
 * lookups attribution uses) and roles.ts (role nouns and role phrases). This module is their
 * public face.
 */
export * from './people/resolve.ts';
export { isRoleNoun, roleHead } from './people/roles.ts';
export { AUXILIARIES } from './lexicon/grammar.ts';
