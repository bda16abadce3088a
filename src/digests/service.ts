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
}

export interface ChatDigest {
  chatId: number;
  items: ComposedItem[];
  more: number;
  messages: DigestMessage[];
}

export interface DigestRunResult {
  at: number;
  considered: number;
  digests: ChatDigest[];
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
      const result: DigestRunResult = { at, considered: chosen.length, digests: [], queuedMessages: 0 };
      if (chosen.length === 0) return result;
      const subscriptions = repository.subscriptionsByChat();
      const windowStart = at - lookbackMs;
      const candidates = repository.candidates(windowStart);
      const ranker = createRanker(indexCandidates(candidates), { coveredBy: (region) => taxonomy.coveredBy(region), maxItems: MAX_DIGEST_ITEMS }, at);
      const delivered = repository.deliveredClusters(new Set(candidates.map((c) => c.clusterId)));
      const profiles = new Map<string, RankedProfile>();
      const formatted = new Map<string, DigestMessage[]>();
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

      for (const chat of chosen) {
        const subs = subscriptions.get(chat.id) ?? [];
        if (subs.length === 0) continue;
        const key = profileKey(subs);
        let profile = profiles.get(key);
        if (!profile) {
          profile = ranker.rank(subs);
          profiles.set(key, profile);
        }
        const locale = chats.localeOf(chat);
        const since = Math.max(chat.lastDigestAt ?? 0, windowStart);
        const { items, more } = composeForChat(profile, { locale, since, delivered: delivered.get(chat.id) ?? new Set() }, MAX_DIGEST_ITEMS);
        if (items.length === 0) {
          result.digests.push({ chatId: chat.id, items, more, messages: [] });
          continue;
        }
        // Chats with the same stories, language and zone get the same text: format it once.
        const formatKey = `${locale}|${chat.timeZone}|${more}|${items.map((i) => i.article.id).join(',')}`;
        let messages = formatted.get(formatKey);
        if (!messages) {
          messages = formatDigest(
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
          );
          formatted.set(formatKey, messages);
        }
        result.digests.push({ chatId: chat.id, items, more, messages });
      }
      if (options.dryRun) return result;

      const write = handle.sqlite.transaction(() => {
        let queued = 0;
        for (const digest of result.digests) {
          queued += deps.outbox.enqueue(
            digest.messages.map((m, part) => ({
              chatId: digest.chatId,
              itemKey: `digest:${at}:${part}`,
              kind: 'digest' as const,
              priority: DIGEST_PRIORITY,
              text: m.text,
              articleIds: m.articleIds,
            })),
          );
        }
        // Chats with nothing new are marked too: their next digest starts from here.
        repository.markDigested(chosen.map((c) => c.id), at);
        return queued;
      });
      result.queuedMessages = write();
      deps.logger?.info({ chats: chosen.length, queued: result.queuedMessages }, 'digest run queued');
      return result;
    },
  };
}

export type DigestService = ReturnType<typeof createDigestService>;
