/**
 * Prometheus metrics on their own Registry (never prom-client's global one), so each app and each test
 * has its own counters. Producers do not import prom-client: they get hook functions (sender events,
 * a Telegraf middleware, poll reports), which keeps the rest of the code free of metrics concerns.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SenderEvent } from '../delivery/sender.ts';
import type { OutboxKind, OutboxStats, OutboxStatus } from '../delivery/outbox.ts';
import type { PollReport } from '../sources/poller.ts';
import { methodNotAllowed, type Route } from './server.ts';

export interface Metrics {
  readonly registry: Registry;
  /** The sender's onEvent. */
  onSenderEvent(event: SenderEvent): void;
  /** One Telegram update handled, by its type (message, callback_query, ...). */
  countUpdate(type: string, seconds?: number): void;
  /** One poll of the sources and how long it took. */
  recordPoll(report: PollReport, seconds: number): void;
  /** Articles from any other ingest path (the admin desk, the CLI in-process). */
  recordIngest(counts: { new: number; duplicates: number; errors: number }): void;
  recordDigestRun(queuedMessages: number): void;
  /** Outbox depth is read on each scrape from this source (there is one outbox per process). */
  observeOutbox(stats: () => OutboxStats): void;
  /** The exposition text, as GET /metrics serves it. */
  scrape(): Promise<string>;
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event loop lag, handles). Default true; tests may skip them. */
  defaultMetrics?: boolean;
  /** Called when reading the outbox for a scrape fails; the last values are kept. */
  onCollectError?: (error: unknown) => void;
}

const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });

  const updates = new Counter({ name: 'briefings_updates_total', help: 'Telegram updates handled, by update type', labelNames: ['type'], registers });
  const updateDuration = new Histogram({
    name: 'briefings_update_duration_seconds',
    help: 'Time to handle one Telegram update, replies included',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const sent = new Counter({ name: 'briefings_messages_sent_total', help: 'Outbox messages Telegram accepted, by kind', labelNames: ['kind'], registers });
  const failed = new Counter({
    name: 'briefings_messages_failed_total',
    help: 'Outbox messages given up on, by reason (blocked, bad_request, server, network, migrated)',
    labelNames: ['reason'],
    registers,
  });
  const retried = new Counter({
    name: 'briefings_messages_retried_total',
    help: 'Sends queued again after a 429, 5xx, network error or migration, by error kind',
    labelNames: ['reason'],
    registers,
  });
  const tooManyRequests = new Counter({ name: 'briefings_telegram_429_total', help: '429 Too Many Requests answers Telegram gave the sender', registers });
  const pauses = new Counter({ name: 'briefings_sender_pauses_total', help: 'Times the sender paused all sending (flood across chats, bad token)', registers });
  const ingestArticles = new Counter({
    name: 'briefings_ingest_articles_total',
    help: 'Articles ingested, by result (new, duplicate, error)',
    labelNames: ['result'],
    registers,
  });
  const ingestDuration = new Histogram({
    name: 'briefings_ingest_duration_seconds',
    help: 'Duration of one poll of the due sources, fetching included',
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers,
  });
  const feedErrors = new Counter({ name: 'briefings_feed_errors_total', help: 'Source polls that failed (network, HTTP status, unparsable feed)', registers });
  const lastPoll = new Gauge({ name: 'briefings_last_poll_timestamp_seconds', help: 'When the last poll of the sources finished (Unix time)', registers });
  const digestRuns = new Counter({ name: 'briefings_digest_runs_total', help: 'Scheduled digest runs (one a minute; /digest and the CLI are not counted)', registers });
  const digestMessages = new Counter({ name: 'briefings_digest_messages_queued_total', help: 'Digest messages put in the outbox', registers });

  let outboxStats: (() => OutboxStats) | undefined;
  // One outbox read per scrape fills both gauges: the registry collects in registration order, so the
  // depth gauge (registered first) sets the age gauge before it is read.
  new Gauge({
    name: 'briefings_outbox_depth',
    help: 'Outbox rows by status (pending and sending are the backlog; sent and failed grow until pruned)',
    labelNames: ['status'],
    registers,
    collect() {
      if (!outboxStats) return;
      try {
        const stats = outboxStats();
        for (const status of STATUSES) this.set({ status }, stats.byStatus[status]);
        oldestPending.set((stats.oldestPendingAgeMs ?? 0) / 1000);
      } catch (error) {
        options.onCollectError?.(error);
      }
    },
  });
  const oldestPending = new Gauge({
    name: 'briefings_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest unsent outbox row; 0 when nothing waits',
    registers,
  });

  const recordIngest = (counts: { new: number; duplicates: number; errors: number }): void => {
    if (counts.new > 0) ingestArticles.inc({ result: 'new' }, counts.new);
    if (counts.duplicates > 0) ingestArticles.inc({ result: 'duplicate' }, counts.duplicates);
    if (counts.errors > 0) ingestArticles.inc({ result: 'error' }, counts.errors);
  };

  // 'sent' events do not carry the kind; the 'start' of the same row does.
  const kinds = new Map<number, OutboxKind>();

  return {
    registry,
    onSenderEvent(event) {
      switch (event.type) {
        case 'start':
          kinds.set(event.id, event.kind);
          return;
        case 'sent':
          sent.inc({ kind: kinds.get(event.id) ?? 'unknown' });
          kinds.delete(event.id);
          return;
        case 'retry':
          kinds.delete(event.id);
          if (event.error.kind === 'retry_after') tooManyRequests.inc();
          retried.inc({ reason: event.error.kind });
          return;
        case 'failed':
          kinds.delete(event.id);
          failed.inc({ reason: event.reason }, event.rows);
          return;
        case 'migrated':
          return;
        case 'pause':
          pauses.inc();
          return;
      }
    },
    countUpdate(type, seconds) {
      updates.inc({ type });
      if (seconds !== undefined) updateDuration.observe(seconds);
    },
    recordPoll(report, seconds) {
      // The poller reports items seen, new and duplicate; the rest of what it saw were rejected articles.
      recordIngest({ new: report.new, duplicates: report.duplicates, errors: Math.max(0, report.seen - report.new - report.duplicates) });
      if (report.failed.length > 0) feedErrors.inc(report.failed.length);
      ingestDuration.observe(seconds);
      lastPoll.setToCurrentTime();
    },
    recordIngest,
    recordDigestRun(queuedMessages) {
      digestRuns.inc();
      if (queuedMessages > 0) digestMessages.inc(queuedMessages);
    },
    observeOutbox(stats) {
      outboxStats = stats;
    },
    scrape: () => registry.metrics(),
  };
}

/** A Telegraf middleware (any `{ updateType }` context) counting every update and timing its handling. */
export function countUpdates(metrics: Pick<Metrics, 'countUpdate'>) {
  return async (ctx: { updateType: string }, next: () => Promise<void>): Promise<void> => {
    const started = performance.now();
    try {
      await next();
    } finally {
      metrics.countUpdate(ctx.updateType, (performance.now() - started) / 1000);
    }
  };
}

export function createMetricsRoute(metrics: Pick<Metrics, 'registry' | 'scrape'>, path = '/metrics'): Route {
  return async (req, res, url) => {
    if (url.pathname !== path) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, ['GET']);
    const body = await metrics.scrape();
    res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
    return true;
  };
}
