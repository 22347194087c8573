/**
 * People, organisations, countries and groups the article names, with the aliases a reader would
 * type, the roles the text gives them and every span that names them.
 *
 * Detection is our own capitalised-name-sequence scan over tokens with offsets, checked against
 * compromise's lexicon (read-only) for first names, countries and organisations. We do not run
 * compromise's `people()` here: it misses lone surnames and names it does not know, and keeps
 * punctuation in its output; the scan plus evidence rules (a title, an appositive role, a speech
 * verb next to the name, a later bare surname) generalise better to unseen articles.
 */
import type { Article, Paragraph } from '../article/types.ts';
import type { Entity, EntityKind, Role, Span } from './types.ts';
import { lexiconTags, tokenize, type Token } from './nlp.ts';
import { isSpeechVerb, speechVerb } from './speech-verbs.ts';
import { shortFormMerges } from './short-forms.ts';
import {
  HONORIFICS,
  TITLE_WORDS,
  ROLE_NOUNS,
  NAME_PARTICLES,
  OPENER_WORDS,
  ORG_WORDS,
  PLACE_WORDS,
} from './lexicon/people.ts';

const DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'upper',
  'lower',
  'greater',
]);

/** Armed and political groups news names without "the ... Organisation" wording. */
const KNOWN_GROUPS = new Set([
  'taliban',
  'islamic state',
  'isis',
  'isil',
  'al-qaeda',
  'al-qaida',
  'al-shabab',
  'al-shabaab',
  'hamas',
  'hezbollah',
  'boko haram',
  'houthis',
  'wagner',
  'ansar al-sharia',
]);

const COUNTRY_ACRONYMS = new Map([
  ['us', 'United States'],
  ['u.s.', 'United States'],
  ['usa', 'United States'],
  ['u.s.a.', 'United States'],
  ['uk', 'United Kingdom'],
  ['u.k.', 'United Kingdom'],
  ['uae', 'United Arab Emirates'],
]);

/** Connectors allowed inside an organisation's name ("Council on Foreign Relations"). */
const ORG_CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'a', 'to', '&', 'in']);

/** Words that can never be part of a role phrase or a name. */
const STOP = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'from',
  'by',
  'with',
  'as',
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
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
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'this',
  'these',
  'those',
  'there',
  'here',
  'not',
  'no',
  'after',
  'before',
  'about',
  'over',
  'under',
  'into',
  'than',
  'then',
  'when',
  'while',
  'if',
  'also',
  'so',
  'other',
  'another',
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'said',
  'says',
  'told',
  'however',
  'although',
  'though',
  'because',
  'since',
  'during',
  'against',
  'between',
  'among',
  'where',
  'what',
  'why',
  'how',
  'all',
  'some',
  'many',
  'most',
  'more',
  'such',
  'only',
  'even',
  'both',
  'each',
  'every',
  'any',
  'either',
  'neither',
  'former',
  'latter',
  'number',
  'order',
]);

/** A capitalised name sequence found in the text, before it is tied to an entity. */
interface Candidate {
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
  order: number;
}

/** An entity being built. */
interface Draft {
  key: string;
  kind: EntityKind;
  name: string;
  nameTokens: string[];
  aliases: Set<string>;
  roles: Role[];
  mentions: Span[];
  firstOrder: number;
}

/** A resolved span naming an entity, kept for attribution lookups. */
export interface Mention {
  entityId: string;
  kind: EntityKind;
  paragraph: number;
  sentence: number;
  start: number;
  end: number;
  /** Start of the whole naming, title included ("Russian Foreign Minister Sergei Lavrov"). */
  fullStart: number;
  possessive: boolean;
  /** Used as a modifier ("the Obama administration"): not a grammatical subject. */
  modifier: boolean;
  quoted: boolean;
  order: number;
}

/** Text positions inside quotation marks, per paragraph (names there are not subjects). */
export type QuotedRanges = ReadonlyMap<number, ReadonlyArray<readonly [number, number]>>;

/** The article's entities plus the lookups attribution needs. */
export interface PeopleIndex {
  entities: Entity[];
  byId: ReadonlyMap<string, Entity>;
  /** Mentions per paragraph, sorted by start. */
  mentions: ReadonlyMap<number, Mention[]>;
  /** A surname / first name / alias typed alone: the entity it names at a position, if safe. */
  resolveName(text: string, paragraph: number, offset: number): Entity | null;
  /** "the minister", "the Tajik representative": the person whose role has this head noun. */
  resolveTitle(phrase: string, paragraph: number, offset: number): Entity | null;
  /** Adds a span naming an entity found by reference (a pronoun or a title). */
  addMention(entityId: string, span: Span): void;
}

function orderOf(paragraph: number, offset: number): number {
  return paragraph * 1_000_000 + offset;
}

/** A word that starts with an uppercase letter, or a name prefix like "al-Qaeda". */
function isCapWord(t: Token | undefined): boolean {
  if (t === undefined || !t.word) return false;
  if (t.capital) return !/^\d/.test(t.text);
  return /^(al|el|ad|as|ash|ibn|bin)-\p{Lu}/u.test(t.text);
}

function isAcronym(text: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}&]{1,6}s?$/u.test(text);
}

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
  if (ROLE_NOUNS.has(w) || TITLE_WORDS.has(w)) return true;
  if (lexiconTags(w).has('Actor')) return true;
  if (
    /^(after|other|over|under|never|ever|however|number|order|power|water|paper|border|matter|former|quarter|chapter|letter|center|manner|major|error|labor|floor|door|color|factor|sector|whether|rather|together|later|either|neither|earlier|further|minor|summer|winter|corner|layer|cancer|danger|answer|offer|anger|dinner|finger|tower|weather|number|super|ether|sooner|fewer|higher|lower|greater|better|bigger|smaller|larger|longer|stronger|weaker|harder|easier|clearer|faster|slower|closer|wider|deeper|cheaper|richer|poorer|wider|younger|older|newer)$/.test(
      w,
    )
  )
    return false;
  return /(?:[a-z]{2}(?:er|or|ist|ian)|(?:spokes|chair|business|congress|police|fire|camera|anchor|countr|sales)(?:man|woman|person))s?$/.test(
    w,
  );
}

function classifyName(nameTokens: Token[], hasTitle: boolean, hasHonorific: boolean): Candidate['kind'] {
  const text = nameTokens.map((t) => t.text).join(' ');
  const lower = text.toLowerCase();
  const tags = lexiconTags(lower);
  if (KNOWN_GROUPS.has(lower)) return 'group';
  if (COUNTRY_ACRONYMS.has(lower)) return 'country';
  if (tags.has('Country')) return 'country';
  if (tags.has('Organization') || tags.has('SportsTeam') || tags.has('Company')) return 'organization';
  const words = nameTokens.map((t) => t.lower);
  if (words.some((w) => ORG_WORDS.has(w))) return 'organization';
  if (tags.has('Place')) return 'place';
  if (words.some((w) => PLACE_WORDS.has(w))) return 'place';
  if (words.length === 2 && DIRECTIONS.has(words[0] ?? '') && lexiconTags(words[1] ?? '').has('Place'))
    return 'place';
  if (tags.has('Date') || words.every((w) => lexiconTags(w).has('Date'))) return 'skip';
  if (nameTokens.length === 1 && isAcronym(nameTokens[0]?.text ?? '')) return 'organization';
  if (hasHonorific) return 'person';
  const first = lexiconTags(words[0] ?? '');
  const last = lexiconTags(words[words.length - 1] ?? '');
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

function slug(s: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return out === '' ? 'entity' : out;
}

function inRanges(ranges: ReadonlyArray<readonly [number, number]> | undefined, pos: number): boolean {
  if (!ranges) return false;
  for (const [a, b] of ranges) if (pos >= a && pos < b) return true;
  return false;
}

/** No name runs past this many words ("United Nations High Commissioner for Refugees" is 6). */
const MAX_NAME_RUN = 10;

/** Finds capitalised name sequences in one sentence's tokens. */
function scanSentence(
  tokens: Token[],
  paragraph: Paragraph,
  sentence: number,
  quoted: ReadonlyArray<readonly [number, number]> | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    // Contractions ("We’re", "Don't") are never names.
    if (!isCapWord(t) || /[’'](?:re|ll|ve|d|m|t)$/i.test(t.text)) {
      i++;
      continue;
    }
    const seqStart = i;
    let j = i;
    while (j + 1 < tokens.length) {
      const cur = tokens[j] as Token;
      if (cur.possessive) break;
      const next = tokens[j + 1] as Token;
      if (next.start - cur.end > 1) break;
      if (isCapWord(next) && !lexiconTags(next.lower).has('Date')) {
        j++;
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
        after.start - next.end <= 1
      ) {
        if (NAME_PARTICLES.has(next.lower)) {
          j += 2;
          continue;
        }
        if (ORG_CONNECTORS.has(next.lower) && (ORG_WORDS.has(cur.lower) || TITLE_WORDS.has(cur.lower))) {
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
    let seq = tokens.slice(seqStart, j + 1);
    let seqFrom = seqStart;
    // Sentence-initial words are capitalised by grammar, not because they name anything.
    const prev = tokens[seqStart - 1];
    const initial = seqStart === 0 || (prev !== undefined && !prev.word && /[“"‘'([—–-]/.test(prev.text));
    let initialOnly = false;
    while (seq.length > 0) {
      const first = seq[0] as Token;
      const tags = lexiconTags(first.lower);
      // "Earnest added ...": a word the lexicon knows as common, right before a speech verb, may
      // still be a surname; keep it for the surname lookup.
      const beforeVerb =
        seq.length === 1 &&
        isStrongSpeechVerb(tokens[seqStart + 1]?.lower ?? '') &&
        !tokens[seqStart + 1]?.capital;
      const titled =
        ((TITLE_WORDS.has(first.lower) || HONORIFICS.has(first.lower)) && seq.length > 1) ||
        (beforeVerb && !OPENER_WORDS.has(first.lower) && !tags.has('Pronoun'));
      const common =
        !titled &&
        (OPENER_WORDS.has(first.lower) ||
          (tags.has('Pronoun') && first.text !== first.text.toUpperCase()) ||
          tags.has('Date') ||
          (initial &&
            first === tokens[seqStart] &&
            !isProperTagged(tags) &&
            (tags.size > 0 || /(?:ly|ing|ed)$/.test(first.lower))));
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
      out.push(cand);
    }
  }
  return out;
}

function isProperTagged(tags: ReadonlySet<string>): boolean {
  return (
    tags.has('Person') ||
    tags.has('Place') ||
    tags.has('Organization') ||
    tags.has('ProperNoun') ||
    tags.has('Demonym')
  );
}

/** Separates honorific and capitalised title from the name in a sequence. */
function splitTitle(
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
    if (t >= 0) {
      let end = t;
      // "Secretary of State John Kerry": the "of X" belongs to the title.
      if ((seq[t + 1] as Token | undefined)?.lower === 'of' && t + 3 < seq.length) end = t + 2;
      const rest = seq.slice(end + 1);
      if (rest.length > 0 && !rest.some((r) => ORG_WORDS.has(r.lower))) {
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

/** True when the token at `i` reads as the verb of the name before it ("Lavrov described", "Russia has"). */
function isVerbAfterName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !t.word) return false;
  if (AUXILIARIES.has(t.lower)) return true;
  if (isSpeechVerb(t.lower)) return !AUXILIARIES.has(tokens[i + 1]?.lower ?? '');
  const tags = lexiconTags(t.lower);
  return tags.has('PastTense') || /ed$/.test(t.lower) || (tags.has('Verb') && !tags.has('Infinitive'));
}

function isNounish(word: string): boolean {
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

function isStrongSpeechVerb(word: string): boolean {
  const v = speechVerb(word);
  return v !== null && !v.weak;
}

/** Evidence, beyond the words themselves, that a sequence names a person. */
function personEvidence(c: Candidate, all: Candidate[]): boolean {
  const toks = c.tokens;
  const next = toks[c.tokenEnd];
  const prev = toks[c.tokenIndex - 1];
  if (
    next &&
    next.word &&
    isStrongSpeechVerb(next.lower) &&
    !AUXILIARIES.has(toks[c.tokenEnd + 1]?.lower ?? '')
  )
    return true;
  if (prev && prev.word && isStrongSpeechVerb(prev.lower)) return true;
  if (next && next.text === ',') {
    const after = toks[c.tokenEnd + 1];
    const after2 = toks[c.tokenEnd + 2];
    if (
      after &&
      /^(the|a|an|his|her|who)$/.test(after.lower) &&
      after2 &&
      (isRoleNoun(after2.lower) || after2.capital)
    )
      return true;
  }
  if (prev && prev.word && !prev.capital && isRoleNoun(prev.lower) && !ORG_WORDS.has(prev.lower)) return true;
  if (appositiveBefore(c) !== null) return true;
  if (c.nameTokens.length > 1) {
    const surname = (c.nameTokens[c.nameTokens.length - 1] as string).toLowerCase();
    return loneNames(all).has(surname);
  }
  return false;
}

const loneNameCache = new WeakMap<Candidate[], Set<string>>();

/** Lower-cased one-word names among the candidates, computed once per list (large articles). */
function loneNames(all: Candidate[]): Set<string> {
  let set = loneNameCache.get(all);
  if (!set) {
    set = new Set(
      all.filter((o) => o.nameTokens.length === 1).map((o) => (o.nameTokens[0] as string).toLowerCase()),
    );
    loneNameCache.set(all, set);
  }
  return set;
}

/**
 * Finds every person, organisation, country and group the article names.
 *
 * @param article - the parsed article
 * @param quoted - quotation interiors per paragraph: names there are mentions, not subjects
 * @returns the entities and the lookups quote attribution uses
 */
export function buildPeople(article: Article, quoted: QuotedRanges = new Map()): PeopleIndex {
  const candidates: Candidate[] = [];
  const sentenceTokens = new Map<string, Token[]>();
  for (const p of article.paragraphs) {
    if (p.kind === 'heading') continue;
    for (const s of p.sentences) {
      const toks = tokenize(s.text, s.start);
      sentenceTokens.set(`${p.number}:${s.index}`, toks);
      candidates.push(...scanSentence(toks, p, s.index, quoted.get(p.number)));
    }
  }

  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const candEntity = new Map<Candidate, Draft>();
  const newDraft = (kind: EntityKind, name: string, tokens: string[], order: number): Draft => {
    const key = name.toLowerCase().replace(/\./g, '');
    const found = byKey.get(key);
    if (found) return found;
    const d: Draft = {
      key,
      kind,
      name,
      nameTokens: tokens.map((t) => t.toLowerCase()),
      aliases: new Set(),
      roles: [],
      mentions: [],
      firstOrder: order,
    };
    byKey.set(key, d);
    drafts.push(d);
    return d;
  };

  // Acronyms the article defines in brackets are aliases of their expansion, not entities.
  const definedAcronyms = new Set<string>();
  for (const c of candidates) {
    const open = c.tokens[c.tokenEnd];
    const acr = c.tokens[c.tokenEnd + 1];
    if (open?.text === '(' && acr && isAcronym(acr.text) && c.tokens[c.tokenEnd + 2]?.text === ')')
      definedAcronyms.add(acr.text.toLowerCase());
  }
  // A shorter name inside a longer one ("Te Kaurinui" in "Te Kaurinui Robert Parata") is a
  // reference to that person, resolved with the lone surnames below.
  // Every shorter run of words inside a longer name, once: a lookup per candidate instead of a
  // scan of all names (large articles have thousands of candidates).
  const insideLonger = new Set<string>();
  for (const c of candidates) {
    if (!((c.kind === 'person' || c.kind === 'unknown') && c.nameTokens.length > 1)) continue;
    const m = c.nameTokens.map((t) => t.toLowerCase());
    for (let i = 0; i < m.length; i++)
      for (let j = i + 1; j <= m.length; j++) if (j - i < m.length) insideLonger.add(m.slice(i, j).join(' '));
  }
  const isPartOfLonger = (c: Candidate): boolean =>
    insideLonger.has(c.nameTokens.map((t) => t.toLowerCase()).join(' '));
  // 1. Multi-word names and names the lexicon knows.
  for (const c of candidates) {
    if (c.nameTokens.length > 1 && isPartOfLonger(c)) continue;
    if (c.kind === 'skip' || c.kind === 'place') continue;
    if (c.nameTokens.length === 1 && definedAcronyms.has(c.name.toLowerCase())) continue;
    if (c.kind === 'person' && c.nameTokens.length > 1)
      candEntity.set(c, newDraft('person', c.name, c.nameTokens, c.order));
    else if (
      c.kind === 'unknown' &&
      c.nameTokens.length > 1 &&
      !c.initialOnly &&
      personEvidence(c, candidates)
    ) {
      candEntity.set(c, newDraft('person', c.name, c.nameTokens, c.order));
    } else if (c.kind === 'organization' || c.kind === 'country' || c.kind === 'group') {
      const lower = c.name.toLowerCase();
      const name = COUNTRY_ACRONYMS.get(lower) ?? c.name;
      candEntity.set(c, newDraft(c.kind, name, [name], c.order));
    }
  }
  // Acronyms introduced in brackets: "Collective Security Treaty Organization (CSTO)".
  const acronymOf = new Map<string, Draft>();
  for (const c of candidates) {
    const d = candEntity.get(c);
    if (!d || d.kind === 'person') continue;
    const open = c.tokens[c.tokenEnd];
    const acr = c.tokens[c.tokenEnd + 1];
    const close = c.tokens[c.tokenEnd + 2];
    if (open?.text === '(' && acr && isAcronym(acr.text) && close?.text === ')') {
      acronymOf.set(acr.text.toLowerCase(), d);
      d.aliases.add(acr.text);
    }
  }

  // Multi-word persons by each of their words, rebuilt only when drafts were added.
  let tokenIndexSize = -1;
  const byNameToken = new Map<string, Draft[]>();
  const personsWith = (w: string): Draft[] => {
    if (tokenIndexSize !== drafts.length) {
      byNameToken.clear();
      for (const d of drafts) {
        if (d.kind !== 'person' || d.nameTokens.length < 2) continue;
        for (const t of new Set(d.nameTokens.map((x) => x.replace(/\.$/, '')))) {
          const list = byNameToken.get(t) ?? [];
          list.push(d);
          byNameToken.set(t, list);
        }
      }
      tokenIndexSize = drafts.length;
    }
    return byNameToken.get(w) ?? [];
  };
  /** Persons a lone word names; `order` limits to those introduced before when possible. */
  const personsByToken = (word: string, order: number): Draft[] => {
    const w = word.toLowerCase().replace(/\.$/, '');
    const hits = personsWith(w);
    const before = hits.filter((d) => d.firstOrder <= order);
    return before.length > 0 ? before : hits;
  };
  const personsByTokens = (words: string[], order: number): Draft[] => {
    const ws = words.map((w) => w.toLowerCase());
    const hits = personsWith((ws[0] ?? '').replace(/\.$/, '')).filter((d) => {
      let k = 0;
      for (const t of d.nameTokens) if (t === ws[k]) k++;
      return k === ws.length && d.nameTokens.length > ws.length;
    });
    const before = hits.filter((d) => d.firstOrder <= order);
    return before.length > 0 ? before : hits;
  };

  // 2. Lone words and partial names: a known person's surname / first name, an acronym, or a
  // new entity when the lexicon or the context says what it is.
  // A lone word the lexicon calls an adjective ("Earnest") may still be a known person's surname.
  const singles = new Set(
    candidates.filter(
      (c) =>
        !candEntity.has(c) &&
        c.kind !== 'place' &&
        (c.kind !== 'skip' || (c.nameTokens.length === 1 && personsByToken(c.name, c.order).length === 1)),
    ),
  );
  const lastFull = new Map<Draft, number>();
  const pending: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => a.order - b.order)) {
    const d = candEntity.get(c);
    if (d) {
      lastFull.set(d, c.order);
      continue;
    }
    if (!singles.has(c)) continue;
    const acr = acronymOf.get(c.name.toLowerCase());
    if (acr) {
      candEntity.set(c, acr);
      continue;
    }
    if (c.kind === 'organization' || c.kind === 'country' || c.kind === 'group') continue;
    const hits =
      c.nameTokens.length === 1 ? personsByToken(c.name, c.order) : personsByTokens(c.nameTokens, c.order);
    if (hits.length === 1) {
      candEntity.set(c, hits[0] as Draft);
      continue;
    }
    if (hits.length > 1) {
      // Two people share the word: only a full naming earlier in the same paragraph decides.
      const inPara = hits
        .map((h) => ({ h, at: lastFull.get(h) ?? -1 }))
        .filter((x) => x.at >= orderOf(c.paragraph, 0) && x.at < c.order)
        .sort((a, b) => b.at - a.at);
      if (inPara.length === 1 || (inPara.length > 1 && inPara[0]!.h !== inPara[1]!.h))
        candEntity.set(c, inPara[0]!.h);
      continue;
    }
    pending.push(c);
  }
  const nameCount = new Map<string, number>();
  const midSentence = new Map<string, number>();
  for (const o of candidates) {
    nameCount.set(o.name, (nameCount.get(o.name) ?? 0) + 1);
    if (!o.initialOnly) midSentence.set(o.name, (midSentence.get(o.name) ?? 0) + 1);
  }
  for (const c of pending) {
    if (c.initialOnly && !personEvidence(c, candidates)) {
      // Sentence-initial only: believe it when the word also appears capitalised mid-sentence.
      const elsewhere = (midSentence.get(c.name) ?? 0) > 0;
      if (!elsewhere) continue;
    }
    if (c.kind === 'person' || (c.kind === 'unknown' && personEvidence(c, candidates) && !c.afterThe)) {
      candEntity.set(c, newDraft('person', c.name, c.nameTokens, c.order));
    } else if (c.kind === 'unknown' && c.nameTokens.length === 1) {
      // A lone unknown word named again and again ("Ennahda", "the Taliban") is a group.
      const count = nameCount.get(c.name) ?? 0;
      if (c.afterThe || count >= 2) candEntity.set(c, newDraft('group', c.name, [c.name], c.order));
    }
  }

  // Short and long forms of one organisation ("Fed" / "Federal Reserve") are one entity.
  const merges = shortFormMerges(drafts);
  if (merges.size > 0) {
    for (const [c, d] of candEntity) {
      const long = merges.get(d);
      if (long) candEntity.set(c, long);
    }
    for (const [short, long] of merges) {
      long.aliases.add(short.name);
      for (const a of short.aliases) long.aliases.add(a);
      long.firstOrder = Math.min(long.firstOrder, short.firstOrder);
    }
    const kept = drafts.filter((d) => !merges.has(d));
    drafts.length = 0;
    drafts.push(...kept);
  }

  // 3. Roles, aliases, mentions.
  const mentions = new Map<number, Mention[]>();
  const idOf = new Map<Draft, string>();
  const usedIds = new Set<string>();
  for (const d of [...drafts].sort((a, b) => a.firstOrder - b.firstOrder)) {
    let id = `${article.id}#${slug(d.name)}`;
    for (let n = 2; usedIds.has(id); n++) id = `${article.id}#${slug(d.name)}-${n}`;
    usedIds.add(id);
    idOf.set(d, id);
  }
  const sentenceOf = (paragraph: number, offset: number): number => {
    const p = article.paragraphs.find((x) => x.number === paragraph);
    const s =
      p?.sentences.find((x) => offset >= x.start && offset < x.end) ?? p?.sentences[p.sentences.length - 1];
    return s?.index ?? 1;
  };
  const addRole = (d: Draft, text: string, paragraph: number): void => {
    const clean = text
      .replace(/\s+/g, ' ')
      .replace(/[,;:]+$/, '')
      .trim();
    if (clean === '' || clean.split(' ').length > 25) return;
    if (d.roles.some((r) => r.text.toLowerCase() === clean.toLowerCase())) return;
    d.roles.push({ text: clean, citation: { article: article.id, paragraph } });
  };

  for (const c of candidates) {
    const d = candEntity.get(c);
    if (!d) continue;
    const span: Span = {
      citation: { article: article.id, paragraph: c.paragraph, sentence: c.sentence },
      start: c.start,
      end: c.end,
    };
    d.mentions.push(span);
    const list = mentions.get(c.paragraph) ?? [];
    const nextTok = c.tokens[c.tokenEnd];
    list.push({
      entityId: idOf.get(d) as string,
      kind: d.kind,
      paragraph: c.paragraph,
      sentence: c.sentence,
      start: c.start,
      end: c.end,
      fullStart: c.fullStart,
      possessive: c.possessive,
      modifier:
        c.afterThe &&
        d.kind === 'person' &&
        nextTok !== undefined &&
        nextTok.word &&
        !nextTok.capital &&
        !isSpeechVerb(nextTok.lower),
      quoted: c.quoted,
      order: c.order,
    });
    mentions.set(c.paragraph, list);
    if (c.name !== d.name) d.aliases.add(c.name);
    if (c.honorific) d.aliases.add(`${c.honorific} ${c.name}`);
    if (c.quoted) continue;
    if (c.title) {
      addRole(d, c.title, c.paragraph);
      const capTitle = c.title
        .split(/\s+/)
        .filter((w) => TITLE_WORDS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
      // "President Obama", "Foreign Minister Lavrov": the title words without nationality.
      const titleWords = capTitle.filter(
        (w) => !lexiconTags(w).has('Demonym') && !lexiconTags(w).has('Place'),
      );
      const surname = d.nameTokens.length > 0 ? (d.name.split(/\s+/).pop() as string) : d.name;
      if (titleWords.length > 0 && d.kind === 'person') d.aliases.add(`${titleWords.join(' ')} ${surname}`);
    }
    if (c.nameTokens.length > 1 || d.kind !== 'person') {
      const pre = roleBefore(c);
      if (pre) addRole(d, pre, c.paragraph);
      const appos = appositiveAfter(c);
      if (appos) addRole(d, appos, c.paragraph);
      const lead = appositiveBefore(c);
      if (lead) addRole(d, lead, c.paragraph);
    }
  }
  for (const d of drafts) {
    if (d.kind === 'person') {
      const parts = d.name.split(/\s+/);
      const surname = parts[parts.length - 1];
      if (parts.length > 1 && surname) d.aliases.add(surname);
      if (parts.length > 2 && parts[0] && surname && lexiconTags(parts[0]).has('FirstName'))
        d.aliases.add(`${parts[0]} ${surname}`);
    }
    if (d.kind !== 'person' && isAcronym(d.name)) {
      // "CSTO" first, expansion later: the expansion becomes the name.
      for (const [acr, owner] of acronymOf) if (owner === d) d.aliases.add(acr.toUpperCase());
    }
    d.aliases.delete(d.name);
  }
  for (const list of mentions.values()) list.sort((a, b) => a.start - b.start);

  const entities: Entity[] = [...drafts]
    .sort((a, b) => a.firstOrder - b.firstOrder)
    .map((d) => ({
      id: idOf.get(d) as string,
      article: article.id,
      kind: d.kind,
      name: d.name,
      aliases: [...d.aliases],
      roles: d.roles,
      mentions: d.mentions.sort((a, b) => a.citation.paragraph - b.citation.paragraph || a.start - b.start),
    }));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const draftById = new Map([...idOf].map(([d, id]) => [id, d]));

  const resolveName = (text: string, paragraph: number, offset: number): Entity | null => {
    const words = text
      .split(/\s+/)
      .filter((w) => w !== '' && !HONORIFICS.has(w.toLowerCase()) && !TITLE_WORDS.has(w.toLowerCase()));
    if (words.length === 0) return null;
    const order = orderOf(paragraph, offset);
    const exact = drafts.filter(
      (d) =>
        d.name.toLowerCase() === words.join(' ').toLowerCase() ||
        [...d.aliases].some((a) => a.toLowerCase() === text.toLowerCase()),
    );
    if (exact.length === 1) return byId.get(idOf.get(exact[0] as Draft) as string) ?? null;
    const hits =
      words.length === 1 ? personsByToken(words[0] as string, order) : personsByTokens(words, order);
    if (hits.length === 1) return byId.get(idOf.get(hits[0] as Draft) as string) ?? null;
    return null;
  };

  const resolveTitle = (phrase: string, paragraph: number, offset: number): Entity | null => {
    const words = phrase
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .split(/\s+/)
      .filter((w) => w !== '' && w !== 'the');
    const head = words[words.length - 1];
    if (head === undefined || !isRoleNoun(head)) return null;
    const order = orderOf(paragraph, offset);
    const hits: { e: Entity; last: number }[] = [];
    for (const e of entities) {
      if (e.kind !== 'person') continue;
      const roleHeads = e.roles.map((r) => roleHead(r.text));
      const roleWords = e.roles.map((r) => r.text.toLowerCase());
      // Every word of the phrase must appear in one role ("the foreign minister" vs "Russian
      // Foreign Minister"), and the head must be the role's head noun.
      const ok = e.roles.some(
        (_, k) => roleHeads[k] === head && words.every((w) => (roleWords[k] as string).includes(w)),
      );
      if (!ok) continue;
      const d = draftById.get(e.id) as Draft;
      if (d.firstOrder > order) continue;
      const last = Math.max(
        ...(mentions.get(paragraph) ?? [])
          .filter((m) => m.entityId === e.id && m.order < order)
          .map((m) => m.order),
        d.firstOrder,
      );
      hits.push({ e, last });
    }
    if (hits.length === 0) return null;
    hits.sort((a, b) => b.last - a.last);
    return (hits[0] as { e: Entity }).e;
  };

  const addMention = (entityId: string, span: Span): void => {
    const e = byId.get(entityId);
    if (!e) return;
    if (e.mentions.some((m) => m.citation.paragraph === span.citation.paragraph && m.start === span.start))
      return;
    e.mentions.push(span);
    e.mentions.sort((a, b) => a.citation.paragraph - b.citation.paragraph || a.start - b.start);
  };

  void sentenceOf;
  return { entities, byId, mentions, resolveName, resolveTitle, addMention };
}

/**
 * The head noun of a role ("the Tajik representative to the CSTO" -> "representative",
 * "Russian Foreign Minister" -> "minister").
 *
 * @param role - the role text
 */
export function roleHead(role: string): string {
  const words = role.toLowerCase().split(/\s+/);
  const cut = words.findIndex((w) => /^(to|of|at|for|in|with|on|from|who|which|and|,)$/.test(w));
  const head = cut > 0 ? words.slice(0, cut) : words;
  return (head[head.length - 1] ?? '').replace(/[,;.]$/, '');
}

/** Lowercase role words right before a name: "White House press secretary Josh Earnest". */
function roleBefore(c: Candidate): string | null {
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

function textBetween(c: Candidate, start: number, end: number): string {
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
    const raw = t.possessive ? `${t.text}’s` : t.text;
    parts.push(prevEnd >= 0 && t.start > prevEnd ? ` ${raw}` : raw);
    prevEnd = t.possessive ? t.end + 2 : t.end;
  }
  return parts.join('').trim();
}

/** ", the Tajik representative to the CSTO," after a name. */
function appositiveAfter(c: Candidate): string | null {
  const toks = c.tokens;
  if (toks[c.tokenEnd]?.text !== ',') return null;
  let k = c.tokenEnd + 1;
  const first = toks[k];
  if (!first || !first.word) return null;
  if (/^\d/.test(first.text) || isSpeechVerb(first.lower)) return null;
  if (first.lower === 'who') {
    // "X, who heads Y," -> "head of Y"; "X, who is the minister," -> "the minister".
    const verb = toks[k + 1];
    const HEADS: Record<string, string> = {
      heads: 'head of',
      leads: 'leader of',
      runs: 'head of',
      chairs: 'chair of',
      directs: 'director of',
      represents: 'representative of',
    };
    const lead = verb
      ? (HEADS[verb.lower] ?? (verb.lower === 'is' || verb.lower === 'was' ? '' : null))
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
      if (
        t.text === ',' ||
        t.text === '.' ||
        t.text === ';' ||
        t.text === '—' ||
        t.text === '(' ||
        t.text === '“' ||
        t.text === '"'
      )
        break;
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
    !/^(senior|chief|deputy|former|executive|acting|longtime|veteran|interim)$/.test(start.lower)
  ) {
    return null;
  }
  return textBetween(c, start.start, end.end);
}

/** "the Tajik representative, Hasan Sultonov" / "The leader of Ennahda, Rachid Ghannouchi,". */
function appositiveBefore(c: Candidate): string | null {
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
      if (
        t.text === ',' ||
        t.text === '.' ||
        t.text === ';' ||
        t.text === ':' ||
        t.text === '”' ||
        t.text === '"'
      )
        break;
      continue;
    }
    if (isSpeechVerb(t.lower) && !t.capital) break;
    if (isRoleNoun(t.lower)) hasRole = true;
    start = t;
    words++;
    // "the delegate to the Regional Assembly, X": an inner "the" belongs to the role's complement.
    if (/^(the|a|an)$/.test(t.lower) && hasRole) break;
    if (words > 12) return null;
  }
  if (!start || !hasRole || !/^(the|a|an|his|her|its|their)$/.test(start.lower)) {
    if (!(start && start.possessive)) return null;
  }
  if (!start) return null;
  return textBetween(c, start.start, end.end);
}
