import { fail, ok } from '../answer.ts';
import type { Answer, Field, Result } from '../answer.ts';
import {
  SENTENCE_HAS_DATE,
  SENTENCE_HAS_NUMBER,
  SENTENCE_HAS_REASON,
  SENTENCE_HAS_SPEAKER,
} from '../knowledge/knowledge-base.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { contentTerms } from '../text/match.ts';
import { scopeArticle } from './articles.ts';
import { findEntity } from './people.ts';
import type { Citation } from '../article/types.ts';
import { STRONG, WEAK, conceptCoverage, round } from './shared.ts';

/** What kind of answer a question wants, from its question words. */
export type QuestionKind = 'number' | 'date' | 'person' | 'place' | 'reason' | 'other';

export function questionKind(question: string): QuestionKind {
  const q = question.toLowerCase();
  if (/\bhow (many|much|long|far|big|large|old|often)\b|\bwhat (number|percentage|share|amount)\b/.test(q))
    return 'number';
  if (/\bwhen\b|\bwhat (date|day|year|month|time)\b|\bwhich (date|day|year|month)\b/.test(q)) return 'date';
  if (/\bwho(m|se)?\b|\bwhich (person|official|minister|leader|spokes\w*)\b/.test(q)) return 'person';
  if (/\bwhere\b|\bwhich (country|city|place|region)\b/.test(q)) return 'place';
  if (/\bwhy\b|\bwhat (caused|made|led)\b|\bfor what reason\b/.test(q)) return 'reason';
  return 'other';
}

const QUESTION_FRAME =
  /\b(?:how (?:long|many|much|often|far|old|big|large)|what (?:percentage|proportion|share|number|amount)|by (?:how much|what (?:percentage|amount|margin)))\b/gi;

/** "What did Lavrov say about the withdrawal?": a person and, optionally, a topic. */
const SAID_ABOUT =
  /^\s*(?:what|how)\s+(?:did|does|has|have|had|do)\s+(.+?)\s+(?:say|said|tell|told|think|thought|claim|argue|warn|write|mean|describe)\b(?:\s+(?:about|of|on|regarding|concerning)\s+(.+?))?\s*\??\s*$/i;

/**
 * Answers "what did X say (about Y)" from X's own quotes and reported statements, so the answer
 * is what X said rather than any passage that merely mentions X. Null when the question is not of
 * that shape or X said nothing on record (the general search then takes over).
 */
function saidAbout(
  kb: KnowledgeBase,
  question: string,
  article: string | undefined,
  limit: number,
): Answer | null {
  const m = SAID_ABOUT.exec(question);
  if (!m) return null;
  const found = findEntity(kb, 'ask', m[1] ?? '', article);
  if (!found.ok) return null;
  const topic = m[2]?.trim();
  type Said = { citation: Citation & { sentence: number }; score: number };
  const said: Said[] = [];
  if (topic) {
    // The person's own statements are few: score each against the topic directly rather than
    // hoping they rank among the archive-wide matches for a common topic word.
    const wanted = [...new Set(contentTerms(topic))];
    const about = (text: string): number => {
      if (wanted.length === 0) return 0;
      const words = new Set(contentTerms(text));
      return wanted.filter((w) => words.has(w)).length / wanted.length;
    };
    for (const e of found.entities) {
      for (const q of kb.quotesOf(e.id)) said.push({ citation: q.span.citation, score: about(q.text) });
      for (const c of kb.claimsOf(e.id)) said.push({ citation: c.span.citation, score: about(c.clause) });
    }
    for (let k = said.length - 1; k >= 0; k--) if ((said[k]?.score ?? 0) < 0.5) said.splice(k, 1);
    said.sort((a, b) => b.score - a.score);
  } else {
    for (const e of found.entities) {
      const k = kb.knowledgeOf(e.article);
      for (const q of k?.quotes ?? [])
        if (q.speakerId === e.id) said.push({ citation: q.span.citation, score: 1 });
      for (const c of k?.claims ?? [])
        if (c.speakerId === e.id) said.push({ citation: c.span.citation, score: 1 });
    }
  }
  const results: Result[] = [];
  const seen = new Set<string>();
  for (const s of said) {
    const key = `${s.citation.article}|${s.citation.paragraph}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const paragraph = kb.article(s.citation.article)?.paragraphs[s.citation.paragraph - 1];
    const sentence = paragraph?.sentences[s.citation.sentence - 1];
    if (!paragraph || !sentence) continue;
    results.push({
      kind: 'passage',
      text: paragraph.text,
      highlight: { start: sentence.start, end: sentence.end },
      citation: s.citation,
      score: round(s.score * found.score),
    });
    if (results.length >= limit) break;
  }
  return results.length > 0 ? ok('ask', results) : null;
}

const WANTS: Record<QuestionKind, number> = {
  number: SENTENCE_HAS_NUMBER,
  date: SENTENCE_HAS_DATE,
  person: SENTENCE_HAS_SPEAKER,
  place: 0,
  reason: SENTENCE_HAS_REASON,
  other: 0,
};

/**
 * `/ask question:…`: up to three passages that answer the question, the answering sentence
 * marked, each cited. Question words steer the ranking (how many -> numbers, when -> dates,
 * who -> people); a question whose key words the articles never use gets "not in the article".
 */
export function ask(kb: KnowledgeBase, question: string, articleQuery?: string, limit = 3): Answer {
  const scope = scopeArticle(kb, 'ask', articleQuery);
  if (!scope.ok) return scope.answer;
  const q = question.trim();
  if (contentTerms(q).length === 0) {
    return fail(
      'ask',
      'Ask a question with a few content words, e.g. /ask question:How many reservists did Tajikistan activate?',
    );
  }
  const kind = questionKind(q);
  const bySpeaker = saidAbout(kb, q, scope.article?.id, limit);
  if (bySpeaker) return bySpeaker;
  // The question frame ("how long", "by what percentage") says what kind of answer is wanted,
  // not what the answer is about: it steers the ranking but is not searched for.
  const core = q.replace(QUESTION_FRAME, ' ').trim() || q;
  const flags = kb.sentenceFlags;
  const want = WANTS[kind];
  const hits = kb.searchSentences(core, {
    limit: 30,
    candidates: 60,
    // Scored by word coverage below: fuse.js's whole-string similarity would be wasted work.
    rerank: false,
    ...(scope.article ? { article: scope.article.id } : {}),
    ...(want !== 0 ? { boost: (doc: number) => ((flags[doc] ?? 0) & want ? 1.5 : 1) } : {}),
  });
  const relevant = hits
    .map((h) => {
      const concepts = conceptCoverage(kb, core, h.matched);
      const index = h.index;
      const fits = want !== 0 && ((flags[index] ?? 0) & want) !== 0;
      // A question is worded unlike its answer, so fuse.js's whole-string similarity says little
      // here: confidence is how much of the question the sentence covers (typos and synonyms
      // count less), whether its key non-name words are there, and whether it holds the kind of
      // thing asked for (a number for "how many").
      const score = Math.min(1, 0.75 * h.coverage + 0.2 * concepts + (fits ? 0.05 : 0));
      return { hit: h, concepts, index, score };
    })
    .filter((r) => r.concepts >= 0.5 && r.score >= WEAK)
    .sort((a, b) => b.score - a.score);
  // Further passages must be nearly as relevant as the best: a strong answer is not padded with
  // loosely related paragraphs.
  const floor = (relevant[0]?.score ?? 0) - 0.3;

  const seen = new Set<string>();
  const results: Result[] = [];
  for (const r of relevant) {
    if (r.score < floor) break;
    const s = r.hit.item;
    const key = `${s.article}|${s.paragraph}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const paragraph = kb.article(s.article)?.paragraphs[s.paragraph - 1];
    if (!paragraph) continue;
    const fields: Field[] = [];
    const wanted = kb
      .factsInSentence(r.index)
      .filter((f) => (kind === 'date' ? f.kind === 'date' : kind === 'number' ? f.kind !== 'date' : false));
    if (wanted.length > 0)
      fields.push({
        name: kind === 'date' ? 'Date' : 'Figure',
        value: wanted.map((f) => (f.iso ? `${f.text} (${f.iso})` : f.text)).join('; '),
      });
    results.push({
      kind: 'passage',
      text: paragraph.text,
      highlight: { start: s.sentence.start, end: s.sentence.end },
      citation: { article: s.article, paragraph: s.paragraph, sentence: s.sentence.index },
      score: round(r.score),
      ...(fields.length > 0 ? { fields } : {}),
    });
    if (results.length >= limit) break;
  }
  if (results.length === 0) {
    return ok('ask', [], {
      message: `Not in the article${scope.article || kb.articles.length === 1 ? '' : 's'}: nothing there answers that question. Try other words, or /summary for what the article covers.`,
    });
  }
  const top = results[0]?.score ?? 0;
  return ok(
    'ask',
    results,
    top < STRONG ? { message: 'Weak match: these passages may only partly answer the question.' } : {},
  );
}
