/**
 * The naive baseline the real system is compared with: ONE fuse.js index over every body
 * paragraph of every article, default-ish settings, no knowledge of quotes or speakers. It answers
 * "which paragraph looks like this text", which is all a first attempt would do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Fuse from 'fuse.js';
import { bodyParagraphs } from './generate.ts';
import type { QueryKind } from './queries.ts';
import type { BenchSystem, RankedHit } from './stats.ts';

export interface Passage {
  article: string;
  /** 1-based body paragraph. */
  paragraph: number;
  text: string;
}

export interface BaselineHit extends RankedHit {
  paragraph: number;
  /** fuse.js score: 0 = perfect, 1 = no match. */
  score: number;
}

export interface Baseline extends BenchSystem {
  readonly passages: readonly Passage[];
  /** Top 10 paragraphs, best first. The query kind is ignored on purpose: the baseline has one way to search. */
  search(query: string, kind?: QueryKind): BaselineHit[];
  /** Top `limit` paragraphs, best first. */
  find(query: string, limit: number): BaselineHit[];
}

export function passagesOf(articles: readonly { id: string; text: string }[]): Passage[] {
  const out: Passage[] = [];
  for (const a of articles)
    bodyParagraphs(a.text).forEach((text, i) => out.push({ article: a.id, paragraph: i + 1, text }));
  return out;
}

export function createBaseline(articles: readonly { id: string; text: string }[]): Baseline {
  const passages = passagesOf(articles);
  const fuse = new Fuse(passages, {
    keys: ['text'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  const find = (query: string, limit: number): BaselineHit[] =>
    fuse
      .search(query, { limit })
      .map((r) => ({ article: r.item.article, paragraph: r.item.paragraph, score: r.score ?? 1 }));
  return {
    name: 'baseline',
    passages,
    search: (query) => find(query, 10),
    find,
  };
}

/** Reads every `*.txt` article in `dir` (truth.json and other files are skipped), sorted by name. */
export function readArticles(dir: string): { id: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: basename(f, '.txt'), text: readFileSync(join(dir, f), 'utf8') }));
}

export function createBaselineFromDir(dir: string): Baseline {
  return createBaseline(readArticles(dir));
}
