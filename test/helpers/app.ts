import { pino } from 'pino';
import { afterEach, beforeEach, expect } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { createConfig } from '../../src/config.ts';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import type { SentMessage } from '../../src/telegram-double/types.ts';
import { callbackUpdate, messageUpdate, type MessageUpdateInput } from '../../src/telegram-double/updates.ts';

/** A clock the bot's waits and the double's rate limits share: a 429 wait costs no real time. */
export function createTestClock(start = Date.UTC(2026, 10, 29, 6, 0)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

export interface TestBot {
  telegram: FakeTelegram;
  app: App;
  clock: ReturnType<typeof createTestClock>;
  /** Sends a user's text (commands get bot_command entities) and waits for the bot to finish. */
  say(input: MessageUpdateInput): Promise<void>;
  /** Presses a button of a message the bot sent, as that chat's user. */
  press(chatId: number, message: SentMessage, buttonText: string | RegExp, languageCode?: string, userId?: number): Promise<void>;
  last(chatId: number): SentMessage;
  close(): Promise<void>;
}

export interface TestBotOptions {
  databasePath?: string;
  env?: Record<string, string>;
  telegram?: FakeTelegram;
  clock?: ReturnType<typeof createTestClock>;
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const clock = options.clock ?? createTestClock();
  const telegram = options.telegram ?? (await createFakeTelegram({ clock: clock.now }));
  const config = createConfig({ DATABASE_PATH: options.databasePath ?? ':memory:', LOG_LEVEL: 'silent', ...options.env });
  const logger = pino({ level: 'silent' });
  const app = await createApp(config, logger, { token: telegram.token, apiRoot: telegram.apiRoot, now: clock.now, sleep: clock.sleep });
  app.bot.botInfo = telegram.botInfo;
  const last = (chatId: number) => {
    const message = telegram.lastMessage(chatId);
    if (!message) throw new Error(`the bot sent nothing to chat ${chatId}`);
    return message;
  };
  return {
    telegram,
    app,
    clock,
    say: (input) => app.bot.handleUpdate(messageUpdate(input)),
    async press(chatId, message, buttonText, languageCode, userId) {
      const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
      const button = buttons.find((b) => (typeof buttonText === 'string' ? b.text === buttonText : buttonText.test(b.text)));
      if (!button || !('callback_data' in button)) {
        throw new Error(`no button ${String(buttonText)} in: ${buttons.map((b) => b.text).join(' | ')}`);
      }
      await app.bot.handleUpdate(
        callbackUpdate({
          chatId,
          userId: userId ?? chatId,
          data: button.callback_data,
          messageId: message.message_id,
          messageText: message.plain_text,
          replyMarkup: message.reply_markup,
          ...(languageCode ? { languageCode } : {}),
        }),
      );
    },
    last,
    async close() {
      app.close();
      if (!options.telegram) await telegram.close();
    },
  };
}

/**
 * A fresh bot for every test of the file, closed after it, none allowed a Telegram violation.
 * The returned bot stands for whichever one the current test runs against.
 */
export function useTestBot(options: TestBotOptions = {}): TestBot {
  let current: TestBot | undefined;
  beforeEach(async () => {
    current = await startTestBot(options);
  });
  afterEach(async () => {
    expect(bot().telegram.violations).toEqual([]);
    await bot().close();
  });
  const bot = (): TestBot => {
    if (!current) throw new Error('useTestBot: no test is running');
    return current;
  };
  return {
    get telegram() {
      return bot().telegram;
    },
    get app() {
      return bot().app;
    },
    get clock() {
      return bot().clock;
    },
    say: (input) => bot().say(input),
    press: (...args) => bot().press(...args),
    last: (chatId) => bot().last(chatId),
    close: () => bot().close(),
  };
}
