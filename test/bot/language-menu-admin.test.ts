import { describe, expect, it } from 'vitest';
import { registerAdminMenus } from '../../src/bot/features/admin/index.ts';
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

describe('an admin’s menu at start-up', () => {
  it('stays in the language the admin chose rather than Telegram’s', async () => {
    await bot.say({ chatId: 1602, text: '/language ar', languageCode: 'en' });
    const admin = bot.app.services.admin;
    if (!admin) throw new Error('the app has no admin desk');
    await registerAdminMenus(bot.app.bot.telegram, bot.app.i18n, admin.roles, undefined, (id) => bot.app.services.chats.get(id)?.locale ?? undefined);
    const menu = bot.telegram.commands('en', { type: 'chat', chat_id: 1602 });
    expect(menu.find((c) => c.command === 'digest')?.description).toBe('الموجز الآن');
    expect(menu.map((c) => c.command)).toContain('stats');
  });
});
