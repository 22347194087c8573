import { fail, ok } from '../answer.ts';
import type { Answer, Field, Result } from '../answer.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Entity, Quote } from '../knowledge/types.ts';
import { scopeArticle } from './articles.ts';
import { STRONG, WEAK, quoteResult, round, sameEntity } from './shared.ts';

/** Two names for one entity: the same last word, and one's words all within the other's. */
export function compatibleNames(a: string, b: string): boolean {
  const ta = a.toLowerCase().split(/\s+/);
  const tb = b.toLowerCase().split(/\s+/);
  if (ta.at(-1) !== tb.at(-1)) return false;
  const [small, large] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return small.every((t) => large.includes(t));
}

type Found =
  { ok: true; entities: Entity[]; score: number; others: string[] } | { ok: false; answer: Answer };

/**
 * Finds the person or organisation a user means by a name as typed: surname, full name,
 * misspelt or transliterated ("Sergej Lavrov"), acronym. Returns every record of that entity
 * (one per article) and the other names that matched almost as well.
 */
export function findEntity(
  kb: KnowledgeBase,
  command: string,
  name: string,
  article: string | undefined,
): Found {
  const typed = name.trim();
  if (typed === '') return { ok: false, answer: fail(command, 'Give a name, e.g. Lavrov.') };
  const hits = kb.searchEntities(typed, { limit: 20, ...(article !== undefined ? { article } : {}) });
  const best = hits[0];
  if (!best || best.score < WEAK || best.coverage < 0.5) {
    // Near names come from the fuzzy name search already run: scanning every name of a large
    // archive for edit distances would make a miss the slowest answer of all.
    const near = [...new Set(hits.map((h) => h.item.name))].slice(0, 3);
    return {
      ok: false,
      answer: ok(command, [], {
        message: `Nobody called "${typed.slice(0, 80)}" appears in ${article ? 'this article' : 'the articles'}.`,
        ...(near.length > 0 ? { suggestions: near } : {}),
      }),
    };
  }
  // One person may be named differently across articles ("Obama" in one, "Barack Obama" in
  // another): names where one is the other with words left out, and the same surname, are the
  // same entity. Different first names ("Tom Hale", "Ruth Hale") stay apart.
  const inScope = (e: Entity): boolean => article === undefined || e.article === article;
  const group: Entity[] = [];
  const names = new Set<string>();
  for (const h of hits) {
    const e = h.item;
    const key = e.name.toLowerCase();
    if (names.has(key) || e.kind !== best.item.kind || !compatibleNames(e.name, best.item.name)) continue;
    names.add(key);
    group.push(...sameEntity(kb, e).filter(inScope));
  }
  group.sort((a, b) => kb.articleOrder(a.article) - kb.articleOrder(b.article));
  const others = [
    ...new Set(
      hits
        .slice(1)
        .filter((h) => !names.has(h.item.name.toLowerCase()) && best.score - h.score <= 0.02)
        .map((h) => h.item.name),
    ),
  ];
  return { ok: true, entities: group, score: best.score, others };
}

/**
 * One quote per paragraph: the pieces of a split quotation ("…," she said, "…") and several
 * quotations in one paragraph are one passage to a reader, so they are listed and counted once,
 * joined in reading order.
 */
export function byParagraph(quotes: readonly Quote[]): Quote[] {
  const out: Quote[] = [];
  const at = new Map<string, number>();
  for (const q of quotes) {
    const key = `${q.article}\u0000${q.span.citation.paragraph}`;
    const i = at.get(key);
    const prev = i === undefined ? undefined : out[i];
    if (i === undefined || !prev) {
      at.set(key, out.length);
      out.push(q);
    } else {
      out[i] = { ...prev, text: `${prev.text} … ${q.text}`, display: `${prev.display} … ${q.display}` };
    }
  }
  return out;
}

/** `/quotes speaker:…`: every direct quote of that person, in article order, one per paragraph, each cited. */
export function quotesBy(kb: KnowledgeBase, speaker: string, articleQuery?: string): Answer {
  const scope = scopeArticle(kb, 'quotes', articleQuery);
  if (!scope.ok) return scope.answer;
  const found = findEntity(kb, 'quotes', speaker, scope.article?.id);
  if (!found.ok) return found.answer;
  const name = found.entities[0]?.name ?? speaker;
  // Article order: entity records come in article order, each one's quotes in reading order.
  const results: Result[] = found.entities.flatMap((e) =>
    byParagraph(kb.quotesOf(e.id)).map((q) => quoteResult(kb, q, found.score)),
  );

  const notes: string[] = [];
  if (found.score < STRONG) notes.push(`Closest name: ${name}.`);
  if (found.others.length > 0) notes.push(`Also matching: ${found.others.join(', ')}.`);
  if (results.length === 0) {
    const claims = found.entities.flatMap((e) => kb.claimsOf(e.id));
    const reported =
      claims.length > 0
        ? ` The article reports ${claims.length} statement(s) by ${name} in its own words (/who name:${name}).`
        : '';
    notes.unshift(
      `${name} has no direct quote in ${scope.article ? 'this article' : 'the articles'}.${reported}`,
    );
  } else {
    notes.unshift(`${results.length} quote(s) by ${name}.`);
  }
  return ok('quotes', results, {
    message: notes.join(' '),
    ...(found.others.length > 0 ? { suggestions: found.others } : {}),
  });
}

const KIND_LABEL: Record<Entity['kind'], string> = {
  person: 'Person',
  organization: 'Organisation',
  country: 'Country',
  group: 'Group',
};

function paragraphsOf(entity: Entity): number[] {
  return [...new Set(entity.mentions.map((m) => m.citation.paragraph))].sort((a, b) => a - b);
}

/** `/who name:…`: the person or organisation as each article describes them. */
export function who(kb: KnowledgeBase, name: string, articleQuery?: string): Answer {
  const scope = scopeArticle(kb, 'who', articleQuery);
  if (!scope.ok) return scope.answer;
  const found = findEntity(kb, 'who', name, scope.article?.id);
  if (!found.ok) return found.answer;
  const results: Result[] = found.entities.map((e) => {
    const k = kb.knowledgeOf(e.article);
    const quotes = byParagraph(kb.quotesOf(e.id));
    const claims = kb.claimsOf(e.id);
    const paragraphs = paragraphsOf(e);
    const fields: Field[] = [{ name: 'Kind', value: KIND_LABEL[e.kind] }];
    if (e.roles.length > 0)
      fields.push({
        name: 'Described as',
        value: [...new Set(e.roles.map((r) => `${r.text} (¶${r.citation.paragraph})`))].join('; '),
      });
    if (e.aliases.length > 0) fields.push({ name: 'Also called', value: e.aliases.join(', ') });
    fields.push({ name: 'Quotes', value: String(quotes.length) });
    if (claims.length > 0) fields.push({ name: 'Reported statements', value: String(claims.length) });
    fields.push({
      name: 'Mentioned',
      value: `${paragraphs.length > 0 ? `¶${paragraphs.join(', ¶')}` : 'once'} (${Math.max(1, e.mentions.length)} time(s))`,
    });
    const first = e.roles[0]?.citation ?? e.mentions[0]?.citation;
    return {
      kind: 'entity',
      title: e.name,
      text: e.roles[0]?.text ?? `${KIND_LABEL[e.kind]} named in ${k?.article.meta.title ?? e.article}`,
      fields,
      ...(first
        ? {
            citation: {
              article: e.article,
              paragraph: first.paragraph,
              ...(first.sentence !== undefined ? { sentence: first.sentence } : {}),
            },
          }
        : {}),
      score: round(found.score),
    };
  });
  const notes: string[] = [];
  if (found.score < STRONG) notes.push('Closest match for that name.');
  if (found.others.length > 0) notes.push(`Also matching: ${found.others.join(', ')}.`);
  return ok('who', results, {
    ...(notes.length > 0 ? { message: notes.join(' ') } : {}),
    ...(found.others.length > 0 ? { suggestions: found.others } : {}),
  });
}
