/**
 * YAML front matter of a Markdown article, read with the `yaml` library before any whitespace is
 * folded, so block scalars (`description: >`), nested maps (`source: {name, url}`), flow and
 * block lists all work. Broken YAML is a named problem with its file line, never a guess.
 */
import { createRequire } from 'node:module';
import type { parseDocument as ParseDocument } from 'yaml';
import { joinLines, stripLinks } from './blocks.ts';

/** yaml is loaded on the first front matter (CommonJS build, synchronously): text-only starts skip it. */
const loadCjs = createRequire(import.meta.url);
let parseDocument: typeof ParseDocument | undefined;

/** Front-matter fields by lowercased key, as plain JavaScript values (strings, numbers, lists, maps). */
export type FrontMatter = Map<string, unknown>;

/** The text split at the front matter: the YAML source and the body with their file lines. */
export interface FrontMatterSplit {
  yaml: string;
  /** 1-based file line of the first YAML line. */
  yamlLine: number;
  body: string;
}

const isFence = (line: string): boolean => {
  const t = line.trimEnd();
  return t === '---' || t === '...';
};

/**
 * Splits `---` front matter from the body. The text must open (after blank lines) with a `---`
 * line; the front matter ends at the next `---` or `...` line.
 *
 * @returns the parts, or the reason when the front matter is never closed
 */
export function splitFrontMatter(
  text: string,
): { ok: true; split: FrontMatterSplit } | { ok: false; reason: string } {
  const lines = text.split('\n');
  let first = 0;
  while (first < lines.length && (lines[first] as string).trim() === '') first++;
  let close = -1;
  for (let i = first + 1; i < lines.length; i++) {
    if (isFence(lines[i] as string)) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    return {
      ok: false,
      reason: `front matter opened with '---' on line ${first + 1} is never closed by a '---' line`,
    };
  }
  const yaml = lines.slice(first + 1, close).join('\n');
  return { ok: true, split: { yaml, yamlLine: first + 2, body: lines.slice(close + 1).join('\n') } };
}

/** Shortens a quoted line for a problem message (a broken line can be arbitrarily long). */
function clip(line: string): string {
  const t = line.trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

/** The line that opens a quoted value never closed on it (YAML reports the end of the file). */
function unclosedQuoteLine(lines: string[]): number {
  const i = lines.findIndex((l) => {
    const m = /^[^:#]*:\s*(["'])(.*)$/.exec(l);
    if (!m) return false;
    const rest = (m[2] as string).replace(/\\./g, '');
    return !rest.includes(m[1] as string);
  });
  return Math.max(i, 0);
}

interface YamlError {
  code: string;
  message: string;
  linePos?: [{ line: number; col: number }, ...unknown[]];
}

/** A YAML error as a moderator reads it: the file line, what is wrong, the line itself. */
function describeError(err: YamlError, lines: string[], firstLine: number): string {
  let index = Math.max((err.linePos?.[0].line ?? 1) - 1, 0);
  if (err.code === 'MISSING_CHAR' && /quote/i.test(err.message)) index = unclosedQuoteLine(lines);
  index = Math.min(index, Math.max(lines.length - 1, 0));
  const line = clip(lines[index] ?? '');
  const where = `front matter line ${firstLine + index}`;
  if (err.code === 'MISSING_CHAR' && /quote/i.test(err.message)) {
    return `${where}: unbalanced quotes in "${line}"`;
  }
  if (err.code === 'DUPLICATE_KEY') return `${where}: duplicate key in "${line}"`;
  if (/implicit map keys|implicit keys need/i.test(err.message)) {
    return `${where}: cannot read "${line}" (expected "key: value")`;
  }
  const what = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return `${where}: ${clip(what)} in "${line}"`;
}

/**
 * Parses front-matter YAML into fields keyed by lowercased name.
 *
 * @param yaml - the text between the `---` lines, indentation intact
 * @param firstLine - the file line of its first line (for messages)
 * @returns the fields, or a reason naming the file line and the problem
 */
export function readFrontMatter(
  yaml: string,
  firstLine: number,
): { ok: true; fields: FrontMatter } | { ok: false; reason: string } {
  const lines = yaml.split('\n');
  parseDocument ??= (loadCjs('yaml') as { parseDocument: typeof ParseDocument }).parseDocument;
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: true });
  const err = doc.errors[0];
  if (err) return { ok: false, reason: describeError(err as YamlError, lines, firstLine) };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { ok: false, reason: `front matter: ${clip(e instanceof Error ? e.message : String(e))}` };
  }
  const fields: FrontMatter = new Map();
  if (value === null || value === undefined) return { ok: true, fields };
  if (typeof value !== 'object' || Array.isArray(value)) {
    const index = Math.max(
      lines.findIndex((l) => l.trim().length > 0 && !l.trim().startsWith('#')),
      0,
    );
    return {
      ok: false,
      reason: `front matter line ${firstLine + index}: cannot read "${clip(lines[index] ?? '')}" (expected "key: value")`,
    };
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const name = key.toLowerCase();
    if (fields.has(name)) return { ok: false, reason: `front matter: duplicate key "${name}"` };
    fields.set(name, v);
  }
  return { ok: true, fields };
}

// --- Reading values -------------------------------------------------------------------------

/** Keys of a nested map that hold its display name (`source: {name: ...}`, `author: {name: ...}`). */
const NAME_KEYS = ['name', 'title', 'text', 'label'];

/** A value as one line of display text: lists joined with ", ", a map by its name. */
export function fieldText(v: unknown): string | undefined {
  let s: string | undefined;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else if (v instanceof Date) s = Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  else if (Array.isArray(v)) {
    s = v
      .map(fieldText)
      .filter((x) => x !== undefined)
      .join(', ');
  } else if (typeof v === 'object' && v !== null) {
    const map = v as Record<string, unknown>;
    const key = NAME_KEYS.find((k) => map[k] !== undefined && map[k] !== null);
    s = key === undefined ? undefined : fieldText(map[key]);
  }
  if (s === undefined) return undefined;
  const text = joinLines(stripLinks(s));
  return text.length > 0 ? text : undefined;
}

/** A value as a list of display texts; a string is split on commas when `split` is set. */
export function fieldList(v: unknown, split: boolean): string[] {
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v : typeof v === 'string' && split ? v.split(/\s*,\s*/) : [v];
  return items.map(fieldText).filter((s): s is string => s !== undefined);
}

/** A web address from a value: a bare URL, `[text](url)`, or a map's `url` / `href`. */
export function fieldUrl(v: unknown): string | undefined {
  if (Array.isArray(v)) return fieldUrl(v[0]);
  if (typeof v === 'object' && v !== null) {
    const map = v as Record<string, unknown>;
    return fieldUrl(map.url ?? map.href ?? map.link);
  }
  if (typeof v !== 'string') return undefined;
  const link = /^\[[^\]]*\]\((\S+)\)$/.exec(v.trim());
  const url = (link ? (link[1] as string) : v).trim();
  return /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(url) ? url : undefined;
}

/** The first of several keys that is present (aliases: `description` / `standfirst` ...). */
export function firstField(fields: FrontMatter, keys: readonly string[]): unknown {
  for (const k of keys) {
    const v = fields.get(k);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}
