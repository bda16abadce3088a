import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { messageUpdate } from '../../src/telegram-double/updates.ts';
import { callApi } from './raw-api.ts';

type Updates = Array<{ update_id: number }>;

describe('fake Telegram getUpdates and webhooks', () => {
  let tg: FakeTelegram;
  beforeEach(async () => {
    tg = await createFakeTelegram({ maxPollTimeoutMs: 300 });
  });
  afterEach(async () => {
    await tg.close();
  });

  const poll = async (payload: object): Promise<Updates> => (await callApi(tg, 'getUpdates', payload)).body.result as Updates;

  it('serves queued updates until an offset confirms them', async () => {
    tg.queueUpdate({ update_id: 10, message: { text: 'a' } });
    tg.queueUpdate({ message: { text: 'b' } });
    expect((await poll({})).map((u) => u.update_id)).toEqual([10, 11]);
    expect((await poll({ limit: 1 })).map((u) => u.update_id)).toEqual([10]);
    expect((await poll({ offset: 11 })).map((u) => u.update_id)).toEqual([11]);
    expect(await poll({ offset: 12 })).toEqual([]);
  });

  it('refuses update ids that do not increase', () => {
    tg.queueUpdate({ update_id: 5 });
    expect(() => tg.queueUpdate({ update_id: 5 })).toThrow(/must be an integer above 5/);
  });

  it('holds a long poll open until an update arrives', async () => {
    const patient = await createFakeTelegram({ maxPollTimeoutMs: 10_000 });
    try {
      const started = Date.now();
      const pending = callApi(patient, 'getUpdates', { timeout: 50 });
      await patient.waitForIdle();
      patient.queueUpdate(messageUpdate({ chatId: 1, text: 'late' }));
      expect((await pending).body.result).toHaveLength(1);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await patient.close();
    }
  });

  it('caps the long poll timeout so a test is never held for 50 seconds', async () => {
    const started = Date.now();
    expect(await poll({ timeout: 50 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('terminates an older poll with 409 when a second one starts', async () => {
    const patient = await createFakeTelegram({ maxPollTimeoutMs: 10_000 });
    const first = callApi(patient, 'getUpdates', { timeout: 50 });
    await patient.waitForIdle();
    const second = callApi(patient, 'getUpdates', { timeout: 50 });
    const firstAnswer = await first;
    await patient.close();
    expect(firstAnswer.body).toEqual({
      ok: false,
      error_code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    expect((await second).body).toEqual({ ok: true, result: [] });
  });

  it('refuses getUpdates while a webhook is set', async () => {
    expect((await callApi(tg, 'setWebhook', { url: 'https://example.org/hook' })).body).toEqual({
      ok: true,
      result: true,
      description: 'Webhook was set',
    });
    expect((await callApi(tg, 'getUpdates', {})).status).toBe(409);
    expect((await callApi(tg, 'getWebhookInfo')).body.result).toMatchObject({ url: 'https://example.org/hook', pending_update_count: 0 });
    expect((await callApi(tg, 'deleteWebhook')).body.description).toBe('Webhook was deleted');
    expect((await callApi(tg, 'getUpdates', {})).status).toBe(200);
  });

  it('refuses a webhook that is not HTTPS', async () => {
    expect((await callApi(tg, 'setWebhook', { url: 'http://example.org/hook' })).body.description).toBe(
      'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
    );
  });

  it('drops pending updates on request', async () => {
    tg.queueUpdate({ message: {} });
    expect((await callApi(tg, 'getWebhookInfo')).body.result).toMatchObject({ pending_update_count: 1 });
    await callApi(tg, 'deleteWebhook', { drop_pending_updates: true });
    expect(await poll({})).toEqual([]);
  });

  it('answers a parked poll when the fake closes', async () => {
    const slow = await createFakeTelegram({ maxPollTimeoutMs: 60_000 });
    const pending = callApi(slow, 'getUpdates', { timeout: 50 });
    await slow.waitForIdle();
    await slow.close();
    expect((await pending).body).toEqual({ ok: true, result: [] });
  });
});
