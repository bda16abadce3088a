import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/bot/commands.ts';
import { createTestClock, startTestBot, type TestBot } from '../helpers/app.ts';
import { createFakeTelegram } from '../../src/telegram-double/index.ts';
import { editedMessageUpdate, myChatMemberUpdate } from '../../src/telegram-double/updates.ts';

const open: TestBot[] = [];
const start = async (...args: Parameters<typeof startTestBot>) => {
  const bot = await startTestBot(...args);
  open.push(bot);
  return bot;
};
afterEach(async () => {
  for (const bot of open.splice(0)) {
    expect(bot.telegram.violations).toEqual([]);
    await bot.close();
  }
});

describe('first contact and language', () => {
  it('welcomes each user in the language Telegram reports, and English otherwise', async () => {
    const bot = await start();
    await bot.say({ chatId: 1, text: '/start', languageCode: 'ar', firstName: 'Amina' });
    await bot.say({ chatId: 2, text: '/start', languageCode: 'ru', firstName: 'Ivan' });
    await bot.say({ chatId: 3, text: '/start', languageCode: 'en', firstName: 'Jane' });
    await bot.say({ chatId: 4, text: '/start', languageCode: 'fr', firstName: 'Luc' });
    expect(bot.last(1).plain_text).toContain('أهلاً بك');
    expect(bot.last(2).plain_text).toContain('Добро пожаловать');
    expect(bot.last(3).plain_text).toContain('Welcome to Briefings, Jane');
    expect(bot.last(4).plain_text).toContain('Welcome');
  });

  it('uses DEFAULT_LOCALE for a language it does not speak', async () => {
    const bot = await start({ env: { DEFAULT_LOCALE: 'ru' } });
    await bot.say({ chatId: 5, text: '/help', languageCode: 'de' });
    expect(bot.last(5).plain_text).toContain('Что я умею');
  });

  it('switches language by command and by button, and keeps to it over Telegram\'s language', async () => {
    const bot = await start();
    await bot.say({ chatId: 6, text: '/language ru', languageCode: 'en' });
    expect(bot.last(6).plain_text).toContain('Теперь я пишу по-русски');
    await bot.say({ chatId: 6, text: '/help', languageCode: 'en' });
    expect(bot.last(6).plain_text).toContain('Что я умею');
    await bot.say({ chatId: 6, text: '/language', languageCode: 'en' });
    await bot.press(6, bot.last(6), 'العربية');
    expect(bot.last(6).plain_text).toContain('سأكتب لك بالعربية');
    await bot.say({ chatId: 6, text: '/language klingon', languageCode: 'en' });
    expect(bot.last(6).plain_text).toContain('لا أعرف اللغة');
  });

  it('registers a command menu for each language and a default one', async () => {
    const bot = await start();
    await registerCommands(bot.app.bot.telegram, bot.app.i18n, 'en');
    expect(bot.telegram.commands('ru').find((c) => c.command === 'subscribe')?.description).toBe('Подписаться на регион и тему');
    expect(bot.telegram.commands('ar').find((c) => c.command === 'stop')?.description).toBe('أوقف الموجزات مؤقتاً');
    expect(bot.telegram.commands().find((c) => c.command === 'help')?.description).toBe('What I can do');
  });
});

describe('pausing, blocking and restarting', () => {
  it('pauses with /stop, keeps subscriptions, and resumes with /start', async () => {
    const bot = await start();
    await bot.say({ chatId: 10, text: '/subscribe Egypt', languageCode: 'en' });
    await bot.say({ chatId: 10, text: '/stop', languageCode: 'en' });
    expect(bot.app.services.chats.get(10)?.status).toBe('paused');
    await bot.say({ chatId: 10, text: '/subscriptions', languageCode: 'en' });
    expect(bot.last(10).plain_text).toContain('paused');
    await bot.say({ chatId: 10, text: '/start', languageCode: 'en' });
    expect(bot.app.services.chats.get(10)?.status).toBe('active');
    expect(bot.last(10).plain_text).toContain('back on');
    expect(bot.app.services.subscriptions.list(10)).toHaveLength(1);
  });

  it('marks a chat blocked when the user blocks the bot and active when they come back, subscriptions kept', async () => {
    const bot = await start();
    await bot.say({ chatId: 11, text: '/subscribe Iran', languageCode: 'en' });
    await bot.app.bot.handleUpdate(myChatMemberUpdate({ chatId: 11, userId: 11, oldStatus: 'member', newStatus: 'kicked' }));
    expect(bot.app.services.chats.get(11)?.status).toBe('blocked');
    await bot.app.bot.handleUpdate(myChatMemberUpdate({ chatId: 11, userId: 11, oldStatus: 'kicked', newStatus: 'member' }));
    expect(bot.app.services.chats.get(11)?.status).toBe('active');
    expect(bot.app.services.subscriptions.list(11)).toHaveLength(1);
  });

  it('keeps subscriptions, language and schedule across a restart on the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefings-restart-'));
    const databasePath = join(dir, 'nested', 'bot.db');
    const clock = createTestClock();
    const telegram = await createFakeTelegram({ clock: clock.now });
    try {
      const first = await startTestBot({ databasePath, telegram, clock });
      await first.say({ chatId: 12, text: '/subscribe Казахстан экономика', languageCode: 'ru' });
      await first.say({ chatId: 12, text: '/language en', languageCode: 'ru' });
      await first.say({ chatId: 12, text: '/schedule 07:15 Asia/Almaty', languageCode: 'ru' });
      await first.close();
      const second = await startTestBot({ databasePath, telegram, clock });
      await second.say({ chatId: 12, text: '/subscriptions', languageCode: 'ru' });
      expect(second.last(12).plain_text).toContain('Kazakhstan · Economy');
      expect(second.app.services.chats.get(12)).toMatchObject({ digestTime: '07:15', timeZone: 'Asia/Almaty', locale: 'en' });
      await second.close();
      expect(telegram.violations).toEqual([]);
    } finally {
      await telegram.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('groups', () => {
  it('lets a group administrator subscribe the group and refuses an ordinary member', async () => {
    const bot = await start();
    const group = -500;
    bot.telegram.setChatMemberStatus(group, 77, 'administrator');
    bot.telegram.setChatMemberStatus(group, 78, 'member');
    await bot.say({ chatId: group, userId: 78, text: `/subscribe@${bot.telegram.botInfo.username} Egypt`, languageCode: 'en' });
    expect(bot.app.services.subscriptions.list(group)).toEqual([]);
    expect(bot.last(group).plain_text).toContain('Only this group\'s administrators');
    await bot.say({ chatId: group, userId: 77, text: `/subscribe@${bot.telegram.botInfo.username} Egypt`, languageCode: 'en' });
    expect(bot.app.services.subscriptions.list(group).map((s) => s.region)).toEqual(['EG']);
  });

  it('ignores commands addressed to another bot and plain chatter in a group', async () => {
    const bot = await start();
    await bot.say({ chatId: -501, userId: 9, text: '/subscribe@OtherBot Egypt', languageCode: 'en' });
    await bot.say({ chatId: -501, userId: 9, text: 'hello everyone', languageCode: 'en' });
    expect(bot.telegram.sentMessages(-501)).toEqual([]);
  });
});

describe('odd input', () => {
  it('answers unknown commands and plain text in a private chat, and ignores edited messages', async () => {
    const bot = await start();
    await bot.say({ chatId: 20, text: '/frobnicate', languageCode: 'ru' });
    expect(bot.last(20).plain_text).toContain('Я не знаю такой команды');
    await bot.say({ chatId: 20, text: 'привет', languageCode: 'ru' });
    expect(bot.last(20).plain_text).toContain('/help');
    const before = bot.telegram.sentMessages(20).length;
    await bot.app.bot.handleUpdate(editedMessageUpdate({ chatId: 20, messageId: 1, text: '/subscribe Egypt', languageCode: 'ru' }));
    expect(bot.telegram.sentMessages(20)).toHaveLength(before);
    expect(bot.app.services.subscriptions.list(20)).toEqual([]);
  });

  it('retries a reply that Telegram throttles with 429 after retry_after instead of dropping it', async () => {
    const bot = await start();
    bot.telegram.failNext('sendMessage', 2, { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    const before = bot.clock.now();
    await bot.say({ chatId: 21, text: '/help', languageCode: 'en' });
    expect(bot.last(21).plain_text).toContain('What I can do');
    expect(bot.clock.now() - before).toBeGreaterThanOrEqual(6000);
  });

  it('survives a burst of commands in one chat without a message refused by the rate limits', async () => {
    const bot = await start();
    for (let i = 0; i < 8; i++) await bot.say({ chatId: 22, text: '/help', languageCode: 'en' });
    expect(bot.telegram.sentMessages(22)).toHaveLength(8);
  });
});
