import { Markup, Telegraf, TelegramError } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { callbackUpdate, messageUpdate } from '../../src/telegram-double/updates.ts';

describe('fake Telegram with a real Telegraf client', () => {
  let tg: FakeTelegram;
  let bot: Telegraf;
  beforeEach(async () => {
    tg = await createFakeTelegram();
    bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } });
  });
  afterEach(async () => {
    await tg.close();
  });

  /** For handleUpdate without a getMe round trip. */
  const withBotInfo = (): Telegraf => {
    bot.botInfo = tg.botInfo;
    return bot;
  };

  const errorOf = async (action: () => Promise<unknown>): Promise<TelegramError> => {
    try {
      await action();
    } catch (error) {
      if (error instanceof TelegramError) return error;
      throw error;
    }
    throw new Error('expected a TelegramError');
  };

  it('serves getUpdates to real Telegraf polling', async () => {
    bot.start((ctx) => ctx.reply(`<b>Welcome</b>, ${ctx.from.language_code ?? '?'}`, { parse_mode: 'HTML' }));
    const update = messageUpdate({ chatId: 42, text: '/start', languageCode: 'ar' });
    tg.queueUpdate(update);
    const launched = bot.launch();
    await tg.waitForIdle();
    expect(tg.lastMessage(42)).toMatchObject({ plain_text: 'Welcome, ar', entities: [{ type: 'bold', offset: 0, length: 7 }] });

    const next = messageUpdate({ chatId: 43, text: '/start' });
    tg.queueUpdate(next);
    await tg.waitForIdle();
    bot.stop('test finished');
    await launched;

    expect(tg.sentMessages().map((m) => m.chat_id)).toEqual([42, 43]);
    expect(tg.callsOf('getMe')).toHaveLength(1);
    expect(tg.callsOf('deleteWebhook')).toHaveLength(1);
    // Telegraf confirms what it processed with its last getUpdates.
    expect(tg.callsOf('getUpdates').at(-1)?.payload).toMatchObject({ offset: next.update_id + 1 });
    expect(update.update_id).toBeLessThan(next.update_id);
    expect(tg.violations).toEqual([]);
  });

  it('routes /command@BotName updates through handleUpdate', async () => {
    withBotInfo().command('digest', (ctx) => ctx.reply(`digest for ${ctx.chat.id}`));
    await bot.handleUpdate(messageUpdate({ chatId: -1001234567890, userId: 7, text: `/digest@${tg.botInfo.username} now` }));
    expect(tg.lastMessage(-1001234567890)?.text).toBe('digest for -1001234567890');
  });

  it("hands Telegraf a TelegramError with Telegram's description", async () => {
    const error = await errorOf(() => bot.telegram.sendMessage(1, '<p>x</p>', { parse_mode: 'HTML' }));
    expect(error.code).toBe(400);
    expect(error.description).toBe(`Bad Request: can't parse entities: Unsupported start tag "p" at byte offset 0`);
  });

  it('passes retry_after to Telegraf when a private chat is flooded', async () => {
    for (let i = 0; i < 3; i++) await bot.telegram.sendMessage(9, `m${i}`);
    const error = await errorOf(() => bot.telegram.sendMessage(9, 'one too many'));
    expect(error.code).toBe(429);
    expect(error.parameters?.retry_after).toBeGreaterThanOrEqual(1);
  });

  it('reports a blocked chat to Telegraf as 403', async () => {
    tg.blockChat(5);
    const error = await errorOf(() => bot.telegram.sendMessage(5, 'hi'));
    expect([error.code, error.description]).toEqual([403, 'Forbidden: bot was blocked by the user']);
  });

  it('surfaces an injected 502 the way Telegraf reports real gateway errors', async () => {
    tg.failNext('sendMessage', 1, { error_code: 502, description: 'Bad Gateway' });
    const error = await errorOf(() => bot.telegram.sendMessage(5, 'hi'));
    expect([error.code, error.description]).toEqual([502, 'Bad Gateway']);
    await bot.telegram.sendMessage(5, 'hi');
    expect(tg.sentMessages(5)).toHaveLength(1);
  });

  it('edits the message and answers the query from a callback button', async () => {
    const sent = await bot.telegram.sendMessage(8, 'v1', Markup.inlineKeyboard([Markup.button.callback('More', 'more')]));
    withBotInfo().action('more', async (ctx) => {
      await ctx.answerCbQuery('Loading');
      await ctx.editMessageText('<i>v2</i>', { parse_mode: 'HTML' });
    });
    await bot.handleUpdate(callbackUpdate({ chatId: 8, userId: 8, data: 'more', messageId: sent.message_id, bot: tg.botInfo }));
    expect(tg.callsOf('answerCallbackQuery')[0]?.payload).toMatchObject({ text: 'Loading' });
    expect(tg.lastMessage(8)).toMatchObject({ message_id: sent.message_id, plain_text: 'v2', reply_markup: undefined });
  });

  it('understands the multipart body Telegraf sends when a file is attached', async () => {
    await bot.telegram.setWebhook('https://example.org/hook', { certificate: { source: Buffer.from('PEM') }, max_connections: 5 });
    expect(await bot.telegram.getWebhookInfo()).toMatchObject({
      url: 'https://example.org/hook',
      has_custom_certificate: true,
      max_connections: 5,
    });
    expect(tg.callsOf('setWebhook')[0]?.payload).toMatchObject({ url: 'https://example.org/hook', certificate: { size: 3 } });
  });

  it('stores commands Telegraf sets per language', async () => {
    await bot.telegram.setMyCommands([{ command: 'start', description: 'Начать' }], { language_code: 'ru' });
    expect(tg.commands('ru')).toEqual([{ command: 'start', description: 'Начать' }]);
    expect(await bot.telegram.getMyCommands({ language_code: 'ru' })).toEqual([{ command: 'start', description: 'Начать' }]);
  });
});
