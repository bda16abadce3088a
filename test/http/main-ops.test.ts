import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER, webhookSecret } from '../../src/http/webhook.ts';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { startMainProcess, stopMainProcess } from '../helpers/main-process.ts';
import { messageUpdate } from '../../src/telegram-double/updates.ts';

const WEBHOOK_URL = 'https://bot.example.com/tg/hook';

let telegram: FakeTelegram;
let dir: string;

const startMain = (extraEnv: Record<string, string> = {}) => startMainProcess(telegram, dir, extraEnv);
const stop = stopMainProcess;

beforeAll(async () => {
  telegram = await createFakeTelegram({ maxPollTimeoutMs: 200 });
  dir = mkdtempSync(join(tmpdir(), 'briefings-ops-'));
});
afterAll(async () => {
  await telegram.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start with operations', () => {
  it('in webhook mode sets the webhook with its secret, refuses strangers, serves users, health and metrics', async () => {
    const run = startMain({ WEBHOOK_URL });
    const base = `http://127.0.0.1:${await run.port}`;
    const [setWebhook] = await telegram.waitForCalls('setWebhook', 1, 15_000);
    const secret = webhookSecret(telegram.token);
    expect(setWebhook?.payload).toMatchObject({ url: WEBHOOK_URL, secret_token: secret, drop_pending_updates: false });
    expect(setWebhook?.payload.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: 'writable', senderAlive: true, outboxPending: 0 });

    const update = JSON.stringify(messageUpdate({ chatId: 801, text: '/subscribe Egypt energy', languageCode: 'en' }));
    const sentBefore = telegram.callsOf('sendMessage').length;
    const stranger = await fetch(`${base}/tg/hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: update });
    expect(stranger.status).toBe(403);
    const wrong = await fetch(`${base}/tg/hook`, { method: 'POST', headers: { [SECRET_HEADER]: 'guess' }, body: update });
    expect(wrong.status).toBe(403);

    const real = await fetch(`${base}/tg/hook`, { method: 'POST', headers: { [SECRET_HEADER]: secret, 'content-type': 'application/json' }, body: update });
    expect(real.status).toBe(200);
    await telegram.waitForCalls('sendMessage', sentBefore + 1, 15_000);
    expect(telegram.callsOf('sendMessage')).toHaveLength(sentBefore + 1);
    expect(telegram.lastMessage(801)?.plain_text).toContain('Subscribed: Egypt · Energy');

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('briefings_updates_total{type="message"} 1');
    expect(metrics).toContain('process_resident_memory_bytes');

    expect(await stop(run)).toBe(0);
    expect(run.stderr()).toContain('"msg":"stopped"');
    expect(run.stderr()).not.toContain(telegram.token);
    expect(telegram.violations).toEqual([]);
  }, 60_000);

  it('in polling mode removes a webhook left from before, so long polling works', async () => {
    // The webhook set by the test above is still registered with the double; getUpdates would get 409.
    const run = startMain();
    const base = `http://127.0.0.1:${await run.port}`;
    await telegram.waitForCalls('deleteWebhook', 1, 15_000);
    const sentBefore = telegram.callsOf('sendMessage').length;
    telegram.queueUpdate(messageUpdate({ chatId: 802, text: '/start', languageCode: 'ru' }));
    await telegram.waitForCalls('sendMessage', sentBefore + 1, 15_000);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await stop(run)).toBe(0);
  }, 60_000);

  it('stops with a clear error, before talking to Telegram, when HTTP_PORT is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const callsBefore = telegram.calls.length;
    try {
      const run = startMain({ HTTP_PORT: String(port) });
      expect(await run.exit).toBe(1);
      expect(run.stderr()).toContain(`HTTP_PORT ${port} is already in use`);
      expect(telegram.calls.length).toBe(callsBefore);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 30_000);
});
