import { describe, expect, it } from 'vitest';
import { FAILING_AFTER, isFailing, MAX_BACKOFF_MS, nextAttemptAfterFailure } from '../../src/sources/backoff.ts';

const NOW = 1_700_000_000_000;
const BASE = 15 * 60 * 1000;
const noJitter = (): number => 0.5;

describe('nextAttemptAfterFailure', () => {
  it('doubles the wait with every consecutive failure', () => {
    const delays = [1, 2, 3, 4].map((n) => nextAttemptAfterFailure(n, BASE, NOW, noJitter) - NOW);
    expect(delays).toEqual([2 * BASE, 4 * BASE, 8 * BASE, 16 * BASE]);
  });

  it('never waits longer than a day', () => {
    expect(nextAttemptAfterFailure(50, BASE, NOW, noJitter) - NOW).toBe(MAX_BACKOFF_MS);
    expect(nextAttemptAfterFailure(1e6, BASE, NOW, () => 1) - NOW).toBe(MAX_BACKOFF_MS);
  });

  it('adds at most ten percent of jitter either way', () => {
    expect(nextAttemptAfterFailure(1, BASE, NOW, () => 0) - NOW).toBe(Math.round(2 * BASE * 0.9));
    expect(nextAttemptAfterFailure(1, BASE, NOW, () => 0.999999) - NOW).toBeLessThanOrEqual(Math.round(2 * BASE * 1.1));
  });

  it('honours a longer Retry-After from the server', () => {
    expect(nextAttemptAfterFailure(1, 1000, NOW, noJitter, 60_000) - NOW).toBe(60_000);
  });

  it('marks a source failing after five consecutive failures', () => {
    expect(FAILING_AFTER).toBe(5);
    expect(isFailing(4)).toBe(false);
    expect(isFailing(5)).toBe(true);
  });
});
