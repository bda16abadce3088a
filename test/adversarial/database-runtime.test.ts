import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createIngestor } from '../../src/articles/ingest.ts';
import { createClassifiers } from '../../src/enrich/classifiers.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { storageFault } from '../../src/db/faults.ts';
import type { Fetcher } from '../../src/sources/fetcher.ts';
import { createPoller } from '../../src/sources/poller.ts';
import { createSourceRepository } from '../../src/sources/repository.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { createOutbox } from '../../src/delivery/outbox.ts';
import { startTestBot, type TestBot } from '../helpers/app.ts';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { digestPart, insertChats, range, senderFor } from '../delivery/helpers.ts';

const classifiers = createClassifiers(createTaxonomy());
const clock = Date.UTC(2026, 11, 3, 6);

/** Enough items that storing them needs pages the capped file no longer has. */
const item = (n: number) => `<item><guid>d${n}</guid><title>Dushanbe water board report number ${n} on the Vakhsh river</title>
<link>https://desk.example/d${n}</link><description>The water board in Dushanbe published report number ${n} on the Vakhsh river this week. ${'Engineers measured the flow at the dam, the irrigation canals and the reservoirs downstream, and farmers in the valley were told what to expect for the season. '.repeat(6)}</description></item>`;
const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Desk</title><language>en</language>
${Array.from({ length: 40 }, (_, n) => item(n)).join('\n')}</channel></rss>`;

const fetcher: Fetcher = {
  fetchFeed: async (source) => ({ status: 'ok', body: FEED, finalUrl: source.url }),
  fetchPage: async () => {
    throw new Error('no pages here');
  },
};

/** SQLite's own size limit: writes that need a new page fail with SQLITE_FULL, exactly as on a full disk. */
function fillDisk(handle: DbHandle): void {
  const pages = handle.sqlite.pragma('page_count', { simple: true }) as number;
  handle.sqlite.pragma(`max_page_count = ${pages}`);
}
const freeDisk = (handle: DbHandle) => handle.sqlite.pragma('max_page_count = 1073741823');

let handle: DbHandle | undefined;
let bot: TestBot | undefined;
let tg: FakeTelegram | undefined;
afterEach(async () => {
  await tg?.close();
  tg = undefined;
  handle?.close();
  handle = undefined;
  await bot?.close();
  bot = undefined;
});

describe('a full disk during a poll', () => {
  it('keeps the source due and its failure count untouched, and stores every item once there is room', async () => {
    handle = openDatabase(':memory:');
    const repository = createSourceRepository(handle.db);
    const source = repository.add({ url: 'https://desk.example/feed.xml' }).source;
    const poller = createPoller({
      repository,
      fetcher,
      ingestor: createIngestor({ store: createArticleStore(handle), classifiers, now: () => clock }),
      intervalMs: 10 * 60_000,
      logger: pino({ level: 'silent' }),
      now: () => clock,
    });
    fillDisk(handle);
    const full = await poller.pollDue();
    expect(full.failed).toHaveLength(1);
    expect(full.failed[0]?.error).toMatch(/^database: database or disk is full/);
    const after = repository.list().find((s) => s.id === source.id);
    expect(after?.consecutiveFailures).toBe(0);
    expect(after?.status).not.toBe('paused');
    expect(repository.due(clock).map((s) => s.id)).toEqual([source.id]);

    freeDisk(handle);
    const retried = await poller.pollDue();
    expect(retried.failed).toEqual([]);
    const stored = handle.sqlite.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
    expect(stored).toBe(40);
    expect(retried.new + retried.duplicates).toBe(40);
  });

  it('stops a file ingest at the first refused write instead of reporting every later item as bad', () => {
    handle = openDatabase(':memory:');
    const ingestor = createIngestor({ store: createArticleStore(handle), classifiers, now: () => clock });
    fillDisk(handle);
    const items = Array.from({ length: 40 }, (_, n) => ({
      title: `Kazan budget hearing number ${n}`,
      text: `The Kazan city council held hearing number ${n} on the budget. `.repeat(30),
      url: `https://desk.example/k${n}`,
      source: 'Desk',
    }));
    let thrown: unknown;
    try {
      ingestor.ingest(items);
    } catch (error) {
      thrown = error;
    }
    expect(storageFault(thrown)).toBe('full');
  });
});

const STORAGE = {
  en: /can't save anything right now/,
  ru: /не могу ничего сохранить/,
  ar: /لا أستطيع حفظ أي شيء/,
} as const;

describe('the bot while the database refuses writes', () => {
  it.each(Object.entries(STORAGE))('tells a reader in %s that what they did was not kept, and keeps it once the disk has room', async (lang, said) => {
    bot = await startTestBot();
    const chatId = 7100 + Object.keys(STORAGE).indexOf(lang);
    await bot.say({ chatId, text: '/start', languageCode: lang });
    const app = bot.app;
    app.db.sqlite.pragma('query_only = ON');
    await bot.say({ chatId, text: '/subscribe TJ', languageCode: lang });
    expect(bot.last(chatId).plain_text).toMatch(said);
    expect(app.services.subscriptions.list(chatId)).toEqual([]);

    app.db.sqlite.pragma('query_only = OFF');
    await bot.say({ chatId, text: '/subscribe TJ', languageCode: lang });
    expect(app.services.subscriptions.list(chatId).map((s) => s.region)).toEqual(['TJ']);
  });

  it('answers a new reader whose first message cannot even be recorded, in the language of their Telegram', async () => {
    bot = await startTestBot();
    bot.app.db.sqlite.pragma('query_only = ON');
    await bot.say({ chatId: 7200, text: '/start', languageCode: 'ar' });
    expect(bot.last(7200).plain_text).toMatch(STORAGE.ar);
  });
});

describe('the sender while the database refuses writes', () => {
  it('keeps every queued message and sends each exactly once when writes come back', async () => {
    handle = openDatabase(':memory:');
    tg = await createFakeTelegram({ globalRatePerSecond: 1000 });
    const chats = range(1, 20);
    insertChats(handle, chats);
    createOutbox(handle).enqueue(chats.map((chatId) => digestPart(chatId, 1)));
    const { sender } = senderFor(handle, tg, { sendRate: 100 });
    handle.sqlite.pragma('query_only = ON');
    sender.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(tg.sentMessages()).toHaveLength(0);
    handle.sqlite.pragma('query_only = OFF');
    await sender.runUntilIdle();
    await sender.stop();
    expect(tg.sentMessages().map((m) => m.chat_id).sort((a, b) => a - b)).toEqual(chats);
    expect(createOutbox(handle).pendingCount()).toBe(0);
    expect(tg.violations).toEqual([]);
  }, 20_000);
});
