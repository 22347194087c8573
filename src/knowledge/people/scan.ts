/**
 * Name scanning: capitalised name sequences in a sentence's tokens, split into honorific, title
 * and name, with a first guess at their kind from the words and compromise's lexicon.
 */
import type { Paragraph } from '../../article/types.ts';
import type { EntityKind } from '../types.ts';
import { lexiconTags, type Token } from '../nlp.ts';
import { isFramingVerb, isSpeechVerb, speechVerb } from '../speech-verbs.ts';
import {
  CAPITAL_INSIDE_PREFIXES,
  COUNTRY_ACRONYMS,
  DIRECTIONS,
  DOCUMENT_NAME_WORDS,
  FAMILY_NAME_FIRST,
  HONORIFICS,
  KNOWN_GROUPS,
  NAME_PARTICLES,
  OPENER_WORDS,
  AMBIGUOUS_MONTHS,
  DATE_LEAD_WORDS,
  MONTH_FIRST_NAMES,
  NAME_SUFFIXES,
  ORG_CONNECTORS,
  ORG_WORDS,
  PLACE_WORDS,
  PORTFOLIO_WORDS,
  STOP,
  TITLE_WORDS,
} from '../lexicon/people.ts';
import { AUXILIARIES, PREPOSITIONS } from '../lexicon/grammar.ts';
import { isRoleNoun } from './roles.ts';
import { familyNameFirst, givenNameFirstAsian } from './naming.ts';

/** A capitalised name sequence found in the text, before it is tied to an entity. */
export interface Candidate {
  paragraph: number;
  sentence: number;
  /** Offsets of the name part (titles and honorifics excluded). */
  start: number;
  end: number;
  /** Offsets of the whole sequence, title included. */
  fullStart: number;
  fullEnd: number;
  name: string;
  nameTokens: string[];
  honorific: string | null;
  /** Capitalised title before the name ("Russian Foreign Minister"). */
  title: string | null;
  possessive: boolean;
  /** Directly preceded by "the" ("the Taliban", "the Obama administration"). */
  afterThe: boolean;
  /** Inside a quotation. */
  quoted: boolean;
  /** Index range of the sequence in its sentence's tokens. */
  tokenIndex: number;
  tokenEnd: number;
  tokens: Token[];
  /** Guessed kind from the words and the lexicon; 'unknown' needs evidence. */
  kind: EntityKind | 'place' | 'unknown' | 'skip';
  /** The sentence-initial word was kept without other evidence. */
  initialOnly: boolean;
  /** A nickname in quotation marks inside the name ("Roz" in Rosalind "Roz" Okonjo). */
  nickname?: string;
  order: number;
}

export function orderOf(paragraph: number, offset: number): number {
  return paragraph * 1_000_000 + offset;
}

/** A word that starts with an uppercase letter, or a name prefix like "al-Qaeda". */
export function isCapWord(t: Token | undefined): boolean {
  if (t === undefined || !t.word) return false;
  if (t.capital) return !/^\d/.test(t.text);
  // The prefix's hyphen comes third or fourth: most lower-case words need no pattern.
  const hyphen = t.text.indexOf('-');
  if (hyphen !== 2 && hyphen !== 3) return false;
  return /^(al|el|ad|as|ash|ibn|bin)-\p{Lu}/u.test(t.text);
}

/**
 * "WalesOnline", "YouTube", "PayPal": a word with a capital inside it after three or more
 * lower-case letters is a brand's or an outlet's name, never a person's ("McDonald", "DeSantis"
 * and "MacKenzie" start with a name prefix).
 */
export function isBrandSpelling(word: string): boolean {
  const m = /^(\p{Lu}\p{Ll}{2,})\p{Lu}\p{Ll}/u.exec(word);
  return m !== null && !CAPITAL_INSIDE_PREFIXES.has((m[1] as string).toLowerCase());
}

export function isAcronym(text: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}&]{1,6}s?$/u.test(text);
}

export function classifyName(
  nameTokens: Token[],
  hasTitle: boolean,
  hasHonorific: boolean,
): Candidate['kind'] {
  const text = nameTokens.map((t) => t.text).join(' ');
  const lower = text.toLowerCase();
  const tags = lexiconTags(lower);
  if (KNOWN_GROUPS.has(lower)) return 'group';
  if (COUNTRY_ACRONYMS.has(lower)) return 'country';
  if (tags.has('Country')) return 'country';
  if (tags.has('Organization') || tags.has('SportsTeam') || tags.has('Company')) return 'organization';
  const words = nameTokens.map((t) => t.lower);
  if (words.some((w) => ORG_WORDS.has(w) || DOCUMENT_NAME_WORDS.has(w))) return 'organization';
  if (nameTokens.length === 1 && isBrandSpelling(nameTokens[0]?.text ?? '')) return 'organization';
  // "Park Eun-ji": a family name first, which may also be a place word.
  const printed = nameTokens.map((t) => t.text);
  if (familyNameFirst(printed) || givenNameFirstAsian(printed)) return 'person';
  if (tags.has('Place')) return 'place';
  if (words.some((w) => PLACE_WORDS.has(w))) return 'place';
  if (words.length === 2 && DIRECTIONS.has(words[0] ?? '') && lexiconTags(words[1] ?? '').has('Place'))
    return 'place';
  if (tags.has('Date') || words.every((w) => lexiconTags(w).has('Date'))) return 'skip';
  if (nameTokens.length === 1 && isAcronym(nameTokens[0]?.text ?? '')) return 'organization';
  if (hasHonorific) return 'person';
  const first = nameTags(words[0] ?? '');
  const last = nameTags(words[words.length - 1] ?? '');
  if (words.length === 1) {
    if (last.has('Demonym')) return 'skip';
    // "Soviet states", "the Western exit": an adjective the lexicon knows is not a name.
    if (last.has('Adjective') && !isProperTagged(last)) return 'skip';
    if (last.has('LastName') || (hasTitle && !last.has('Place'))) return 'person';
    if (last.has('FirstName') && hasTitle) return 'person';
    return 'unknown';
  }
  if (nameTokens.some((t) => /^\p{Lu}\.$/u.test(t.text))) return 'person';
  if (hasTitle) return 'person';
  if (first.has('FirstName') || first.has('Person')) return 'person';
  if (words.some((w) => lexiconTags(w).has('Demonym')) && !last.has('LastName')) return 'skip';
  return 'unknown';
}

/**
 * The lexicon's tags for a name word, read without its accents when the accented spelling is
 * unknown ("Ramón" as "Ramon", "Inés" as "Ines"): the lexicon lists given names unaccented.
 *
 * @param word - a lowercase word
 */
export function nameTags(word: string): ReadonlySet<string> {
  const tags = lexiconTags(word);
  if (tags.size > 0) return tags;
  const plain = word.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain === word ? tags : lexiconTags(plain);
}

export function inRanges(ranges: ReadonlyArray<readonly [number, number]> | undefined, pos: number): boolean {
  if (!ranges) return false;
  for (const [a, b] of ranges) if (pos >= a && pos < b) return true;
  return false;
}

/** No name runs past this many words ("United Nations High Commissioner for Refugees" is 6). */
export const MAX_NAME_RUN = 10;

/** Finds capitalised name sequences in one sentence's tokens. */
export function scanSentence(
  tokens: Token[],
  paragraph: Paragraph,
  sentence: number,
  quoted: ReadonlyArray<readonly [number, number]> | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    // Contractions ("We’re", "Don't") are never names; "the elder van der Berg", "de la Cruz
    // wrote": a surname may open with lower-case particles.
    const particleStart = !isCapWord(t) && !isCapWord(tokens[i - 1]) && particleRun(tokens, i) > 0;
    if ((!isCapWord(t) && !particleStart) || /[’'](?:re|ll|ve|d|m|t)$/i.test(t.text)) {
      i++;
      continue;
    }
    const seqStart = i;
    let j = i;
    let nick: { at: number; text: string } | null = null;
    while (j + 1 < tokens.length) {
      const inner: string | null = nick === null ? quotedNickname(tokens, j) : null;
      if (inner) {
        nick = { at: j + 1, text: inner };
        j += 4;
        continue;
      }
      const cur = tokens[j] as Token;
      if (cur.possessive && !pluralPossessiveInName(tokens, j)) break;
      const next = tokens[j + 1] as Token;
      if (cur.possessive) {
        // Past the bare apostrophe, on to the next word of the name.
        j += 2;
        continue;
      }
      if (next.start - cur.end > 1) break;
      if (isCapWord(next) && !lexiconTags(next.lower).has('Date')) {
        j++;
        continue;
      }
      // "Ursula von der Leyen", "María de la Cruz": a run of lower-case particles inside a name.
      const particles = particleRun(tokens, j + 1);
      if (particles > 0) {
        j += particles + 1;
        continue;
      }
      // "Speaker of the Assembly Ana Li": a title, "of the", one body word and a name.
      if (next.lower === 'of' && titleOfTheBody(tokens, j)) {
        j += 3;
        continue;
      }
      // A connector joins only when the words around it form one name: particles inside
      // person names, "of / for / on" after an organisation or title word.
      const after = tokens[j + 2];
      if (
        next.word &&
        !next.capital &&
        isCapWord(after) &&
        after !== undefined &&
        after.start - next.end <= 1 &&
        // "the Agency on February 21": a date after the connector is not part of the name.
        !isDateWord(after, tokens[j + 3])
      ) {
        if (ORG_CONNECTORS.has(next.lower) && (ORG_WORDS.has(cur.lower) || TITLE_WORDS.has(cur.lower))) {
          j += 2;
          continue;
        }
        // "the Land and Water Tribunal": after "the", an "and" inside a body's name.
        const definite = tokens[seqStart]?.lower === 'the' || tokens[seqStart - 1]?.lower === 'the';
        if ((next.lower === 'and' || next.lower === '&') && definite && orgWordAhead(tokens, j + 2)) {
          j += 2;
          continue;
        }
        // "Minister of Culture and Heritage Affairs Levon Aghabekyan": an "and" inside a portfolio.
        if (next.lower === 'and' && portfolioOpen(tokens, seqStart, j) && portfolioWord(after)) {
          j += 2;
          continue;
        }
        if ((next.lower === 'a' || next.lower === 'the') && ORG_CONNECTORS.has((tokens[j] as Token).lower)) {
          j += 2;
          continue;
        }
      }
      break;
    }
    i = j + 1;
    // A run of capitalised words longer than any name is a headline, a title or noise.
    if (j + 1 - seqStart > MAX_NAME_RUN) continue;
    // "Rosalind "Roz" Okonjo": the nickname and its marks are not words of the name.
    const at = nick === null ? -1 : nick.at - seqStart;
    let seq = tokens.slice(seqStart, j + 1);
    if (at >= 0) seq = seq.filter((_, k) => k < at || k > at + 2);
    let seqFrom = seqStart;
    // Sentence-initial words are capitalised by grammar, not because they name anything.
    const initial = opensClause(tokens, seqStart);
    let initialOnly = false;
    while (seq.length > 0) {
      const first = seq[0] as Token;
      const tags = lexiconTags(first.lower);
      // "Earnest added ...": a word the lexicon knows as common, right before a speech verb, may
      // still be a surname; keep it for the surname lookup.
      const beforeVerb =
        seq.length === 1 &&
        (isStrongSpeechVerb(tokens[seqStart + 1]?.lower ?? '') ||
          isFramingVerb(tokens[seqStart + 1]?.lower ?? '')) &&
        !tokens[seqStart + 1]?.capital;
      const titled =
        ((TITLE_WORDS.has(first.lower) || HONORIFICS.has(first.lower)) && seq.length > 1) ||
        (beforeVerb && !OPENER_WORDS.has(first.lower) && !tags.has('Pronoun')) ||
        (first === tokens[seqStart] && roleTitle(seq, seqFrom, tokens));
      // "Hope Carter of the Eastfield ward said": a pair opening the sentence before an
      // affiliation and a speech verb is a name, even when its first word is also a noun.
      const affiliated =
        initial &&
        seq.length === 2 &&
        first === tokens[seqStart] &&
        namePair(seq) &&
        affiliationThenSpeech(tokens, seqFrom + 2);
      const common =
        !titled &&
        !affiliated &&
        !particleOpensName(seq) &&
        !(FAMILY_NAME_FIRST.has(first.lower) && familyNameFirst(seq.map((t) => t.text))) &&
        !monthAsFirstName(seq, tokens[seqFrom - 1]) &&
        // "WHO said": an acronym alone is a name even when its letters spell a common word.
        !(isAcronym(first.text) && seq.length === 1) &&
        (OPENER_WORDS.has(first.lower) ||
          (tags.has('Pronoun') && first.text !== first.text.toUpperCase()) ||
          tags.has('Date') ||
          (initial &&
            first === tokens[seqStart] &&
            !isProperTagged(tags) &&
            (tags.size > 0 || (/(?:ly|ing|ed)$/.test(first.lower) && !maySurname(seq)))));
      if (!common) break;
      seq = seq.slice(1);
      seqFrom++;
    }
    if (seq.length === 0) continue;
    if (
      initial &&
      seq[0] === tokens[seqStart] &&
      seq.length === 1 &&
      !isProperTagged(lexiconTags((seq[0] as Token).lower))
    ) {
      initialOnly = true;
    }
    // Drop a trailing connector left over ("Council of" never ends a name).
    while (seq.length > 0 && !isCapWord(seq[seq.length - 1])) seq = seq.slice(0, -1);
    if (seq.length === 0) continue;
    const cand = splitTitle(seq, seqFrom, tokens, paragraph, sentence, quoted);
    if (cand) {
      cand.initialOnly = initialOnly;
      // The sequence's last word in the sentence (a nickname's marks and word were taken out of it).
      cand.tokenEnd = tokens.lastIndexOf(seq[seq.length - 1] as Token, j) + 1;
      if (nick && cand.name.includes(nick.text)) {
        cand.name = cand.name.replace(/\s*[“"][^”"]+[”"]\s*/u, ' ');
        cand.nickname = nick.text;
      }
      out.push(cand);
    }
  }
  return out;
}

/**
 * "Ransly was more measured:": a lone sentence-opening word the lexicon does not know, shaped
 * like an adverb or participle, may be the surname of someone named before; it is kept as a
 * sentence-initial candidate, which the resolver only believes when it fits a known person.
 *
 * @param seq - the capitalised run, its opening word first
 */
function maySurname(seq: readonly Token[]): boolean {
  return seq.length === 1;
}

/**
 * True when the token at `i` starts its sentence or follows an opening mark, a bracket or a dash,
 * so a capital there may be grammar's. A straight quotation mark glued to the token before it
 * closes a quotation: in `"…," Rose Ames said` the capital of "Rose" is the name's own.
 *
 * @param tokens - the sentence's tokens
 * @param i - index of the first word of a capitalised run
 */
export function opensClause(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (i === 0) return true;
  if (prev === undefined || prev.word || !/[“"‘'([—–-]/.test(prev.text)) return false;
  const before = tokens[i - 2];
  const closing = /^["']$/.test(prev.text) && before !== undefined && before.end === prev.start;
  return !closing;
}

export function isProperTagged(tags: ReadonlySet<string>): boolean {
  return (
    tags.has('Person') ||
    tags.has('Place') ||
    tags.has('Organization') ||
    tags.has('ProperNoun') ||
    tags.has('Demonym')
  );
}

/**
 * "Prosecutor Eleanor Fitch told the jury": a role noun that is capitalised only because it opens
 * the sentence, before a name of two or more words, is the person's title.
 *
 * @param seq - the capitalised sequence
 * @param seqFrom - index of its first token in the sentence
 * @param sentenceTokens - the sentence's tokens
 */
export function sentenceInitialRole(
  seq: readonly Token[],
  seqFrom: number,
  sentenceTokens: readonly Token[],
): boolean {
  const first = seq[0];
  if (!first || seq.length < 3 || first.possessive) return false;
  const before = sentenceTokens[seqFrom - 1];
  if (before && before.word) return false;
  return isRoleNoun(first.lower) && !ORG_WORDS.has(first.lower) && !lexiconTags(first.lower).has('FirstName');
}

/**
 * "Supervisor Lucia Ferraro", "said Supervisor Hal Brennan": a capitalised role noun before a
 * name of two or more words is the person's title wherever it stands, unless the word is also a
 * given name or a surname the lexicon knows ("Baker", "Mason").
 *
 * @param seq - the capitalised sequence
 * @param seqFrom - index of its first token in the sentence
 * @param sentenceTokens - the sentence's tokens
 */
export function roleTitle(seq: readonly Token[], seqFrom: number, sentenceTokens: readonly Token[]): boolean {
  if (sentenceInitialRole(seq, seqFrom, sentenceTokens)) return true;
  const first = seq[0];
  if (!first || seq.length < 3 || first.possessive || !isRoleNoun(first.lower)) return false;
  const tags = lexiconTags(first.lower);
  if (ORG_WORDS.has(first.lower) || tags.has('FirstName') || tags.has('LastName')) return false;
  return lexiconTags((seq[1] as Token).lower).has('FirstName');
}

/**
 * "Labour MP Orla Pellow", "Green councillor Ana Ruiz": a capitalised role noun after a party's
 * or a place's word, before a name of two or more words that opens with a given name, ends the
 * title. The role noun's index in the sequence, or -1.
 *
 * @param seq - the capitalised sequence
 */
export function innerRoleTitle(seq: readonly Token[]): number {
  for (let k = seq.length - 3; k >= 1; k--) {
    const w = seq[k] as Token;
    if (w.possessive || !isRoleNoun(w.lower) || ORG_WORDS.has(w.lower)) continue;
    const tags = lexiconTags(w.lower);
    if (tags.has('FirstName') || tags.has('LastName')) continue;
    if (seq.slice(0, k).some((x) => x.possessive || lexiconTags(x.lower).has('FirstName'))) continue;
    if (lexiconTags((seq[k + 1] as Token).lower).has('FirstName')) return k;
  }
  return -1;
}

/**
 * Whether the title word at `j` goes on with "of the", one capitalised body word and a name of
 * exactly two capitalised words ("Speaker of the Assembly Tomas Brevik", "Speaker of the House
 * Ana Li"). A longer run ("President of the Republic of Veskor Ada Kell") is left alone: where its
 * body ends is not known.
 *
 * @param tokens - the sentence's tokens
 * @param j - index of the title word
 */
export function titleOfTheBody(tokens: readonly Token[], j: number): boolean {
  const title = tokens[j] as Token;
  if (!title.capital || !TITLE_WORDS.has(title.lower) || tokens[j + 2]?.lower !== 'the') return false;
  for (let k = j + 1; k < j + 6; k++) {
    const a = tokens[k] as Token | undefined;
    const b = tokens[k + 1];
    if (!a || !b || b.start - a.end > 1) return false;
  }
  const caps = [3, 4, 5].every((d) => isCapWord(tokens[j + d]));
  const after = tokens[j + 6];
  const ends = after === undefined || !isCapWord(after) || (tokens[j + 5] as Token).end < after.start - 1;
  return caps && ends && !(tokens[j + 5] as Token).possessive;
}

/** Separates honorific and capitalised title from the name in a sequence. */
export function splitTitle(
  seq: Token[],
  seqFrom: number,
  sentenceTokens: Token[],
  paragraph: Paragraph,
  sentence: number,
  quoted: ReadonlyArray<readonly [number, number]> | undefined,
): Candidate | null {
  const first = seq[0] as Token;
  const lastTok = seq[seq.length - 1] as Token;
  let honorific: string | null = null;
  let nameStartIdx = 0;
  let title: string | null = null;
  if (HONORIFICS.has(first.lower) && seq.length > 1) {
    honorific = first.text;
    nameStartIdx = 1;
  } else {
    // The last title word with a name after it splits role from name.
    let t = -1;
    for (let k = 0; k < seq.length - 1; k++) {
      if (TITLE_WORDS.has((seq[k] as Token).lower)) t = k;
    }
    if (t < 0 && roleTitle(seq, seqFrom, sentenceTokens)) t = 0;
    if (t < 0) t = innerRoleTitle(seq);
    if (t >= 0) {
      let end = t;
      // "Secretary of State John Kerry": the "of X" belongs to the title.
      if ((seq[t + 1] as Token | undefined)?.lower === 'of' && t + 3 < seq.length) end = portfolioEnd(seq, t);
      const rest = seq.slice(end + 1);
      // "Martin Luther King Jr.": a generational suffix alone after a title word is no name.
      const suffixOnly = rest.length > 0 && rest.every((r) => NAME_SUFFIXES.has(r.lower.replace(/\.$/, '')));
      if (rest.length > 0 && !suffixOnly && !rest.some((r) => ORG_WORDS.has(r.lower))) {
        title = paragraph.text.slice(first.start, (seq[end] as Token).end);
        nameStartIdx = end + 1;
      }
    }
  }
  const nameToks = seq.slice(nameStartIdx);
  const nameFirst = nameToks[0];
  if (nameFirst === undefined) return null;
  // "Prime Minister of Iraq": a title with its complement and no name after it is a role.
  if (title !== null && !nameFirst.capital) return null;
  const name = paragraph.text.slice(nameFirst.start, lastTok.end);
  let kind = classifyName(nameToks, title !== null, honorific !== null);
  // A lone capitalised word used as an adjective ("Tajik officials", "Western exit") is not a name.
  if (nameToks.length === 1 && kind === 'unknown' && !lastTok.possessive) {
    const idx = seqFrom + seq.length - 1;
    const next = sentenceTokens[idx + 1];
    const prevTok = sentenceTokens[seqFrom - 1];
    if (next && next.word && !next.capital && !isVerbAfterName(sentenceTokens, idx + 1)) {
      // "the Western exit" / "Tajik officials": a capitalised modifier before a noun.
      if (prevTok?.lower === 'the' || isNounish(next.lower)) kind = 'skip';
    }
  }
  const idx0 = seqFrom;
  const before = sentenceTokens[idx0 - 1];
  return {
    paragraph: paragraph.number,
    sentence,
    start: nameFirst.start,
    end: lastTok.end,
    fullStart: first.start,
    fullEnd: lastTok.end,
    name,
    nameTokens: nameToks.map((t) => t.text),
    honorific,
    title,
    possessive: lastTok.possessive,
    afterThe: before !== undefined && before.lower === 'the',
    quoted: inRanges(quoted, first.start),
    tokenIndex: idx0,
    tokenEnd: seqFrom + seq.length,
    tokens: sentenceTokens,
    kind,
    initialOnly: false,
    order: orderOf(paragraph.number, nameFirst.start),
  };
}

/** A word of a government portfolio, a body's word or a demonym ("Affairs", "European"). */
export function portfolioWord(t: Token | undefined): boolean {
  if (t === undefined || !t.word) return false;
  return PORTFOLIO_WORDS.has(t.lower) || ORG_WORDS.has(t.lower) || lexiconTags(t.lower).has('Demonym');
}

/**
 * The run from `from` to `j` holds a title word and its "of" with at least one word of the
 * portfolio after it, and no "and" yet ("Minister of Culture" before "and Heritage Affairs").
 *
 * @param tokens - the sentence's tokens
 * @param from - index of the run's first token
 * @param j - index of the run's last token so far
 */
export function portfolioOpen(tokens: readonly Token[], from: number, j: number): boolean {
  for (let k = from; k + 2 <= j; k++) {
    if (!TITLE_WORDS.has((tokens[k] as Token).lower) || tokens[k + 1]?.lower !== 'of') continue;
    return !tokens.slice(k + 2, j + 1).some((t) => t.lower === 'and');
  }
  return false;
}

/**
 * Index of the last word of a title "X of …" in a capitalised sequence: the word after "of",
 * then every portfolio word and "and"-joined portfolio word after it, always leaving a name
 * ("Minister of Foreign Affairs Ana Li", "Secretary of Health and Human Services Jo Park";
 * "Secretary of State John Kerry" ends at "State").
 *
 * @param seq - the capitalised sequence
 * @param t - index of the title word, followed by "of"
 */
export function portfolioEnd(seq: readonly Token[], t: number): number {
  // "Speaker of the House Ana Li": the article belongs to the portfolio.
  const the = seq[t + 2]?.lower === 'the' ? 1 : 0;
  let end = t + 2 + the;
  let k = t + 3 + the;
  while (k < seq.length - 1) {
    const cur = seq[k] as Token;
    if (cur.lower === 'and' && k + 1 < seq.length - 1 && portfolioWord(seq[k + 1])) {
      end = k + 1;
      k += 2;
    } else if (portfolioWord(cur)) end = k++;
    else break;
  }
  return end;
}

/** True when the token at `i` reads as the verb of the name before it ("Lavrov described", "Russia has"). */
export function isVerbAfterName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !t.word) return false;
  if (AUXILIARIES.has(t.lower)) return true;
  if (isSpeechVerb(t.lower)) return !AUXILIARIES.has(tokens[i + 1]?.lower ?? '');
  const tags = lexiconTags(t.lower);
  return tags.has('PastTense') || /ed$/.test(t.lower) || (tags.has('Verb') && !tags.has('Infinitive'));
}

export function isNounish(word: string): boolean {
  const tags = lexiconTags(word);
  if (
    tags.has('Verb') ||
    tags.has('Preposition') ||
    tags.has('Conjunction') ||
    tags.has('Determiner') ||
    tags.has('Adverb')
  )
    return false;
  if (tags.has('Noun') || tags.has('Adjective') || tags.has('Plural')) return true;
  if (/(?:ed|ly)$/.test(word) || STOP.has(word)) return false;
  return (
    /(?:s|ion|ment|ity|ness|er|or|ist|ary|ery|ure|ance|ence|ship|hood|ism)$/.test(word) || isRoleNoun(word)
  );
}

export function isStrongSpeechVerb(word: string): boolean {
  const v = speechVerb(word);
  return v !== null && !v.weak;
}

/**
 * "His wife, June Marsh, said": a month that is also a given name, right before another
 * capitalised name word, is a first name, unless a preposition, a determiner or a number before
 * it makes it a date ("in June", "last April", "on 3 June Labour …").
 *
 * @param seq - the capitalised sequence, the month first
 * @param before - the token before the sequence
 */
export function monthAsFirstName(seq: readonly Token[], before: Token | undefined): boolean {
  const [month, next] = seq;
  if (!month || !next || !MONTH_FIRST_NAMES.has(month.lower) || month.possessive) return false;
  if (!isCapWord(next) || lexiconTags(next.lower).has('Date') || next.lower.length < 2) return false;
  if (!before || !before.word) return true;
  return !(PREPOSITIONS.has(before.lower) || DATE_LEAD_WORDS.has(before.lower) || /^\d/.test(before.text));
}

/** Two words that may be a first name and a surname: no acronym ("Labour MPs"), no plural noun first ("Friends"). */
export function namePair(seq: readonly Token[]): boolean {
  const [a, b] = seq;
  if (!a || !b || isAcronym(a.text) || isAcronym(b.text)) return false;
  if (OPENER_WORDS.has(a.lower) || PREPOSITIONS.has(a.lower) || STOP.has(a.lower)) return false;
  if (isDateWord(a, b) || isDateWord(b, undefined) || AMBIGUOUS_MONTHS.has(b.lower)) return false;
  return !lexiconTags(a.lower).has('Plural');
}

/**
 * "Rosalind "Roz" Okonjo": a single capitalised word in quotation marks between two words of a
 * name is the person's nickname. Returns it when the tokens after `j` read so, else null.
 *
 * @param tokens - the sentence's tokens
 * @param j - index of the name word before the opening mark
 */
export function quotedNickname(tokens: readonly Token[], j: number): string | null {
  if (!/^[“"]$/.test(tokens[j + 1]?.text ?? '')) return null;
  const [cur, open, word, close, last] = tokens.slice(j, j + 5);
  if (!cur || !open || !word || !close || !last || !isCapWord(cur) || cur.possessive) return null;
  if (!/^[“"]$/.test(open.text) || !/^[”"]$/.test(close.text)) return null;
  if (open.start - cur.end !== 1 || word.start !== open.end || close.start !== word.end) return null;
  if (last.start - close.end !== 1 || !isCapWord(word) || !isCapWord(last)) return null;
  return word.text;
}

/** How many capitalised words after a connector may lead to the organisation word that ends the name. */
const ORG_LOOKAHEAD = 3;

/** The capitalised run from token `k` ends, within a few words, on an organisation word ("Water Tribunal", not "Union Street"). */
export function orgWordAhead(tokens: readonly Token[], k: number): boolean {
  let last: Token | null = null;
  for (let n = k; n < tokens.length && n <= k + ORG_LOOKAHEAD; n++) {
    const t = tokens[n] as Token;
    if (!isCapWord(t) || (n > k && t.start - (tokens[n - 1] as Token).end > 1)) break;
    last = t;
    if (t.possessive) break;
  }
  return last !== null && ORG_WORDS.has(last.lower);
}

/**
 * "the Tarrow Farmers' Cooperative", "National Teachers' Union": a plural possessive (a bare
 * apostrophe after -s) inside a capitalised run that goes on to an organisation word belongs to
 * the name. A person's name never holds one.
 *
 * @param tokens - the sentence's tokens
 * @param j - index of the possessive token
 */
export function pluralPossessiveInName(tokens: readonly Token[], j: number): boolean {
  const cur = tokens[j] as Token;
  const mark = tokens[j + 1];
  const next = tokens[j + 2];
  if (!cur.possessive || !/s$/.test(cur.lower) || !mark || !/^[’']$/.test(mark.text)) return false;
  if (mark.start !== cur.end || !next || next.start - mark.end !== 1) return false;
  return orgWordAhead(tokens, j + 2);
}

/** Longest affiliation phrase read before its speech verb ("of the Eastfield residents' association"). */
const MAX_AFFILIATION = 8;

/**
 * "X of the Eastfield ward said", "X, from the county drainage board, told": the tokens from
 * `i` are an affiliation (of / from / at / with, then a noun phrase without a verb) followed by a
 * speech verb. News writing puts a person's place or body there; an organisation is rarely
 * introduced that way.
 *
 * @param tokens - the sentence's tokens
 * @param i - index of the token right after the name
 */
export function affiliationThenSpeech(tokens: readonly Token[], i: number): boolean {
  let k = tokens[i]?.text === ',' ? i + 1 : i;
  if (!/^(of|from|at|with)$/.test(tokens[k]?.lower ?? '')) return false;
  const stop = k + 1 + MAX_AFFILIATION;
  for (k++; k < tokens.length && k <= stop; k++) {
    const t = tokens[k] as Token;
    if (!t.word) {
      // "In March, at the debate, Biden said": a name after a comma is the verb's own subject.
      if (t.text === ',' && tokens[k + 1]?.capital) return false;
      if (t.text === ',' || /^[’']$/.test(t.text)) continue;
      return false;
    }
    if (isStrongSpeechVerb(t.lower) && !t.capital) return k > i + 1;
    if (AUXILIARIES.has(t.lower) || /^(who|which|that|and|but)$/.test(t.lower)) return false;
    if (!t.capital && lexiconTags(t.lower).has('PastTense')) return false;
  }
  return false;
}

/** A month or weekday ("February", "Monday", and "March 3" / "May 12" before a number). */
export function isDateWord(t: Token, next: Token | undefined): boolean {
  if (lexiconTags(t.lower).has('Date')) return true;
  return AMBIGUOUS_MONTHS.has(t.lower) && next !== undefined && /^\d/.test(next.text);
}

/** Most particles in a row inside one name ("van der", "de la", "bin"). */
const MAX_PARTICLES = 3;

/**
 * How many lower-case name particles start at token `k` and lead, word after word, to a
 * capitalised word of the same name ("van der Berg", "de la Cruz", "bin Rashid"); 0 when none
 * do. The capitalised word must not be a date ("the Agency on February 21").
 *
 * @param tokens - the sentence's tokens
 * @param k - index of the token after a name word
 */
export function particleRun(tokens: readonly Token[], k: number): number {
  let n = 0;
  while (n < MAX_PARTICLES) {
    const t = tokens[k + n];
    const prev = tokens[k + n - 1];
    if (!t || !prev || !t.word || t.capital || !NAME_PARTICLES.has(t.lower) || t.start - prev.end > 1) break;
    n++;
  }
  const after = tokens[k + n];
  const last = tokens[k + n - 1];
  if (n === 0 || !after || !last || !isCapWord(after) || after.start - last.end > 1) return 0;
  return isDateWord(after, tokens[k + n + 1]) ? 0 : n;
}

/**
 * "Van der Berg said", "De la Cruz wrote": a capitalised particle opening a sentence before the
 * rest of a name is the name's first word, not a word capitalised by grammar.
 *
 * @param seq - the capitalised sequence, the particle first
 */
export function particleOpensName(seq: readonly Token[]): boolean {
  const [first, next] = seq;
  if (!first || !next || !NAME_PARTICLES.has(first.lower) || first.possessive) return false;
  return NAME_PARTICLES.has(next.lower) || isCapWord(next);
}
