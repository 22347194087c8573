/**
 * The parsed form of one article. Everything downstream (knowledge extraction, search, answers,
 * renderers) reads articles only through these types, so they are plain serialisable data.
 */

/** Where a passage lives: article id, 1-based body paragraph, optional 1-based sentence. */
export interface Citation {
  article: string;
  paragraph: number;
  sentence?: number;
}

export interface Sentence {
  /** 1-based index within its paragraph. */
  index: number;
  /** 1-based body paragraph number. */
  paragraph: number;
  /** Display text (curly quotes kept), exactly `paragraph.text.slice(start, end)`. */
  text: string;
  /** Character offsets within the paragraph's display text. */
  start: number;
  end: number;
}

/**
 * What a paragraph was in its source: `blockquote` a quoted passage, `code` a code block kept as
 * text, `table-row` one row of a table (Markdown: "Header: value; ..."; HTML: cells joined by "; ").
 */
export type ParagraphKind = 'text' | 'heading' | 'list-item' | 'blockquote' | 'code' | 'table-row';

export interface Paragraph {
  /** 1-based body paragraph number (the `¶N` of citations). */
  number: number;
  kind: ParagraphKind;
  /** Display text: link markup reduced to its text, whitespace normalised, curly quotes kept. */
  text: string;
  sentences: Sentence[];
}

export interface Publication {
  name: string;
  /** ISO date (YYYY-MM-DD) when known. */
  date?: string;
}

export type ArticleFormat = 'scraped' | 'markdown' | 'plain' | 'html';

export interface ArticleMeta {
  title: string;
  /** Subtitle / description under the title. */
  standfirst?: string;
  authors: string[];
  /** Where this copy was published (the republisher for a republished piece). */
  outlet?: string;
  /** ISO date of this copy. */
  date?: string;
  /** The first publication when this copy is a republication (the seed: Antiwar.com, 2021-07-08). */
  originalPublisher?: Publication;
  /** Set when the article is a republication: who republished it and when. */
  republisher?: Publication;
  /** ISO date of first publication: the original publisher's date, else the copy's date. */
  published?: string;
  regions: string[];
  themes: string[];
  reports: string[];
  url?: string;
  /** The page's own `<link rel=canonical>` / `og:url` address (HTML), for spotting duplicates. */
  canonicalUrl?: string;
  /** Language of the text as the page declares it (`en`, `fr-CA`). */
  language?: string;
  format: ArticleFormat;
}

export interface Article {
  /** The file's base name without extension. */
  id: string;
  /** The file name the article came from (for messages). */
  file: string;
  meta: ArticleMeta;
  paragraphs: Paragraph[];
}

/** A file that could not be loaded, named with the reason. */
export interface LoadProblem {
  file: string;
  reason: string;
}

/**
 * Why a page is refused as not being an article (HTML): no article content found, too little
 * text, a paywall stub, or mostly links (an index page).
 */
export type NotArticle = 'no-article' | 'too-short' | 'paywall' | 'link-list';

export type ParseResult =
  { ok: true; article: Article } | { ok: false; reason: string; notArticle?: NotArticle };
