import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();
const buttons = (chatId: number) => bot.last(chatId).reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];

// The test clock starts on 29 November 2026 at 06:00 UTC.
describe('the schedule in /settings', () => {
  it('says when the next briefing comes, in the chat’s zone, and moves it past quiet hours, in English', async () => {
    await bot.say({ chatId: 1701, text: '/schedule 07:30 Asia/Dushanbe daily', languageCode: 'en' });
    await bot.say({ chatId: 1701, text: '/settings', languageCode: 'en' });
    // 06:00 UTC is 11:00 in Dushanbe: today's 07:30 has passed, so tomorrow's.
    expect(bot.last(1701).plain_text).toContain('Next briefing: Nov 30, 2026, 7:30 AM');
    await bot.say({ chatId: 1701, text: '/quiet 7-9', languageCode: 'en' });
    await bot.say({ chatId: 1701, text: '/settings', languageCode: 'en' });
    expect(bot.last(1701).plain_text).toContain('Quiet hours: 07:00–09:00');
    expect(bot.last(1701).plain_text).toContain('Next briefing: Nov 30, 2026, 9:00 AM');
  });

  it('hides the time controls for instant briefings and says how they come, in Russian', async () => {
    await bot.say({ chatId: 1702, text: '/settings', languageCode: 'ru' });
    expect(buttons(1702)).toContain('+1 ч');
    await bot.press(1702, bot.last(1702), 'Сразу', 'ru');
    expect(buttons(1702)).not.toContain('+1 ч');
    expect(buttons(1702).some((b) => b.startsWith('🕗'))).toBe(false);
    const text = bot.last(1702).plain_text;
    expect(text).toContain('по мере поступления новостей');
    expect(text).not.toContain('Следующая сводка');
  });

  it('takes quiet hours typed as whole hours across midnight, in Arabic', async () => {
    await bot.say({ chatId: 1703, text: '/quiet 22-7', languageCode: 'ar' });
    await bot.say({ chatId: 1703, text: '/settings', languageCode: 'ar' });
    expect(bot.last(1703).plain_text).toContain('22:00–07:00');
    expect(buttons(1703)).toContain('+١ س');
  });
});
