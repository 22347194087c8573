import type { Article, Citation, Sentence } from '../article/types.ts';
import { matchForm } from '../text/match.ts';
import { closest } from '../text/similar.ts';
import { SearchIndex, articleLevelState } from './search-index.ts';
import type { Hit, SearchDoc, SearchIndexOptions, SearchIndexState, SearchOptions } from './search-index.ts';
import type { ArticleKnowledge, Claim, Entity, Fact, Quote } from './types.ts';

export type { Hit, SearchOptions } from './search-index.ts';

/** One sentence with where it lives: the unit /ask and /check-quote search. */
export interface SentenceDoc {
  article: string;
  paragraph: number;
  sentence: Sentence;
}

export type ArticleLookup =
  { ok: true; article: Article } | { ok: false; reason: string; suggestions: string[] };

/** Per-sentence features, as bits (what a question word asks for). */
export const SENTENCE_HAS_NUMBER = 1;
export const SENTENCE_HAS_DATE = 2;
export const SENTENCE_HAS_SPEAKER = 4;
export const SENTENCE_HAS_REASON = 8;

/**
 * The searchable knowledge of every loaded article, built once per load by
 * {@link buildKnowledgeBase}. Immutable: a reload builds a new one and swaps it in.
 */
export interface KnowledgeBase {
  readonly articles: readonly Article[];
  readonly knowledge: readonly ArticleKnowledge[];
  article(id: string): Article | undefined;
  /** Position of an article in load order (for sorting results by article). */
  articleOrder(id: string): number;
  knowledgeOf(id: string): ArticleKnowledge | undefined;
  /** An article by id or title, exact or fuzzy ("tajikistan" finds russia-tajikistan-base). */
  resolveArticle(query: string): ArticleLookup;
  searchQuotes(query: string, options?: SearchOptions): Hit<Quote>[];
  searchClaims(query: string, options?: SearchOptions): Hit<Claim>[];
  searchSentences(query: string, options?: SearchOptions): Hit<SentenceDoc>[];
  /** Whole articles (all their sentences as one document), e.g. to choose which to read. */
  searchArticles(query: string, options?: SearchOptions): Hit<Article>[];
  searchEntities(query: string, options?: SearchOptions): Hit<Entity>[];
  /** Facts whose words match, or that stand in a sentence about the query. */
  searchFacts(query: string, options?: SearchOptions): Hit<Fact>[];
  /** Every sentence, in article then reading order (the index order of searchSentences). */
  readonly sentences: readonly SentenceDoc[];
  /** SENTENCE_HAS_* bits of each sentence, by its index in `sentences`. */
  readonly sentenceFlags: Uint8Array;
  /** Position in `sentences` of a cited sentence. */
  sentenceIndexOf(citation: Citation): number | undefined;
  /** The facts that stand in the sentence at this index. */
  factsInSentence(index: number): readonly Fact[];
  /** The entity record behind an id (`article#slug`). */
  entity(id: string): Entity | undefined;
  /** Stemmed words that are part of some person's or organisation's name or alias. */
  readonly nameTerms: ReadonlySet<string>;
  /** Ids of the entities with at least one attributed direct quote. */
  readonly speakerIds: ReadonlySet<string>;
  /** Quotes whose text begins with `prefix` (match forms), in article order. */
  quotesStartingWith(prefix: string, limit: number, article?: string): Quote[];
  /** The normalised text of the quote at this index of searchQuotes (kept, not recomputed). */
  quoteMatchForm(index: number): string;
  /** Every record (one per article) of the entity with this full name, case-insensitive. */
  entitiesNamed(name: string): Entity[];
  /** The direct quotes attributed to an entity, in article order. */
  quotesOf(entityId: string): Quote[];
  /** The reported statements of an entity, in article order. */
  claimsOf(entityId: string): Claim[];
  /** The built indexes as flat arrays, for the on-disk snapshot. */
  indexState(): KnowledgeIndexState;
  /** Builds lazily made lookup tables now (after start-up), so no user's query waits for them. */
  prepare(): void;
}

const INDEXES = ['quotes', 'claims', 'sentences', 'entities', 'facts', 'titles'] as const;
type IndexName = (typeof INDEXES)[number];

/** Every index of a knowledge base, serialisable; valid only for the same knowledge, in order. */
export type KnowledgeIndexState = Record<IndexName, SearchIndexState>;

/** Bumped when what is indexed, or how, changes: it keys snapshots on disk. */
export const INDEX_VERSION = 'index-4';

interface Collections {
  quotes: Quote[];
  claims: Claim[];
  sentences: SentenceDoc[];
  entities: Entity[];
  facts: Fact[];
  titles: Article[];
}

interface IndexSpec<T> {
  items: T[];
  toDoc: (item: T) => SearchDoc;
  options?: SearchIndexOptions;
}

function collect(knowledge: readonly ArticleKnowledge[]): Collections {
  const sentences: SentenceDoc[] = [];
  for (const k of knowledge) {
    for (const p of k.article.paragraphs)
      for (const s of p.sentences)
        sentences.push({ article: k.article.id, paragraph: p.number, sentence: s });
  }
  return {
    quotes: knowledge.flatMap((k) => k.quotes),
    claims: knowledge.flatMap((k) => k.claims),
    sentences,
    entities: knowledge.flatMap((k) => k.entities),
    facts: knowledge.flatMap((k) => k.facts),
    titles: knowledge.map((k) => k.article),
  };
}

/** What each index covers. Facts index only their own words: their sentences are in `sentences`. */
function specs(c: Collections): { [K in IndexName]: IndexSpec<Collections[K][number]> } {
  return {
    quotes: {
      items: c.quotes,
      toDoc: (q) => ({ article: q.article, text: q.text }),
      options: { keepText: true },
    },
    claims: { items: c.claims, toDoc: (cl) => ({ article: cl.article, text: cl.clause }) },
    sentences: { items: c.sentences, toDoc: (s) => ({ article: s.article, text: s.sentence.text }) },
    entities: {
      items: c.entities,
      toDoc: (e) => ({ article: e.article, text: [e.name, ...e.aliases].join(' ') }),
    },
    facts: { items: c.facts, toDoc: (f) => ({ article: f.article, text: `${f.text} ${f.counts ?? ''}` }) },
    titles: {
      items: c.titles,
      toDoc: (a) => ({ article: a.id, text: `${a.id.replace(/[-_]+/g, ' ')} ${a.meta.title}` }),
    },
  };
}

type Indexes = { [K in IndexName]: SearchIndex<Collections[K][number]> };

/**
 * Builds every index in one go. Cost grows linearly with the articles; queries stay sub-linear.
 * With `state` (a snapshot of the same knowledge) nothing is re-tokenised.
 */
export function buildKnowledgeBase(
  knowledge: readonly ArticleKnowledge[],
  state?: KnowledgeIndexState,
): KnowledgeBase {
  const c = collect(knowledge);
  const s = specs(c);
  const make = <K extends IndexName>(name: K): Indexes[K] => {
    const spec = s[name] as IndexSpec<Collections[K][number]>;
    return new SearchIndex(spec.items, spec.toDoc, spec.options ?? {}, state?.[name]) as Indexes[K];
  };
  const indexes = {} as Indexes;
  for (const name of INDEXES) (indexes as Record<IndexName, unknown>)[name] = make(name);
  return assemble(knowledge, c, indexes);
}

/**
 * The same as {@link buildKnowledgeBase}, yielding to the event loop while it builds, so a hot
 * reload of a large archive never holds up interactions.
 */
export async function buildKnowledgeBaseAsync(
  knowledge: readonly ArticleKnowledge[],
): Promise<KnowledgeBase> {
  const c = collect(knowledge);
  const s = specs(c);
  const indexes = {} as Indexes;
  for (const name of INDEXES) {
    const spec = s[name] as IndexSpec<unknown>;
    (indexes as Record<IndexName, unknown>)[name] = await SearchIndex.build(
      spec.items,
      spec.toDoc,
      spec.options ?? {},
    );
  }
  return assemble(knowledge, c, indexes);
}

function assemble(knowledge: readonly ArticleKnowledge[], c: Collections, indexes: Indexes): KnowledgeBase {
  const articles = c.titles;
  const byId = new Map(knowledge.map((k) => [k.article.id, k]));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  // Exact lookups by lower-cased id and by title, computed once rather than per request.
  const byLowerId = new Map(articles.map((a) => [a.id.toLowerCase(), a]));
  const byTitle = new Map(articles.map((a) => [matchForm(a.meta.title), a]));
  const entities = new Map<string, Entity>();
  const nameTerms = new Set<string>();
  // Lookup tables so per-person answers never walk the whole archive.
  const byName = new Map<string, Entity[]>();
  const quotesBy = new Map<string, Quote[]>();
  const claimsBy = new Map<string, Claim[]>();
  const push = <V>(map: Map<string, V[]>, key: string, value: V): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const k of knowledge) {
    for (const e of k.entities) {
      push(byName, e.name.toLowerCase(), e);
      entities.set(e.id, e);
    }
    for (const q of k.quotes) if (q.speakerId !== null) push(quotesBy, q.speakerId, q);
    for (const cl of k.claims) if (cl.speakerId !== null) push(claimsBy, cl.speakerId, cl);
  }
  // The entity index's terms are exactly the content terms of every name and alias (its documents
  // are those texts, tokenised the same way), so they are not tokenised a second time.
  for (const t of indexes.entities.toState().terms) nameTerms.add(t);
  const speakerIds: ReadonlySet<string> = new Set(quotesBy.keys());

  // Sentence positions: article -> index of its first sentence, and per paragraph an offset.
  const sentenceBase = new Map<string, { start: number; paragraphs: Uint32Array }>();
  let position = 0;
  for (const a of articles) {
    const paragraphs = new Uint32Array(a.paragraphs.length + 1);
    let inArticle = 0;
    a.paragraphs.forEach((p, i) => {
      paragraphs[i] = inArticle;
      inArticle += p.sentences.length;
    });
    paragraphs[a.paragraphs.length] = inArticle;
    sentenceBase.set(a.id, { start: position, paragraphs });
    position += inArticle;
  }
  const sentenceIndexOf = (citation: Citation): number | undefined => {
    const base = sentenceBase.get(citation.article);
    const offset = base?.paragraphs[citation.paragraph - 1];
    if (!base || offset === undefined) return undefined;
    const i = base.start + offset + (citation.sentence ?? 1) - 1;
    return i < base.start + (base.paragraphs[citation.paragraph] ?? 0) ? i : undefined;
  };
  const sentenceFlags = new Uint8Array(c.sentences.length);
  const factsBySentence = new Map<number, Fact[]>();
  const flag = (citation: Citation, bit: number): number | undefined => {
    const i = sentenceIndexOf(citation);
    if (i !== undefined) sentenceFlags[i] = (sentenceFlags[i] ?? 0) | bit;
    return i;
  };
  for (const k of knowledge) {
    for (const f of k.facts) {
      const i = flag(f.span.citation, f.kind === 'date' ? SENTENCE_HAS_DATE : SENTENCE_HAS_NUMBER);
      if (i === undefined) continue;
      const list = factsBySentence.get(i);
      if (list) list.push(f);
      else factsBySentence.set(i, [f]);
    }
    for (const q of k.quotes) if (q.speaker) flag(q.span.citation, SENTENCE_HAS_SPEAKER);
    for (const cl of k.claims) flag(cl.span.citation, SENTENCE_HAS_SPEAKER);
  }
  const REASON = /\b(because|due to|in response to|after|so that|in order to|as a result|amid)\b/i;
  c.sentences.forEach((s, i) => {
    if (REASON.test(s.sentence.text)) sentenceFlags[i] = (sentenceFlags[i] ?? 0) | SENTENCE_HAS_REASON;
  });

  const resolveArticle = (query: string): ArticleLookup => {
    const q = query.trim();
    const exact = byId.get(q)?.article ?? byLowerId.get(q.toLowerCase()) ?? byTitle.get(matchForm(q));
    if (exact) return { ok: true, article: exact };
    const ids = articles.map((a) => a.id);
    const prefixed = articles.filter((a) => a.id.toLowerCase().startsWith(q.toLowerCase()));
    if (prefixed.length === 1 && prefixed[0]) return { ok: true, article: prefixed[0] };
    const hits = indexes.titles.search(q, { limit: 3 });
    const top = hits[0];
    if (top && top.coverage >= 0.99 && (hits[1]?.coverage ?? 0) < 0.99)
      return { ok: true, article: top.item };
    const suggestions = [...new Set([...hits.map((h) => h.item.id), ...closest(q, ids)])].slice(0, 5);
    const shown = q.length > 60 ? `${q.slice(0, 60)}…` : q;
    return {
      ok: false,
      reason: `No article "${shown}" is loaded.${suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : ' /articles lists them.'}`,
      suggestions,
    };
  };

  // Derived from the sentence index on first use (or in prepare), never stored in a snapshot.
  let articleIndex: SearchIndex<Article> | null = null;
  const wholeArticles = (): SearchIndex<Article> => {
    if (articleIndex) return articleIndex;
    const state = articleLevelState(indexes.sentences.toState());
    const items = state.articleIds.map((id) => byId.get(id)?.article as Article);
    const toDoc = (a: Article): SearchDoc => ({
      article: a.id,
      text: a.paragraphs.map((p) => p.text).join(' '),
    });
    articleIndex = new SearchIndex(items, toDoc, {}, state, indexes.sentences as SearchIndex<unknown>);
    return articleIndex;
  };

  const searchFacts = (q: string, o: SearchOptions = {}): Hit<Fact>[] => {
    const limit = o.limit ?? 10;
    const found = new Map<Fact, Hit<Fact>>();
    for (const h of indexes.facts.search(q, { ...o, limit })) found.set(h.item, h);
    // A fact also answers a topic its sentence is about ("soldiers" finds "over 1,000").
    for (const h of indexes.sentences.search(q, { ...o, limit: 20 })) {
      for (const f of factsBySentence.get(h.index) ?? []) {
        const prev = found.get(f);
        const hit: Hit<Fact> = {
          item: f,
          score: h.score * 0.95,
          coverage: h.coverage,
          matched: h.matched,
          index: h.index,
        };
        if (!prev || prev.score < hit.score) found.set(f, hit);
      }
    }
    return [...found.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  };

  return {
    articles,
    knowledge,
    sentences: c.sentences,
    sentenceFlags,
    sentenceIndexOf,
    factsInSentence: (i) => factsBySentence.get(i) ?? [],
    nameTerms,
    speakerIds,
    entitiesNamed: (name) => byName.get(name.toLowerCase()) ?? [],
    quotesOf: (id) => quotesBy.get(id) ?? [],
    claimsOf: (id) => claimsBy.get(id) ?? [],
    quotesStartingWith: (prefix, limit, article) => indexes.quotes.startingWith(prefix, limit, article),
    quoteMatchForm: (index) => indexes.quotes.matchText(index),
    article: (id) => byId.get(id)?.article,
    articleOrder: (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER,
    knowledgeOf: (id) => byId.get(id),
    entity: (id) => entities.get(id),
    resolveArticle,
    searchQuotes: (q, o) => indexes.quotes.search(q, o),
    searchClaims: (q, o) => indexes.claims.search(q, o),
    searchSentences: (q, o) => indexes.sentences.search(q, o),
    searchEntities: (q, o) => indexes.entities.search(q, o),
    searchArticles: (q, o) => wholeArticles().search(q, o),
    searchFacts,
    prepare: () => {
      for (const name of INDEXES) indexes[name].prepare();
      wholeArticles();
    },
    indexState: () => {
      const out = {} as KnowledgeIndexState;
      for (const name of INDEXES) out[name] = indexes[name].toState();
      return out;
    },
  };
}
