import { ok } from '../answer.ts';
import type { Answer, Result } from '../answer.ts';
import type { Article } from '../article/types.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { isSpeechVerb } from '../knowledge/speech-verbs.ts';
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
 * Sentences ranked per article, at most: the work of one ranking is bounded (a 5 MB article costs
 * what its first few hundred sentences cost, news puts what matters first), and it is done once
 * per article, not per request.
 */
export const MAX_RANKED_SENTENCES = 300;

/** Subject pronouns: "…, he said" needs the sentence before it to say who "he" is. */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/**
 * Centrality of each sentence by a small TextRank: sentences are nodes, edges weigh shared words
 * normalised by sentence length (Mihalcea & Tarau 2004), 30 power iterations, damping 0.85.
 * Callers bound the number of sentences (the weights are n × n).
 */
export function textRank(sentences: readonly Set<string>[]): number[] {
  const n = sentences.length;
  if (n === 0) return [];
  const weights = new Float64Array(n * n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = sentences[i] as Set<string>;
    for (let j = i + 1; j < n; j++) {
      const b = sentences[j] as Set<string>;
      if (a.size < 2 || b.size < 2) continue;
      let shared = 0;
      for (const t of a) if (b.has(t)) shared++;
      if (shared === 0) continue;
      const w = shared / (Math.log(a.size) + Math.log(b.size));
      weights[i * n + j] = w;
      weights[j * n + i] = w;
      out[i] = (out[i] as number) + w;
      out[j] = (out[j] as number) + w;
    }
  }
  let rank = new Float64Array(n).fill(1 / n);
  for (let iter = 0; iter < 30; iter++) {
    const next = new Float64Array(n).fill((1 - 0.85) / n);
    for (let j = 0; j < n; j++) {
      const total = out[j] as number;
      if (total === 0) continue;
      const share = (0.85 * (rank[j] as number)) / total;
      for (let i = 0; i < n; i++) {
        const w = weights[j * n + i] as number;
        if (w > 0) next[i] = (next[i] as number) + w * share;
      }
    }
    rank = next;
  }
  return [...rank];
}

/**
 * Whether a body sentence reads like a sub-heading: short and without the closing punctuation
 * every sentence of running text ends with (parsers do not always mark sub-heads as headings).
 */
function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  return t.split(/\s+/).length <= 12 && !/[.!?…:;,"”’')\]]$/.test(t);
}

/** The first {@link MAX_RANKED_SENTENCES} body sentences, headings (marked or not) left out. */
function candidates(article: Article): Candidate[] {
  const out: Candidate[] = [];
  for (const p of article.paragraphs) {
    if (p.kind === 'heading') continue;
    for (const s of p.sentences) {
      if (out.length >= MAX_RANKED_SENTENCES) return out;
      if (looksLikeHeading(s.text)) continue;
      out.push({ paragraph: p.number, index: s.index, text: s.text, terms: new Set(contentTerms(s.text)) });
    }
  }
  return out;
}

/** Candidates and their ranks, computed once per article (articles are never changed in place). */
const ranked = new WeakMap<Article, { all: Candidate[]; ranks: number[] }>();
function rankedOf(article: Article): { all: Candidate[]; ranks: number[] } {
  let r = ranked.get(article);
  if (r === undefined) {
    const all = candidates(article);
    r = { all, ranks: textRank(all.map((c) => c.terms)) };
    ranked.set(article, r);
  }
  return r;
}

/** "…, he said" / "He added …": a pronoun as the speaker or the subject, naming nobody itself. */
function leansOnPronoun(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z’']+/g) ?? [];
  if (SUBJECT_PRONOUNS.has(words[0] ?? '')) return true;
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i] as string, words[i + 1] as string];
    if ((SUBJECT_PRONOUNS.has(a) && isSpeechVerb(b)) || (isSpeechVerb(a) && SUBJECT_PRONOUNS.has(b)))
      return true;
  }
  return false;
}

function cited(article: Article, c: Candidate, score?: number): Result {
  return {
    kind: 'summary',
    text: c.text,
    citation: { article: article.id, paragraph: c.paragraph, sentence: c.index },
    ...(score !== undefined ? { score: round(score) } : {}),
  };
}

/** The lead: the first body sentence (no ranking needed). */
function leadOf(article: Article): Candidate | undefined {
  for (const p of article.paragraphs) {
    if (p.kind === 'heading') continue;
    for (const s of p.sentences)
      if (!looksLikeHeading(s.text))
        return { paragraph: p.number, index: s.index, text: s.text, terms: new Set() };
  }
  return undefined;
}

/**
 * Lead sentence plus the most central others, in reading order. A sentence whose speaker or
 * subject is only a pronoun is kept only right after the sentence it refers back to.
 */
export function summarizeArticle(article: Article, length: SummaryLength): Result[] {
  const { all, ranks } = rankedOf(article);
  if (all.length === 0) return [];
  const order = all
    .map((c, i) => ({ c, i, r: ranks[i] ?? 0 }))
    .filter((x) => x.i !== 0 && x.c.text.length >= 30)
    .sort((a, b) => b.r - a.r || a.i - b.i);
  const picked = new Set<number>([0]);
  for (const x of order) {
    if (picked.size > EXTRA[length]) break;
    const prev = all[x.i - 1];
    const follows = prev !== undefined && picked.has(x.i - 1) && prev.paragraph === x.c.paragraph;
    if (leansOnPronoun(x.c.text) && !follows) continue;
    picked.add(x.i);
  }
  return [...picked].sort((a, b) => a - b).map((i) => cited(article, all[i] as Candidate));
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
  // Only the lead of each: nothing is ranked for this.
  const results = kb.articles.slice(0, 10).flatMap((a) => {
    const lead = leadOf(a);
    return lead ? [{ ...cited(a, lead), title: a.meta.title }] : [];
  });
  const more = kb.articles.length > 10 ? ` Showing 10 of ${kb.articles.length}.` : '';
  return ok('summary', results, {
    message: `The lead of each article; name one (article:…) for a fuller summary.${more}`,
  });
}
