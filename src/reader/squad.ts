/**
 * SQuAD's short-answer scoring, as `qa-bench/score.py` does it: NFKC, lower case, punctuation
 * dropped, articles dropped, whitespace collapsed; exact match and token F1, best over the golds.
 */

const PUNCTUATION = /[\p{P}!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/gu;

export function squadNormalize(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(PUNCTUATION, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/** Exact match and token F1 of a predicted answer, each the best over the gold answers. */
export function squadScore(
  predicted: string | undefined,
  golds: readonly string[],
): { em: number; f1: number } {
  if (!predicted) return { em: 0, f1: 0 };
  const p = squadNormalize(predicted).split(' ').filter(Boolean);
  let em = 0;
  let f1 = 0;
  for (const g of golds) {
    const gt = squadNormalize(g).split(' ').filter(Boolean);
    if (p.join(' ') === gt.join(' ')) em = 1;
    const counts = new Map<string, number>();
    for (const t of gt) counts.set(t, (counts.get(t) ?? 0) + 1);
    let same = 0;
    for (const t of p) {
      const c = counts.get(t) ?? 0;
      if (c > 0) {
        same++;
        counts.set(t, c - 1);
      }
    }
    if (same === 0) continue;
    const precision = same / p.length;
    const recall = same / gt.length;
    f1 = Math.max(f1, (2 * precision * recall) / (precision + recall));
  }
  return { em, f1 };
}
