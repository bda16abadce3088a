import type { DbHandle } from '../db/client.ts';
import type { ChatRecord } from '../subscriptions/chats.ts';
import type { Subscription } from '../subscriptions/subscriptions.ts';
import type { CandidateArticle, Scored } from './compose.ts';

/** The reads a digest run needs, each one query for the whole run rather than one per chat. */
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

    activeChats(ids?: readonly number[]): ChatRecord[] {
      const rows = sqlite
        .prepare(
          `SELECT id, type, title, locale, telegram_locale AS telegramLocale, time_zone AS timeZone, digest_time AS digestTime,
                  frequency, weekly_day AS weeklyDay, quiet_start AS quietStart, quiet_end AS quietEnd, status,
                  last_digest_at AS lastDigestAt, created_at AS createdAt, updated_at AS updatedAt
           FROM chats WHERE status = 'active'`,
        )
        .all() as ChatRecord[];
      if (!ids) return rows;
      const wanted = new Set(ids);
      return rows.filter((r) => wanted.has(r.id));
    },

    subscriptionsByChat(): Map<number, Subscription[]> {
      const map = new Map<number, Subscription[]>();
      const rows = sqlite
        .prepare('SELECT chat_id AS chatId, region, topic, include_keywords AS inc, exclude_keywords AS exc FROM subscriptions ORDER BY id')
        .all() as Array<{ chatId: number; region: string; topic: string; inc: string | null; exc: string | null }>;
      for (const r of rows) {
        const sub: Subscription = {
          region: r.region,
          topic: r.topic,
          include: r.inc ? (JSON.parse(r.inc) as string[]) : [],
          exclude: r.exc ? (JSON.parse(r.exc) as string[]) : [],
        };
        const list = map.get(r.chatId);
        if (list) list.push(sub);
        else map.set(r.chatId, [sub]);
      }
      return map;
    },

    /** Stories each chat already has, sent or still queued: a story is never offered twice. */
    deliveredClusters(clusterIds: ReadonlySet<number>): Map<number, Set<number>> {
      const map = new Map<number, Set<number>>();
      const add = (chatId: number, clusterId: number) => {
        if (!clusterIds.has(clusterId)) return;
        const set = map.get(chatId);
        if (set) set.add(clusterId);
        else map.set(chatId, new Set([clusterId]));
      };
      const minCluster = Math.min(...clusterIds);
      for (const r of sqlite
        .prepare('SELECT chat_id AS chatId, cluster_id AS clusterId FROM deliveries WHERE cluster_id >= ?')
        .iterate(Number.isFinite(minCluster) ? minCluster : 0) as Iterable<{ chatId: number; clusterId: number }>) {
        add(r.chatId, r.clusterId);
      }
      const clusterOf = new Map<number, number>();
      for (const r of sqlite
        .prepare("SELECT chat_id AS chatId, article_ids AS ids FROM outbox WHERE status IN ('pending', 'sending')")
        .iterate() as Iterable<{ chatId: number; ids: string }>) {
        for (const articleId of JSON.parse(r.ids) as number[]) {
          let cluster = clusterOf.get(articleId);
          if (cluster === undefined) {
            cluster = (sqlite.prepare('SELECT coalesce(cluster_id, id) FROM articles WHERE id = ?').pluck().get(articleId) as number | undefined) ?? -1;
            clusterOf.set(articleId, cluster);
          }
          add(r.chatId, cluster);
        }
      }
      return map;
    },

    markDigested(chatIds: readonly number[], at: number): void {
      const update = sqlite.prepare('UPDATE chats SET last_digest_at = ? WHERE id = ?');
      for (const id of chatIds) update.run(at, id);
    },
  };
}

export type DigestRepository = ReturnType<typeof createDigestRepository>;
