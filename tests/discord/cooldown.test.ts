import { describe, expect, it } from 'vitest';
import { cooldownMessage, createCooldown } from '../../src/discord/cooldown.ts';

describe('cooldown (sliding window)', () => {
  it('allows 5 uses per 10 s per user and says when to retry', () => {
    let t = 0;
    const c = createCooldown({ now: () => t });
    for (let i = 0; i < 5; i++) {
      expect(c.take('a').ok).toBe(true);
      t += 1000;
    }
    const refused = c.take('a');
    expect(refused).toEqual({ ok: false, retryAfterMs: 5000 });
    expect(c.take('b').ok).toBe(true);
    t = 10_000; // the first use (t=0) leaves the window
    expect(c.take('a').ok).toBe(true);
    expect(c.take('a').ok).toBe(false);
  });

  it('does not count refused attempts', () => {
    let t = 0;
    const c = createCooldown({ limit: 1, windowMs: 1000, now: () => t });
    expect(c.take('a').ok).toBe(true);
    for (let i = 0; i < 10; i++) expect(c.take('a').ok).toBe(false);
    t = 1000;
    expect(c.take('a').ok).toBe(true);
  });

  it('sweeps idle users', () => {
    let t = 0;
    const c = createCooldown({ now: () => t });
    c.take('a');
    c.take('b');
    expect(c.size).toBe(2);
    t = 20_000;
    c.sweep();
    expect(c.size).toBe(0);
  });

  it('rounds the wait up to whole seconds, never 0', () => {
    expect(cooldownMessage(1)).toBe('Slow down: you can ask again in 1 s.');
    expect(cooldownMessage(4200)).toBe('Slow down: you can ask again in 5 s.');
  });
});
