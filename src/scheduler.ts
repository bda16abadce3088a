import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from './logger.ts';

export interface SchedulerJobs {
  /** Composes and queues the digests due at this minute. */
  digests(at: number): void | Promise<void>;
  /** Polls the sources whose turn has come (each source keeps its own next-fetch time). */
  ingest(): Promise<unknown>;
}

/**
 * Cron only maps the clock to calls: every minute the due function decides who gets a digest,
 * and the poller decides which sources are due. noOverlap keeps a slow run from doubling up.
 */
export function createScheduler(jobs: SchedulerJobs, logger: Logger, now: () => number = Date.now) {
  const tasks: ScheduledTask[] = [];
  const guard = (name: string, fn: () => unknown) => async () => {
    try {
      await fn();
    } catch (error) {
      logger.error({ err: error, job: name }, 'scheduled job failed');
    }
  };
  return {
    start(): void {
      tasks.push(
        cron.schedule('* * * * *', guard('digests', () => jobs.digests(Math.floor(now() / 60_000) * 60_000)), {
          name: 'digests',
          noOverlap: true,
          timezone: 'UTC',
        }),
        cron.schedule('* * * * *', guard('ingest', () => jobs.ingest()), { name: 'ingest', noOverlap: true, timezone: 'UTC' }),
      );
    },
    async stop(): Promise<void> {
      for (const task of tasks.splice(0)) await task.destroy();
    },
  };
}
