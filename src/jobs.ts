/**
 * What runs on the clock beside the bot: the digest run and the source poll, every minute
 * (scheduler.ts), with their figures for /metrics and the last poll's time for /healthz.
 */
import { createSourceAlerts } from './admin/source-alerts.ts';
import type { App } from './app.ts';
import type { Config } from './config.ts';
import type { Metrics } from './http/metrics.ts';
import type { Logger } from './logger.ts';
import { createScheduler } from './scheduler.ts';
import { createSourcePoller } from './sources/poller.ts';

export interface Jobs {
  start(): void;
  /** Stops the clock; `settled()` then waits for a poll still running. */
  stop(): Promise<void>;
  settled(): Promise<unknown>;
  lastPollAt(): number | null;
}

export function createJobs(app: App, config: Config, metrics: Pick<Metrics, 'recordDigestRun' | 'recordPoll'>, logger: Logger): Jobs {
  const admin = app.services.admin;
  // Admins hear once when a source starts failing or is switched off, not at every poll.
  const onHealthChange = admin
    ? createSourceAlerts({ roles: admin.roles, chats: app.services.chats, outbox: app.outbox, i18n: app.i18n, wake: () => app.sender.notify() })
    : undefined;
  const poller = createSourcePoller({ db: app.db.db, config, ingestor: app.ingestor, logger: logger.child({ job: 'ingest' }), ...(onHealthChange ? { onHealthChange } : {}) });
  const running = new Set<Promise<unknown>>();
  let lastPollAt: number | null = null;
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    return work.finally(() => running.delete(work));
  };
  const scheduler = createScheduler(
    {
      digests: (at) => {
        const result = app.digests.run({ at });
        metrics.recordDigestRun(result.queuedMessages);
        if (result.queuedMessages > 0) app.sender.notify();
      },
      ingest: () =>
        tracked(
          (async () => {
            const begin = performance.now();
            const report = await poller.pollDue();
            metrics.recordPoll(report, (performance.now() - begin) / 1000);
            lastPollAt = Date.now();
          })(),
        ),
    },
    logger,
  );
  return {
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    settled: () => Promise.allSettled([...running]),
    lastPollAt: () => lastPollAt,
  };
}
