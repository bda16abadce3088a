import { describe, expect, it } from 'vitest';
import type { SenderEvent } from '../../src/delivery/sender.ts';
import { breakingItem, createClock, digestPart, insertChats, range, senderFor, textsOf, useMemoryFixture } from './helpers.ts';

type StartEvent = Extract<SenderEvent, { type: 'start' }>;
const startsOf = (events: SenderEvent[]): StartEvent[] => events.filter((e): e is StartEvent => e.type === 'start');

describe('sender pacing and order', () => {
  const open = useMemoryFixture();

  it('stays under the total rate, a second apart per private chat and three per group, parts in order', async () => {
    const clock = createClock();
    const { handle, tg } = await open(clock);
    const privates = range(1, 40);
    const groups = [-101, -102];
    insertChats(handle, [...privates, ...groups]);
    const { sender, events } = senderFor(handle, tg, { clock });
    sender.outbox.enqueue([...privates, ...groups].flatMap((chatId) => [1, 2, 3, 4].map((part) => digestPart(chatId, part))));

    const report = await sender.runUntilIdle();

    expect(report).toMatchObject({ sent: 168, retried: 0, tooManyRequests: 0, pending: 0 });
    expect(tg.tooManyRequests).toBe(0);
    expect(tg.violations).toEqual([]);
    for (const chatId of [...privates, ...groups]) {
      expect(textsOf(tg, chatId)).toEqual([1, 2, 3, 4].map((part) => `Digest for ${chatId}, part ${part}`));
    }
    const starts = startsOf(events);
    for (let i = 25; i < starts.length; i++) {
      expect((starts[i]?.at ?? 0) - (starts[i - 25]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    for (const chatId of [...privates, ...groups]) {
      const times = starts.filter((s) => s.chatId === chatId).map((s) => s.at);
      const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(chatId < 0 ? 3000 : 1000);
    }
    // While there is a backlog the beat holds (160 starts at 25/s take 6.4 s), and the groups, started
    // first, set the end: four messages 3.15 s apart.
    expect((starts[159]?.at ?? 0) - (starts[0]?.at ?? 0)).toBeLessThan(6_600);
    expect(report.durationMs).toBeLessThan(10_500);
  });

  it('lets breaking news overtake a digest backlog of 5,000 within a second', async () => {
    const { handle, tg } = await open();
    insertChats(handle, range(1, 5003));
    const { sender, events } = senderFor(handle, tg);
    sender.outbox.enqueue(range(1, 5000).map((chatId) => digestPart(chatId, 1)));
    const sentCount = () => events.filter((e) => e.type === 'sent').length;
    sender.start();
    try {
      await waitFor(() => sentCount() >= 10);
      // Chat 4000's digest is still queued: its breaking item must not wait behind it either.
      const notifiedAt = Date.now();
      sender.outbox.enqueue([breakingItem(5001, 1), breakingItem(4000, 1)]);
      sender.notify();
      await waitFor(() => startsOf(events).filter((s) => s.priority === 10).length === 2);
      expect(Date.now() - notifiedAt).toBeLessThan(1000);

      // Without notify() the loop still finds it at its next look, about a second later.
      const queuedAt = Date.now();
      sender.outbox.enqueue([breakingItem(5002, 2)]);
      await waitFor(() => startsOf(events).some((s) => s.chatId === 5002));
      expect(Date.now() - queuedAt).toBeLessThan(1500);
    } finally {
      await sender.stop();
    }
    const order = startsOf(events).map((s) => s.chatId);
    expect(order.indexOf(5001)).toBeLessThan(40);
    expect(order.indexOf(4000)).toBeLessThan(40);
    expect(textsOf(tg, 4000)).toEqual(['Breaking 1']);
    expect(tg.tooManyRequests).toBe(0);
    expect(sender.outbox.stats().byStatus.sending).toBe(0);
  });

  it('stops after the sends in flight are recorded and resumes where it left off', async () => {
    const { handle, tg } = await open();
    insertChats(handle, range(1, 60));
    const first = senderFor(handle, tg, { sendRate: 30 });
    first.sender.outbox.enqueue(range(1, 60).map((chatId) => digestPart(chatId, 1)));
    first.sender.start();
    await waitFor(() => first.events.filter((e) => e.type === 'sent').length >= 5);
    await first.sender.stop();
    const stats = first.sender.outbox.stats().byStatus;
    expect(stats.sending).toBe(0);
    expect(stats.sent).toBe(tg.sentMessages().length);

    const second = senderFor(handle, tg, { sendRate: 30 });
    const report = await second.sender.runUntilIdle();
    expect(report.sent).toBe(60 - stats.sent);
    for (const chatId of range(1, 60)) expect(textsOf(tg, chatId)).toHaveLength(1);
  });
});

describe('sender loop', () => {
  const open = useMemoryFixture();

  it('sends the stored keyboard with link previews off', async () => {
    const { handle, tg } = await open();
    insertChats(handle, [1]);
    const { sender } = senderFor(handle, tg);
    const replyMarkup = { inline_keyboard: [[{ text: 'More', callback_data: 'digest:more:1' }]] };
    sender.outbox.enqueue([{ ...digestPart(1, 1), kind: 'notice', text: 'See <a href="https://example.org/a">this</a>', replyMarkup }]);
    expect((await sender.runUntilIdle()).sent).toBe(1);
    expect(tg.lastMessage(1)).toMatchObject({ parse_mode: 'HTML', disable_preview: true, reply_markup: replyMarkup });
    expect(sender.outbox.get(1)?.telegramMessageId).toBe(tg.lastMessage(1)?.message_id);
  });

  it('answers runUntilIdle while running by reporting what it sent until nothing was due', async () => {
    const { handle, tg } = await open();
    insertChats(handle, [1, 2, 3]);
    const { sender } = senderFor(handle, tg);
    sender.start();
    try {
      sender.outbox.enqueue([digestPart(1, 1), digestPart(2, 1), digestPart(3, 1)]);
      const report = await sender.runUntilIdle();
      expect(report).toMatchObject({ sent: 3, pending: 0 });
      expect(tg.sentMessages()).toHaveLength(3);
    } finally {
      await sender.stop();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
