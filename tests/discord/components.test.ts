import { describe, expect, it } from 'vitest';
import {
  MAX_CUSTOM_ID,
  STATE_TTL_MS,
  StateStore,
  customId,
  pagingButtons,
  parseCustomId,
} from '../../src/discord/components.ts';
import { MAX_PAGE_STATES } from '../../src/discord/paging.ts';
import type { PageState } from '../../src/discord/paging.ts';

describe('custom ids', () => {
  it('round-trips every action', () => {
    const state = 'abcdefghij';
    for (const action of [
      { kind: 'page', state, page: 3 },
      { kind: 'context', article: 'russia-tajikistan-base', paragraph: 5 },
      { kind: 'post', state },
    ] as const) {
      const id = customId(action);
      expect(id).not.toBeNull();
      expect(id!.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
      expect(parseCustomId(id!)).toEqual(action);
    }
  });

  it('rejects malformed, foreign and oversized ids', () => {
    for (const bad of [
      '',
      'x',
      'pg',
      'pg:short:1',
      'pg:abcdefghij:x',
      'pg:abcdefghij:1:z',
      'ctx:0:a',
      'ctx:5:',
      'ctx:-1:a',
      'post:abc',
      'post:abcdefghij:1',
      `ctx:1:${'a'.repeat(120)}`,
    ]) {
      expect(parseCustomId(bad), bad).toBeNull();
    }
  });

  it('gives no id when an article id would not fit', () => {
    expect(customId({ kind: 'context', article: 'a'.repeat(95), paragraph: 1 })).toBeNull();
  });

  it('paging buttons are distinct and disabled at the ends', () => {
    const first = pagingButtons('abcdefghij', 0, 3);
    expect(first.map((b) => b.custom_id)).toEqual(['pg:abcdefghij:0:p', 'pg:abcdefghij:1:n']);
    expect(first[0]?.disabled).toBe(true);
    expect(first[1]?.disabled).toBeUndefined();
    const last = pagingButtons('abcdefghij', 2, 3);
    expect(last[1]?.disabled).toBe(true);
  });
});

describe('StateStore', () => {
  it('serves the owner only, until the TTL', () => {
    let t = 0;
    const store = new StateStore<string>({ ttlMs: 1000, now: () => t });
    const key = store.put('v', 'u1');
    expect(key).toMatch(/^[a-z0-9]{10}$/);
    expect(store.get(key, 'u1')).toEqual({ ok: true, value: 'v', ownerId: 'u1' });
    expect(store.get(key, 'u2')).toEqual({ ok: false, reason: 'not-owner', ownerId: 'u1' });
    t = 1000;
    expect(store.get(key, 'u1')).toEqual({ ok: false, reason: 'expired' });
    expect(store.get('nonexistent', 'u1')).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps many long lists as a bounded number of small page requests, least recently used out first', () => {
    let t = 0;
    const store = new StateStore<PageState>({ maxEntries: MAX_PAGE_STATES, now: () => t });
    const request = (i: number): PageState => ({
      request: { kind: 'command', command: 'facts', values: { topic: `topic ${i}` } },
      hide: false,
    });
    const first = store.put(request(0), 'u0');
    const keys: string[] = [first];
    for (let i = 1; i < MAX_PAGE_STATES * 3; i++) {
      keys.push(store.put(request(i), `u${i}`));
      // The first list is paged now and then: it stays while untouched ones go.
      if (i % 1000 === 0) expect(store.get(first, 'u0').ok).toBe(true);
      t += 1;
    }
    expect(store.size).toBe(MAX_PAGE_STATES);
    expect(store.get(first, 'u0').ok).toBe(true);
    expect(store.get(keys[1]!, 'u1').ok).toBe(false);
    expect(store.get(keys.at(-1)!, `u${MAX_PAGE_STATES * 3 - 1}`).ok).toBe(true);
  });

  it('expires a page request 15 minutes after its last use', () => {
    let t = 0;
    const store = new StateStore<string>({ now: () => t });
    const key = store.put('v', 'u');
    t = STATE_TTL_MS - 1;
    expect(store.peek(key)).toBe('v');
    t += STATE_TTL_MS - 1;
    expect(store.get(key, 'u').ok).toBe(true);
    t += STATE_TTL_MS;
    expect(store.peek(key)).toBeUndefined();
  });

  it('bounds memory by evicting the oldest', () => {
    const store = new StateStore<number>({ maxEntries: 3 });
    const keys = [1, 2, 3, 4].map((n) => store.put(n, 'u'));
    expect(store.size).toBe(3);
    expect(store.get(keys[0]!, 'u').ok).toBe(false);
    expect(store.get(keys[3]!, 'u').ok).toBe(true);
  });
});
