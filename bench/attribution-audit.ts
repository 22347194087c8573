/**
 * Precision of attribution per rule and per confidence band, on quote benches with gold
 * speakers (`<bench>/articles/*.md` and `<bench>/gold.jsonl`, the quote-bench-en format).
 * Every extracted quote is matched to a gold quote as the bench's score.py matches spans (a
 * shared paragraph, at least half of the gold tokens covered, best cover first); a speaker is
 * right by the bench's rule (the last word of the bot's speaker is a word of the gold speaker or
 * an alias; a `disambiguate` quote must also start with the gold first name).
 *
 *   node --import tsx bench/attribution-audit.ts BENCH [BENCH ...] [--wrong] [--refused]
 *
 * `--wrong` lists every wrong speaker, `--refused` every matched named quote left without one
 * (with the confidence that refused it). Figures only: no bench text is copied anywhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadArticles } from '../src/article/load.ts';
import { extractKnowledge } from '../src/knowledge/extract.ts';
import type { Quote } from '../src/knowledge/types.ts';

interface Gold {
  kind: string;
  article: string;
  paragraph: number;
  text: string;
  speaker: string | null;
  speaker_kind: string;
  speaker_aliases?: string[];
  disambiguate?: boolean;
  style?: string[];
  id: string;
}

interface Row {
  bench: string;
  gold: Gold;
  quote: Quote | null;
  /** null: the bot gave no speaker. */
  right: boolean | null;
}

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const tokens = (s: string): string[] => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

function coverage(gold: string, other: string): number {
  const g = tokens(gold);
  if (g.length === 0) return 0;
  const o = new Map<string, number>();
  for (const t of tokens(other)) o.set(t, (o.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of g) {
    const n = o.get(t) ?? 0;
    if (n > 0) {
      hit++;
      o.set(t, n - 1);
    }
  }
  return hit / g.length;
}

function speakerRight(bot: string, g: Gold): boolean {
  if (g.speaker_kind === 'none' || !g.speaker) return false;
  const p = tokens(bot);
  const words = new Set([g.speaker, ...(g.speaker_aliases ?? [])].flatMap(tokens));
  if (p.length === 0 || !words.has(p[p.length - 1] as string)) return false;
  if (g.disambiguate) return p[0] === tokens(g.speaker)[0] && p.length > 1;
  return true;
}

async function audit(bench: string): Promise<Row[]> {
  const gold = readFileSync(path.join(bench, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold)
    .filter((g) => g.kind === 'quote');
  const { articles } = await loadArticles(path.join(bench, 'articles'));
  const rows: Row[] = [];
  for (const article of articles) {
    const quotes = extractKnowledge(article).quotes;
    const used = new Set<Quote>();
    for (const g of gold.filter((x) => x.article === article.id)) {
      let best: Quote | null = null;
      let bestCover = 0.5;
      for (const q of quotes) {
        if (used.has(q) || !(q.paragraphs ?? [q.span.citation.paragraph]).includes(g.paragraph)) continue;
        const c = coverage(g.text, q.text);
        if (c >= bestCover && (best === null || c > bestCover)) [best, bestCover] = [q, c];
      }
      if (best) used.add(best);
      const right = best?.speaker ? speakerRight(best.speaker, g) : null;
      rows.push({ bench: path.basename(bench), gold: g, quote: best, right });
    }
  }
  return rows;
}

function band(c: number | undefined): string {
  if (c === undefined) return 'none';
  if (c >= 0.9) return '0.90+';
  if (c >= 0.8) return '0.80-0.89';
  if (c >= 0.7) return '0.70-0.79';
  if (c >= 0.6) return '0.60-0.69';
  return '0.50-0.59';
}

function kindOf(g: Gold, q: Quote): string {
  const styles = g.style ?? [];
  if (q.partial) return 'partial';
  for (const s of ['pronoun', 'context', 'split', 'colon', 'according', 'description-ref'])
    if (styles.includes(s)) return s;
  return 'full';
}

function table(title: string, rows: Row[], key: (r: Row) => string): void {
  const by = new Map<string, { right: number; wrong: number }>();
  for (const r of rows) {
    if (r.right === null || !r.quote) continue;
    const k = key(r);
    const e = by.get(k) ?? { right: 0, wrong: 0 };
    if (r.right) e.right++;
    else e.wrong++;
    by.set(k, e);
  }
  process.stdout.write(`\n${title}\n`);
  for (const [k, e] of [...by].sort((a, b) => a[0].localeCompare(b[0]))) {
    const n = e.right + e.wrong;
    process.stdout.write(
      `  ${k.padEnd(22)} ${String(n).padStart(4)}  right ${String(e.right).padStart(4)}  wrong ${String(e.wrong).padStart(3)}  precision ${((100 * e.right) / n).toFixed(1)}%\n`,
    );
  }
}

const args = process.argv.slice(2);
const benches = args.filter((a) => !a.startsWith('--'));
const rows = (await Promise.all(benches.map(audit))).flat();
// Described gold can only match by the same words; precision is read on named gold.
const named = rows.filter((r) => r.gold.speaker_kind === 'name');
const none = rows.filter((r) => r.gold.speaker_kind === 'none' && r.quote?.speaker);
// A described speaker ("a court officer") given a name from the article is a wrong speaker too.
const describedNamed = rows.filter(
  (r) => r.gold.speaker_kind === 'description' && r.quote?.speaker && r.quote.speakerId && !r.right,
);
table('by rule (named gold)', named, (r) => r.quote?.rule ?? '?');
table('by confidence band (named gold)', named, (r) => band(r.quote?.confidence));
table('by kind (named gold)', named, (r) => kindOf(r.gold, r.quote as Quote));
table('by bench (named gold)', named, (r) => r.bench);
const refused = named.filter((r) => r.quote && r.right === null);
process.stdout.write(
  `\nnamed gold ${named.length}, matched ${named.filter((r) => r.quote).length}, speaker given ${named.filter((r) => r.right !== null).length}, right ${named.filter((r) => r.right).length}, wrong ${named.filter((r) => r.right === false).length}, refused ${refused.length}; no-speaker gold given a speaker ${none.length}; described gold given another speaker ${describedNamed.length}\n`,
);
const show = (r: Row): string =>
  `  ${r.gold.id} [${r.quote?.rule ?? '-'} ${r.quote?.confidence ?? '-'}] gold ${r.gold.speaker ?? 'none'} / bot ${r.quote?.speaker ?? 'none'}: ${r.gold.text.slice(0, 60)}\n`;
if (args.includes('--wrong')) {
  process.stdout.write('\nwrong speakers\n');
  for (const r of [...named.filter((x) => x.right === false), ...none, ...describedNamed])
    process.stdout.write(show(r));
}
if (args.includes('--refused')) {
  process.stdout.write('\nrefused (matched, no speaker)\n');
  for (const r of refused) process.stdout.write(show(r));
}
