/** Shared set-up for the delivery tests: a database with chats, queued messages, a sender on the double. */
import { pino } from 'pino';
import { Telegram } from 'telegraf';
import { afterEach } from 'vitest';
import { createConfig } from '../../src/config.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import type { OutboxMessage } from '../../src/delivery/outbox.ts';
import { createSender, type Sender, type SenderDeps, type SenderEvent } from '../../src/delivery/sender.ts';
import { createChatService } from '../../src/subscriptions/chats.ts';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';

export const silentLogger = pino({ level: 'silent' });

/** A clock both the sender and the double read; sleeping moves it, so waits cost no real time. */
export function createClock(start = Date.UTC(2026, 2, 1, 8, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}
export type Clock = ReturnType<typeof createClock>;

/** Deterministic random numbers (mulberry32) so soak tests fail the same way twice. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chats must exist for the outbox's foreign key; negative ids are groups, as on Telegram. */
export function insertChats(handle: DbHandle, ids: readonly number[]): void {
  const insert = handle.sqlite.prepare(
    `INSERT OR IGNORE INTO chats (id, type, time_zone, digest_time) VALUES (?, ?, 'UTC', '08:00')`,
  );
  handle.sqlite.transaction(() => {
    for (const id of ids) insert.run(id, id < 0 ? 'group' : 'private');
  })();
}

export function insertArticle(handle: DbHandle, id: number, clusterId: number | null = id): void {
  handle.sqlite
    .prepare(`INSERT INTO articles (id, dedup_key, title, text, lang, content_hash, published_at, cluster_id)
      VALUES (?, ?, 'Title', 'Text', 'en', 'hash', 0, ?)`)
    .run(id, `key-${id}`, clusterId);
}

export function digestPart(chatId: number, part: number, extra: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    chatId,
    itemKey: `digest:1:${part}`,
    kind: 'digest',
    priority: 0,
    text: `<b>Digest</b> for ${chatId}, part ${part}`,
    articleIds: [],
    ...extra,
  };
}

export function breakingItem(chatId: number, draft: number): OutboxMessage {
  return { chatId, itemKey: `breaking:${draft}`, kind: 'breaking', priority: 10, text: `<b>Breaking</b> ${draft}`, articleIds: [] };
}

export const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

export interface SenderSetup {
  sender: Sender;
  events: SenderEvent[];
}

export function senderFor(
  handle: DbHandle,
  tg: Pick<FakeTelegram, 'token' | 'apiRoot'>,
  options: Partial<SenderDeps> & { clock?: Clock } = {},
): SenderSetup {
  const { clock, ...rest } = options;
  const events: SenderEvent[] = [];
  const now = rest.now ?? clock?.now ?? Date.now;
  const chats = createChatService({ db: handle.db, config: createConfig({ LOG_LEVEL: 'silent' }), now });
  const sender = createSender({
    handle,
    telegram: new Telegram(tg.token, { apiRoot: tg.apiRoot }),
    chats,
    sendRate: 25,
    logger: silentLogger,
    now,
    ...(clock ? { sleep: clock.sleep } : {}),
    random: seededRandom(7),
    onEvent: (event) => events.push(event),
    ...rest,
  });
  return { sender, events };
}

export function openMemoryDb(): DbHandle {
  return openDatabase(':memory:');
}

/** For a describe block: each call gives a Bot API double (on `clock` when given) and a fresh database, closed after the test. */
export function useMemoryFixture(): (clock?: Clock) => Promise<{ handle: DbHandle; tg: FakeTelegram }> {
  const open: Array<{ handle: DbHandle; tg: FakeTelegram }> = [];
  afterEach(async () => {
    for (const { handle, tg } of open.splice(0)) {
      handle.close();
      await tg.close();
    }
  });
  return async (clock) => {
    const tg = await createFakeTelegram(clock ? { clock: clock.now } : {});
    const fixture = { handle: openMemoryDb(), tg };
    open.push(fixture);
    return fixture;
  };
}

/** The texts the double holds for a chat, in the order they arrived. */
export function textsOf(tg: FakeTelegram, chatId: number): string[] {
  return tg.sentMessages(chatId).map((m) => m.plain_text);
}
