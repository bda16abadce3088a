/**
 * Editions through one digest run and the real sender, on a clock the sender and the Bot API double
 * share (the sender's sleeps move it, so nothing waits in real time): private chats, channels and
 * topics of several forums, Telegram's limits enforced by the double.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runEditionsDigest, seedEditions, unconstrainedRate, type EditionsScenario, type RateWindow,
} from '../../bench/editions.ts';
import type { DbHandle } from '../../src/db/client.ts';
import type { SenderReport } from '../../src/delivery/sender.ts';
import { EDITION_ID_BASE } from '../../src/subscriptions/editions.ts';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { createClock, openMemoryDb, senderFor } from './helpers.ts';

const SEND_RATE = 25;
const SIZES = { privates: 150, channels: 8, forums: 3, topicsPerForum: 4, articlesPerRegion: 12 };

interface OutboxRow {
  chat_id: number;
  item_key: string;
  send_to: number;
  thread_id: number | null;
  reply_markup: string | null;
  text: string;
}

describe('editions on the sender', () => {
  const clock = createClock();
  let handle: DbHandle;
  let tg: FakeTelegram;
  let scenario: EditionsScenario;
  let messagesOf: Map<number, number>;
  let queued: OutboxRow[];
  let report: SenderReport;
  let window: RateWindow;

  beforeAll(async () => {
    handle = openMemoryDb();
    tg = await createFakeTelegram({ clock: clock.now });
    scenario = seedEditions(handle, tg, SIZES, clock.now());
    messagesOf = (await runEditionsDigest(handle, clock.now())).messagesOf;
    queued = handle.sqlite.prepare('SELECT chat_id, item_key, send_to, thread_id, reply_markup, text FROM outbox ORDER BY id').all() as OutboxRow[];

    const sendToOf = new Map(scenario.topics.map((t) => [t.id, t.groupId]));
    const starts: Array<{ at: number; sendTo: number }> = [];
    const { sender, events } = senderFor(handle, tg, { clock, sendRate: SEND_RATE });
    report = await sender.runUntilIdle();
    for (const e of events) if (e.type === 'start') starts.push({ at: e.at, sendTo: sendToOf.get(e.chatId) ?? e.chatId });
    window = unconstrainedRate(starts, SEND_RATE, (sendTo) => sendTo < 0);
  });

  afterAll(async () => {
    handle.close();
    await tg.close();
  });

  const rowsOf = (chatId: number) => queued.filter((r) => r.chat_id === chatId);

  it('queues every private chat, channel and topic its whole digest once, with no (chat, item) twice', () => {
    expect(scenario.topics).toHaveLength(12);
    expect(new Set(scenario.topics.map((t) => t.groupId)).size).toBe(3);
    for (const id of scenario.targets) {
      expect(messagesOf.get(id), `digest of ${id}`).toBeGreaterThan(0);
      expect(rowsOf(id), `rows of ${id}`).toHaveLength(messagesOf.get(id) ?? -1);
    }
    const keys = queued.map((r) => `${r.chat_id}|${r.item_key}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Nothing for anyone else: the forum supergroups themselves have no subscriptions.
    const targets = new Set(scenario.targets);
    expect(queued.filter((r) => !targets.has(r.chat_id))).toEqual([]);
  });

  it('addresses topic rows to their forum and thread, channel rows to the channel without buttons, private rows to the chat', () => {
    for (const topic of scenario.topics) {
      expect(topic.id).toBeLessThan(EDITION_ID_BASE);
      for (const row of rowsOf(topic.id)) expect({ sendTo: row.send_to, thread: row.thread_id }).toEqual({ sendTo: topic.groupId, thread: topic.threadId });
    }
    for (const id of scenario.channels) {
      for (const row of rowsOf(id)) expect({ sendTo: row.send_to, thread: row.thread_id, markup: row.reply_markup }).toEqual({ sendTo: id, thread: null, markup: null });
    }
    for (const id of scenario.privates) {
      const rows = rowsOf(id);
      for (const row of rows) expect({ sendTo: row.send_to, thread: row.thread_id }).toEqual({ sendTo: id, thread: null });
      // Private digests keep their buttons under the last message.
      expect(rows.at(-1)?.reply_markup).not.toBeNull();
    }
  });

  it('sends every queued message without a single 429 or Bot API violation', () => {
    expect(report.sent).toBe(queued.length);
    expect(report.pending).toBe(0);
    expect(report.tooManyRequests).toBe(0);
    expect(tg.tooManyRequests).toBe(0);
    expect(tg.violations).toEqual([]);
  });

  it("delivers each topic's digest into its own thread, in order, and nothing into a forum's General topic", () => {
    for (const topic of scenario.topics) {
      const texts = tg.messagesIn(topic.groupId, topic.threadId).map((m) => m.text);
      expect(texts, `thread ${topic.threadId} of ${topic.groupId}`).toEqual(rowsOf(topic.id).map((r) => r.text));
    }
    for (const groupId of scenario.forums) expect(tg.messagesIn(groupId, undefined)).toEqual([]);
    for (const id of [...scenario.channels, ...scenario.privates]) {
      expect(tg.sentMessages(id).map((m) => m.text)).toEqual(rowsOf(id).map((r) => r.text));
    }
    for (const id of scenario.channels) expect(tg.sentMessages(id).every((m) => m.reply_markup === undefined)).toBe(true);
  });

  /*
   * The window where only the global rate can hold the sender back (unconstrainedRate): replaying the
   * sends' start times in order, send k belongs to it when, at the instant the global pace allowed it
   * (send k-1's start + 1000/SEND_RATE ms), some Telegram chat — a private chat, a channel, or a forum
   * shared by all its topics — still had an unstarted message and had rested its per-chat interval
   * (1 s private, 3.15 s group or channel). The window is the longest prefix of sends where that held;
   * its rate is (sends − 1) over the time from its first start to its last.
   */
  it('keeps at least 95% of SEND_RATE while some chat is free of its per-chat limit', () => {
    // The window must cover the bulk of the run, not a handful of sends.
    expect(window.sends).toBeGreaterThanOrEqual(SIZES.privates);
    expect(window.perSecond).toBeGreaterThanOrEqual(0.95 * SEND_RATE);
    // The pacer never starts more than SEND_RATE sends within a second.
    expect(window.perSecond).toBeLessThanOrEqual(SEND_RATE * 1.001);
  });
});
