import { pino } from 'pino';
import type { Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookEndpoint, SECRET_HEADER, webhookSecret } from '../../src/http/webhook.ts';
import { startTestBot, type TestBot } from '../helpers/app.ts';
import { messageUpdate } from '../../src/telegram-double/updates.ts';
import { serve, silentLogger, type Served } from './helpers.ts';

const PATH = '/telegram/webhook';

let served: Served | undefined;
let bot: TestBot | undefined;
afterEach(async () => {
  await served?.server.close();
  await bot?.close();
  served = undefined;
  bot = undefined;
});

function post(body: string, headers: Record<string, string> = {}, path = PATH): Promise<Response> {
  if (!served) throw new Error('no server');
  return fetch(`${served.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** An endpoint whose handleUpdate only records what it was given. */
async function withRecorder(secret = 'the-secret') {
  const handled: Update[] = [];
  const endpoint = createWebhookEndpoint({
    path: PATH,
    secret,
    handleUpdate: async (update) => void handled.push(update),
    logger: silentLogger,
  });
  served = await serve([endpoint.route]);
  return { handled, endpoint };
}

describe('the webhook secret', () => {
  it('is derived from the token, the same every time, and within the alphabet Telegram accepts', () => {
    const secret = webhookSecret('123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11');
    expect(secret).toBe(webhookSecret('123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11'));
    expect(secret).not.toBe(webhookSecret('123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew12'));
    expect(secret).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(secret).not.toContain('ABC-DEF');
  });
});

describe('POST /telegram/webhook', () => {
  it('refuses a request without the secret header with 403 and never handles its update', async () => {
    const { handled } = await withRecorder();
    const response = await post(JSON.stringify(messageUpdate({ chatId: 1, text: '/start' })));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/Secret-Token/);
    expect(handled).toEqual([]);
  });

  it('refuses a wrong secret, one of another length, and an empty one with 403', async () => {
    const { handled } = await withRecorder();
    for (const secret of ['the-secreT', 'the-secret-longer', '']) {
      const response = await post(JSON.stringify(messageUpdate({ chatId: 1, text: '/start' })), { [SECRET_HEADER]: secret });
      expect(response.status).toBe(403);
    }
    expect(handled).toEqual([]);
  });

  it('checks the secret before anything else: a wrong secret with a bad body or a GET is still 403', async () => {
    const { handled } = await withRecorder();
    expect((await post('{not json', { [SECRET_HEADER]: 'nope' })).status).toBe(403);
    expect((await fetch(`${served?.base}${PATH}`)).status).toBe(403);
    expect(handled).toEqual([]);
  });

  it('with the right secret, answers 400 to malformed JSON or a non-update and 405 to other methods', async () => {
    const { handled } = await withRecorder();
    const headers = { [SECRET_HEADER]: 'the-secret' };
    const bad = await post('{"update_id": ', headers);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not valid JSON/);
    const notUpdate = await post('{"message": {}}', headers);
    expect(notUpdate.status).toBe(400);
    expect(((await notUpdate.json()) as { error: string }).error).toMatch(/update_id/);
    expect((await post('[1,2]', headers)).status).toBe(400);
    expect((await fetch(`${served?.base}${PATH}`, { headers })).status).toBe(405);
    expect(handled).toEqual([]);
  });

  it('leaves other paths to other routes', async () => {
    await withRecorder();
    expect((await post('{}', { [SECRET_HEADER]: 'the-secret' }, '/telegram/webhook2')).status).toBe(404);
  });

  it('hands an update with the right secret to the bot, which answers the user', async () => {
    bot = await startTestBot();
    const secret = webhookSecret(bot.telegram.token);
    const app = bot.app;
    const endpoint = createWebhookEndpoint({ path: PATH, secret, handleUpdate: (update) => app.bot.handleUpdate(update), logger: silentLogger });
    served = await serve([endpoint.route]);
    const response = await post(JSON.stringify(messageUpdate({ chatId: 501, text: '/subscribe Tajikistan security', languageCode: 'en' })), {
      [SECRET_HEADER]: secret,
    });
    expect(response.status).toBe(200);
    await endpoint.drain();
    expect(bot.last(501).plain_text).toContain('Subscribed: Tajikistan · Security');
    expect(bot.app.services.subscriptions.list(501)).toHaveLength(1);
    expect(bot.telegram.violations).toEqual([]);
  });

  it('answers 200 before the handler finishes, and drain waits for it', async () => {
    let finish!: () => void;
    const endpoint = createWebhookEndpoint({
      path: PATH,
      secret: 's',
      handleUpdate: () => new Promise<void>((resolve) => (finish = resolve)),
      logger: silentLogger,
    });
    served = await serve([endpoint.route]);
    expect((await post('{"update_id": 1}', { [SECRET_HEADER]: 's' })).status).toBe(200);
    let drained = false;
    const draining = endpoint.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBe(false);
    finish();
    await draining;
    expect(drained).toBe(true);
  });

  it('refuses updates with 503 once shutting down, so Telegram delivers them again later', async () => {
    const { handled, endpoint } = await withRecorder();
    endpoint.stopAccepting();
    const response = await post('{"update_id": 7}', { [SECRET_HEADER]: 'the-secret' });
    expect(response.status).toBe(503);
    expect(handled).toEqual([]);
  });

  it('logs a handler that fails and still acknowledges the update', async () => {
    const errors: unknown[] = [];
    const endpoint = createWebhookEndpoint({
      path: PATH,
      secret: 's',
      handleUpdate: () => Promise.reject(new Error('handler exploded')),
      logger: pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line)) }),
    });
    served = await serve([endpoint.route]);
    expect((await post('{"update_id": 9}', { [SECRET_HEADER]: 's' })).status).toBe(200);
    await endpoint.drain();
    expect(errors).toHaveLength(1);
  });
});
