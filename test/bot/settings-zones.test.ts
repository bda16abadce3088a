import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();
const chat = (id: number) => bot.app.services.chats.get(id);
const buttons = (chatId: number) => bot.last(chatId).reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];

async function openZones(chatId: number, languageCode: string) {
  await bot.say({ chatId, text: '/settings', languageCode });
  await bot.press(chatId, bot.last(chatId), /^🌍/, languageCode);
}

describe('time zones by city', () => {
  it('takes a city name in Russian, and a city of two words in English', async () => {
    await bot.say({ chatId: 1801, text: '/schedule Москва', languageCode: 'ru' });
    expect(chat(1801)?.timeZone).toBe('Europe/Moscow');
    await bot.say({ chatId: 1801, text: '/schedule Душанбе 07:30', languageCode: 'ru' });
    expect(chat(1801)).toMatchObject({ timeZone: 'Asia/Dushanbe', digestTime: '07:30' });
    expect(bot.last(1801).plain_text).toContain('Душанбе, UTC+5');
    await bot.say({ chatId: 1802, text: '/schedule 06:45 New York daily', languageCode: 'en' });
    expect(chat(1802)).toMatchObject({ timeZone: 'America/New_York', digestTime: '06:45', frequency: 'daily' });
  });

  it('takes an Arabic city of two words and shows cities in Arabic, the Gulf and Egypt first', async () => {
    await bot.say({ chatId: 1803, text: '/schedule الدار البيضاء', languageCode: 'ar' });
    expect(chat(1803)?.timeZone).toBe('Africa/Casablanca');
    expect(bot.last(1803).plain_text.replace(/[\u2066-\u2069]/g, '')).toContain('الدار البيضاء، UTC+1');
    await openZones(1803, 'ar');
    expect(buttons(1803).slice(0, 2)).toEqual(['الرياض (UTC+3)', 'القاهرة (UTC+2)']);
  });

  it('puts the zone of a followed country first, in English', async () => {
    await bot.say({ chatId: 1804, text: '/subscribe Tajikistan', languageCode: 'en' });
    await openZones(1804, 'en');
    expect(buttons(1804)[0]).toBe('Dushanbe (UTC+5)');
    await bot.press(1804, bot.last(1804), 'Dushanbe (UTC+5)', 'en');
    expect(chat(1804)?.timeZone).toBe('Asia/Dushanbe');
  });

  it('still refuses a place that is no zone and says so, in English', async () => {
    await bot.say({ chatId: 1805, text: '/schedule Atlantis', languageCode: 'en' });
    // Unchanged: still the default zone (UTC in the tests).
    expect(chat(1805)?.timeZone).toBe('UTC');
    expect(bot.last(1805).plain_text).toContain('Atlantis');
  });
});
