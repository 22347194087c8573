/**
 * How news questions put what articles say in other words: the roles people hold asked as verbs
 * ("who runs the firm" / "the firm's chief executive"), and everyday phrasal verbs for the
 * reporter's single verb ("set off" / "left", "got stuck" / "ran aground", "turn up" / "found").
 * Data only; `reader/paraphrase.ts` reads it.
 *
 * Each group is `|`-separated. Its first member, a single word, is the group's key: a phrase of
 * the group met in a question stands for it. Its single words count as the key's synonyms (and as
 * each other's). A phrase is written in base forms ("get stuck" meets "got stuck", "getting
 * stuck"); a leading "who" keeps a phrase to questions about a person ("who runs" but not "how
 * many runs").
 */
export const PARAPHRASE_GROUPS: readonly string[] = [
  // Roles: who heads an organisation, asked as what they do.
  'head|chief|director|boss|executive|chairman|chairwoman|chair|leader|manager|president|principal|commander|governor|who run|who lead|who head|who manage|in charge|at the helm|who oversee',
  'spokesman|spokeswoman|spokesperson|who speak for|speak on behalf|on behalf',
  'owner|proprietor|who own',
  'founder|who found|who set up|who start',
  'employ|hire|recruit|take on|sign up',
  // Phrasal verbs of news events, to the reporter's verb.
  'leave|depart|set off|set out|head off|pull out|sail from|set sail',
  'aground|stranded|stuck|get stuck|run aground|beached|grounded',
  'arrive|reach|get to|turn up at|show up',
  'find|discover|uncover|turn up|come across|found out|find out|spot',
  'start|begin|launch|kick off|get under way|get going',
  'cancel|scrap|axe|call off|scrub|abandon',
  'postpone|delay|put off|push back|reschedule',
  'close|shut|closure|shut down|close down|wind down',
  'resign|quit|step down|stand down|step aside',
  'increase|raise|rise|go up|put up|hike',
  'reduce|cut|lower|go down|bring down|cut back',
  'pay|fund|finance|foot the bill|pick up the bill|pay for|cover the cost',
  'arrest|detain|nab|catch|round up',
  'police|officer|detective|constable|cop|cops',
  'alert|warn|notify|tip off',
  'investigate|inquiry|probe|look into|look at|examine|review',
  'search|hunt|look for|hunt for|comb|scour',
  'blackout|outage|power cut|black out|lose power|without power',
  'display|exhibit|exhibition|on show|on display|go on show|go on display',
  'tolerate|endure|suffer|put up with|live with',
  'attend|turnout|turn out|show up|come out',
  'hit|strike|struck|collide|crash into|run into|smash into',
  'rescue|save|rescuer|lifeboat|bring ashore',
  'escape|flee|break out|get out|get away|break free',
  'steal|stolen|theft|thief|nick|make off with|burglary',
  'worth|value|valued|price|cost',
  'complain|complaint|object|objection|protest|oppose|opponent|speak out',
  'apologise|apologize|apology|sorry|say sorry',
  'donate|charity|good cause|give to',
];

/**
 * The forms of the light verbs phrases are built on (stop words, so the irregular-verb list leaves
 * them out): "got stuck" is "get stuck". First word of each group is the base.
 */
export const LIGHT_VERB_FORMS: readonly string[] = [
  'get gets got gotten getting',
  'take takes took taken taking',
  'make makes made making',
  'go goes went gone going',
  'give gives gave given giving',
  'come comes came coming',
  'put puts putting',
  'set sets setting',
  'run runs ran running',
];

/** Words a phrase may skip between its own: auxiliaries ("who is running", "has been stuck"). */
export const PHRASE_SKIPPABLE: ReadonlySet<string> = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'did',
  'does',
  'currently',
  'now',
]);
