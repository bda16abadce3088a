import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { callApi } from './raw-api.ts';

describe('fake Telegram inline keyboards', () => {
  let tg: FakeTelegram;
  beforeEach(async () => {
    tg = await createFakeTelegram({ enforceRates: false });
  });
  afterEach(async () => {
    await tg.close();
  });

  const sendKeyboard = (inline_keyboard: unknown) =>
    callApi(tg, 'sendMessage', { chat_id: 5, text: 'pick', reply_markup: { inline_keyboard } });

  it('accepts callback data of exactly 64 bytes', async () => {
    const answer = await sendKeyboard([[{ text: 'ok', callback_data: 'x'.repeat(64) }]]);
    expect(answer.status).toBe(200);
    expect(tg.lastMessage(5)?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'ok', callback_data: 'x'.repeat(64) }]] });
  });

  it('refuses callback data of 65 bytes', async () => {
    const answer = await sendKeyboard([[{ text: 'ok', callback_data: 'x'.repeat(65) }]]);
    expect(answer.body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' });
    expect(tg.sentMessages()).toEqual([]);
  });

  it('counts callback data in UTF-8 bytes, so 33 Cyrillic letters are too many', async () => {
    expect((await sendKeyboard([[{ text: 'ok', callback_data: 'я'.repeat(32) }]])).status).toBe(200);
    expect((await sendKeyboard([[{ text: 'ok', callback_data: 'я'.repeat(33) }]])).body.description).toBe(
      'Bad Request: BUTTON_DATA_INVALID',
    );
  });

  it('refuses a button without an action, including empty callback data', async () => {
    const expected = "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard";
    expect((await sendKeyboard([[{ text: 'ok' }]])).body.description).toBe(expected);
    expect((await sendKeyboard([[{ text: 'ok', callback_data: '' }]])).body.description).toBe(expected);
  });

  it('refuses a button with both callback data and a url', async () => {
    const answer = await sendKeyboard([[{ text: 'ok', callback_data: 'a', url: 'https://example.org' }]]);
    expect(answer.status).toBe(400);
    expect(answer.body.description).toMatch(/^Bad Request: can't parse inline keyboard button: exactly one of url, callback_data/);
  });

  it('refuses a button with empty text', async () => {
    expect((await sendKeyboard([[{ text: '', callback_data: 'a' }]])).body.description).toBe('Bad Request: BUTTON_TEXT_INVALID');
  });

  it('refuses more than 100 buttons', async () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `b${i}`, callback_data: `d${i}` }));
    expect((await sendKeyboard(Array.from({ length: 10 }, () => row(10)))).status).toBe(200);
    const answer = await sendKeyboard([...Array.from({ length: 10 }, () => row(10)), row(1)]);
    expect(answer.body.description).toBe('Bad Request: reply markup is too long');
  });

  it('refuses rows that are not arrays and urls Telegram cannot open', async () => {
    expect((await sendKeyboard([{ text: 'a', callback_data: 'b' }])).body.description).toBe(
      'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
    );
    expect((await sendKeyboard([[{ text: 'a', url: 'javascript:alert(1)' }]])).body.description).toBe('Bad Request: BUTTON_URL_INVALID');
    expect((await sendKeyboard([[{ text: 'a', url: 'example.org/path' }]])).status).toBe(200);
  });
});
