/**
 * Discourse memory for attribution: per sentence, its subject and the speaker of its quotes, in
 * document order, so "he said" and an all-quote paragraph resolve to the right person.
 */
import type { Entity } from '../types.ts';
import { lexiconTags, type Token } from '../nlp.ts';
import { isRoleNoun } from '../people.ts';
import type { Mention } from '../people.ts';
import { indexOfView, mentionEntity, sentenceTokens, type RuleContext } from './view.ts';
import { mainSubject, titleRefEnding } from './grammar.ts';
import { pronounConflict } from '../people/gender.ts';
import { surnameParts } from '../confidence.ts';
import { documentIssuers } from '../cues.ts';
import { MEETING_VERBS, PERSON_REFERENCE } from '../lexicon/cues.ts';
import {
  frontedTopic,
  genderedCount,
  genderedOther,
  possessiveTopic,
  relativeAgent,
  rivalsTopic,
  trailingReporter,
  sameSentenceSubject,
  unnamedSubject,
} from '../people/anaphora.ts';

/** Per-sentence discourse state: who the sentence is about (for pronouns). */
interface SentenceRecord {
  paragraph: number;
  sentence: number;
  /** The speaker of a quote or claim in the sentence, once known. */
  speaker: Entity | null;
  /** The first name in subject position (not after a preposition, not possessive). */
  subject: Entity | null;
  /** Token index of that subject in its paragraph view (-1: none). */
  subjectAt: number;
  /**
   * People who share the subject's place: two coordinated subjects ("Tom Hale and Ana Ruiz
   * met"), or the people sharing a surname that opens the sentence unresolved ("Dhanwade
   * himself did not speak", with a mother and son of that name). A pronoun after it means one
   * of them: the one its gender allows, else nobody.
   */
  namesakes: Entity[];
  /** The sentence names some person outside quotation marks. */
  namesPerson: boolean;
  namesAny: boolean;
  /** The people the sentence names outside quotation marks, not as possessives. */
  persons: Entity[];
  /** Token index of each person's first naming in the sentence (parallel to `persons`). */
  personsAt: number[];
}

/** A pronoun's antecedent and how sure the resolution is. */
export interface PronounResolution {
  entity: Entity | null;
  /** Taken although its first name hints the other gender, or picked out by gender alone. */
  hinted: boolean;
  /** Paragraphs between the pronoun and the sentence that gave the antecedent. */
  paragraphsBack: number;
}

/**
 * Document-order memory of sentence subjects and speakers, used to resolve "he said": a pronoun
 * resolves to the subject of the most recent sentence that names someone (not merely the nearest
 * name: "Lavrov said Moscow is prepared ... “…,” he said" is Lavrov), and he / she only to people.
 */
export class Discourse {
  private readonly records: SentenceRecord[] = [];
  /** Record index by "paragraph:sentence", and the last record of each paragraph. */
  private readonly at = new Map<string, number>();
  private readonly lastOf = new Map<number, number>();
  /** The he / she a person was first resolved from, surely (not by a first-name hint alone). */
  private readonly learned = new Map<Entity, string>();
  /** Documents named with their issuer, by "paragraph:noun" ("statement" -> the premier). */
  private readonly documents = new Map<string, Entity>();

  /**
   * Whether a pronoun contradicts what is known of a person's gender: the article's own words
   * (people/gender.ts), else a he / she already resolved to them ("Judge Harold Nwosu … he told
   * both sides …" rules out a later "she").
   *
   * @param pronoun - the pronoun
   * @param e - the candidate
   */
  private conflict(pronoun: string, e: Entity): 'stated' | 'hinted' | null {
    const own = pronounConflict(pronoun, e);
    if (own !== 'hinted' && own !== null) return own;
    const learned = this.learned.get(e);
    if (learned && (pronoun === 'he' || pronoun === 'she') && learned !== pronoun) return 'stated';
    return own;
  }

  /**
   * Records a narration sentence (call in document order, before its quotes are attributed).
   *
   * @param ctx - the paragraph view
   * @param sentence - 1-based sentence index
   */
  addSentence(ctx: RuleContext, sentence: number): void {
    const view = ctx.view;
    let namesPerson = false;
    let namesAny = false;
    const persons: Entity[] = [];
    const personsAt: number[] = [];
    let subject: Entity | null = null;
    let subjectAt = -1;
    let namesakes: Entity[] = [];
    let from = -1;
    const [lo, hi] = sentenceTokens(view, sentence);
    for (let i = lo; i < hi; i++) {
      if (view.sentence[i] !== sentence) continue;
      if (from < 0) from = i;
      const e = view.quoted[i] ? null : mentionEntity(ctx, i);
      if (!e) continue;
      const m = view.mentionOf[i] as Mention;
      if (m.modifier) continue;
      namesAny = true;
      if (e.kind === 'person') namesPerson = true;
      if (e.kind === 'person' && !m.possessive && !persons.includes(e)) {
        persons.push(e);
        personsAt.push(i);
      }
    }
    let to = from;
    while (to < view.tokens.length && view.sentence[to] === sentence) to++;
    if (from >= 0) {
      const found = this.subjectOf(ctx, from, to);
      [subject, subjectAt, namesakes] = [found.subject, found.subjectAt, found.namesakes];
      if (found.unsafe) namesPerson = true;
    }
    for (const [noun, issuer] of documentIssuers(ctx, lo, hi))
      this.documents.set(`${view.paragraph.number}:${noun}`, issuer);
    const key = `${view.paragraph.number}:${sentence}`;
    if (!this.at.has(key)) this.at.set(key, this.records.length);
    this.lastOf.set(view.paragraph.number, this.records.length);
    this.records.push({
      paragraph: view.paragraph.number,
      sentence,
      speaker: accordingToSource(ctx, lo, hi),
      subject,
      subjectAt,
      namesakes,
      namesPerson,
      namesAny,
      persons,
      personsAt,
    });
  }

  /**
   * A sentence's subject for pronouns, and whether no earlier person is safe after it: the main
   * subject, unless two people share the floor, an unnamed person or role holds it, or a
   * possessive names the one the sentence is about.
   *
   * @param ctx - the paragraph view
   * @param from - first token of the sentence
   * @param to - token index the sentence ends before
   */
  private subjectOf(
    ctx: RuleContext,
    from: number,
    to: number,
  ): { subject: Entity | null; subjectAt: number; namesakes: Entity[]; unsafe: boolean } {
    const view = ctx.view;
    let subject: Entity | null = null;
    let subjectAt = -1;
    let pair: Entity[] = [];
    let unsafe = false;
    const ref = mainSubject(ctx, from, to);
    if (ref && ref.type === 'entity') {
      subject = ref.entity;
      subjectAt = ref.tokenIndex;
    }
    // "Members sat on in the chamber, Kestrin said.": the reporter, not the clause's subject.
    const reporter = trailingReporter(ctx, from, to);
    if (reporter) [subject, subjectAt] = [reporter, to - 1];
    // "He was asked about Tom Hale's part and stayed calm. “…,” he said": a he / she opening the
    // sentence keeps its own antecedent as the subject, past the names the sentence goes on to.
    if (!reporter && ref && ref.type === 'pronoun') {
      subject = this.pronounSubject(ref.pronoun, view.paragraph.number, view.sentence[from] ?? 0);
      if (subject) subjectAt = ref.tokenIndex;
    }
    // "Tom Hale and Sam Pike met …", "Hale interviewed Pike …": two people share the floor; he /
    // she means the one of that gender, if one.
    const partner = subject ? (coordinatedPartner(ctx, subjectAt) ?? personMet(ctx, subjectAt)) : null;
    if (subject && partner) [pair, subject, subjectAt, unsafe] = [[subject, partner], null, -1, true];
    // "Baxter's lawyer told reporters …": the lawyer, whom the article does not name, is the
    // subject, not Baxter nor a name later in the sentence (unless in apposition).
    const ownedRole = ownedRoleEnd(ctx, from);
    if (ownedRole >= 0 && !(subject && subjectAt > ownedRole && appositiveAt(ctx, ownedRole, subjectAt)))
      [subject, subjectAt, unsafe] = [null, -1, true];
    // "Vale's biggest hit spent nine weeks at number one": the one person the sentence is about.
    const topic = subject || ownedRole >= 0 ? null : possessiveTopic(ctx, from, to);
    const prev = this.records[this.records.length - 1];
    const earlier = prev?.paragraph === view.paragraph.number ? prev.subject : null;
    if (topic && rivalsTopic(topic, earlier)) unsafe = true;
    else subject ??= topic;
    // "The remarks drew anger from Labour MP Orla Pellow, who accused …": the one person, who acts.
    if (!subject && !unsafe && ownedRole < 0) subject = relativeAgent(ctx, from, to);
    // "For Whitlow, the fight is not over. She has joined …": the person fronted as the topic.
    if (!subject && !unsafe && ownedRole < 0) subject = frontedTopic(ctx, from, to);
    // "A porter arrives …": someone unnamed is the subject; no named person before is safe.
    if (unnamedSubject(ctx, from, to, subjectAt)) [subject, subjectAt, unsafe] = [null, -1, true];
    // "One trader in Frankfurt was less diplomatic.", "The current director, …, has stayed out":
    // the same, for a noun phrase no name was resolved to.
    const personNoun = subject ? -1 : openingPersonNoun(ctx, from);
    if (personNoun >= 0) {
      // "The coach has won two titles": the person that role was resolved to, if any.
      const ref = (view.tokens[from] as Token).lower === 'the' ? titleRefEnding(ctx, personNoun, from) : null;
      if (ref?.type === 'entity') [subject, subjectAt] = [ref.entity, personNoun];
      else unsafe = true;
    }
    const namesakes = subject || pair.length > 0 ? pair : unresolvedSurname(ctx, from);
    return { subject, subjectAt, namesakes, unsafe: unsafe || namesakes.length > 0 };
  }

  /**
   * The person a he / she opening a sentence names, when the resolution is sure (not by a first
   * name's hint, not more than a paragraph back), for the sentence's subject; else null.
   *
   * @param pronoun - the pronoun, lowercase
   * @param paragraph - the sentence's paragraph
   * @param sentence - its index
   */
  private pronounSubject(pronoun: string, paragraph: number, sentence: number): Entity | null {
    if (pronoun !== 'he' && pronoun !== 'she') return null;
    const r = this.resolveDetail(pronoun, paragraph, sentence);
    return r.entity && !r.hinted && r.paragraphsBack <= 1 ? r.entity : null;
  }

  /**
   * Notes the speaker of a quote or claim in a recorded sentence.
   *
   * @param paragraph - paragraph number
   * @param sentence - sentence index
   * @param speaker - the resolved speaker
   */
  setSpeaker(paragraph: number, sentence: number, speaker: Entity): void {
    const r = this.records[this.at.get(`${paragraph}:${sentence}`) ?? -1];
    if (r && r.speaker === null) r.speaker = speaker;
  }

  /**
   * Who issued the document a paragraph named with that noun ("A statement from the premier's
   * office …" -> the premier), or null.
   *
   * @param paragraph - paragraph number
   * @param noun - the document noun, lowercase ("statement")
   */
  documentIssuer(paragraph: number, noun: string): Entity | null {
    return this.documents.get(`${paragraph}:${noun}`) ?? null;
  }

  /**
   * The last speaker of a paragraph's final sentence (for an all-quote paragraph that follows).
   *
   * @param paragraph - paragraph number
   */
  lastSpeakerOf(paragraph: number): Entity | null {
    return this.records[this.lastOf.get(paragraph) ?? -1]?.speaker ?? null;
  }

  /**
   * Resolves a pronoun used in a sentence to the entity it most likely names.
   *
   * @param pronoun - he / she / they / it / we
   * @param paragraph - where the pronoun stands
   * @param sentence - its sentence
   * @param tokenIndex - the pronoun's token index in its paragraph view, when known
   * @returns the entity, or null when no safe antecedent exists
   */
  resolve(pronoun: string, paragraph: number, sentence: number, tokenIndex = -1): Entity | null {
    return this.resolveDetail(pronoun, paragraph, sentence, tokenIndex).entity;
  }

  /**
   * Resolves a pronoun like `resolve`, and says how sure the resolution is: whether the entity
   * was taken against a first name that hints the other gender (or picked by gender alone), and
   * how many paragraphs back its sentence stands.
   *
   * @param pronoun - he / she / they / it / we
   * @param paragraph - where the pronoun stands
   * @param sentence - its sentence
   * @param tokenIndex - the pronoun's token index in its paragraph view, when known
   * @param exclude - a person the pronoun cannot mean ("Armand, she says," is not Armand)
   */
  resolveDetail(
    pronoun: string,
    paragraph: number,
    sentence: number,
    tokenIndex = -1,
    exclude: Entity | null = null,
  ): PronounResolution {
    const none: PronounResolution = { entity: null, hinted: false, paragraphsBack: 0 };
    // A reference by age alone says nothing of gender and nothing certain of who: never sure.
    const byAge = pronoun === PERSON_REFERENCE;
    const found = (e: Entity | null, r: SentenceRecord | undefined, hinted: boolean): PronounResolution => {
      if (!e) return none;
      if (!hinted && (pronoun === 'he' || pronoun === 'she') && !this.learned.has(e))
        this.learned.set(e, pronoun);
      return { entity: e, hinted: hinted || byAge, paragraphsBack: r ? paragraph - r.paragraph : 0 };
    };
    const conflictOf = (e: Entity): 'stated' | 'hinted' | null => this.conflict(pronoun, e);
    const personal = pronoun === 'he' || pronoun === 'she' || byAge;
    const kindFits = (e: Entity | null): e is Entity =>
      // "they" is a group or an organisation: "Ana Ruiz and Tom Hale … they said" is neither alone.
      e !== null &&
      (personal ? e.kind === 'person' : pronoun === 'it' || pronoun === 'they' ? e.kind !== 'person' : true);
    const fits = (e: Entity | null): e is Entity => kindFits(e) && e !== exclude && conflictOf(e) === null;
    const idx = this.at.get(`${paragraph}:${sentence}`) ?? this.records.length;
    // "“…,” said Ana Ruiz; she called it “…”": a speaker already found in this sentence.
    const here = this.records[idx];
    if (here && here.paragraph === paragraph && here.sentence === sentence && fits(here.speaker))
      return found(here.speaker, here, false);
    // "Councillor Rhys Morgan, who represents Orrin, said he had asked for …": the subject of
    // the pronoun's own sentence, named before it (people/anaphora.ts).
    if (here && here.paragraph === paragraph && here.sentence === sentence && tokenIndex >= 0)
      if (sameSentenceSubject(here.subject, here.subjectAt, tokenIndex, fits))
        return found(here.subject, here, false);
    // "Delgado said she had asked the manager, Victor Hale, … and that he had told her": the
    // subject is of the other gender, and one person of the pronoun's is named before it.
    if (here && here.paragraph === paragraph && here.sentence === sentence && personal && tokenIndex >= 0) {
      const other = otherNamedBefore(pronoun, here, tokenIndex);
      if (other) return found(other, here, false);
    }
    const stopParagraph = paragraph - 3;
    // A first name only hints at gender: a hinted mismatch is passed over for an earlier fit, and
    // taken when there is none.
    let hinted: Entity | null = null;
    let hintedAt: SentenceRecord | undefined;
    for (let k = idx - 1; k >= 0; k--) {
      const r = this.records[k] as SentenceRecord;
      if (r.paragraph < stopParagraph) break;
      const names = personal ? r.namesPerson : r.namesAny;
      if (!r.speaker && !names) continue;
      // "Dhanwade himself did not speak. A note he wrote …", "Hale and Pike met. “…,” he said": of
      // the people sharing the subject's place, the one the pronoun's gender allows, or nobody.
      if (personal && !r.speaker && r.namesakes.length > 0) {
        const fitting = r.namesakes.filter(fits);
        return fitting.length === 1 ? found(fitting[0] as Entity, r, true) : none;
      }
      const candidate = r.speaker ?? r.subject;
      if (fits(candidate)) return found(candidate, r, false);
      // "she" after a sentence about a man looks further back; anything else is not safe.
      const conflict = kindFits(candidate) ? conflictOf(candidate) : null;
      // "Mayor Tom Ellery thanked nurse Jane Olsen …. “…,” she said": the one other person of that
      // sentence whose gender is the pronoun's; two such people leave nobody safe.
      const other = conflict !== null && personal ? genderedOther(pronoun, r.persons, candidate) : null;
      if (other) return found(other, r, true);
      if (conflict !== null && personal && genderedCount(pronoun, r.persons) > 1) return none;
      if (conflict === 'hinted' && hinted === null) {
        hinted = candidate;
        hintedAt = r;
      }
      if (conflict !== null) continue;
      break;
    }
    return found(hinted, hintedAt, true);
  }
}

/** Determiners that open a noun phrase naming nobody in particular ("One trader", "A neighbour"). */
const INDEFINITE_OPENERS = new Set(['a', 'an', 'one', 'another']);

/** How many words a definite role phrase opening a sentence may have ("the current director"). */
const MAX_ROLE_PHRASE = 3;

/**
 * Where a sentence opens with a person it does not name: an indefinite noun phrase ("One trader
 * …", "A neighbour …": the noun's index), or "the" and a singular role noun ("The current
 * director, …": the role noun's index). -1 otherwise.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the sentence
 */
export function openingPersonNoun(ctx: RuleContext, from: number): number {
  const view = ctx.view;
  const det = view.tokens[from];
  if (!det || !det.word || view.quoted[from]) return -1;
  const word = (k: number): boolean => {
    const t = view.tokens[k];
    return (
      !!t &&
      t.word &&
      !t.capital &&
      !view.quoted[k] &&
      !view.mentionOf[k] &&
      view.sentence[k] === view.sentence[from]
    );
  };
  if (INDEFINITE_OPENERS.has(det.lower)) return word(from + 1) ? from + 1 : -1;
  if (det.lower !== 'the') return -1;
  for (let k = from + 1; k <= from + MAX_ROLE_PHRASE && word(k); k++) {
    const t = view.tokens[k] as Token;
    // "The group's lawyers will meet": an owner is not the head, and a plural is never a he / she.
    if (!t.possessive && isRoleNoun(t.lower)) return /[^s]s$/.test(t.lower) ? -1 : k;
  }
  return -1;
}

/**
 * The person coordinated after a subject's naming ("Tom Hale and Sam Pike met", "Hale or
 * Councillor Ana Ruiz"): "and" / "or" right after the naming's last token, then a person named
 * within three tokens. Null otherwise.
 *
 * @param ctx - paragraph view and people
 * @param last - last token of the subject's naming
 */
export function coordinatedPartner(ctx: RuleContext, last: number): Entity | null {
  const view = ctx.view;
  const conj = view.tokens[last + 1];
  if (!conj || !conj.word || view.quoted[last + 1] || (conj.lower !== 'and' && conj.lower !== 'or'))
    return null;
  for (let k = last + 2; k <= last + 4 && k < view.tokens.length; k++) {
    const t = view.tokens[k] as Token;
    if (!t.word || view.quoted[k]) return null;
    const m = view.mentionOf[k];
    if (m) {
      const e = mentionEntity(ctx, k);
      return e &&
        e.kind === 'person' &&
        !m.possessive &&
        m.fullStart <= (view.tokens[last + 2] as Token).start
        ? e
        : null;
    }
  }
  return null;
}

/**
 * The person a subject meets or interviews right after its naming ("Hale interviewed Sam Pike",
 * "Ruiz spoke to Lena Ortiz"): a meeting verb (`lexicon/cues.ts`) within two tokens after the
 * naming, then a person named within three tokens ("to" / "with" and a title may stand between).
 *
 * @param ctx - paragraph view and people
 * @param last - last token of the subject's naming
 */
export function personMet(ctx: RuleContext, last: number): Entity | null {
  const view = ctx.view;
  let v = -1;
  for (let k = last + 1; k <= last + 2; k++) {
    const t = view.tokens[k];
    if (!t || !t.word || view.quoted[k]) return null;
    if (MEETING_VERBS.has(t.lower)) {
      v = k;
      break;
    }
  }
  if (v < 0) return null;
  for (let k = v + 1; k <= v + 4 && k < view.tokens.length; k++) {
    const t = view.tokens[k] as Token;
    if (!t.word || view.quoted[k]) return null;
    const e = mentionEntity(ctx, k);
    const m = view.mentionOf[k];
    if (e && m) return e.kind === 'person' && !m.possessive ? e : null;
    if (!/^(to|with)$/.test(t.lower) && !isRoleNoun(t.lower) && t.lower !== 'the') return null;
  }
  return null;
}

/**
 * When a sentence opens with an owned role ("Baxter's lawyer", "Ruiz's younger brother"): a
 * possessive name, then up to three words that are adjectives or role nouns, the index of the
 * last role noun; otherwise -1.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the sentence
 */
export function ownedRoleEnd(ctx: RuleContext, from: number): number {
  const view = ctx.view;
  const m = view.mentionOf[from];
  if (!m || !m.possessive || m.quoted) return -1;
  let k = from;
  while (view.mentionOf[k + 1] === m) k++;
  let role = -1;
  for (let j = k + 1; j <= k + 3; j++) {
    const t = view.tokens[j];
    if (!t || !t.word || t.capital || view.quoted[j] || view.mentionOf[j]) break;
    const tags = lexiconTags(t.lower);
    // "chief financial officer", "younger brother"; not "reply drew laughter".
    if (isRoleNoun(t.lower) && !tags.has('Uncountable')) role = j;
    else if (!tags.has('Adjective')) break;
  }
  return role;
}

/**
 * True when the naming at `at` stands in apposition right after the phrase ending at `end`
 * ("Baxter's lawyer, Ann Holt, said"): only a comma between them.
 *
 * @param ctx - paragraph view and people
 * @param end - last token of the phrase
 * @param at - a token of the naming
 */
function appositiveAt(ctx: RuleContext, end: number, at: number): boolean {
  const m = ctx.view.mentionOf[at];
  if (!m || ctx.view.tokens[end + 1]?.text !== ',') return false;
  for (let k = end + 2; k < at; k++) if (ctx.view.mentionOf[k] !== m) return false;
  return true;
}

/**
 * The people sharing a surname when a sentence opens with that surname and the name scanner left
 * it unresolved ("Dhanwade himself did not speak", with Sameer and Sulochana Dhanwade in the
 * article): two or more persons, or none.
 *
 * @param ctx - paragraph view and people
 * @param from - first token of the sentence
 */
export function unresolvedSurname(ctx: RuleContext, from: number): Entity[] {
  const t = ctx.view.tokens[from];
  if (!t || !t.word || !t.capital || ctx.view.quoted[from] || ctx.view.mentionOf[from]) return [];
  const word = t.lower.replace(/[’']s$/, '');
  const sharing = ctx.people.entities.filter((e) => e.kind === 'person' && surnameParts(e).includes(word));
  return sharing.length >= 2 ? sharing : [];
}

/**
 * The one person of a he / she's gender named before the pronoun in its own sentence, when the
 * sentence's subject is of the other gender: "Delgado said she had asked the city manager,
 * Victor Hale, for an audit and that he had told her" -> Victor Hale. Null when the subject
 * fits, or when two people of that gender are named before it.
 *
 * @param pronoun - he / she
 * @param r - the pronoun's sentence
 * @param pronounAt - the pronoun's token index
 */
function otherNamedBefore(pronoun: string, r: SentenceRecord, pronounAt: number): Entity | null {
  if (!r.subject || pronounConflict(pronoun, r.subject) === null) return null;
  const before = r.persons.filter((_, n) => (r.personsAt[n] as number) < pronounAt);
  return genderedOther(pronoun, before, r.subject);
}

/**
 * The source a sentence credits with "according to X" (a name within a few words after "to"):
 * the sentence reports X's words, so a "he said" after it is X.
 *
 * @param ctx - paragraph view and people
 * @param lo - first token of the sentence
 * @param hi - token index the sentence ends before
 */
export function accordingToSource(ctx: RuleContext, lo: number, hi: number): Entity | null {
  for (const i of indexOfView(ctx.view).according) {
    if (i < lo || i >= hi) continue;
    for (let k = i + 2; k < hi && k <= i + 6; k++) {
      const t = ctx.view.tokens[k];
      if (!t || !t.word || ctx.view.quoted[k]) break;
      const e = mentionEntity(ctx, k);
      const m = ctx.view.mentionOf[k];
      if (e && m && !m.possessive) return e;
    }
  }
  return null;
}
