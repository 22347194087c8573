/**
 * Polls `check` every 25 ms until it holds; rejects after `timeoutMs` naming what it waited for
 * (a string, or a function so the message can describe the state at the time of failure).
 */
export function waitUntil(
  check: () => boolean,
  timeoutMs: number,
  what: string | (() => string),
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (check()) {
        clearInterval(tick);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(tick);
        reject(new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`));
      }
    }, 25);
  });
}
