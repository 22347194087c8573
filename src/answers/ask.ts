import { fail, ok } from '../answer.ts';
import type { Answer, Field, Result } from '../answer.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Article } from '../article/types.ts';
import { analyzeQuestion } from '../reader/question.ts';
import { pronounSubject, withTopic } from '../reader/headline.ts';
import type { QuestionAnalysis } from '../reader/question.ts';
import { answerCandidates, confidence, DEPTH, MODEL } from '../reader/read.ts';
import { PRONOUN_FAMILIES } from '../reader/words.ts';
import { statsOf } from '../reader/passages.ts';
import type { SentenceTerms } from '../reader/passages.ts';
import type { Scored } from '../reader/read.ts';
import { contentTerms } from '../text/match.ts';
import { scopeArticle } from './articles.ts';
import { findEntity } from './people.ts';
import { topicShares } from './statement-terms.ts';
import type { Citation } from '../article/types.ts';
import { round } from './shared.ts';
import { AUXILIARIES } from '../knowledge/lexicon/grammar.ts';

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
    // Their words are read from the quote and claim indexes: no statement is tokenised again.
    const about = topicShares(kb, [...new Set(contentTerms(topic))]);
    for (const e of found.entities) {
      for (const q of kb.quotesOf(e.id)) said.push({ citation: q.span.citation, score: about.quote(q) });
      for (const c of kb.claimsOf(e.id)) said.push({ citation: c.span.citation, score: about.claim(c) });
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

/** At most this many articles are read for a question across the whole archive. */
const ARTICLES_READ = 3;
/** Paragraphs read of the article that matches best then: fewer than in one article, for speed. */
const DEPTH_ACROSS = 3;
/**
 * Paragraphs read of each further article (look-alikes of the best one): the paragraph that
 * answers is BM25's first or second in all but a few in a thousand (measured on the bench's
 * archives), and the gate reads only the two most probable.
 */
const DEPTH_FURTHER = 2;
/**
 * A further article is read only when its best sentence covers the question nearly as well as
 * the best article's (coverage is idf-weighted, so lacking the question's rare word, the place or
 * person it names, puts an article far behind). Reading look-alike articles that lack it only
 * gives the reader near-duplicates to hesitate between.
 */
const COVERAGE_GAP = 0.1;

/** An article chosen for a question, with how much of the question it covers (idf-weighted). */
export interface ArticleChoice {
  article: Article;
  coverage: number;
}

/**
 * The articles a question is read against, best first: the scoped one, else those whose
 * sentences match best (with their coverage of the question; 1 for a scoped or only article).
 */
export function chooseArticles(
  kb: KnowledgeBase,
  question: string,
  scoped: Article | undefined,
): ArticleChoice[] {
  if (scoped) return [{ article: scoped, coverage: 1 }];
  if (kb.articles.length <= 1) return kb.articles.map((article) => ({ article, coverage: 1 }));
  const hits = kb.searchArticles(question, {
    limit: ARTICLES_READ,
    candidates: 30,
    rerank: false,
    fuzzyFallback: false,
  });
  const best = hits[0]?.coverage ?? 0;
  return hits
    .filter((h) => h.coverage >= best - COVERAGE_GAP)
    .map((h) => ({ article: h.item, coverage: h.coverage }));
}

/**
 * Whether a further article is read for an archive-wide question: always when the best article
 * does not answer, else only when it covers the question as fully as the best one.
 */
export function readsFurther(best: ArticleChoice, further: ArticleChoice, bestAnswered: boolean): boolean {
  return !bestAnswered || further.coverage >= best.coverage;
}

/**
 * An archive-wide question read against the chosen articles: the best one to
 * {@link DEPTH_ACROSS} paragraphs, each further one to {@link DEPTH_FURTHER}. A further article
 * that covers less of the question than the best one (it lacks a word the best one has, often
 * the place or person asked about) is read only when the best article does not answer (its
 * confidence is below the model's threshold): a confident answer from an article holding every
 * word the question shares with the archive is not beaten by one holding fewer (measured on the
 * bench's archives: hit@1 the same, a quarter of the further articles not read).
 */
function readAcross(
  choices: readonly ArticleChoice[],
  analysis: QuestionAnalysis,
  known: SentenceTerms,
): Scored[] {
  const [first, ...further] = choices;
  if (!first) return [];
  statsOf(first.article, known);
  const out = answerCandidates([first.article], analysis, MODEL, DEPTH_ACROSS);
  const answered = confidence(out) >= MODEL.threshold;
  for (const c of further) {
    if (!readsFurther(first, c, answered)) continue;
    statsOf(c.article, known);
    out.push(...answerCandidates([c.article], analysis, MODEL, DEPTH_FURTHER));
  }
  return out.sort((a, b) => b.p - a.p || a.paragraph - b.paragraph);
}

/**
 * An article's sentence terms as the archive's sentence index holds them (the same tokens, in
 * order), so reading an article for the first time does not tokenise it again. Null when the
 * index does not line up with the article (the reader then tokenises it itself).
 */
export function indexedTerms(kb: KnowledgeBase): (article: Article) => string[][][] | null {
  return (article) => {
    const { docStart, docTerms, terms } = kb.indexState().sentences;
    const out: string[][][] = [];
    for (const [p, paragraph] of article.paragraphs.entries()) {
      const first =
        paragraph.sentences.length > 0
          ? kb.sentenceIndexOf({ article: article.id, paragraph: p + 1, sentence: 1 })
          : 0;
      if (first === undefined) return null;
      const perSentence: string[][] = [];
      for (const [s, sentence] of paragraph.sentences.entries()) {
        const doc = first + s;
        if (kb.sentences[doc]?.sentence !== sentence) return null;
        const list: string[] = [];
        for (let i = docStart[doc] as number; i < (docStart[doc + 1] as number); i++)
          list.push(terms[docTerms[i] as number] as string);
        perSentence.push(list);
      }
      out.push(perSentence);
    }
    return out;
  };
}

/** The figure or date facts of the answering sentence, shown beside the passage. */
function factFields(kb: KnowledgeBase, c: Scored, q: QuestionAnalysis): Field[] {
  const at = kb.sentenceIndexOf({ article: c.article, paragraph: c.paragraph + 1, sentence: c.sentence + 1 });
  if (at === undefined) return [];
  const isDate = q.type === 'date';
  const isFigure = ['count', 'money', 'percent', 'duration', 'age'].includes(q.type);
  const wanted = kb
    .factsInSentence(at)
    .filter((f) => (isDate ? f.kind === 'date' : isFigure ? f.kind !== 'date' : false));
  if (wanted.length === 0) return [];
  return [
    {
      name: isDate ? 'Date' : 'Figure',
      value: wanted.map((f) => (f.iso ? `${f.text} (${f.iso})` : f.text)).join('; '),
    },
  ];
}

function passage(kb: KnowledgeBase, c: Scored, q: QuestionAnalysis, short = true): Result | null {
  const paragraph = kb.article(c.article)?.paragraphs[c.paragraph];
  const sentence = paragraph?.sentences[c.sentence];
  if (!paragraph || !sentence) return null;
  const fields = factFields(kb, c, q);
  return {
    kind: 'passage',
    text: paragraph.text,
    highlight: { start: sentence.start, end: sentence.end },
    citation: { article: c.article, paragraph: paragraph.number, sentence: sentence.index },
    score: round(c.p),
    ...(c.span && short ? { answer: c.span.text } : {}),
    ...(fields.length > 0 ? { fields } : {}),
  };
}

const cite = (r: Result, many: boolean): string =>
  `${many ? `${r.citation?.article ?? ''} ` : ''}¶${r.citation?.paragraph ?? 0}`;

/**
 * "Not in the article", naming the closest passage so the reader can judge for themselves. It
 * says only that the passage may not answer: on the news dev set, of the answerable questions
 * the gate withholds, about half have the answering paragraph as the closest one.
 */
function notInArticle(
  kb: KnowledgeBase,
  closest: Scored | undefined,
  q: QuestionAnalysis,
  many: boolean,
): Answer {
  const where = many ? 'articles' : 'article';
  const near = closest ? passage(kb, closest, q) : null;
  const sentence = near?.highlight ? near.text.slice(near.highlight.start, near.highlight.end) : '';
  const shown = sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
  return ok('ask', [], {
    message: near
      ? `Not in the ${where}: nothing there clearly answers that question. Closest, though it may not say (${cite(near, many)}): “${shown}”`
      : `Not in the ${where}: nothing there clearly answers that question. Try other words, or /summary for what the article covers.`,
  });
}

/** Whether every UTF-16 unit of the text is ASCII. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Input that is no question: one word, noise, another script. Null when it reads as a question. */
function badInput(q: string, analysis: QuestionAnalysis): string | null {
  if (analysis.terms.length === 0)
    return 'Ask a question with a few content words, e.g. /ask question:How many reservists did Tajikistan activate?';
  // Plain ASCII (most questions) is all Latin letters: no array of its letters needed to say so.
  if (!isAscii(q)) {
    const letters = q.match(/\p{L}/gu) ?? [];
    const latin = q.match(/[a-z]/gi) ?? [];
    if (letters.length > 0 && latin.length / letters.length < 0.5)
      return 'Ask in English: the articles are read in English.';
  }
  if (analysis.terms.length === 1 && analysis.wh === '' && !isYesNoQuestion(q)) {
    const what = /\s/.test(q) ? 'not a question' : 'one word, not a question';
    return `“${q}” is ${what}. Ask a full question, e.g. /ask question:What did ${q} say?`;
  }
  return null;
}

/**
 * A question opened by an auxiliary ("have the police been told", "were the reservists
 * told?"): a yes/no question a member asks, even with a single content word. "Did it open in
 * May or June?" offers its answers, so it is not one.
 */
function isYesNoQuestion(q: string): boolean {
  const words = q.toLowerCase().split(/\s+/);
  return words.length >= 3 && AUXILIARIES.has(words[0] ?? '') && !words.includes('or');
}

/**
 * `/ask question:…`: the short answer first (`answer`), in the passage that states it, cited.
 * The reader ranks each candidate article's paragraphs by BM25, picks the best sentence and a
 * span of the type asked for, and a trained logistic model gives the probability that the
 * paragraph answers; below the model's threshold the reply is "not in the article" with the
 * closest passage named in the message (results stay empty, as the JSON contract says).
 */
export function ask(kb: KnowledgeBase, question: string, articleQuery?: string, limit = 3): Answer {
  const scope = scopeArticle(kb, 'ask', articleQuery);
  if (!scope.ok) return scope.answer;
  const q = question.trim().slice(0, 300);
  // "When was it taken?" is about the article asked of, or the only one loaded.
  const only = kb.articles.length === 1 ? kb.articles[0] : undefined;
  const analysis = withTopic(analyzeQuestion(q), scope.article ?? only);
  const many = !scope.article && kb.articles.length > 1;
  const pronoun = many ? pronounSubject(analysis) : null;
  if (pronoun) return whichStory(kb, q, pronoun, analysis);
  const bad = badInput(q, analysis);
  if (bad) return fail('ask', bad);
  const bySpeaker = saidAbout(kb, q, scope.article?.id, limit);
  if (bySpeaker) return bySpeaker;
  const choices = chooseArticles(kb, q, scope.article);
  const known = indexedTerms(kb);
  let candidates: Scored[];
  if (scope.article) {
    for (const c of choices) statsOf(c.article, known);
    candidates = answerCandidates([scope.article], analysis, MODEL, DEPTH);
  } else candidates = readAcross(choices, analysis, known);
  const answering = byArticle(candidates).filter((g) => g.confidence >= MODEL.threshold);
  if (answering.length === 0) return notInArticle(kb, candidates[0], analysis, many);
  // Each answering article's best passage first (most confident article first), then the next
  // most likely passages of those articles (Discord shows them behind a button); a passage the
  // model all but rules out is not shown.
  const lead = answering.map((g) => g.candidates[0] as Scored);
  const sources = new Set(answering.map((g) => g.candidates[0]?.article));
  const rest = candidates.filter((c) => sources.has(c.article) && !lead.includes(c));
  const results: Result[] = [];
  // A yes/no question's answer is the sentence itself: no span of it says "yes" or "no".
  const short = analysis.wh !== '' || !isYesNoQuestion(q);
  for (const c of [...lead, ...rest]) {
    if (!lead.includes(c) && c.p < 0.05) break;
    const r = passage(kb, c, analysis, short);
    if (r) results.push(r);
    if (results.length >= limit) break;
  }
  return ok('ask', results, differing(results, many));
}

/**
 * A question that stands on a pronoun ("how old is she") asked across several articles: "she"
 * is whoever the member was reading about, which the bot cannot tell, and any one story's answer
 * would be a guess (an age in another story is no answer). The reply asks which story, naming up
 * to three to pick with `article:`.
 */
function whichStory(kb: KnowledgeBase, q: string, pronoun: string, analysis: QuestionAnalysis): Answer {
  // Stories that would answer it first, then the latest that speak of a "she": what a member is
  // most likely reading.
  const choices = analysis.terms.length > 0 ? chooseArticles(kb, q, undefined) : [];
  const answering = byArticle(readAcross(choices, analysis, indexedTerms(kb)))
    .filter((g) => g.confidence >= MODEL.threshold)
    .map((g) => choices.find((c) => c.article.id === g.candidates[0]?.article)?.article);
  const likely = [...new Set([...answering, ...latestSpeakingOf(kb.articles, pronoun)])]
    .filter((a): a is Article => a !== undefined)
    .slice(0, 3);
  const title = (t: string): string => (t.length > 70 ? `${t.slice(0, 69)}…` : t);
  return ok('ask', [], {
    message: `Which story do you mean by “${pronoun}”? The question names no one and nothing, and ${kb.articles.length} articles are loaded: ask again with article: to pick one.`,
    suggestions: likely.map((a) => `article:${a.id} (${title(a.meta.title)})`),
  });
}

/** How many of the latest stories are read for the pronoun's forms (a bound for a large archive). */
const RECENT_READ = 50;

/**
 * The latest stories, those that speak of a "she" (her forms, "Ms") first for a question about
 * one: a story that never does is not about her. Only the latest few are read for it.
 */
function latestSpeakingOf(articles: readonly Article[], pronoun: string): Article[] {
  const recent = [...articles]
    .sort((a, b) => (b.meta.date ?? '').localeCompare(a.meta.date ?? ''))
    .slice(0, RECENT_READ);
  const family = PRONOUN_FAMILIES.get(pronoun);
  if (!family) return recent;
  const uses = new Map(
    recent.map((a) => [
      a,
      a.paragraphs.some((p) => (p.text.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => family.has(w))),
    ]),
  );
  return recent.sort((a, b) => Number(uses.get(b)) - Number(uses.get(a)));
}

/**
 * The candidates of each article, judged on their own: the model's gate was trained on one
 * article's paragraphs, so two articles stating the same fact must not count as one article
 * hesitating between two paragraphs. Most confident article first.
 */
function byArticle(candidates: readonly Scored[]): { candidates: Scored[]; confidence: number }[] {
  const groups = new Map<string, Scored[]>();
  for (const c of candidates) {
    const group = groups.get(c.article);
    if (group) group.push(c);
    else groups.set(c.article, [c]);
  }
  return [...groups.values()]
    .map((g) => ({ candidates: g, confidence: confidence(g) }))
    .sort((a, b) => b.confidence - a.confidence);
}

/** Several articles answering differently: say so and cite each. */
function differing(results: readonly Result[], many: boolean): { message?: string } {
  if (!many) return {};
  const byArticle = new Map<string, Result>();
  for (const r of results)
    if (r.answer && r.citation && (r.score ?? 0) >= 0.3 && !byArticle.has(r.citation.article))
      byArticle.set(r.citation.article, r);
  const answers = new Set([...byArticle.values()].map((r) => (r.answer ?? '').toLowerCase()));
  if (byArticle.size < 2 || answers.size < 2) return {};
  const each = [...byArticle.values()].map((r) => `${r.answer ?? ''} (${cite(r, true)})`).join('; ');
  return { message: `The articles answer differently: ${each}.` };
}
