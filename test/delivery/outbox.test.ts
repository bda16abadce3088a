import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client.ts';
import { createOutbox, type Outbox } from '../../src/delivery/outbox.ts';
import { breakingItem, createClock, digestPart, insertArticle, insertChats, openMemoryDb } from './helpers.ts';

describe('outbox', () => {
  let handle: DbHandle;
  let outbox: Outbox;
  const clock = createClock();

  beforeEach(() => {
    handle = openMemoryDb();
    insertChats(handle, [1, 2, 3, -100]);
    outbox = createOutbox(handle, { now: clock.now });
  });
  afterEach(() => handle.close());

  it('queues a digest once however many times it is composed', () => {
    const parts = [digestPart(1, 1), digestPart(1, 2), digestPart(2, 1)];
    expect(outbox.enqueue(parts)).toBe(3);
    expect(outbox.enqueue(parts)).toBe(0);
    expect(outbox.enqueue([...parts, digestPart(2, 2)])).toBe(1);
    expect(outbox.pendingCount()).toBe(4);
  });

  it('writes a batch in one transaction, so a bad row leaves nothing half-queued', () => {
    expect(() => outbox.enqueue([digestPart(1, 1), digestPart(999, 1)])).toThrow(/FOREIGN KEY/);
    expect(outbox.pendingCount()).toBe(0);
  });

  it('offers each chat its next message only, highest priority first, then in queue order', () => {
    outbox.enqueue([digestPart(1, 1), digestPart(1, 2), digestPart(2, 1), digestPart(-100, 1)]);
    outbox.enqueue([breakingItem(3, 1)]);
    const heads = outbox.heads(clock.now(), 10);
    expect(heads.map((h) => [h.chatId, h.priority])).toEqual([[3, 10], [1, 0], [2, 0], [-100, 0]]);
    expect(heads.find((h) => h.chatId === -100)?.isGroup).toBe(true);
    expect(heads.find((h) => h.chatId === 1)?.isGroup).toBe(false);
  });

  it('never offers part 2 while part 1 is in flight or waiting for a retry', () => {
    outbox.enqueue([digestPart(1, 1), digestPart(1, 2)]);
    const [first] = outbox.heads(clock.now(), 10);
    const claimed = outbox.claim(first?.id ?? -1, clock.now());
    expect(claimed?.status).toBe('sending');
    expect(outbox.heads(clock.now(), 10)).toEqual([]);
    expect(outbox.claim((first?.id ?? 0) + 1, clock.now())).toBeUndefined();
    outbox.reschedule(claimed?.id ?? -1, { at: clock.now() + 5000, error: 'server: Bad Gateway', countAttempt: true });
    expect(outbox.heads(clock.now(), 10)).toEqual([]);
    expect(outbox.nextDueAt(clock.now())).toBe(clock.now() + 5000);
    expect(outbox.heads(clock.now() + 5000, 10).map((h) => h.id)).toEqual([first?.id]);
    expect(outbox.get(first?.id ?? -1)).toMatchObject({ attempts: 1, lastError: 'server: Bad Gateway', status: 'pending' });
  });

  it('records the articles of a sent message as delivered to its chat, with their story', () => {
    insertArticle(handle, 10, 10);
    insertArticle(handle, 11, 10);
    outbox.enqueue([digestPart(1, 1, { articleIds: [10, 11, 12345] })]);
    const row = outbox.claim(outbox.heads(clock.now(), 1)[0]?.id ?? -1, clock.now());
    outbox.markSent(row?.id ?? -1, 10001, clock.now());
    expect(outbox.get(row?.id ?? -1)).toMatchObject({ status: 'sent', telegramMessageId: 10001, sentAt: clock.now() });
    const delivered = handle.sqlite.prepare('SELECT chat_id, article_id, cluster_id, outbox_id FROM deliveries ORDER BY article_id').all();
    expect(delivered).toEqual([
      { chat_id: 1, article_id: 10, cluster_id: 10, outbox_id: row?.id },
      { chat_id: 1, article_id: 11, cluster_id: 10, outbox_id: row?.id },
    ]);
  });

  it('puts messages a crash left in flight back in the queue', () => {
    outbox.enqueue([digestPart(1, 1), digestPart(2, 1)]);
    for (const head of outbox.heads(clock.now(), 10)) outbox.claim(head.id, clock.now());
    expect(outbox.stats().byStatus.sending).toBe(2);
    expect(outbox.recoverInFlight()).toBe(2);
    expect(outbox.stats().byStatus).toEqual({ pending: 2, sending: 0, sent: 0, failed: 0 });
  });

  it('fails every unsent message of a chat at once and defers a chat without touching others', () => {
    outbox.enqueue([digestPart(1, 1), digestPart(1, 2), digestPart(2, 1)]);
    expect(outbox.deferChat(2, clock.now() + 7000, 'retry_after: 7s')).toBe(1);
    expect(outbox.failChat(1, 'blocked: Forbidden')).toBe(2);
    expect(outbox.heads(clock.now(), 10)).toEqual([]);
    expect(outbox.heads(clock.now() + 7000, 10).map((h) => h.chatId)).toEqual([2]);
  });

  it('counts messages by status and kind and tells how long the oldest has waited', () => {
    outbox.enqueue([digestPart(1, 1), breakingItem(2, 1)]);
    clock.advance(90_000);
    const head = outbox.heads(clock.now(), 10)[0];
    outbox.markFailed(head?.id ?? -1, 'bad_request: nope');
    const stats = outbox.stats();
    expect(stats.byStatus).toEqual({ pending: 1, sending: 0, sent: 0, failed: 1 });
    expect(stats.byKind.breaking.failed).toBe(1);
    expect(stats.byKind.digest.pending).toBe(1);
    expect(stats.oldestPendingAgeMs).toBe(90_000);
  });
});
