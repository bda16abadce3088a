import type { Config, Locale } from '../config.ts';
import type { DbHandle } from '../db/client.ts';
import type { I18n } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ChatRecord, ChatService } from '../subscriptions/chats.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import { composeForChat, createRanker, indexCandidates, profileKey, type ComposedItem, type RankedProfile } from './compose.ts';
import { dueChats } from './due.ts';
import { formatDigest, type DigestMessage, type Html } from './format.ts';
import { createDigestRepository } from './repository.ts';

/** Items per digest; the rest are counted in a "+N more" line. */
export const MAX_DIGEST_ITEMS = 10;
export const DIGEST_PRIORITY = 0;
/** Chats written per transaction: short transactions keep the sender and the bot responsive meanwhile. */
const WRITE_BATCH = 2_000;
const ITEM_CACHE_LIMIT = 20_000;

export interface OutboxWriter {
  enqueue(messages: Array<{ chatId: number; itemKey: string; kind: 'digest'; priority: number; text: string; articleIds: number[] }>): number;
}

export interface DigestRunOptions {
  at: number;
  /** Limit the run to these chats. */
  chatIds?: readonly number[];
  /** Ignore schedules: every chosen active chat gets what is new for it (`/digest`, `digest --now`). */
  force?: boolean;
  /** Compose and report, write nothing. */
  dryRun?: boolean;
  /** Keep every chat's digest in the result even on a run over all chats (tests). */
  keepDigests?: boolean;
}

export interface ChatDigest {
  chatId: number;
  items: ComposedItem[];
  more: number;
  /** The texts themselves go to the outbox as the run goes; keeping 100k of them would cost hundreds of MB. */
  messageCount: number;
}

export interface DigestRunResult {
  at: number;
  considered: number;
  /** Per chat, for dry runs and runs over chosen chats (or when asked): what each digest holds. */
  digests: ChatDigest[];
  /** Chats that got a digest, counted when `digests` is not kept. */
  digestsComposed: number;
  queuedMessages: number;
}

export function createDigestService(deps: {
  handle: DbHandle;
  config: Config;
  taxonomy: Taxonomy;
  i18n: I18n;
  chats: ChatService;
  outbox: OutboxWriter;
  logger?: Logger;
}) {
  const { handle, config, taxonomy, i18n, chats } = deps;
  const repository = createDigestRepository(handle);
  const lookbackMs = config.digestLookbackHours * 3_600_000;

  const groupName = (locale: Locale) => (id: string) =>
    taxonomy.isRegion(id) ? taxonomy.regionName(id, locale) : taxonomy.isTopic(id) ? taxonomy.topicName(id, locale) : i18n.t(locale, 'common.all_topics');

  function selectChats(options: DigestRunOptions): ChatRecord[] {
    const active = repository.activeChats(options.chatIds);
    return options.force ? active : dueChats(active, options.at);
  }

  return {
    /** Composes for every chat that is due (or every chosen chat when forced) and queues the messages in one transaction. */
    run(options: DigestRunOptions): DigestRunResult {
      const { at } = options;
      const chosen = selectChats(options);
      const result: DigestRunResult = { at, considered: chosen.length, digests: [], digestsComposed: 0, queuedMessages: 0 };
      // A scheduled run over every chat only reports counts; keeping each chat's items would cost memory for nothing.
      const keepDigests = options.dryRun === true || options.chatIds !== undefined || options.keepDigests === true;
      if (chosen.length === 0) return result;
      const subscriptions = repository.subscriptionsByChat();
      const windowStart = at - lookbackMs;
      const candidates = repository.candidates(windowStart);
      const ranker = createRanker(indexCandidates(candidates), { coveredBy: (region) => taxonomy.coveredBy(region), maxItems: MAX_DIGEST_ITEMS }, at);
      const delivered = repository.deliveredClusters(new Set(candidates.map((c) => c.clusterId)));
      let current: { key: string; profile: RankedProfile } | undefined;
      const itemCache = new Map<string, Html>();
      // Headers, headings and "+N more" lines repeat across thousands of chats: translate each once per run.
      const memo = (locale: Locale) => {
        const t = i18n.translator(locale);
        const cache = new Map<string, string>();
        return (key: string, opts?: Record<string, unknown>) => {
          const id = opts ? `${key}|${JSON.stringify(opts)}` : key;
          let out = cache.get(id);
          if (out === undefined) {
            out = t(key, opts);
            cache.set(id, out);
          }
          return out;
        };
      };
      const translators = { ar: memo('ar'), ru: memo('ru'), en: memo('en') };
      const groupNames = { ar: groupName('ar'), ru: groupName('ru'), en: groupName('en') };

      // Chats with the same profile, language and zone sit together, so an identical digest is
      // formatted once and only the latest text needs keeping: memory stays flat however many chats.
      const keyed = chosen.map((chat) => {
        const subs = subscriptions.get(chat.id) ?? [];
        return { chat, subs, key: profileKey(subs), locale: chats.localeOf(chat) };
      });
      keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.locale.localeCompare(b.locale) || a.chat.timeZone.localeCompare(b.chat.timeZone));
      let lastFormat: { key: string; messages: DigestMessage[] } | undefined;
      let batch: Array<{ chatId: number; messages: DigestMessage[] }> = [];
      const flush = handle.sqlite.transaction((rows: Array<{ chatId: number; messages: DigestMessage[] }>) => {
        let queued = 0;
        for (const row of rows) {
          queued += deps.outbox.enqueue(
            row.messages.map((m, part) => ({
              chatId: row.chatId,
              itemKey: `digest:${at}:${part}`,
              kind: 'digest' as const,
              priority: DIGEST_PRIORITY,
              text: m.text,
              articleIds: m.articleIds,
            })),
          );
        }
        // Chats with nothing new are marked too: their next digest starts from here. Same transaction
        // as their messages, so a crash leaves a chat either composed and queued or neither.
        repository.markDigested(rows.map((r) => r.chatId), at);
        return queued;
      });
      const write = () => {
        if (!options.dryRun && batch.length > 0) result.queuedMessages += flush(batch);
        batch = [];
      };

      for (const { chat, subs, key, locale } of keyed) {
        if (subs.length === 0) {
          batch.push({ chatId: chat.id, messages: [] });
          continue;
        }
        // Sorted by profile: only the current profile's ranking needs to stay in memory.
        if (current?.key !== key) current = { key, profile: ranker.rank(subs) };
        const { profile } = current;
        const since = Math.max(chat.lastDigestAt ?? 0, windowStart);
        const { items, more } = composeForChat(profile, { locale, since, delivered: delivered.get(chat.id) ?? new Set() }, MAX_DIGEST_ITEMS);
        let messages: DigestMessage[] = [];
        if (items.length > 0) {
          const formatKey = `${locale}|${chat.timeZone}|${more}|${items.map((i) => i.article.id).join(',')}`;
          if (lastFormat?.key !== formatKey) {
            // Bounded: rendered items are worth keeping while one language and zone repeat, not forever.
            if (itemCache.size > ITEM_CACHE_LIMIT) itemCache.clear();
            lastFormat = {
              key: formatKey,
              messages: formatDigest(
                items.map((i) => ({
                  articleId: i.article.id,
                  title: i.article.title,
                  url: i.article.url,
                  sourceName: i.article.sourceName,
                  publishedAt: i.article.publishedAt,
                  summary: i.article.summary,
                  lang: i.article.lang,
                  group: i.group,
                  isBreaking: i.article.isBreaking,
                })),
                { locale, timeZone: chat.timeZone, t: translators[locale], groupName: groupNames[locale], more, now: at, itemCache },
              ),
            };
          }
          messages = lastFormat.messages;
        }
        if (keepDigests) result.digests.push({ chatId: chat.id, items, more, messageCount: messages.length });
        else if (items.length > 0) result.digestsComposed++;
        batch.push({ chatId: chat.id, messages });
        if (batch.length >= WRITE_BATCH) write();
      }
      write();
      deps.logger?.info({ chats: chosen.length, queued: result.queuedMessages }, 'digest run queued');
      return result;
    },
  };
}

export type DigestService = ReturnType<typeof createDigestService>;
