/**
 * The sandbox page's API under /sandbox/api/. Every malformed request is a 4xx naming what is
 * wrong (HttpError, answered by the HTTP server); nothing a browser sends can reach the bot unchecked.
 *
 *   GET  /sandbox/api/personas                       the bot, the people, the group, the channel and the forum
 *   POST /sandbox/api/send      {chatId, userId, text, languageCode?, threadId?}
 *   POST /sandbox/api/press     {chatId, userId, messageId, data, languageCode?}
 *   GET  /sandbox/api/messages?chatId=&since=&threadId=  what changed in the chat (a forum: in one topic) after `since`
 *   GET  /sandbox/api/topics?chatId=                 the forum's topics, General first
 *   GET  /sandbox/api/commands?chatId=&languageCode= the command menu Telegram would show there
 *   POST /sandbox/api/deliver   {chatId}             the channel's next briefing now, as its schedule would send it
 *
 * In the forum `threadId` names a topic and its absence means General; other chats take none.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError, methodNotAllowed, readJsonBody, sendJson, type Route } from '../http/server.ts';
import type { ChatLog } from './chat-log.ts';
import { CHANNEL, FORUM, GROUP, PERSONAS } from './personas.ts';
import { MAX_USER_TEXT, type UserSide } from './user-side.ts';

const PREFIX = '/sandbox/api/';
const MAX_BODY_BYTES = 64 * 1024;
/** An IETF language tag as Telegram passes it in `language_code` ('ar', 'en-US'). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const MAX_CALLBACK_DATA_BYTES = 64;

type Body = Record<string, unknown>;

async function jsonObject(req: IncomingMessage): Promise<Body> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'send the body as application/json');
  const body = await readJsonBody(req, MAX_BODY_BYTES);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'the JSON body must be an object');
  return body as Body;
}

/** Accepts a JSON number or a numeric string (query parameters are strings). */
function integer(value: unknown, name: string, rule: (n: number) => boolean, ruleText: string): number {
  if (value === undefined || value === null || value === '') throw new HttpError(400, `${name} is required`);
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || !rule(n)) throw new HttpError(400, `${name} must be ${ruleText}`);
  return n;
}

const chatIdOf = (value: unknown) => integer(value, 'chatId', (n) => n !== 0, 'a non-zero integer (people > 0, groups < 0)');
const userIdOf = (value: unknown) => integer(value, 'userId', (n) => n > 0, 'a positive integer');

function languageOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 35 || !LANGUAGE_TAG.test(value)) {
    throw new HttpError(400, "languageCode must be a language tag such as 'ar', 'ru' or 'en'");
  }
  return value;
}

function textOf(value: unknown): string {
  if (typeof value !== 'string') throw new HttpError(400, 'text must be a string');
  if (value.trim() === '') throw new HttpError(400, 'text is empty');
  if (value.length > MAX_USER_TEXT) throw new HttpError(400, `text is longer than ${MAX_USER_TEXT} characters`);
  return value;
}

/** Absent or empty: General (or no topic at all). */
function threadIdOf(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return integer(value, 'threadId', (n) => n > 0, 'a positive integer (a forum topic\'s message_thread_id)');
}

/** What "deliver now" can say; undefined while the app is not attached yet. */
export type DeliverNow = (chatId: number) => string | undefined;

function dataOf(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new HttpError(400, 'data must be a non-empty string (the button\'s callback_data)');
  if (Buffer.byteLength(value, 'utf8') > MAX_CALLBACK_DATA_BYTES) throw new HttpError(400, `data is longer than ${MAX_CALLBACK_DATA_BYTES} bytes`);
  return value;
}

export function createApiRoute(deps: { userSide: UserSide; log: ChatLog; botName: string; botUsername: string; deliver: DeliverNow }): Route {
  const { userSide, log } = deps;

  const handlers: Record<string, { method: 'GET' | 'POST'; run: (req: IncomingMessage, url: URL) => Promise<[number, unknown]> | [number, unknown] }> = {
    personas: {
      method: 'GET',
      run: () => [200, {
        bot: { name: deps.botName, username: deps.botUsername },
        personas: PERSONAS.map((p) => ({ ...p, chatId: p.userId })),
        group: GROUP,
        channel: CHANNEL,
        forum: { key: FORUM.key, chatId: FORUM.chatId, title: FORUM.title, creatorKey: FORUM.creatorKey },
      }],
    },
    send: {
      method: 'POST',
      run: async (req) => {
        const body = await jsonObject(req);
        const message = userSide.send({
          chatId: chatIdOf(body.chatId), userId: userIdOf(body.userId), text: textOf(body.text), languageCode: languageOf(body.languageCode),
          threadId: threadIdOf(body.threadId),
        });
        // Accepted: the bot answers when its long poll collects the update.
        return [202, { message }];
      },
    },
    press: {
      method: 'POST',
      run: async (req) => {
        const body = await jsonObject(req);
        const result = userSide.press({
          chatId: chatIdOf(body.chatId),
          userId: userIdOf(body.userId),
          messageId: integer(body.messageId, 'messageId', (n) => n > 0, 'a positive integer'),
          data: dataOf(body.data),
          languageCode: languageOf(body.languageCode),
        });
        return [202, result];
      },
    },
    messages: {
      method: 'GET',
      run: (_req, url) => {
        const chatId = chatIdOf(url.searchParams.get('chatId'));
        const rawSince = url.searchParams.get('since');
        const since = rawSince === null || rawSince === '' ? 0 : integer(rawSince, 'since', (n) => n >= 0, 'a cursor from an earlier answer (an integer ≥ 0)');
        const threadId = threadIdOf(url.searchParams.get('threadId'));
        if (chatId !== FORUM.chatId && threadId !== undefined) throw new HttpError(400, `threadId is only for the forum (chat ${FORUM.chatId})`);
        return [200, chatId === FORUM.chatId ? log.snapshot(chatId, since, { threadId }) : log.snapshot(chatId, since)];
      },
    },
    topics: {
      method: 'GET',
      run: (_req, url) => [200, { topics: userSide.topics(chatIdOf(url.searchParams.get('chatId'))) }],
    },
    deliver: {
      method: 'POST',
      run: async (req) => {
        const chatId = chatIdOf((await jsonObject(req)).chatId);
        // People ask with /digest; only the channel, where nobody can type, needs the page to stand in for its schedule.
        if (chatId !== CHANNEL.chatId) throw new HttpError(400, `only the channel (${CHANNEL.chatId}) is delivered from the page; elsewhere send /digest`);
        const outcome = deps.deliver(chatId);
        if (outcome === undefined) throw new HttpError(503, 'the bot is still starting; try again in a moment');
        return [outcome === 'queued' ? 202 : 200, { outcome }];
      },
    },
    commands: {
      method: 'GET',
      run: (_req, url) => {
        const chatId = chatIdOf(url.searchParams.get('chatId'));
        return [200, { commands: userSide.commands(chatId, languageOf(url.searchParams.get('languageCode'))) }];
      },
    },
  };

  return async (req, res, url) => {
    if (!url.pathname.startsWith(PREFIX)) return false;
    const name = url.pathname.slice(PREFIX.length);
    // Own keys only: '/sandbox/api/constructor' must not find Object's.
    const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
    if (!handler) throw new HttpError(404, `no sandbox endpoint ${url.pathname}; see GET ${PREFIX}personas, messages, topics, commands and POST send, press, deliver`);
    if (req.method !== handler.method && !(handler.method === 'GET' && req.method === 'HEAD')) return methodNotAllowed(res, [handler.method]);
    const [status, body] = await handler.run(req, url);
    sendJson(res, status, body);
    return true;
  };
}
