/**
 * The reader's word lists, in one place: what question words ask for, and what words mark a
 * value of each kind in a sentence. Data only; the rules that use them live beside it.
 */

export type AnswerType =
  | 'person'
  | 'organisation'
  | 'place'
  | 'count'
  | 'money'
  | 'percent'
  | 'date'
  | 'duration'
  | 'age'
  | 'reason'
  | 'manner'
  | 'other';

export const ANSWER_TYPES: readonly AnswerType[] = [
  'person',
  'organisation',
  'place',
  'count',
  'money',
  'percent',
  'date',
  'duration',
  'age',
  'reason',
  'manner',
  'other',
];

/** Answer types with a concrete shape (a name, a number, a date): a span of that type is the answer. */
export const CONCRETE: ReadonlySet<AnswerType> = new Set<AnswerType>(
  ANSWER_TYPES.filter((t) => t !== 'reason' && t !== 'manner' && t !== 'other'),
);

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** "What/which <noun>" asking for a person. */
export const PERSON_NOUNS = words(`person man woman people leader minister president spokesman spokeswoman
  guard victim suspect witness driver pilot passenger resident worker employee teacher doctor nurse boss
  owner landlord tenant striker goalkeeper councillor
  spokesperson official king queen emperor pope author writer composer artist player actor actress director
  general commander chief chairman founder officer judge scientist philosopher poet singer ruler governor
  mayor senator member character son daughter father mother wife husband brother sister individual
  architect engineer inventor designer producer manager coach captain prince princess bishop saint`);

/** "What/which <noun>" asking for an organisation. */
export const ORGANISATION_NOUNS = words(`company organization organisation group party agency team university
  college school firm band institution association union army navy ministry department council committee
  court church bank network newspaper station channel club corporation government body alliance league
  publisher studio label brand business hospital charity supplier operator insurer regulator airline
  retailer developer`);

/** "What/which <noun>" asking for a place. */
export const PLACE_NOUNS = words(`country city place region state town continent river island area province
  nation village capital county district location mountain sea ocean lake port site neighborhood
  neighbourhood territory street building`);

/** "What/which <noun>" asking for a date. */
export const DATE_NOUNS = words(`year date day month century decade time period era season week`);

/** Focus nouns of a date question that ask for a year, a decade or century, a month or a day. */
export const YEAR_FOCUS = words(`year years`);
export const DECADE_FOCUS = words(`decade decades century centuries era period`);
export const DAY_FOCUS = words(`month months day days weekday`);

/** "What <noun>" asking for a share. */
export const PERCENT_NOUNS = words(`percentage percent proportion share fraction rate`);

/** "How much" about these asks for money. */
export const MONEY_WORDS = words(`money fined compensation damages grant loan reward bail payout profit
  owed donated pension cost costs pay paid spend spent worth price priced fund funds funding
  budget earn earned raise raised revenue salary fee fine owe budgeted sell sold buy bought charge charged
  fare fares toll tolls rent rents fees fines wage wages tax taxes ticket tickets`);

/** "What <noun>" asking for a sum of money ("what is the fare", "what toll will lorries pay"). */
export const MONEY_NOUNS = words(`price cost fare toll rent fee fine salary wage budget ransom worth
  compensation damages bonus grant loan debt reward bail payout profit revenue pension subsidy`);

/** Verbs whose object is a sum: "what do patients pay", "what does a licence cost". */
export const MONEY_VERBS =
  words(`pay pays paid cost costs charge charges charged spend spends spent earn earns
  earned raise raised sell sold fetch fetched owe owes owed fine fined`);

/** "What is the <noun> of" asking for a measure: a figure with its unit. */
export const MEASURE_NOUNS = words(`diameter length height width depth distance speed weight population size
  capacity area altitude temperature`);

/** "What is X <word> for" that asks what X is praised or known for, not what it is for. */
export const NOT_PURPOSE = words(`known noted famous famed renowned remembered responsible celebrated praised
  criticised criticized blamed awarded nominated named thanked`);

/**
 * The words a story uses for someone a question calls "she" or "he" (the pronoun's forms and the
 * titles that go with it): a story that never uses them is not about whoever the question means.
 */
const SHE = words(`she her hers herself ms mrs miss`);
const HE = words(`he him his himself mr`);
export const PRONOUN_FAMILIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['she', SHE],
  ['her', SHE],
  ['he', HE],
  ['him', HE],
]);

/** "How <adjective>" asking for a measure ("how far", "how tall"): a count of its unit. */
export const MEASURE_ADJECTIVES = words(`far big large tall high often fast deep wide heavy`);

/** "How <adverb>": how quickly, how soon ask for a duration, as "how long" does. */
export const DURATION_ADVERBS = words(`long quickly soon`);

/** Plurals without an s, for the head noun of "how many". */
export const IRREGULAR_PLURALS = words(`people men women children police crew staff cattle personnel`);

export const MONTHS = words(`january february march april may june july august september october november
  december jan feb mar apr jun jul aug sep sept oct nov dec`);

/** The days of the week: the lexicon's one list. */
export { WEEKDAYS } from '../knowledge/lexicon/grammar.ts';

/** Number words and the scales that follow a figure. */
export const NUMBER_WORDS = words(`one two three four five six seven eight nine ten eleven twelve thirteen
  fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
  hundred thousand million billion trillion dozen dozens hundreds thousands millions billions half several`);

/** The question words, and the articles a phrase is read past. */
export const WH_WORDS = words(`what which who whom whose when where why how`);
export const ARTICLE_WORDS = words(`a an the`);

/** Ordinal words: a figure too ("the first director", "the second year"). */
export const ORDINAL_WORDS = words(`first second third fourth fifth sixth seventh eighth ninth tenth eleventh
  twelfth twentieth hundredth last`);

export const SCALE_WORDS = words(`hundred thousand million billion trillion`);

export const CURRENCY_WORDS = words(`dollar dollars euro euros pound pounds yen yuan rupee rupees franc francs
  usd eur gbp cents pence`);

export const DURATION_UNITS = words(`second seconds minute minutes hour hours day days week weeks month months
  year years decade decades century centuries`);

export const PERCENT_WORDS = words(`percent per cent percentage`);

/** Words that introduce a reason or a manner in a sentence. */
export const REASON_CUES = words(`because due since owing result reason caused cause led so order`);
export const MANNER_CUES = words(`by through using via with`);

/** Negation in a question or a sentence. */
export const NEGATIONS = words(`not no never none nothing neither nor without cannot`);

/**
 * Nouns that name anyone or anything of a kind without saying which ("the man", "people"): a
 * member's question refers back with them to whoever the story names ("the man" for "a
 * customer"), so one standing where the sentence has another noun is no swap.
 */
export const GENERIC_NOUNS = words(`man men woman women person persons people someone somebody anyone
individual individuals guy guys lady ladies folk folks thing things`);

/** Prefixes that turn a word into its opposite ("unofficial", "inexperienced", "disagree"). */
export const NEGATING_PREFIXES = words(`un in im il ir non dis`);

/** Comparatives and superlatives that change what a question asks. */
export const COMPARATIVE_WORDS =
  words(`more less fewer greater smaller larger bigger higher lower earlier later
  than rather instead`);
export const SUPERLATIVE_WORDS = words(`most least first last largest biggest smallest highest lowest best
  worst oldest newest earliest latest longest shortest greatest only main primary`);

/** Words that may sit inside a capitalised name ("Bank of England", "Leonardo da Vinci"). */
export const NAME_JOINERS = words(`of the de da di del von van la le and for`);

/** Sentence-initial words that are capitalised but are not names. */
export const NOT_NAMES = words(`The A An In On At By For From With This That These Those It Its He She They
  We I You His Her Their Our After Before During When While Although However Since As If But And Or So
  There Here Some Many Most Other Such Each Every All Both One Two Three Which Who What Where Why How Also
  Then Today Yesterday Mr Mrs Ms Dr`);

/**
 * Words that open a question as a preposition or an adverb ("Along with …", "Prior to …",
 * "Generally speaking, …"): capitalised there, never a name. With the lexicon's prepositions and
 * the stopwords, and any word in -ly.
 */
export const OPENING_WORDS = words(`along besides apart aside according prior following unlike regarding
  concerning around beyond throughout until amid amidst excluding considering except instead once beside
  behind near outside inside alongside compared following next unlike whereas aside`);

/** Conjunctions that open a clause: a short answer does not start or end on one ("because …"). */
export const CLAUSE_OPENERS = words(`because although though whereas while unless whether however therefore
  thus hence whereby until`);

/**
 * How members type in chat, read as the words they stand for: apostrophes left out ("whats",
 * "didnt"), and the short forms of news nouns ("ppl", "govt", "ceo"). Data only.
 */
export const CHAT_FORMS: ReadonlyMap<string, string> = new Map(
  `whats:what is|whos:who is|wheres:where is|whens:when is|hows:how is|whys:why is|wat:what|wot:what
  didnt:did not|doesnt:does not|dont:do not|isnt:is not|wasnt:was not|werent:were not|arent:are not
  wont:will not|cant:cannot|hasnt:has not|havent:have not|hadnt:had not|couldnt:could not
  wouldnt:would not|shouldnt:should not|ppl:people|govt:government|gov:government|ceo:chief executive
  yr:year|yrs:years|approx:about|dept:department|uni:university|mgr:manager`
    .split(/[|\s]+(?=[a-z]+:)/)
    .map((pair) => pair.trim().split(':') as [string, string]),
);

/** Currency signs: a question that carries one asks for a sum ("how much $ did it raise"). */
export const CURRENCY_SIGNS = /[$£€¥]/;

/** Words that follow a wh-word as an auxiliary ("what was", "what did"): the noun comes later. */
export const BE_AUXILIARIES = words(`is was are were be been`);
export const DO_AUXILIARIES = words(
  `do does did will would can could should shall may might must has have had`,
);

/** Words before the noun of a phrase: skipped when reading the noun a question asks about. */
export const DETERMINERS = words(`the a an this that these those his her its their our my your some any other
  more extra`);
