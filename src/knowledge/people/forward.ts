/**
 * Descriptions that meet their name later, and descriptions that must not merge: news writing
 * brings a speaker in as "a spokeswoman for the festival" and names her a sentence or a
 * paragraph on ("The spokeswoman, Jo-Ann Price, said …"); two descriptions with the same head
 * but different modifiers ("the home coach", "the visiting coach") are two people.
 */
import { DESCRIPTION_DETERMINERS } from '../lexicon/people.ts';
import { roleHead, roleWords } from './roles.ts';
import type { DescribedPhrase } from './described.ts';
import { orderOf } from './scan.ts';

/** Words of a description that say which one it is (determiners and connectors dropped). */
const FUNCTION_WORDS = new Set([
  ...DESCRIPTION_DETERMINERS,
  'for',
  'of',
  'at',
  'from',
  'with',
  'in',
  'his',
  'her',
  'their',
]);

/** Memo of content words per text (role texts repeat across lookups), bounded. */
const MEMO_LIMIT = 20_000;
const memo = new Map<string, ReadonlySet<string>>();

/** A description's or a role's content words, lowercase ("spokeswoman", "festival"). */
export function contentWords(text: string): ReadonlySet<string> {
  const hit = memo.get(text);
  if (hit) return hit;
  const words = new Set(
    roleWords(text)
      .map((w) => w.replace(/[’']s$/, ''))
      .filter((w) => w !== '' && !FUNCTION_WORDS.has(w)),
  );
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(text, words);
  return words;
}

/** Whether every word of `a` is in `b`. */
function within(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const w of a) if (!b.has(w)) return false;
  return true;
}

/**
 * Whether a later description may refer to the same speaker as an earlier one with the same
 * head: the words of one hold the other's ("the spokeswoman" after "a spokeswoman for the
 * festival"), never two different modifiers ("the Sava coach" after "the home coach").
 */
export function compatibleDescriptions(earlier: ReadonlySet<string>, later: ReadonlySet<string>): boolean {
  return within(later, earlier) || within(earlier, later);
}

/** A person as the forward link reads them. */
interface Named {
  kind: string;
  firstOrder: number;
  roles: readonly { text: string; citation: { paragraph: number } }[];
}

/**
 * "A spokeswoman for the festival said … ¶ The spokeswoman, Jo-Ann Price, said": the one person
 * first named after the description, in its paragraph or the next, with a definite role ("the
 * spokeswoman") of the same head whose words the description holds. Null when none or several.
 *
 * @param ph - a person description that found no referent before it
 * @param paragraph - its paragraph
 * @param order - its position (see orderOf)
 * @param people - the article's people
 */
export function namedLater<T extends Named>(
  ph: DescribedPhrase,
  paragraph: number,
  order: number,
  people: readonly T[],
): T | null {
  if (ph.body || ph.plural || ph.kin || ph.document || ph.possessive) return null;
  const words = contentWords(ph.text);
  let found: T | null = null;
  for (const p of people) {
    if (p.kind !== 'person' || p.firstOrder <= order) continue;
    const fits = p.roles.some((r) => {
      const at = r.citation.paragraph;
      if (at < paragraph || at > paragraph + 1 || !/^the\s/i.test(r.text)) return false;
      return roleHead(r.text) === ph.head && within(contentWords(r.text), words);
    });
    if (!fits) continue;
    if (found) return null;
    found = p;
  }
  return found;
}

/** An age role as the people side records it ("46-year-old"). */
const AGE_ROLE = /^\d{1,3}-year-old$/;

/**
 * A delayed identification: "A former warehouse manager accused of … testified …" opens a
 * paragraph, and the next paragraph opens with the person's full name and age ("Gregory Vance,
 * 46, is charged …"). The description is that person; null when the next paragraph does not
 * open so.
 *
 * @param ph - an indefinite person description that found no referent before it
 * @param paragraph - its paragraph
 * @param people - the article's people
 */
export function identifiedNext<T extends Named>(
  ph: DescribedPhrase,
  paragraph: number,
  people: readonly T[],
): T | null {
  if (ph.definite || ph.body || ph.plural || ph.kin || ph.document || ph.possessive || ph.owned) return null;
  if (ph.start !== 0 || !/^an?\s/i.test(ph.text)) return null;
  const opening = orderOf(paragraph + 1, 0);
  const hits = people.filter(
    (p) =>
      p.kind === 'person' &&
      p.firstOrder === opening &&
      p.roles.some((r) => r.citation.paragraph === paragraph + 1 && AGE_ROLE.test(r.text)),
  );
  return hits.length === 1 ? (hits[0] as T) : null;
}
