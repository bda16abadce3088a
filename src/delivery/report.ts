/** What a sender run did, for the CLI, the scheduler's logs, the benchmark and metrics. */
import type { SendErrorClass } from './classify-error.ts';
import type { OutboxKind } from './outbox.ts';

export type FailureReason = 'blocked' | 'bad_request' | 'server' | 'network' | 'migrated';

export interface SenderReport {
  sent: number;
  /** Rows given up on, by why. */
  failed: Record<FailureReason, number>;
  /** Sends that failed with 5xx/network (or a migration) and were queued again. */
  retried: number;
  /** 429s Telegram answered: each one means pacing was not enough. */
  tooManyRequests: number;
  durationMs: number;
  /** sent per second of durationMs. */
  ratePerSecond: number;
  /** Rows still pending or in flight when the run ended (e.g. waiting out a long backoff). */
  pending: number;
}

export type SenderEvent =
  | { type: 'start'; id: number; chatId: number; kind: OutboxKind; priority: number; at: number }
  | { type: 'sent'; id: number; chatId: number; messageId: number; at: number }
  | { type: 'retry'; id: number; chatId: number; error: SendErrorClass; nextAttemptAt: number }
  | { type: 'failed'; id: number; chatId: number; reason: FailureReason; error: string; rows: number }
  | { type: 'migrated'; id: number; fromChatId: number; toChatId: number }
  | { type: 'pause'; until: number; reason: string };

export interface Counters {
  sent: number;
  failed: Record<FailureReason, number>;
  retried: number;
  tooManyRequests: number;
}

export function createCounters(): Counters {
  return { sent: 0, failed: { blocked: 0, bad_request: 0, server: 0, network: 0, migrated: 0 }, retried: 0, tooManyRequests: 0 };
}

export function snapshot(c: Counters): Counters {
  return { ...c, failed: { ...c.failed } };
}

/** The difference between two snapshots of the ever-growing counters, as one run's report. */
export function reportBetween(before: Counters, after: Counters, durationMs: number, pending: number): SenderReport {
  const failed = { ...after.failed };
  for (const key of Object.keys(failed) as FailureReason[]) failed[key] -= before.failed[key];
  const sent = after.sent - before.sent;
  return {
    sent,
    failed,
    retried: after.retried - before.retried,
    tooManyRequests: after.tooManyRequests - before.tooManyRequests,
    durationMs,
    ratePerSecond: durationMs > 0 ? sent / (durationMs / 1000) : 0,
    pending,
  };
}
