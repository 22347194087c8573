import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { OkAnswer, Result } from '../answer.ts';
import type { Article, Citation } from '../article/types.ts';
import { inlineDiff } from '../answers/check-quote.ts';
import { STRONG } from '../answers/shared.ts';
import type { ArticleFinder } from '../render/text.ts';
import { escapeText, truncate, truncateMarkdown } from './render.ts';

/**
 * The layout of one answer page as a single embed: the passage or numbered list in the
 * description, the citation line (`Title · ¶5 · Outlet · date`, linked when the article has a
 * URL) once, and `Page 1/2 · 13 quotes` in the footer. A member reads the answer at a glance on a
 * phone: no author, title and footer repeated per result.
 */

/** Results per page for list answers (quotes, facts, summary points, articles). */
export const LIST_PAGE_SIZE = 10;

/** Commands whose answers page differently: /ask shows one passage and a button for more; /help is one page. */
export const PAGE_SIZES: Readonly<Record<string, number>> = { ask: 1, help: 25 };

export function pageSizeOf(command: string, fallback = LIST_PAGE_SIZE): number {
  return PAGE_SIZES[command] ?? fallback;
}

export const COLORS = {
  result: 0x5865f2,
  weak: 0x99aab5,
  verbatim: 0x57f287,
  altered: 0xfee75c,
  paraphrase: 0x3ba7ff,
  'meaning-changed': 0xf47b20,
  absent: 0xed4245,
  card: 0x1f8b4c,
} as const;

export const VERDICT_LABELS = {
  verbatim: '✅ Verbatim',
  altered: '⚠️ Altered',
  paraphrase: '🔁 Paraphrase',
  'meaning-changed': '❗ Meaning changed',
  absent: '❌ Not in the articles',
} as const;

/** The one wording of a match below {@link STRONG}, everywhere. */
export const WEAK_LABEL = 'Weak match — check the citation';

/** What a count of results is called, per command ("13 quotes"). */
const NOUNS: Readonly<Record<string, [string, string]>> = {
  quotes: ['quote', 'quotes'],
  facts: ['fact', 'facts'],
  summary: ['point', 'points'],
  articles: ['article', 'articles'],
  ask: ['passage', 'passages'],
  help: ['command', 'commands'],
  who: ['article', 'articles'],
  'who-said': ['match', 'matches'],
};

export function countLabel(command: string, n: number): string {
  const [one, many] = NOUNS[command] ?? ['result', 'results'];
  return `${n} ${n === 1 ? one : many}`;
}

export function httpUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `[Title](url) · ¶5 · Outlet · date`; without the ¶ when a list cites per item. */
export function citationLine(
  article: Article | undefined,
  citation: Citation | undefined,
  articleId = '',
): string {
  const parts: string[] = [];
  if (article === undefined) parts.push(`\`${escapeText(citation?.article ?? articleId)}\``);
  else {
    const title = escapeText(truncate(article.meta.title, 120));
    const url = httpUrl(article.meta.url);
    parts.push(url === undefined ? `*${title}*` : `[${title}](${url})`);
  }
  if (citation !== undefined) parts.push(`¶${citation.paragraph}`);
  if (article?.meta.outlet) parts.push(escapeText(article.meta.outlet));
  const date = article?.meta.date ?? article?.meta.published;
  if (date) parts.push(date);
  return parts.join(' · ');
}

/** The citation line without Markdown, for a footer: `Title · ¶5 · Outlet · date`. */
export function plainCitation(article: Article | undefined, citation: Citation): string {
  const parts = [article?.meta.title ?? citation.article, `¶${citation.paragraph}`];
  if (article?.meta.outlet) parts.push(article.meta.outlet);
  const date = article?.meta.date ?? article?.meta.published;
  if (date) parts.push(date);
  return parts.join(' · ');
}

/** `— **Speaker**, role` under a quote; the narration and reported-speech cases said plainly. */
export function attribution(result: Result): string | undefined {
  if (result.speaker === undefined) return undefined;
  if (result.kind === 'narration') return "— the writer's own words (narration), not a quote";
  const who = result.speaker === null ? 'unattributed' : `**${escapeText(result.speaker)}**`;
  const role = result.role ? `, ${escapeText(result.role)}` : '';
  return result.kind === 'claim' ? `— reported: ${who}${role} (not a direct quote)` : `— ${who}${role}`;
}

/** Markdown text with its `highlight` in bold (spaces kept outside the markers). */
export function highlighted(result: Result): string {
  const { text, highlight: h } = result;
  if (!h || h.start < 0 || h.end > text.length || h.start >= h.end) return escapeText(text);
  let start = h.start;
  let end = h.end;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (start >= end || (start === 0 && end === text.length)) return escapeText(text);
  return `${escapeText(text.slice(0, start))}**${escapeText(text.slice(start, end))}**${escapeText(text.slice(end))}`;
}

/** Each line of `markdown` as a block quote. */
export function blockQuote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** The inline diff of a posted text against the article's words: `~~removed~~ **added**`. */
export function diffMarkdown(posted: string, source: string): string {
  const ops = inlineDiff(posted, source);
  const out: string[] = [];
  for (const op of ops) {
    const word = escapeText(op.text);
    if (op.op === 'same') out.push(word);
    else if (op.op === 'removed') out.push(`~~${word}~~`);
    else out.push(`**${word}**`);
  }
  // Neighbouring marks of one kind read better joined: "~~two words~~".
  return out
    .join(' ')
    .replace(/~~ ~~/g, ' ')
    .replace(/\*\* \*\*/g, ' ');
}

/** All shown results cite one article: its id, else undefined. */
function singleArticle(results: readonly Result[]): string | undefined {
  const ids = new Set(results.map((r) => r.citation?.article).filter((id) => id !== undefined));
  return ids.size === 1 ? [...ids][0] : undefined;
}

export interface PageView {
  answer: OkAnswer;
  shown: readonly Result[];
  /** Index of shown[0] in answer.results. */
  offset: number;
  page: number;
  pages: number;
  find: ArticleFinder;
  /** The text the user posted (check-quote, the context menu), for the inline diff. */
  posted?: string | undefined;
  /** Slash command ids by name, for clickable `</name:id>` mentions. */
  commandIds?: ReadonlyMap<string, string> | undefined;
  /** Page buttons come with the page (false: the first page is all the reader gets). */
  paged?: boolean;
}

function footer(view: PageView): string | undefined {
  const total = view.answer.results.length;
  const count = countLabel(view.answer.command, total);
  if (view.pages > 1 && view.paged === false) return `Showing ${view.shown.length} of ${count}`;
  if (view.pages > 1) return `Page ${view.page + 1}/${view.pages} · ${count}`;
  return total > 1 ? count : undefined;
}

function colorOf(view: PageView): number {
  const first = view.shown[0];
  if (first?.verdict !== undefined) return COLORS[first.verdict];
  if (first?.score !== undefined && first.score < STRONG && first.kind !== 'check') return COLORS.weak;
  return COLORS.result;
}

/** A leading "3 quote(s) by …." / "5 number(s) and date(s)." sentence: the footer's count already. */
const COUNT_SENTENCE = /^\d+ [^.]*\(s\)[^.]*\.\s*/;

/** The message above the items: the answer's note, the weak-match label. */
function noteLines(view: PageView): string[] {
  const lines: string[] = [];
  const first = view.shown[0];
  // The footer counts the results and a check's title says the verdict: no sentence repeats them.
  const message =
    first?.kind === 'check' || first?.kind === 'command'
      ? undefined
      : view.answer.message?.replace(COUNT_SENTENCE, '').trim();
  if (message) lines.push(`*${escapeText(truncate(message, 600))}*`);
  const weak = first?.score !== undefined && first.score < STRONG && first.kind !== 'check';
  if (weak && !(message ?? '').toLowerCase().includes('weak match')) lines.push(`-# ${WEAK_LABEL}`);
  if (view.answer.command === 'ask' && view.page > 0)
    lines.push(`-# Another passage that may answer (less likely than passage 1)`);
  return lines;
}

/** One answer page as one embed. */
export function pageEmbed(view: PageView): APIEmbed {
  const first = view.shown[0];
  const embed: APIEmbed = { color: colorOf(view) };
  const body =
    first !== undefined && showsDetail(view) ? withAlternatives(detail(first, view), view) : list(view);
  if (body.title !== undefined) embed.title = truncate(body.title, 256);
  if (body.url !== undefined) embed.url = body.url;
  const lines = [...noteLines(view), ...body.lines].filter(
    (l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''),
  );
  embed.description = truncateMarkdown(lines.join('\n'), 4096) || '\u200b';
  if (body.fields !== undefined && body.fields.length > 0) embed.fields = body.fields.slice(0, 25);
  const foot = body.footer ?? footer(view);
  if (foot !== undefined) embed.footer = { text: foot };
  return embed;
}

/** Commands whose first result is the answer and the rest close alternatives. */
const DETAIL_COMMANDS: ReadonlySet<string> = new Set(['who-said', 'who-said-this', 'check-quote']);

function showsDetail(view: PageView): boolean {
  const kind = view.shown[0]?.kind;
  if (kind === 'summary' || kind === 'fact') return false;
  return view.shown.length === 1 || DETAIL_COMMANDS.has(view.answer.command);
}

function withAlternatives(body: Body, view: PageView): Body {
  const rest = view.shown.slice(1);
  if (rest.length === 0) return body;
  const ctx = { shared: undefined, oneSpeaker: false, budget: 300 };
  const lines = rest.map((r, i) => listItem(r, view, view.offset + i + 2, ctx));
  return { ...body, lines: [...body.lines, '', '**Also close:**', ...lines] };
}

interface Body {
  /** Plain text under the fields (a record's citation: the description ends before its fields). */
  footer?: string;
  title?: string;
  url?: string;
  lines: string[];
  fields?: APIEmbedField[];
}

/** A single result: the quote or passage in full, or a record with its fields. */
function detail(result: Result, view: PageView): Body {
  const article = result.citation ? view.find(result.citation.article) : undefined;
  const cite = result.citation ? citationLine(article, result.citation) : undefined;
  switch (result.kind) {
    case 'quote':
    case 'claim':
    case 'narration':
      return {
        lines: [
          blockQuote(truncateMarkdown(highlighted(result), 3000)),
          attribution(result) ?? '',
          cite ?? '',
        ],
      };
    case 'passage':
      return { lines: [...answerLines(result), cite ?? ''] };
    case 'check':
      return { ...checkBody(result, view), lines: [...checkBody(result, view).lines, cite ?? ''] };
    case 'summary':
    case 'fact':
      return list(view);
    default:
      return recordBody(result, view, cite);
  }
}

/** /ask: the short answer first, then the passage with the answering sentence in bold. */
function answerLines(result: Result): string[] {
  const lines: string[] = [];
  if (result.answer !== undefined && result.answer.trim() !== '')
    lines.push(`### ${escapeText(result.answer)}`);
  lines.push(blockQuote(truncateMarkdown(highlighted(result), 2500)));
  return lines;
}

function checkBody(result: Result, view: PageView): Body {
  const verdict = result.verdict ?? 'altered';
  const lines: string[] = [];
  if (verdict !== 'verbatim' && view.posted !== undefined && view.posted.trim() !== '') {
    lines.push('**What changed** (~~the article~~ **posted**):');
    lines.push(blockQuote(truncateMarkdown(diffMarkdown(view.posted, result.text), 1500)));
    lines.push('**The article prints:**');
  }
  lines.push(blockQuote(truncateMarkdown(escapeText(result.text), 1500)));
  const by = attribution(
    result.speaker === undefined
      ? { ...result, kind: 'narration', speaker: null }
      : { ...result, kind: 'quote' },
  );
  if (by !== undefined) lines.push(by);
  return { title: VERDICT_LABELS[verdict], lines };
}

/** Entities, articles, commands: a heading, the text, the fields as inline embed fields. */
function recordBody(result: Result, view: PageView, cite: string | undefined): Body {
  const article = result.citation ? view.find(result.citation.article) : undefined;
  const url = httpUrl(result.url ?? (result.kind === 'article' ? undefined : article?.meta.url));
  const fields = visibleFields(result).map((f) => ({
    name: escapeText(f.name),
    value: escapeText(f.value),
    inline: f.value.length <= 40,
  }));
  const title = result.kind === 'command' ? undefined : result.title;
  const lines: string[] = [];
  if (result.kind === 'command' && result.title !== undefined) lines.push(commandUsage(result.title, view));
  if (result.text.trim() !== '') lines.push(escapeText(truncate(result.text, 1500)));
  const body: Body = {
    ...(title !== undefined ? { title } : {}),
    ...(url !== undefined ? { url } : {}),
    lines,
    fields,
  };
  if (cite !== undefined && result.kind !== 'article') {
    // Below the fields, where a reader looks for the source; the title above links the article.
    if (fields.length > 0 && result.citation) body.footer = plainCitation(article, result.citation);
    else lines.push(cite);
  }
  return body;
}

/** Fields worth showing: "Quotes: 0" says nothing about an organisation. */
function visibleFields(result: Result): { name: string; value: string }[] {
  const kind = result.fields?.find((f) => f.name === 'Kind')?.value;
  return (result.fields ?? []).filter(
    (f) =>
      f.name.trim() !== '' &&
      f.value.trim() !== '' &&
      !(f.name === 'Quotes' && f.value === '0' && kind !== undefined && kind !== 'Person'),
  );
}

/** `/who-said quote:… [article:…]` with the name as a clickable `</who-said:ID>` mention when known. */
export function commandUsage(usage: string, view: Pick<PageView, 'commandIds'>): string {
  const m = /^\/([\w-]+)(.*)$/.exec(usage);
  if (m === null) return escapeText(usage);
  const name = m[1] ?? '';
  const rest = (m[2] ?? '').trim();
  const id = view.commandIds?.get(name);
  const mention = id !== undefined && /^\d{1,20}$/.test(id) ? `</${name}:${id}>` : `**/${escapeText(name)}**`;
  return rest === '' ? mention : `${mention} \`${rest.replace(/`/g, "'")}\``;
}

/** A numbered, dense list: one or two lines per item, the citation line once when all share an article. */
function list(view: PageView): Body {
  const shared = singleArticle(view.shown);
  const speakers = new Set(view.shown.map((r) => r.speaker));
  const oneSpeaker = speakers.size === 1 && view.shown[0]?.speaker != null;
  const budget = Math.max(80, Math.floor(3400 / Math.max(1, view.shown.length)));
  const lines: string[] = [];
  const first = view.shown[0];
  if (oneSpeaker && first !== undefined && (first.kind === 'quote' || first.kind === 'claim'))
    lines.push(attribution({ ...first, kind: 'quote' })?.replace(/^— /, '') ?? '', '');
  view.shown.forEach((r, i) =>
    lines.push(listItem(r, view, view.offset + i + 1, { shared, oneSpeaker, budget })),
  );
  if (shared !== undefined) lines.push('', citationLine(view.find(shared), undefined, shared));
  if (first?.kind === 'command' && view.answer.message !== undefined)
    lines.push('', ...view.answer.message.split('\n').map((l) => `• ${escapeText(l)}`));
  return { ...(titleOf(view) !== undefined ? { title: titleOf(view) as string } : {}), lines };
}

function titleOf(view: PageView): string | undefined {
  switch (view.answer.command) {
    case 'quotes': {
      const s = view.shown[0]?.speaker;
      return s ? `Quotes by ${s}` : 'Quotes';
    }
    case 'facts':
      return 'Numbers and dates';
    case 'summary':
      return 'Summary';
    case 'articles':
      return 'Loaded articles';
    case 'help':
      return 'Newsroom Bot — commands';
    case 'ask':
      return undefined;
    default:
      return undefined;
  }
}

interface ItemContext {
  shared: string | undefined;
  oneSpeaker: boolean;
  budget: number;
}

function paragraphMark(r: Result, view: PageView, ctx: ItemContext): string {
  if (!r.citation) return '';
  if (ctx.shared !== undefined) return ` · ¶${r.citation.paragraph}`;
  const title = view.find(r.citation.article)?.meta.title ?? r.citation.article;
  return ` · ¶${r.citation.paragraph} · *${escapeText(truncate(title, 40))}*`;
}

function listItem(r: Result, view: PageView, n: number, ctx: ItemContext): string {
  const mark = paragraphMark(r, view, ctx);
  const num = `**${n}.**`;
  switch (r.kind) {
    case 'quote':
    case 'claim':
    case 'narration': {
      const who = ctx.oneSpeaker ? '' : ` ${attribution(r) ?? ''}`;
      return `${num} ${truncateMarkdown(escapeText(r.text), ctx.budget)}${who}${mark}`;
    }
    case 'fact': {
      const head = r.title !== undefined ? `**${escapeText(r.title)}**` : '';
      const sentence = truncate(r.text, Math.min(110, ctx.budget));
      return `${num} ${head}${mark}\n${escapeText(sentence)}`;
    }
    case 'command':
      return `${commandUsage(r.title ?? '', view)} — ${escapeText(r.text)}`;
    case 'article':
      return articleItem(r, num);
    case 'entity':
      return `${num} **${escapeText(r.title ?? '')}** — ${escapeText(truncate(r.text, ctx.budget))}${mark}`;
    case 'passage':
      return `${num} ${truncateMarkdown(highlighted(r), ctx.budget)}${mark}`;
    default:
      return `${num} ${r.title !== undefined ? `**${escapeText(r.title)}** ` : ''}${truncateMarkdown(highlighted(r), ctx.budget)}${mark}`;
  }
}

function articleItem(r: Result, num: string): string {
  const field = (name: string): string | undefined => r.fields?.find((f) => f.name === name)?.value;
  const url = httpUrl(r.url);
  const title = escapeText(truncate(r.title ?? '', 150));
  const head = url === undefined ? `**${title}**` : `[**${title}**](${url})`;
  const meta = [field('Date'), field('Outlet'), field('Contents')]
    .filter((v) => v !== undefined)
    .map(escapeText);
  const id = field('Id');
  return `${num} ${head}\n${[...(id !== undefined ? [`\`${id.replace(/`/g, "'")}\``] : []), ...meta].join(' · ')}`;
}
