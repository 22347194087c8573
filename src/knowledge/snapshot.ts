import { createHash } from 'node:crypto';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import type { LoadProblem, Paragraph, Sentence } from '../article/types.ts';
import type { KnowledgeIndexState } from './knowledge-base.ts';
import type { SearchIndexState } from './search-index.ts';
import type { ArticleKnowledge } from './types.ts';

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

const MAGIC = 'NWSNAP04';
const TYPED = { Int32Array, Uint32Array, Uint16Array } as const;
type TypedName = keyof typeof TYPED;
type Typed = Int32Array | Uint32Array | Uint16Array;

interface ArrayRef {
  index: string;
  field: string;
  type: TypedName;
  offset: number;
  length: number;
}

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

const ARRAY_FIELDS = [
  'articleOfDoc',
  'postingStart',
  'postingDocs',
  'postingTfs',
  'docTerms',
  'docStart',
  'lengths',
  'wordTerms',
] as const;

export interface Snapshot {
  knowledge: ArticleKnowledge[];
  indexes: KnowledgeIndexState;
  problems: LoadProblem[];
}

export function snapshotPath(folder: string): string {
  return path.join(folder, 'snapshot.bin');
}

/**
 * Writes the snapshot (temp file then rename, so a crash never leaves a half snapshot under the
 * real name). Layout: magic, header length, JSON header, knowledge JSON, 8-byte aligned arrays.
 */
export async function writeSnapshot(folder: string, key: string, snapshot: Snapshot): Promise<void> {
  // One article per line, non-ASCII escaped: read back line by line as small one-byte strings,
  // so loading never holds one 100 MB string (two-byte if it held a single curly quote).
  const ascii = (text: string): string =>
    text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const knowledge = Buffer.from(
    snapshot.knowledge.map((k) => `${ascii(JSON.stringify(packKnowledge(k)))}\n`).join(''),
    'latin1',
  );
  const arrays: ArrayRef[] = [];
  const chunks: Typed[] = [];
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
      chunks.push(array);
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
  const prefix = Buffer.alloc(12);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.length, 8);
  const before = 12 + header.length + knowledge.length;
  const pad = Buffer.alloc((8 - (before % 8)) % 8);
  const target = snapshotPath(folder);
  const temp = `${target}.${process.pid}.tmp`;
  const file = await open(temp, 'w');
  try {
    await file.write(prefix);
    await file.write(header);
    await file.write(knowledge);
    await file.write(pad);
    for (const chunk of chunks) {
      await file.write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      const rest = Math.ceil(chunk.byteLength / 8) * 8 - chunk.byteLength;
      if (rest > 0) await file.write(Buffer.alloc(rest));
    }
  } finally {
    await file.close();
  }
  await rename(temp, target);
}

/** Reads a snapshot for `key`; null when there is none, it is for other files, or it is damaged. */
export async function readSnapshot(folder: string, key: string): Promise<Snapshot | null> {
  let file;
  try {
    file = await open(snapshotPath(folder), 'r');
  } catch {
    return null;
  }
  // Read in parts so the peak memory is one part at a time, never the whole file plus copies.
  const readAt = async (position: number, length: number): Promise<Buffer> => {
    const buf = Buffer.allocUnsafeSlow(length);
    const { bytesRead } = await file.read(buf, 0, length, position);
    if (bytesRead !== length) throw new Error('snapshot truncated');
    return buf;
  };
  try {
    const prefix = await readAt(0, 12);
    if (prefix.toString('latin1', 0, 8) !== MAGIC) return null;
    const headerLength = prefix.readUInt32LE(8);
    const header = JSON.parse((await readAt(12, headerLength)).toString('utf8')) as Header;
    if (header.key !== key) return null;
    const knowledgeStart = 12 + headerLength;
    const knowledge: ArticleKnowledge[] = [];
    // Block by block, a line (one article) at a time: memory stays near what the articles need.
    const BLOCK = 4 * 1024 * 1024;
    let carry = '';
    for (let at = 0; at < header.knowledgeBytes; at += BLOCK) {
      const text =
        carry +
        (await readAt(knowledgeStart + at, Math.min(BLOCK, header.knowledgeBytes - at))).toString('latin1');
      const lines = text.split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines)
        if (line !== '') knowledge.push(unpackKnowledge(JSON.parse(line) as PackedKnowledge));
    }
    if (carry !== '') knowledge.push(unpackKnowledge(JSON.parse(carry) as PackedKnowledge));
    const unaligned = knowledgeStart + header.knowledgeBytes;
    const base = unaligned + ((8 - (unaligned % 8)) % 8);
    const last = header.arrays.at(-1);
    const arraysBytes = last
      ? last.offset + Math.ceil((last.length * TYPED[last.type].BYTES_PER_ELEMENT) / 8) * 8
      : 0;
    // Its own ArrayBuffer holding only the arrays: the typed arrays are views, no copies.
    const region = await readAt(base, arraysBytes);
    const indexes = {} as Record<string, SearchIndexState>;
    for (const [index, plain] of Object.entries(header.plain))
      indexes[index] = { ...plain } as SearchIndexState;
    for (const ref of header.arrays) {
      const Ctor = TYPED[ref.type];
      const array = new Ctor(region.buffer as ArrayBuffer, region.byteOffset + ref.offset, ref.length);
      (indexes[ref.index] as unknown as Record<string, Typed>)[ref.field] = array;
    }
    return { knowledge, indexes: indexes as KnowledgeIndexState, problems: header.problems };
  } catch {
    // A damaged snapshot is only a slower start: everything is rebuilt from the per-file cache.
    return null;
  } finally {
    await file.close();
  }
}
