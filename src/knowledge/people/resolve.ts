/**
 * Entity resolution: name candidates become people, organisations, countries and groups, with
 * their aliases, roles and mentions, and the lookups attribution uses (a surname or a role at a
 * position to the entity it names).
 */
import type { Article } from '../../article/types.ts';
import type { Entity, EntityKind, Role, Span } from '../types.ts';
import { lexiconTags, tokenize, type Token } from '../nlp.ts';
import { isSpeechVerb } from '../speech-verbs.ts';
import { middleNameMerges, shortFormMerges } from '../short-forms.ts';
import {
  CORPORATE_DESIGNATORS,
  COMPANY_NAME_WORDS,
  COMPANY_REFERENCES,
  COUNTRY_ACRONYMS,
  FOREIGN_ORG_WORDS,
  HONORIFICS,
  NAME_SUFFIXES,
  ORG_WORDS,
  RELATIVE_NOUNS,
  TITLE_WORDS,
  EPITHET_NOUNS,
} from '../lexicon/people.ts';
import { AUXILIARIES } from '../lexicon/grammar.ts';
import { DOCUMENT_NOUNS } from '../lexicon/cues.ts';
import {
  affiliationThenSpeech,
  isAcronym,
  isStrongSpeechVerb,
  inRanges,
  isVerbAfterName,
  namePair,
  orderOf,
  scanSentence,
  type Candidate,
} from './scan.ts';
import {
  ageMatches,
  ageRole,
  appositiveAfter,
  appositiveBefore,
  genderedRoleForms,
  isAgeNoun,
  isRoleNoun,
  isPartyTag,
  predicateRole,
  roleBefore,
  roleHead,
  roleWords as roleWordsOf,
} from './roles.ts';
import {
  describedPhrases,
  introducesSpeaker,
  personSubject,
  type DescribedPhrase,
  type PersonSubject,
} from './described.ts';
import { organisationEvidence } from './organisations.ts';
import { kinNotes, sharedSurnameFit } from './surname-fit.ts';
import { givenAsName } from './given.ts';
import { genderFromNaming, genderOf } from './gender.ts';
import { kinReferent } from './anaphora.ts';
import { surnameOf } from './naming.ts';
import { givenNameAlone, shareCoordinatedSurnames, sharesFamilyName } from './coordination.ts';
import { countriesOf, demonymReference } from './nationality.ts';
import { compatibleDescriptions, contentWords, identifiedNext, namedLater } from './forward.ts';
import { generationBefore, impliedRelative, speaksOfFamily, statedRelative } from './kin.ts';

/** An entity being built. */
export interface Draft {
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
  /**
   * Per paragraph, sorted offsets of people referred to but not named safely: a lone surname
   * several people share, an indefinite description opening a sentence ("A porter arrives").
   * A pronoun after such a subject has no safe named antecedent before it.
   */
  unresolved: ReadonlyMap<number, readonly number[]>;
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
    // "Quill, Eastfield's captain, was calmer": a name, then a named owner's role.
    if (after?.possessive && after.capital && after2?.word && !after2.capital && isRoleNoun(after2.lower))
      return true;
  }
  // "Priya Natarajan of the Eastfield ward said": a name, its affiliation, a speech verb.
  const pair = c.tokens.slice(c.tokenEnd - c.nameTokens.length, c.tokenEnd);
  if (c.nameTokens.length > 1 && namePair(pair) && affiliationThenSpeech(toks, c.tokenEnd)) return true;
  // "Ivo Brenner has been mayor since 2019": a role after a copula.
  if (c.nameTokens.length > 1 && predicateRole(c) !== null) return true;
  // "born Dorothy Ann Pickering", "née Pickering": only people have birth names.
  if (prev && /^(born|née|nee)$/.test(prev.lower)) return true;
  // "who gave only her first name, Ilse,": the name a person gave.
  if (givenAsName(c)) return true;
  // "Kofi Mensah, 36," / "36-year-old Kofi Mensah": only people are given an age.
  if (c.nameTokens.length > 1 && ageRole(c) !== null) return true;
  // "ranger Ana Ruiz", and "Actor Ana Ruiz" at the start of a sentence.
  const roleCase = prev !== undefined && (!prev.capital || c.tokenIndex === 1);
  if (prev && prev.word && roleCase && isRoleNoun(prev.lower) && !ORG_WORDS.has(prev.lower)) return true;
  if (appositiveBefore(c) !== null) return true;
  // "Prime Minister Idun Saroya … Idun Saroya went on": the full name the article titled elsewhere.
  if (c.nameTokens.length > 1 && titledNames(all).has(c.name.toLowerCase())) return true;
  if (c.nameTokens.length > 1) {
    const surname = (c.nameTokens[c.nameTokens.length - 1] as string).toLowerCase();
    return loneNames(all).has(surname) || sharesFamilyName(c, all);
  }
  return false;
}

const titledNameCache = new WeakMap<Candidate[], Set<string>>();

/** The multi-word names the article gives a person with a title or honorific somewhere. */
function titledNames(all: Candidate[]): Set<string> {
  let set = titledNameCache.get(all);
  if (!set) {
    set = new Set(
      all
        .filter(
          (o) => o.kind === 'person' && o.nameTokens.length > 1 && (o.title !== null || o.honorific !== null),
        )
        .map((o) => o.name.toLowerCase()),
    );
    titledNameCache.set(all, set);
  }
  return set;
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
  const unresolved = new Map<number, number[]>();
  const definiteSubjects: { paragraph: number; sentence: number; subject: PersonSubject }[] = [];
  const noteUnresolved = (paragraph: number, offset: number): void => {
    const list = unresolved.get(paragraph);
    if (list) list.push(offset);
    else unresolved.set(paragraph, [offset]);
  };
  for (const p of article.paragraphs) {
    if (p.kind === 'heading') continue;
    for (const s of p.sentences) {
      const toks = tokenize(s.text, s.start);
      sentenceTokens.set(`${p.number}:${s.index}`, toks);
      candidates.push(...scanSentence(toks, p, s.index, quoted.get(p.number)));
      const unnamed = personSubject(toks);
      if (!unnamed || inRanges(quoted.get(p.number), unnamed.start)) continue;
      if (unnamed.definite)
        definiteSubjects.push({ paragraph: p.number, sentence: s.index, subject: unnamed });
      else noteUnresolved(p.number, unnamed.start);
    }
  }

  shareCoordinatedSurnames(candidates);
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
  const startsOf = nameStartsBySentence(candidates);
  // 1. Multi-word names and names the lexicon knows.
  for (const c of candidates) {
    if (c.nameTokens.length > 1 && isPartOfLonger(c)) continue;
    if (c.kind === 'skip' || c.kind === 'place') continue;
    if (isPartyTag(c.name)) continue;
    if (c.nameTokens.length === 1 && definedAcronyms.has(c.name.toLowerCase())) continue;
    if (
      (c.kind === 'person' || c.kind === 'unknown') &&
      organisationEvidence(c, startsOf.get(`${c.paragraph}:${c.sentence}`) ?? new Set())
    )
      candEntity.set(c, newDraft('organization', c.name, [c.name], c.order));
    else if (c.kind === 'person' && c.nameTokens.length > 1)
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
  mergeDrafts(middleNameMerges(drafts), drafts, candEntity, byKey);
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

  // "Captain Rochester", "Washington said": a lone word the lexicon calls a place, with a title
  // or a speech verb, is a known person's surname when exactly one person has it.
  const surnameLikePlace = (c: Candidate): boolean =>
    c.nameTokens.length === 1 &&
    (c.title !== null ||
      c.honorific !== null ||
      isStrongSpeechVerb(c.tokens[c.tokenEnd]?.lower ?? '') ||
      placeWordAsSubject(c)) &&
    personsByToken(c.name, c.order).length === 1;
  // 2. Lone words and partial names: a known person's surname / first name, an acronym, or a
  // new entity when the lexicon or the context says what it is.
  // A lone word the lexicon calls an adjective ("Earnest") may still be a known person's surname.
  const singles = new Set(
    candidates.filter(
      (c) =>
        !candEntity.has(c) &&
        (c.kind !== 'place' || surnameLikePlace(c)) &&
        (c.kind !== 'skip' || (c.nameTokens.length === 1 && personsByToken(c.name, c.order).length === 1)),
    ),
  );
  const nicknames = nicknamesOf(candidates, candEntity);
  const lastFull = new Map<Draft, Candidate>();
  const pending: Candidate[] = [];
  const sorted = [...candidates].sort((a, b) => a.order - b.order);
  const kin = kinNotes(sorted, candEntity);
  for (const c of sorted) {
    const d = candEntity.get(c);
    if (d) {
      lastFull.set(d, c);
      continue;
    }
    if (!singles.has(c) || isPartyTag(c.name)) continue;
    const acr = acronymOf.get(c.name.toLowerCase());
    if (acr) {
      candEntity.set(c, acr);
      continue;
    }
    const nick = c.nameTokens.length === 1 ? nicknames.get(c.name.toLowerCase()) : undefined;
    if (nick) {
      candEntity.set(c, nick);
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
      const fit = sharedSurnameFit(c, hits, lastFull, kin);
      if (fit) candEntity.set(c, fit);
      else if (!c.quoted) noteUnresolved(c.paragraph, c.start);
      // "The elder Kell took over": the next lone "Kell" in the paragraph is that person too.
      if (fit && generationBefore(c)) lastFull.set(fit, c);
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
  // "Harwick said" after "Harwick Paper Company": the company's short name (see shortCompanyName).
  const companyOf = companiesByFirstWord(drafts);
  for (const c of pending) {
    const company = c.nameTokens.length === 1 ? companyOf.get(c.name.toLowerCase()) : undefined;
    if (company) {
      candEntity.set(c, company);
      continue;
    }
    if (c.initialOnly && !personEvidence(c, candidates)) {
      // Sentence-initial only: believe it when the word also appears capitalised mid-sentence.
      const elsewhere = (midSentence.get(c.name) ?? 0) > 0;
      if (!elsewhere) continue;
    }
    if (c.kind === 'person' || (c.kind === 'unknown' && personEvidence(c, candidates) && !c.afterThe)) {
      candEntity.set(c, newDraft('person', c.name, c.nameTokens, c.order));
    } else if (c.kind === 'unknown' && c.nameTokens.length === 1) {
      // A lone unknown word named again and again ("Ennahda", "the Taliban") is a group; a given
      // name named so ("his brother, Matthew, … while Matthew left") is a person.
      const count = nameCount.get(c.name) ?? 0;
      const kind = !c.afterThe && givenNameAlone(c.name) ? 'person' : 'group';
      if (c.afterThe || count >= 2) candEntity.set(c, newDraft(kind, c.name, [c.name], c.order));
    }
  }

  // Short and long forms of one organisation ("Fed" / "Federal Reserve") are one entity.
  mergeDrafts(shortFormMerges(drafts), drafts, candEntity, byKey);
  // "Born Dorothy Pickering, Vale began …": a birth name is an alias of the person.
  mergeDrafts(birthNameMerges(candidates, candEntity), drafts, candEntity, byKey);
  // "the Austrian said": the one person the story gave that country.
  const demonyms = demonymMentions(candidates, candEntity);

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
        !demonyms.has(c) &&
        nextTok !== undefined &&
        nextTok.word &&
        !nextTok.capital &&
        !isSpeechVerb(nextTok.lower),
      quoted: c.quoted,
      order: c.order,
    });
    mentions.set(c.paragraph, list);
    if (c.name !== d.name && !demonyms.has(c)) d.aliases.add(c.name);
    if (c.honorific) d.aliases.add(`${c.honorific} ${c.name}`);
    if (c.nickname && d.kind === 'person') d.aliases.add(c.nickname);
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
    if (d.kind === 'person') {
      const age = ageRole(c);
      if (age) addRole(d, age, c.paragraph);
    }
    if (c.nameTokens.length > 1 || d.kind !== 'person') {
      const pre = roleBefore(c);
      if (pre) addRole(d, pre, c.paragraph);
      const appos = appositiveAfter(c);
      if (appos) addRole(d, appos, c.paragraph);
      const lead = appositiveBefore(c);
      if (lead) addRole(d, lead, c.paragraph);
      const predicate = d.kind === 'person' ? predicateRole(c) : null;
      if (predicate) addRole(d, predicate, c.paragraph);
    }
  }
  const family = familyTies(candidates, candEntity);
  const described = linkDescribed(article, sentenceTokens, quoted, drafts, idOf, mentions, family);
  for (const d of drafts) {
    if (d.kind === 'person') {
      // "Martin Luther King Jr." goes by "King": a generational suffix is not the surname.
      const parts = d.name.split(/\s+/);
      while (
        parts.length > 2 &&
        NAME_SUFFIXES.has((parts[parts.length - 1] as string).toLowerCase().replace(/\.$/, ''))
      )
        parts.pop();
      const surname = surnameOf(parts);
      if (surname) d.aliases.add(surname);
      const given = `${parts[0]} ${surname}`;
      if (parts.length > 2 && surname && given !== d.name && lexiconTags(parts[0] as string).has('FirstName'))
        d.aliases.add(given);
    }
    if (d.kind === 'organization') shortCompanyName(d);
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
  // Described speakers resolve like entities but are not listed among the article's entities.
  const byId = new Map([...entities, ...described].map((e) => [e.id, e]));
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

  // People by the head noun of each of their roles, in the order the article introduces them,
  // and each person's roles as head noun and words (built on the first role lookup: articles
  // with thousands of people and role references must not compare every pair, nor re-derive
  // role words per lookup).
  let roleTable: {
    byHead: Map<string, Entity[]>;
    keys: Map<Entity, { head: string; words: string }[]>;
  } | null = null;
  const roleIndex = (): NonNullable<typeof roleTable> => {
    if (roleTable) return roleTable;
    roleTable = { byHead: new Map(), keys: new Map() };
    for (const e of entities) {
      if (e.kind !== 'person') continue;
      const keys = roleKeysOf(e);
      roleTable.keys.set(e, keys);
      for (const { head } of keys) {
        const list = roleTable.byHead.get(head) ?? [];
        list.push(e);
        roleTable.byHead.set(head, list);
      }
    }
    return roleTable;
  };
  // A person's roles as head noun and words (described people are not in the index).
  const roleKeys = (e: Entity): { head: string; words: string }[] => {
    const { keys } = roleIndex();
    let found = keys.get(e);
    if (!found) {
      found = roleKeysOf(e);
      keys.set(e, found);
    }
    return found;
  };
  // "Jovanović, 34, scored 27 points. “…,” the veteran said": the one person named by name
  // in the paragraph before a position, or null; a name the scan found but tied to nobody (a
  // person it did not recognise) leaves it null.
  const paragraphPerson = (paragraph: number, order: number): Entity | null => {
    let found: Entity | null = null;
    for (const m of mentions.get(paragraph) ?? []) {
      const e = byId.get(m.entityId);
      if (m.order >= order || m.quoted || !e || e.kind !== 'person' || e === found) continue;
      if (found) return null;
      found = e;
    }
    if (!found) return null;
    const own = draftById.get(found.id);
    const unknownName = (c: Candidate): boolean => {
      const d = candEntity.get(c);
      return d === undefined ? c.kind === 'person' || c.kind === 'unknown' : d.kind === 'person' && d !== own;
    };
    const named = candidatesIn(paragraph);
    return named.some((c) => c.order < order && !c.quoted && unknownName(c)) ? null : found;
  };
  // Grouped on first use: only an epithet with no referent before it ("the veteran") asks.
  let byParagraph: Map<number, Candidate[]> | null = null;
  const candidatesIn = (paragraph: number): readonly Candidate[] => {
    if (!byParagraph) {
      byParagraph = new Map();
      for (const c of candidates) {
        const list = byParagraph.get(c.paragraph);
        if (list) list.push(c);
        else byParagraph.set(c.paragraph, [c]);
      }
    }
    return byParagraph.get(paragraph) ?? [];
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
    const index = roleIndex();
    // Every word of the phrase must appear in one role ("the foreign minister" vs "Russian
    // Foreign Minister"), and the head must be the role's head noun; an age noun ("the
    // 19-year-old", "the teenager") matches an age role.
    // "the spokeswoman" is also the one introduced as a spokesperson (genderedRoleForms).
    const heads = [head, ...genderedRoleForms(head)];
    const modifiers = words.slice(0, -1);
    const holds = (e: Entity): boolean =>
      isAgeNoun(head)
        ? e.roles.some((r) => ageMatches(head, r.text))
        : roleKeys(e).some((r) => heads.includes(r.head) && modifiers.every((w) => r.words.includes(w)));
    const introduced = (e: Entity): number =>
      (draftById.get(e.id) as Draft | undefined)?.firstOrder ?? Infinity;
    const candidates = isAgeNoun(head) ? entities : holdersOfAny(heads, index.byHead, introduced);
    // One holder named before is it; of several, the one named last in this paragraph, or nobody.
    // (Entities and the index are in the order the article introduces them.)
    const before: Entity[] = [];
    for (const e of candidates) {
      if (introduced(e) > order) break;
      if (e.kind !== 'person' || before.includes(e) || !holds(e)) continue;
      before.push(e);
      if (before.length > 1) break;
    }
    if (before.length === 0 && EPITHET_NOUNS.has(head)) return paragraphPerson(paragraph, order);
    if (before.length < 2) return before[0] ?? null;
    const last = new Map<Entity, number>();
    for (const m of mentions.get(paragraph) ?? []) {
      const e = byId.get(m.entityId);
      if (m.order >= order || !e || e.kind !== 'person') continue;
      if (last.has(e) || holds(e)) last.set(e, Math.max(last.get(e) ?? -1, m.order));
    }
    const named = [...last].map(([e, at]) => ({ e, last: at }));
    return roleHolder([...named, ...before.map((e) => ({ e, last: last.get(e) ?? -1 }))]);
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
  let familyIdSet: Set<string> | null = null;
  const familyIds = (): ReadonlySet<string> =>
    (familyIdSet ??= new Set([...family()].map((d) => idOf.get(d) as string)));
  for (const d of definiteSubjects) {
    const e = definiteSubjectReferent(d.subject, d.paragraph, mentions, entities, resolveTitle, familyIds);
    if (e === undefined) continue;
    if (e === null) {
      noteUnresolved(d.paragraph, d.subject.start);
      continue;
    }
    const span: Span = {
      citation: { article: article.id, paragraph: d.paragraph, sentence: d.sentence },
      start: d.subject.start,
      end: d.subject.end,
    };
    addMention(e.id, span);
    const list = mentions.get(d.paragraph) ?? [];
    list.push({
      entityId: e.id,
      kind: e.kind,
      paragraph: d.paragraph,
      sentence: d.sentence,
      start: span.start,
      end: span.end,
      fullStart: span.start,
      possessive: false,
      modifier: false,
      quoted: false,
      order: orderOf(d.paragraph, span.start),
    });
    list.sort((a, b) => a.start - b.start);
    mentions.set(d.paragraph, list);
  }
  for (const list of unresolved.values()) list.sort((a, b) => a - b);
  return { entities, byId, mentions, resolveName, resolveTitle, addMention, unresolved };
}

/**
 * Ties each "the Austrian" (see demonymReference) to the one person named before it whom the
 * story gave that country (see countriesOf); none when two people or nobody have it.
 *
 * @returns the candidates so tied
 */
function demonymMentions(
  candidates: readonly Candidate[],
  candEntity: Map<Candidate, Draft>,
): Set<Candidate> {
  const tied = new Set<Candidate>();
  const refs = candidates.filter((c) => !candEntity.has(c) && demonymReference(c) !== null);
  if (refs.length === 0) return tied;
  const given: { d: Draft; country: string; order: number }[] = [];
  for (const c of candidates) {
    const d = candEntity.get(c);
    if (!d || d.kind !== 'person' || c.quoted) continue;
    const roles = [c.title, roleBefore(c), appositiveAfter(c), appositiveBefore(c)].filter(
      (r): r is string => r !== null,
    );
    for (const country of countriesOf(c, roles)) given.push({ d, country, order: c.order });
  }
  for (const c of refs) {
    const country = demonymReference(c);
    const holders = new Set(given.filter((g) => g.country === country && g.order < c.order).map((g) => g.d));
    const [only] = holders;
    if (only && holders.size === 1) {
      candEntity.set(c, only);
      tied.add(c);
    }
  }
  return tied;
}

/** The holders of any of `heads`, in the order the article introduces them (as each list is). */
function holdersOfAny(
  heads: readonly string[],
  byHead: ReadonlyMap<string, Entity[]>,
  firstOrder: (e: Entity) => number,
): Entity[] {
  const lists = heads.map((h) => byHead.get(h) ?? []).filter((l) => l.length > 0);
  if (lists.length < 2) return lists[0] ?? [];
  return [...new Set(lists.flat())].sort((x, y) => firstOrder(x) - firstOrder(y));
}

/** A person's roles as their head noun and their words joined ("minister", "foreign minister"). */
function roleKeysOf(e: Entity): { head: string; words: string }[] {
  return e.roles.map((r) => ({ head: roleHead(r.text), words: roleWordsOf(r.text).join(' ') }));
}

/** "Roz" after "Rosalind "Roz" Okonjo": each nickname to its person, when only one has it. */
function nicknamesOf(
  candidates: readonly Candidate[],
  candEntity: ReadonlyMap<Candidate, Draft>,
): Map<string, Draft> {
  const out = new Map<string, Draft>();
  const seen = new Set<string>();
  for (const c of candidates) {
    const d = candEntity.get(c);
    if (!c.nickname || !d || d.kind !== 'person') continue;
    const key = c.nickname.toLowerCase();
    if (seen.has(key) && out.get(key) !== d) out.delete(key);
    else if (!seen.has(key)) out.set(key, d);
    seen.add(key);
  }
  return out;
}

/**
 * "Stroud disputed that": a lone word the lexicon calls a place, opening its sentence and
 * followed by a verb, reads as a person's surname (a place opening a sentence is rarely the
 * subject of a past-tense verb of its own in news writing; "Stroud is a market town" keeps the
 * copula out). The caller still requires exactly one person of that surname.
 *
 * @param c - the lone-word candidate
 */
export function placeWordAsSubject(c: Candidate): boolean {
  if (c.tokenIndex !== 0 || c.possessive || c.afterThe) return false;
  const next = c.tokens[c.tokenEnd];
  if (!next || !next.word || next.capital || AUXILIARIES.has(next.lower)) return false;
  return isVerbAfterName(c.tokens as Token[], c.tokenEnd);
}

/**
 * Whom "The coach praised …" / "The father was at work" names as its sentence's subject: the
 * person with that role (or, for a bare family noun, of that gender) the lookups find; null when
 * they find nobody safe; undefined when the description is already a linked mention (a described
 * speaker in a speech verb's slot) or is an owned family noun nothing settles ("Her mother
 * called her …": the owner's relative, whom a later "she" may or may not mean).
 */
function definiteSubjectReferent(
  subject: PersonSubject,
  paragraph: number,
  mentions: ReadonlyMap<number, Mention[]>,
  entities: readonly Entity[],
  resolveTitle: PeopleIndex['resolveTitle'],
  family: () => ReadonlySet<string>,
): Entity | null | undefined {
  if ((mentions.get(paragraph) ?? []).some((m) => m.start === subject.start)) return undefined;
  if (subject.owner !== null && RELATIVE_NOUNS.has(subject.head))
    return ownedRelative(subject, paragraph, entities, family) ?? undefined;
  // "Their lawyer said": the role without its owner's word.
  const phrase = subject.owner !== null ? subject.phrase.split(/\s+/).slice(1).join(' ') : subject.phrase;
  const bare = subject.phrase.split(/\s+/).length === 2 && subject.owner === null;
  return (
    resolveTitle(phrase, paragraph, subject.start) ??
    (bare ? kinReferent(entities, subject.head, paragraph, subject.start) : null)
  );
}

/**
 * "His mother said …": the one person the article introduced as someone's mother (see
 * statedRelative), or the one woman named so far when the story tied her to a family (see
 * impliedRelative). A relation the text never states names nobody: not the one woman named so
 * far when she is only a harbour master, not a guess by gender.
 */
function ownedRelative(
  subject: PersonSubject,
  paragraph: number,
  entities: readonly Entity[],
  family: () => ReadonlySet<string>,
): Entity | null {
  const order = orderOf(paragraph, subject.start);
  // Entities are in the order the article introduces them (their first mention).
  const before: Entity[] = [];
  for (const e of entities) {
    const first = e.mentions[0];
    if (!first || orderOf(first.citation.paragraph, first.start) >= order) break;
    if (e.kind === 'person') before.push(e);
  }
  const found = statedRelative(subject.head, before);
  if (found !== null) return found ?? null;
  const tied = family();
  const people = before.map((e) => ({ who: e, gender: genderOf(e), family: tied.has(e.id) }));
  return impliedRelative(subject.head, subject.owner ?? '', people) ?? null;
}

/** Token indexes where names start, per sentence ("paragraph:sentence"). */
function nameStartsBySentence(candidates: readonly Candidate[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const c of candidates) {
    const key = `${c.paragraph}:${c.sentence}`;
    const set = out.get(key) ?? new Set<number>();
    set.add(c.tokenIndex);
    out.set(key, set);
  }
  return out;
}

/**
 * Folds each merged draft into the one it names (its name becomes an alias), and points every
 * candidate and name key at the kept draft.
 */
function mergeDrafts(
  merges: ReadonlyMap<Draft, Draft>,
  drafts: Draft[],
  candEntity: Map<Candidate, Draft>,
  byKey: Map<string, Draft>,
): void {
  if (merges.size === 0) return;
  for (const [c, d] of candEntity) {
    const keep = merges.get(d);
    if (keep) candEntity.set(c, keep);
  }
  for (const [gone, keep] of merges) {
    keep.aliases.add(gone.name);
    for (const a of gone.aliases) keep.aliases.add(a);
    keep.firstOrder = Math.min(keep.firstOrder, gone.firstOrder);
    byKey.set(gone.key, keep);
  }
  const kept = drafts.filter((d) => !merges.has(d));
  drafts.length = 0;
  drafts.push(...kept);
}

/** What a description names: an entity the article names, or a described speaker. */
export type DescribedTarget = { draft: Draft } | { entity: Entity };

/** The last referent of a description head, with the words that described it. */
interface HeadTarget {
  target: DescribedTarget;
  words: ReadonlySet<string>;
}

/**
 * The referent of the last description with this head, when the two descriptions can be one
 * ("the spokeswoman" after "a spokeswoman for the festival", not "the Sava coach" after "the
 * home coach").
 */
function sameDescription(
  byHead: ReadonlyMap<string, HeadTarget>,
  ph: DescribedPhrase,
): DescribedTarget | null {
  const hit = byHead.get(ph.head);
  return hit && compatibleDescriptions(hit.words, contentWords(ph.text)) ? hit.target : null;
}

/**
 * Described speakers and descriptions of named bodies in a speaker's slot. "the agency said"
 * names the organisation with that word in its name (the one mentioned last), "the council said"
 * the body described before with that head; "a neighbour", "one resident", "police" and a
 * specific public body ("the town council") are new described speakers. A definite person noun
 * ("the coach said") is left to the role lookup.
 *
 * @returns the described speakers (their mentions are added to `mentions`)
 */
function linkDescribed(
  article: Article,
  sentenceTokens: ReadonlyMap<string, Token[]>,
  quoted: QuotedRanges,
  drafts: Draft[],
  idOf: ReadonlyMap<Draft, string>,
  mentions: Map<number, Mention[]>,
  family: () => ReadonlySet<Draft>,
): Entity[] {
  const out: Entity[] = [];
  const byHead = new Map<string, HeadTarget>();
  const used = new Set(idOf.values());
  const targets = new Map<string, DescribedTarget>([...idOf].map(([d, id]) => [id, { draft: d }]));
  const documents = new Map<string, DescribedTarget>();
  // Lookups computed once (articles may have thousands of mentions): each entity's mention
  // orders, and the first person holding a role with a given head noun.
  const ordersOf = new Map<string, number[]>();
  for (const list of mentions.values())
    for (const m of list) {
      const orders = ordersOf.get(m.entityId);
      if (orders) orders.push(m.order);
      else ordersOf.set(m.entityId, [m.order]);
    }
  for (const list of ordersOf.values()) list.sort((a, b) => a - b);
  const roleFrom = new Map<string, number>();
  for (const d of drafts)
    if (d.kind === 'person')
      for (const r of d.roles) {
        const h = roleHead(r.text);
        roleFrom.set(h, Math.min(roleFrom.get(h) ?? Infinity, d.firstOrder));
      }
  for (const p of article.paragraphs) {
    const ranges = [...(quoted.get(p.number) ?? [])].sort((x, y) => x[0] - y[0]);
    const starts = ranges.map((r) => r[0]);
    const reach: number[] = [];
    for (const r of ranges) reach.push(Math.max(r[1], reach[reach.length - 1] ?? -1));
    const inQuote = (o: number): boolean => insideRange(starts, reach, o);
    const edges = mentionEdges(mentions.get(p.number) ?? []);
    for (const s of p.sentences) {
      const toks = sentenceTokens.get(`${p.number}:${s.index}`);
      if (!toks) continue;
      for (const ph of describedPhrases(toks, p.text, inQuote)) {
        const order = orderOf(p.number, ph.start);
        const relative = ph.owned ? relativeTarget(ph, drafts, order, family) : null;
        // Two people introduced with that relation: the description names neither safely.
        if (relative === undefined) continue;
        let target: DescribedTarget | null = ph.owned
          ? relative
          : ph.document
            ? (documents.get(ph.head) ?? null)
            : ph.possessive
              ? mostNamedBody(ph, drafts, order, ordersOf, idOf)
              : (namedBody(ph, drafts, order, ordersOf, idOf) ?? sameDescription(byHead, ph));
        // "A spokeswoman said … ¶ The spokeswoman, Jo-Ann Price, said": named right after.
        const later = target
          ? null
          : (namedLater(ph, p.number, order, drafts) ?? identifiedNext(ph, p.number, drafts));
        if (later) target = { draft: later };
        if (!target) {
          const held = (roleFrom.get(ph.head) ?? Infinity) < order;
          const e =
            !ph.document && introducesSpeaker(ph, held) ? newDescribed(ph, article, p.number, used) : null;
          if (!e) continue;
          out.push(e);
          target = { entity: e };
          targets.set(e.id, target);
        }
        if (!ph.document) byHead.set(ph.head, { target, words: contentWords(ph.text) });
        const id = 'draft' in target ? (idOf.get(target.draft) as string) : target.entity.id;
        const kind = 'draft' in target ? target.draft.kind : target.entity.kind;
        const span: Span = {
          citation: { article: article.id, paragraph: p.number, sentence: s.index },
          start: ph.start,
          end: ph.end,
        };
        ('draft' in target ? target.draft.mentions : target.entity.mentions).push(span);
        const list = mentions.get(p.number) ?? [];
        list.push({
          entityId: id,
          kind,
          paragraph: p.number,
          sentence: s.index,
          start: ph.start,
          end: ph.end,
          fullStart: ph.start,
          possessive: ph.possessive === true,
          modifier: false,
          quoted: false,
          order,
        });
        mentions.set(p.number, list);
        addEdges(edges, list[list.length - 1] as Mention);
      }
      recordDocumentOwners(toks, edges, targets, documents);
    }
  }
  return out;
}

/**
 * "His wife said": the one person named before as someone's wife (or widow); none when nobody
 * was, so the description becomes its own speaker. Null, and no new speaker, when several were.
 */
function relativeTarget(
  ph: DescribedPhrase,
  drafts: readonly Draft[],
  order: number,
  family: () => ReadonlySet<Draft>,
): DescribedTarget | null | undefined {
  const before = drafts.filter((d) => d.firstOrder < order && d.kind === 'person');
  const found = statedRelative(ph.head, before);
  if (found !== null) return found ? { draft: found } : found;
  const people = before.map((d) => ({
    who: d,
    gender: genderFromNaming(d.name, d.aliases, roleTexts(d)).gender,
    family: family().has(d),
  }));
  const implied = impliedRelative(ph.head, ph.owner ?? '', people);
  return implied ? { draft: implied } : implied;
}

function roleTexts(d: Draft): string[] {
  return d.roles.map((r) => r.text);
}

/**
 * The people named in a sentence that speaks of someone's family (see speaksOfFamily), found
 * on first use: most articles have no owned relative to resolve.
 */
function familyTies(
  candidates: readonly Candidate[],
  candEntity: ReadonlyMap<Candidate, Draft>,
): () => ReadonlySet<Draft> {
  let found: Set<Draft> | null = null;
  return () => (found ??= familyTiesNow(candidates, candEntity));
}

function familyTiesNow(
  candidates: readonly Candidate[],
  candEntity: ReadonlyMap<Candidate, Draft>,
): Set<Draft> {
  const out = new Set<Draft>();
  const checked = new Map<readonly Token[], boolean>();
  for (const c of candidates) {
    const d = candEntity.get(c);
    if (!d || d.kind !== 'person' || c.quoted || out.has(d)) continue;
    let tied = checked.get(c.tokens);
    if (tied === undefined) {
      tied = speaksOfFamily(c.tokens);
      checked.set(c.tokens, tied);
    }
    if (tied) out.add(d);
  }
  return out;
}

/** A paragraph's mentions by where they start and, for possessives, where they end. */
interface MentionEdges {
  byStart: Map<number, Mention>;
  possessiveByEnd: Map<number, Mention>;
}

function mentionEdges(list: readonly Mention[]): MentionEdges {
  const edges: MentionEdges = { byStart: new Map(), possessiveByEnd: new Map() };
  for (const m of list) addEdges(edges, m);
  return edges;
}

function addEdges(edges: MentionEdges, m: Mention): void {
  edges.byStart.set(m.start, m);
  if (m.possessive) edges.possessiveByEnd.set(m.end, m);
}

/**
 * Who owns each text the sentence names, for a later "the summary said": a name or body in the
 * possessive right before the document noun ("the Land Tribunal's written summary"), or after
 * it with "from" / "by" ("a statement from the ministry"). The latest owner of each noun wins.
 *
 * @param toks - the sentence's tokens
 * @param edges - the paragraph's mentions so far, by their edges
 * @param targets - what each mention's entity id stands for
 * @param documents - document noun to its latest owner (updated)
 */
export function recordDocumentOwners(
  toks: readonly Token[],
  edges: MentionEdges,
  targets: ReadonlyMap<string, DescribedTarget>,
  documents: Map<string, DescribedTarget>,
): void {
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (!t.word || t.capital || !DOCUMENT_NOUNS.has(t.lower)) continue;
    const before = [toks[k - 1], toks[k - 2]].map((o) => o && edges.possessiveByEnd.get(o.end)).find(Boolean);
    const by = /^(from|by)$/.test(toks[k + 1]?.lower ?? '');
    const after = by
      ? [toks[k + 2], toks[k + 3]].map((o) => o && edges.byStart.get(o.start)).find(Boolean)
      : undefined;
    const owner = before ?? after;
    const target = owner ? targets.get(owner.entityId) : undefined;
    if (target) documents.set(t.lower, target);
  }
}

/**
 * The named organisation a description refers to: "police" the article's "Police", "the agency"
 * the organisation with every word of the description in its name, mentioned last before it.
 */
function namedBody(
  ph: DescribedPhrase,
  drafts: readonly Draft[],
  order: number,
  ordersOf: ReadonlyMap<string, number[]>,
  idOf: ReadonlyMap<Draft, string>,
): DescribedTarget | null {
  if (ph.plural && !ph.definite) {
    const same = drafts.find((d) => d.kind !== 'person' && d.name.toLowerCase() === ph.text.toLowerCase());
    return same ? { draft: same } : null;
  }
  if (!ph.definite || !ph.body) return null;
  const phraseWords = ph.text.toLowerCase().split(/\s+/).slice(1);
  const bodies = bodiesNamedBy(phraseWords, drafts, order);
  if (bodies.length === 0 && phraseWords.length === 1 && COMPANY_REFERENCES.has(ph.head)) {
    const only = onlyCompanyBefore(drafts, order);
    return only ? { draft: only } : null;
  }
  let best: { d: Draft; at: number } | null = null;
  for (const d of bodies) {
    const at = lastBefore(ordersOf.get(idOf.get(d) as string) ?? [], order, d.firstOrder);
    if (!best || at > best.at) best = { d, at };
  }
  return best ? { draft: best.d } : null;
}

/**
 * "The court's summary": the organisation with the description's words in its name that the
 * article has named most often so far (the court the story is about, not one named in passing);
 * null on a tie.
 */
function mostNamedBody(
  ph: DescribedPhrase,
  drafts: readonly Draft[],
  order: number,
  ordersOf: ReadonlyMap<string, number[]>,
  idOf: ReadonlyMap<Draft, string>,
): DescribedTarget | null {
  const phraseWords = ph.text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/\s+/)
    .slice(1);
  const counts: { d: Draft; n: number }[] = [];
  for (const d of bodiesNamedBy(phraseWords, drafts, order)) {
    const n = countBelow(ordersOf.get(idOf.get(d) as string) ?? [], order);
    counts.push({ d, n });
  }
  counts.sort((a, b) => b.n - a.n);
  const [top, next] = counts;
  return top && (!next || top.n > next.n) ? { draft: top.d } : null;
}

/** The organisations named by `order` whose names hold every word of a description. */
function bodiesNamedBy(phraseWords: readonly string[], drafts: readonly Draft[], order: number): Draft[] {
  return drafts.filter((d) => {
    if (d.kind === 'person' || d.firstOrder > order) return false;
    // "the institute" for the "Instituto de …": a foreign body's word read in English too.
    const words = d.name
      .toLowerCase()
      .split(/\s+/)
      .flatMap((w) => [w, FOREIGN_ORG_WORDS.get(w) ?? w]);
    return phraseWords.every((w) => words.includes(w));
  });
}

/**
 * "Hanra Energy said …" then "the company said": the one company (a name with a company word or
 * a legal form) the article named before; null when it named none or several.
 *
 * @param drafts - the article's entities so far
 * @param order - the position of the reference
 */
function onlyCompanyBefore(drafts: readonly Draft[], order: number): Draft | null {
  const companies = drafts.filter(
    (d) =>
      d.kind === 'organization' &&
      d.firstOrder < order &&
      d.name
        .toLowerCase()
        .split(/\s+/)
        .some((w) => COMPANY_NAME_WORDS.has(w) || CORPORATE_DESIGNATORS.has(w)),
  );
  return companies.length === 1 ? (companies[0] as Draft) : null;
}

/** A new described speaker, named by its description. */
function newDescribed(ph: DescribedPhrase, article: Article, paragraph: number, used: Set<string>): Entity {
  let id = `${article.id}#${slug(ph.text)}`;
  for (let n = 2; used.has(id); n++) id = `${article.id}#${slug(ph.text)}-${n}`;
  used.add(id);
  const kind: EntityKind = ph.body ? 'organization' : ph.plural ? 'group' : 'person';
  return {
    id,
    article: article.id,
    kind,
    name: ph.text,
    aliases: [],
    roles: [{ text: ph.text, citation: { article: article.id, paragraph } }],
    mentions: [],
  };
}

/** How many values of a sorted list are below a bound (binary search). */
function countBelow(sorted: readonly number[], bound: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The largest value of a sorted list below a bound, or `fallback` (binary search). */
function lastBefore(sorted: readonly number[], bound: number, fallback: number): number {
  const lo = countBelow(sorted, bound);
  return lo > 0 ? Math.max(sorted[lo - 1] as number, fallback) : fallback;
}

/**
 * Who "the coach" is when the article gave that role to several people: the one named in this
 * paragraph before it, the latest if both are. With none of them named here the reference is
 * not safe (null). One holder of the role is always it.
 *
 * @param hits - the role's holders with their last mention in this paragraph before the noun (-1: none)
 */
export function roleHolder(hits: readonly { e: Entity; last: number }[]): Entity | null {
  if (hits.length === 0) return null;
  if (hits.length === 1) return (hits[0] as { e: Entity }).e;
  const sorted = [...hits].sort((a, b) => b.last - a.last);
  const top = sorted[0] as { e: Entity; last: number };
  return top.last >= 0 ? top.e : null;
}

/**
 * "Ford Motor Company" named "Ford" after: a company whose full name ends in a legal form and
 * that the article also calls by the first word(s) of that name goes by the short name, the
 * full one becoming an alias.
 */
function shortCompanyName(d: Draft): void {
  const words = d.name.split(/\s+/);
  if (words.length < 2 || !CORPORATE_DESIGNATORS.has((words[words.length - 1] as string).toLowerCase()))
    return;
  const short = [...d.aliases]
    .filter((a) => !isAcronym(a) && d.name.startsWith(`${a} `))
    .sort((a, b) => b.length - a.length)[0];
  if (!short) return;
  d.aliases.add(d.name);
  d.aliases.delete(short);
  d.name = short;
}

/** Companies with a legal-form name ("Harwick Paper Company") by their first word, when only one has it. */
function companiesByFirstWord(drafts: readonly Draft[]): Map<string, Draft> {
  const out = new Map<string, Draft>();
  const seen = new Set<string>();
  for (const d of drafts) {
    if (d.kind !== 'organization') continue;
    const words = d.name.split(/\s+/);
    const last = (words[words.length - 1] as string).toLowerCase();
    if (words.length < 2 || !CORPORATE_DESIGNATORS.has(last)) continue;
    const first = (words[0] as string).toLowerCase();
    if (seen.has(first)) out.delete(first);
    else out.set(first, d);
    seen.add(first);
  }
  return out;
}

/**
 * Birth names: "Born Dorothy Ann Pickering in …, Vale began …", "Vale, born Dorothy Pickering,"
 * and "Dora Vale (née Pickering)" name one person twice. Returns each birth-name draft with the
 * draft of the name the article goes by.
 */
function birthNameMerges(
  candidates: readonly Candidate[],
  candEntity: ReadonlyMap<Candidate, Draft>,
): Map<Draft, Draft> {
  const out = new Map<Draft, Draft>();
  const bySentence = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.paragraph}:${c.sentence}`;
    const list = bySentence.get(key);
    if (list) list.push(c);
    else bySentence.set(key, [c]);
  }
  for (const c of candidates) {
    const born = c.tokens[c.tokenIndex - 1];
    if (!born || !/^(born|née|nee)$/i.test(born.lower)) continue;
    const birth = candEntity.get(c);
    if (!born || !birth || birth.kind !== 'person' || !/^(born|née|nee)$/i.test(born.lower)) continue;
    const same = bySentence.get(`${c.paragraph}:${c.sentence}`) ?? [];
    const opens = c.tokenIndex === 1;
    // Sentence-initial "Born X …, Y": the first person after the clause's comma; else the name before ", born".
    const owner = opens
      ? same.find((o) => o.order > c.order && !o.possessive && o.tokens[o.tokenIndex - 1]?.text === ',')
      : [...same].reverse().find((o) => o.order < c.order && o.tokenEnd >= c.tokenIndex - 2);
    const d = owner ? candEntity.get(owner) : undefined;
    if (d && d !== birth && d.kind === 'person' && !out.has(birth)) out.set(birth, d);
  }
  return out;
}

/**
 * Whether an offset lies inside one of some ranges: `starts` sorted, `reach[i]` the furthest end
 * among the first i + 1 ranges (nested quotations included). Binary search.
 */
function insideRange(starts: readonly number[], reach: readonly number[], offset: number): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && offset < (reach[lo - 1] as number);
}
