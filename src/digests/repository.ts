import type { DbHandle } from '../db/client.ts';
import type { ChatRecord } from '../subscriptions/chats.ts';
import type { Subscription } from '../subscriptions/subscriptions.ts';
import type { CandidateArticle, Scored } from './compose.ts';

/** What a digest run needs to know about a chat: its schedule (who is due) and its language. */
export type DigestChat = Pick<
  ChatRecord,
  'id' | 'locale' | 'telegramLocale' | 'timeZone' | 'digestTime' | 'frequency' | 'weeklyDay' | 'quietStart' | 'quietEnd' | 'status' | 'lastDigestAt' | 'createdAt'
>;

/** `subscriptions` is a signature: equal for chats with the same subscriptions in the same order. */
export type ChatWithSubscriptions = DigestChat & { subscriptions: string };

type D = DigestChat;
type ChatRow = [D['id'], D['locale'], D['telegramLocale'], D['timeZone'], D['digestTime'], D['frequency'], D['weeklyDay'],
  D['quietStart'], D['quietEnd'], D['status'], D['lastDigestAt'], D['createdAt'], string];

const parseList = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

/** A chat's subscriptions from the signature chatsWithSubscriptions() reads. */
export function parseSubscriptions(signature: string): Subscription[] {
  const rows = JSON.parse(signature) as Array<[string, string, string | null, string | null]>;
  return rows.map(([region, topic, inc, exc]) => ({ region, topic, include: parseList(inc), exclude: parseList(exc) }));
}

/** The reads a digest run needs, a few queries a run (or a batch of chats) rather than some per chat. */
export function createDigestRepository(handle: DbHandle) {
  const { sqlite } = handle;

  const groupScores = (rows: Array<{ articleId: number; id: string; score: number }>) => {
    const map = new Map<number, Scored[]>();
    for (const r of rows) {
      const list = map.get(r.articleId);
      if (list) list.push({ id: r.id, score: r.score });
      else map.set(r.articleId, [{ id: r.id, score: r.score }]);
    }
    for (const list of map.values()) list.sort((a, b) => b.score - a.score);
    return map;
  };

  // Rows come as arrays and become objects here: better-sqlite3 builds keyed rows about half as fast,
  // which shows on 100k chats. The subscriptions in the order they were made: ranking gives ties to the earlier one.
  const chatColumns = `c.id, c.locale, c.telegram_locale, c.time_zone, c.digest_time, c.frequency, c.weekly_day, c.quiet_start,
    c.quiet_end, c.status, c.last_digest_at, c.created_at,
    (SELECT json_group_array(json_array(s.region, s.topic, s.include_keywords, s.exclude_keywords) ORDER BY s.id)
     FROM subscriptions s WHERE s.chat_id = c.id)`;
  const chatRows = sqlite.prepare(`SELECT ${chatColumns} FROM chats c WHERE c.status = 'active' ORDER BY c.id`).raw(true);
  const chosenChatRows = sqlite
    .prepare(`SELECT ${chatColumns} FROM chats c WHERE c.status = 'active' AND c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`)
    .raw(true);
  const toChat = (r: ChatRow): ChatWithSubscriptions => ({
    id: r[0], locale: r[1], telegramLocale: r[2], timeZone: r[3], digestTime: r[4], frequency: r[5], weeklyDay: r[6],
    quietStart: r[7], quietEnd: r[8], status: r[9], lastDigestAt: r[10], createdAt: r[11], subscriptions: r[12],
  });
  // A list per chat rather than a row per story: a batch of chats may have hundreds of thousands.
  const deliveredRows = sqlite
    .prepare(`SELECT chat_id, json_group_array(cluster_id) FROM deliveries
      WHERE chat_id IN (SELECT value FROM json_each(?)) AND cluster_id >= ? GROUP BY chat_id`)
    .raw(true);
  const queuedRows = sqlite
    .prepare(`SELECT o.chat_id, json_group_array(coalesce(a.cluster_id, a.id))
      FROM outbox o INDEXED BY outbox_chat_item CROSS JOIN json_each(o.article_ids) j JOIN articles a ON a.id = j.value
      WHERE o.chat_id IN (SELECT value FROM json_each(?)) AND o.status IN ('pending', 'sending') GROUP BY o.chat_id`)
    .raw(true);
  // One statement for a whole batch: SQLite walks the ids in order, a page at a time.
  const markChats = sqlite.prepare('UPDATE chats SET last_digest_at = ? WHERE id IN (SELECT value FROM json_each(?))');

  return {
    /** Articles first seen since `since`, with their regions and topics. */
    candidates(since: number): CandidateArticle[] {
      const rows = sqlite
        .prepare(
          `SELECT id, cluster_id AS clusterId, lang, title, url, source_name AS sourceName, published_at AS publishedAt,
                  first_seen_at AS firstSeenAt, summary, is_breaking AS isBreaking
           FROM articles WHERE first_seen_at >= ? ORDER BY id`,
        )
        .all(since) as Array<Omit<CandidateArticle, 'summary' | 'regions' | 'topics' | 'isBreaking'> & { summary: string; isBreaking: number }>;
      if (rows.length === 0) return [];
      const minId = rows[0]?.id ?? 0;
      const regions = groupScores(
        sqlite.prepare('SELECT article_id AS articleId, region AS id, score FROM article_regions WHERE article_id >= ?').all(minId) as never,
      );
      const topics = groupScores(
        sqlite.prepare('SELECT article_id AS articleId, topic AS id, score FROM article_topics WHERE article_id >= ?').all(minId) as never,
      );
      return rows.map((r) => ({
        ...r,
        clusterId: r.clusterId ?? r.id,
        summary: JSON.parse(r.summary) as string[],
        isBreaking: r.isBreaking === 1,
        regions: regions.get(r.id) ?? [],
        topics: topics.get(r.id) ?? [],
      }));
    },

    /**
     * Active chats by id, each with its subscriptions as a signature (see parseSubscriptions), read
     * through a cursor: a run over every chat holds one row at a time, and the many chats that share
     * a signature are told apart by a string compare instead of parsing.
     */
    *chatsWithSubscriptions(ids?: readonly number[]): Generator<ChatWithSubscriptions> {
      const rows = (ids ? chosenChatRows.iterate(JSON.stringify(ids)) : chatRows.iterate()) as Iterable<ChatRow>;
      for (const row of rows) yield toChat(row);
    },

    /**
     * Stories these chats already have, sent or still queued, among `clusterIds`: a story is never
     * offered twice. Asked per batch of chats, so only a batch's sets are ever held.
     */
    deliveredClusters(chatIds: readonly number[], clusterIds: ReadonlySet<number>): Map<number, Set<number>> {
      const map = new Map<number, Set<number>>();
      if (chatIds.length === 0 || clusterIds.size === 0) return map;
      let minCluster = Infinity;
      for (const id of clusterIds) if (id < minCluster) minCluster = id;
      const ids = JSON.stringify(chatIds);
      const add = ([chatId, list]: [number, string]) => {
        for (const clusterId of JSON.parse(list) as number[]) {
          if (!clusterIds.has(clusterId)) continue;
          const set = map.get(chatId);
          if (set) set.add(clusterId);
          else map.set(chatId, new Set([clusterId]));
        }
      };
      for (const r of deliveredRows.iterate(ids, minCluster) as Iterable<[number, string]>) add(r);
      for (const r of queuedRows.iterate(ids) as Iterable<[number, string]>) add(r);
      return map;
    },

    markDigested(chatIds: readonly number[], at: number): void {
      if (chatIds.length > 0) markChats.run(at, JSON.stringify(chatIds));
    },
  };
}

export type DigestRepository = ReturnType<typeof createDigestRepository>;
