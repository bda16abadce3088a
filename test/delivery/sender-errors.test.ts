import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { PAUSE_KEY } from '../../src/delivery/pause-store.ts';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { createClock, digestPart, insertArticle, insertChats, senderFor, textsOf, type Clock } from './helpers.ts';

const flood = (seconds: number) => ({
  error_code: 429,
  description: `Too Many Requests: retry after ${seconds}`,
  parameters: { retry_after: seconds },
});
const badGateway = { error_code: 502, description: 'Bad Gateway' };

describe('sender error handling', () => {
  let dir: string;
  let dbPath: string;
  let handle: DbHandle;
  let tg: FakeTelegram;
  let clock: Clock;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefings-sender-'));
    dbPath = join(dir, 'test.db');
    handle = openDatabase(dbPath);
    clock = createClock();
    tg = await createFakeTelegram({ clock: clock.now });
  });
  afterEach(async () => {
    handle.close();
    await tg.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh process's view: a new connection and a sender with no memory of the last one. */
  const restart = () => {
    handle.close();
    handle = openDatabase(dbPath);
    return senderFor(handle, tg, { clock, concurrency: 1 });
  };
  const callTimes = (chatId: number) => tg.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === chatId).map((c) => c.at);

  it('honours retry_after for the chat and still honours it after a restart', async () => {
    insertChats(handle, [1, 2]);
    tg.failNext('sendMessage', 1, flood(7));
    const { sender } = senderFor(handle, tg, { clock, concurrency: 1 });
    sender.outbox.enqueue([digestPart(1, 1), digestPart(1, 2), digestPart(2, 1)]);
    const floodAt = clock.now();

    const first = await sender.runUntilIdle({ waitUpToMs: 0 });
    expect(first).toMatchObject({ sent: 1, tooManyRequests: 1, pending: 2 });
    expect(sender.outbox.get(1)).toMatchObject({ status: 'pending', nextAttemptAt: floodAt + 7000, attempts: 0 });
    expect(sender.outbox.get(2)?.nextAttemptAt).toBe(floodAt + 7000);

    const resumed = restart();
    expect((await resumed.sender.runUntilIdle({ waitUpToMs: 0 })).sent).toBe(0);
    clock.advance(floodAt + 6999 - clock.now());
    expect((await resumed.sender.runUntilIdle({ waitUpToMs: 0 })).sent).toBe(0);
    clock.advance(1);
    expect((await resumed.sender.runUntilIdle()).sent).toBe(2);
    expect(textsOf(tg, 1)).toEqual(['Digest for 1, part 1', 'Digest for 1, part 2']);
    expect(callTimes(1).slice(1).every((at) => at >= floodAt + 7000)).toBe(true);
  });

  it('pauses every chat when several hit 429 within a second, and a restart waits the pause out', async () => {
    insertChats(handle, [1, 2, 3, 4]);
    tg.failNext('sendMessage', 3, flood(30));
    const { sender, events } = senderFor(handle, tg, { clock, concurrency: 1 });
    sender.outbox.enqueue([1, 2, 3, 4].map((chatId) => digestPart(chatId, 1)));
    const report = await sender.runUntilIdle({ waitUpToMs: 0 });
    expect(report).toMatchObject({ sent: 0, tooManyRequests: 3, pending: 4 });
    const pause = events.find((e) => e.type === 'pause');
    expect(pause).toBeDefined();
    const stored = handle.sqlite.prepare('SELECT value FROM app_state WHERE key = ?').pluck().get(PAUSE_KEY);
    expect(Number(stored)).toBeGreaterThanOrEqual(clock.now() + 29_000);

    const resumed = restart();
    expect((await resumed.sender.runUntilIdle({ waitUpToMs: 0 })).sent).toBe(0);
    expect(tg.callsOf('sendMessage')).toHaveLength(3);
    clock.advance(30_000);
    expect((await resumed.sender.runUntilIdle()).sent).toBe(4);
  });

  it('retries 5xx with growing waits and delivers the message once', async () => {
    insertChats(handle, [1]);
    tg.failNext('sendMessage', 3, badGateway);
    const { sender } = senderFor(handle, tg, { clock });
    sender.outbox.enqueue([digestPart(1, 1), digestPart(1, 2)]);
    const report = await sender.runUntilIdle();
    expect(report).toMatchObject({ sent: 2, retried: 3, pending: 0 });
    expect(textsOf(tg, 1)).toEqual(['Digest for 1, part 1', 'Digest for 1, part 2']);
    const times = callTimes(1);
    const gaps = times.slice(1, 4).map((t, i) => t - (times[i] ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1800);
    expect(gaps[2]).toBeGreaterThanOrEqual(3600);
    expect(sender.outbox.get(1)).toMatchObject({ status: 'sent', attempts: 3, lastError: 'server: Bad Gateway' });
  });

  it('gives a message up after eight failed attempts without holding back the next one', async () => {
    insertChats(handle, [1]);
    tg.failNext('sendMessage', 8, badGateway);
    const { sender } = senderFor(handle, tg, { clock });
    sender.outbox.enqueue([digestPart(1, 1), digestPart(1, 2)]);
    const report = await sender.runUntilIdle({ waitUpToMs: 300_000 });
    expect(report.failed.server).toBe(1);
    expect(report.sent).toBe(1);
    expect(sender.outbox.get(1)).toMatchObject({ status: 'failed', attempts: 8, lastError: 'server: Bad Gateway' });
    expect(textsOf(tg, 1)).toEqual(['Digest for 1, part 2']);
  });

  it('suspends a chat that blocked the bot and fails its other messages without sending them', async () => {
    insertChats(handle, [5, 6]);
    handle.sqlite.prepare(`INSERT INTO subscriptions (chat_id, region, topic) VALUES (5, 'TJ', 'all')`).run();
    tg.blockChat(5);
    const { sender } = senderFor(handle, tg, { clock });
    sender.outbox.enqueue([digestPart(5, 1), digestPart(5, 2), digestPart(5, 3), digestPart(6, 1)]);
    const report = await sender.runUntilIdle();
    expect(report).toMatchObject({ sent: 1, failed: { blocked: 3 }, pending: 0 });
    expect(callTimes(5)).toHaveLength(1);
    expect(textsOf(tg, 6)).toEqual(['Digest for 6, part 1']);
    expect(handle.sqlite.prepare('SELECT status FROM chats WHERE id = 5').pluck().get()).toBe('blocked');
    expect(handle.sqlite.prepare('SELECT COUNT(*) FROM subscriptions WHERE chat_id = 5').pluck().get()).toBe(1);
    expect(sender.outbox.get(2)).toMatchObject({ status: 'failed', lastError: 'blocked: Forbidden: bot was blocked by the user' });

    // Something queued for it later is not sent either.
    sender.outbox.enqueue([digestPart(5, 4)]);
    expect((await sender.runUntilIdle()).failed.blocked).toBe(1);
    expect(callTimes(5)).toHaveLength(1);
  });

  it('follows a group that became a supergroup and delivers to its new id', async () => {
    insertChats(handle, [-100]);
    insertArticle(handle, 1);
    tg.migrateChat(-100, -1009999);
    const { sender, events } = senderFor(handle, tg, { clock });
    sender.outbox.enqueue([digestPart(-100, 1, { articleIds: [1] }), digestPart(-100, 2)]);
    const report = await sender.runUntilIdle();
    expect(report).toMatchObject({ sent: 2, pending: 0 });
    expect(textsOf(tg, -1009999)).toEqual(['Digest for -100, part 1', 'Digest for -100, part 2']);
    expect(events.filter((e) => e.type === 'migrated')).toHaveLength(1);
    expect(handle.sqlite.prepare('SELECT id, type FROM chats').all()).toEqual([{ id: -1009999, type: 'supergroup' }]);
    expect(handle.sqlite.prepare('SELECT DISTINCT chat_id FROM outbox').pluck().all()).toEqual([-1009999]);
    expect(handle.sqlite.prepare('SELECT chat_id FROM deliveries').pluck().all()).toEqual([-1009999]);
    expect(tg.violations).toEqual([]);
  });

  it('records a refused message against it and delivers the rest', async () => {
    insertChats(handle, [1, 2]);
    const { sender } = senderFor(handle, tg, { clock });
    sender.outbox.enqueue([digestPart(1, 1, { text: '<p>not Telegram HTML</p>' }), digestPart(1, 2), digestPart(2, 1)]);
    const report = await sender.runUntilIdle();
    expect(report).toMatchObject({ sent: 2, failed: { bad_request: 1 }, retried: 0, pending: 0 });
    expect(sender.outbox.get(1)?.lastError).toMatch(/^bad_request: Bad Request: can't parse entities/);
    expect(textsOf(tg, 1)).toEqual(['Digest for 1, part 2']);
    expect(textsOf(tg, 2)).toEqual(['Digest for 2, part 1']);
    expect(tg.violations).toHaveLength(1);
  });

  it('keeps the messages when Telegram refuses the token, and pauses instead', async () => {
    insertChats(handle, [1]);
    tg.failNext('sendMessage', 1, { error_code: 401, description: 'Unauthorized' });
    const { sender, events } = senderFor(handle, tg, { clock });
    sender.outbox.enqueue([digestPart(1, 1)]);
    expect(await sender.runUntilIdle({ waitUpToMs: 0 })).toMatchObject({ sent: 0, pending: 1 });
    expect(events.some((e) => e.type === 'pause')).toBe(true);
    expect(sender.outbox.get(1)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await sender.runUntilIdle({ waitUpToMs: 120_000 })).sent).toBe(1);
  });
});
