/** Personal names in bylines: how a name looks and how author lists split. */

/** Lowercase name particles allowed inside a personal name ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'du',
  'dos',
  'das',
  'del',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'ter',
  'y',
  'e',
]);

export function looksLikeName(s: string): boolean {
  const words = s.split(' ').filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 6) return false;
  const first = words[0] as string;
  if (!/^\p{Lu}/u.test(first)) return false;
  return words.every((w) => /^[\p{Lu}@]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()));
}

/** Splits an author list: "A and B", "A, B and C", "A & B". */
export function splitAuthors(s: string): string[] {
  return s
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}
