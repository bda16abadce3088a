import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { createOutbox } from '../../src/delivery/outbox.ts';
import { createDigestService, type ChatDigest } from '../../src/digests/service.ts';
import { createI18n } from '../../src/i18n.ts';
import { createChatService } from '../../src/subscriptions/chats.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';

const AT = Date.UTC(2026, 10, 29, 8);
const HOUR = 3_600_000;
const taxonomy = createTaxonomy();
const i18n = await createI18n();
const handles: DbHandle[] = [];

afterEach(() => {
  for (const h of handles.splice(0)) h.close();
});

interface ArticleSpec {
  lang: string;
  region: string;
  topic: string;
  seenHoursAgo: number;
  /** Another language version of this article (by index in the list). */
  versionOf?: number;
}

function setup() {
  const handle = openDatabase(':memory:');
  handles.push(handle);
  const config = createConfig({ DATABASE_PATH: ':memory:' });
  const service = createDigestService({
    handle, config, taxonomy, i18n, chats: createChatService({ db: handle.db, config }), outbox: createOutbox(handle, { now: () => AT }),
  });
  const { sqlite } = handle;
  const insertArticle = sqlite.prepare(`INSERT INTO articles (dedup_key, url, title, text, lang, summary, content_hash, cluster_id, published_at, first_seen_at)
    VALUES (?, ?, ?, 'Body.', ?, ?, ?, ?, ?, ?) RETURNING id`).pluck();
  const insertRegion = sqlite.prepare('INSERT INTO article_regions (article_id, region, score) VALUES (?, ?, 1)');
  const insertTopic = sqlite.prepare('INSERT INTO article_topics (article_id, topic, score) VALUES (?, ?, 1)');
  const insertChat = sqlite.prepare("INSERT INTO chats (id, type, locale, time_zone, digest_time, last_digest_at) VALUES (?, 'private', ?, ?, '08:00', ?)");
  const insertSub = sqlite.prepare('INSERT INTO subscriptions (chat_id, region, topic) VALUES (?, ?, ?)');
  return {
    handle,
    service,
    articles(specs: ArticleSpec[]): number[] {
      const ids: number[] = [];
      specs.forEach((s, i) => {
        const seen = AT - s.seenHoursAgo * HOUR;
        const cluster = s.versionOf === undefined ? null : ids[s.versionOf];
        const id = insertArticle.get(`k${i}`, `https://example.test/${i}`, `Story ${i} in ${s.region}`, s.lang, JSON.stringify([`Summary ${i}.`]), `h${i}`, cluster, seen, seen) as number;
        insertRegion.run(id, s.region);
        insertTopic.run(id, s.topic);
        ids.push(id);
      });
      return ids;
    },
    chat(id: number, locale: string, zone: string, subscriptions: Array<[string, string]>, lastDigestAt: number | null = null) {
      insertChat.run(id, locale, zone, lastDigestAt);
      for (const [region, topic] of subscriptions) insertSub.run(id, region, topic);
    },
  };
}

const itemIds = (d: ChatDigest | undefined) => d?.items.map((i) => i.article.id);
const view = (d: ChatDigest | undefined) => d && { items: d.items.map((i) => [i.article.id, i.group]), more: d.more, messages: d.messageCount };

/** A few dozen stories over five regions and three topics, some told in two languages. */
function newsroom(db: ReturnType<typeof setup>): number[] {
  const regions = ['TJ', 'UZ', 'EG', 'RU-CE', 'SA'];
  const topics = ['security', 'economy', 'culture'];
  const langs = ['en', 'ru', 'ar'];
  const specs: ArticleSpec[] = [];
  for (let i = 0; i < 45; i++) {
    const spec: ArticleSpec = { lang: langs[i % 3] as string, region: regions[i % 5] as string, topic: topics[i % 3] as string, seenHoursAgo: 1 + ((i * 7) % 20) };
    if (i % 9 === 4) spec.versionOf = i - 1;
    specs.push(spec);
  }
  return db.articles(specs);
}

const PROFILES: Array<Array<[string, string]>> = [
  [['TJ', 'all']],
  [['central-asia', 'all']],
  [['EG', 'security'], ['SA', 'all']],
  [['all', 'economy']],
  [['north-caucasus', 'all'], ['all', 'culture']],
  [['middle-east', 'all']],
];
const LOCALES = ['en', 'ru', 'ar'];
const ZONES = ['UTC', 'Asia/Dushanbe', 'Africa/Cairo'];

describe('a digest run over many chats', () => {
  it('gives every chat of a shared profile exactly what a run for that chat alone gives', () => {
    const db = setup();
    newsroom(db);
    for (let id = 1; id <= 240; id++) {
      const lastDigest = id % 4 === 0 ? AT - (id % 12) * HOUR : null;
      db.chat(id, LOCALES[id % 3] as string, ZONES[(id >> 2) % 3] as string, PROFILES[id % PROFILES.length] as Array<[string, string]>, lastDigest);
    }
    const all = db.service.run({ at: AT, force: true, dryRun: true });
    expect(all.considered).toBe(240);
    expect(all.digests).toHaveLength(240);
    const byChat = new Map(all.digests.map((d) => [d.chatId, d]));
    for (let id = 1; id <= 240; id++) {
      const alone = db.service.run({ at: AT, force: true, dryRun: true, chatIds: [id] });
      expect(view(byChat.get(id)), `chat ${id}`).toEqual(view(alone.digests[0]));
    }
    expect(all.digests.filter((d) => d.items.length > 0).length).toBeGreaterThan(200);
  });

  it('gives chats with the same profile only the stories of the lookback each has not had, whatever their last digest', () => {
    const db = setup();
    const [a, b, c] = db.articles([
      { lang: 'en', region: 'TJ', topic: 'security', seenHoursAgo: 1 },
      { lang: 'en', region: 'TJ', topic: 'economy', seenHoursAgo: 5 },
      { lang: 'en', region: 'TJ', topic: 'culture', seenHoursAgo: 10 },
      { lang: 'en', region: 'TJ', topic: 'culture', seenHoursAgo: 30 },
    ]) as [number, number, number];
    db.chat(1, 'en', 'UTC', [['TJ', 'all']]);
    db.chat(2, 'en', 'UTC', [['TJ', 'all']], AT - 3 * HOUR);
    db.chat(3, 'en', 'UTC', [['TJ', 'all']], AT - 7 * HOUR);
    db.chat(4, 'en', 'UTC', [['TJ', 'all']], AT - HOUR);
    const deliver = db.handle.sqlite.prepare('INSERT INTO deliveries (chat_id, article_id, cluster_id, delivered_at) VALUES (?, ?, ?, ?)');
    deliver.run(2, a, a, AT - 3 * HOUR);
    deliver.run(3, a, a, AT - 7 * HOUR);
    deliver.run(3, b, b, AT - 7 * HOUR);
    const run = db.service.run({ at: AT, force: true, dryRun: true });
    const items = new Map(run.digests.map((d) => [d.chatId, itemIds(d)]));
    // The 30-hour-old story is past the 24-hour lookback for everyone; chat 4's last digest took nothing, so all is still due.
    expect([items.get(1), items.get(2), items.get(3), items.get(4)]).toEqual([[a, b, c], [b, c], [c], [a, b, c]]);
  });

  it('queues each chat the messages composed for it and marks every chosen chat, those with nothing new too', () => {
    const db = setup();
    newsroom(db);
    for (let id = 1; id <= 120; id++) db.chat(id, LOCALES[id % 3] as string, ZONES[id % 3] as string, PROFILES[id % PROFILES.length] as Array<[string, string]>);
    db.chat(500, 'en', 'UTC', []);
    db.chat(501, 'en', 'UTC', [['KZ', 'all']]);
    const dry = db.service.run({ at: AT, force: true, dryRun: true });
    const real = db.service.run({ at: AT, force: true });
    const rows = db.handle.sqlite.prepare('SELECT chat_id AS chatId, item_key AS itemKey, article_ids AS ids FROM outbox ORDER BY id').all() as Array<{ chatId: number; itemKey: string; ids: string }>;
    const queued = new Map<number, number[]>();
    for (const r of rows) queued.set(r.chatId, [...(queued.get(r.chatId) ?? []), ...(JSON.parse(r.ids) as number[])]);
    // Messages list items under their headings, so compare what each chat gets, not the order.
    const sorted = (ids: number[] | undefined) => [...(ids ?? [])].sort((a, b) => a - b);
    for (const d of dry.digests) expect(sorted(queued.get(d.chatId)), `chat ${d.chatId}`).toEqual(sorted(itemIds(d)));
    expect(real.queuedMessages).toBe(rows.length);
    expect(queued.has(500) || queued.has(501)).toBe(false);
    const marked = db.handle.sqlite.prepare('SELECT count(*) FROM chats WHERE last_digest_at = ?').pluck().get(AT);
    expect(marked).toBe(122);
    // The next run offers nothing the first queued: only what its cap left out, up to a page.
    const next = db.service.run({ at: AT + 60_000, force: true, keepDigests: true });
    for (const d of dry.digests) {
      const later = next.digests.find((n) => n.chatId === d.chatId);
      expect(later?.items.length ?? 0, `chat ${d.chatId}`).toBe(Math.min(d.more, 10));
      for (const id of itemIds(later) ?? []) expect(itemIds(d)).not.toContain(id);
    }
  });

  it('never offers a chat a story it already has, sent or still queued, while its profile-mates get it', () => {
    const db = setup();
    const [sent, queued, fresh] = db.articles([
      { lang: 'en', region: 'EG', topic: 'security', seenHoursAgo: 2 },
      { lang: 'en', region: 'EG', topic: 'economy', seenHoursAgo: 3 },
      { lang: 'en', region: 'EG', topic: 'culture', seenHoursAgo: 4 },
    ]) as [number, number, number];
    for (let id = 1; id <= 4; id++) db.chat(id, 'en', 'UTC', [['EG', 'all']]);
    db.handle.sqlite.prepare('INSERT INTO deliveries (chat_id, article_id, cluster_id, delivered_at) VALUES (2, ?, ?, ?)').run(sent, sent, AT - HOUR);
    createOutbox(db.handle).enqueue([{ chatId: 3, itemKey: 'digest:1:0', kind: 'digest', priority: 0, text: 'x', articleIds: [queued] }]);
    const run = db.service.run({ at: AT, force: true, dryRun: true });
    const items = new Map(run.digests.map((d) => [d.chatId, new Set(itemIds(d))]));
    expect(items.get(1)).toEqual(new Set([sent, queued, fresh]));
    expect(items.get(2)).toEqual(new Set([queued, fresh]));
    expect(items.get(3)).toEqual(new Set([sent, fresh]));
    expect(items.get(4)).toEqual(new Set([sent, queued, fresh]));
  });
});
