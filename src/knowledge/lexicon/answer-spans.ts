/**
 * Word lists the short-answer spans read (data only; the rules are in `src/reader/spans.ts` and
 * `span-features.ts`).
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Marks of a clock time after its figure: "7:40 a.m.", "9 pm". */
export const CLOCK_MARKS = words(`a.m. p.m. am pm a.m p.m gmt bst utc`);
/** Times of day written as a word: "at noon". */
export const CLOCK_WORDS = words(`noon midday midnight`);

/** Words before a figure that hedge or bound it, kept with it: "about two kilometres", "more than 40". */
export const APPROXIMATORS = words(`about around nearly almost roughly some approximately over under only just
  barely`);
/** Two-word bounds before a figure: "more than", "at least", "up to". */
export const BOUNDS = words(`more+than less+than fewer+than at+least at+most up+to as+many+as as+much+as
  no+more+than just+over just+under well+over`);

/** Words joining the two ends of a range of figures: "10% to 15%", "10,000–11,000", "two or three". */
export const RANGE_JOINERS = words(`to – - — or`);
/**
 * Before two figures joined by "and", read as one answer: "between £2,800 and £6,100", and the
 * ages of several people, "aged 19 and 23".
 */
export const RANGE_OPENERS = words(`between aged`);

/** Words after which a clause gives a reason: "because the river had silted up", "due to a fault". */
export const REASON_OPENERS = words(`because because+of due+to owing+to thanks+to as+a+result+of`);

/** Counts written as one word: "fined twice". */
export const COUNT_ADVERBS = words(`once twice thrice`);

/**
 * Nouns that end the name of a body, so that a name or plain phrase ending in one is an
 * organisation: "the Maritime Accident Board", "the national research council".
 */
export const ORGANISATION_HEADS = words(`university company party council association institute church
  bank corporation inc inc. ltd group agency ministry army society college school league union committee
  foundation academy museum club records studio studios board commission court tribunal authority
  department service government assembly parliament senate congress federation trust institution
  coalition alliance organisation organization office bureau police navy force forces administration
  cabinet panel conference firm network orchestra`);

/**
 * Verbs of wanting and pressing for something: the clause after them (or after their "for") is
 * what someone wants: "push for the plant to be sold", "called for an inquiry", "wants the road
 * reopened". Matched on their stems.
 */
export const WISH_VERBS = words(`want wants wanted wanting push pushed pushing pushes call called calling
  calls urge urged urging urges demand demanded demanding demands seek seeks sought seeking press pressed
  pressing campaign campaigned campaigning lobby lobbied lobbying ask asked asking asks hope hoped hopes
  hoping plan plans planned planning aim aims aimed aiming propose proposed proposes proposing wish
  wished wishes intend intends intended`);

/** Question words that ask what someone wants or aims at: "what does the union want". */
export const WISH_QUESTION_WORDS = words(`want wish demand seek push call urge hope plan aim propose ask
  intend goal aim purpose`);

/** Auxiliaries after a question word that leave the object to be asked: "what did the ship hit". */
export const OBJECT_AUXILIARIES = words(`do does did will would can could should shall may might must has have
  had`);

/** Nouns that follow a bare "to" as a place, not a verb: "taken to hospital", "back to work". */
export const BARE_DESTINATIONS = words(`school church work court hospital prison jail bed market sea town
  university college office power court lunch dinner breakfast war trial mind date`);

/** Adverb particles of phrasal verbs: "had silted up", "broke down", "was called off". */
export const PARTICLES = words(`up down out off away back`);

/**
 * Prepositions of several words, as "+"-joined words: "in response to", "ahead of". A span does
 * not end inside one ("the port in response" of "the port in response to the storm").
 */
export const COMPLEX_PREPOSITIONS = words(`in+response+to in+reply+to in+addition+to in+front+of in+spite+of
  in+favour+of in+favor+of in+support+of in+protest+at in+protest+against in+return+for in+charge+of
  in+place+of in+case+of in+search+of in+view+of in+light+of in+line+with in+contrast+to
  on+behalf+of on+top+of as+part+of by+means+of by+way+of with+regard+to with+respect+to
  in+the+wake+of in+the+event+of at+the+request+of for+the+sake+of ahead+of instead+of
  because+of regardless+of prior+to according+to due+to thanks+to owing+to`);
