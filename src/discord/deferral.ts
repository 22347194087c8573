/**
 * When to acknowledge an interaction before computing its answer.
 *
 * Commands answer synchronously: while one runs, the event loop is blocked and no timer can fire,
 * so a "defer if still running after 1.5 s" timer only ever helps asynchronous work. For work that
 * blocks, the decision has to be made before it starts. A command is deferred first (type 5, then
 * the answer as an edit) when
 * - it declares itself slow (`Command.slow`), or
 * - one of its recent runs blocked for `slowMs` or longer (a big archive makes an ordinary command
 *   slow: after one slow run, the next ones are acknowledged first).
 * Everything else is answered directly (type 4), with the timer still armed for asynchronous work.
 * Deferring first costs one extra REST call, never the 3-second deadline.
 */

export interface DeferralOptions {
  /** A run at least this long marks its command as slow. Default 1000 ms. */
  slowMs?: number;
  /** How many recent runs of a command are remembered. Default 5. */
  remember?: number;
}

export interface DeferralPolicy {
  /** Whether to acknowledge before running `command`. */
  deferFirst(command: string, declaredSlow?: boolean): boolean;
  /** Records how long a run of `command` took. */
  observe(command: string, ms: number): void;
}

export function createDeferralPolicy(options: DeferralOptions = {}): DeferralPolicy {
  const slowMs = options.slowMs ?? 1000;
  const remember = options.remember ?? 5;
  const recent = new Map<string, number[]>();
  return {
    deferFirst: (command, declaredSlow) =>
      declaredSlow === true || (recent.get(command) ?? []).some((ms) => ms >= slowMs),
    observe: (command, ms) => {
      const runs = recent.get(command) ?? [];
      runs.push(ms);
      if (runs.length > remember) runs.shift();
      recent.set(command, runs);
    },
  };
}
