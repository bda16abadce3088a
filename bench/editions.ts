/**
 * Editions end to end: one forced digest run over private chats, channels and forum topics, then
 * the real sender against the Bot API double enforcing Telegram's limits (30/s in total, 1/s per
 * private chat, 20/min per group or channel, every topic of a forum drawing on its group's budget).
 * Checks that every edition got its digest queued exactly once and in the right place, then prints
 * the achieved rate over SEND_RATE and 429s. `npx tsx bench/editions.ts` runs it alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { Telegram } from 'telegraf';
import { createArticleStore } from '../src/articles/store.ts';
import { createLogger } from '../src/logger.ts';
import { createPipeline } from '../src/pipeline.ts';
import { createConfig } from '../src/config.ts';
import { openDatabase, type DbHandle } from '../src/db/client.ts';
import { GROUP_CHAT_INTERVAL_MS, PRIVATE_CHAT_INTERVAL_MS } from '../src/delivery/pacer.ts';
import { createSender, type SenderEvent } from '../src/delivery/sender.ts';
import { createChatService } from '../src/subscriptions/chats.ts';
import { createEditionService } from '../src/subscriptions/editions.ts';
import { createFakeTelegram, type FakeTelegram } from '../src/telegram-double/index.ts';

const REGIONS = ['TJ', 'UZ', 'EG', 'RU-CE', 'SA'];
const TOPICS = ['security', 'economy', 'culture'];
const LANGS = ['en', 'ru', 'ar'];
const HOUR = 3_600_000;
/** Telegram-style ids: channels and supergroups are -100…. */
const CHANNEL_BASE = -1_001_000_000_000;
const FORUM_BASE = -1_002_000_000_000;

export interface EditionsSizes {
  privates: number;
  channels: number;
  forums: number;
  topicsPerForum: number;
  /** Articles per region, all fresh; more than a digest's 10 items so every digest is full. */
  articlesPerRegion: number;
}

export const BENCH_SIZES: EditionsSizes = { privates: 1000, channels: 50, forums: 20, topicsPerForum: 10, articlesPerRegion: 14 };

export interface TopicTarget {
  /** The topic edition's own chats row id (below -2^52). */
  id: number;
  groupId: number;
  threadId: number;
}

export interface EditionsScenario {
  privates: number[];
  channels: number[];
  forums: number[];
  topics: TopicTarget[];
  /** Every target that should get a digest: privates, channels and topic editions. */
  targets: number[];
}

/**
 * Articles in five regions, then the targets, every one subscribed: privates to one region or to
 * everything, channels to everything, each topic to a region of its own (so neighbouring topics of
 * one forum get different digests and a message in the wrong thread shows). The double learns the
 * channels (bot an administrator that may post) and the forums with their topics.
 */
export function seedEditions(handle: DbHandle, tg: FakeTelegram, sizes: EditionsSizes, at: number): EditionsScenario {
  const store = createArticleStore(handle);
  handle.sqlite.transaction(() => {
    let n = 0;
    for (const region of REGIONS) {
      for (let k = 0; k < sizes.articlesPerRegion; k++, n++) {
        const firstSeenAt = at - (1 + ((n * 7) % 18)) * HOUR - k * 60_000;
        store.insert({
          dedupKey: `editions:${n}`, url: `https://editions.example/${n}`, title: `Story ${n} about ${region}`, text: 'Body.',
          lang: LANGS[n % LANGS.length] as string, summary: [`Summary sentence of story ${n}.`], contentHash: `h${n}`,
          simhash: '0000000000000000', publishedAt: firstSeenAt - 600_000, firstSeenAt, sourceName: 'Editions Wire',
          regions: [{ id: region, score: 1 }], topics: [{ id: TOPICS[n % TOPICS.length] as string, score: 1 }], alternates: [],
          searchTitle: '', searchBody: '',
        });
      }
    }
  })();

  const { sqlite } = handle;
  const insertChat = sqlite.prepare(`INSERT INTO chats (id, type, title, locale, time_zone, digest_time) VALUES (?, ?, ?, 'en', 'UTC', '08:00')`);
  const insertSub = sqlite.prepare(`INSERT INTO subscriptions (chat_id, region, topic) VALUES (?, ?, 'all')`);
  const privates = Array.from({ length: sizes.privates }, (_, i) => i + 1);
  const channels = Array.from({ length: sizes.channels }, (_, i) => CHANNEL_BASE - i);
  const forums = Array.from({ length: sizes.forums }, (_, i) => FORUM_BASE - i);
  sqlite.transaction(() => {
    for (const id of privates) {
      insertChat.run(id, 'private', null);
      insertSub.run(id, id % 6 === 0 ? 'all' : (REGIONS[id % REGIONS.length] as string));
    }
    for (const [i, id] of channels.entries()) {
      insertChat.run(id, 'channel', `Channel ${i}`);
      insertSub.run(id, 'all');
    }
    // The forum supergroups themselves have no subscriptions: only their topics get digests.
    for (const [i, id] of forums.entries()) insertChat.run(id, 'supergroup', `Forum ${i}`);
  })();
  for (const [i, id] of channels.entries()) {
    tg.setChat({ id, type: 'channel', title: `Channel ${i}` });
    tg.setBotMember(id, { status: 'administrator', canPostMessages: true });
  }
  const editions = createEditionService({ db: handle.db, now: () => at });
  const topics: TopicTarget[] = [];
  for (const [i, groupId] of forums.entries()) {
    tg.setChat({ id: groupId, type: 'supergroup', title: `Forum ${i}`, is_forum: true });
    tg.setBotMember(groupId, { status: 'administrator' });
    for (let t = 0; t < sizes.topicsPerForum; t++) {
      const name = `Forum ${i} topic ${t}`;
      const threadId = tg.createTopic(groupId, name);
      const edition = editions.topic(groupId, threadId, name);
      insertSub.run(edition.id, REGIONS[(i + t) % REGIONS.length] as string);
      topics.push({ id: edition.id, groupId, threadId });
    }
  }
  return { privates, channels, forums, topics, targets: [...privates, ...channels, ...topics.map((t) => t.id)] };
}

/** One forced digest run; messages composed per chat (only chats whose digest has items). */
export async function runEditionsDigest(handle: DbHandle, at: number): Promise<{ queued: number; seconds: number; messagesOf: Map<number, number> }> {
  const config = createConfig({ LOG_LEVEL: 'silent' });
  const service = (await createPipeline(config, { logger: createLogger('silent'), db: handle, now: () => at })).digests;
  const messagesOf = new Map<number, number>();
  const started = performance.now();
  const result = service.run({
    at, force: true,
    onDigest: (d) => {
      if (d.items.length > 0) messagesOf.set(d.chatId, (messagesOf.get(d.chatId) ?? 0) + d.messageCount);
    },
  });
  return { queued: result.queuedMessages, seconds: (performance.now() - started) / 1000, messagesOf };
}

interface OutboxChatRow {
  chatId: number;
  rows: number;
  keys: number;
  sendTo: number | null;
  threadIds: string | null;
  markups: number;
}

/**
 * What is wrong with the outbox after the run, one line per problem (empty when all is well): each
 * target has exactly its digest's messages, once each; topics go to their group and thread; channels
 * carry no buttons; nothing else was queued.
 */
export function outboxProblems(handle: DbHandle, scenario: EditionsScenario, messagesOf: ReadonlyMap<number, number>): string[] {
  const problems: string[] = [];
  const rows = handle.sqlite
    .prepare(`SELECT chat_id AS chatId, COUNT(*) AS rows, COUNT(DISTINCT item_key) AS keys, MAX(send_to) AS sendTo,
      group_concat(DISTINCT coalesce(thread_id, 'null')) AS threadIds, SUM(reply_markup IS NOT NULL) AS markups
      FROM outbox GROUP BY chat_id`)
    .all() as OutboxChatRow[];
  const byChat = new Map(rows.map((r) => [r.chatId, r]));
  const topicOf = new Map(scenario.topics.map((t) => [t.id, t]));
  const channels = new Set(scenario.channels);
  for (const id of scenario.targets) {
    const row = byChat.get(id);
    const expected = messagesOf.get(id) ?? 0;
    if (expected === 0) problems.push(`chat ${id}: no digest composed`);
    if (!row) {
      problems.push(`chat ${id}: nothing queued`);
      continue;
    }
    if (row.rows !== expected) problems.push(`chat ${id}: ${row.rows} rows queued for a digest of ${expected} messages`);
    if (row.keys !== row.rows) problems.push(`chat ${id}: ${row.rows - row.keys} duplicate item keys`);
    const topic = topicOf.get(id);
    const wantSendTo = topic ? topic.groupId : id;
    const wantThread = topic ? String(topic.threadId) : 'null';
    if (row.sendTo !== wantSendTo) problems.push(`chat ${id}: send_to ${row.sendTo}, expected ${wantSendTo}`);
    if (row.threadIds !== wantThread) problems.push(`chat ${id}: thread_id ${row.threadIds}, expected ${wantThread}`);
    if (channels.has(id) && row.markups > 0) problems.push(`channel ${id}: ${row.markups} rows carry reply_markup`);
  }
  const targets = new Set(scenario.targets);
  for (const row of rows) if (!targets.has(row.chatId)) problems.push(`chat ${row.chatId}: ${row.rows} rows queued for a chat that is no target`);
  return problems;
}

/**
 * Where each target's messages landed, one line per problem: a private chat or channel holds its
 * outbox rows' texts; a topic's thread holds exactly its own rows' texts, in order; a forum's
 * General topic holds nothing.
 */
export function deliveryProblems(handle: DbHandle, tg: FakeTelegram, scenario: EditionsScenario): string[] {
  const problems: string[] = [];
  const textsOf = handle.sqlite.prepare(`SELECT text FROM outbox WHERE chat_id = ? ORDER BY id`).pluck();
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  for (const id of [...scenario.privates, ...scenario.channels]) {
    const sent = tg.sentMessages(id).map((m) => m.text);
    if (!same(sent, textsOf.all(id) as string[])) problems.push(`chat ${id}: ${sent.length} messages do not match its outbox rows`);
  }
  for (const topic of scenario.topics) {
    const sent = tg.messagesIn(topic.groupId, topic.threadId).map((m) => m.text);
    if (!same(sent, textsOf.all(topic.id) as string[])) {
      problems.push(`topic ${topic.groupId}/${topic.threadId}: ${sent.length} messages in its thread do not match its outbox rows`);
    }
  }
  for (const groupId of scenario.forums) {
    const general = tg.messagesIn(groupId, undefined).length;
    if (general > 0) problems.push(`forum ${groupId}: ${general} messages in General`);
  }
  return problems;
}

export interface RateWindow {
  /** Sends started inside the window. */
  sends: number;
  ms: number;
  perSecond: number;
}

/**
 * The achieved rate over the span in which per-chat rules did not hold the sender back. Replaying
 * the sends' start times in order: send k is inside the window when, at the instant the global pace
 * allowed it (send k-1's start + 1000/sendRate ms), some Telegram chat (send_to) still had a message
 * not yet started and had rested its per-chat interval (the pacer's 1 s for private chats, 3.15 s for
 * groups and channels, which every topic of a forum shares). The window runs from the first send to
 * the last send k of the longest such prefix; the rate is (k − 1) intervals over that time.
 */
export function unconstrainedRate(
  starts: ReadonlyArray<{ at: number; sendTo: number }>,
  sendRate: number,
  isGroup: (sendTo: number) => boolean,
): RateWindow {
  const sorted = [...starts].sort((a, b) => a.at - b.at);
  const remaining = new Map<number, number>();
  for (const s of sorted) remaining.set(s.sendTo, (remaining.get(s.sendTo) ?? 0) + 1);
  const last = new Map<number, number>();
  const gap = 1000 / sendRate;
  const eligibleAt = (t: number): boolean => {
    for (const [sendTo, left] of remaining) {
      if (left === 0) continue;
      const rest = isGroup(sendTo) ? GROUP_CHAT_INTERVAL_MS : PRIVATE_CHAT_INTERVAL_MS;
      if ((last.get(sendTo) ?? Number.NEGATIVE_INFINITY) + rest <= t) return true;
    }
    return false;
  };
  let end = 0;
  for (const [k, s] of sorted.entries()) {
    const previous = sorted[k - 1];
    if (previous && !eligibleAt(previous.at + gap)) break;
    end = k;
    last.set(s.sendTo, s.at);
    remaining.set(s.sendTo, (remaining.get(s.sendTo) ?? 1) - 1);
  }
  const first = sorted[0];
  const lastIn = sorted[end];
  const ms = first && lastIn ? lastIn.at - first.at : 0;
  return { sends: first ? end + 1 : 0, ms, perSecond: ms > 0 ? (end / ms) * 1000 : 0 };
}

export interface EditionsBenchOptions {
  sizes?: EditionsSizes;
  /** Default SEND_RATE from the environment, else the product default (25). */
  sendRate?: number;
  /** A clock shared by the sender and the double, moved by the sender's sleeps: no real waiting. */
  virtualClock?: boolean;
}

export async function benchEditions(print: (line: string) => void, options: EditionsBenchOptions = {}): Promise<void> {
  const sizes = options.sizes ?? BENCH_SIZES;
  const sendRate = options.sendRate ?? createConfig({ SEND_RATE: process.env.SEND_RATE }).sendRate;
  const at = Date.now();
  let virtualNow = at;
  const clock = options.virtualClock
    ? { now: () => virtualNow, sleep: async (ms: number) => void (virtualNow += ms) }
    : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'briefings-bench-editions-'));
  const tg = await createFakeTelegram(clock ? { clock: clock.now } : {});
  const handle = openDatabase(join(dir, 'editions.db'));
  try {
    const scenario = seedEditions(handle, tg, sizes, at);
    const digest = await runEditionsDigest(handle, at);
    const queuedProblems = outboxProblems(handle, scenario, digest.messagesOf);
    print(
      `editions: digest run over ${scenario.privates.length} private chats, ${scenario.channels.length} channels and ${scenario.topics.length} topics ` +
        `in ${scenario.forums.length} forums queued ${digest.queued} messages in ${digest.seconds.toFixed(2)} s; ` +
        `each edition queued exactly once, in its place: ${queuedProblems.length === 0 ? 'yes' : `NO (${queuedProblems.length} problems: ${queuedProblems.slice(0, 3).join('; ')})`}`,
    );

    const sendToOf = new Map<number, number>(scenario.targets.map((id) => [id, id]));
    for (const t of scenario.topics) sendToOf.set(t.id, t.groupId);
    const starts: Array<{ at: number; sendTo: number }> = [];
    const sender = createSender({
      handle,
      telegram: new Telegram(tg.token, { apiRoot: tg.apiRoot }),
      chats: createChatService({ db: handle.db, config: createConfig({}) }),
      sendRate,
      logger: pino({ level: 'silent' }),
      ...(clock ? { now: clock.now, sleep: clock.sleep } : {}),
      onEvent: (event: SenderEvent) => {
        if (event.type === 'start') starts.push({ at: event.at, sendTo: sendToOf.get(event.chatId) ?? event.chatId });
      },
    });
    print(`editions: sending ${digest.queued} messages at SEND_RATE=${sendRate} on ${clock ? 'a virtual clock' : 'the real clock'} (about ${Math.round(digest.queued / sendRate)} s)…`);
    const report = await sender.runUntilIdle();
    const window = unconstrainedRate(starts, sendRate, (sendTo) => sendTo < 0);
    // What the limits themselves allow: every message at SEND_RATE, and no Telegram chat faster than its pace.
    const perSendTo = new Map<number, number>();
    for (const s of starts) perSendTo.set(s.sendTo, (perSendTo.get(s.sendTo) ?? 0) + 1);
    const slowestChatMs = Math.max(0, ...[...perSendTo].map(([to, n]) => (n - 1) * (to < 0 ? GROUP_CHAT_INTERVAL_MS : PRIVATE_CHAT_INTERVAL_MS)));
    const boundMs = Math.max(((starts.length - 1) * 1000) / sendRate, slowestChatMs);
    const placed = deliveryProblems(handle, tg, scenario);
    const topicsOk = scenario.topics.filter((t) => tg.messagesIn(t.groupId, t.threadId).length > 0).length;
    print(
      `editions: ${report.sent}/${digest.queued} sent in ${(report.durationMs / 1000).toFixed(2)} s (${clock ? 'virtual' : 'real'} clock) = ` +
        `${report.ratePerSecond.toFixed(2)} msgs/s overall (${((report.ratePerSecond / sendRate) * 100).toFixed(1)}% of SEND_RATE ${sendRate}); ` +
        `${window.perSecond.toFixed(2)} msgs/s = ${((window.perSecond / sendRate) * 100).toFixed(1)}% of SEND_RATE over the first ${window.sends} sends ` +
        `(${(window.ms / 1000).toFixed(2)} s, while some chat was free of its per-chat limit at every beat; target ≥ 95%); ` +
        `the limits alone allow the whole run in ${(boundMs / 1000).toFixed(2)} s; ` +
        `429s seen: ${tg.tooManyRequests} (target 0); violations: ${tg.violations.length}; ` +
        `topics with their messages in their own thread: ${topicsOk}/${scenario.topics.length}; placement problems: ${placed.length}` +
        (placed.length > 0 ? ` (${placed.slice(0, 3).join('; ')})` : ''),
    );
  } finally {
    handle.close();
    await tg.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchEditions((line) => process.stdout.write(`${line}\n`), { virtualClock: process.env.BENCH_VIRTUAL_CLOCK === '1' });
}
