import { STOPWORDS, matchForm } from '../text/match.ts';

/**
 * Limits in front of autocomplete, which Discord sends on every keystroke and no cooldown
 * covers: without them one member typing (or a script sending) long stop-word text several
 * times a second keeps the event loop busy with fuzzy matching and leaves everyone else waiting.
 * - the typed text is cut to {@link MAX_PATTERN} characters (nobody types more to pick a title);
 * - text of stop words only ("a a a …", "the of") suggests nothing, at no cost;
 * - each user gets at most `perUser` suggestion runs per `windowMs`; past that the interaction is
 *   still answered, with no choices, until the window moves on.
 */

/** Longest typed text matched: a title or a name is picked long before this. */
export const MAX_PATTERN = 32;

export interface AutocompleteGuardOptions {
  /** Suggestion runs allowed per user per window. Default 8. */
  perUser?: number;
  /** Window length. Default 2000 ms. */
  windowMs?: number;
  now?: () => number;
}

export type GuardVerdict = { ok: true; text: string } | { ok: false; reason: 'stop-words' | 'flood' };

export interface AutocompleteGuard {
  /** Whether to compute suggestions for `text` typed by `userId`, and the text to use. */
  check(userId: string, text: string): GuardVerdict;
  /** Forgets users whose window has passed (call now and then). */
  sweep(): void;
}

/** True when the text has words and every one is a stop word. */
export function onlyStopWords(text: string): boolean {
  const words = matchForm(text)
    .split(' ')
    .filter((w) => w !== '');
  return words.length > 1 && words.every((w) => STOPWORDS.has(w));
}

export function createAutocompleteGuard(options: AutocompleteGuardOptions = {}): AutocompleteGuard {
  const perUser = options.perUser ?? 8;
  const windowMs = options.windowMs ?? 2000;
  const now = options.now ?? Date.now;
  const runs = new Map<string, number[]>();
  let checks = 0;
  const sweep = (): void => {
    const t = now();
    for (const [user, list] of runs) if (list.every((at) => t - at >= windowMs)) runs.delete(user);
  };
  return {
    check: (userId, typed) => {
      // Forgotten users are dropped as it goes: the map holds only recent typists.
      if (++checks % 1000 === 0) sweep();
      const text = typed.slice(0, MAX_PATTERN);
      if (onlyStopWords(text)) return { ok: false, reason: 'stop-words' };
      const t = now();
      const recent = (runs.get(userId) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= perUser) {
        runs.set(userId, recent);
        return { ok: false, reason: 'flood' };
      }
      recent.push(t);
      runs.set(userId, recent);
      return { ok: true, text };
    },
    sweep,
  };
}
