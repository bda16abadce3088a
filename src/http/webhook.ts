/**
 * Webhook mode: Telegram POSTs each update to WEBHOOK_URL with the secret given to setWebhook in the
 * X-Telegram-Bot-Api-Secret-Token header. Every request is checked before its body is read, so a
 * stranger who finds the URL can neither feed the bot updates nor make it parse large bodies.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logger.ts';
import { HttpError, methodNotAllowed, readJsonBody, sendJson, type Route } from './server.ts';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Updates are small (a message is at most 4096 characters); this leaves room for entities and media metadata. */
const MAX_UPDATE_BYTES = 1024 * 1024;

/**
 * The same on every start and every replica (no state to share), unguessable without the token, and
 * within Telegram's alphabet for secret_token (1–256 of A-Z a-z 0-9 _ -): 64 hex digits.
 */
export function webhookSecret(token: string): string {
  return createHmac('sha256', token).update('webhook').digest('hex');
}

export interface WebhookDeps {
  /** The path Telegram posts to: WEBHOOK_URL's pathname. */
  path: string;
  secret: string;
  handleUpdate(update: Update): Promise<unknown>;
  logger: Logger;
}

export interface WebhookEndpoint {
  route: Route;
  /** From now on updates are refused with 503, so Telegram keeps them and delivers them again later. */
  stopAccepting(): void;
  /** Resolves when every update accepted so far has been handled. */
  drain(): Promise<void>;
}

function secretMatches(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

function isUpdate(body: unknown): body is Update {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Number.isInteger((body as { update_id?: unknown }).update_id);
}

export function createWebhookEndpoint(deps: WebhookDeps): WebhookEndpoint {
  const expected = Buffer.from(deps.secret);
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  const route: Route = async (req, res, url) => {
    if (url.pathname !== deps.path) return false;
    if (!secretMatches(req.headers[SECRET_HEADER], expected)) {
      req.resume();
      sendJson(res, 403, { error: 'missing or wrong X-Telegram-Bot-Api-Secret-Token' });
      return true;
    }
    if (req.method !== 'POST') return methodNotAllowed(res, ['POST']);
    if (!accepting) {
      req.resume();
      sendJson(res, 503, { error: 'shutting down; deliver this update again later' }, { 'retry-after': '5' });
      return true;
    }
    const body = await readJsonBody(req, MAX_UPDATE_BYTES);
    if (!isUpdate(body)) throw new HttpError(400, 'not a Telegram update: an object with an integer update_id expected');
    // Answer at once: Telegram sends the next updates only after this one is acknowledged, and a
    // handler's errors are the bot's business (logged and apologised for), not a reason to redeliver.
    const handling = deps
      .handleUpdate(body)
      .then(() => undefined)
      .catch((error: unknown) => deps.logger.error({ err: error, updateId: body.update_id }, 'webhook update failed'))
      .finally(() => inFlight.delete(handling));
    inFlight.add(handling);
    sendJson(res, 200, { ok: true });
    return true;
  };

  return {
    route,
    stopAccepting() {
      accepting = false;
    },
    async drain() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
