/**
 * Article -> ArticleKnowledge: entities, attributed quotes, reported claims and facts.
 * Pure and deterministic; any internal failure degrades to less knowledge, never to a throw.
 */
import type { Article, Paragraph } from '../article/types.ts';
import type { ArticleKnowledge, Claim, Entity, Quote } from './types.ts';
import { buildPeople, type PeopleIndex } from './people.ts';
import {
  isMentionedTerm,
  attributeQuote,
  Discourse,
  findQuotations,
  isPartial,
  looksLikeTerm,
  toQuote,
  viewParagraph,
  type AttributedQuote,
  type QuoteMark,
  type RawQuote,
  type RuleContext,
} from './quotes.ts';
import { findClaims } from './claims.ts';
import { extractFacts } from './facts.ts';

export { EXTRACTOR_VERSION } from './version.ts';

const RULES_THAT_STAND_ALONE = new Set([
  'trailing',
  'inverted',
  'leading',
  'same-sentence',
  'according-to',
  'split',
  'colon',
  'framed',
]);

/**
 * Extracts what the bot knows about one article.
 *
 * @param article - a parsed article
 * @returns its entities, quotes, claims and facts (empty lists when extraction fails)
 */
export function extractKnowledge(article: Article): ArticleKnowledge {
  let entities: Entity[] = [];
  let quotes: Quote[] = [];
  let claims: Claim[] = [];
  try {
    const raws = findQuotations(article);
    const quotedRanges = new Map<number, [number, number][]>();
    const addRange = (p: number, m: QuoteMark): void => {
      const list = quotedRanges.get(p) ?? [];
      list.push([m.open, m.end]);
      quotedRanges.set(p, list);
    };
    for (const r of raws) {
      addRange(r.paragraph, r.mark);
      for (const c of r.continued) addRange(c.paragraph, c.mark);
    }
    const people = buildPeople(article, quotedRanges);
    const result = attributeAll(article, people, raws);
    quotes = result.quotes;
    claims = result.claims;
    entities = people.entities;
  } catch {
    // Extraction is best effort: a rule tripping over odd input must not take the article down.
  }
  let facts: ArticleKnowledge['facts'];
  try {
    facts = extractFacts(article);
  } catch {
    facts = [];
  }
  return { article, entities, quotes, claims, facts };
}

function attributeAll(
  article: Article,
  people: PeopleIndex,
  raws: RawQuote[],
): { quotes: Quote[]; claims: Claim[] } {
  const discourse = new Discourse();
  const views = new Map<number, RuleContext>();
  const marksOf = new Map<number, QuoteMark[]>();
  const addMark = (paragraph: number, mark: QuoteMark): void => {
    const list = marksOf.get(paragraph);
    if (list) list.push(mark);
    else marksOf.set(paragraph, [mark]);
  };
  const rawsOf = new Map<number, RawQuote[]>();
  for (const r of raws) {
    addMark(r.paragraph, r.mark);
    for (const c of r.continued) addMark(c.paragraph, c.mark);
    const list = rawsOf.get(r.paragraph);
    if (list) list.push(r);
    else rawsOf.set(r.paragraph, [r]);
  }
  const ctxOf = (p: Paragraph): RuleContext => {
    let c = views.get(p.number);
    if (!c) {
      c = {
        people,
        view: viewParagraph(
          p,
          (marksOf.get(p.number) ?? []).sort((a, b) => a.open - b.open),
          people.mentions.get(p.number) ?? [],
        ),
      };
      views.set(p.number, c);
    }
    return c;
  };
  const byNumber = new Map(article.paragraphs.map((p) => [p.number, p]));
  const attributed: AttributedQuote[] = [];
  const claims: Claim[] = [];
  for (const p of article.paragraphs) {
    if (p.kind === 'heading') continue;
    const ctx = ctxOf(p);
    const bySentence = quotesBySentence(ctx, rawsOf.get(p.number) ?? [], p.sentences.length);
    const earlier: AttributedQuote[] = [];
    for (const s of p.sentences) {
      discourse.addSentence(ctx, s.index);
      const sentence = s.index;
      for (const raw of bySentence.get(s.index) ?? []) {
        const lastPara =
          raw.continued.length > 0
            ? byNumber.get((raw.continued[raw.continued.length - 1] as { paragraph: number }).paragraph)
            : undefined;
        const lastCtx = lastPara ? ctxOf(lastPara) : null;
        const found = attributeQuote(ctx, raw, earlier, discourse, lastCtx);
        const inner = p.text.slice(raw.mark.innerStart, raw.mark.innerEnd).trim();
        // Scare quotes and titles are not quotes unless a rule names a speaker right there.
        if (
          looksLikeTerm(inner) &&
          raw.continued.length === 0 &&
          !(found.rule && RULES_THAT_STAND_ALONE.has(found.rule) && !isTitleCase(inner)) &&
          !coordinatedFragment(p.text, earlier[earlier.length - 1], raw, found.speaker)
        )
          continue;
        if (inner === '') continue;
        // "the term “…”", "nicknamed “…”": words mentioned, not said.
        if (raw.continued.length === 0 && isMentionedTerm(ctx.view, raw.mark)) continue;
        const texts = [inner];
        const displays = [p.text.slice(raw.mark.open, raw.mark.end)];
        for (const c of raw.continued) {
          const cp = byNumber.get(c.paragraph);
          if (!cp) continue;
          texts.push(cp.text.slice(c.mark.innerStart, c.mark.innerEnd).trim());
          displays.push(cp.text.slice(c.mark.open, c.mark.end));
        }
        const q: AttributedQuote = {
          raw,
          speaker: found.speaker,
          rule: found.rule,
          verb: found.verb,
          confidence: found.confidence,
          partial: isPartial(ctx.view, raw.mark),
          // The comma before a closing mark belongs to the sentence around the quote ("…,” he
          // said), not to the words quoted; display keeps the quote as printed.
          text: texts.join(' ').replace(/[\s,;:]+$/u, ''),
          display: displays.join('\n\n'),
          span: {
            citation: { article: article.id, paragraph: p.number, sentence },
            start: raw.mark.open,
            end: raw.mark.end,
          },
        };
        earlier.push(q);
        attributed.push(q);
        if (found.speaker) discourse.setSpeaker(p.number, sentence, found.speaker);
      }
      for (const c of findClaims(ctx, s.index, (ref) =>
        ref.type === 'pronoun' ? discourse.resolve(ref.pronoun, p.number, s.index) : ref.entity,
      )) {
        claims.push({
          id: `${article.id}#c${claims.length + 1}`,
          article: article.id,
          speaker: c.speaker.name,
          speakerId: c.speaker.id,
          verb: c.verb,
          clause: c.clause,
          sentence: s.text,
          span: {
            citation: { article: article.id, paragraph: p.number, sentence: s.index },
            start: c.start,
            end: c.end,
          },
        });
        discourse.setSpeaker(p.number, s.index, c.speaker);
      }
    }
  }
  const quotes = attributed.map((q, i) => toQuote(article, q, i + 1));
  return { quotes, claims };
}

/** The paragraph's quotations grouped by the sentence their opening mark is in, in text order. */
function quotesBySentence(ctx: RuleContext, here: RawQuote[], lastSentence: number): Map<number, RawQuote[]> {
  const out = new Map<number, RawQuote[]>();
  const sorted = [...here].sort((a, b) => a.mark.open - b.mark.open);
  const tokens = ctx.view.tokens;
  let t = 0;
  for (const raw of sorted) {
    while (t < tokens.length && (tokens[t] as { start: number }).start < raw.mark.open) t++;
    const sentence = t < tokens.length ? (ctx.view.sentence[t] ?? lastSentence) : lastSentence;
    const list = out.get(sentence);
    if (list) list.push(raw);
    else out.set(sentence, [raw]);
  }
  return out;
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * A short fragment joined by "and" / "or" to the kept fragment before it, with the same speaker:
 * `called it “null and void” and “absurd”`. The pair is one reported utterance, so the short one
 * is a quote too.
 */
function coordinatedFragment(
  text: string,
  prev: AttributedQuote | undefined,
  raw: RawQuote,
  speaker: Entity | null,
): boolean {
  if (!prev || !speaker || prev.speaker !== speaker || prev.raw.paragraph !== raw.paragraph) return false;
  return /^\s*,?\s*(?:and|or)\s*$/.test(text.slice(prev.raw.mark.end, raw.mark.open));
}
