import { describe, expect, it } from 'vitest';
import { createTestClock, startTestBot } from '../helpers/app.ts';
import { createFakeTelegram } from '../../src/telegram-double/index.ts';
import { ADMIN, ADMIN_ENV, asAdmin } from './helpers.ts';

const SUBSCRIBERS = 1000;
const BACKLOG = 5000;
const LOCALES = ['ar', 'ru', 'en'] as const;

describe('the breaking figure', () => {
  it('reaches 1,000 subscribers at the sender\'s full rate, starting within a second of the confirmation, while 5,000 digests wait', async () => {
    const clock = createTestClock();
    const telegram = await createFakeTelegram({ clock: clock.now, enforceRates: true });
    const bot = await startTestBot({ telegram, clock, env: ADMIN_ENV });
    try {
      const { chats, subscriptions } = bot.app.services;
      const setUp = bot.app.db.sqlite.transaction(() => {
        for (let i = 0; i < SUBSCRIBERS; i++) {
          const id = 100_000 + i;
          chats.touch({ id, type: 'private', languageCode: LOCALES[i % 3] });
          subscriptions.add(id, i % 2 ? 'central-asia' : 'TJ', 'all');
        }
        for (let i = 0; i < BACKLOG; i++) chats.touch({ id: 200_000 + i, type: 'private', languageCode: 'en' });
      });
      setUp();
      bot.app.outbox.enqueue(
        Array.from({ length: BACKLOG }, (_, i) => ({
          chatId: 200_000 + i, itemKey: `digest:${clock.now()}:0`, kind: 'digest' as const, priority: 0, text: `<b>Digest</b> ${i}`, articleIds: [],
        })),
      );

      await asAdmin(bot, '/breaking Tajikistan | Flooding closes the Dushanbe–Khujand road');
      expect(bot.last(ADMIN).plain_text).toContain('It will reach 1,000 chats.');
      // The digest backlog is already going out when the admin confirms.
      bot.app.sender.start();
      await telegram.waitForCalls('sendMessage', 101, 30_000);
      const confirmedAt = clock.now();
      await bot.press(ADMIN, bot.last(ADMIN), /Send/);
      const isBreaking = (text: unknown) => String(text).includes('Dushanbe–Khujand');
      const deadline = Date.now() + 120_000;
      while (telegram.callsOf('sendMessage').filter((c) => isBreaking(c.payload.text) && c.status === 200).length < SUBSCRIBERS) {
        if (Date.now() > deadline) throw new Error('breaking items still queued after two minutes');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await bot.app.sender.stop();

      const sends = telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) >= 100_000 && c.status === 200);
      const breaking = sends.filter((c) => isBreaking(c.payload.text));
      const first = breaking[0];
      const last = breaking.at(-1);
      if (!first || !last) throw new Error('no breaking message was sent');
      expect(breaking).toHaveLength(SUBSCRIBERS);
      expect(new Set(breaking.map((c) => c.payload.chat_id)).size).toBe(SUBSCRIBERS);
      expect(first.at - confirmedAt).toBeLessThanOrEqual(1000);
      expect(sends.filter((c) => !isBreaking(c.payload.text) && c.at <= confirmedAt).length).toBeGreaterThanOrEqual(100);
      expect(breaking.every((c) => Number(c.payload.chat_id) < 200_000)).toBe(true);
      // No digest started between the first and the last breaking message: the backlog waited.
      const during = sends.filter((c) => !isBreaking(c.payload.text) && c.at > first.at && c.at < last.at);
      expect(during).toEqual([]);
      // Full rate: SEND_RATE (25/s) less a little for the first slot; and pacing earned no 429.
      const rate = (SUBSCRIBERS - 1) / ((last.at - first.at) / 1000);
      expect(rate).toBeGreaterThan(bot.app.config.sendRate * 0.95);
      expect(rate).toBeLessThanOrEqual(30);
      expect(telegram.tooManyRequests).toBe(0);
      expect(bot.app.outbox.stats().byKind.digest.pending).toBeGreaterThan(BACKLOG - 200);
      expect(telegram.violations).toEqual([]);
    } finally {
      await bot.app.sender.stop();
      await bot.close();
      await telegram.close();
    }
  }, 180_000);
});
