import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot({ env: { DEFAULT_TIMEZONE: 'Europe/Moscow', DEFAULT_DIGEST_TIME: '09:00' } });

const chat = (id: number) => bot.app.services.chats.get(id);

describe('settings', () => {
  it('gives a new subscriber the default zone and time', async () => {
    await bot.say({ chatId: 31, text: '/start', languageCode: 'en' });
    expect(chat(31)).toMatchObject({ timeZone: 'Europe/Moscow', digestTime: '09:00', frequency: 'daily', status: 'active' });
  });

  it('shows one screen whose buttons change frequency, time, zone and quiet hours', async () => {
    await bot.say({ chatId: 32, text: '/settings', languageCode: 'en' });
    expect(bot.last(32).plain_text).toContain('Daily at 09:00 (Moscow, UTC+3)');
    await bot.press(32, bot.last(32), 'Weekly');
    await bot.press(32, bot.last(32), /Fri/);
    await bot.press(32, bot.last(32), '+1 h');
    await bot.press(32, bot.last(32), '🌍 Moscow (UTC+3)');
    await bot.press(32, bot.last(32), 'Dushanbe (UTC+5)');
    await bot.press(32, bot.last(32), /22–07/);
    expect(chat(32)).toMatchObject({ frequency: 'weekly', weeklyDay: 5, digestTime: '10:00', timeZone: 'Asia/Dushanbe', quietStart: '22:00', quietEnd: '07:00' });
    expect(bot.last(32).plain_text).toContain('Quiet hours: 22:00–07:00');
    expect(bot.telegram.sentMessages(32)).toHaveLength(1);
  });

  it('sets the schedule by command in Russian and explains a bad time in Russian', async () => {
    await bot.say({ chatId: 33, text: '/schedule 7:30 Asia/Tashkent ежедневно', languageCode: 'ru' });
    expect(chat(33)).toMatchObject({ digestTime: '07:30', timeZone: 'Asia/Tashkent', frequency: 'daily' });
    expect(bot.last(33).plain_text).toContain('Расписание сохранено');
    await bot.say({ chatId: 33, text: '/schedule 25:00', languageCode: 'ru' });
    expect(bot.last(33).plain_text).toContain('«25:00» — не время суток');
    expect(chat(33)?.digestTime).toBe('07:30');
  });

  it('explains an unknown zone and a zero-length quiet window in Arabic', async () => {
    await bot.say({ chatId: 34, text: '/schedule Mars/Olympus', languageCode: 'ar' });
    expect(bot.last(34).plain_text).toContain('لا أعرف المنطقة الزمنية');
    await bot.say({ chatId: 34, text: '/quiet 23:00-23:00', languageCode: 'ar' });
    expect(bot.last(34).plain_text).toContain('لا معنى لها');
    await bot.say({ chatId: 34, text: '/quiet 23:00-06:30', languageCode: 'ar' });
    expect(chat(34)).toMatchObject({ quietStart: '23:00', quietEnd: '06:30' });
    await bot.say({ chatId: 34, text: '/quiet إيقاف', languageCode: 'ar' });
    expect(chat(34)).toMatchObject({ quietStart: null, quietEnd: null });
  });
});
