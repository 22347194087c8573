/**
 * Per-user rate limit for commands: a sliding window (at most `limit` uses in any `windowMs`).
 * A sliding log rather than fixed buckets, so a burst across a bucket edge cannot double the rate.
 * Refused attempts are not recorded: a user who keeps trying is not locked out for longer.
 */

export interface CooldownOptions {
  /** Uses allowed per window. Default 5. */
  limit?: number;
  /** Window length. Default 10 s. */
  windowMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export type CooldownVerdict = { ok: true } | { ok: false; retryAfterMs: number };

/** A per-user sliding-window limiter. */
export interface Cooldown {
  /** Records a use by `userId` when allowed; otherwise says how long until the next use is allowed. */
  take(userId: string): CooldownVerdict;
  /** Forgets users whose window is empty (called periodically; keeps memory bounded). */
  sweep(): void;
  /** Users currently tracked. */
  readonly size: number;
}

export const DEFAULT_COOLDOWN = { limit: 5, windowMs: 10_000 } as const;

/** Creates a {@link Cooldown}. */
export function createCooldown(options: CooldownOptions = {}): Cooldown {
  const limit = options.limit ?? DEFAULT_COOLDOWN.limit;
  const windowMs = options.windowMs ?? DEFAULT_COOLDOWN.windowMs;
  const now = options.now ?? Date.now;
  const uses = new Map<string, number[]>();

  const recent = (userId: string, t: number): number[] => {
    const list = (uses.get(userId) ?? []).filter((at) => t - at < windowMs);
    if (list.length === 0) uses.delete(userId);
    else uses.set(userId, list);
    return list;
  };

  return {
    take(userId) {
      const t = now();
      const list = recent(userId, t);
      if (list.length >= limit) {
        const oldest = list[list.length - limit] ?? t;
        return { ok: false, retryAfterMs: Math.max(1, oldest + windowMs - t) };
      }
      list.push(t);
      uses.set(userId, list);
      return { ok: true };
    },
    sweep() {
      const t = now();
      for (const id of [...uses.keys()]) recent(id, t);
    },
    get size() {
      return uses.size;
    },
  };
}

/** "Slow down: try again in 4 s." — whole seconds, never 0. */
export function cooldownMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `Slow down: you can ask again in ${seconds} s.`;
}
