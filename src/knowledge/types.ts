import type { Article, Citation } from '../article/types.ts';

/**
 * What the bot knows about one article. Plain serialisable data (it is cached on disk), built by
 * `extractKnowledge(article)`; every item carries the citation a reader can check.
 */

/** A passage location plus character offsets inside the paragraph's display text. */
export interface Span {
  citation: Citation & { sentence: number };
  start: number;
  end: number;
}

export type EntityKind = 'person' | 'organization' | 'country' | 'group';

export interface Role {
  /** The role as the article words it: "Russian Foreign Minister", "the Tajik representative to the CSTO". */
  text: string;
  citation: Citation;
}

export interface Entity {
  /** Stable within the article: `${article}#${slug}`. */
  id: string;
  article: string;
  kind: EntityKind;
  /** The fullest name the article gives ("Sergei Lavrov", "Collective Security Treaty Organization"). */
  name: string;
  /** What a reader may type: surname, acronym, expansion, title + surname ... (name excluded). */
  aliases: string[];
  roles: Role[];
  /** Every place the article names it (by name, alias or resolved reference). */
  mentions: Span[];
}

/** Which rule attributed a quote (tests and debugging read it; answers may show it). */
export type AttributionRule =
  | 'trailing'
  | 'inverted'
  | 'leading'
  | 'according-to'
  | 'same-sentence'
  | 'previous-sentence'
  | 'continuation'
  | 'split'
  | 'previous-quote'
  | 'colon'
  | 'framed';

export interface Quote {
  id: string;
  article: string;
  /** The words inside the quotation marks (display form), joined across paragraphs if needed. */
  text: string;
  /** The quote as printed, marks included (“We’ll do everything … allies,”). */
  display: string;
  /** Full name of the speaker as the article gives it, or null when no safe attribution exists. */
  speaker: string | null;
  speakerId: string | null;
  rule: AttributionRule | null;
  /** The speech verb that attributed it ("said", "described", ...). */
  verb: string | null;
  /** A partial quote inside narration (Lavrov described the exit as a “hasty withdrawal.”). */
  partial: boolean;
  /** Where the quotation starts; a multi-paragraph quote also lists the other paragraphs. */
  span: Span;
  paragraphs: number[];
  /**
   * How sure the attribution is (0 to 1); below the extractor's threshold `speaker` is null.
   * Absent on quotes read back from caches written before it existed.
   */
  confidence?: number;
}

/** Reported speech: "Russia said it is prepared to activate ...". */
export interface Claim {
  id: string;
  article: string;
  speaker: string;
  speakerId: string | null;
  verb: string;
  /** The reported clause ("it is prepared to activate a military base in Tajikistan ..."). */
  clause: string;
  /** The whole sentence, for display. */
  sentence: string;
  span: Span;
}

export type FactKind = 'count' | 'money' | 'percent' | 'date' | 'duration' | 'ordinal' | 'number';

export interface Fact {
  id: string;
  article: string;
  kind: FactKind;
  /** The phrase as printed ("over 1,000 Afghan soldiers", "almost 20 years", "on Wednesday"). */
  text: string;
  /** Numeric value when there is one (1000, 20000, 20). */
  value?: number;
  /** "over", "almost", "about", ... */
  qualifier?: string;
  /** What the number counts ("Afghan soldiers", "reservists", "years"). */
  counts?: string;
  /** ISO date (or YYYY-MM / YYYY) for dates, resolved against the publication date. */
  iso?: string;
  /** The sentence the fact stands in (display). */
  sentence: string;
  span: Span;
}

export interface ArticleKnowledge {
  article: Article;
  entities: Entity[];
  quotes: Quote[];
  claims: Claim[];
  facts: Fact[];
}
