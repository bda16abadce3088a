import { describe, expect, it } from 'vitest';
import { createConfig } from '../src/config.ts';

describe('configuration', () => {
  it('starts with the documented defaults when nothing is set', () => {
    const config = createConfig({});
    expect(config).toMatchObject({
      telegramBotToken: undefined,
      telegramApiRoot: 'https://api.telegram.org',
      databasePath: './data/briefings.db',
      adminIds: [],
      defaultLocale: 'en',
      defaultTimezone: 'UTC',
      defaultDigestTime: '08:00',
      digestLookbackHours: 24,
      sendRate: 25,
      ingestIntervalMinutes: 10,
      httpPort: 8080,
      logLevel: 'info',
    });
  });

  it('reads admin ids, locale, zone and numbers from the environment', () => {
    const config = createConfig({
      ADMIN_IDS: '42, 7',
      DEFAULT_LOCALE: 'ar',
      DEFAULT_TIMEZONE: 'Asia/Dushanbe',
      SEND_RATE: '10',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9000/',
    });
    expect(config.adminIds).toEqual([42, 7]);
    expect(config.defaultLocale).toBe('ar');
    expect(config.defaultTimezone).toBe('Asia/Dushanbe');
    expect(config.sendRate).toBe(10);
    expect(config.telegramApiRoot).toBe('http://127.0.0.1:9000');
  });

  it('names every bad variable in one message and never echoes the token', () => {
    const secret = 'not-a-token-but-secret';
    const attempt = () =>
      createConfig({ TELEGRAM_BOT_TOKEN: secret, DEFAULT_TIMEZONE: 'Mars/Olympus', DEFAULT_DIGEST_TIME: '25:00', SEND_RATE: '500' });
    expect(attempt).toThrowError(/TELEGRAM_BOT_TOKEN/);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/DEFAULT_TIMEZONE: an IANA time zone/);
      expect(message).toMatch(/DEFAULT_DIGEST_TIME: a time HH:MM/);
      expect(message).toMatch(/SEND_RATE/);
      expect(message).not.toContain(secret);
    }
  });

  it('refuses a locale the bot does not speak', () => {
    expect(() => createConfig({ DEFAULT_LOCALE: 'fr' })).toThrowError(/DEFAULT_LOCALE/);
  });
});
