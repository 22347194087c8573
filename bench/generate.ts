/**
 * Deterministic synthetic news articles for the benchmark, in the same scraped-text layout as
 * seeds/russia-tajikistan-base.txt (title, standfirst, byline, outlet date line, optional original
 * publisher line, Region/Theme lines, site notices, body paragraphs, `*`, boilerplate).
 *
 * Every name, place and sentence comes from the word lists and templates in this file, so the
 * corpus carries no third-party text. Each article also returns its "truth": where every quote,
 * claim and fact was placed, which is what the query builder and the scorer check answers against.
 *
 * CLI: tsx bench/generate.ts --out DIR --count N [--seed S]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Truth types
// ---------------------------------------------------------------------------------------------

export type QuotePattern =
  | 'trailing-surname' // “…,” Surname said.
  | 'pronoun' // <sentence naming the person> “…,” he said.
  | 'said-the-role' // “…,” said the <role>, Full Name.
  | 'colon' // Full Name said: “…”
  | 'appositive' // “…,” Full Name, the <role>, said.
  | 'partial' // Surname described the X as a “…”
  | 'added'; // “… . …,” Surname added.

export interface QuoteTruth {
  /** The words inside the quotation marks, without the closing comma/period. Verbatim in the paragraph. */
  text: string;
  /** As printed, marks and closing punctuation included. Verbatim in the paragraph. */
  display: string;
  /** Full name (first + surname), whatever form the attribution used. */
  speaker: string;
  /** 1-based body paragraph (site notices are not body paragraphs, as in the seed). */
  paragraph: number;
  pattern: QuotePattern;
  partial: boolean;
  /** A place/topic the quote mentions, for "What did X say about Y?" questions. */
  about: string;
}

export interface ClaimTruth {
  /** Full name of a person, or an organisation's full name. */
  speaker: string;
  /** The reported clause, verbatim in the paragraph. */
  clause: string;
  paragraph: number;
}

export type FactKind = 'count' | 'money' | 'percent' | 'date' | 'duration';

export interface FactTruth {
  kind: FactKind;
  /** The phrase as printed ("over 1,200 troops", "$3 billion", "on Wednesday"), verbatim in the paragraph. */
  text: string;
  value?: number;
  qualifier?: string;
  /** What the number counts ("troops", "refugees", "years"). */
  counts?: string;
  /** ISO date for dates, resolved against the publication date. */
  iso?: string;
  paragraph: number;
  /** A natural question this fact answers. */
  question: string;
}

export interface PersonTruth {
  name: string;
  surname: string;
  /** The role as the article words it ("Korvanian Foreign Minister"). */
  role: string;
  gender: 'm' | 'f';
}

export interface ArticleTruth {
  id: string;
  title: string;
  outlet: string;
  /** ISO date of this copy. */
  date: string;
  original?: { name: string; date: string };
  authors: string[];
  /** Number of body paragraphs. */
  paragraphs: number;
  people: PersonTruth[];
  quotes: QuoteTruth[];
  claims: ClaimTruth[];
  facts: FactTruth[];
}

export interface GeneratedArticle {
  id: string;
  text: string;
  truth: ArticleTruth;
}

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast, and good enough for test data; the same seed gives the same stream everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes two integers into one seed so article N's stream does not depend on articles 0..N-1. */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x85ebca6b) ^ Math.imul((b + 0x9e3779b9) >>> 0, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** `n` distinct items (fewer if the list is shorter). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    const out: T[] = [];
    while (out.length < n && copy.length > 0) {
      const i = Math.floor(this.next() * copy.length);
      out.push(copy[i] as T);
      copy[i] = copy[copy.length - 1] as T;
      copy.pop();
    }
    return out;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------------
// Word lists (written for this benchmark)
// ---------------------------------------------------------------------------------------------

const ONSETS = [
  'b',
  'd',
  'k',
  'l',
  'm',
  'n',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'dr',
  'gr',
  'kr',
  'st',
  'tr',
  'sh',
  'h',
  'p',
  'g',
  'f',
  'j',
  'y',
  'ch',
  'pr',
  'sl',
  'kh',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'i', 'ai', 'ei', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'k', 'm', 'v', 'sk', 'nd', 'rt', 'sh', 'th'];
const SURNAME_ENDS = [
  '',
  '',
  'ov',
  'enko',
  'ani',
  'escu',
  'berg',
  'son',
  'ez',
  'idis',
  'ar',
  'ul',
  'inen',
  'ovic',
  'ra',
  'hal',
  'oglu',
  'wick',
];
const MALE_ENDS = ['o', 'an', 'ek', 'us', 'ir', 'el', 'or', 'ad'];
const FEMALE_ENDS = ['a', 'ina', 'ella', 'ia', 'ette', 'ara', 'ise', 'yn'];
const COUNTRY_ENDS: readonly (readonly [string, string])[] = [
  ['ia', 'ian'],
  ['istan', 'istani'],
  ['ora', 'oran'],
  ['esh', 'eshi'],
  ['avia', 'avian'],
  ['ene', 'enian'],
  ['uria', 'urian'],
  ['ador', 'adoran'],
];
const ORG_FIRST = [
  'Northern',
  'Continental',
  'Collective',
  'Eastern',
  'Coastal',
  'United',
  'Highland',
  'Maritime',
  'Southern',
  'Inland',
  'Western',
  'Central',
  'Riverine',
  'Steppe',
  'Archipelago',
];
const ORG_DOMAIN = [
  'Security',
  'Trade',
  'Energy',
  'Water',
  'Grain',
  'Border',
  'Development',
  'Health',
  'Fisheries',
  'Rail',
  'Monetary',
  'Peacekeeping',
  'Migration',
  'Mining',
  'Telecommunications',
];
const ORG_TYPE = [
  'Council',
  'Treaty Organization',
  'Union',
  'Alliance',
  'Commission',
  'Forum',
  'Compact',
  'Agency',
  'Assembly',
  'Partnership',
];

const ROLES = [
  'Foreign Minister',
  'Defence Minister',
  'Interior Minister',
  'Prime Minister',
  'President',
  'Finance Minister',
  'Energy Minister',
  'Trade Minister',
  'army chief of staff',
  'central bank governor',
  'opposition leader',
  'border service commander',
  'deputy foreign minister',
  'presidential spokesperson',
  'health minister',
  'agriculture minister',
];

const ADJECTIVES = (
  'abrupt absolute acute adequate aggressive alarming ambitious ancient anxious arbitrary armed assertive awkward balanced basic bitter blunt bold brief brittle broad brutal calm careful cautious ' +
  'central certain cheap chronic civil clear clumsy coastal cold collective complex concrete constant costly covert credible critical crucial cruel curious damaging dangerous decent decisive deep ' +
  'defensive deliberate delicate dense desperate difficult direct distant divided domestic dramatic durable early economic effective elaborate empty endless enormous entire equal essential ' +
  'ethnic excessive exhausted explicit extreme fair false familiar fatal fierce final firm fiscal fragile frank frequent frozen fundamental futile generous genuine global gradual grave ' +
  'hasty heavy hidden hostile humanitarian hurried illegal immediate impatient important improvised inadequate informal inevitable initial intense internal isolated joint lasting legal legitimate ' +
  'limited local lonely loose loyal massive measured military minor mixed modest moral mountainous mutual narrow national naval neutral nervous noisy notable nuclear obvious open ordinary ' +
  'orderly overdue partial patient peaceful permanent persistent plain political poor popular practical precise premature pressing private prolonged prompt proper provisional prudent public ' +
  'quiet radical rapid rare rational reckless regional reliable remote renewed rigid risky robust rough rural sacred secure selective sensible serious severe shallow sharp silent simple ' +
  'sincere slow sober solid sovereign sparse stable steady strategic strict strong structural stubborn subtle sudden sweeping swift symbolic systematic tactical tense tentative territorial ' +
  'thin thorough tight timely total tough toxic transparent troubled uncertain uneasy unilateral unjust unlikely unpopular urgent useful vague valid vast viable violent visible vital volatile ' +
  'vulnerable wary weak wide wild willing wise worried'
).split(' ');

const NOUNS = (
  'accord agenda agreement aid alliance ambition ammunition approach arrangement assault assessment assistance attack authority balance barrier base battle blockade border budget burden ' +
  'campaign capacity cargo ceasefire challenge channel charter checkpoint claim coalition command commitment community compromise concern conflict consensus convoy corridor council crisis ' +
  'crossing currency custom danger deadline debate debt decision defence delegation demand deployment deterrent dialogue dispute district doctrine drought economy effort election embargo ' +
  'emergency encroachment enterprise escalation exercise exit exodus expansion factory failure famine fence fleet force framework frontier fuel garrison gesture government grievance guarantee ' +
  'harbour harvest highway hostility incident inflation influence inquiry insurgency investment island junction justice labour language law leadership loan logistics majority mandate ' +
  'market measure mediation militia mission momentum monitoring movement negotiation network neutrality obligation occupation offensive offer operation opposition order outpost outreach ' +
  'parliament partnership patrol peace pipeline plan pledge policy port position pressure principle priority process programme promise proposal protest province provocation rail rebellion ' +
  'reconstruction referendum reform refuge region regime relief reserve resistance resolution retreat revenue rhetoric right risk rivalry route ruling sanction schedule security settlement ' +
  'shortage signal situation sovereignty stability stalemate standoff statement strategy strike summit supply support surveillance suspicion tariff tension territory threat timetable ' +
  'trade transit treaty truce trust turmoil uncertainty union uprising valley verdict veto violence visit vote warning water weakness withdrawal'
).split(' ');

/** [base, third person, past participle]: quote templates need all three forms. */
const VERBS: readonly (readonly [string, string, string])[] = (
  'accept,accepts,accepted abandon,abandons,abandoned address,addresses,addressed adjust,adjusts,adjusted allow,allows,allowed approve,approves,approved ' +
  'assess,assesses,assessed avoid,avoids,avoided block,blocks,blocked build,builds,built challenge,challenges,challenged change,changes,changed ' +
  'check,checks,checked close,closes,closed confirm,confirms,confirmed consider,considers,considered contain,contains,contained continue,continues,continued ' +
  'defend,defends,defended delay,delays,delayed deliver,delivers,delivered deny,denies,denied deploy,deploys,deployed destroy,destroys,destroyed ' +
  'discuss,discusses,discussed ease,eases,eased enforce,enforces,enforced ensure,ensures,ensured expand,expands,expanded extend,extends,extended ' +
  'finance,finances,financed fund,funds,funded guarantee,guarantees,guaranteed halt,halts,halted ignore,ignores,ignored improve,improves,improved ' +
  'increase,increases,increased investigate,investigates,investigated justify,justifies,justified limit,limits,limited maintain,maintains,maintained ' +
  'monitor,monitors,monitored negotiate,negotiates,negotiated oppose,opposes,opposed patrol,patrols,patrolled postpone,postpones,postponed ' +
  'prevent,prevents,prevented protect,protects,protected question,questions,questioned rebuild,rebuilds,rebuilt reduce,reduces,reduced ' +
  'reinforce,reinforces,reinforced reject,rejects,rejected remove,removes,removed renew,renews,renewed repair,repairs,repaired replace,replaces,replaced ' +
  'resolve,resolves,resolved restore,restores,restored restrict,restricts,restricted review,reviews,reviewed secure,secures,secured settle,settles,settled ' +
  'stabilise,stabilises,stabilised strengthen,strengthens,strengthened suspend,suspends,suspended sustain,sustains,sustained tolerate,tolerates,tolerated ' +
  'undermine,undermines,undermined verify,verifies,verified weaken,weakens,weakened welcome,welcomes,welcomed withdraw,withdraws,withdrawn'
)
  .split(' ')
  .map((triple) => triple.split(',') as unknown as readonly [string, string, string]);

const ADVERBS =
  'carefully clearly closely deliberately firmly fully gradually openly patiently promptly quickly quietly rapidly repeatedly seriously simply steadily strongly urgently'.split(
    ' ',
  );

const TOPICS = (
  'border security|grain exports|the water-sharing accord|fuel prices|the refugee corridor|river navigation|the pipeline project|fishing rights|the customs union|rail freight|' +
  'mining licences|the ceasefire line|airspace access|the power grid|wheat shipments|the dam project|visa rules|the mountain passes|port fees|the trade corridor|' +
  'election monitoring|the prisoner exchange|arms deliveries|the peace talks|cross-border trade|the debt talks|mineral exports|the coastal patrols|gas transit|the reconstruction fund|' +
  'the drought response|the railway link|currency controls|the minority schools|the border fence|road tolls|the nuclear plant|fertiliser supplies|the free trade zone|the naval drills'
).split('|');

const TROOP_UNITS = [
  'troops',
  'soldiers',
  'border guards',
  'peacekeepers',
  'police officers',
  'military engineers',
  'reservists',
  'armoured vehicles',
];
const PEOPLE_UNITS = [
  'refugees',
  'civilians',
  'families',
  'asylum seekers',
  'migrant workers',
  'students',
  'displaced residents',
];
const INDICATORS = [
  'food prices',
  'fuel imports',
  'unemployment',
  'grain output',
  'tourist arrivals',
  'electricity demand',
  'remittances',
  'factory output',
  'rents',
  'exports',
];
const PROJECTS = [
  'a new water treatment plant',
  'road repairs',
  'emergency food aid',
  'a solar farm',
  'flood defences',
  'school rebuilding',
  'a cross-border railway',
  'hospital upgrades',
  'a grain terminal',
  'power lines',
];
const EVENTS = [
  'the next round of talks',
  'the donor conference',
  'the regional summit',
  'the border reopening',
  'the referendum',
  'the prisoner exchange',
  'the parliamentary vote',
  'the troop rotation',
];
const MEASURES = [
  'a curfew',
  'new border checks',
  'an export ban',
  'a state of emergency',
  'fuel rationing',
  'a travel ban',
  'price controls',
  'a mobilisation order',
];
const CONFLICTS = [
  'fighting',
  'unrest',
  'border clashes',
  'sanctions',
  'drought',
  'insurgency',
  'economic blockade',
];

const REGIONS = [
  'Asia',
  'Europe',
  'Middle East & North Africa',
  'Latin America & Caribbean',
  'Sub-Saharan Africa',
  'Oceania',
  'Central Asia',
  'Arctic',
  'USA',
  'Russia and FSU',
];
const THEMES = [
  'Militarization and Arms',
  'Energy and Resources',
  'Trade and Economy',
  'Migration',
  'Environment',
  'Diplomacy',
  'Law and Justice',
  'Media and Disinformation',
  'Health',
  'Water and Food',
  'Poverty and Social Inequality',
];
const OUTLET_A = [
  'Global',
  'Northern',
  'Daily',
  'Open',
  'Independent',
  'Continental',
  'Evening',
  'Frontier',
  'Meridian',
  'Plain',
];
const OUTLET_B = [
  'Review',
  'Observer',
  'Ledger',
  'Dispatch',
  'Monitor',
  'Courier',
  'Tribune',
  'Herald',
  'Bulletin',
  'Record',
];
const PLATFORMS = ['Instagram', 'Mastodon', 'Telegram', 'Bluesky'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const QUALIFIERS = ['', '', 'over', 'almost', 'about', 'more than', 'nearly', 'at least'];

// ---------------------------------------------------------------------------------------------
// The world: a seeded pool of people, countries, organisations and places shared by all articles
// of one corpus, so that speakers recur across articles like real officials do.
// ---------------------------------------------------------------------------------------------

interface Country {
  name: string;
  adj: string;
}
interface Org {
  name: string;
  acronym: string;
}
interface Person {
  first: string;
  surname: string;
  name: string;
  gender: 'm' | 'f';
  role: string;
  country: Country;
}
interface World {
  countries: Country[];
  orgs: Org[];
  places: string[];
  people: Person[];
  authors: string[];
  outlets: string[];
}

const cap = (s: string): string => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));

function syllables(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === n - 1 ? '' : rng.pick(CODAS));
  return s;
}

/** Draws until `make` yields an unused value, so every name in the world is unique. */
function unique(rng: Rng, used: Set<string>, make: (r: Rng) => string): string {
  for (;;) {
    const v = make(rng);
    const key = v.toLowerCase();
    if (!used.has(key) && v.length >= 3) {
      used.add(key);
      return v;
    }
  }
}

const worlds = new Map<number, World>();

function world(seed: number): World {
  const cached = worlds.get(seed);
  if (cached) return cached;
  const rng = new Rng(mixSeed(seed, 0x5eed));
  const used = new Set<string>();
  const countries: Country[] = [];
  for (let i = 0; i < 150; i++) {
    const [end, adjEnd] = rng.pick(COUNTRY_ENDS);
    const stem = cap(
      unique(rng, used, (r) => syllables(r, r.int(1, 2)) + (r.chance(0.5) ? r.pick(CODAS) : '')),
    );
    countries.push({ name: stem + end, adj: stem + adjEnd });
  }
  const orgs: Org[] = [];
  const orgNames = new Set<string>();
  while (orgs.length < 80) {
    const name = `${rng.pick(ORG_FIRST)} ${rng.pick(ORG_DOMAIN)} ${rng.pick(ORG_TYPE)}`;
    if (orgNames.has(name)) continue;
    orgNames.add(name);
    const acronym = name
      .split(' ')
      .map((w) => w[0])
      .join('');
    orgs.push({ name, acronym });
  }
  const places: string[] = [];
  for (let i = 0; i < 5000; i++) places.push(cap(unique(rng, used, (r) => syllables(r, r.int(2, 3)))));
  const surnames = new Set<string>();
  const people: Person[] = [];
  for (let i = 0; i < 3000; i++) {
    const gender = rng.chance(0.5) ? 'm' : 'f';
    const first = cap(syllables(rng, rng.int(1, 2)) + rng.pick(gender === 'm' ? MALE_ENDS : FEMALE_ENDS));
    // Unique surnames keep "Surname said" attributions and surname-only speaker queries unambiguous.
    const surname = cap(unique(rng, surnames, (r) => syllables(r, r.int(1, 2)) + r.pick(SURNAME_ENDS)));
    people.push({
      first,
      surname,
      name: `${first} ${surname}`,
      gender,
      role: rng.pick(ROLES),
      country: rng.pick(countries),
    });
  }
  const authors: string[] = [];
  for (let i = 0; i < 200; i++) {
    const first = cap(syllables(rng, 2) + rng.pick(rng.chance(0.5) ? MALE_ENDS : FEMALE_ENDS));
    authors.push(`${first} ${cap(unique(rng, surnames, (r) => syllables(r, 2) + r.pick(SURNAME_ENDS)))}`);
  }
  const outlets: string[] = [];
  for (const a of OUTLET_A) for (const b of OUTLET_B) outlets.push(`${a} ${b}`);
  const w: World = { countries, orgs, places, people, authors, outlets };
  worlds.set(seed, w);
  return w;
}

// ---------------------------------------------------------------------------------------------
// Formatting helpers
// ---------------------------------------------------------------------------------------------

export function formatInt(n: number): string {
  const s = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return (n < 0 ? '-' : '') + out;
}

interface Day {
  y: number;
  m: number; // 0-based
  d: number;
}
function addDays(day: Day, delta: number): Day {
  const t = new Date(Date.UTC(day.y, day.m, day.d + delta));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
}
const iso = (day: Day): string =>
  `${day.y}-${String(day.m + 1).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
const weekday = (day: Day): string => WEEKDAYS[new Date(Date.UTC(day.y, day.m, day.d)).getUTCDay()]!;
const titleCase = (s: string): string =>
  s
    .split(' ')
    .map((w, i) =>
      i > 0 && ['a', 'an', 'the', 'of', 'in', 'to', 'for', 'and', 'as', 'on', 'over'].includes(w)
        ? w
        : cap(w),
    )
    .join(' ');

// ---------------------------------------------------------------------------------------------
// Article generation
// ---------------------------------------------------------------------------------------------

export const articleId = (index: number): string => `article-${String(index).padStart(5, '0')}`;

/** Per-article context the templates draw from. */
interface Ctx {
  rng: Rng;
  w: World;
  a: Country;
  b: Country;
  org: Org;
  places: string[];
  pub: Day;
  /** Template indices already used in this article: repeated sentence shapes read as machine-made. */
  used: Map<readonly unknown[], Set<number>>;
}

/** Picks a template not yet used in this article (any, once all are used). */
function fresh<T>(c: Ctx, list: readonly T[]): T {
  let used = c.used.get(list);
  if (!used) c.used.set(list, (used = new Set()));
  if (used.size >= list.length) used.clear();
  for (;;) {
    const i = c.rng.int(0, list.length - 1);
    if (!used.has(i)) {
      used.add(i);
      return list[i]!;
    }
  }
}

const adj = (c: Ctx): string => c.rng.pick(ADJECTIVES);
const noun = (c: Ctx): string => c.rng.pick(NOUNS);
const verb = (c: Ctx): readonly [string, string, string] => c.rng.pick(VERBS);
const place = (c: Ctx): string => c.rng.pick(c.places);
const aOrAn = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');
/** "a hasty" / "an open": the article agrees with the random adjective. */
const aAdj = (c: Ctx): string => {
  const x = adj(c);
  return `${aOrAn(x)} ${x}`;
};
function plural(n: string): string {
  if (n.endsWith('is')) return n.slice(0, -2) + 'es';
  if (/(s|sh|ch|x)$/.test(n)) return n + 'es';
  if (/[^aeiou]y$/.test(n)) return n.slice(0, -1) + 'ies';
  return n + 's';
}

/**
 * Quote sentences. Each returns the sentence and the place/topic it mentions (the "about" of
 * "What did X say about Y?"). Several random slots per sentence keep 4–8 word fragments distinct
 * across tens of thousands of quotes.
 */
const QUOTE_CLAUSES: readonly ((c: Ctx) => [string, string])[] = [
  (c) => {
    const p = place(c);
    return [`We will do everything necessary to ${verb(c)[0]} the ${adj(c)} ${noun(c)} around ${p}`, p];
  },
  (c) => {
    const p = place(c);
    return [`The ${adj(c)} ${noun(c)} in ${p} cannot be ${verb(c)[2]} by ${plural(noun(c))} alone`, p];
  },
  (c) => {
    const t = c.rng.pick(TOPICS);
    return [
      `Nobody in ${c.a.name} believes that ${t} will ${verb(c)[0]} itself without ${aAdj(c)} ${noun(c)}`,
      t,
    ];
  },
  (c) => {
    const p = place(c);
    return [
      `Our ${noun(c)} has been ${verb(c)[2]} again and again, and the people of ${p} are tired of ${adj(c)} promises`,
      p,
    ];
  },
  (c) => {
    const t = c.rng.pick(TOPICS);
    return [
      `We expect the ${c.org.acronym} to ${verb(c)[0]} its ${noun(c)} on ${t} before the ${adj(c)} ${noun(c)} gets worse`,
      t,
    ];
  },
  (c) => {
    const p = place(c);
    return [
      `Given the ${adj(c)} ${noun(c)} near ${p}, dealing with this ${noun(c)} on our own seems ${adj(c)}`,
      p,
    ];
  },
  (c) => {
    const p = place(c);
    return [
      `There is no ${adj(c)} ${noun(c)} for ${p} unless ${c.b.name} agrees to ${verb(c)[0]} the ${noun(c)}`,
      p,
    ];
  },
  (c) => {
    const t = c.rng.pick(TOPICS);
    return [`What we are seeing on ${t} is ${aAdj(c)} ${noun(c)}, not ${aAdj(c)} ${noun(c)}`, t];
  },
  (c) => {
    const p = place(c);
    return [`The ${noun(c)} from ${c.b.name} has ${verb(c)[2]} every ${noun(c)} we ${verb(c)[2]} in ${p}`, p];
  },
  (c) => {
    const t = c.rng.pick(TOPICS);
    return [
      `I have told our partners ${c.rng.pick(ADVERBS)} that ${t} is ${aAdj(c)} ${noun(c)} for ${c.a.name}`,
      t,
    ];
  },
  (c) => {
    const p = place(c);
    return [
      `Families in ${p} deserve ${aAdj(c)} ${noun(c)} and ${aAdj(c)} ${noun(c)}, and they deserve it now`,
      p,
    ];
  },
  (c) => {
    const p = place(c);
    return [
      `If the ${noun(c)} around ${p} continues, we will ${c.rng.pick(ADVERBS)} ${verb(c)[0]} our ${noun(c)}`,
      p,
    ];
  },
  (c) => {
    const t = c.rng.pick(TOPICS);
    return [`The ${c.org.name} was never meant to ${verb(c)[0]} ${aAdj(c)} ${noun(c)} like ${t}`, t];
  },
  (c) => {
    const p = place(c);
    return [
      `Every ${adj(c)} ${noun(c)} we send to ${p} is ${verb(c)[2]} within days by ${aAdj(c)} ${noun(c)}`,
      p,
    ];
  },
  (c) => {
    const t = c.rng.pick(TOPICS);
    return [`We’ll keep talking about ${t}, but talking is not a ${noun(c)} and it is not a ${noun(c)}`, t];
  },
  (c) => {
    const p = place(c);
    return [
      `This ${noun(c)} was ${c.rng.pick(ADVERBS)} ${verb(c)[2]} in ${p} long before anyone in ${c.b.name} noticed`,
      p,
    ];
  },
];

const SECOND_SENTENCES: readonly ((c: Ctx) => string)[] = [
  (c) => `That is the ${adj(c)} truth`,
  (c) => `We cannot ${verb(c)[0]} that ${noun(c)} forever`,
  (c) => `Our ${noun(c)} in ${place(c)} is ${adj(c)}`,
  (c) => `The ${noun(c)} will not ${verb(c)[0]} itself`,
  (c) => `${c.b.name} knows this very well`,
];

function quoteText(c: Ctx, sentences: 1 | 2): [string, string] {
  const [first, about] = fresh(c, QUOTE_CLAUSES)(c);
  return sentences === 1 ? [first, about] : [`${first}. ${fresh(c, SECOND_SENTENCES)(c)}`, about];
}

/** Reported clauses; never contain numbers (those are facts) or quotation marks. */
const CLAUSES: readonly ((c: Ctx) => string)[] = [
  (c) => `${c.a.name} would ${verb(c)[0]} its ${noun(c)} in ${place(c)}`,
  (c) => `the ${adj(c)} ${noun(c)} posed no threat to ${c.b.name}`,
  (c) => `talks on ${c.rng.pick(TOPICS)} had reached ${aAdj(c)} ${noun(c)}`,
  (c) => `${c.b.name} had ${verb(c)[2]} the ${noun(c)} near ${place(c)}`,
  (c) => `the ${c.org.acronym} should ${verb(c)[0]} the ${noun(c)} without delay`,
  (c) => `the government was ready to ${verb(c)[0]} ${aAdj(c)} ${noun(c)} over ${c.rng.pick(TOPICS)}`,
];

/** Narration without quotes, numbers or people, so it never blurs the truth. Some carry link markup. */
const NARRATION: readonly ((c: Ctx) => string)[] = [
  (c) =>
    `${c.a.name} and ${c.b.name} have been at odds over ${c.rng.pick(TOPICS)} in ${place(c)} for months.`,
  (c) =>
    `The dispute has drawn in the ${c.org.name} (${c.org.acronym}), which counts both countries as members.`,
  (c) => `Analysts say the ${adj(c)} ${noun(c)} around ${place(c)} is unlikely to ease soon.`,
  (c) =>
    `${c.a.name} has been [${c.rng.pick(ADVERBS)} critical of the ${adj(c)} ${noun(c)}](#) pursued by ${c.b.name}.`,
  (c) =>
    `Residents of ${place(c)} describe ${aAdj(c)} mood, with shops closing early and roads ${verb(c)[2]} at night.`,
  (c) => `It is unclear whether the ${adj(c)} ${noun(c)} will survive the coming weeks.`,
  (c) =>
    `The ${noun(c)} near ${place(c)} has become a [${adj(c)} symbol of the ${noun(c)}](#) between the two capitals.`,
  (c) =>
    `Observers in ${place(c)} expect the ${noun(c)} to spill into neighbouring districts to some extent.`,
  (c) => `Officials in ${c.b.name} did not respond to requests for comment.`,
  (c) => `The ${c.org.acronym} has not taken a formal position on ${c.rng.pick(TOPICS)}.`,
];

interface Rendered {
  sentences: string[];
  quotes: Omit<QuoteTruth, 'paragraph'>[];
  claims: Omit<ClaimTruth, 'paragraph'>[];
  facts: Omit<FactTruth, 'paragraph'>[];
}

function numberFor(rng: Rng, lo: number, hi: number, round: number): number {
  return Math.max(round, Math.round(rng.int(lo, hi) / round) * round);
}

function fact(c: Ctx): { sentence: string; truth: Omit<FactTruth, 'paragraph'> } {
  const r = c.rng;
  const q = r.pick(QUALIFIERS);
  const qp = q ? `${q} ` : '';
  const withQ = <T extends object>(t: T): T & { qualifier?: string } => (q ? { ...t, qualifier: q } : t);
  switch (r.int(0, 6)) {
    case 0: {
      const unit = r.pick(TROOP_UNITS);
      const n = numberFor(r, 50, 30000, r.pick([10, 50, 100, 1000]));
      const p = place(c);
      const text = `${qp}${formatInt(n)} ${unit}`;
      const sentence = `${c.a.name} has moved ${text} to the ${p} border area.`;
      return {
        sentence,
        truth: withQ({
          kind: 'count',
          text,
          value: n,
          counts: unit,
          question: `How many ${unit} has ${c.a.name} moved to the ${p} border area?`,
        }),
      };
    }
    case 1: {
      const unit = r.pick(PEOPLE_UNITS);
      const n = numberFor(r, 100, 90000, r.pick([10, 100, 1000]));
      const p = place(c);
      // Sentence-initial, so capitalised; the truth keeps the phrase exactly as printed.
      const text = cap(`${qp}${formatInt(n)} ${unit}`);
      return {
        sentence: `${text} have crossed from ${p} into ${c.b.name} since the ${adj(c)} ${noun(c)} began.`,
        truth: withQ({
          kind: 'count',
          text,
          value: n,
          counts: unit,
          question: `How many ${unit} have crossed from ${p} into ${c.b.name}?`,
        }),
      };
    }
    case 2: {
      const ind = r.pick(INDICATORS);
      const n = r.int(2, 60);
      const p = place(c);
      const rose = r.chance(0.5);
      const text = `${n} percent`;
      return {
        sentence: `${cap(ind)} in ${p} ${rose ? 'rose' : 'fell'} by ${text} over the past year, according to ${c.a.adj} officials.`,
        truth: {
          kind: 'percent',
          text,
          value: n,
          counts: ind,
          question: `By what percentage did ${ind} in ${p} ${rose ? 'rise' : 'fall'}?`,
        },
      };
    }
    case 3: {
      const project = r.pick(PROJECTS);
      const billions = r.chance(0.4);
      const n = billions ? r.int(1, 40) : r.int(5, 95) * 10;
      const text = `$${n} ${billions ? 'billion' : 'million'}`;
      const p = place(c);
      return {
        sentence: `The ${c.org.acronym} has pledged ${text} for ${project} in ${p}.`,
        truth: {
          kind: 'money',
          text,
          value: n * (billions ? 1e9 : 1e6),
          counts: project,
          question: `How much has the ${c.org.acronym} pledged for ${project} in ${p}?`,
        },
      };
    }
    case 4: {
      const ev = r.pick(EVENTS);
      const day = addDays(c.pub, r.int(5, 60));
      const text = `${MONTHS[day.m]} ${day.d}`;
      const p = place(c);
      return {
        sentence: `${cap(ev)} in ${p} is set for ${text}, diplomats said.`,
        truth: { kind: 'date', text, iso: iso(day), question: `When is ${ev} in ${p}?` },
      };
    }
    case 5: {
      const m = r.pick(MEASURES);
      const day = addDays(c.pub, -r.int(1, 6));
      const text = `on ${weekday(day)}`;
      const p = place(c);
      return {
        sentence: `Authorities in ${p} announced ${m} ${text} after ${aAdj(c)} night of ${plural(noun(c))}.`,
        truth: { kind: 'date', text, iso: iso(day), question: `When did authorities in ${p} announce ${m}?` },
      };
    }
    default: {
      const cf = r.pick(CONFLICTS);
      const n = r.int(2, 30);
      const p = place(c);
      const text = `${qp}${n} years`;
      return {
        sentence: `After ${text} of ${cf} in ${p}, few residents expect a quick ${noun(c)}.`,
        truth: withQ({
          kind: 'duration',
          text,
          value: n,
          counts: 'years',
          question: `How long has the ${cf} in ${p} lasted?`,
        }),
      };
    }
  }
}

type Item =
  | { kind: 'quote'; person: Person; pattern: QuotePattern }
  | { kind: 'claim'; person: Person | null }
  | { kind: 'fact' };

function roleOf(p: Person): string {
  return `${p.country.adj} ${p.role}`;
}

/** Renders one item; people not yet named in full get their full name and role first. */
function renderItem(c: Ctx, item: Item, introduced: Set<Person>): Rendered {
  const out: Rendered = { sentences: [], quotes: [], claims: [], facts: [] };
  const r = c.rng;
  if (item.kind === 'fact') {
    const f = fact(c);
    out.sentences.push(f.sentence);
    out.facts.push(f.truth);
    return out;
  }
  if (item.kind === 'claim') {
    const clause = fresh(c, CLAUSES)(c);
    if (item.person === null) {
      out.sentences.push(`The ${c.org.name} said ${clause}.`);
      out.claims.push({ speaker: c.org.name, clause });
    } else {
      const p = item.person;
      const who = introduced.has(p) ? p.surname : `${roleOf(p)} ${p.name}`;
      introduced.add(p);
      out.sentences.push(`${who} said that ${clause}.`);
      out.claims.push({ speaker: p.name, clause });
    }
    return out;
  }
  const p = item.person;
  let pattern = item.pattern;
  const known = introduced.has(p);
  // Surname-only forms need an earlier full mention; fall back to forms that name the person fully.
  if (!known && (pattern === 'trailing-surname' || pattern === 'added')) pattern = 'appositive';
  const he = p.gender === 'm' ? 'he' : 'she';
  if (pattern === 'partial') {
    const text = `${adj(c)} ${noun(c)}`;
    const display = `“${text}.”`;
    const subject = known ? p.surname : `${roleOf(p)} ${p.name}`;
    // A two-word partial quote names no place of its own; the place in its sentence is what it is "about".
    const about = place(c);
    out.sentences.push(`${subject} described the ${noun(c)} in ${about} as ${aOrAn(text)} ${display}`);
    introduced.add(p);
    out.quotes.push({ text, display, speaker: p.name, pattern, partial: true, about });
    return out;
  }
  const [text, about] = quoteText(c, pattern === 'added' ? 2 : 1);
  introduced.add(p);
  switch (pattern) {
    case 'trailing-surname': {
      const display = `“${text},”`;
      out.sentences.push(`${display} ${p.surname} said.`);
      out.quotes.push({ text, display, speaker: p.name, pattern, partial: false, about });
      break;
    }
    case 'added': {
      const display = `“${text},”`;
      out.sentences.push(`${display} ${p.surname} added.`);
      out.quotes.push({ text, display, speaker: p.name, pattern, partial: false, about });
      break;
    }
    case 'pronoun': {
      const clause = fresh(c, CLAUSES)(c);
      const who = known ? p.surname : `${roleOf(p)} ${p.name}`;
      out.sentences.push(`${who} said ${clause}.`);
      out.claims.push({ speaker: p.name, clause });
      const display = `“${text},”`;
      out.sentences.push(`${display} ${he} said.`);
      out.quotes.push({ text, display, speaker: p.name, pattern, partial: false, about });
      break;
    }
    case 'said-the-role': {
      const display = `“${text},”`;
      out.sentences.push(`${display} said the ${roleOf(p)}, ${p.name}.`);
      out.quotes.push({ text, display, speaker: p.name, pattern, partial: false, about });
      break;
    }
    case 'colon': {
      const display = `“${text}.”`;
      out.sentences.push(`${p.name} said: ${display}`);
      out.quotes.push({ text, display, speaker: p.name, pattern, partial: false, about });
      break;
    }
    case 'appositive': {
      const display = `“${text},”`;
      const when = r.pick(['said', 'said in a statement', 'told reporters', 'said at a briefing']);
      out.sentences.push(`${display} ${p.name}, the ${roleOf(p)}, ${when}.`);
      out.quotes.push({ text, display, speaker: p.name, pattern, partial: false, about });
      break;
    }
  }
  return out;
}

const PATTERNS: readonly QuotePattern[] = [
  'trailing-surname',
  'pronoun',
  'said-the-role',
  'colon',
  'appositive',
  'partial',
  'added',
  'trailing-surname',
];

export function generateArticle(seed: number, index: number): GeneratedArticle {
  const w = world(seed);
  const rng = new Rng(mixSeed(seed, index + 1));
  const id = articleId(index);
  const [a, b] = rng.sample(w.countries, 2) as [Country, Country];
  const org = rng.pick(w.orgs);
  const places = rng.sample(w.places, rng.int(3, 6));
  const copyDay: Day = { y: rng.int(2012, 2025), m: rng.int(0, 11), d: rng.int(1, 28) };
  const original = rng.chance(0.5)
    ? { name: `${rng.pick(OUTLET_A)} ${rng.pick(OUTLET_B)}.com`, day: addDays(copyDay, -rng.int(1, 5)) }
    : null;
  const pub = original ? original.day : copyDay;
  const c: Ctx = { rng, w, a, b, org, places, pub, used: new Map() };

  const speakers = rng.sample(w.people, rng.int(2, 4));
  const nQuotes = rng.int(2, 6);
  const items: Item[] = [];
  for (let i = 0; i < nQuotes; i++) {
    // Every speaker gets at least one quote so the truth's people list and quotes agree.
    const person = i < speakers.length ? speakers[i]! : rng.pick(speakers);
    items.push({ kind: 'quote', person, pattern: rng.pick(PATTERNS) });
  }
  for (let i = rng.int(1, 2); i > 0; i--)
    items.push({ kind: 'claim', person: rng.chance(0.7) ? rng.pick(speakers) : null });
  for (let i = rng.int(2, 4); i > 0; i--) items.push({ kind: 'fact' });
  rng.shuffle(items);

  const nParas = Math.max(4, Math.min(10, rng.int(4, 10)));
  const buckets: Item[][] = Array.from({ length: nParas }, () => []);
  items.forEach((item, i) => {
    // The first pass spreads items so no paragraph starts overloaded; the rest land anywhere.
    const target = i < nParas ? i : rng.int(0, nParas - 1);
    buckets[target]!.push(item);
  });

  const introduced = new Set<Person>();
  const paragraphs: string[] = [];
  const truth: ArticleTruth = {
    id,
    title: '',
    outlet: '',
    date: iso(copyDay),
    authors: [],
    paragraphs: nParas,
    people: speakers.map((p) => ({ name: p.name, surname: p.surname, role: roleOf(p), gender: p.gender })),
    quotes: [],
    claims: [],
    facts: [],
  };
  buckets.forEach((bucket, bi) => {
    const paragraph = bi + 1;
    const sentences: string[] = [];
    if (bucket.length === 0 || rng.chance(0.4)) sentences.push(fresh(c, NARRATION)(c));
    if (bucket.length === 0 && rng.chance(0.5)) sentences.push(fresh(c, NARRATION)(c));
    for (const item of bucket) {
      const rendered = renderItem(c, item, introduced);
      sentences.push(...rendered.sentences);
      for (const q of rendered.quotes) truth.quotes.push({ ...q, paragraph });
      for (const cl of rendered.claims) truth.claims.push({ ...cl, paragraph });
      for (const f of rendered.facts) truth.facts.push({ ...f, paragraph });
    }
    paragraphs.push(sentences.join(' '));
  });

  const outlet = rng.pick(w.outlets);
  const authors = rng.chance(0.15) ? rng.sample(w.authors, 2) : [rng.pick(w.authors)];
  const topic = rng.pick(TOPICS).replace(/^the /, '');
  const title = titleCase(
    `${a.name} ${rng.pick(['Ready to', 'Moves to', 'Refuses to', 'Threatens to', 'Offers to'])} ${verb(c)[0]} ${topic} ${rng.pick(['Over', 'Amid', 'After'])} ${adj(c)} ${noun(c)} in ${places[0]!}`,
  );
  const standfirst = `Officials in ${b.name} asked the ${org.acronym} for help after talks on ${rng.pick(TOPICS)} stalled near ${place(c)}`;
  truth.title = title;
  truth.outlet = outlet;
  truth.authors = authors;
  if (original) truth.original = { name: original.name, date: iso(original.day) };

  const lines: string[] = [
    title,
    standfirst,
    `By ${authors.map((x) => `[${x}](#)`).join(' and ')}`,
    `${outlet}, ${MONTHS[copyDay.m]} ${copyDay.d}, ${copyDay.y}`,
  ];
  if (original)
    lines.push(`[${original.name}](#) ${original.day.d} ${MONTHS[original.day.m]} ${original.day.y}`);
  lines.push(
    `Region: ${rng
      .sample(REGIONS, rng.int(1, 2))
      .map((x) => `[${x}](#)`)
      .join(', ')}`,
  );
  lines.push(
    `Theme: ${rng
      .sample(THEMES, rng.int(1, 2))
      .map((x) => `[${x}](#)`)
      .join(', ')}`,
  );
  if (rng.chance(0.3)) lines.push(`In-depth Report: [${a.name.toUpperCase()}](#)`);
  lines.push(
    `All ${outlet} articles can be read in ${rng.int(20, 60)} languages using the translation menu at the top of our home page.`,
  );
  const handle = `@${outlet.toLowerCase().replace(/\s+/g, '_')}`;
  lines.push(`Visit and follow us on ${rng.pick(PLATFORMS)} at [${handle}](#).`);
  lines.push(...paragraphs, '*');
  const author = authors[0]!;
  const source = original ? original.name : outlet;
  lines.push(
    `Note to readers: Use the share buttons above to pass this article on. Follow us on ${rng.pick(PLATFORMS)}, ${handle}. Repost it on your own site or forum.`,
    `${author} is a ${rng.pick(['staff writer', 'regional correspondent', 'contributing editor', 'research fellow'])} at ${source}.`,
    `Featured image is from ${rng.pick(OUTLET_A)} Photo Service`,
    `The original source of this article is ${source}`,
    `Copyright © ${author}, ${source}, ${pub.y}`,
    `[Comment on ${outlet} articles on our forum](#)`,
    `Articles by: [${author}](#)`,
    `Disclaimer: The views expressed in this article belong to the author(s) alone. ${outlet} is not responsible for any inaccurate or incorrect statement in this article.`,
  );
  return { id, text: lines.join('\n\n') + '\n', truth };
}

// ---------------------------------------------------------------------------------------------
// Reading the text back: the body paragraphs, numbered as citations number them.
// ---------------------------------------------------------------------------------------------

/** Header blocks between the byline and the first body paragraph (matches the seed too). */
const HEADER_BLOCKS: readonly RegExp[] = [
  /^[^\n]+, [A-Z][a-z]+ \d{1,2}, \d{4}$/, // Outlet, July 11, 2021
  /^\[[^\]]*\]\([^)]*\) \d{1,2} [A-Z][a-z]+ \d{4}$/, // [Original](#) 8 July 2021
  /^Region:/,
  /^Theme:/,
  /^In-depth Report:/,
  /^URL: https?:\/\//,
  /^All .+ articles can be read in /,
  /^Visit and follow us on /,
];

/**
 * Body paragraphs of a scraped article (display text: link markup reduced to its text, whitespace
 * normalised): the blocks between the header/site notices and the `*` line. Deliberately simple;
 * it is the benchmark's reference split, not the product's parser.
 */
export function bodyParagraphs(text: string): string[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  let i = blocks.findIndex((b) => b.startsWith('By '));
  i = i < 0 ? 1 : i + 1;
  while (i < blocks.length && HEADER_BLOCKS.some((re) => re.test(blocks[i]!))) i++;
  const out: string[] = [];
  for (; i < blocks.length && blocks[i] !== '*'; i++) {
    out.push(blocks[i]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' '));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Corpus on disk
// ---------------------------------------------------------------------------------------------

export interface TruthFile {
  seed: number;
  count: number;
  articles: ArticleTruth[];
}

export interface CorpusSummary {
  dir: string;
  count: number;
  seed: number;
  /** Bytes of article text written (truth.json excluded). */
  bytes: number;
  truthBytes: number;
  ms: number;
}

const GENERATED_FILE = /^article-\d+\.txt$/;

/**
 * Writes `dir/<id>.txt` for articles 0..count-1 and `dir/truth.json`. Stale generated article
 * files from an earlier, larger run are removed (only names this generator produces), because a
 * loader reading the directory would otherwise see more articles than the truth describes.
 */
export function writeCorpus(dir: string, count: number, seed = 1): CorpusSummary {
  const t0 = process.hrtime.bigint();
  mkdirSync(dir, { recursive: true });
  const keep = new Set<string>();
  for (let i = 0; i < count; i++) keep.add(`${articleId(i)}.txt`);
  for (const f of readdirSync(dir)) if (GENERATED_FILE.test(f) && !keep.has(f)) rmSync(join(dir, f));
  const articles: ArticleTruth[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const g = generateArticle(seed, i);
    const buf = Buffer.from(g.text, 'utf8');
    bytes += buf.length;
    writeFileSync(join(dir, `${g.id}.txt`), buf);
    articles.push(g.truth);
  }
  const truth: TruthFile = { seed, count, articles };
  const json = JSON.stringify(truth);
  writeFileSync(join(dir, 'truth.json'), json);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { dir, count, seed, bytes, truthBytes: Buffer.byteLength(json), ms };
}

/** The articles of a corpus without touching the disk (for in-process benchmarks and tests). */
export function generateCorpus(count: number, seed = 1): GeneratedArticle[] {
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) out.push(generateArticle(seed, i));
  return out;
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function parseArgs(argv: readonly string[]): { out: string; count: number; seed: number } {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = get('--out');
  const count = Number(get('--count') ?? NaN);
  const seed = Number(get('--seed') ?? 1);
  if (!out || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
    throw new Error('usage: tsx bench/generate.ts --out DIR --count N [--seed S]');
  }
  return { out, count, seed };
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  try {
    const { out, count, seed } = parseArgs(process.argv.slice(2));
    const s = writeCorpus(out, count, seed);
    console.log(
      `wrote ${s.count} articles (seed ${s.seed}) to ${s.dir}: ${(s.bytes / 1048576).toFixed(1)} MB text + ${(s.truthBytes / 1048576).toFixed(1)} MB truth.json in ${s.ms.toFixed(0)} ms`,
    );
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
