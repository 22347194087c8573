/**
 * Shared pieces of every format reader: the input shape, body blocks, link reduction and the
 * step that turns blocks into numbered paragraphs with sentences.
 */
import { splitSentences } from './sentences.ts';
import type { ArticleFormat, ArticleMeta, Paragraph, ParagraphKind, ParseResult } from './types.ts';

/** What {@link parseArticle} reads: the article id, the file name (for messages) and its text. */
export interface ArticleInput {
  id: string;
  file: string;
  text: string;
}

/** One body block before numbering: its kind and its text (lines still to be joined). */
export interface Block {
  kind: ParagraphKind;
  text: string;
}

/**
 * `[text](url)` and `[text](url "title")`; one level of parentheses inside the URL (Wikipedia
 * links). Each group is delimited by a character the next cannot contain, so no backtracking.
 */
const LINK = /\[([^[\]\n]*)\]\((?:[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"\n]*")?\)/g;

/**
 * Reduces link markup to its text: `[Dave DeCamp](#)` -> `Dave DeCamp`.
 *
 * @param text - text that may contain `[text](url)` links
 * @returns the text with every link replaced by its link text
 */
export function stripLinks(text: string): string {
  if (!text.includes('](')) return text;
  return text.replace(LINK, '$1');
}

/** Joins a block's lines with single spaces (the display form of a paragraph). */
export function joinLines(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits normalised text into blocks (runs of non-blank lines). */
export function splitBlocks(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

// ---------------------------------------------------------------------------------------------

/**
 * Most body paragraphs an article may have. A long read has a few hundred; tens of thousands is a
 * wrong file (a data dump, a log) that fits under the byte limit, and knowledge extraction grows
 * faster than linearly with it (100,000 short paragraphs took ~2 minutes): it is reported at once
 * instead of stalling every start.
 */
export const MAX_PARAGRAPHS = 5000;

export function buildArticle(input: ArticleInput, meta: ArticleMeta, blocks: Block[]): ParseResult {
  // Counted before splitting sentences, so an oversized file costs only the block split.
  if (blocks.length > MAX_PARAGRAPHS) {
    return {
      ok: false,
      reason: `${blocks.length} paragraphs, over the limit of ${MAX_PARAGRAPHS} (not a single news article?)`,
    };
  }
  const paragraphs: Paragraph[] = [];
  for (const block of blocks) {
    const text = joinLines(block.text);
    if (text.length === 0) continue;
    const number = paragraphs.length + 1;
    paragraphs.push({ number, kind: block.kind, text, sentences: splitSentences(text, number) });
  }
  if (paragraphs.length === 0) {
    return { ok: false, reason: `no body paragraphs (read as ${meta.format}; only a header was found)` };
  }
  return { ok: true, article: { id: input.id, file: input.file, meta, paragraphs } };
}

export function emptyMeta(title: string, format: ArticleFormat): ArticleMeta {
  return { title, authors: [], regions: [], themes: [], reports: [], format };
}
