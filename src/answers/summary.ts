import { ok } from '../answer.ts';
import type { Answer, Result } from '../answer.ts';
import type { Article } from '../article/types.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { contentTerms } from '../text/match.ts';
import { scopeArticle } from './articles.ts';
import { WEAK, conceptCoverage, round } from './shared.ts';

export type SummaryLength = 'short' | 'medium' | 'long';

/** Sentences picked besides the lead, per length. */
const EXTRA: Record<SummaryLength, number> = { short: 1, medium: 3, long: 6 };

interface Candidate {
  paragraph: number;
  index: number;
  text: string;
  terms: Set<string>;
}

/**
 * Centrality of each sentence by a small TextRank: sentences are nodes, edges weigh shared words
 * normalised by sentence length (Mihalcea & Tarau 2004), 30 power iterations, damping 0.85.
 */
export function textRank(sentences: readonly Set<string>[]): number[] {
  const n = sentences.length;
  if (n === 0) return [];
  const weights: number[][] = sentences.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = sentences[i] ?? new Set<string>();
      const b = sentences[j] ?? new Set<string>();
      if (a.size < 2 || b.size < 2) continue;
      let shared = 0;
      for (const t of a) if (b.has(t)) shared++;
      const w = shared === 0 ? 0 : shared / (Math.log(a.size) + Math.log(b.size));
      (weights[i] as number[])[j] = w;
      (weights[j] as number[])[i] = w;
    }
  }
  const out = weights.map((row) => row.reduce((x, y) => x + y, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 30; iter++) {
    const next = new Array<number>(n).fill((1 - 0.85) / n);
    for (let j = 0; j < n; j++) {
      const row = weights[j] ?? [];
      const total = out[j] ?? 0;
      if (total === 0) continue;
      for (let i = 0; i < n; i++) {
        const w = row[i] ?? 0;
        if (w > 0) next[i] = (next[i] ?? 0) + (0.85 * w * (rank[j] ?? 0)) / total;
      }
    }
    rank = next;
  }
  return rank;
}

function candidates(article: Article): Candidate[] {
  return article.paragraphs
    .filter((p) => p.kind !== 'heading')
    .flatMap((p) =>
      p.sentences.map((s) => ({
        paragraph: p.number,
        index: s.index,
        text: s.text,
        terms: new Set(contentTerms(s.text)),
      })),
    );
}

function cited(article: Article, c: Candidate, score?: number): Result {
  return {
    kind: 'summary',
    text: c.text,
    citation: { article: article.id, paragraph: c.paragraph, sentence: c.index },
    ...(score !== undefined ? { score: round(score) } : {}),
  };
}

/** Lead sentence plus the most central others, in reading order. */
export function summarizeArticle(article: Article, length: SummaryLength): Result[] {
  const all = candidates(article);
  if (all.length === 0) return [];
  const lead = all[0] as Candidate;
  const ranks = textRank(all.map((c) => c.terms));
  const picked = all
    .map((c, i) => ({ c, i, r: ranks[i] ?? 0 }))
    .filter((x) => x.i !== 0 && x.c.text.length >= 30)
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .slice(0, EXTRA[length])
    .sort((a, b) => a.i - b.i)
    .map((x) => x.c);
  return [lead, ...picked].map((c) => cited(article, c));
}

/** Sentences of an article about a topic, most relevant first, then in reading order. */
function summarizeTopic(
  kb: KnowledgeBase,
  article: Article | undefined,
  topic: string,
  length: SummaryLength,
): Result[] {
  const hits = kb.searchSentences(topic, {
    limit: EXTRA[length] + 2,
    ...(article ? { article: article.id } : {}),
  });
  return hits
    .filter((h) => h.score >= WEAK && conceptCoverage(kb, topic, h.matched) >= 0.5)
    .sort((a, b) => a.index - b.index)
    .map((h) => ({
      kind: 'summary' as const,
      text: h.item.sentence.text,
      citation: { article: h.item.article, paragraph: h.item.paragraph, sentence: h.item.sentence.index },
      score: round(h.score),
    }));
}

/**
 * `/summary [article] [length] [topic]`: an extractive summary, every sentence cited. Without an
 * article and with several loaded, each article gets a short one.
 */
export function summary(
  kb: KnowledgeBase,
  options: { article?: string; length?: string; topic?: string },
): Answer {
  const scope = scopeArticle(kb, 'summary', options.article);
  if (!scope.ok) return scope.answer;
  const length: SummaryLength =
    options.length === 'short' || options.length === 'long' ? options.length : 'medium';
  if (kb.articles.length === 0) return ok('summary', [], { message: 'No articles are loaded.' });
  const single = scope.article ?? (kb.articles.length === 1 ? kb.articles[0] : undefined);
  if (options.topic !== undefined) {
    const results = summarizeTopic(kb, single, options.topic, length);
    if (results.length === 0)
      return ok('summary', [], {
        message: `The article${single ? '' : 's'} say nothing about "${options.topic.slice(0, 80)}".`,
      });
    return ok('summary', results, {
      message: `What ${single ? `“${single.meta.title}”` : 'the articles'} say about ${options.topic.slice(0, 80)}:`,
    });
  }
  if (single) {
    const standfirst = single.meta.standfirst ? ` ${single.meta.standfirst}` : '';
    return ok('summary', summarizeArticle(single, length), { message: `${single.meta.title}.${standfirst}` });
  }
  const results = kb.articles.slice(0, 10).flatMap((a) =>
    summarizeArticle(a, 'short')
      .slice(0, 1)
      .map((r) => ({ ...r, title: a.meta.title })),
  );
  const more = kb.articles.length > 10 ? ` Showing 10 of ${kb.articles.length}.` : '';
  return ok('summary', results, {
    message: `The lead of each article; name one (article:…) for a fuller summary.${more}`,
  });
}
