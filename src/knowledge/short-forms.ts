/**
 * One organisation named in a long and a short form ("Federal Reserve" / "Fed", "Labour Party" /
 * "Labour", "National Crime Agency" / "NCA"): the short form becomes an alias of the long one,
 * so /who lists one entity with every mention.
 */
import type { EntityKind } from './types.ts';

/** What merging needs of an entity draft. */
export interface NamedDraft {
  kind: EntityKind;
  name: string;
  aliases: Set<string>;
}

const NOT_INITIAL = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'a', '&']);
const ORGANISED: ReadonlySet<EntityKind> = new Set(['organization', 'group']);

/** The initials of a name's significant words ("National Crime Agency" -> "NCA"). */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !NOT_INITIAL.has(w.toLowerCase()))
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * The long form a short name abbreviates, when exactly one organisation fits: an acronym of its
 * initials, its first word alone, or a clipping of its first word of three letters or more.
 *
 * @param short - the short draft (one word)
 * @param longs - multi-word organisation drafts
 */
export function longFormOf<D extends NamedDraft>(short: D, longs: readonly D[]): D | null {
  const s = short.name.replace(/\.$/, '');
  if (/\s/.test(s) || s.length < 2) return null;
  const lower = s.toLowerCase();
  const acronym = /^\p{Lu}{2,6}$/u.test(s);
  const fits = longs.filter((l) => {
    if (l === short || !/\s/.test(l.name)) return false;
    if (acronym && initialsOf(l.name) === s) return true;
    const first = (l.name.split(/\s+/)[0] ?? '').toLowerCase();
    if (first === 'the') return false;
    return first === lower || (!acronym && lower.length >= 3 && first.startsWith(lower) && first !== lower);
  });
  return fits.length === 1 ? (fits[0] as D) : null;
}

/**
 * Finds, for each one-word organisation or group, the long form it abbreviates.
 *
 * @param drafts - every entity draft of the article
 * @returns short draft -> long draft
 */
export function shortFormMerges<D extends NamedDraft>(drafts: readonly D[]): Map<D, D> {
  const longs = drafts.filter((d) => ORGANISED.has(d.kind) && /\s/.test(d.name));
  const out = new Map<D, D>();
  if (longs.length === 0) return out;
  for (const d of drafts) {
    if (!ORGANISED.has(d.kind) && d.kind !== 'country') continue;
    if (/\s/.test(d.name)) continue;
    const long = longFormOf(d, longs);
    if (long) out.set(d, long);
  }
  return out;
}

/** What merging two namings of one person needs. */
export interface PersonDraft {
  kind: EntityKind;
  nameTokens: string[];
  firstOrder: number;
}

/**
 * One person named with and without a middle name ("Robert Mugabe" / "Robert Gabriel Mugabe",
 * "Ana Ruiz" / "Ana M. Ruiz"): same first and last word, the longer adds words in between. The
 * naming introduced later becomes an alias of the earlier one, so a lone surname is not split
 * between two "people".
 *
 * @param drafts - every entity draft of the article
 * @returns later draft -> earlier draft
 */
export function middleNameMerges<D extends PersonDraft>(drafts: readonly D[]): Map<D, D> {
  const out = new Map<D, D>();
  const byEnds = new Map<string, D[]>();
  for (const d of drafts) {
    if (d.kind !== 'person' || d.nameTokens.length < 2) continue;
    const key = `${d.nameTokens[0]} ${d.nameTokens[d.nameTokens.length - 1]}`;
    const list = byEnds.get(key) ?? [];
    list.push(d);
    byEnds.set(key, list);
  }
  for (const list of byEnds.values()) {
    if (list.length < 2 || !list.some((d) => d.nameTokens.length === 2)) continue;
    if (list.some((d) => d.nameTokens.length > 4)) continue;
    const keep = list.reduce((a, b) => (b.firstOrder < a.firstOrder ? b : a));
    for (const d of list) if (d !== keep) out.set(d, keep);
  }
  return out;
}
