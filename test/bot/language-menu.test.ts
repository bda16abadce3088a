import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();
const menu = (chatId: number, languageCode: string) => bot.telegram.commands(languageCode, { type: 'chat', chat_id: chatId });

describe('the command menu after /language', () => {
  it('follows the chat’s chosen language, whatever language its Telegram reports', async () => {
    await bot.say({ chatId: 1601, text: '/language ru', languageCode: 'en' });
    expect(menu(1601, 'en').find((c) => c.command === 'digest')?.description).toBe('Сводка сейчас');
    expect(menu(1601, 'ar').find((c) => c.command === 'digest')?.description).toBe('Сводка сейчас');
    await bot.say({ chatId: 1601, text: '/language ar', languageCode: 'en' });
    expect(menu(1601, 'en').find((c) => c.command === 'languages')?.description).toBe('لغات الأخبار');
  });
});
