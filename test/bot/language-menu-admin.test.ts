import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot({ env: { ADMIN_IDS: '1602' } });

describe('an admin’s command menu after /language', () => {
  it('keeps the desk’s commands, in the chosen language', async () => {
    await bot.say({ chatId: 1602, text: '/language ru', languageCode: 'en' });
    const menu = bot.telegram.commands('en', { type: 'chat', chat_id: 1602 });
    expect(menu.find((c) => c.command === 'stats')?.description).toBe('Админ: статистика');
    expect(menu.find((c) => c.command === 'digest')?.description).toBe('Сводка сейчас');
  });
});
