/**
 * The HTTP face of the double: routes `POST /bot<token>/<method>` the way
 * api.telegram.org does, records every call and turns handler errors into
 * Telegram's `{ ok: false, error_code, description, parameters }` envelope.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseParams, readBody, type Params } from './body.ts';
import type { MethodContext, MethodHandler } from './context.ts';
import { ApiError, DESCRIPTIONS, type ApiErrorBody } from './errors.ts';
import { createFaults } from './faults.ts';
import { assertForumType, createTopicAsUser, deleteTopicAsUser, forumMethods, liveTopics, setTopicClosed } from './forum.ts';
import { DEFAULT_BOT_FIRST_NAME, DEFAULT_BOT_USERNAME, DEFAULT_TOKEN, makeBotInfo } from './members.ts';
import { botMethods, commandsKey } from './methods-bot.ts';
import { messageMethods } from './methods-messages.ts';
import { createUpdateQueue } from './polling.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { createWorld } from './state.ts';
import type { ApiResponse, FakeTelegram, FakeTelegramOptions, RecordedCall } from './types.ts';

const PATH = /^\/bot([^/]*)\/(?:test\/)?([^/]*)$/;

/** Malformed percent-escapes must not turn into a 500 from the double. */
function decodeSegment(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return segment ?? '';
  }
}

interface Outcome {
  status: number;
  body: ApiResponse;
}

function errorOutcome(body: ApiErrorBody): Outcome {
  return { status: body.error_code, body: { ok: false, ...body } };
}

function send(res: ServerResponse, outcome: Outcome): void {
  if (res.destroyed || res.writableEnded) return;
  const json = JSON.stringify(outcome.body);
  res.statusCode = outcome.status;
  // Telegraf reports 5xx by statusText, so make it carry the description.
  if (outcome.status >= 500 && !outcome.body.ok) res.statusMessage = outcome.body.description.replace(/[^\x20-\x7e]/g, '?');
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', Buffer.byteLength(json));
  res.end(json);
}

export async function createFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? DEFAULT_TOKEN;
  const clock = options.clock ?? Date.now;
  const botInfo = makeBotInfo(token, options.botUsername ?? DEFAULT_BOT_USERNAME, options.botFirstName ?? DEFAULT_BOT_FIRST_NAME);
  const world = createWorld();
  const limiter = createRateLimiter({
    globalRatePerSecond: options.globalRatePerSecond ?? 30,
    perChatPerSecond: options.perChatPerSecond ?? 1,
    perChatBurst: options.perChatBurst ?? 3,
    perGroupPerMinute: options.perGroupPerMinute ?? 20,
  });
  const updates = createUpdateQueue(options.maxPollTimeoutMs ?? 2000);
  const faults = createFaults();
  const ctx: MethodContext = {
    world, botInfo, limiter, updates,
    enforceRates: options.enforceRates ?? true,
    strictHtml: options.strictHtml ?? true,
    now: clock,
  };
  // Telegram matches method names case-insensitively.
  const handlers = new Map<string, { name: string; handler: MethodHandler }>();
  for (const [name, handler] of Object.entries({ ...messageMethods, ...botMethods, ...forumMethods })) {
    handlers.set(name.toLowerCase(), { name, handler });
  }
  const callListeners = new Set<() => void>();

  const maxRecordedCalls = options.maxRecordedCalls ?? Number.POSITIVE_INFINITY;
  const observers = new Set<(call: RecordedCall) => void>();
  const record = (call: RecordedCall): void => {
    world.calls.push(call);
    // A long-running sandbox would otherwise keep every getUpdates poll it ever answered.
    if (world.calls.length > maxRecordedCalls) world.calls.splice(0, world.calls.length - maxRecordedCalls);
    for (const listener of [...callListeners]) listener();
    for (const observer of [...observers]) observer(call);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = clock();
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    let method = '';
    let payload: Params = {};
    let outcome: Outcome;
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const match = PATH.exec(url.pathname);
      if (!match) throw new ApiError({ error_code: 404, description: DESCRIPTIONS.notFound }, true);
      method = decodeSegment(match[2]);
      if (decodeSegment(match[1]) !== token) {
        throw new ApiError({ error_code: 401, description: DESCRIPTIONS.unauthorized }, true);
      }
      const entry = handlers.get(method.toLowerCase());
      if (!entry) throw new ApiError({ error_code: 404, description: DESCRIPTIONS.methodNotFound }, true);
      method = entry.name;
      payload = parseParams(req.headers['content-type'], body, url.searchParams);
      const injected = faults.take(method);
      if (injected) throw new ApiError(injected, false);
      const reply = await entry.handler(ctx, payload, abort.signal);
      outcome = { status: 200, body: { ok: true, result: reply.result, ...(reply.description ? { description: reply.description } : {}) } };
    } catch (error) {
      // The client hung up mid-request; there is no one to answer and nothing went wrong on our side.
      if (abort.signal.aborted) return;
      if (error instanceof ApiError) {
        outcome = errorOutcome(error.body);
        if (error.violation) world.violations.push(`${method || req.url || '?'}: ${error.body.description}`);
      } else {
        // A bug in the double itself: surface it loudly in violations instead of crashing the server.
        const description = `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`;
        outcome = errorOutcome({ error_code: 500, description });
        world.violations.push(`${method || '?'}: fake-telegram bug: ${description}`);
      }
    }
    // An abandoned long poll (bot.stop() aborts it) got no answer, so there is nothing to record.
    if (abort.signal.aborted && method === 'getUpdates') return;
    record({ method, payload, at, status: outcome.status, response: outcome.body });
    send(res, outcome);
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    get calls() {
      return world.calls;
    },
    get violations() {
      return world.violations;
    },
    get tooManyRequests() {
      return world.tooManyRequests;
    },
    callsOf: (method) => world.calls.filter((call) => call.method.toLowerCase() === method.toLowerCase()),
    sentMessages: (chatId) =>
      [...world.messages.values()].filter((m) => chatId === undefined || m.chat_id === chatId).map((m) => structuredClone(m)),
    messagesIn: (chatId, threadId) =>
      [...world.messages.values()]
        .filter((m) => m.chat_id === chatId && m.message_thread_id === threadId)
        .map((m) => structuredClone(m)),
    lastMessage: (chatId) => {
      const mine = [...world.messages.values()].filter((m) => m.chat_id === chatId);
      const last = mine.at(-1);
      return last && structuredClone(last);
    },
    blockChat: (chatId) => void world.blocked.add(chatId),
    unblockChat: (chatId) => {
      world.blocked.delete(chatId);
      world.left.delete(chatId);
      const membership = world.botMembers.get(chatId);
      if (membership?.status === 'left' || membership?.status === 'kicked') world.botMembers.delete(chatId);
    },
    migrateChat: (fromId, toId) => {
      world.migrated.set(fromId, toId);
      if (!world.chats.has(toId)) world.chats.set(toId, { id: toId, type: 'supergroup', title: `Chat ${toId}` });
    },
    setChat: (chat) => {
      assertForumType(chat);
      world.chats.set(chat.id, { ...chat });
    },
    setChatMemberStatus: (chatId, userId, status, rights) => {
      const key = `${chatId}:${userId}`;
      world.members.set(key, status);
      if (rights) world.memberRights.set(key, { ...rights });
      else world.memberRights.delete(key);
    },
    setBotMember: (chatId, membership) => {
      if (chatId > 0) throw new Error('fake-telegram: setBotMember is for groups and channels; use blockChat for a private chat');
      // The latest word on the bot's membership wins over an earlier blockChat / leaveChat.
      world.blocked.delete(chatId);
      world.left.delete(chatId);
      world.botMembers.set(chatId, { ...membership });
    },
    createTopic: (chatId, name) => createTopicAsUser(world, chatId, name),
    closeTopic: (chatId, threadId) => setTopicClosed(world, chatId, threadId, true),
    reopenTopic: (chatId, threadId) => setTopicClosed(world, chatId, threadId, false),
    deleteTopic: (chatId, threadId) => deleteTopicAsUser(world, chatId, threadId),
    topics: (chatId) => liveTopics(world, chatId),
    failNext: (method, count, error) => faults.failNext(method, count, error),
    failRandomly: (probability, randomOptions) => faults.failRandomly(probability, randomOptions),
    queueUpdate: (update) => updates.push(update),
    onCall: (observer) => {
      observers.add(observer);
      return () => void observers.delete(observer);
    },
    commands: (languageCode, scope) => [...(world.commands.get(commandsKey(scope, languageCode)) ?? [])],
    waitForCalls: (method, count = 1, timeoutMs = 5000) =>
      new Promise<RecordedCall[]>((resolve, reject) => {
        const matching = (): RecordedCall[] => world.calls.filter((c) => c.method.toLowerCase() === method.toLowerCase());
        const check = (): void => {
          const found = matching();
          if (found.length < count) return;
          clearTimeout(timer);
          callListeners.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          callListeners.delete(check);
          const seen = world.calls.map((c) => c.method).join(', ') || 'none';
          reject(new Error(`waitForCalls: expected ${count} ${method} call(s) within ${timeoutMs} ms, got ${matching().length}; calls so far: ${seen}`));
        }, timeoutMs);
        callListeners.add(check);
        check();
      }),
    waitForIdle: (timeoutMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (!updates.isIdle()) return;
          clearTimeout(timer);
          unsubscribe();
          resolve();
        };
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`waitForIdle: no idle getUpdates poll within ${timeoutMs} ms (${updates.pending()} update(s) pending)`));
        }, timeoutMs);
        const unsubscribe = updates.onPark(check);
        check();
      }),
    reset: () => {
      Object.assign(world, createWorld());
      limiter.reset();
      updates.reset();
      faults.reset();
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        // Answer parked polls first so clients see a clean response, then drop keep-alive sockets.
        updates.releaseAll();
        server.close(() => resolve());
        setImmediate(() => server.closeAllConnections());
      });
      return closing;
    },
  };
}
