import { afterEach, expect } from 'vitest';
import { startTestBot, type TestBot, type TestBotOptions } from '../helpers/app.ts';

export const ADMIN = 900;
export const ADMIN_ENV = { ADMIN_IDS: String(ADMIN), ALLOW_PRIVATE_SOURCES: 'true' };

const open: TestBot[] = [];

/** Every test bot is closed after its test, and none may have earned a Telegram violation. */
export function useTestBots(): (options?: TestBotOptions) => Promise<TestBot> {
  afterEach(async () => {
    for (const bot of open.splice(0)) {
      expect(bot.telegram.violations).toEqual([]);
      await bot.close();
    }
  });
  return async (options = {}) => {
    const bot = await startTestBot({ ...options, env: { ...ADMIN_ENV, ...options.env } });
    open.push(bot);
    return bot;
  };
}

/** An admin's command from their private chat, in English unless said otherwise. */
export function asAdmin(bot: TestBot, text: string, languageCode = 'en', userId = ADMIN): Promise<void> {
  return bot.say({ chatId: userId, text, languageCode });
}

export function messagesTo(bot: TestBot, chatId: number) {
  return bot.telegram.sentMessages(chatId);
}

/** What the bot answered the last button press with (the toast or alert), if anything. */
export function lastAnswer(bot: TestBot) {
  return bot.telegram.callsOf('answerCallbackQuery').at(-1)?.payload as { text?: string; show_alert?: unknown } | undefined;
}
