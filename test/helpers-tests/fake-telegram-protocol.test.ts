import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { callApi, postRaw } from './raw-api.ts';

describe('fake Telegram wire protocol', () => {
  let tg: FakeTelegram;
  beforeEach(async () => {
    tg = await createFakeTelegram();
  });
  afterEach(async () => {
    await tg.close();
  });

  it('listens on a random local port', () => {
    expect(tg.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers getMe with the bot user derived from the token', async () => {
    const answer = await callApi(tg, 'getMe');
    expect(answer.body).toEqual({ ok: true, result: tg.botInfo });
    expect(tg.botInfo).toMatchObject({ id: 123456, is_bot: true, username: 'fake_test_bot' });
  });

  it('answers 401 Unauthorized to a wrong token', async () => {
    const answer = await postRaw(tg, '/bot999:WRONG/getMe', 'application/json', '{}');
    expect(answer).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
  });

  it('answers 404 to an unknown method and matches known ones case-insensitively', async () => {
    expect((await callApi(tg, 'sendTelepathy')).body).toEqual({
      ok: false,
      error_code: 404,
      description: 'Not Found: method not found',
    });
    expect((await callApi(tg, 'GETME')).status).toBe(200);
    expect(tg.calls.map((c) => c.method)).toEqual(['sendTelepathy', 'getMe']);
  });

  it('answers 400 with a reason to malformed JSON and keeps serving', async () => {
    const broken = await postRaw(tg, `/bot${tg.token}/sendMessage`, 'application/json', '{"chat_id": 1, "text": ');
    expect(broken.status).toBe(400);
    expect(broken.body.description).toMatch(/^Bad Request: can't parse JSON request body: /);
    expect((await postRaw(tg, `/bot${tg.token}/sendMessage`, 'application/json', '[1]')).status).toBe(400);
    expect((await callApi(tg, 'sendMessage', { chat_id: 1, text: 'still alive' })).status).toBe(200);
  });

  it('accepts form-urlencoded bodies with JSON-encoded objects', async () => {
    const form = new URLSearchParams({
      chat_id: '77',
      text: '<b>form</b>',
      parse_mode: 'HTML',
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] }),
    });
    const answer = await postRaw(tg, `/bot${tg.token}/sendMessage`, 'application/x-www-form-urlencoded', form.toString());
    expect(answer.status).toBe(200);
    expect(tg.lastMessage(77)).toMatchObject({ plain_text: 'form', reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] } });
  });

  it('accepts multipart bodies the way Telegraf builds them', async () => {
    const boundary = 'xyz123';
    const part = (name: string, value: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = `${part('chat_id', '78')}${part('text', 'multi ✓')}--${boundary}--\r\n`;
    const answer = await postRaw(tg, `/bot${tg.token}/sendMessage`, `multipart/form-data; boundary=${boundary}`, body);
    expect(answer.status).toBe(200);
    expect(tg.lastMessage(78)?.text).toBe('multi ✓');
  });

  it('refuses a body in an unsupported content type', async () => {
    const answer = await postRaw(tg, `/bot${tg.token}/getMe`, 'text/plain', 'hello');
    expect(answer.status).toBe(400);
    expect(answer.body.description).toMatch(/unsupported Content-Type "text\/plain"/);
  });

  it('records every call with its payload, time and response', async () => {
    await callApi(tg, 'sendMessage', { chat_id: 3, text: 'a' });
    const [call] = tg.callsOf('sendMessage');
    expect(call).toMatchObject({ method: 'sendMessage', payload: { chat_id: 3, text: 'a' }, status: 200, response: { ok: true } });
    expect(typeof call?.at).toBe('number');
  });

  it('injects scripted failures for the next calls of a method only', async () => {
    tg.failNext('sendMessage', 2, { error_code: 502, description: 'Bad Gateway' });
    expect((await callApi(tg, 'getMe')).status).toBe(200);
    expect((await callApi(tg, 'sendMessage', { chat_id: 1, text: 'a' })).body).toEqual({
      ok: false,
      error_code: 502,
      description: 'Bad Gateway',
    });
    expect((await callApi(tg, 'sendMessage', { chat_id: 1, text: 'a' })).status).toBe(502);
    expect((await callApi(tg, 'sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
    expect(tg.sentMessages(1)).toHaveLength(1);
    expect(tg.violations).toEqual([]);
  });

  it('injects a 429 with parameters when asked', async () => {
    tg.failNext('sendMessage', 1, { error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    expect((await callApi(tg, 'sendMessage', { chat_id: 1, text: 'a' })).body.parameters).toEqual({ retry_after: 7 });
  });

  it('fails randomly with a seeded generator for soak tests', async () => {
    let i = 0;
    const sequence = [0.01, 0.9, 0.01, 0.9];
    tg.failRandomly(0.5, { random: () => sequence[i++ % sequence.length] ?? 1 });
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++) statuses.push((await callApi(tg, 'sendChatAction', { chat_id: 1, action: 'typing' })).status);
    expect(statuses).toEqual([502, 200, 502, 200]);
    tg.failRandomly(0);
    expect((await callApi(tg, 'sendChatAction', { chat_id: 1, action: 'typing' })).status).toBe(200);
  });

  it('forgets calls, messages and configured state on reset', async () => {
    await callApi(tg, 'sendMessage', { chat_id: 1, text: 'a' });
    tg.blockChat(1);
    tg.reset();
    expect(tg.calls).toEqual([]);
    expect(tg.sentMessages()).toEqual([]);
    expect((await callApi(tg, 'sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
  });
});
