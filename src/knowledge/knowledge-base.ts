import type { Article, Sentence } from '../article/types.ts';
import { contentTerms, matchForm } from '../text/match.ts';
import { closest } from '../text/similar.ts';
import { SearchIndex } from './search-index.ts';
import type { Hit, SearchOptions } from './search-index.ts';
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

/**
 * The searchable knowledge of every loaded article, built once per load by
 * {@link buildKnowledgeBase}. Immutable: a reload builds a new one and swaps it in.
 */
export interface KnowledgeBase {
  readonly articles: readonly Article[];
  readonly knowledge: readonly ArticleKnowledge[];
  article(id: string): Article | undefined;
  knowledgeOf(id: string): ArticleKnowledge | undefined;
  /** An article by id or title, exact or fuzzy ("tajikistan" finds russia-tajikistan-base). */
  resolveArticle(query: string): ArticleLookup;
  searchQuotes(query: string, options?: SearchOptions): Hit<Quote>[];
  searchClaims(query: string, options?: SearchOptions): Hit<Claim>[];
  searchSentences(query: string, options?: SearchOptions): Hit<SentenceDoc>[];
  searchEntities(query: string, options?: SearchOptions): Hit<Entity>[];
  searchFacts(query: string, options?: SearchOptions): Hit<Fact>[];
  /** Every sentence, in article then reading order (the index order of searchSentences). */
  readonly sentences: readonly SentenceDoc[];
  /** The entity record behind an id (`article#slug`). */
  entity(id: string): Entity | undefined;
  /** Stemmed words that are part of some person's or organisation's name or alias. */
  readonly nameTerms: ReadonlySet<string>;
  /** Ids of the entities with at least one attributed direct quote. */
  readonly speakerIds: ReadonlySet<string>;
  /** Quotes whose text begins with `prefix` (match forms), in article order. */
  quotesStartingWith(prefix: string, limit: number, article?: string): Quote[];
  /** Every record (one per article) of the entity with this full name, case-insensitive. */
  entitiesNamed(name: string): Entity[];
  /** The direct quotes attributed to an entity, in article order. */
  quotesOf(entityId: string): Quote[];
  /** The reported statements of an entity, in article order. */
  claimsOf(entityId: string): Claim[];
}

/** Builds every index once. Cost grows linearly with the articles; queries stay sub-linear. */
export function buildKnowledgeBase(knowledge: readonly ArticleKnowledge[]): KnowledgeBase {
  const articles = knowledge.map((k) => k.article);
  const byId = new Map(knowledge.map((k) => [k.article.id, k]));
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
    for (const e of k.entities) push(byName, e.name.toLowerCase(), e);
    for (const q of k.quotes) if (q.speakerId !== null) push(quotesBy, q.speakerId, q);
    for (const c of k.claims) if (c.speakerId !== null) push(claimsBy, c.speakerId, c);
  }
  const speakerIds: ReadonlySet<string> = new Set(quotesBy.keys());
  for (const k of knowledge) {
    for (const e of k.entities) {
      entities.set(e.id, e);
      for (const t of contentTerms([e.name, ...e.aliases].join(' '))) nameTerms.add(t);
    }
  }

  const sentences: SentenceDoc[] = [];
  for (const a of articles) {
    for (const p of a.paragraphs)
      for (const s of p.sentences) sentences.push({ article: a.id, paragraph: p.number, sentence: s });
  }
  const quotes = new SearchIndex(
    knowledge.flatMap((k) => k.quotes),
    (q) => ({ article: q.article, text: q.text }),
    { keepText: true },
  );
  const claims = new SearchIndex(
    knowledge.flatMap((k) => k.claims),
    (c) => ({ article: c.article, text: c.clause }),
  );
  const sentenceIndex = new SearchIndex(sentences, (s) => ({ article: s.article, text: s.sentence.text }));
  const entityIndex = new SearchIndex(
    knowledge.flatMap((k) => k.entities),
    (e) => ({
      article: e.article,
      text: [e.name, ...e.aliases].join(' '),
    }),
  );
  const facts = new SearchIndex(
    knowledge.flatMap((k) => k.facts),
    (f) => ({
      article: f.article,
      text: `${f.text} ${f.counts ?? ''} ${f.sentence}`,
    }),
  );
  const titles = new SearchIndex(articles, (a) => ({
    article: a.id,
    text: `${a.id.replace(/[-_]+/g, ' ')} ${a.meta.title}`,
  }));

  const resolveArticle = (query: string): ArticleLookup => {
    const q = query.trim();
    const exact =
      byId.get(q) ??
      knowledge.find(
        (k) =>
          k.article.id.toLowerCase() === q.toLowerCase() || matchForm(k.article.meta.title) === matchForm(q),
      );
    if (exact) return { ok: true, article: exact.article };
    const ids = articles.map((a) => a.id);
    const prefixed = articles.filter((a) => a.id.toLowerCase().startsWith(q.toLowerCase()));
    if (prefixed.length === 1 && prefixed[0]) return { ok: true, article: prefixed[0] };
    const hits = titles.search(q, { limit: 3 });
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

  return {
    articles,
    knowledge,
    sentences,
    nameTerms,
    speakerIds,
    entitiesNamed: (name) => byName.get(name.toLowerCase()) ?? [],
    quotesOf: (id) => quotesBy.get(id) ?? [],
    claimsOf: (id) => claimsBy.get(id) ?? [],
    quotesStartingWith: (prefix, limit, article) => quotes.startingWith(prefix, limit, article),
    article: (id) => byId.get(id)?.article,
    knowledgeOf: (id) => byId.get(id),
    entity: (id) => entities.get(id),
    resolveArticle,
    searchQuotes: (q, o) => quotes.search(q, o),
    searchClaims: (q, o) => claims.search(q, o),
    searchSentences: (q, o) => sentenceIndex.search(q, o),
    searchEntities: (q, o) => entityIndex.search(q, o),
    searchFacts: (q, o) => facts.search(q, o),
  };
}
