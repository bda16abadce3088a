import { afterEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram, type FakeTelegramOptions } from '../../src/telegram-double/index.ts';
import { callApi } from './raw-api.ts';

describe('fake Telegram flood limits', () => {
  let tg: FakeTelegram | undefined;
  let now = 1_700_000_000_000;
  afterEach(async () => {
    await tg?.close();
  });

  const start = async (options: FakeTelegramOptions = {}): Promise<FakeTelegram> => {
    now = 1_700_000_000_000;
    tg = await createFakeTelegram({ clock: () => now, ...options });
    return tg;
  };
  const send = (fake: FakeTelegram, chatId: number) => callApi(fake, 'sendMessage', { chat_id: chatId, text: 'hi' });

  it('answers 429 with retry_after when a private chat gets a burst', async () => {
    const fake = await start();
    for (let i = 0; i < 3; i++) expect((await send(fake, 42)).status).toBe(200);
    const refused = await send(fake, 42);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect(fake.sentMessages(42)).toHaveLength(3);
    expect(fake.tooManyRequests).toBe(1);
    expect(fake.violations).toEqual([]);
  });

  it('lets a private chat continue at one message per second after the burst', async () => {
    const fake = await start();
    for (let i = 0; i < 3; i++) await send(fake, 42);
    now += 999;
    expect((await send(fake, 42)).status).toBe(429);
    now += 1;
    expect((await send(fake, 42)).status).toBe(200);
    expect((await send(fake, 42)).status).toBe(429);
    now += 1000;
    expect((await send(fake, 42)).status).toBe(200);
  });

  it('keeps private chats independent of each other', async () => {
    const fake = await start();
    for (let i = 0; i < 3; i++) await send(fake, 1);
    expect((await send(fake, 2)).status).toBe(200);
  });

  it('allows 20 messages a minute to a group and tells the 21st to wait out the window', async () => {
    const fake = await start();
    for (let i = 0; i < 20; i++) {
      expect((await send(fake, -100123)).status).toBe(200);
      now += 1000;
    }
    const refused = await send(fake, -100123);
    expect(refused.body.parameters).toEqual({ retry_after: 40 });
    now += 40_000;
    expect((await send(fake, -100123)).status).toBe(200);
  });

  it('caps all chats together at 30 messages in any second', async () => {
    const fake = await start();
    for (let chat = 1; chat <= 30; chat++) expect((await send(fake, chat)).status).toBe(200);
    const refused = await send(fake, 31);
    expect(refused.body.parameters?.retry_after).toBe(1);
    now += 1000;
    expect((await send(fake, 31)).status).toBe(200);
  });

  it('does not count edits or callback answers towards the send limits', async () => {
    const fake = await start();
    const first = await send(fake, 42);
    const messageId = (first.body.result as { message_id: number }).message_id;
    for (let i = 0; i < 10; i++) {
      expect((await callApi(fake, 'editMessageText', { chat_id: 42, message_id: messageId, text: `v${i}` })).status).toBe(200);
      expect((await callApi(fake, 'answerCallbackQuery', { callback_query_id: `q${i}` })).status).toBe(200);
    }
    expect((await send(fake, 42)).status).toBe(200);
    expect((await send(fake, 42)).status).toBe(200);
  });

  it('does not count refused or invalid sends', async () => {
    const fake = await start();
    for (let i = 0; i < 5; i++) await callApi(fake, 'sendMessage', { chat_id: 42, text: '<p>', parse_mode: 'HTML' });
    for (let i = 0; i < 3; i++) expect((await send(fake, 42)).status).toBe(200);
  });

  it('sends without limits when enforceRates is false', async () => {
    const fake = await start({ enforceRates: false });
    for (let i = 0; i < 40; i++) expect((await send(fake, 42)).status).toBe(200);
    expect(fake.tooManyRequests).toBe(0);
  });
});
