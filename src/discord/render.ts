import { ButtonStyle } from 'discord.js';
import type {
  APIButtonComponentWithCustomId,
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIEmbedField,
} from 'discord.js';
import type { Answer, ErrorAnswer, OkAnswer, Result } from '../answer.ts';
import type { OptionValue } from '../command.ts';
import type { Article } from '../article/types.ts';
import { formatCitation } from '../render/citation.ts';
import type { ArticleFinder } from '../render/text.ts';
import { button, customId, pagingButtons, rows } from './components.ts';
import { COLORS, VERDICT_LABELS, httpUrl, pageEmbed, pageSizeOf } from './layout.ts';

/**
 * Answer -> Discord message body (embeds + buttons). Pure functions over plain API JSON, so they
 * are unit-tested without a client. Every Discord limit is enforced here (a 50035 "invalid form
 * body" would lose the answer), and every text that came from an article or a user is escaped so
 * it can neither format nor mention.
 */

/** Discord's message and embed limits (DESIGN.md section 3). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
} as const;

/** Results per page of a list answer (all results of a page share one embed). */
export const PAGE_SIZE = 10;

const COLOR = { result: 0x2f6fdb, check: 0xd98e04, card: 0x1f8b4c } as const;

/** A message body before it is handed to discord.js (the caller adds allowedMentions and flags). */
export interface ReplyBody {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Only the invoker sees it (flags 64). */
  ephemeral: boolean;
}

// ------------------------------------------------------------------ text helpers

/**
 * Escapes Markdown and defuses mentions (`@everyone`, `<@id>`, `<#channel>`): a zero-width space
 * after every `@` keeps the text readable while Discord no longer parses it. (allowed_mentions is
 * empty on every message anyway; this also stops the mention from *rendering* as one.)
 * Hand-written and linear: discord.js's escapeMarkdown takes ~10 ms per 2000 characters, too
 * slow for a reply that escapes whole paragraphs.
 */
export function escapeText(text: string): string {
  return (
    text
      // Inline formatting, spoilers, code, masked links.
      .replace(/[\\*_~`|[\]]/g, '\\$&')
      // Block syntax at the start of a line: headings, subtext, quotes, lists.
      .replace(/^(\s*)(#|>|-(?=\s|#)|\+(?=\s))/gm, '$1\\$2')
      // A backslash before a digit is not an escape in Discord: escape the list's dot instead.
      .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.')
      .replace(/@/g, '@\u200b')
      .replace(/<(?=[#:/]|a:|t:)/g, '<\u200b')
  );
}

/**
 * Shortens `text` to at most `max` characters, on a word boundary when one is reasonably close,
 * ending with "…". Never splits a surrogate pair and never leaves a dangling escape backslash.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return '…';
  let cut = text.slice(0, max - 1);
  // Back up to the last whole word, unless the cut already falls between two words.
  const lastSpace = /\s/.test(text[max - 1] ?? '') ? -1 : cut.search(/\s\S*$/);
  if (lastSpace > (max - 1) * 0.6) cut = cut.slice(0, lastSpace);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/[\s\\]+$/, '');
  return `${cut}…`;
}

/** {@link truncate} that keeps `**bold**` markers balanced (a cut inside the highlight closes it). */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  if (!text.includes('**')) return truncate(text, max);
  let cut = truncate(text, Math.max(1, max - 2));
  const markers = cut.match(/\*\*/g)?.length ?? 0;
  if (markers % 2 === 1) {
    // Close the bold before the ellipsis so "…" stays outside it.
    cut = cut.endsWith('…') ? `${cut.slice(0, -1).trimEnd()}**…` : `${cut}**`;
  }
  return cut.length <= max ? cut : truncate(text.replace(/\*\*/g, ''), max);
}

/** The result text, Markdown-escaped, with its `highlight` range in bold. */
export function emphasised(result: Result, highlight = true): string {
  const text = result.text;
  const h = result.highlight;
  if (!highlight || !h || h.start < 0 || h.end > text.length || h.start >= h.end) return escapeText(text);
  // Bold does not render when the markers touch whitespace: keep spaces outside them.
  let start = h.start;
  let end = h.end;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (start >= end) return escapeText(text);
  return `${escapeText(text.slice(0, start))}**${escapeText(text.slice(start, end))}**${escapeText(text.slice(end))}`;
}

// ------------------------------------------------------------------ limits

/** Characters Discord counts towards the 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  let n =
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Clips every part of `embed` to its own limit, then the whole to `budget` characters. */
export function fitEmbed(embed: APIEmbed, budget: number = LIMITS.total): APIEmbed {
  const e: APIEmbed = { ...embed };
  if (e.title !== undefined) e.title = truncateMarkdown(e.title, LIMITS.title);
  if (e.description !== undefined) e.description = truncateMarkdown(e.description, LIMITS.description);
  if (e.author !== undefined) e.author = { ...e.author, name: truncate(e.author.name, LIMITS.author) };
  if (e.footer !== undefined) e.footer = { ...e.footer, text: truncate(e.footer.text, LIMITS.footer) };
  if (e.fields !== undefined) {
    e.fields = e.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: truncate(f.name, LIMITS.fieldName) || '\u200b',
      value: truncate(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  // Over budget: drop trailing fields first (least important), then shorten the description,
  // then the footer and title.
  while (embedLength(e) > budget && e.fields !== undefined && e.fields.length > 0)
    e.fields = e.fields.slice(0, -1);
  if (e.fields !== undefined && e.fields.length === 0) delete e.fields;
  let over = embedLength(e) - budget;
  if (over > 0 && e.description !== undefined) {
    const keep = e.description.length - over;
    if (keep >= 1) e.description = truncateMarkdown(e.description, keep);
    else delete e.description;
  }
  over = embedLength(e) - budget;
  if (over > 0 && e.footer !== undefined)
    e.footer = { ...e.footer, text: truncate(e.footer.text, Math.max(1, e.footer.text.length - over)) };
  over = embedLength(e) - budget;
  if (over > 0 && e.title !== undefined) e.title = truncate(e.title, Math.max(1, e.title.length - over));
  return e;
}

/** At most 10 embeds sharing the 6000-character total. */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const list = embeds.slice(0, LIMITS.embeds);
  if (list.length === 0) return [];
  const budget = Math.floor(LIMITS.total / list.length);
  const fitted = list.map((e) => fitEmbed(e, LIMITS.total));
  const total = fitted.reduce((n, e) => n + embedLength(e), 0);
  return total <= LIMITS.total ? fitted : fitted.map((e) => fitEmbed(e, budget));
}

// ------------------------------------------------------------------ embeds

function speakerLine(result: Result): string | undefined {
  // `speaker` undefined: the result kind has no speaker; null: it has one the article does not name.
  if (result.speaker === undefined) return undefined;
  const who = result.speaker ?? (result.kind === 'narration' ? 'The writer (narration)' : 'Unattributed');
  const label = result.kind === 'claim' ? `${who} (reported, not a direct quote)` : who;
  return result.role ? `${label} · ${result.role}` : label;
}

/**
 * One result as an embed: the passage with its highlight in bold, the speaker and role as the
 * author line, the citation (`¶N · title · outlet · date`) as the footer, a link to the article.
 */
export function resultEmbed(
  result: Result,
  find: ArticleFinder,
  options: { highlight?: boolean; card?: boolean } = {},
): APIEmbed {
  const article: Article | undefined = result.citation ? find(result.citation.article) : undefined;
  const embed: APIEmbed = {
    color: options.card === true ? COLOR.card : result.kind === 'check' ? COLOR.check : COLOR.result,
  };
  const author = speakerLine(result);
  if (author !== undefined) embed.author = { name: author };
  const title = result.title ?? article?.meta.title;
  if (title !== undefined && title.trim() !== '') {
    embed.title = escapeText(title);
    const url = httpUrl(result.url ?? article?.meta.url);
    if (url !== undefined) embed.url = url;
  }
  const description = result.text.trim() === '' ? '' : emphasised(result, options.highlight !== false);
  if (description !== '') embed.description = description;
  const fields: APIEmbedField[] = (result.fields ?? [])
    .filter((f) => f.name.trim() !== '' && f.value.trim() !== '')
    .map((f) => ({ name: escapeText(f.name), value: escapeText(f.value), inline: f.value.length <= 40 }));
  if (fields.length > 0) embed.fields = fields;
  if (result.citation) embed.footer = { text: formatCitation(result.citation, article) };
  if (embed.title === undefined && embed.description === undefined && embed.fields === undefined)
    embed.description = '\u200b';
  return embed;
}

// ------------------------------------------------------------------ answers

/**
 * Shown only to the person who asked: errors, misses, and /help (a manual, not news). A
 * /check-quote verdict is public even when the quote is not in the articles: it is a fact-check
 * the channel should see.
 */
export function isPrivateAnswer(answer: Answer): boolean {
  if (!answer.ok) return true;
  if (answer.command === 'help') return true;
  if (answer.command === 'check-quote') return false;
  return answer.results.length === 0;
}

/** Pages an answer needs at `pageSize` results per page (per command by default). */
export function pageCount(answer: Answer, pageSize: number = pageSizeOf(answer.command)): number {
  return answer.ok ? Math.max(1, Math.ceil(answer.results.length / pageSize)) : 1;
}

export interface RenderOptions {
  /** 0-based page to show (clamped). */
  page?: number;
  /** Key of the stored page request; enables Previous/Next when the answer has more than one page. */
  pageState?: string;
  /** Results per page; default per command ({@link pageSizeOf}). */
  pageSize?: number;
  /** The user asked for a private answer (`hide:true`). */
  hide?: boolean;
  /** Add a "Context ¶N" button for the answer's passage. Default true. */
  contextButtons?: boolean;
  /** The options the user gave, restated on public replies (`**Q:** …`). */
  input?: Readonly<Record<string, OptionValue>>;
  /** The text the user posted (the context menu's message), for the restatement and the diff. */
  posted?: string;
  /** Slash command ids by name, for clickable command mentions in /help. */
  commandIds?: ReadonlyMap<string, string>;
}

/** Unpaired UTF-16 surrogates (Discord rejects a body holding one) as U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** What the user asked, restated so bystanders have the context: `**Q:** …`, `You posted: …`. */
export function restatement(
  command: string,
  input: RenderOptions['input'],
  posted?: string,
): string | undefined {
  const said = (name: string): string | undefined => {
    const v = input?.[name];
    return typeof v === 'string' && v.trim() !== ''
      ? escapeText(truncate(v.replace(/\s+/g, ' ').trim(), 300))
      : undefined;
  };
  switch (command) {
    case 'ask': {
      const q = said('question');
      return q === undefined ? undefined : `**Q:** ${q}`;
    }
    case 'check-quote': {
      const t = said('text');
      return t === undefined ? undefined : `You posted: “${t}”`;
    }
    case 'who-said': {
      const t = said('quote');
      return t === undefined ? undefined : `**Who said** “${t}”?`;
    }
    case 'who-said-this':
      return posted === undefined || posted.trim() === ''
        ? undefined
        : `You posted: “${escapeText(truncate(posted.replace(/\s+/g, ' ').trim(), 300))}”`;
    default:
      return undefined;
  }
}

function errorBody(answer: ErrorAnswer, ephemeral: boolean): ReplyBody {
  const lines = [`⚠️ ${escapeText(answer.error)}`];
  if (answer.suggestions && answer.suggestions.length > 0)
    lines.push(`Did you mean: ${answer.suggestions.map(escapeText).join(', ')}`);
  return { content: truncate(lines.join('\n'), LIMITS.content), embeds: [], components: [], ephemeral };
}

/** A miss: what the articles do not have and, when known, where to look instead. */
function missEmbed(answer: OkAnswer): APIEmbed {
  const lines: string[] = [];
  const message = answer.message?.trim();
  lines.push(message ? escapeText(message) : 'Nothing in the articles answers that.');
  if (answer.suggestions && answer.suggestions.length > 0)
    lines.push(
      '',
      '**Try:**',
      ...answer.suggestions.slice(0, 5).map((s) => `• ${escapeText(truncate(s, 200))}`),
    );
  const embed: APIEmbed = {
    color: answer.command === 'check-quote' ? COLORS.absent : COLORS.weak,
    description: lines.join('\n'),
  };
  if (answer.command === 'check-quote') embed.title = VERDICT_LABELS.absent;
  return embed;
}

function pageButtons(answer: OkAnswer, state: string, page: number, pages: number) {
  const paging = pagingButtons(state, page, pages);
  if (answer.command === 'ask' && paging.length === 2) {
    const [prev, next] = paging as [APIButtonComponentWithCustomId, APIButtonComponentWithCustomId];
    return [
      { ...prev, label: '◀ Previous passage' },
      { ...next, label: 'More passages ▶' },
    ];
  }
  return paging;
}

/** An answer (one page of it) as a reply: the restated input, one embed, the buttons. */
export function renderAnswer(answer: Answer, find: ArticleFinder, options: RenderOptions = {}): ReplyBody {
  const ephemeral = options.hide === true || isPrivateAnswer(answer);
  if (!answer.ok) return errorBody(answer, ephemeral);
  const pageSize = Math.max(1, Math.min(25, options.pageSize ?? pageSizeOf(answer.command)));
  const pages = pageCount(answer, pageSize);
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
  const shown = answer.results.slice(page * pageSize, (page + 1) * pageSize);

  const embed =
    shown.length === 0
      ? missEmbed(answer)
      : pageEmbed({
          answer,
          shown,
          offset: page * pageSize,
          page,
          pages,
          find,
          paged: options.pageState !== undefined,
          posted: options.posted ?? stringOption(options.input, 'text'),
          commandIds: options.commandIds,
        });
  if (
    shown.length > 0 &&
    answer.suggestions &&
    answer.suggestions.length > 0 &&
    embed.description !== undefined
  )
    embed.description += `\n-# Also matching: ${answer.suggestions.map((s) => escapeText(truncate(s, 80))).join(' · ')}`;

  const components: APIComponentInMessageActionRow[] = [];
  const first = shown[0];
  if (
    options.contextButtons !== false &&
    first?.citation &&
    (shown.length === 1 || answer.command === 'who-said')
  ) {
    const id = customId({
      kind: 'context',
      article: first.citation.article,
      paragraph: first.citation.paragraph,
    });
    if (id !== null) components.push(button(id, `Show context ¶${first.citation.paragraph}`));
  }
  if (pages > 1 && options.pageState !== undefined)
    components.push(...pageButtons(answer, options.pageState, page, pages));

  // The description can quote the user (an inline diff of posted words): keep it well-formed too.
  if (embed.description !== undefined) embed.description = wellFormed(embed.description);
  const body: ReplyBody = { embeds: fitEmbeds([embed]), components: rows(components), ephemeral };
  const restated = ephemeral ? undefined : restatement(answer.command, options.input, options.posted);
  if (restated !== undefined) body.content = truncate(wellFormed(restated), LIMITS.content);
  return body;
}

function stringOption(input: RenderOptions['input'], name: string): string | undefined {
  const v = input?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** A short private notice (cooldown, refusal, expired button). */
export function notice(text: string): ReplyBody {
  return { content: truncate(text, LIMITS.content), embeds: [], components: [], ephemeral: true };
}

/** The quote card a moderator previews privately, with its "Post to channel" button. */
export function renderPreview(answer: Answer, find: ArticleFinder, postState: string): ReplyBody {
  const result = answer.ok ? answer.results[0] : undefined;
  if (result === undefined) return renderAnswer(answer, find, { hide: true });
  const id = customId({ kind: 'post', state: postState });
  return {
    content: 'Preview, visible only to you. Post this card to the channel?',
    embeds: fitEmbeds([resultEmbed(result, find, { highlight: false, card: true })]),
    components: id === null ? [] : rows([button(id, 'Post to channel', { style: ButtonStyle.Primary })]),
    ephemeral: true,
  };
}

/** The public quote card (what "Post to channel" sends). */
export function renderCard(answer: Answer, find: ArticleFinder): ReplyBody {
  const result = answer.ok ? answer.results[0] : undefined;
  if (result === undefined) return renderAnswer(answer, find);
  return {
    embeds: fitEmbeds([resultEmbed(result, find, { highlight: false, card: true })]),
    components: [],
    ephemeral: false,
  };
}

/** "Show context": ¶N-1, ¶N and ¶N+1 of an article, the cited one in bold. */
export function renderContext(article: Article, paragraph: number): ReplyBody {
  const around = article.paragraphs.filter((p) => Math.abs(p.number - paragraph) <= 1);
  if (!around.some((p) => p.number === paragraph)) {
    return notice(
      `That article has no paragraph ¶${paragraph} any more; the articles may have been reloaded.`,
    );
  }
  // Each neighbour gets a third of the description; the cited paragraph is what matters most.
  const share = Math.floor((LIMITS.description - 40) / Math.max(1, around.length));
  const parts = around.map((p) => {
    const text = truncate(escapeText(p.text), share - 12);
    return p.number === paragraph ? `**¶${p.number}** ${text}` : `*¶${p.number}* ${text}`;
  });
  const embed: APIEmbed = {
    color: COLOR.result,
    title: escapeText(article.meta.title),
    description: parts.join('\n\n'),
    footer: { text: formatCitation({ article: article.id, paragraph }, article) },
  };
  const url = httpUrl(article.meta.url);
  if (url !== undefined) embed.url = url;
  return { embeds: fitEmbeds([embed]), components: [], ephemeral: true };
}
