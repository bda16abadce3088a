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

describe('one sender per bot token', () => {
  let dir: string;
  const handles: DbHandle[] = [];
  let tg: FakeTelegram | undefined;
  const open = () => {
    const handle = openDatabase(join(dir, 'lease.db'));
    handles.push(handle);
    return handle;
  };
  afterEach(async () => {
    for (const h of handles.splice(0)) h.close();
    await tg?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const setUp = () => (dir = mkdtempSync(join(tmpdir(), 'briefings-lease-')));

  it('gives the lease to one process at a time, hands it over on release, and lets it be taken once it expires', () => {
    setUp();
    let now = 1_000_000;
    const a = createSenderLease(open(), { holder: 'a', ttlMs: 15_000, now: () => now });
    const b = createSenderLease(open(), { holder: 'b', ttlMs: 15_000, now: () => now });
    expect(a.acquire()).toBe(true);
    expect(b.acquire()).toBe(false);
    expect(b.liveHolder()?.holder).toBe('a');
    now += 10_000;
    expect(a.acquire()).toBe(true);
    now += 10_000;
    // Renewed 10 s ago: still a's.
    expect(b.acquire()).toBe(false);
    a.release();
    expect(b.acquire()).toBe(true);
    expect(a.acquire()).toBe(false);
    now += 15_001;
    expect(a.acquire()).toBe(true);
    expect(b.held()).toBe(false);
  });

  it('leaves the queue to the running sender when a second process drains beside it: each message once, no 429', async () => {
    setUp();
    tg = await createFakeTelegram();
    const setupHandle = open();
    const chats = range(1, 40);
    insertChats(setupHandle, chats);
    createOutbox(setupHandle).enqueue(chats.map((c) => digestPart(c, 1)));
    const running = senderFor(open(), tg, { lease: createSenderLease(handles[1] as DbHandle, { holder: 'bot' }), sendRate: 25 });
    const cli = senderFor(open(), tg, { lease: createSenderLease(handles[2] as DbHandle, { holder: 'cli' }), sendRate: 25 });
    running.sender.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cli.sender.otherHolder()?.holder).toBe('bot');
    const cliReport = await cli.sender.runUntilIdle();
    expect(cliReport.sent).toBe(0);
    await running.sender.runUntilIdle();
    expect(tg.sentMessages()).toHaveLength(40);
    expect(new Set(tg.sentMessages().map((m) => m.chat_id)).size).toBe(40);
    expect(tg.tooManyRequests).toBe(0);
    // Stopped, the bot hands the lease back: the CLI sends what is queued next.
    await running.sender.stop();
    createOutbox(setupHandle).enqueue([digestPart(1, 2)]);
    expect((await cli.sender.runUntilIdle()).sent).toBe(1);
    expect(tg.violations).toEqual([]);
  }, 30_000);

  it('takes over the lease of a sender killed with SIGKILL once it expires, not before', async () => {
    setUp();
    const path = join(dir, 'lease.db');
    open();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/delivery/lease-child.ts', path, '1500'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('held') ? resolve() : reject(new Error(chunk.toString()))));
      child.on('exit', () => reject(new Error('child exited early')));
    });
    const mine = createSenderLease(open(), { holder: 'parent', ttlMs: 1500 });
    expect(mine.acquire()).toBe(false);
    child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((resolve) => child.on('exit', resolve));
    expect(mine.acquire()).toBe(false);
    while (!mine.acquire()) await new Promise((resolve) => setTimeout(resolve, 50));
    const waited = Date.now() - killedAt;
    expect(waited).toBeLessThan(1500 + 1000);
    expect(mine.liveHolder()?.holder).toBe('parent');
  }, 20_000);
});
