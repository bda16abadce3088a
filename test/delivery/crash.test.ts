import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { createSenderLease } from '../../src/delivery/lease.ts';
import { createOutbox } from '../../src/delivery/outbox.ts';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { digestPart, insertChats, range, senderFor } from './helpers.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONCURRENCY = 8;
const CHATS = range(1, 100);
const PARTS = [1, 2, 3];

describe('crash and resume', () => {
  let dir: string | undefined;
  let handle: DbHandle | undefined;
  let tg: FakeTelegram | undefined;
  afterEach(async () => {
    handle?.close();
    await tg?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** 300 digest parts for 100 chats in a fresh database file, closed for the sender processes to open. */
  const queuedDatabase = async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefings-crash-'));
    const dbPath = join(dir, 'crash.db');
    // Per-chat limits as on Telegram; a high global limit so the run takes seconds, not minutes.
    tg = await createFakeTelegram({ globalRatePerSecond: 1000 });
    const setup = openDatabase(dbPath);
    insertChats(setup, CHATS);
    const queued = CHATS.flatMap((chatId) => PARTS.map((part) => digestPart(chatId, part)));
    expect(createOutbox(setup).enqueue(queued)).toBe(300);
    setup.close();
    return { dbPath, queued, telegram: tg };
  };

  it('loses nothing and repeats at most the sends in flight when the sender is killed with SIGKILL', async () => {
    const { dbPath, queued, telegram } = await queuedDatabase();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/delivery/crash-child.ts', dbPath, telegram.apiRoot, telegram.token, '100', String(CONCURRENCY)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let childOutput = '';
    child.stdout.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed as the double records a send, before its answer can reach the child: that one is in flight.
    await telegram.waitForCalls('sendMessage', 120, 20_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\nchild output: ${childOutput}`);
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const sentBeforeKill = telegram.sentMessages().length;
    expect(sentBeforeKill).toBeGreaterThanOrEqual(120);
    expect(sentBeforeKill).toBeLessThan(300);

    handle = openDatabase(dbPath);
    const inFlightAtKill = handle.sqlite.prepare(`SELECT COUNT(*) FROM outbox WHERE status = 'sending'`).pluck().get() as number;
    expect(inFlightAtKill).toBeLessThanOrEqual(CONCURRENCY);
    // Composing the same digests again after the restart queues nothing new.
    expect(createOutbox(handle).enqueue(queued)).toBe(0);

    const { sender } = senderFor(handle, telegram, { sendRate: 100, concurrency: CONCURRENCY });
    const report = await sender.runUntilIdle();
    expect(report.pending).toBe(0);

    const received = new Map<number, number[]>();
    for (const message of telegram.sentMessages()) {
      const part = Number(/part (\d+)$/.exec(message.plain_text)?.[1]);
      received.set(message.chat_id, [...(received.get(message.chat_id) ?? []), part]);
    }
    for (const chatId of CHATS) {
      const parts = received.get(chatId) ?? [];
      expect(new Set(parts)).toEqual(new Set(PARTS));
      // A repeated part comes straight after itself: order is kept even across the crash.
      expect(parts).toEqual([...parts].sort((a, b) => a - b));
    }
    const duplicates = telegram.sentMessages().length - queued.length;
    expect(duplicates).toBeGreaterThanOrEqual(0);
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
    expect(sender.outbox.stats().byStatus).toEqual({ pending: 0, sending: 0, sent: 300, failed: 0 });
    expect(telegram.violations).toEqual([]);
  }, 40_000);

  it('has one of two sender processes send, and after kill -9 of both loses nothing and repeats at most that one’s sends in flight', async () => {
    const { dbPath, queued, telegram } = await queuedDatabase();

    const start = () => spawn(process.execPath, ['--import', 'tsx', 'test/delivery/crash-child.ts', dbPath, telegram.apiRoot, telegram.token, '100', String(CONCURRENCY), '1500'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const children = [start(), start()];
    const exits = children.map((c) => new Promise<void>((resolve) => c.on('exit', () => resolve())));
    await telegram.waitForCalls('sendMessage', 120, 20_000);
    for (const c of children) c.kill('SIGKILL');
    await Promise.all(exits);
    // Two processes sending at once would have met the per-chat limits.
    expect(telegram.tooManyRequests).toBe(0);

    handle = openDatabase(dbPath);
    const inFlightAtKill = handle.sqlite.prepare(`SELECT COUNT(*) FROM outbox WHERE status = 'sending'`).pluck().get() as number;
    expect(inFlightAtKill).toBeLessThanOrEqual(CONCURRENCY);
    const lease = createSenderLease(handle, { ttlMs: 1500 });
    // The dead holder's lease runs out before anyone else may send.
    const killedAt = Date.now();
    while (!lease.acquire()) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Date.now() - killedAt).toBeLessThan(3000);
    lease.release();
    const { sender } = senderFor(handle, telegram, { sendRate: 100, concurrency: CONCURRENCY, lease: createSenderLease(handle, { ttlMs: 1500 }) });
    expect((await sender.runUntilIdle()).pending).toBe(0);
    const delivered = new Set(telegram.sentMessages().map((m) => `${m.chat_id}:${m.plain_text}`));
    expect(delivered.size).toBe(queued.length);
    expect(telegram.sentMessages().length - queued.length).toBeLessThanOrEqual(inFlightAtKill);
    expect(telegram.violations).toEqual([]);
  }, 40_000);
});
