import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();

const subs = (chatId: number) => bot.app.services.subscriptions.list(chatId).map((s) => `${s.region}/${s.topic}`);
const buttons = (chatId: number) => bot.last(chatId).reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];

describe('the subscribe wizard’s places', () => {
  it('offers Russia at the top and subscribes to Tatarstan’s culture through it, in Russian', async () => {
    await bot.say({ chatId: 1401, text: '/subscribe', languageCode: 'ru' });
    expect(buttons(1401).slice(0, 2)).toEqual(['Все регионы', 'Россия']);
    await bot.press(1401, bot.last(1401), 'Россия', 'ru');
    expect(bot.last(1401).plain_text).toMatch(/^Россия \(1\/\d\)/);
    expect(buttons(1401)[0]).toBe('🌐 Вся Россия');
    const tatarstan = async () => {
      for (let page = 0; page < 4 && !buttons(1401).includes('Татарстан'); page++) await bot.press(1401, bot.last(1401), /^\d+ ▶$/, 'ru');
    };
    await tatarstan();
    await bot.press(1401, bot.last(1401), 'Татарстан', 'ru');
    await bot.press(1401, bot.last(1401), 'Культура', 'ru');
    expect(subs(1401)).toEqual(['RU-TA/culture']);
    await bot.say({ chatId: 1401, text: '/subscribe', languageCode: 'ru' });
    expect(buttons(1401)[1]).toBe('✅ Россия');
  });

  it('subscribes to all of Russia in English and marks it', async () => {
    await bot.say({ chatId: 1402, text: '/subscribe', languageCode: 'en' });
    await bot.press(1402, bot.last(1402), 'Russia', 'en');
    await bot.press(1402, bot.last(1402), '🌐 All of Russia', 'en');
    await bot.press(1402, bot.last(1402), 'All topics', 'en');
    expect(subs(1402)).toEqual(['RU/all']);
  });

  it('lists Russia among Europe’s countries, and jumps to a first letter on a long list, in English', async () => {
    await bot.say({ chatId: 1403, text: '/subscribe', languageCode: 'en' });
    await bot.press(1403, bot.last(1403), 'Europe', 'en');
    expect(bot.last(1403).plain_text).toMatch(/^Europe \(1\/7\)/);
    // The current page's letters are marked; R is on a later page.
    expect(buttons(1403)).toContain('·A·');
    await bot.press(1403, bot.last(1403), 'R', 'en');
    expect(buttons(1403)).toContain('Russia');
    expect(buttons(1403)).toContain('·R·');
    expect(bot.last(1403).plain_text).not.toMatch(/\(1\/7\)/);
  });

  it('has Done on a places page and says what was saved, in Arabic', async () => {
    await bot.say({ chatId: 1404, text: '/subscribe', languageCode: 'ar' });
    await bot.press(1404, bot.last(1404), 'روسيا', 'ar');
    expect(buttons(1404)).toContain('تم ✔');
    expect(buttons(1404)[0]).toBe('🌐 كل روسيا');
    await bot.press(1404, bot.last(1404), '🌐 كل روسيا', 'ar');
    await bot.press(1404, bot.last(1404), 'كل المواضيع', 'ar');
    await bot.press(1404, bot.last(1404), 'رجوع ▶', 'ar');
    await bot.press(1404, bot.last(1404), 'تم ✔', 'ar');
    expect(subs(1404)).toEqual(['RU/all']);
    expect(bot.last(1404).plain_text).toContain('/subscriptions');
  });
});
