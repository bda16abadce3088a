/** A source is shown as failing (and its owner told) after this many failures in a row. */
export const FAILING_AFTER = 5;

/** However long a source has been failing, it is retried at least daily: sites come back. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** ±10 %, so sources that failed together (one host down) do not retry in lockstep. */
const JITTER = 0.1;

/**
 * When to try a source again after `consecutiveFailures` failures in a row (1 = first failure):
 * baseMs × 2^failures, capped at MAX_BACKOFF_MS, with jitter. Returns an absolute time in ms.
 * A server's Retry-After (when longer) should win; pass it as `atLeastMs`.
 */
export function nextAttemptAfterFailure(
  consecutiveFailures: number,
  baseMs: number,
  now: number,
  random: () => number = Math.random,
  atLeastMs = 0,
): number {
  const n = Math.max(0, Math.min(Math.floor(consecutiveFailures), 40));
  const raw = Math.min(baseMs * 2 ** n, MAX_BACKOFF_MS);
  const jittered = raw * (1 + (random() * 2 - 1) * JITTER);
  const delay = Math.min(Math.max(jittered, atLeastMs, 0), MAX_BACKOFF_MS);
  return now + Math.round(delay);
}

export function isFailing(consecutiveFailures: number): boolean {
  return consecutiveFailures >= FAILING_AFTER;
}
