import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType } from 'discord.js';
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIComponentInMessageActionRow,
} from 'discord.js';

/**
 * Buttons and the in-memory state behind them. A custom id carries only a short kind tag and a
 * key: Discord caps custom ids at 100 characters, and a custom id comes back from the client, so
 * it is parsed strictly and anything unexpected is treated as a stale button, never trusted.
 */

/** Discord's limit on custom ids. */
export const MAX_CUSTOM_ID = 100;

/** Interaction tokens die after 15 minutes: paging state cannot be used after that anyway. */
export const STATE_TTL_MS = 15 * 60_000;

export type ButtonAction =
  /** Show page `page` of the stored result list `state`. */
  | { kind: 'page'; state: string; page: number }
  /** Show ¶N-1..¶N+1 of `article`. */
  | { kind: 'context'; article: string; paragraph: number }
  /** Post the stored preview `state` publicly. */
  | { kind: 'post'; state: string };

const STATE_ID = /^[a-z0-9]{10}$/;
// Article ids are file base names; ':' cannot appear since it is the separator.
const ARTICLE_ID = /^[^:\s]{1,80}$/;

/** Serialises an action into a custom id, or null when it would not fit in 100 characters. */
export function customId(action: ButtonAction, variant?: 'prev' | 'next'): string | null {
  let id: string;
  switch (action.kind) {
    case 'page':
      // The variant keeps Previous and Next distinct even when both point at the same page.
      id = `pg:${action.state}:${action.page}${variant === undefined ? '' : `:${variant === 'prev' ? 'p' : 'n'}`}`;
      break;
    case 'context':
      id = `ctx:${action.paragraph}:${action.article}`;
      break;
    case 'post':
      id = `post:${action.state}`;
      break;
  }
  return id.length <= MAX_CUSTOM_ID && parseCustomId(id) !== null ? id : null;
}

/** Parses a custom id this bot made; null for anything else (stale, foreign or tampered). */
export function parseCustomId(id: string): ButtonAction | null {
  if (id.length === 0 || id.length > MAX_CUSTOM_ID) return null;
  const parts = id.split(':');
  const [tag, a, b, c] = parts;
  switch (tag) {
    case 'pg': {
      if (parts.length < 3 || parts.length > 4 || a === undefined || b === undefined) return null;
      if (!STATE_ID.test(a) || !/^\d{1,4}$/.test(b)) return null;
      if (c !== undefined && c !== 'p' && c !== 'n') return null;
      return { kind: 'page', state: a, page: Number.parseInt(b, 10) };
    }
    case 'ctx': {
      if (a === undefined || b === undefined) return null;
      const article = parts.slice(2).join(':');
      if (!/^[1-9]\d{0,4}$/.test(a) || !ARTICLE_ID.test(article)) return null;
      return { kind: 'context', paragraph: Number.parseInt(a, 10), article };
    }
    case 'post':
      if (parts.length !== 2 || a === undefined || !STATE_ID.test(a)) return null;
      return { kind: 'post', state: a };
    default:
      return null;
  }
}

/** A button with a custom id. */
export function button(
  custom_id: string,
  label: string,
  options: { style?: ButtonStyle; disabled?: boolean } = {},
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id,
    label: label.slice(0, 80),
    style: (options.style ?? ButtonStyle.Secondary) as APIButtonComponentWithCustomId['style'],
    ...(options.disabled === true ? { disabled: true } : {}),
  };
}

/** Groups components into action rows of at most 5 (Discord's limit), at most 5 rows. */
export function rows(
  components: readonly APIComponentInMessageActionRow[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const out: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (let i = 0; i < components.length && out.length < 5; i += 5) {
    out.push({ type: ComponentType.ActionRow, components: components.slice(i, i + 5) });
  }
  return out;
}

/** Previous / Next buttons for page `page` (0-based) of `pages`. */
export function pagingButtons(state: string, page: number, pages: number): APIButtonComponentWithCustomId[] {
  const prev = customId({ kind: 'page', state, page: Math.max(0, page - 1) }, 'prev');
  const next = customId({ kind: 'page', state, page: Math.min(pages - 1, page + 1) }, 'next');
  if (prev === null || next === null) return [];
  return [
    button(prev, '◀ Previous', { disabled: page <= 0 }),
    button(next, 'Next ▶', { disabled: page >= pages - 1 }),
  ];
}

/** The same rows with every button disabled (what an expired answer's buttons become on click). */
export function disableAll(
  actionRows: readonly APIActionRowComponent<APIComponentInMessageActionRow>[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  return actionRows.map((row) => ({
    ...row,
    components: row.components.map((c) => ({ ...c, disabled: true })),
  }));
}

interface Entry<T> {
  value: T;
  ownerId: string;
  expiresAt: number;
}

export interface StateStoreOptions {
  ttlMs?: number;
  /** Most entries kept; the oldest go first (bounds memory under abuse). Default 10 000. */
  maxEntries?: number;
  now?: () => number;
}

export type StateLookup<T> =
  | { ok: true; value: T; ownerId: string }
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'not-owner'; ownerId: string };

/**
 * In-memory state for buttons (page requests, previews), keyed by a random id. Least recently
 * used first out when full; an entry expires 15 minutes after its last use.
 */
export class StateStore<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: StateStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? STATE_TTL_MS;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Stores `value` for `ownerId`; returns its key (10 lowercase letters/digits). */
  put(value: T, ownerId: string): string {
    this.sweep();
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    let key: string;
    do key = newStateId();
    while (this.entries.has(key));
    this.entries.set(key, { value, ownerId, expiresAt: this.now() + this.ttlMs });
    return key;
  }

  /** Looks `key` up for `userId`: only the owner gets the value. */
  get(key: string, userId: string): StateLookup<T> {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return { ok: false, reason: 'expired' };
    }
    if (entry.ownerId !== userId) return { ok: false, reason: 'not-owner', ownerId: entry.ownerId };
    this.touch(key, entry);
    return { ok: true, value: entry.value, ownerId: entry.ownerId };
  }

  /** The value of a live entry whoever asks (a bystander paging a public list gets a private copy). */
  peek(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAt <= this.now()) return undefined;
    this.touch(key, entry);
    return entry.value;
  }

  /** Marks `key` as just used: last out of the LRU, expiry counted from now (order stays expiry order). */
  private touch(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.entries.set(key, { ...entry, expiresAt: this.now() + this.ttlMs });
  }

  /** Removes `key` (a preview that has been posted). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops expired entries. Insertion order equals expiry order, so it stops at the first live one. */
  sweep(): void {
    const t = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > t) break;
      this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

function newStateId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(10);
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length] ?? 'a';
  return id;
}
