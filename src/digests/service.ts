import type { Config, Locale } from '../config.ts';
import type { DbHandle } from '../db/client.ts';
import type { I18n } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ChatService } from '../subscriptions/chats.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import { composeForChat, type ComposedItem, type Composition } from './compose.ts';
import { isDue } from './due.ts';
import { formatDigest, type DigestMessage, type Html } from './format.ts';
import { createRanker, indexCandidates, type RankedProfile } from './rank.ts';
import { createDigestRepository, parseSubscriptions } from './repository.ts';
import { createRosterBuilder, runOrder, type Roster, type RosterProfile } from './roster.ts';

/** Items per digest; the rest are counted in a "+N more" line. */
export const MAX_DIGEST_ITEMS = 10;
export const DIGEST_PRIORITY = 0;
/**
 * Chats composed and queued per transaction. Their ids are scattered (chats go by profile), so every
 * commit rewrites most of the chats table's pages: larger batches write far less, and one still
 * commits within about half a second, so other connections do not wait long.
 */
const WRITE_BATCH = 10_000;
/** Outbox rows written together inside a batch's transaction. */
const QUEUE_CHUNK = 50;
/** Chats whose delivered stories are read together. */
const DELIVERED_CHUNK = 500;
const ITEM_CACHE_LIMIT = 20_000;
const NO_MESSAGES: readonly DigestMessage[] = [];
const NOTHING: ReadonlySet<number> = new Set();

export interface OutboxWriter {
  enqueue(messages: Array<{ chatId: number; itemKey: string; kind: 'digest'; priority: number; text: string; articleIds: number[] }>): number;
}

type OutboxRows = Parameters<OutboxWriter['enqueue']>[0];

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
  /** Chats that get the same digest share one list. */
  items: readonly ComposedItem[];
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

  /** Headers, headings and "+N more" lines repeat across thousands of chats: each is translated once per run. */
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

  /**
   * Formats a chat's digest, or hands back the previous chat's when it holds the same items in the
   * same language and zone: chats come sorted so that equal digests follow each other, and keeping
   * just the last one keeps memory flat.
   */
  function createFormatter(at: number) {
    const translators = { ar: memo('ar'), ru: memo('ru'), en: memo('en') };
    const groupNames = { ar: groupName('ar'), ru: groupName('ru'), en: groupName('en') };
    const itemCache = new Map<string, Html>();
    let last: { locale: Locale; zone: string; more: number; items: readonly ComposedItem[]; messages: readonly DigestMessage[] } | undefined;
    const sameItems = (a: readonly ComposedItem[], b: readonly ComposedItem[]) =>
      a.length === b.length && a.every((item, i) => item.article === b[i]?.article && item.group === b[i]?.group);

    return ({ items, more }: Composition, locale: Locale, zone: string) => {
      if (items.length === 0) return { items, messages: NO_MESSAGES };
      if (last?.locale === locale && last.zone === zone && last.more === more && sameItems(last.items, items)) return last;
      // Bounded: rendered items are worth keeping while one language and zone repeat, not forever.
      if (itemCache.size > ITEM_CACHE_LIMIT) itemCache.clear();
      const messages = formatDigest(
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
        { locale, timeZone: zone, t: translators[locale], groupName: groupNames[locale], more, now: at, itemCache },
      );
      last = { locale, zone, more, items, messages };
      return last;
    };
  }

  /**
   * Queues a batch's messages a few dozen rows at a time, written soon so that their texts die
   * young instead of piling up in V8's old generation, and marks the batch's chats digested at its
   * end in one statement: interleaved with the inserts, those scattered updates would dirty the
   * chats table's pages again and again. The caller's transaction makes a chat's rows and its mark one step.
   */
  function createQueue(at: number, itemKey: (part: number) => string) {
    let rows: OutboxRows = [];
    const chatIds: number[] = [];
    const write = (): number => {
      const queued = rows.length === 0 ? 0 : deps.outbox.enqueue(rows);
      rows = [];
      return queued;
    };
    return {
      /** Rows queued by this call, if it wrote. */
      add(chatId: number, messages: readonly DigestMessage[]): number {
        messages.forEach((m, part) =>
          rows.push({ chatId, itemKey: itemKey(part), kind: 'digest', priority: DIGEST_PRIORITY, text: m.text, articleIds: m.articleIds }),
        );
        // Chats with nothing new are marked too: their next digest starts from here.
        chatIds.push(chatId);
        return rows.length >= QUEUE_CHUNK ? write() : 0;
      },
      finish(): number {
        const queued = write();
        repository.markDigested(chatIds, at);
        return queued;
      },
    };
  }

  /** One pass over the chats' cursor: who takes part in this run, and with which profile. */
  function selectChats(options: DigestRunOptions): Roster {
    const roster = createRosterBuilder(parseSubscriptions);
    for (const chat of repository.chatsWithSubscriptions(options.chatIds)) {
      if (!options.force && !isDue(chat, options.at)) continue;
      roster.add({ id: chat.id, locale: chats.localeOf(chat), timeZone: chat.timeZone, lastDigestAt: chat.lastDigestAt }, chat.subscriptions);
    }
    return roster.build();
  }

  return {
    /** Composes for every chat that is due (or every chosen chat when forced) and queues the messages, a batch of chats a transaction. */
    run(options: DigestRunOptions): DigestRunResult {
      const { at } = options;
      const roster = selectChats(options);
      const result: DigestRunResult = { at, considered: roster.size, digests: [], digestsComposed: 0, queuedMessages: 0 };
      // A scheduled run over every chat only reports counts; keeping each chat's items would cost memory for nothing.
      const keepDigests = options.dryRun === true || options.chatIds !== undefined || options.keepDigests === true;
      if (roster.size === 0) return result;
      const windowStart = at - lookbackMs;
      const candidates = repository.candidates(windowStart);
      const ranker = createRanker(indexCandidates(candidates), { coveredBy: (region) => taxonomy.coveredBy(region) }, at);
      const candidateClusters = new Set(candidates.map((c) => c.clusterId));
      const format = createFormatter(at);
      const itemKeys: string[] = [];
      const itemKey = (part: number) => (itemKeys[part] ??= `digest:${at}:${part}`);
      let current: { profile: number; ranked: RankedProfile } | undefined;

      const composeBatch = (batch: Uint32Array): number => {
        let queued = 0;
        const queue = options.dryRun ? undefined : createQueue(at, itemKey);
        let delivered = new Map<number, Set<number>>();
        for (let k = 0; k < batch.length; k++) {
          // Read for a few hundred chats at a time: what 10k chats have received would outlive V8's young generation.
          if (k % DELIVERED_CHUNK === 0) {
            delivered = repository.deliveredClusters(Array.from(batch.subarray(k, k + DELIVERED_CHUNK), (c) => roster.id(c)), candidateClusters);
          }
          const i = batch[k] as number;
          const chatId = roster.id(i);
          const profile = roster.profileOf(i);
          const { subscriptions } = roster.profiles[profile] as RosterProfile;
          let messages = NO_MESSAGES;
          if (subscriptions.length > 0) {
            if (current?.profile !== profile) current = { profile, ranked: ranker.rank(subscriptions) };
            const locale = roster.locales[roster.localeOf(i)] as Locale;
            const since = Math.max(roster.lastDigestAt(i), windowStart);
            const composed = composeForChat(current.ranked, { locale, since, delivered: delivered.get(chatId) ?? NOTHING }, MAX_DIGEST_ITEMS);
            const digest = format(composed, locale, roster.zones[roster.zoneOf(i)] as string);
            messages = digest.messages;
            if (keepDigests) result.digests.push({ chatId, items: digest.items, more: composed.more, messageCount: messages.length });
            else if (digest.items.length > 0) result.digestsComposed++;
          }
          queued += queue?.add(chatId, messages) ?? 0;
        }
        return queued + (queue?.finish() ?? 0);
      };
      // A batch of chats a transaction: a crash leaves each chat either composed and queued or neither,
      // and other connections wait for one batch at most.
      const step = options.dryRun ? composeBatch : handle.sqlite.transaction(composeBatch);

      // Chats with the same profile, language and zone sit together, so a ranking is made once and
      // only the latest ranking and text need keeping: memory stays flat however many chats.
      const order = runOrder(roster);
      for (let start = 0; start < order.length; start += WRITE_BATCH) result.queuedMessages += step(order.subarray(start, start + WRITE_BATCH));
      deps.logger?.info({ chats: roster.size, queued: result.queuedMessages }, 'digest run queued');
      return result;
    },
  };
}

export type DigestService = ReturnType<typeof createDigestService>;
