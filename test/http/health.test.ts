import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { checkHealth, createHealthRoute, databaseWriteCheck, type HealthDeps } from '../../src/http/health.ts';
import { createSenderWatch } from '../../src/http/sender-watch.ts';
import { serve, type Served } from './helpers.ts';

const NOW = Date.UTC(2026, 0, 10, 12, 0);

function deps(overrides: Partial<HealthDeps> = {}): HealthDeps {
  return {
    checkDatabase: () => {},
    lastPoll: () => NOW - 60_000,
    senderAlive: () => true,
    outboxPending: () => 3,
    now: () => NOW,
    pollStaleAfterMs: 30 * 60_000,
    ...overrides,
  };
}

let served: Served | undefined;
afterEach(async () => {
  await served?.server.close();
  served = undefined;
});

describe('GET /healthz', () => {
  it('answers 200 with every part when the database takes writes and the sender is alive', async () => {
    const db = openDatabase(':memory:');
    served = await serve([createHealthRoute(deps({ checkDatabase: databaseWriteCheck(db.sqlite) }))]);
    const response = await fetch(`${served.base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      database: 'writable',
      lastPoll: new Date(NOW - 60_000).toISOString(),
      senderAlive: true,
      outboxPending: 3,
      failing: [],
    });
    // The probe's write was rolled back.
    expect(db.sqlite.prepare("SELECT count(*) FROM app_state WHERE key = 'healthz.probe'").pluck().get()).toBe(0);
    db.close();
  });

  it('answers 503 naming the database when the database is closed, and still reports the rest', async () => {
    const db = openDatabase(':memory:');
    db.close();
    served = await serve([createHealthRoute(deps({ checkDatabase: databaseWriteCheck(db.sqlite) }))]);
    const response = await fetch(`${served.base}/healthz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { ok: boolean; database: string; failing: string[]; senderAlive: boolean };
    expect(body.ok).toBe(false);
    expect(body.database).toMatch(/^not writable: .*not open/);
    expect(body.failing).toEqual(['database']);
    expect(body.senderAlive).toBe(true);
  });

  it('reports a database file that cannot be written as not writable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefings-health-'));
    try {
      const path = join(dir, 'ro.db');
      openDatabase(path).close();
      const readonly = new Database(path, { readonly: true });
      const report = checkHealth(deps({ checkDatabase: databaseWriteCheck(readonly) }));
      expect(report.failing).toContain('database');
      expect(report.database).toMatch(/readonly|read-only/i);
      readonly.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 naming the sender when it is not alive', () => {
    const report = checkHealth(deps({ senderAlive: () => false }));
    expect(report).toMatchObject({ ok: false, senderAlive: false, failing: ['sender'] });
  });

  it('fails the poll check when the last poll is older than the limit, or none finished since start', () => {
    expect(checkHealth(deps({ lastPoll: () => NOW - 31 * 60_000 })).failing).toEqual(['lastPoll']);
    expect(checkHealth(deps({ lastPoll: () => null, startedAt: NOW - 5 * 60_000 })).failing).toEqual([]);
    expect(checkHealth(deps({ lastPoll: () => null, startedAt: NOW - 60 * 60_000 })).failing).toEqual(['lastPoll']);
    expect(checkHealth(deps({ lastPoll: () => null })).lastPoll).toBeNull();
  });

  it('reports an outbox that cannot be read without throwing', () => {
    const report = checkHealth(deps({ outboxPending: () => { throw new Error('no such table'); } }));
    expect(report).toMatchObject({ ok: false, outboxPending: null, failing: ['outbox'] });
  });

  it('refuses other methods on /healthz with 405 and leaves other paths alone', async () => {
    served = await serve([createHealthRoute(deps())]);
    const post = await fetch(`${served.base}/healthz`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect((await fetch(`${served.base}/healthz/extra`)).status).toBe(404);
  });
});

describe('the sender watch', () => {
  it('is not alive before start or after stop', () => {
    const watch = createSenderWatch({ dueNow: () => false, now: () => NOW });
    expect(watch.alive()).toBe(false);
    watch.started();
    expect(watch.alive()).toBe(true);
    watch.stopped();
    expect(watch.alive()).toBe(false);
  });

  it('calls a sender with due messages and no sends for longer than the stall limit dead', () => {
    let now = NOW;
    let due = true;
    const watch = createSenderWatch({ dueNow: () => due, now: () => now, stallMs: 60_000 });
    watch.started();
    now += 59_000;
    expect(watch.alive()).toBe(true);
    now += 2000;
    expect(watch.alive()).toBe(false);
    watch.onEvent({ type: 'start', id: 1, chatId: 5, kind: 'digest', priority: 0, at: now });
    expect(watch.alive()).toBe(true);
    now += 120_000;
    due = false;
    expect(watch.alive()).toBe(true);
  });

  it('does not call a pause Telegram imposed a stall, and gives the sender time to resume after it', () => {
    let now = NOW;
    const watch = createSenderWatch({ dueNow: () => true, now: () => now, stallMs: 60_000 });
    watch.started();
    watch.onEvent({ type: 'pause', until: NOW + 300_000, reason: '429 from several chats' });
    now += 299_000;
    expect(watch.alive()).toBe(true);
    now += 30_000;
    expect(watch.alive()).toBe(true);
    now += 40_000;
    expect(watch.alive()).toBe(false);
  });
});
