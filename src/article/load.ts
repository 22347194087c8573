/**
 * Folder -> { articles, problems }. One bad file never stops the rest: every file-content or
 * file-system problem becomes a `LoadProblem` naming the file and the reason.
 *
 * Which files are articles:
 * - `.txt`, `.md`, `.markdown`, `.html` and `.htm` files (extension case-insensitive), sorted by file name
 *   (code-unit order, not locale order, so every machine loads in the same order).
 * - Skipped quietly: dotfiles, sub-folders, any other extension (.json, .png ...), and
 *   `README.*` files (a README in seeds/ documents the folder, it is not an article).
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { decodeHtml, isHtmlFileName, parseHtmlArticle } from './html.ts';
import { parseArticle } from './parse.ts';
import type { Article, LoadProblem, ParseResult } from './types.ts';

/**
 * Largest article file accepted: 5 MiB. A news article is rarely over 100 KiB; anything far
 * larger is a wrong file (a data dump, a whole site scrape) and would slow every index built
 * from the articles. Pass `maxBytes` to change it.
 */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Extensions read as articles (lowercase, with the dot). */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm'];

/**
 * Files read per slice before yielding to the event loop. Reads are synchronous: for thousands of
 * small files the promise round trips of asynchronous reads cost about five times the CPU of the
 * system calls themselves; slices keep a reload of a large folder from holding up interactions.
 */
const READ_SLICE = 200;

/** Options of {@link loadArticles} and {@link parseArticleFile}. */
export interface LoadOptions {
  /** Files larger than this many bytes are reported, not read. Default {@link MAX_ARTICLE_BYTES}. */
  maxBytes?: number;
}

/** What a folder load gives: the articles that loaded and a problem for each file that did not. */
export interface LoadResult {
  articles: Article[];
  problems: LoadProblem[];
}

/** The article id of a file: its base name without the extension (`seeds/a.txt` -> `a`). */
export function articleId(file: string): string {
  const base = path.basename(file);
  const ext = path.extname(base);
  return ext.length > 0 ? base.slice(0, -ext.length) : base;
}

/** Whether a directory entry name is an article file (see the module comment for the rules). */
export function isArticleFileName(name: string): boolean {
  if (name.startsWith('.')) return false;
  const ext = path.extname(name).toLowerCase();
  if (!ARTICLE_EXTENSIONS.includes(ext)) return false;
  return articleId(name).toLowerCase() !== 'readme';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * True when the bytes look binary: a NUL byte, or more than 1% C0 control characters (other than
 * tab, LF, CR, FF) in the first 8 KiB. Text articles have neither.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  return controls > n / 100;
}

/**
 * The pure bytes -> ParseResult step of loading one file, shared by {@link loadArticles} and
 * anything that reads files another way (a cache, a worker). Checks, in order: size limit,
 * empty / whitespace-only, UTF-16 byte-order mark, binary content (NUL bytes), valid UTF-8; then
 * parses. The article id is the file's base name without extension.
 *
 * @param file - the file path or name (used for the id and in messages)
 * @param bytes - the file's content
 * @param opts - `maxBytes`: size limit (default {@link MAX_ARTICLE_BYTES})
 * @returns the parsed article, or `{ ok: false, reason }`; never throws
 */
export function parseArticleFile(file: string, bytes: Uint8Array, opts: LoadOptions = {}): ParseResult {
  const maxBytes = opts.maxBytes ?? MAX_ARTICLE_BYTES;
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `file is ${bytes.length} bytes, over the limit of ${maxBytes} bytes` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (isHtmlFileName(file)) return parseHtmlFile(file, bytes);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'UTF-16 text is not supported; save the file as UTF-8' };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary file (NUL or control bytes), not text' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
  if (text.trim().length === 0) return { ok: false, reason: 'empty file (whitespace only)' };
  return parseArticle({ id: articleId(file), file, text });
}

/** An `.html` / `.htm` file: decoded by its declared charset, then read as a publisher's page. */
function parseHtmlFile(file: string, bytes: Uint8Array): ParseResult {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes))
    return { ok: false, reason: 'binary file (NUL or control bytes), not text' };
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return decoded;
  return parseHtmlArticle(decoded.text, { id: articleId(file), file });
}

function errorCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string')
    return err.code;
  return err instanceof Error ? err.message : String(err);
}

/** One article file as read from disk, before parsing. */
export interface ArticleFile {
  /** Path as listed (`dir/name`), used in messages and as the article's `file`. */
  file: string;
  id: string;
  bytes: Uint8Array;
}

/** Whether `real` (a resolved path) lies inside the folder `root` (also resolved). */
function isInside(root: string, real: string): boolean {
  const rel = path.relative(root, real);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Reads one listed file; every failure is a reason string, never an exception. Only a regular
 * file whose real path is inside the articles folder is read: a symlink out of it (to `.env`,
 * `/etc/passwd`, `/proc/...`) would publish that file's text as an article title. The file is
 * opened non-blocking and checked on the open descriptor, so a FIFO or device never blocks
 * loading and a swap between the check and the read cannot slip another file in.
 */
function readOne(
  file: string,
  maxBytes: number,
  root: string,
): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  try {
    const real = realpathSync(file);
    if (!isInside(root, real))
      return { ok: false, reason: 'link to a file outside the articles folder (refused)' };
    const fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const info = fstatSync(fd);
      if (!info.isFile())
        return { ok: false, reason: 'not a regular file (FIFO, device or folder; refused)' };
      if (info.size > maxBytes) {
        return { ok: false, reason: `file is ${info.size} bytes, over the limit of ${maxBytes} bytes` };
      }
      return { ok: true, bytes: readFileSync(fd) };
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT') return { ok: false, reason: 'file disappeared before it could be read (ENOENT)' };
    return { ok: false, reason: `cannot read file (${code})` };
  }
}

/**
 * Lists and reads the article files of a folder without parsing them (the step a cache or a
 * worker pool needs before deciding what to parse). File-system problems, duplicate ids and
 * oversize files are reported here; content problems are found by {@link parseArticleFile}.
 *
 * @returns the files in name order and a problem for each one that could not be read
 */
export async function readArticleFiles(
  dir: string,
  opts: LoadOptions = {},
): Promise<{ files: ArticleFile[]; problems: LoadProblem[] }> {
  const maxBytes = opts.maxBytes ?? MAX_ARTICLE_BYTES;
  let names: string[];
  let root: string;
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    root = await realpath(dir);
    // Symlinks are listed: one that resolves to a regular file inside the folder loads, any
    // other (outside, FIFO, device, folder, dangling) is reported by name when read.
    names = entries
      .filter((e) => !e.isDirectory() && isArticleFileName(e.name))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (err) {
    const code = errorCode(err);
    const reason =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'folder not found' : `cannot read folder (${code})`;
    return { files: [], problems: [{ file: dir, reason }] };
  }

  // Ids are claimed in name order before any reading, so which file wins never depends on timing.
  const owner = new Map<string, string>();
  const jobs: Array<{ file: string; duplicateOf?: string }> = names.map((name) => {
    const file = path.join(dir, name);
    const id = articleId(name);
    const first = owner.get(id);
    if (first !== undefined) return { file, duplicateOf: first };
    owner.set(id, file);
    return { file };
  });

  const results = new Array<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }>(jobs.length);
  for (let k = 0; k < jobs.length; k++) {
    if (k > 0 && k % READ_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const job = jobs[k] as (typeof jobs)[number];
    results[k] =
      job.duplicateOf !== undefined
        ? {
            ok: false,
            reason: `duplicate article id '${articleId(job.file)}': ${job.duplicateOf} already has it`,
          }
        : readOne(job.file, maxBytes, root);
  }

  const files: ArticleFile[] = [];
  const problems: LoadProblem[] = [];
  results.forEach((r, k) => {
    const file = (jobs[k] as (typeof jobs)[number]).file;
    if (r.ok) files.push({ file, id: articleId(file), bytes: r.bytes });
    else problems.push({ file, reason: r.reason });
  });
  return { files, problems };
}

/**
 * Loads every article file in a folder (not recursive). Files load in name order; each broken
 * file becomes a problem `{ file, reason }` and the others still load:
 * empty or whitespace-only, binary / NUL bytes, invalid UTF-8, over the size limit, no body
 * paragraphs, broken front matter, a file that vanishes or cannot be read after listing, and a
 * duplicate id (same base name, two extensions: the first by sorted name keeps the id, the later
 * one is a problem naming both). A missing folder gives one problem, `'folder not found'`.
 *
 * @param dir - the articles folder
 * @param opts - `maxBytes`: per-file size limit (default {@link MAX_ARTICLE_BYTES})
 * @returns the loaded articles (name order) and the problems (name order); never rejects for
 *   file-content or file-system reasons
 */
export async function loadArticles(dir: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const { files, problems } = await readArticleFiles(dir, opts);
  const articles: Article[] = [];
  for (const f of files) {
    const parsed = parseArticleFile(f.file, f.bytes, opts);
    if (parsed.ok) articles.push(parsed.article);
    else problems.push({ file: f.file, reason: parsed.reason });
  }
  // Problems in name order, whichever step found them.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { articles, problems };
}
