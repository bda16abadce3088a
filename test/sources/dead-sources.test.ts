import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/admin/audit.ts';
import { createSourceDesk } from '../../src/admin/sources.ts';
import { createIngestor } from '../../src/articles/ingest.ts';
import { createClassifiers } from '../../src/enrich/classifiers.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { createI18n } from '../../src/i18n.ts';
import { FAILING_AFTER } from '../../src/sources/backoff.ts';
import { createFetcher } from '../../src/sources/fetcher.ts';
import {
  DEAD_AFTER_FAILURES,
  DEAD_AFTER_MS,
  decideHealth,
  healthMessage,
  type HealthEvent,
  type HealthState,
  type PollOutcome,
} from '../../src/sources/health.ts';
import { createPoller } from '../../src/sources/poller.ts';
import { createSourceRepository, type SourceRecord, type SourceRepository } from '../../src/sources/repository.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { startServer, type TestServer } from './http-server.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 10, 1, 6);
const fresh: HealthState = { status: 'active', consecutiveFailures: 0, failingSince: null, deactivatedAt: null, deactivatedReason: null };

/** Runs outcomes through decideHealth as the repository would, collecting the events it emits. */
function replay(outcomes: PollOutcome[], start: HealthState = fresh): { state: HealthState; events: Array<[number, HealthEvent]> } {
  let state = start;
  const events: Array<[number, HealthEvent]> = [];
  outcomes.forEach((outcome, i) => {
    const decision = decideHealth(state, outcome);
    state = decision.next;
    if (decision.event) events.push([i + 1, decision.event]);
  });
  return { state, events };
}

const failuresEvery = (count: number, gapMs: number): PollOutcome[] =>
  Array.from({ length: count }, (_, i) => ({ ok: false, at: START + i * gapMs, gone: false }));

describe('deciding when a source changes health', () => {
  it('emits failing once, when the run of failures reaches FAILING_AFTER, and nothing on later failures', () => {
    const { state, events } = replay(failuresEvery(DEAD_AFTER_FAILURES - 1, HOUR));
    expect(events).toEqual([[FAILING_AFTER, 'failing']]);
    expect(state).toMatchObject({ status: 'failing', consecutiveFailures: DEAD_AFTER_FAILURES - 1, failingSince: START });
  });

  it('deactivates once at ten failures in a row spanning seven days, whichever comes last', () => {
    const daily = replay(failuresEvery(12, DAY));
    // Failure 8 is the first a full week after the first, failure 10 the first at the count.
    expect(daily.events).toEqual([[FAILING_AFTER, 'failing'], [10, 'deactivated']]);
    const sparse = replay(failuresEvery(12, 2 * DAY));
    expect(sparse.events).toEqual([[FAILING_AFTER, 'failing'], [DEAD_AFTER_FAILURES, 'deactivated']]);
    expect(sparse.state).toMatchObject({ status: 'paused', deactivatedReason: 'dead', deactivatedAt: START + 9 * 2 * DAY });
  });

  it('does not deactivate many failures within a few days', () => {
    const { state, events } = replay(failuresEvery(40, HOUR * 2));
    expect(events).toEqual([[FAILING_AFTER, 'failing']]);
    expect(state.deactivatedAt).toBeNull();
  });

  it('does not deactivate a few failures spread over more than a week, as when the bot itself was down', () => {
    const { state, events } = replay([0, 8 * DAY, 9 * DAY].map((d) => ({ ok: false, at: START + d, gone: false })));
    expect(events).toEqual([]);
    expect(state).toMatchObject({ status: 'active', consecutiveFailures: 3 });
    expect(DEAD_AFTER_MS).toBe(7 * DAY);
  });

  it('deactivates at once on 410 Gone with a single deactivated event and no failing one', () => {
    const { state, events } = replay([{ ok: false, at: START, gone: true }, { ok: false, at: START + DAY, gone: true }]);
    expect(events).toEqual([[1, 'deactivated']]);
    expect(state).toMatchObject({ status: 'paused', deactivatedReason: 'gone', deactivatedAt: START });
  });

  it('emits recovered only for a source that had been announced as failing', () => {
    const blip = replay([...failuresEvery(FAILING_AFTER - 1, HOUR), { ok: true, at: START + DAY }]);
    expect(blip.events).toEqual([]);
    const outage = replay([...failuresEvery(FAILING_AFTER, HOUR), { ok: true, at: START + DAY }, { ok: true, at: START + 2 * DAY }]);
    expect(outage.events).toEqual([[FAILING_AFTER, 'failing'], [FAILING_AFTER + 1, 'recovered']]);
    expect(outage.state).toEqual(fresh);
  });

  it('leaves a source an admin paused paused, without events, whatever the poll in flight returned', () => {
    const paused: HealthState = { ...fresh, status: 'paused', consecutiveFailures: FAILING_AFTER - 1, failingSince: START };
    expect(decideHealth(paused, { ok: false, at: START + HOUR, gone: false })).toEqual({ next: { ...paused, consecutiveFailures: FAILING_AFTER } });
    expect(decideHealth(paused, { ok: true, at: START + HOUR })).toEqual({ next: { ...fresh, status: 'paused' } });
  });

  it('words each event in all three languages with the source, its error and the count', async () => {
    const i18n = await createI18n();
    const source = { ...fresh, name: 'Volga Wire', url: 'https://volga.example/rss', lastError: 'HTTP 503 <Service Unavailable>' };
    const failing = healthMessage({ ...source, status: 'failing', consecutiveFailures: 5, failingSince: START }, 'failing', START + DAY);
    const dead = healthMessage({ ...source, consecutiveFailures: 11, failingSince: START, deactivatedAt: START + 8 * DAY, deactivatedReason: 'dead' }, 'deactivated', START + 8 * DAY);
    const gone = healthMessage({ ...source, deactivatedReason: 'gone', deactivatedAt: START }, 'deactivated', START);
    expect(failing).toEqual({ key: 'source_health.failing', params: { name: 'Volga Wire', url: source.url, error: source.lastError, count: 5 } });
    expect(dead).toMatchObject({ key: 'source_health.deactivated_dead', params: { count: 8, failures: 11 } });
    expect(gone.key).toBe('source_health.deactivated_gone');
    expect(i18n.t('en', failing.key, failing.params)).toContain('5 polls in a row');
    expect(i18n.t('en', failing.key, failing.params)).toContain('HTTP 503 &lt;Service Unavailable&gt;');
    expect(i18n.t('ru', dead.key, dead.params)).toContain('8 дней');
    expect(i18n.t('en', dead.key, dead.params)).toContain('8 days (11 failed polls');
    for (const locale of ['en', 'ru', 'ar'] as const) {
      for (const message of [failing, dead, gone, healthMessage({ ...source }, 'recovered', START)]) {
        const text = i18n.t(locale, message.key, message.params);
        expect(text).not.toContain('source_health');
        expect(text).not.toContain('{{');
      }
    }
  });
});

describe('polling a dead or gone source', () => {
  const classifiers = createClassifiers(createTaxonomy());
  let handle: DbHandle;
  let repository: SourceRepository;
  let server: TestServer;
  let clock = START;
  let status = 200;
  let events: Array<[number, HealthEvent]> = [];

  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><guid>w1</guid><title>Kazan opens a new bridge</title>
<description>The new bridge across the Kazanka opened on Monday after three years of work, and city officials said traffic in the centre should ease within weeks as buses are rerouted over it and two old crossings close for repairs.</description></item></channel></rss>`;

  beforeEach(async () => {
    handle = openDatabase(':memory:');
    repository = createSourceRepository(handle.db);
    clock = START;
    status = 200;
    events = [];
    server = await startServer((_req, res) => {
      if (status !== 200) return void res.writeHead(status).end('no');
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
    });
  });
  afterEach(async () => {
    await server.close();
    handle.close();
  });

  function poller(onHealthChange: (source: SourceRecord, event: HealthEvent) => void = (s, e) => void events.push([s.id, e])) {
    return createPoller({
      repository,
      fetcher: createFetcher({ minHostIntervalMs: 0, now: () => clock }),
      ingestor: createIngestor({ store: createArticleStore(handle), classifiers, now: () => clock }),
      intervalMs: 15 * 60_000,
      logger: pino({ level: 'silent' }),
      now: () => clock,
      onHealthChange,
    });
  }

  /** Moves the clock to each due time in turn, as the scheduler would, until `until`. */
  async function pollUntil(until: number): Promise<number> {
    let polls = 0;
    for (;;) {
      const due = repository.list().filter((s) => s.status !== 'paused').map((s) => s.nextFetchAt ?? clock);
      const next = Math.min(...due);
      if (due.length === 0 || next > until) return polls;
      clock = Math.max(clock, next);
      polls += (await poller().pollDue()).sources;
    }
  }

  it('deactivates a source on 410 at once, keeps it with its reason, stops polling it, and polls it again once resumed', async () => {
    const { source } = repository.add({ url: `${server.origin}/feed`, name: 'Wire' });
    status = 410;
    await poller().pollDue();
    expect(events).toEqual([[source.id, 'deactivated']]);
    expect(repository.get(source.id)).toMatchObject({ status: 'paused', deactivatedReason: 'gone', deactivatedAt: START, consecutiveFailures: 1 });
    expect(repository.get(source.id)?.lastError).toMatch(/410/);
    clock += 30 * DAY;
    expect((await poller().pollDue()).sources).toBe(0);
    expect((await poller().pollDue({ force: true })).sources).toBe(0);

    // The admin /sources screen's Resume button: the desk sets the status back to active.
    const desk = createSourceDesk({ db: handle.db, fetcher: createFetcher(), checkUrl: async (url) => ({ ok: true, url }), audit: createAuditLog(handle.db, () => clock) });
    expect(desk.resume(source.id, 1)).toBe('done');
    expect(repository.get(source.id)).toMatchObject({ status: 'active', deactivatedAt: null, deactivatedReason: null, consecutiveFailures: 0, failingSince: null });
    status = 200;
    expect(await poller().pollDue()).toMatchObject({ sources: 1, ok: 1, new: 1 });
    expect(events).toHaveLength(1);
  });

  it('tells once when a source starts failing and once when, a week of backoff later, it is deactivated', async () => {
    const { source } = repository.add({ url: `${server.origin}/feed`, name: 'Wire' });
    status = 503;
    const polls = await pollUntil(START + 30 * DAY);
    expect(events).toEqual([[source.id, 'failing'], [source.id, 'deactivated']]);
    const stored = repository.get(source.id);
    expect(stored).toMatchObject({ status: 'paused', deactivatedReason: 'dead', failingSince: START });
    expect(stored?.consecutiveFailures).toBe(polls);
    expect(stored?.consecutiveFailures).toBeGreaterThanOrEqual(DEAD_AFTER_FAILURES);
    expect((stored?.deactivatedAt ?? 0) - START).toBeGreaterThanOrEqual(DEAD_AFTER_MS);
    expect((stored?.deactivatedAt ?? 0) - START).toBeLessThan(DEAD_AFTER_MS + 2 * DAY);
  });

  it('tells when a failing source works again', async () => {
    const { source } = repository.add({ url: `${server.origin}/feed` });
    status = 500;
    for (let i = 0; i < FAILING_AFTER; i++) await poller().pollDue({ force: true });
    status = 200;
    await poller().pollDue({ force: true });
    await poller().pollDue({ force: true });
    expect(events).toEqual([[source.id, 'failing'], [source.id, 'recovered']]);
    expect(repository.get(source.id)).toMatchObject({ status: 'active', failingSince: null, consecutiveFailures: 0 });
  });

  it('records the poll even when the health listener throws or rejects', async () => {
    const a = repository.add({ url: `${server.origin}/a` }).source;
    status = 410;
    const report = await poller(() => {
      throw new Error('telegram down');
    }).pollDue();
    expect(report.failed).toHaveLength(1);
    expect(repository.get(a.id)?.deactivatedReason).toBe('gone');
    const b = repository.add({ url: `${server.origin}/b` }).source;
    await poller(() => Promise.reject(new Error('telegram down'))).pollDue();
    expect(repository.get(b.id)?.deactivatedReason).toBe('gone');
  });
});
