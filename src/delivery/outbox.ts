/**
 * The durable outbox: one row per message to send, written in one transaction by whoever composes
 * and moved through pending → sending → sent | failed by the single sender. Raw prepared statements
 * (as in articles/store.ts) because the sender runs these queries tens of times a second.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { DbHandle } from '../db/client.ts';

export type OutboxKind = 'digest' | 'breaking' | 'notice';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMessage {
  chatId: number;
  /** Unique per chat, e.g. "digest:<run>:<part>": composing twice cannot queue twice. */
  itemKey: string;
  kind: OutboxKind;
  /** Higher goes first. */
  priority: number;
  /** Telegram HTML. */
  text: string;
  replyMarkup?: InlineKeyboardMarkup | null | undefined;
  /** Recorded in `deliveries` for the chat once the message is sent. */
  articleIds: number[];
}

export interface OutboxRow {
  id: number;
  chatId: number;
  itemKey: string;
  kind: OutboxKind;
  priority: number;
  text: string;
  replyMarkup: InlineKeyboardMarkup | null;
  articleIds: number[];
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  telegramMessageId: number | null;
  createdAt: number;
  sentAt: number | null;
  /** The Telegram chat it goes to (the chat itself unless an edition posts elsewhere) and the forum topic. */
  sendTo: number;
  threadId: number | null;
}

/** The next message of one chat that may go now, with what pacing needs to know about the chat. */
export interface QueueHead {
  id: number;
  chatId: number;
  /** The Telegram chat paced: the topics of one forum share their group's rate. */
  sendTo: number;
  priority: number;
  /** Groups, supergroups and channels get Telegram's 20/min limit; private chats 1/s. */
  isGroup: boolean;
  chatBlocked: boolean;
}

export interface OutboxStats {
  byStatus: Record<OutboxStatus, number>;
  byKind: Record<OutboxKind, Record<OutboxStatus, number>>;
  /** Age of the oldest pending or sending row, or null when nothing waits. */
  oldestPendingAgeMs: number | null;
}

export interface RescheduleOptions {
  at: number;
  error: string;
  /** 5xx/network failures count towards giving up; a flood wait or a migration does not. */
  countAttempt: boolean;
}

export interface Outbox {
  /**
   * All in one transaction (the caller's, when it holds one); rows already queued for (chat, itemKey)
   * are left alone. Returns rows inserted.
   */
  enqueue(messages: readonly OutboxMessage[]): number;
  /** After a crash, rows left 'sending' may or may not have reached Telegram: send them again. */
  recoverInFlight(): number;
  /** Per chat, its first pending row by (priority desc, id) when that row is due; best first. */
  heads(now: number, limit: number): QueueHead[];
  /** pending → sending, if the row is still its chat's due head; the row as it is now (chat id included). */
  claim(id: number, now: number): OutboxRow | undefined;
  /** Right after Telegram's 2xx: sent, and its articles recorded as delivered to the chat. */
  markSent(id: number, telegramMessageId: number, at: number): void;
  reschedule(id: number, options: RescheduleOptions): void;
  /** Permanent: the message will not be sent. `countAttempt` when the last straw was a failed try. */
  markFailed(id: number, error: string, countAttempt?: boolean): void;
  /** Fails every unsent row of the chat (the bot was blocked); returns how many. */
  failChat(chatId: number, error: string): number;
  /** Persists a flood wait on every pending row of the chat, so a restart honours it too. */
  deferChat(chatId: number, until: number, error: string): number;
  /** Earliest nextAttemptAt after `now` among pending rows. */
  nextDueAt(now: number): number | undefined;
  get(id: number): OutboxRow | undefined;
  pendingCount(): number;
  /** Rows whose item key starts so (one digest run's) still pending or in flight. */
  unfinished(itemKeyPrefix: string): number;
  stats(): OutboxStats;
}

interface RawRow {
  id: number;
  chat_id: number;
  item_key: string;
  kind: OutboxKind;
  priority: number;
  text: string;
  reply_markup: string | null;
  article_ids: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  telegram_message_id: number | null;
  created_at: number;
  sent_at: number | null;
  send_to: number | null;
  thread_id: number | null;
}

function toRow(raw: RawRow): OutboxRow {
  return {
    id: raw.id,
    chatId: raw.chat_id,
    itemKey: raw.item_key,
    kind: raw.kind,
    priority: raw.priority,
    text: raw.text,
    replyMarkup: raw.reply_markup === null ? null : (JSON.parse(raw.reply_markup) as InlineKeyboardMarkup),
    articleIds: JSON.parse(raw.article_ids) as number[],
    status: raw.status,
    attempts: raw.attempts,
    nextAttemptAt: raw.next_attempt_at,
    lastError: raw.last_error,
    telegramMessageId: raw.telegram_message_id,
    createdAt: raw.created_at,
    sentAt: raw.sent_at,
    sendTo: raw.send_to ?? raw.chat_id,
    threadId: raw.thread_id,
  };
}

// A row may go only when no earlier row of its chat (higher priority, or equal priority and lower id)
// is still pending or in flight: part 2 of a digest never overtakes part 1, even when part 1 is retrying.
const NO_EARLIER_ROW = `NOT EXISTS (
  SELECT 1 FROM outbox p INDEXED BY outbox_chat_item WHERE p.chat_id = o.chat_id AND p.status IN ('pending', 'sending')
    AND (p.priority > o.priority OR (p.priority = o.priority AND p.id < o.id)))`;

const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];
const KINDS: readonly OutboxKind[] = ['digest', 'breaking', 'notice'];
const zeroByStatus = (): Record<OutboxStatus, number> => ({ pending: 0, sending: 0, sent: 0, failed: 0 });

export function createOutbox(handle: DbHandle, options: { now?: () => number } = {}): Outbox {
  const { sqlite } = handle;
  const now = options.now ?? Date.now;

  // Where a row goes is fixed when it is queued: an edition's group or channel and its forum topic.
  const insert = sqlite.prepare(`INSERT INTO outbox
      (chat_id, item_key, kind, priority, text, reply_markup, article_ids, status, attempts, next_attempt_at, created_at, send_to, thread_id)
    SELECT v.cid, ?, ?, ?, ?, ?, ?, 'pending', 0, 0, ?,
      (SELECT coalesce(c.telegram_id, c.id) FROM chats c WHERE c.id = v.cid), (SELECT c.thread_id FROM chats c WHERE c.id = v.cid)
    FROM (SELECT ? AS cid) v WHERE true
    ON CONFLICT (chat_id, item_key) DO NOTHING`);
  const insertAll = (messages: readonly OutboxMessage[], at: number) => {
    let inserted = 0;
    for (const m of messages) {
      const markup = m.replyMarkup ? JSON.stringify(m.replyMarkup) : null;
      inserted += insert.run(m.itemKey, m.kind, m.priority, m.text, markup, JSON.stringify(m.articleIds), at, m.chatId).changes;
    }
    return inserted;
  };
  const enqueueAll = sqlite.transaction(insertAll);

  const recover = sqlite.prepare(`UPDATE outbox SET status = 'pending' WHERE status = 'sending'`);
  // Walking the (status, priority, next_attempt_at) index one priority at a time keeps each step an index range scan.
  const nextPriority = sqlite
    .prepare(`SELECT priority FROM outbox WHERE status = 'pending' AND priority < ? ORDER BY priority DESC LIMIT 1`)
    .pluck();
  const headsAt = sqlite.prepare(`SELECT o.id, o.chat_id AS chatId, coalesce(o.send_to, o.chat_id) AS sendTo, o.priority, c.type AS chatType, c.status AS chatStatus
    FROM outbox o INDEXED BY outbox_queue CROSS JOIN chats c ON c.id = o.chat_id
    WHERE o.status = 'pending' AND o.priority = ? AND o.next_attempt_at <= ? AND ${NO_EARLIER_ROW}
    ORDER BY o.next_attempt_at, o.id LIMIT ?`);
  const claimRow = sqlite.prepare(`UPDATE outbox AS o SET status = 'sending'
    WHERE o.id = ? AND o.status = 'pending' AND o.next_attempt_at <= ? AND ${NO_EARLIER_ROW}
    RETURNING *`);
  const setSent = sqlite.prepare(
    `UPDATE outbox SET status = 'sent', telegram_message_id = ?, sent_at = ? WHERE id = ? AND status IN ('sending', 'pending')`,
  );
  // clusterId comes from the article now, so the digest composer can skip the whole story later.
  // The version's language too: what the chat read, for its figures and for telling versions apart later.
  const recordDeliveries = sqlite.prepare(`INSERT OR IGNORE INTO deliveries (chat_id, article_id, cluster_id, outbox_id, lang, delivered_at)
    SELECT o.chat_id, a.id, COALESCE(a.cluster_id, a.id), o.id, a.lang, ?
    FROM outbox o CROSS JOIN json_each(o.article_ids) j JOIN articles a ON a.id = j.value
    WHERE o.id = ?`);
  const markSentTx = sqlite.transaction((id: number, messageId: number, at: number) => {
    setSent.run(messageId, at, id);
    recordDeliveries.run(at, id);
  });
  const setRetry = sqlite.prepare(`UPDATE outbox SET status = 'pending', attempts = attempts + ?, next_attempt_at = ?, last_error = ?
    WHERE id = ? AND status IN ('sending', 'pending')`);
  const setFailed = sqlite.prepare(
    `UPDATE outbox SET status = 'failed', attempts = attempts + ?, last_error = ? WHERE id = ? AND status IN ('sending', 'pending')`,
  );
  const failChatRows = sqlite.prepare(
    `UPDATE outbox SET status = 'failed', last_error = ? WHERE chat_id = ? AND status IN ('sending', 'pending')`,
  );
  const deferChatRows = sqlite.prepare(`UPDATE outbox SET next_attempt_at = MAX(next_attempt_at, ?), last_error = ?
    WHERE chat_id = ? AND status = 'pending'`);
  const nextDue = sqlite.prepare(`SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending' AND next_attempt_at > ?`).pluck();
  const getRow = sqlite.prepare(`SELECT * FROM outbox WHERE id = ?`);
  const countPending = sqlite.prepare(`SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')`).pluck();
  const countUnfinished = sqlite.prepare(`SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending') AND substr(item_key, 1, length(@prefix)) = @prefix`).pluck();
  const countBy = sqlite.prepare(`SELECT kind, status, COUNT(*) AS n FROM outbox GROUP BY kind, status`);
  const oldest = sqlite.prepare(`SELECT MIN(created_at) FROM outbox WHERE status IN ('pending', 'sending')`).pluck();

  return {
    // Inside a caller's transaction a savepoint per call would only add work: a digest run enqueues
    // dozens of times per transaction, and each savepoint journals the pages it touches again.
    enqueue: (messages) => (messages.length === 0 ? 0 : sqlite.inTransaction ? insertAll(messages, now()) : enqueueAll(messages, now())),
    recoverInFlight: () => recover.run().changes,
    heads(at, limit) {
      const out: QueueHead[] = [];
      let below = Number.MAX_SAFE_INTEGER;
      while (out.length < limit) {
        const priority = nextPriority.get(below) as number | undefined;
        if (priority === undefined) break;
        const rows = headsAt.all(priority, at, limit - out.length) as Array<{
          id: number; chatId: number; sendTo: number; priority: number; chatType: string; chatStatus: string;
        }>;
        for (const r of rows) {
          out.push({
            id: r.id,
            chatId: r.chatId,
            sendTo: r.sendTo,
            priority: r.priority,
            isGroup: r.sendTo < 0 || r.chatType !== 'private',
            chatBlocked: r.chatStatus === 'blocked' || r.chatStatus === 'suspended',
          });
        }
        below = priority;
      }
      return out;
    },
    claim(id, at) {
      const raw = claimRow.get(id, at) as RawRow | undefined;
      return raw && toRow(raw);
    },
    markSent: (id, messageId, at) => markSentTx(id, messageId, at),
    reschedule(id, { at, error, countAttempt }) {
      setRetry.run(countAttempt ? 1 : 0, at, error, id);
    },
    markFailed(id, error, countAttempt = false) {
      setFailed.run(countAttempt ? 1 : 0, error, id);
    },
    failChat: (chatId, error) => failChatRows.run(error, chatId).changes,
    deferChat: (chatId, until, error) => deferChatRows.run(until, error, chatId).changes,
    nextDueAt: (at) => (nextDue.get(at) as number | null) ?? undefined,
    get(id) {
      const raw = getRow.get(id) as RawRow | undefined;
      return raw && toRow(raw);
    },
    pendingCount: () => countPending.get() as number,
    unfinished: (prefix) => countUnfinished.get({ prefix }) as number,
    stats() {
      const byStatus = zeroByStatus();
      const byKind = Object.fromEntries(KINDS.map((k) => [k, zeroByStatus()])) as Record<OutboxKind, Record<OutboxStatus, number>>;
      for (const r of countBy.all() as Array<{ kind: OutboxKind; status: OutboxStatus; n: number }>) {
        if (!STATUSES.includes(r.status) || !KINDS.includes(r.kind)) continue;
        byStatus[r.status] += r.n;
        byKind[r.kind][r.status] += r.n;
      }
      const oldestAt = oldest.get() as number | null;
      return { byStatus, byKind, oldestPendingAgeMs: oldestAt === null ? null : Math.max(0, now() - oldestAt) };
    },
  };
}
