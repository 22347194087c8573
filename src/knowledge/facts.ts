/**
 * Facts: numbers with what they count, money, percentages, dates (resolved to ISO against the
 * publication date), durations and ordinals, each with its sentence.
 */
import type { Article, Paragraph, Sentence } from '../article/types.ts';
import type { Fact, FactKind } from './types.ts';
import { lexiconTags } from './nlp.ts';
import { AUXILIARIES } from './people.ts';

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  m: 1e6,
  bn: 1e9,
  k: 1e3,
  tn: 1e12,
};
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIME_UNITS = new Set([
  'year',
  'years',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'hour',
  'hours',
  'minute',
  'minutes',
  'second',
  'seconds',
  'decade',
  'decades',
  'century',
  'centuries',
]);
const QUALIFIERS = [
  'more than',
  'less than',
  'fewer than',
  'at least',
  'at most',
  'up to',
  'close to',
  'as many as',
  'as much as',
  'as few as',
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'approximately',
  'over',
  'under',
  'some',
  'just',
  'only',
  'about',
  'an estimated',
  'estimated',
  'upwards of',
  'exactly',
];
/** Words that end what a number counts. */
const COUNT_STOP = new Set([
  'of',
  'in',
  'on',
  'at',
  'to',
  'from',
  'by',
  'with',
  'for',
  'and',
  'or',
  'but',
  'that',
  'which',
  'who',
  'the',
  'a',
  'an',
  'is',
  'are',
  'was',
  'were',
  'have',
  'has',
  'had',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'as',
  'than',
  'ago',
  'after',
  'before',
  'since',
  'into',
  'across',
  'each',
  'per',
  'this',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'it',
  'he',
  'she',
  'they',
  'we',
  'you',
  'i',
  'them',
  'him',
  'us',
  'when',
  'where',
  'if',
  'since',
]);

const MONTH_RE =
  '(Jan(?:uary)?|Feb(?:ruary)?|March|Mar\\.|April|Apr\\.|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WORDNUM =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';

// Built once (matchAll copies a pattern, so sharing these never shares a match position).
const MONTH_DAY_RE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g');
const DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}(?:\\s+(\\d{4}))?\\b`, 'g');
const MONTH_YEAR_RE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{4})\\b`, 'g');
const LEAD_MONTH_RE = new RegExp(
  `\\b(?:in|since|by|until|from|during|early|late|mid|last|this|next|of|on)\\s+${MONTH_RE}\\b`,
  'g',
);
const NUMBER_RE = new RegExp(
  `(?<![\\d/.,$£€-])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s(million|billion|trillion|thousand))?(?![\\d/%A-Za-z])|\\b(${WORDNUM}(?:[\\s-]${WORDNUM})?(?:\\s(?:hundred|thousand|million|billion))?)\\b`,
  'gi',
);

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Parses a run of number words ("twenty-five", "two hundred", "four") into a value. */
export function parseWordNumber(text: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  let lastSmall = -1;
  for (const w of text.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and' || w === 'a') continue;
    const small = SMALL[w];
    if (small !== undefined) {
      // Only tens + units combine ("twenty-five"); "one-two" is not a number.
      if (lastSmall >= 0 && !(lastSmall >= 20 && lastSmall % 10 === 0 && small < 10)) return null;
      lastSmall = small;
      current += small;
      seen = true;
      continue;
    }
    const scale = SCALE[w];
    if (scale !== undefined && w.length > 2) {
      lastSmall = -1;
      current = (current === 0 ? 1 : current) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
      seen = true;
      continue;
    }
    return null;
  }
  return seen ? total + current : null;
}

/**
 * Resolves a weekday named in an article against its publication date: the publication day itself
 * when it is that weekday, else the most recent such day before it, or the next one when the
 * sentence speaks of the future ("will", "next", "expected to").
 *
 * @param weekday - weekday name, any case
 * @param published - ISO date (YYYY-MM-DD)
 * @param future - look forward instead of back
 * @returns ISO date, or null when the publication date is unusable
 */
export function resolveWeekday(weekday: string, published: string, future = false): string | null {
  const target = WEEKDAYS.indexOf(weekday.toLowerCase());
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (target < 0 || !m) return null;
  const base = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(base.getTime())) return null;
  let diff = target - base.getUTCDay();
  if (future) diff = (diff + 7) % 7;
  else diff = diff > 0 ? diff - 7 : diff;
  const d = new Date(base.getTime() + diff * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

interface FactDraft {
  kind: FactKind;
  start: number;
  end: number;
  value?: number;
  qualifier?: string;
  counts?: string;
  iso?: string;
}

function parseNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}

/** Qualifier words right before a number ("over", "almost", "more than"). */
function qualifierBefore(text: string, at: number): { qualifier: string; start: number } | null {
  const before = text.slice(Math.max(0, at - 20), at).toLowerCase();
  for (const q of QUALIFIERS) {
    if (before.endsWith(`${q} `)) return { qualifier: q, start: at - q.length - 1 };
  }
  return null;
}

/** The words and marks after a number, read one at a time by {@link countsAfter}. */
const COUNT_WORD_RE = /[\p{L}][\p{L}’'-]*|[^\s\p{L}]/gu;
/** The word right after a position (sticky: it must start there, after spacing). */
const NEXT_WORD_RE = /\s+([\p{L}’']+)/uy;

/** What a number counts: the nouns and adjectives after it, stopping at verbs and function words. */
function countsAfter(text: string, from: number): { counts: string; end: number } | null {
  const picked: { t: string; end: number }[] = [];
  // Word by word from `from`, only as far as the phrase goes (it stops within a few words).
  COUNT_WORD_RE.lastIndex = from;
  for (let w = COUNT_WORD_RE.exec(text); w !== null; w = COUNT_WORD_RE.exec(text)) {
    const word = w[0];
    const start = w.index;
    if (!/^\p{L}/u.test(word)) break;
    if (picked.length > 0 && start > (picked[picked.length - 1] as { end: number }).end + 1) break;
    if (picked.length === 0 && start > from + 1) break;
    const lower = word.toLowerCase();
    if (COUNT_STOP.has(lower)) break;
    // A word before an auxiliary is the noun it counts ("states are"), whatever else it could be.
    NEXT_WORD_RE.lastIndex = start + word.length;
    const nextWord = NEXT_WORD_RE.exec(text)?.[1]?.toLowerCase() ?? '';
    if (AUXILIARIES.has(nextWord) && !COUNT_STOP.has(lower)) {
      picked.push({ t: word, end: start + word.length });
      break;
    }
    if (isVerbOrFunctionWord(lower)) break;
    picked.push({ t: word.replace(/[’']s$/, ''), end: start + word.length });
    if (picked.length >= 4 || /[’']s$/.test(word)) break;
    // A plural noun ends the phrase ("Afghan soldiers retreated").
    if (TIME_UNITS.has(lower) || lexiconTags(lower).has('Plural') || /[^su]s$/.test(lower)) break;
  }
  if (picked.length === 0) return null;
  return {
    counts: picked.map((p) => p.t).join(' '),
    end: (picked[picked.length - 1] as { end: number }).end,
  };
}

/**
 * A cheap word class from compromise's lexicon plus suffixes: running the full tagger on every
 * sentence with a number would dominate extraction time.
 */
function isVerbOrFunctionWord(word: string): boolean {
  const tags = lexiconTags(word);
  if (
    tags.has('Preposition') ||
    tags.has('Determiner') ||
    tags.has('Conjunction') ||
    tags.has('Pronoun') ||
    tags.has('Adverb')
  )
    return true;
  if (tags.has('Noun') || tags.has('Adjective') || tags.has('Demonym')) return false;
  if (tags.has('Verb')) return true;
  return /(?:ed|ing|ly)$/.test(word) && tags.size === 0;
}

const FUTURE_RE =
  /\b(will|would|expected to|is to|are to|scheduled|plans? to|next|upcoming|set to|later on)\b/i;

/** Some month name's first letters: a sentence without them holds no month date. */
const MONTH_HINT_RE = /Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec/;

/**
 * The dates a sentence gives with a month name ("12 March 2024", "March 12", "in March"), in the
 * order they are taken: day and month first, so their numbers are not read as counts.
 */
function monthDates(text: string, pubYear: string | undefined): FactDraft[] {
  const out: FactDraft[] = [];
  if (!MONTH_HINT_RE.test(text)) return out;
  for (const m of text.matchAll(MONTH_DAY_RE)) {
    const mi = monthIndex(m[1] as string);
    const year = m[3] ?? pubYear;
    if (mi < 0 || Number(m[2]) > 31) continue;
    const f: FactDraft = { kind: 'date', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (year) f.iso = `${year}-${pad(mi + 1)}-${pad(Number(m[2]))}`;
    out.push(f);
  }
  for (const m of text.matchAll(DAY_MONTH_RE)) {
    const mi = monthIndex(m[2] as string);
    const year = m[3] ?? pubYear;
    if (mi < 0 || Number(m[1]) > 31) continue;
    const f: FactDraft = { kind: 'date', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (year) f.iso = `${year}-${pad(mi + 1)}-${pad(Number(m[1]))}`;
    out.push(f);
  }
  for (const m of text.matchAll(MONTH_YEAR_RE)) {
    const mi = monthIndex(m[1] as string);
    if (mi >= 0)
      out.push({
        kind: 'date',
        start: m.index ?? 0,
        end: (m.index ?? 0) + m[0].length,
        iso: `${m[2]}-${pad(mi + 1)}`,
      });
  }
  for (const m of text.matchAll(LEAD_MONTH_RE)) {
    const mi = monthIndex(m[1] as string);
    if (mi < 0) continue;
    const f: FactDraft = { kind: 'date', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (pubYear) f.iso = `${pubYear}-${pad(mi + 1)}`;
    out.push(f);
  }
  return out;
}

function sentenceFacts(s: Sentence, paragraph: Paragraph, published: string | undefined): FactDraft[] {
  const text = s.text;
  const out: FactDraft[] = [];
  // One flag per character: checking a span costs its length, not the number of facts so far.
  const takenAt = new Uint8Array(text.length + 1);
  const free = (a: number, b: number): boolean => {
    for (let i = a; i < b; i++) if (takenAt[i]) return false;
    return true;
  };
  const add = (f: FactDraft): void => {
    if (!free(f.start, f.end)) return;
    takenAt.fill(1, f.start, f.end);
    out.push(f);
  };
  const pubYear = published?.slice(0, 4);

  // Full dates first, so their numbers are not read as counts.
  for (const f of monthDates(text, pubYear)) add(f);
  // Weekdays, against the publication date.
  for (const m of text.matchAll(
    /\b(?:(on|last|next|this|since|by|until|from|early|late)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
  )) {
    const lead = (m[1] ?? '').toLowerCase();
    // Tense is read from the weekday's own clause: in "will stop on 30 June, the council
    // announced on Tuesday" the "will" belongs to another clause and Tuesday is in the past.
    const clause =
      text
        .slice(0, m.index ?? 0)
        .split(/[,;:—–]/)
        .pop() ?? '';
    const future = lead === 'next' || (lead !== 'last' && FUTURE_RE.test(clause));
    const f: FactDraft = { kind: 'date', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    const iso = published ? resolveWeekday(m[2] as string, published, future) : null;
    if (iso) f.iso = iso;
    add(f);
  }
  for (const m of text.matchAll(/\b(last|this|next) year\b/gi)) {
    if (!pubYear) continue;
    const delta =
      (m[1] as string).toLowerCase() === 'last' ? -1 : (m[1] as string).toLowerCase() === 'next' ? 1 : 0;
    add({
      kind: 'date',
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      iso: String(Number(pubYear) + delta),
    });
  }
  // Money.
  for (const m of text.matchAll(
    /([$£€])\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(million|billion|trillion|thousand|bn|m|k|tn)\b)?/g,
  )) {
    const start = m.index ?? 0;
    const scale = m[3] ? (SCALE[m[3].toLowerCase()] ?? 1) : 1;
    const f: FactDraft = {
      kind: 'money',
      start,
      end: start + m[0].length,
      value: parseNumber(m[2] as string) * scale,
      counts: m[1] === '$' ? 'dollars' : m[1] === '£' ? 'pounds' : 'euros',
    };
    const q = qualifierBefore(text, start);
    if (q) {
      f.qualifier = q.qualifier;
      f.start = q.start;
    }
    add(f);
  }
  // Percentages.
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s?(%|percent\b|per cent\b)/g)) {
    const start = m.index ?? 0;
    const f: FactDraft = {
      kind: 'percent',
      start,
      end: start + m[0].length,
      value: parseNumber(m[1] as string),
    };
    const q = qualifierBefore(text, start);
    if (q) {
      f.qualifier = q.qualifier;
      f.start = q.start;
    }
    add(f);
  }
  // "tens of thousands", "dozens of", "hundreds of millions": vague quantities stay words (no
  // value: "tens of thousands" is not 10,000), kept so the phrase is still a fact with what it counts.
  for (const m of text.matchAll(
    /\b(tens|dozens|hundreds|thousands|millions|billions)(?: of (thousands|millions|billions))?(?= of\b)/gi,
  )) {
    const start = m.index ?? 0;
    const ofEnd = start + m[0].length + 4;
    const c = countsAfter(text, ofEnd);
    const f: FactDraft = {
      kind: 'count',
      start,
      end: c ? c.end : start + m[0].length,
      qualifier: m[0].toLowerCase(),
    };
    if (c) f.counts = c.counts;
    add(f);
  }
  // Digits and number words.
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    if (!free(start, end)) continue;
    let value: number | null;
    if (m[1] !== undefined) {
      value = parseNumber(m[1]) * (m[2] ? (SCALE[m[2].toLowerCase()] ?? 1) : 1);
    } else {
      const w = m[3] as string;
      if (/^one$/i.test(w) && !/^\s+\p{L}/u.test(text.slice(end))) continue;
      // "one of the ten richest", "one of them": a member of a group, not a count of one.
      if (/^one$/i.test(w) && /^\s+of\b/i.test(text.slice(end))) continue;
      value = parseWordNumber(w);
    }
    if (value === null) continue;
    // A bare four-digit year ("in 2013", "since 1840").
    if (m[1] !== undefined && /^\d{4}$/.test(m[1]) && value >= 1800 && value <= 2100 && !m[2]) {
      const after = text.slice(end, end + 12);
      if (!/^[-\s]*(years?|people|\p{Ll}+s)\b/u.test(after) || /^\s*(?:,|\.|$)/.test(after)) {
        add({ kind: 'date', start, end, iso: String(value) });
        continue;
      }
    }
    let kind: FactKind = 'number';
    let counts: string | undefined;
    const hyphenUnit = /^-(year|month|week|day|hour|minute)s?\b/.exec(text.slice(end));
    if (hyphenUnit) {
      kind = 'duration';
      counts = `${hyphenUnit[1]}s`;
      end += hyphenUnit[0].length;
    } else {
      const c = countsAfter(text, end);
      if (c) {
        counts = c.counts;
        end = c.end;
        const head = counts.split(' ').pop()?.toLowerCase() ?? '';
        kind = TIME_UNITS.has(head) ? 'duration' : 'count';
      }
    }
    const f: FactDraft = { kind, start, end, value };
    if (counts !== undefined) f.counts = counts;
    const q = qualifierBefore(text, start);
    if (q) {
      f.qualifier = q.qualifier;
      f.start = q.start;
    }
    add(f);
  }
  // Ordinals ("the third time", "the 21st century") rank things, they are not amounts: no fact
  // (the digit pattern above already refuses "21st").
  void paragraph;
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Extracts the facts of an article, sentence by sentence (word classes come from compromise's
 * lexicon, read-only; no sentence is fully parsed).
 *
 * @param article - the parsed article
 * @returns facts in text order with ids `${article}#f${n}`
 */
export function extractFacts(article: Article): Fact[] {
  const published = article.meta.published ?? article.meta.date;
  const facts: Fact[] = [];
  for (const p of article.paragraphs) {
    if (p.kind === 'heading') continue;
    for (const s of p.sentences) {
      for (const d of sentenceFacts(s, p, published)) {
        const fact: Fact = {
          id: `${article.id}#f${facts.length + 1}`,
          article: article.id,
          kind: d.kind,
          text: s.text.slice(d.start, d.end),
          sentence: s.text,
          span: {
            citation: { article: article.id, paragraph: p.number, sentence: s.index },
            start: s.start + d.start,
            end: s.start + d.end,
          },
        };
        if (d.value !== undefined) fact.value = d.value;
        if (d.qualifier !== undefined) fact.qualifier = d.qualifier;
        if (d.counts !== undefined) fact.counts = d.counts;
        if (d.iso !== undefined) fact.iso = d.iso;
        facts.push(fact);
      }
    }
  }
  return facts;
}
