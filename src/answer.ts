import type { Citation } from './article/types.ts';

/**
 * The platform-neutral answer every command returns. Front ends render it: the console as text or
 * one JSON line, Discord as embeds. Nothing here knows about Discord.
 */

export type ResultKind =
  | 'quote'
  | 'claim'
  | 'narration'
  | 'passage'
  | 'fact'
  | 'entity'
  | 'article'
  | 'summary'
  | 'check'
  | 'command';

/** A labelled value shown beside a result (role, date, outlet ...). */
export interface Field {
  name: string;
  value: string;
}

export interface Result {
  kind: ResultKind;
  /** The main text: the quote, passage, fact sentence, article title ... */
  text: string;
  /** Who said it, for quotes and claims: the full name as the article gives it (null = unattributed). */
  speaker?: string | null;
  role?: string;
  /** Short heading for list-like results (article title, command name, person name). */
  title?: string;
  citation?: Citation;
  /** Confidence in 0..1 (1 = certain). */
  score?: number;
  /** Character range of `text` to emphasise (the answering sentence, the matched words). */
  highlight?: { start: number; end: number };
  fields?: Field[];
  url?: string;
  /** /ask: the short answer stated first ("20,000 reservists"); absent when only a passage answers. */
  answer?: string;
  /** /check-quote: how the posted text compares with the article's words. */
  verdict?: 'verbatim' | 'altered' | 'paraphrase' | 'meaning-changed' | 'absent';
}

export interface OkAnswer {
  command: string;
  ok: true;
  /** Best first. Empty when the articles do not answer; `message` then says so. */
  results: Result[];
  message?: string;
  /** Close alternatives the user may have meant (names, article ids, quote openings). */
  suggestions?: string[];
}

export interface ErrorAnswer {
  command: string;
  ok: false;
  /** Bad input: what was wrong and how to fix it. */
  error: string;
  suggestions?: string[];
}

export type Answer = OkAnswer | ErrorAnswer;

export const ok = (
  command: string,
  results: Result[],
  extra: { message?: string; suggestions?: string[] } = {},
): OkAnswer => ({
  command,
  ok: true,
  results,
  ...extra,
});

export const fail = (command: string, error: string, suggestions?: string[]): ErrorAnswer =>
  suggestions && suggestions.length > 0
    ? { command, ok: false, error, suggestions }
    : { command, ok: false, error };
