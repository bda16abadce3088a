import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { classifySendError } from '../../src/delivery/classify-error.ts';

const telegramError = (error_code: number, description: string, parameters?: object) =>
  new TelegramError({ error_code, description, ...(parameters ? { parameters } : {}) });

describe('classifySendError', () => {
  it('reads the wait Telegram names in a 429', () => {
    expect(classifySendError(telegramError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }))).toEqual({
      kind: 'retry_after',
      seconds: 7,
    });
  });

  it('assumes a one-second wait when a 429 names none', () => {
    expect(classifySendError(telegramError(429, 'Too Many Requests'))).toEqual({ kind: 'retry_after', seconds: 1 });
  });

  it('treats every 403 as the chat being out of reach', () => {
    for (const description of ['Forbidden: bot was blocked by the user', 'Forbidden: bot was kicked from the group chat']) {
      expect(classifySendError(telegramError(403, description))).toEqual({ kind: 'blocked', description });
    }
  });

  it('recognises a group that became a supergroup by its migrate_to_chat_id', () => {
    const error = telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1001234 });
    expect(classifySendError(error)).toEqual({ kind: 'migrated', toChatId: -1001234 });
  });

  it('keeps other 400s as bad requests with their description', () => {
    const error = telegramError(400, "Bad Request: can't parse entities");
    expect(classifySendError(error)).toEqual({ kind: 'bad_request', description: "Bad Request: can't parse entities" });
  });

  it('retries 5xx as server trouble', () => {
    expect(classifySendError(telegramError(502, 'Bad Gateway'))).toMatchObject({ kind: 'server' });
    expect(classifySendError(telegramError(500, 'Internal Server Error'))).toMatchObject({ kind: 'server' });
  });

  it('treats refused connections, resets and unknown throws as network trouble', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', type: 'system' });
    expect(classifySendError(refused)).toMatchObject({ kind: 'network' });
    expect(classifySendError(new TypeError('fetch failed'))).toMatchObject({ kind: 'network' });
    expect(classifySendError('boom')).toMatchObject({ kind: 'network' });
  });

  it('tells a wrong token apart from a bad message', () => {
    expect(classifySendError(telegramError(401, 'Unauthorized'))).toMatchObject({ kind: 'unauthorized' });
    expect(classifySendError(telegramError(404, 'Not Found'))).toMatchObject({ kind: 'unauthorized' });
  });
});
