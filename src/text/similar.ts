/**
 * Small string-similarity helpers for "did you mean" suggestions over short lists (command names,
 * option names, article ids). Searching article content goes through the knowledge base instead.
 */

/**
 * Edit distance counting an insertion, deletion, substitution or swap of two neighbouring letters
 * as one edit (optimal string alignment): "exepct" is one typo from "expect", as a reader sees
 * it. O(a·b) time, three rows of memory; inputs here are words and short names.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      curr[j] = d;
    }
    [before, prev, curr] = [prev, curr, before];
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidates closest to `word` (at most `limit`), best first: prefix matches, then those
 * within an edit distance of about a third of the word's length.
 */
export function closest(word: string, candidates: readonly string[], limit = 3): string[] {
  const w = word.toLowerCase().slice(0, 64);
  if (w === '') return [];
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === w) continue;
    const d =
      lc.startsWith(w) || w.startsWith(lc) ? 0.5 : lc.includes(w) ? 1 : editDistance(w, lc.slice(0, 64));
    if (d <= Math.max(1, Math.ceil(w.length / 3))) scored.push({ c, d });
  }
  return scored
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map((s) => s.c);
}
