/**
 * Telegram's published flood limits for bots, in the shapes that matter for
 * tests: ~30 messages/s overall (sliding window), ~1 message/s per private chat
 * with a small burst (token bucket), 20 messages/min per group (sliding window).
 * The group window is keyed by chat id alone, so a channel counts as a group and
 * every topic of a forum draws on its chat's one budget, as on Telegram.
 * A refused send consumes nothing, so a bot that honours retry_after succeeds.
 */

export interface RateLimitOptions {
  globalRatePerSecond: number;
  perChatPerSecond: number;
  perChatBurst: number;
  perGroupPerMinute: number;
}

export interface RateLimiter {
  /** Accepts and counts the send, or returns the whole seconds to wait (>= 1). */
  trySend(chatId: number, now: number): { ok: true } | { ok: false; retryAfter: number };
  reset(): void;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const toSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  let globalSends: number[] = [];
  const buckets = new Map<number, Bucket>();
  const groupSends = new Map<number, number[]>();

  /** Wait in ms before a window with `limit` slots has room, or 0. */
  const windowWait = (times: number[], windowMs: number, limit: number, now: number): number => {
    while (times.length > 0 && (times[0] ?? 0) <= now - windowMs) times.shift();
    if (times.length < limit) return 0;
    // The (len - limit + 1)th oldest send must leave the window before a slot frees up.
    const freeing = times[times.length - limit] ?? now;
    return freeing + windowMs - now;
  };

  const refill = (chatId: number, now: number): Bucket => {
    const bucket = buckets.get(chatId) ?? { tokens: options.perChatBurst, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(options.perChatBurst, bucket.tokens + elapsed * options.perChatPerSecond);
    bucket.updatedAt = now;
    buckets.set(chatId, bucket);
    return bucket;
  };

  return {
    trySend(chatId, now) {
      let waitMs = windowWait(globalSends, 1000, options.globalRatePerSecond, now);
      let bucket: Bucket | undefined;
      let group: number[] | undefined;
      if (chatId > 0) {
        bucket = refill(chatId, now);
        if (bucket.tokens < 1) {
          waitMs = Math.max(waitMs, ((1 - bucket.tokens) / options.perChatPerSecond) * 1000);
        }
      } else {
        group = groupSends.get(chatId) ?? [];
        groupSends.set(chatId, group);
        waitMs = Math.max(waitMs, windowWait(group, 60_000, options.perGroupPerMinute, now));
      }
      if (waitMs > 0) return { ok: false, retryAfter: toSeconds(waitMs) };
      globalSends.push(now);
      if (bucket) bucket.tokens -= 1;
      group?.push(now);
      return { ok: true };
    },
    reset() {
      globalSends = [];
      buckets.clear();
      groupSends.clear();
    },
  };
}
