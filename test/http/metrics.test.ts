import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { createConfig } from '../../src/config.ts';
import { countUpdates, createMetrics, createMetricsRoute, type Metrics } from '../../src/http/metrics.ts';
import type { PollReport } from '../../src/sources/poller.ts';
import { createTestClock } from '../helpers/app.ts';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { callbackUpdate, messageUpdate } from '../../src/telegram-double/updates.ts';
import { serve, type Served } from './helpers.ts';

/** The value of one sample line of the exposition text, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

interface Rig {
  app: App;
  telegram: FakeTelegram;
  metrics: Metrics;
}

let rig: Rig | undefined;
let served: Served | undefined;
afterEach(async () => {
  await served?.server.close();
  rig?.app.close();
  await rig?.telegram.close();
  served = undefined;
  rig = undefined;
});

async function startRig(): Promise<Rig> {
  const clock = createTestClock();
  const telegram = await createFakeTelegram({ clock: clock.now });
  const metrics = createMetrics({ defaultMetrics: false });
  const config = createConfig({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' });
  const app = await createApp(config, pino({ level: 'silent' }), {
    token: telegram.token, apiRoot: telegram.apiRoot, now: clock.now, sleep: clock.sleep, metrics,
  });
  app.bot.botInfo = telegram.botInfo;
  rig = { app, telegram, metrics };
  return rig;
}

const message = (chatId: number, kind: 'digest' | 'breaking', key: string) => ({
  chatId, itemKey: key, kind, priority: kind === 'breaking' ? 10 : 0, text: `<b>${kind}</b> ${key}`, articleIds: [],
});

describe('GET /metrics', () => {
  it('counts updates by type as the bot handles them', async () => {
    const { app, metrics } = await startRig();
    await app.bot.handleUpdate(messageUpdate({ chatId: 11, text: '/start', languageCode: 'en' }));
    await app.bot.handleUpdate(messageUpdate({ chatId: 12, text: '/help', languageCode: 'ru' }));
    const sent = rig?.telegram.lastMessage(11);
    if (!sent) throw new Error('no reply to /start');
    await app.bot.handleUpdate(callbackUpdate({ chatId: 11, userId: 11, data: 'nothing:here', messageId: sent.message_id, messageText: sent.plain_text }));
    const text = await metrics.scrape();
    expect(sample(text, 'briefings_updates_total{type="message"}')).toBe(2);
    expect(sample(text, 'briefings_updates_total{type="callback_query"}')).toBe(1);
    expect(sample(text, 'briefings_update_duration_seconds_count')).toBe(3);
  });

  it('counts sends by kind, failures by reason, 429s, and reads the outbox depth on each scrape', async () => {
    const { app, telegram, metrics } = await startRig();
    for (const chatId of [21, 22, 23, 24]) await app.bot.handleUpdate(messageUpdate({ chatId, text: '/start', languageCode: 'en' }));
    served = await serve([createMetricsRoute(metrics)]);

    app.outbox.enqueue([message(21, 'digest', 'd1'), message(21, 'digest', 'd2'), message(22, 'breaking', 'b1')]);
    let text = await (await fetch(`${served.base}/metrics`)).text();
    expect(sample(text, 'briefings_outbox_depth{status="pending"}')).toBe(3);

    telegram.failNext('sendMessage', 1, { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } });
    telegram.blockChat(23);
    app.outbox.enqueue([message(23, 'digest', 'd3'), message(24, 'digest', 'd4')]);
    const report = await app.sender.runUntilIdle();
    expect(report.sent).toBe(4);

    const response = await fetch(`${served.base}/metrics`);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    text = await response.text();
    expect(sample(text, 'briefings_messages_sent_total{kind="digest"}')).toBe(3);
    expect(sample(text, 'briefings_messages_sent_total{kind="breaking"}')).toBe(1);
    expect(sample(text, 'briefings_messages_failed_total{reason="blocked"}')).toBe(1);
    expect(sample(text, 'briefings_telegram_429_total')).toBe(1);
    expect(sample(text, 'briefings_messages_retried_total{reason="retry_after"}')).toBe(1);
    expect(sample(text, 'briefings_outbox_depth{status="pending"}')).toBe(0);
    expect(sample(text, 'briefings_outbox_depth{status="sent"}')).toBe(4);
    expect(sample(text, 'briefings_outbox_depth{status="failed"}')).toBe(1);
    expect(sample(text, 'briefings_outbox_oldest_pending_age_seconds')).toBe(0);
  });

  it('counts ingest results, feed errors, poll durations and digest runs', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const report: PollReport = {
      sources: 3, ok: 2, notModified: 0, seen: 10, new: 6, duplicates: 3,
      failed: [{ id: 3, url: 'https://example.org/feed', error: 'HTTP 500' }],
    };
    metrics.recordPoll(report, 1.5);
    metrics.recordPoll({ ...report, failed: [], new: 0, duplicates: 10 }, 0.2);
    metrics.recordDigestRun(0);
    metrics.recordDigestRun(7);
    const text = await metrics.scrape();
    expect(sample(text, 'briefings_ingest_articles_total{result="new"}')).toBe(6);
    expect(sample(text, 'briefings_ingest_articles_total{result="duplicate"}')).toBe(13);
    expect(sample(text, 'briefings_ingest_articles_total{result="error"}')).toBe(1);
    expect(sample(text, 'briefings_feed_errors_total')).toBe(1);
    expect(sample(text, 'briefings_ingest_duration_seconds_count')).toBe(2);
    expect(sample(text, 'briefings_ingest_duration_seconds_sum')).toBeCloseTo(1.7);
    expect(sample(text, 'briefings_digest_runs_total')).toBe(2);
    expect(sample(text, 'briefings_digest_messages_queued_total')).toBe(7);
    expect(sample(text, 'briefings_last_poll_timestamp_seconds')).toBeGreaterThan(0);
  });

  it('includes process metrics and keeps each registry separate', async () => {
    const one = createMetrics();
    const two = createMetrics();
    one.countUpdate('message');
    const text = await one.scrape();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(sample(await two.scrape(), 'briefings_updates_total{type="message"}')).toBeUndefined();
  });

  it('still serves a scrape when the outbox cannot be read, keeping the last depth', async () => {
    const errors: unknown[] = [];
    const metrics = createMetrics({ defaultMetrics: false, onCollectError: (error) => errors.push(error) });
    let broken = false;
    metrics.observeOutbox(() => {
      if (broken) throw new Error('The database connection is not open');
      return { byStatus: { pending: 5, sending: 1, sent: 0, failed: 0 }, byKind: {} as never, oldestPendingAgeMs: 12_000 };
    });
    expect(sample(await metrics.scrape(), 'briefings_outbox_depth{status="pending"}')).toBe(5);
    broken = true;
    const text = await metrics.scrape();
    expect(sample(text, 'briefings_outbox_depth{status="pending"}')).toBe(5);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('counts an update whose handler throws, and lets the error through', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const middleware = countUpdates(metrics);
    await expect(middleware({ updateType: 'message' }, () => Promise.reject(new Error('handler failed')))).rejects.toThrow('handler failed');
    expect(sample(await metrics.scrape(), 'briefings_updates_total{type="message"}')).toBe(1);
  });
});
