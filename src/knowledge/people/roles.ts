/**
 * Roles: whether a word names a role, a role's head noun, and the role phrases written around a
 * name (before it, as an appositive after it, or as an appositive the name closes).
 */
import { lexiconTags, type Token } from '../nlp.ts';
import { isSpeechVerb } from '../speech-verbs.ts';
import {
  GENDERED_ROLE_STEMS,
  NOT_ROLE_NOUNS,
  RELATIVE_ROLE_VERBS,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  STOP,
  TENURE_WORDS,
  TITLE_WORDS,
} from '../lexicon/people.ts';
import { RANK_EXPANSIONS } from '../lexicon/abbreviations.ts';
import type { Candidate } from './scan.ts';

/** Punctuation that ends a role phrase read forward from a name ("X, the mayor of Y, said"). */
const ENDS_ROLE_AFTER = new Set([',', '.', ';', '—', '(', '“', '"']);
/** Punctuation that ends a role phrase read back from a name ("the Tajik representative, X"). */
const ENDS_ROLE_BEFORE = new Set([',', '.', ';', ':', '”', '"']);

/**
 * True for a noun that names a role or function (minister, spokesman, ranger, fellow ...): the
 * curated list plus the agent suffixes (-er, -or, -ist, -man/-woman, -ian) and compromise's
 * "Actor" tag.
 *
 * @param word - one lowercase word
 */
export function isRoleNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (STOP.has(w)) return false;
  if (isAgeNoun(w)) return true;
  if (ROLE_NOUNS.has(w) || TITLE_WORDS.has(w)) return true;
  if (lexiconTags(w).has('Actor')) return true;
  if (NOT_ROLE_NOUNS.has(w)) return false;
  if (/[a-z]{2}(?:er|or|ist|ian)s?$/.test(w)) return true;
  const m = GENDERED_ROLE.exec(w);
  return m !== null && GENDERED_ROLE_STEMS.has(m[1] ?? '');
}

/** "spokeswoman" -> stem "spokes", form "woman" (plural too). */
const GENDERED_ROLE = /^(?:[a-z]+-)?([a-z]+?)(man|woman|person|men|women|people|persons)$/;

/**
 * The other forms a role noun of the -man / -woman / -person kind matches: the neutral form
 * matches either gendered one ("Port authority spokesperson X" is "the spokeswoman"), a gendered
 * one the neutral form only, never the other gender ("the spokesman" is not the spokeswoman).
 * Empty for other words.
 */
export function genderedRoleForms(head: string): string[] {
  const m = GENDERED_ROLE.exec(head);
  if (!m || !GENDERED_ROLE_STEMS.has(m[1] ?? '')) return [];
  const stem = m[1] ?? '';
  const prefix = head.slice(0, head.length - stem.length - (m[2] ?? '').length);
  if (m[2] === 'person') return [`${prefix}${stem}man`, `${prefix}${stem}woman`];
  return m[2] === 'man' || m[2] === 'woman' ? [`${prefix}${stem}person`] : [];
}

/**
 * The head noun of a role ("the Tajik representative to the CSTO" -> "representative",
 * "Russian Foreign Minister" -> "minister").
 *
 * @param role - the role text
 */
export function roleHead(role: string): string {
  const words = roleWords(role);
  const cut = words.findIndex((w) => /^(to|of|at|for|in|with|on|from|who|which|and|,)$/.test(w));
  const head = cut > 0 ? words.slice(0, cut) : words;
  return head[head.length - 1] ?? '';
}

/** A role's words, lowercase, abbreviated ranks written out ("Sen." -> "senator"). */
export function roleWords(role: string): string[] {
  return role
    .toLowerCase()
    .split(/\s+/)
    .map((w) => {
      const bare = w.replace(/[,;.]$/, '');
      return RANK_EXPANSIONS.get(bare) ?? bare;
    });
}

/** A party-and-state tag after a politician's name: "D-N.M.", "R-Ky.", "I-Vt.". */
export function isPartyTag(text: string): boolean {
  return /^[DRI]-[A-Z][A-Za-z]*\.?(?:[A-Z]\.)*$/.test(text);
}

/** Lowercase role words right before a name: "White House press secretary Josh Earnest". */
export function roleBefore(c: Candidate): string | null {
  const toks = c.tokens;
  let k = c.tokenIndex - 1;
  const headTok = toks[k];
  if (!headTok || !headTok.word || headTok.capital || !isRoleNoun(headTok.lower)) return null;
  let startTok = headTok;
  k--;
  while (k >= 0) {
    const t = toks[k] as Token;
    if (!t.word) break;
    if (t.lower === 'the' || t.lower === 'a' || t.lower === 'an') {
      startTok = t;
      break;
    }
    // "Former Penwith mayor Colin Gerrity": the tenure word opens the role ("the former mayor").
    if (TENURE_WORDS.has(t.lower)) {
      startTok = t;
      break;
    }
    if (
      STOP.has(t.lower) ||
      isSpeechVerb(t.lower) ||
      /(?:ed|ly)$/.test(t.lower) ||
      lexiconTags(t.lower).has('Verb')
    )
      break;
    startTok = t;
    if (t.possessive) {
      const before = toks[k - 1];
      if (before && before.lower === 'the') startTok = before;
      break;
    }
    k--;
  }
  return textBetween(c, startTok.start, headTok.end);
}

export function textBetween(c: Candidate, start: number, end: number): string {
  // Tokens keep paragraph offsets; rebuild the text from them (spacing normalised).
  const parts: string[] = [];
  let prevEnd = -1;
  const toks = c.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((toks[mid] as Token).start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (t.start > end) break;
    if (t.end > end) continue;
    // A plural possessive keeps its bare apostrophe as the next token ("Foods’ director").
    const next = toks[k + 1];
    const bare = next !== undefined && !next.word && next.start === t.end && /^[’']$/.test(next.text);
    const suffixed = t.possessive && !bare;
    const raw = suffixed ? `${t.text}’s` : t.text;
    parts.push(prevEnd >= 0 && t.start > prevEnd ? ` ${raw}` : raw);
    prevEnd = suffixed ? t.end + 2 : t.end;
  }
  return parts.join('').trim();
}

/** ", the Tajik representative to the CSTO," after a name. */
export function appositiveAfter(c: Candidate): string | null {
  const toks = c.tokens;
  if (toks[c.tokenEnd]?.text !== ',') return null;
  let k = c.tokenEnd + 1;
  // "Maria Ortega, D-N.M., the chair of …": the party tag is not the role.
  if (isPartyTag(toks[k]?.text ?? '')) {
    const dot = toks[k + 1]?.text === '.' ? 1 : 0;
    if (toks[k + 1 + dot]?.text === ',') k += 2 + dot;
  }
  const first = toks[k];
  if (!first || !first.word) return null;
  if (/^\d/.test(first.text) || isSpeechVerb(first.lower)) return null;
  if (first.lower === 'who') {
    // "X, who heads Y," -> "head of Y"; "X, who is the minister," -> "the minister".
    const verb = toks[k + 1];
    const lead = verb
      ? (RELATIVE_ROLE_VERBS[verb.lower] ?? (verb.lower === 'is' || verb.lower === 'was' ? '' : null))
      : null;
    if (lead === null) return null;
    let e = k + 2;
    while (e < toks.length && (toks[e] as Token).word) e++;
    const last = toks[e - 1];
    if (!last || e <= k + 2) return null;
    const rest = textBetween(c, (toks[k + 2] as Token).start, last.end);
    return lead === '' ? rest : `${lead} ${rest}`;
  }
  const start = first;
  let end: Token | null = null;
  let hasRole = false;
  let words = 0;
  for (; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (!t.word) {
      if (ENDS_ROLE_AFTER.has(t.text)) break;
      continue;
    }
    if (/^(who|which|that|whose|where)$/.test(t.lower) && words > 0) break;
    if (isSpeechVerb(t.lower) && !t.capital) return null;
    if (words === 0 && /^(and|or|but|said|says|is|was|has|had)$/.test(t.lower)) return null;
    if (isRoleNoun(t.lower) && !t.capital) hasRole = true;
    if (isRoleNoun(t.lower) && t.capital && TITLE_WORDS.has(t.lower)) hasRole = true;
    end = t;
    words++;
    if (words > 25) return null;
  }
  if (!end || !hasRole) return null;
  // Only noun phrases: a determiner, a possessive, a number word or a capitalised modifier starts
  // them; "Tajikistan, Russia, and ..." lists never carry a role noun.
  if (
    !/^(the|a|an|his|her|its|their)$/.test(start.lower) &&
    !start.capital &&
    !isRoleNoun(start.lower) &&
    !ROLE_MODIFIERS.has(start.lower)
  ) {
    return null;
  }
  return textBetween(c, start.start, end.end);
}

/** "the Tajik representative, Hasan Sultonov" / "The leader of Ennahda, Rachid Ghannouchi,". */
export function appositiveBefore(c: Candidate): string | null {
  const toks = c.tokens;
  const comma = toks[c.tokenIndex - 1];
  if (comma?.text !== ',') return null;
  const closing = toks[c.tokenEnd];
  if (closing && closing.word && !isSpeechVerb(closing.lower)) return null;
  let k = c.tokenIndex - 2;
  const end = toks[k];
  if (!end || !end.word) return null;
  let start: Token | null = null;
  let hasRole = false;
  let words = 0;
  for (; k >= 0; k--) {
    const t = toks[k] as Token;
    if (!t.word) {
      if (ENDS_ROLE_BEFORE.has(t.text)) break;
      continue;
    }
    if (isSpeechVerb(t.lower) && !t.capital) break;
    if (isRoleNoun(t.lower)) hasRole = true;
    start = t;
    words++;
    // "Calloway Shipping's chief executive, X": the owner's name ends the role phrase.
    if (t.possessive && t.capital && hasRole) {
      while (k - 1 >= 0 && (toks[k - 1] as Token).word && (toks[k - 1] as Token).capital)
        start = toks[--k] as Token;
      break;
    }
    // "the delegate to the Regional Assembly, X": an inner "the" belongs to the role's complement.
    if (/^(the|a|an)$/.test(t.lower) && hasRole) break;
    if (words > 12) return null;
  }
  if (!start || !hasRole || !/^(the|a|an|his|her|its|their)$/.test(start.lower)) {
    if (!(start && (start.possessive || ownerBefore(toks, start, end)))) return null;
  }
  if (!start) return null;
  return textBetween(c, start.start, end.end);
}

/** True when a capitalised owner with a possessive stands between two tokens ("Calloway Shipping's"). */
function ownerBefore(toks: readonly Token[], start: Token, end: Token): boolean {
  const from = toks.indexOf(start);
  const to = toks.indexOf(end);
  for (let k = from; k >= 0 && k < to; k++) {
    const t = toks[k] as Token;
    if (!t.capital) return false;
    if (t.possessive) return true;
  }
  return false;
}

/** "36-year-old", "teenager": words a report uses for a person it gave an age. */
export function isAgeNoun(word: string): boolean {
  return /^\d{1,3}-year-old$/.test(word) || word === 'teenager';
}

/**
 * The age a report gives a person, as a role: "19-year-old Tyler Marsh", "Tyler Marsh, 19," and
 * "Tyler Marsh, at 19 the youngest in the field," give "19-year-old", so "the 19-year-old said" (and "the teenager said") can name them.
 *
 * @param c - a name candidate
 */
export function ageRole(c: Candidate): string | null {
  const toks = c.tokens;
  const before = toks[c.tokenIndex - 1];
  if (before && /^\d{1,3}-year-old$/.test(before.lower)) return before.lower;
  const comma = toks[c.tokenEnd];
  // "Tomás Duarte, at 36 the oldest player in the draw,": an age after "at".
  const at = toks[c.tokenEnd + 1]?.lower === 'at' ? 1 : 0;
  const age = toks[c.tokenEnd + 1 + at];
  const close = toks[c.tokenEnd + 2 + at];
  if (comma?.text !== ',' || !age || !/^\d{1,3}$/.test(age.text) || Number(age.text) > 120) return null;
  if (at === 1) return close && /^(,|the|an?|one)$/.test(close.lower) ? `${age.text}-year-old` : null;
  if (close && close.word && close.lower !== 'and') return null;
  return `${age.text}-year-old`;
}

/** Whether a role matches an age noun: "the 19-year-old" that age, "the teenager" 13 to 19. */
export function ageMatches(noun: string, role: string): boolean {
  const m = /^(\d{1,3})-year-old$/.exec(role.toLowerCase());
  if (!m) return false;
  if (noun === 'teenager') return Number(m[1]) >= 13 && Number(m[1]) <= 19;
  return noun === role.toLowerCase();
}

/** Copulas that give a name its role: "X is the mayor", "X has been mayor since 2019". */
const COPULA = /^(is|was|became|becomes|remains|remained)$/;
/** Most words a predicate role may have before its head noun ("the long-serving deputy mayor"). */
const MAX_PREDICATE_WORDS = 4;

/**
 * "Ian Crowe has been mayor since 2019", "Ana Ruiz is the chief executive of Y": a role noun
 * after a copula right after the name, so that "the mayor said" can name the person later. The
 * role stops at its head noun; "a former mayor" keeps its modifier.
 *
 * @param c - the name candidate
 */
export function predicateRole(c: Candidate): string | null {
  const toks = c.tokens;
  let k = c.tokenEnd;
  if (/^(has|had)$/.test(toks[k]?.lower ?? '') && toks[k + 1]?.lower === 'been') k += 2;
  else if (COPULA.test(toks[k]?.lower ?? '')) k += 1;
  else return null;
  const det = toks[k];
  if (det && /^(the|a|an)$/.test(det.lower)) k++;
  for (let n = k; n < toks.length && n < k + MAX_PREDICATE_WORDS; n++) {
    const t = toks[n] as Token;
    if (!t.word || t.capital || t.possessive) return null;
    if (!isRoleNoun(t.lower)) continue;
    const next = toks[n + 1];
    // "chief executive", "deputy mayor": the role runs to its last noun.
    if (next && next.word && !next.capital && isRoleNoun(next.lower)) continue;
    // "is the mayor's aide", "was a teacher who …" keep going past the noun: not the role.
    if (next && next.word && !/^(of|for|since|in|at|and|until|from)$/.test(next.lower)) return null;
    return textBetween(c, (toks[k] as Token).start, t.end);
  }
  return null;
}
