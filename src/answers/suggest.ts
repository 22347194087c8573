import type { Choice } from '../command.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Entity, Quote } from '../knowledge/types.ts';
import { articleDate } from '../render/citation.ts';
import { matchForm } from '../text/match.ts';

/** Discord's limits for autocomplete: at most 25 choices, names and values 1–100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** Shortens on a word boundary and marks the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** A valid choice, or null when the text has nothing to show. */
export function choice(name: string, value: string): Choice | null {
  const n = clip(name, MAX_CHOICE_LENGTH);
  const v = clip(value, MAX_CHOICE_LENGTH);
  return n.length > 0 && v.length > 0 ? { name: n, value: v } : null;
}

function unique(choices: (Choice | null)[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of choices) {
    if (!c || seen.has(c.value)) continue;
    seen.add(c.value);
    out.push(c);
    if (out.length >= MAX_CHOICES) break;
  }
  return out;
}

/** Article ids and titles matching what is typed (all, newest first, when nothing is typed). */
export function suggestArticles(kb: KnowledgeBase, typed: string): Choice[] {
  const q = typed.trim().toLowerCase();
  const list = [...kb.articles].sort((a, b) => (articleDate(b) ?? '').localeCompare(articleDate(a) ?? ''));
  const matching =
    q === ''
      ? list
      : list.filter((a) => a.id.toLowerCase().includes(q) || a.meta.title.toLowerCase().includes(q));
  if (matching.length === 0 && q !== '') {
    // Nothing contains the typed text: offer what the fuzzy resolver would have suggested.
    const found = kb.resolveArticle(q);
    const ids = found.ok ? [found.article.id] : found.suggestions;
    matching.push(...ids.map((id) => kb.article(id)).filter((a) => a !== undefined));
  }
  return unique(matching.map((a) => choice(`${a.meta.title} (${a.id})`, a.id)));
}

/**
 * Quotes for what is typed so far, best first: fuzzy word matches (the last word may be
 * unfinished), else quotes that begin with the typed text ("We’ll d" has no content word yet),
 * else the first quotes when nothing is typed. Stops early: this runs on every keystroke.
 */
export function matchingQuotes(kb: KnowledgeBase, typed: string, article?: string): Quote[] {
  const q = typed.trim();
  if (q !== '') {
    const hits = kb.searchQuotes(q, {
      limit: MAX_CHOICES,
      prefix: true,
      fuzzyFallback: false,
      ...(article !== undefined ? { article } : {}),
    });
    if (hits.length === 0) return kb.quotesStartingWith(q, MAX_CHOICES, article);
    // Someone typing the opening of a quote expects it first, ahead of quotes that merely share
    // the words somewhere.
    const typedForm = matchForm(q);
    const starts = (index: number): boolean => kb.quoteMatchForm(index).startsWith(typedForm);
    return [...hits.filter((h) => starts(h.index)), ...hits.filter((h) => !starts(h.index))].map(
      (h) => h.item,
    );
  }
  const out: Quote[] = [];
  for (const k of kb.knowledge) {
    if (article !== undefined && k.article.id !== article) continue;
    for (const quote of k.quotes) {
      out.push(quote);
      if (out.length >= MAX_CHOICES) return out;
    }
  }
  return out;
}

/** Quotes matching the words typed so far, as `“opening…” — Speaker`; the value is the quote text. */
export function suggestQuotes(kb: KnowledgeBase, typed: string, article?: string): Choice[] {
  const label = (text: string, speaker: string | null): string =>
    `“${clip(text, 70)}” — ${speaker ?? 'unattributed'}`;
  return unique(
    matchingQuotes(kb, typed, article).map((quote) => choice(label(quote.text, quote.speaker), quote.text)),
  );
}

/** People and organisations matching the typed name; with `speakersOnly`, only those quoted. */
export function suggestNames(
  kb: KnowledgeBase,
  typed: string,
  options: { speakersOnly?: boolean; article?: string } = {},
): Choice[] {
  const q = typed.trim();
  const keep = (e: Entity): boolean =>
    (!options.speakersOnly || kb.speakerIds.has(e.id)) &&
    (options.article === undefined || e.article === options.article);
  const toChoice = (e: Entity): Choice | null =>
    choice(e.roles[0] ? `${e.name} — ${e.roles[0].text}` : e.name, e.name);
  if (q === '') {
    // Nothing typed: the first names, without walking every entity of a large archive.
    const choices: (Choice | null)[] = [];
    const seen = new Set<string>();
    for (const k of kb.knowledge) {
      for (const e of k.entities) {
        if (!keep(e) || seen.has(e.name)) continue;
        seen.add(e.name);
        choices.push(toChoice(e));
        if (choices.length >= MAX_CHOICES) return unique(choices);
      }
    }
    return unique(choices);
  }
  const entities = kb
    .searchEntities(q, { limit: 100, prefix: true, fuzzyFallback: false })
    .map((h) => h.item)
    .filter(keep);
  // The same person in several articles is one choice: the value is the name itself.
  return unique(entities.map(toChoice));
}
