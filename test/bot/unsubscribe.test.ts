import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();
const subs = (chatId: number) => bot.app.services.subscriptions.list(chatId).map((s) => `${s.region}/${s.topic}${s.exclude.length > 0 ? ` -${s.exclude.join(' -')}` : ''}`);
const toasts = () => bot.telegram.callsOf('answerCallbackQuery').map((c) => String(c.payload.text ?? ''));

describe('unsubscribing', () => {
  it('names every subscription a region took with it, in Arabic', async () => {
    for (const text of ['/subscribe طاجيكستان الأمن', '/subscribe طاجيكستان الاقتصاد', '/subscribe مصر']) await bot.say({ chatId: 1501, text, languageCode: 'ar' });
    await bot.say({ chatId: 1501, text: '/unsubscribe طاجيكستان', languageCode: 'ar' });
    expect(subs(1501)).toEqual(['EG/all']);
    const text = bot.last(1501).plain_text;
    expect(text).toContain('تم الحذف');
    expect(text).toContain('طاجيكستان · الأمن');
    expect(text).toContain('طاجيكستان · الاقتصاد');
  });

  it('asks before removing everything when typed, and the undo brings it all back, keywords too, in English', async () => {
    await bot.say({ chatId: 1502, text: '/subscribe Egypt economy -football', languageCode: 'en' });
    await bot.say({ chatId: 1502, text: '/subscribe Tatarstan', languageCode: 'en' });
    await bot.say({ chatId: 1502, text: '/unsubscribe all', languageCode: 'en' });
    expect(bot.last(1502).plain_text).toBe('Remove all 2 of your subscriptions? Briefings stop until you subscribe again.');
    expect(subs(1502)).toHaveLength(2);
    await bot.press(1502, bot.last(1502), '🗑 Yes, remove all 2', 'en');
    expect(subs(1502)).toEqual([]);
    bot.clock.advance(30_000);
    await bot.press(1502, bot.last(1502), '↩ Undo', 'en');
    expect(subs(1502)).toEqual(['EG/economy -football', 'RU-TA/all']);
    expect(bot.last(1502).plain_text).toBe('↩ Restored 2 subscriptions.');
  });

  it('refuses an undo after a minute and keeps the chat as it is, in Russian', async () => {
    await bot.say({ chatId: 1503, text: '/subscribe Таджикистан', languageCode: 'ru' });
    await bot.say({ chatId: 1503, text: '/unsubscribe', languageCode: 'ru' });
    await bot.press(1503, bot.last(1503), '🗑 Удалить все', 'ru');
    await bot.press(1503, bot.last(1503), '🗑 Да, удалить', 'ru');
    const removed = bot.last(1503);
    bot.clock.advance(61_000);
    await bot.press(1503, removed, '↩ Отменить', 'ru');
    expect(subs(1503)).toEqual([]);
    expect(toasts().at(-1)).toBe('Отменить уже нельзя: подпишитесь снова через /subscribe.');
  });

  it('keeps everything when the confirmation is declined, in English', async () => {
    await bot.say({ chatId: 1504, text: '/subscribe Kazakhstan energy', languageCode: 'en' });
    await bot.say({ chatId: 1504, text: '/unsubscribe all', languageCode: 'en' });
    await bot.press(1504, bot.last(1504), '◀ No, keep them', 'en');
    expect(subs(1504)).toEqual(['KZ/energy']);
    expect(bot.last(1504).plain_text).toContain('Tap a subscription to remove it');
  });
});
