import type { DbHandle } from '../db/client.ts';
import type { ChatRecord } from '../subscriptions/chats.ts';
import type { Subscription } from '../subscriptions/subscriptions.ts';
import type { CandidateArticle, Scored } from './compose.ts';

/** What a digest run needs to know about a chat: its schedule (who is due) and its language. */
export type DigestChat = Pick<
  ChatRecord,
  | 'id' | 'locale' | 'telegramLocale' | 'timeZone' | 'digestTime' | 'frequency' | 'weeklyDay' | 'quietStart' | 'quietEnd' | 'status'
  | 'lastDigestAt' | 'createdAt' | 'readingLangs' | 'otherLangs' | 'type' | 'digits'
>;

/**
 * `subscriptions` and `mutes` are signatures: equal for chats with the same subscriptions (mutes)
 * in the same order, so the many chats that share one are told apart by a string compare.
 */
export type ChatWithSubscriptions = DigestChat & { subscriptions: string; mutes: string };

type D = DigestChat;
type ChatRow = [D['id'], D['locale'], D['telegramLocale'], D['timeZone'], D['digestTime'], D['frequency'], D['weeklyDay'],
  D['quietStart'], D['quietEnd'], D['status'], D['lastDigestAt'], D['createdAt'], D['readingLangs'], D['otherLangs'], string, string,
  D['type'], D['digits']];

/** The window's articles, and earlier versions of their stories (see indexCandidates). */
export interface Candidates {
  articles: CandidateArticle[];
  history: CandidateArticle[];
}

/** A chat's mutes from the signature chatsWithSubscriptions() reads: [kind, value] pairs. */
export function parseMutes(signature: string): { topics: Set<string>; sources: Set<string> } {
  const topics = new Set<string>();
  const sources = new Set<string>();
  for (const [kind, value] of JSON.parse(signature) as Array<[string, string]>) (kind === 'topic' ? topics : sources).add(value);
  return { topics, sources };
}

const parseList = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

/** A chat's subscriptions from the signature chatsWithSubscriptions() reads. */
export function parseSubscriptions(signature: string): Subscription[] {
  const rows = JSON.parse(signature) as Array<[string, string, string | null, string | null]>;
  return rows.map(([region, topic, inc, exc]) => ({ region, topic, include: parseList(inc), exclude: parseList(exc) }));
}

type ArticleRow = Omit<CandidateArticle, 'summary' | 'regions' | 'topics' | 'isBreaking' | 'clusterId'> & {
  clusterId: number | null;
  summary: string;
  isBreaking: number;
};
type ScoreRow = { articleId: number; id: string; score: number };

const ARTICLE_COLUMNS = `id, cluster_id AS clusterId, lang, title, url, source_name AS sourceName, published_at AS publishedAt,
  first_seen_at AS firstSeenAt, summary, is_breaking AS isBreaking`;

function groupScores(rows: readonly ScoreRow[]): Map<number, Scored[]> {
  const map = new Map<number, Scored[]>();
  for (const r of rows) {
    const list = map.get(r.articleId);
    if (list) list.push({ id: r.id, score: r.score });
    else map.set(r.articleId, [{ id: r.id, score: r.score }]);
  }
  for (const list of map.values()) list.sort((a, b) => b.score - a.score);
  return map;
}

function toArticles(rows: readonly ArticleRow[], regionRows: readonly ScoreRow[], topicRows: readonly ScoreRow[]): CandidateArticle[] {
  const regions = groupScores(regionRows);
  const topics = groupScores(topicRows);
  return rows.map((r) => ({
    ...r,
    clusterId: r.clusterId ?? r.id,
    summary: JSON.parse(r.summary) as string[],
    isBreaking: r.isBreaking === 1,
    regions: regions.get(r.id) ?? [],
    topics: topics.get(r.id) ?? [],
  }));
}

/** The reads a digest run needs, a few queries a run (or a batch of chats) rather than some per chat. */
export function createDigestRepository(handle: DbHandle) {
  const { sqlite } = handle;

  // Rows come as arrays and become objects here: better-sqlite3 builds keyed rows about half as fast,
  // which shows on 100k chats. The subscriptions in the order they were made: ranking gives ties to the earlier one.
  const chatColumns = `c.id, c.locale, c.telegram_locale, c.time_zone, c.digest_time, c.frequency, c.weekly_day, c.quiet_start,
    c.quiet_end, c.status, c.last_digest_at, c.created_at, c.reading_langs, c.other_langs,
    (SELECT json_group_array(json_array(s.region, s.topic, s.include_keywords, s.exclude_keywords) ORDER BY s.id)
     FROM subscriptions s WHERE s.chat_id = coalesce(c.subscriptions_of, c.id)),
    (SELECT json_group_array(json_array(m.kind, m.value) ORDER BY m.kind, m.value) FROM chat_mutes m WHERE m.chat_id = c.id),
    c.type, c.digits`;
  const chatRows = sqlite.prepare(`SELECT ${chatColumns} FROM chats c WHERE c.status = 'active' ORDER BY c.id`).raw(true);
  const chosenChatRows = sqlite
    .prepare(`SELECT ${chatColumns} FROM chats c WHERE c.status = 'active' AND c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`)
    .raw(true);
  const toChat = (r: ChatRow): ChatWithSubscriptions => ({
    id: r[0], locale: r[1], telegramLocale: r[2], timeZone: r[3], digestTime: r[4], frequency: r[5], weeklyDay: r[6],
    quietStart: r[7], quietEnd: r[8], status: r[9], lastDigestAt: r[10], createdAt: r[11], readingLangs: r[12], otherLangs: r[13],
    subscriptions: r[14], mutes: r[15], type: r[16], digits: r[17],
  });
  // A list per chat rather than a row per story: a batch of chats may have hundreds of thousands.
  const deliveredRows = sqlite
    .prepare(`SELECT chat_id, json_group_array(cluster_id), json_group_array(delivered_at) FROM deliveries
      WHERE chat_id IN (SELECT value FROM json_each(?)) AND cluster_id >= ? GROUP BY chat_id`)
    .raw(true);
  const queuedRows = sqlite
    .prepare(`SELECT o.chat_id, json_group_array(coalesce(a.cluster_id, a.id))
      FROM outbox o INDEXED BY outbox_chat_item CROSS JOIN json_each(o.article_ids) j JOIN articles a ON a.id = j.value
      WHERE o.chat_id IN (SELECT value FROM json_each(?)) AND o.status IN ('pending', 'sending') GROUP BY o.chat_id`)
    .raw(true);
  // One statement for a whole batch: SQLite walks the ids in order, a page at a time.
  const markChats = sqlite.prepare('UPDATE chats SET last_digest_at = ? WHERE id IN (SELECT value FROM json_each(?))');
  const queuedItem = sqlite.prepare('SELECT 1 FROM outbox WHERE chat_id = ? AND item_key = ?').pluck();
  const readState = sqlite.prepare('SELECT value FROM app_state WHERE key = ?').pluck();
  const keepState = sqlite.prepare('INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');

  return {
    /**
     * Articles first seen in [since, until], with their regions and topics, and the earlier versions
     * of their stories: a later page of a digest keeps to what its first page knew.
     */
    candidates(since: number, until = Number.MAX_SAFE_INTEGER): Candidates {
      const rows = sqlite.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE first_seen_at >= ? AND first_seen_at <= ? ORDER BY id`).all(since, until) as ArticleRow[];
      if (rows.length === 0) return { articles: [], history: [] };
      const minId = rows[0]?.id ?? 0;
      const articles = toArticles(
        rows,
        sqlite.prepare('SELECT article_id AS articleId, region AS id, score FROM article_regions WHERE article_id >= ?').all(minId) as ScoreRow[],
        sqlite.prepare('SELECT article_id AS articleId, topic AS id, score FROM article_topics WHERE article_id >= ?').all(minId) as ScoreRow[],
      );
      const clusters = JSON.stringify([...new Set(articles.map((a) => a.clusterId))]);
      const older = sqlite
        .prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE cluster_id IN (SELECT value FROM json_each(?)) AND first_seen_at < ? ORDER BY id`)
        .all(clusters, since) as ArticleRow[];
      if (older.length === 0) return { articles, history: [] };
      const ids = JSON.stringify(older.map((r) => r.id));
      const history = toArticles(
        older,
        sqlite.prepare('SELECT article_id AS articleId, region AS id, score FROM article_regions WHERE article_id IN (SELECT value FROM json_each(?))').all(ids) as ScoreRow[],
        sqlite.prepare('SELECT article_id AS articleId, topic AS id, score FROM article_topics WHERE article_id IN (SELECT value FROM json_each(?))').all(ids) as ScoreRow[],
      );
      return { articles, history };
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
    deliveredClusters(chatIds: readonly number[], clusterIds: ReadonlySet<number>): Map<number, Map<number, number>> {
      const map = new Map<number, Map<number, number>>();
      if (chatIds.length === 0 || clusterIds.size === 0) return map;
      let minCluster = Infinity;
      for (const id of clusterIds) if (id < minCluster) minCluster = id;
      const ids = JSON.stringify(chatIds);
      const add = (chatId: number, clusterId: number, at: number) => {
        if (!clusterIds.has(clusterId)) return;
        let stories = map.get(chatId);
        if (!stories) map.set(chatId, (stories = new Map()));
        // The latest send counts; a row still queued (Infinity) beats any.
        if (!(at <= (stories.get(clusterId) ?? -Infinity))) stories.set(clusterId, at);
      };
      for (const [chatId, list, times] of deliveredRows.iterate(ids, minCluster) as Iterable<[number, string, string]>) {
        const clusters = JSON.parse(list) as number[];
        const at = JSON.parse(times) as number[];
        clusters.forEach((c, i) => add(chatId, c, at[i] as number));
      }
      for (const [chatId, list] of queuedRows.iterate(ids) as Iterable<[number, string]>) {
        for (const c of JSON.parse(list) as number[]) add(chatId, c, Infinity);
      }
      return map;
    },

    /** Whether the outbox holds (or held) the message queued under this key, sent or not. */
    hasQueued: (chatId: number, itemKey: string): boolean => queuedItem.get(chatId, itemKey) !== undefined,

    /** A value kept in app_state, made by `create` the first time; two processes racing keep the first. */
    secret(key: string, create: () => string): string {
      const known = readState.get(key) as string | undefined;
      if (known !== undefined) return known;
      keepState.run(key, create());
      return readState.get(key) as string;
    },

    markDigested(chatIds: readonly number[], at: number): void {
      if (chatIds.length > 0) markChats.run(at, JSON.stringify(chatIds));
    },
  };
}

export type DigestRepository = ReturnType<typeof createDigestRepository>;
