/** The numbers behind /stats, each one aggregate query; formatting is the bot's job. */
import { DateTime } from 'luxon';
import type { Locale } from '../config.ts';
import type { DbHandle } from '../db/client.ts';
import type { OutboxStats } from '../delivery/outbox.ts';
import type { ChatService } from '../subscriptions/chats.ts';

export const TOP_N = 10;
const FAILING_SHOWN = 10;

export interface Count {
  id: string;
  count: number;
}

export interface ChatCounts {
  active: number;
  paused: number;
  blocked: number;
}

export interface DigestRunStats {
  at: number;
  chats: number;
  sent: number;
  failed: number;
  blocked: number;
  pending: number;
}

export interface DeskStats {
  chatsByLocale: Array<{ locale: Locale } & ChatCounts>;
  chatTotals: ChatCounts;
  subscriptions: number;
  topRegions: Count[];
  topTopics: Count[];
  articlesToday: Count[];
  articlesTodayTotal: number;
  lastDigest: DigestRunStats | undefined;
  outbox: OutboxStats;
  /** Messages marked sent in the last minute. */
  sentLastMinute: number;
  failingSources: Array<{ id: number; name: string | null; url: string; lastError: string | null; failures: number }>;
}

export interface StatsService {
  /** `timeZone` decides where "today" starts: the admin's own day. */
  collect(options: { timeZone: string }): DeskStats;
}

const LOCALES: readonly Locale[] = ['ar', 'ru', 'en'];

function startOfDay(at: number, timeZone: string): number {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromMillis(at, { zone: 'UTC' })).startOf('day').toMillis();
}

export function createStatsService(deps: { handle: DbHandle; chats: ChatService; outbox: { stats(): OutboxStats }; now: () => number }): StatsService {
  const { sqlite } = deps.handle;
  const chatGroups = sqlite.prepare('SELECT locale, telegram_locale AS telegramLocale, status, count(*) AS n FROM chats GROUP BY 1, 2, 3');
  const subscriptionCount = sqlite.prepare('SELECT count(*) FROM subscriptions').pluck();
  const topRegions = sqlite.prepare('SELECT region AS id, count(*) AS count FROM subscriptions GROUP BY region ORDER BY count DESC, id LIMIT ?');
  const topTopics = sqlite.prepare('SELECT topic AS id, count(*) AS count FROM subscriptions GROUP BY topic ORDER BY count DESC, id LIMIT ?');
  const articlesSince = sqlite.prepare('SELECT lang AS id, count(*) AS count FROM articles WHERE first_seen_at >= ? GROUP BY lang ORDER BY count DESC, id');
  // Digest rows are keyed "digest:<run instant>:<part>": the newest row names the latest run.
  const latestDigestKey = sqlite.prepare("SELECT item_key FROM outbox WHERE kind = 'digest' ORDER BY id DESC LIMIT 1").pluck();
  const digestRun = sqlite.prepare(`SELECT o.status, c.status AS chatStatus, count(*) AS n
    FROM outbox o JOIN chats c ON c.id = o.chat_id
    WHERE o.kind = 'digest' AND substr(o.item_key, 1, ?) = ? GROUP BY 1, 2`);
  const digestRunChats = sqlite
    .prepare("SELECT count(DISTINCT chat_id) FROM outbox WHERE kind = 'digest' AND substr(item_key, 1, ?) = ?")
    .pluck();
  const sentSince = sqlite.prepare("SELECT count(*) FROM outbox WHERE status = 'sent' AND sent_at >= ?").pluck();
  const failing = sqlite.prepare(`SELECT id, name, url, last_error AS lastError, consecutive_failures AS failures
    FROM sources WHERE status = 'failing' ORDER BY consecutive_failures DESC, id LIMIT ?`);

  function lastDigest(): DigestRunStats | undefined {
    const key = latestDigestKey.get() as string | undefined;
    const at = key ? Number(key.split(':')[1]) : NaN;
    if (!key || !Number.isFinite(at)) return undefined;
    const prefix = `digest:${at}:`;
    const run: DigestRunStats = { at, chats: digestRunChats.get(prefix.length, prefix) as number, sent: 0, failed: 0, blocked: 0, pending: 0 };
    for (const r of digestRun.all(prefix.length, prefix) as Array<{ status: string; chatStatus: string; n: number }>) {
      if (r.status === 'sent') run.sent += r.n;
      else if (r.status === 'failed' && r.chatStatus === 'blocked') run.blocked += r.n;
      else if (r.status === 'failed') run.failed += r.n;
      else run.pending += r.n;
    }
    return run;
  }

  return {
    collect({ timeZone }) {
      const now = deps.now();
      const byLocale = new Map<Locale, ChatCounts>(LOCALES.map((l) => [l, { active: 0, paused: 0, blocked: 0 }]));
      const totals: ChatCounts = { active: 0, paused: 0, blocked: 0 };
      for (const r of chatGroups.all() as Array<{ locale: Locale | null; telegramLocale: string | null; status: keyof ChatCounts; n: number }>) {
        const counts = byLocale.get(deps.chats.localeOf(r)) ?? { active: 0, paused: 0, blocked: 0 };
        counts[r.status] += r.n;
        totals[r.status] += r.n;
      }
      const articlesToday = articlesSince.all(startOfDay(now, timeZone)) as Count[];
      return {
        chatsByLocale: LOCALES.map((locale) => ({ locale, ...(byLocale.get(locale) as ChatCounts) })),
        chatTotals: totals,
        subscriptions: subscriptionCount.get() as number,
        topRegions: topRegions.all(TOP_N) as Count[],
        topTopics: topTopics.all(TOP_N) as Count[],
        articlesToday,
        articlesTodayTotal: articlesToday.reduce((n, c) => n + c.count, 0),
        lastDigest: lastDigest(),
        outbox: deps.outbox.stats(),
        sentLastMinute: sentSince.get(now - 60_000) as number,
        failingSources: failing.all(FAILING_SHOWN) as DeskStats['failingSources'],
      };
    },
  };
}
