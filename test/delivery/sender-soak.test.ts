import { describe, expect, it } from 'vitest';
import { createClock, digestPart, insertArticle, insertChats, range, seededRandom, senderFor, textsOf, useMemoryFixture } from './helpers.ts';

describe('sender under a storm', () => {
  const open = useMemoryFixture();

  it('gets every reachable chat its digest exactly once under 15% 502s and 10% blocked chats', async () => {
    const clock = createClock();
    const { handle, tg } = await open(clock);
    const privates = range(1, 270);
    const groups = range(1, 30).map((i) => -1000 - i);
    const all = [...privates, ...groups];
    const pick = seededRandom(11);
    const blocked = new Set(all.filter(() => pick() < 0.1));
    expect(blocked.size).toBeGreaterThan(15);
    insertChats(handle, all);
    for (const id of [1, 2, 3]) insertArticle(handle, id);
    for (const chatId of blocked) tg.blockChat(chatId);
    tg.failRandomly(0.15, { methods: ['sendMessage'], random: seededRandom(42) });

    const { sender } = senderFor(handle, tg, { clock });
    const queued = all.flatMap((chatId) => [
      digestPart(chatId, 1, { articleIds: [1, 2] }),
      digestPart(chatId, 2, { articleIds: [3] }),
    ]);
    expect(sender.outbox.enqueue(queued)).toBe(600);
    expect(sender.outbox.enqueue(queued)).toBe(0);
    const report = await sender.runUntilIdle({ waitUpToMs: 10 * 60_000 });

    const reachable = all.filter((chatId) => !blocked.has(chatId));
    for (const chatId of reachable) {
      expect(textsOf(tg, chatId)).toEqual([`Digest for ${chatId}, part 1`, `Digest for ${chatId}, part 2`]);
    }
    for (const chatId of blocked) expect(textsOf(tg, chatId)).toEqual([]);
    expect(report.sent).toBe(reachable.length * 2);
    expect(report.failed).toMatchObject({ blocked: blocked.size * 2, server: 0, network: 0, bad_request: 0 });
    expect(report.retried).toBeGreaterThan(50);
    expect(report.pending).toBe(0);
    expect(sender.outbox.stats().byStatus).toEqual({ pending: 0, sending: 0, sent: reachable.length * 2, failed: blocked.size * 2 });

    const statuses = handle.sqlite.prepare('SELECT status, COUNT(*) AS n FROM chats GROUP BY status ORDER BY status').all();
    expect(statuses).toEqual([
      { status: 'active', n: reachable.length },
      { status: 'blocked', n: blocked.size },
    ]);
    // What a chat was sent is what it is recorded as having received: the next digest skips exactly that.
    const delivered = handle.sqlite.prepare('SELECT COUNT(*) FROM deliveries').pluck().get();
    expect(delivered).toBe(reachable.length * 3);
    expect(tg.violations).toEqual([]);
    expect(tg.tooManyRequests).toBe(0);
  });
});
