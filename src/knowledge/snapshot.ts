import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { LoadProblem, Paragraph, Sentence } from '../article/types.ts';
import type { KnowledgeIndexState } from './knowledge-base.ts';
import type { SearchIndexState } from './search-index.ts';
import type { ArticleKnowledge } from './types.ts';
import {
  ARRAY_FIELDS,
  TYPED,
  arraysProblem,
  documentCounts,
  indexProblem,
  knowledgeProblem,
  plainProblem,
} from './snapshot-check.ts';
import type { ArrayRef, TypedName } from './snapshot-check.ts';

/**
 * On-disk forms of what the bot knows.
 *
 * - {@link packKnowledge}/{@link unpackKnowledge}: one article's knowledge as JSON without what can
 *   be derived (sentence texts are slices of their paragraph), so the cache is smaller and the
 *   strings read back share their paragraph's memory.
 * - A snapshot: the knowledge of every article plus every built index, in one file. A warm start
 *   of a large archive reads it instead of re-tokenising everything (index arrays are read back
 *   as binary, not parsed).
 */

type PackedParagraph = Omit<Paragraph, 'sentences'> & { sentences: [number, number][] };
export type PackedKnowledge = Omit<ArticleKnowledge, 'article'> & {
  article: Omit<ArticleKnowledge['article'], 'paragraphs'> & { paragraphs: PackedParagraph[] };
};

export function packKnowledge(k: ArticleKnowledge): PackedKnowledge {
  return {
    ...k,
    article: {
      ...k.article,
      paragraphs: k.article.paragraphs.map((p) => ({
        ...p,
        sentences: p.sentences.map((s) => [s.start, s.end] as [number, number]),
      })),
    },
  };
}

/**
 * Restores derived fields and makes repeated strings share one copy: every `article` field is the
 * article's own id string, every sentence text a slice of its paragraph.
 */
export function unpackKnowledge(packed: PackedKnowledge): ArticleKnowledge {
  const id = packed.article.id;
  const paragraphs: Paragraph[] = packed.article.paragraphs.map((p) => ({
    ...p,
    sentences: p.sentences.map(([start, end], i): Sentence => ({
      index: i + 1,
      paragraph: p.number,
      text: p.text.slice(start, end),
      start,
      end,
    })),
  }));
  const k: ArticleKnowledge = { ...packed, article: { ...packed.article, paragraphs } };
  for (const list of [k.quotes, k.claims, k.facts, k.entities] as { article: string }[][])
    for (const item of list) item.article = id;
  for (const e of k.entities) for (const m of e.mentions) m.citation.article = id;
  for (const list of [k.quotes, k.claims, k.facts] as { span: { citation: { article: string } } }[][]) {
    for (const item of list) item.span.citation.article = id;
  }
  // Texts that are pieces of a paragraph become slices of it: V8 then keeps one copy of the
  // characters (quotes and claims would otherwise each hold their own, often two-byte, strings).
  const inParagraph = (paragraph: number, text: string): string => {
    const source = paragraphs[paragraph - 1]?.text;
    if (!source || text.length < 13) return text;
    const at = source.indexOf(text);
    return at < 0 ? text : source.slice(at, at + text.length);
  };
  for (const q of k.quotes) {
    const p = q.span.citation.paragraph;
    q.display = inParagraph(p, q.display);
    q.text = inParagraph(p, q.text);
  }
  for (const c of k.claims) {
    c.sentence = inParagraph(c.span.citation.paragraph, c.sentence);
    c.clause = inParagraph(c.span.citation.paragraph, c.clause);
  }
  for (const f of k.facts) f.sentence = inParagraph(f.span.citation.paragraph, f.sentence);
  for (const e of k.entities) for (const r of e.roles) r.text = inParagraph(r.citation.paragraph, r.text);
  return k;
}

/** Identifies a whole corpus: every file's cache key, in order, plus the index version. */
export function corpusKey(keys: readonly string[], indexVersion: string): string {
  const hash = createHash('sha256').update(indexVersion);
  for (const key of keys) hash.update('\0').update(key);
  return hash.digest('hex').slice(0, 40);
}

/** Format tag; a file with another `NWSNAP` version is simply not used (an upgrade, not damage). */
const MAGIC = 'NWSNAP05';
/** Magic, header length, then the SHA-256 of everything after the prefix. */
const PREFIX = 8 + 4 + 32;
type Typed = Int32Array | Uint32Array | Uint16Array;

interface Header {
  key: string;
  knowledgeBytes: number;
  problems: LoadProblem[];
  plain: Record<
    string,
    Omit<
      SearchIndexState,
      | 'articleOfDoc'
      | 'postingStart'
      | 'postingDocs'
      | 'postingTfs'
      | 'docTerms'
      | 'docStart'
      | 'lengths'
      | 'wordTerms'
    >
  >;
  arrays: ArrayRef[];
}

export interface Snapshot {
  knowledge: ArticleKnowledge[];
  indexes: KnowledgeIndexState;
  problems: LoadProblem[];
}

/**
 * What reading a snapshot gave: the snapshot, or none; `damaged` says why a snapshot that was
 * there could not be trusted (worth one warning; absent when there is none or it is for other files).
 */
export type SnapshotRead = { ok: true; snapshot: Snapshot } | { ok: false; damaged?: string };

export function snapshotPath(folder: string): string {
  return path.join(folder, 'snapshot.bin');
}

/** The parts of a snapshot file after the prefix, in file order. */
function encode(key: string, snapshot: Snapshot): Uint8Array[] {
  // One article per line, non-ASCII escaped: read back line by line as small one-byte strings,
  // so loading never holds one 100 MB string (two-byte if it held a single curly quote).
  const ascii = (text: string): string =>
    text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const knowledge = Buffer.from(
    snapshot.knowledge.map((k) => `${ascii(JSON.stringify(packKnowledge(k)))}\n`).join(''),
    'latin1',
  );
  const arrays: ArrayRef[] = [];
  const chunks: Uint8Array[] = [];
  const plain: Header['plain'] = {};
  let offset = 0;
  for (const [index, state] of Object.entries(snapshot.indexes) as [string, SearchIndexState][]) {
    plain[index] = {
      articleIds: state.articleIds,
      terms: state.terms,
      words: state.words,
      avgLength: state.avgLength,
      matchTexts: state.matchTexts,
    };
    for (const field of ARRAY_FIELDS) {
      const array = state[field];
      arrays.push({ index, field, type: array.constructor.name as TypedName, offset, length: array.length });
      chunks.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      const rest = Math.ceil(array.byteLength / 8) * 8 - array.byteLength;
      if (rest > 0) chunks.push(Buffer.alloc(rest));
      offset += Math.ceil(array.byteLength / 8) * 8;
    }
  }
  const header = Buffer.from(
    JSON.stringify({
      key,
      knowledgeBytes: knowledge.length,
      problems: snapshot.problems,
      plain,
      arrays,
    } satisfies Header),
  );
  const before = PREFIX + header.length + knowledge.length;
  const pad = Buffer.alloc((8 - (before % 8)) % 8);
  return [header, knowledge, pad, ...chunks];
}

/**
 * Writes the snapshot (temp file then rename, so a crash never leaves a half snapshot under the
 * real name; a failed write, a full disk, removes the temp file). Layout: magic, header length,
 * content hash, JSON header, knowledge JSON, 8-byte aligned arrays.
 */
export async function writeSnapshot(folder: string, key: string, snapshot: Snapshot): Promise<void> {
  const parts = encode(key, snapshot);
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  const prefix = Buffer.alloc(PREFIX);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE((parts[0] as Uint8Array).length, 8);
  hash.digest().copy(prefix, 12);
  const target = snapshotPath(folder);
  const temp = `${target}.${process.pid}.tmp`;
  const file = await open(temp, 'w');
  try {
    await file.write(prefix);
    for (const part of parts) await file.write(part);
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await rename(temp, target);
}

/** Checks a parsed header against the file size; returns where the arrays start, or a reason. */
function headerProblem(
  header: Header,
  headerLength: number,
  size: number,
): string | { base: number; bytes: number } {
  if (typeof header !== 'object' || header === null) return 'header is not an object';
  if (!Number.isSafeInteger(header.knowledgeBytes) || header.knowledgeBytes < 0) return 'knowledge length';
  const unaligned = PREFIX + headerLength + header.knowledgeBytes;
  if (unaligned > size) return 'knowledge length beyond the file';
  if (
    !Array.isArray(header.problems) ||
    !header.problems.every((p) => typeof p?.file === 'string' && typeof p.reason === 'string')
  )
    return 'problem list';
  const plain = plainProblem(header.plain);
  if (plain) return plain;
  const bytes = arraysProblem(header.arrays, Object.keys(header.plain));
  if (typeof bytes === 'string') return bytes;
  const base = unaligned + ((8 - (unaligned % 8)) % 8);
  if (base + bytes !== size) return 'arrays do not end at the end of the file';
  return { base, bytes };
}

type Reader = (position: number, length: number) => Promise<Buffer>;

/** The knowledge lines, block by block (memory near what the articles need), fed to the hash. */
async function readKnowledge(
  readAt: Reader,
  start: number,
  bytes: number,
  hash: ReturnType<typeof createHash>,
): Promise<ArticleKnowledge[]> {
  const knowledge: ArticleKnowledge[] = [];
  const BLOCK = 4 * 1024 * 1024;
  let carry = '';
  for (let at = 0; at < bytes; at += BLOCK) {
    const block = await readAt(start + at, Math.min(BLOCK, bytes - at));
    hash.update(block);
    const lines = (carry + block.toString('latin1')).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines)
      if (line !== '') knowledge.push(unpackKnowledge(JSON.parse(line) as PackedKnowledge));
  }
  if (carry !== '') knowledge.push(unpackKnowledge(JSON.parse(carry) as PackedKnowledge));
  return knowledge;
}

/** Index states over one region holding only the arrays (typed arrays are views, no copies). */
function viewIndexes(
  header: Header,
  region: Buffer,
  knowledge: ArticleKnowledge[],
): KnowledgeIndexState | string {
  const indexes = {} as Record<string, SearchIndexState>;
  for (const [index, plain] of Object.entries(header.plain))
    indexes[index] = { ...plain } as SearchIndexState;
  for (const ref of header.arrays) {
    const Ctor = TYPED[ref.type];
    const array = new Ctor(region.buffer as ArrayBuffer, region.byteOffset + ref.offset, ref.length);
    (indexes[ref.index] as unknown as Record<string, Typed>)[ref.field] = array;
  }
  const docs = documentCounts(knowledge);
  if (Object.keys(docs).some((name) => !Object.hasOwn(indexes, name))) return 'an index is missing';
  for (const [name, state] of Object.entries(indexes)) {
    const problem = docs[name] === undefined ? 'unknown index' : indexProblem(state, docs[name]);
    if (problem) return `${name} index: ${problem}`;
  }
  return indexes as KnowledgeIndexState;
}

/** The checked read of an open snapshot file of `size` bytes. */
async function readChecked(readAt: Reader, size: number, key: string): Promise<SnapshotRead> {
  if (size < PREFIX) return { ok: false, damaged: 'shorter than its prefix' };
  const prefix = await readAt(0, PREFIX);
  const magic = prefix.toString('latin1', 0, 8);
  if (magic !== MAGIC)
    return magic.startsWith('NWSNAP') ? { ok: false } : { ok: false, damaged: 'not a snapshot' };
  const headerLength = prefix.readUInt32LE(8);
  if (headerLength > size - PREFIX) return { ok: false, damaged: 'header length beyond the file' };
  const headerBytes = await readAt(PREFIX, headerLength);
  const header = JSON.parse(headerBytes.toString('utf8')) as Header;
  if (header?.key !== key)
    return typeof header?.key === 'string' ? { ok: false } : { ok: false, damaged: 'no key' };
  const layout = headerProblem(header, headerLength, size);
  if (typeof layout === 'string') return { ok: false, damaged: layout };
  const hash = createHash('sha256').update(headerBytes);
  const knowledge = await readKnowledge(readAt, PREFIX + headerLength, header.knowledgeBytes, hash);
  const padStart = PREFIX + headerLength + header.knowledgeBytes;
  hash.update(await readAt(padStart, layout.base - padStart));
  const region = await readAt(layout.base, layout.bytes);
  hash.update(region);
  if (!hash.digest().equals(prefix.subarray(12, PREFIX))) return { ok: false, damaged: 'checksum mismatch' };
  const bad = knowledge.map(knowledgeProblem).find((p) => p !== null);
  if (bad) return { ok: false, damaged: bad };
  const indexes = viewIndexes(header, region, knowledge);
  if (typeof indexes === 'string') return { ok: false, damaged: indexes };
  return { ok: true, snapshot: { knowledge, indexes, problems: header.problems } };
}

/**
 * Reads a snapshot for `key`. Every header field is checked against the file's size before it
 * is used, the content against its hash and the index arrays against what they index, so a
 * damaged or edited file can neither abort the process nor serve wrong answers: it is reported
 * as `damaged` and the caller rebuilds from the per-file cache. Opened non-blocking and checked
 * to be a regular file first, so a FIFO in its place cannot hang a start.
 */
export async function readSnapshot(folder: string, key: string): Promise<SnapshotRead> {
  let file;
  try {
    file = await open(snapshotPath(folder), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT'
      ? { ok: false }
      : { ok: false, damaged: `cannot open (${(error as { code?: string }).code ?? 'error'})` };
  }
  try {
    const info = await file.stat();
    if (!info.isFile()) return { ok: false, damaged: 'not a regular file' };
    // Read in parts so the peak memory is one part at a time, never the whole file plus copies.
    const readAt: Reader = async (position, length) => {
      const buf = Buffer.allocUnsafeSlow(length);
      const { bytesRead } = await file.read(buf, 0, length, position);
      if (bytesRead !== length) throw new Error('snapshot truncated');
      return buf;
    };
    return await readChecked(readAt, info.size, key);
  } catch (error) {
    return { ok: false, damaged: (error as Error).message.slice(0, 120) };
  } finally {
    await file.close();
  }
}
