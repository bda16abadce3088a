import { randomBytes } from 'node:crypto';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Config, Locale } from '../config.ts';
import type { DbHandle } from '../db/client.ts';
import type { I18n } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ChatService } from '../subscriptions/chats.ts';
import type { Subscription } from '../subscriptions/subscriptions.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import { createSigner, digestKeyboard, type Signer } from './buttons.ts';
import { composeForChat, type ComposedItem, type Composition } from './compose.ts';
import { isDue } from './due.ts';
import type { DigestMessage } from './format.ts';
import { parsePrefs, prefsSignature, type Prefs } from './prefs.ts';
import { createRanker, indexCandidates, type RankedProfile } from './rank.ts';
import { createRenderer, type RenderedDigest, type Translator } from './renderer.ts';
import { createDigestRepository, parseSubscriptions } from './repository.ts';
import { createRosterBuilder, runOrder, type Roster, type RosterProfile } from './roster.ts';

/** Items per digest page; the rest wait behind its "More (N)" button or for the next digest. */
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
const NOTHING: ReadonlyMap<number, number> = new Map();
const SECRET_KEY = 'digest_button_secret';

export interface OutboxWriter {
  enqueue(
    messages: Array<{
      chatId: number; itemKey: string; kind: 'digest'; priority: number; text: string; articleIds: number[]; replyMarkup?: InlineKeyboardMarkup;
    }>,
  ): number;
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
  /**
   * Hands each chat's digest over as it is composed, instead of keeping them all in the result:
   * a dry run over 100k chats would otherwise hold every chat's items to the end.
   */
  onDigest?: (digest: ChatDigest) => void;
  /**
   * Page 2, 3… of the digest composed at `at` ("More"): the same ranking over the same articles,
   * less what the chat has by now. A page does not move the chat's last digest.
   */
  page?: number;
  /** Compose for this subscription alone, as if it were the chat's only one (a first taste). */
  only?: Subscription;
  /**
   * A first taste offered at this instant (of `only`, or of every subscription after the wizard):
   * what already matches, with no pages, not moving the chat's last digest. The instant keys it
   * in the outbox, so one offer is sent once.
   */
  tasteKey?: number;
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
  let signer: Signer | undefined;
  /** Made on first use and kept in the database, so buttons outlive a restart. */
  const signerOf = (): Signer => (signer ??= createSigner(Buffer.from(repository.secret(SECRET_KEY, () => randomBytes(32).toString('base64')), 'base64')));

  /**
   * Queues a batch's messages a few dozen rows at a time, written soon so that their texts die
   * young instead of piling up in V8's old generation, and marks the batch's chats digested at its
   * end in one statement: interleaved with the inserts, those scattered updates would dirty the
   * chats table's pages again and again. The caller's transaction makes a chat's rows and its mark one step.
   */
  function createQueue(at: number, itemKey: (part: number) => string, mark: boolean) {
    let rows: OutboxRows = [];
    const chatIds: number[] = [];
    const write = (): number => {
      const queued = rows.length === 0 ? 0 : deps.outbox.enqueue(rows);
      rows = [];
      return queued;
    };
    return {
      /** Rows queued by this call, if it wrote. The keyboard goes under the last message. */
      add(chatId: number, messages: readonly DigestMessage[], keyboard: () => InlineKeyboardMarkup | undefined): number {
        messages.forEach((m, part) => {
          const replyMarkup = part === messages.length - 1 ? keyboard() : undefined;
          rows.push({
            chatId, itemKey: itemKey(part), kind: 'digest', priority: DIGEST_PRIORITY, text: m.text, articleIds: m.articleIds,
            ...(replyMarkup ? { replyMarkup } : {}),
          });
        });
        // Chats with nothing new are marked too: the next digest is due from here.
        chatIds.push(chatId);
        return rows.length >= QUEUE_CHUNK ? write() : 0;
      },
      finish(): number {
        const queued = write();
        if (mark) repository.markDigested(chatIds, at);
        return queued;
      },
    };
  }

  /** One pass over the chats' cursor: who takes part in this run, with which profile and preferences. */
  function selectChats(options: DigestRunOptions): Roster {
    const roster = createRosterBuilder(parseSubscriptions);
    const only = options.only ? JSON.stringify([[options.only.region, options.only.topic, listOrNull(options.only.include), listOrNull(options.only.exclude)]]) : undefined;
    for (const chat of repository.chatsWithSubscriptions(options.chatIds)) {
      if (!options.force && !isDue(chat, options.at)) continue;
      const locale = chats.localeOf(chat);
      roster.add(
        { id: chat.id, locale, timeZone: chat.timeZone, lastDigestAt: chat.lastDigestAt, prefs: prefsSignature(chat, locale, chat.mutes) },
        only ?? chat.subscriptions,
      );
    }
    return roster.build();
  }

  const itemKeyOf = (options: DigestRunOptions) => {
    const { at, page, only, tasteKey } = options;
    if (tasteKey !== undefined) return (part: number) => `taste:${tasteKey}:${only?.region ?? '*'}:${only?.topic ?? '*'}:${part}`;
    if (page && page > 1) return (part: number) => `digest:${at}:p${page}:${part}`;
    return (part: number) => `digest:${at}:${part}`;
  };

  function run(options: DigestRunOptions): DigestRunResult {
    const { at } = options;
    const roster = selectChats(options);
    const result: DigestRunResult = { at, considered: roster.size, digests: [], digestsComposed: 0, queuedMessages: 0 };
    // A scheduled run over every chat only reports counts; keeping each chat's items would cost memory for nothing.
    const keepDigests = !options.onDigest && (options.dryRun === true || options.chatIds !== undefined || options.keepDigests === true);
    if (roster.size === 0) return result;
    // Every digest reaches back the lookback: what the chat never had (past a cap it left unopened) is still due.
    const windowStart = at - lookbackMs;
    const { articles, history } = repository.candidates(windowStart, at);
    const ranker = createRanker(indexCandidates(articles, history), { coveredBy: (region) => taxonomy.coveredBy(region) }, at);
    const candidateClusters = new Set(articles.map((c) => c.clusterId));
    const page = options.page ?? 1;
    const taste = options.tasteKey !== undefined;
    const renderer = createRenderer({ i18n, taxonomy }, at, { page, since: windowStart, ...(taste ? { moreKey: 'digest.taste_more' } : {}) });
    const cachedKeys: string[] = [];
    const keyOf = itemKeyOf(options);
    const itemKey = (part: number) => (cachedKeys[part] ??= keyOf(part));
    const prefs: Prefs[] = roster.prefs.map(parsePrefs);
    const mark = !options.page && !taste && !options.only;
    // A page or a taste goes out once. Pressed again it would be composed anew from what is left,
    // and the parts past the first sending's count would go out as a stray, headless fragment.
    const once = page > 1 || taste;
    let current: { profile: number; ranked: RankedProfile } | undefined;
    let last: { same: number; composed: Composition; digest: RenderedDigest } | undefined;

    const composeBatch = (batch: Uint32Array): number => {
      let queued = 0;
      const queue = options.dryRun ? undefined : createQueue(at, itemKey, mark);
      let delivered = new Map<number, Map<number, number>>();
      for (let k = 0; k < batch.length; k++) {
        // Read for a few hundred chats at a time: what 10k chats have received would outlive V8's young generation.
        if (k % DELIVERED_CHUNK === 0) {
          delivered = repository.deliveredClusters(Array.from(batch.subarray(k, k + DELIVERED_CHUNK), (c) => roster.id(c)), candidateClusters);
        }
        const i = batch[k] as number;
        const chatId = roster.id(i);
        const profile = roster.profileOf(i);
        const { subscriptions } = roster.profiles[profile] as RosterProfile;
        if (subscriptions.length === 0) {
          queued += queue?.add(chatId, [], noKeyboard) ?? 0;
          continue;
        }
        if (current?.profile !== profile) current = { profile, ranked: ranker.rank(subscriptions) };
        const locale = roster.locales[roster.localeOf(i)] as Locale;
        const had = delivered.get(chatId);
        const chatPrefs = prefs[roster.prefsOf(i)] as Prefs;
        // The run's order puts chats of one profile, language, zone and preferences side by side: those that
        // have none of the candidates yet get the very same digest, composed and rendered once.
        const same = had === undefined ? ((profile * roster.locales.length + roster.localeOf(i)) * roster.zones.length + roster.zoneOf(i)) * prefs.length + roster.prefsOf(i) : -1;
        let composed: Composition, digest: RenderedDigest;
        if (same >= 0 && last?.same === same) ({ composed, digest } = last);
        else {
          const view = { ...chatPrefs, since: windowStart, at, delivered: had ?? NOTHING };
          composed = composeForChat(current.ranked, view, MAX_DIGEST_ITEMS);
          const { channel, arabicDigits } = chatPrefs;
          // A channel's readers cannot press "More" for themselves: what the cap left leads its next post.
          digest = renderer.render(composed, locale, roster.zones[roster.zoneOf(i)] as string, {
            arabicDigits, ...(channel ? { headerKey: 'digest.header_channel', ...(taste ? {} : { moreKey: 'digest.channel_more' }) } : {}),
          });
          last = same >= 0 ? { same, composed, digest } : undefined;
        }
        if (keepDigests || options.onDigest) {
          const chatDigest = { chatId, items: digest.items, more: composed.more, messageCount: digest.messages.length };
          if (options.onDigest) options.onDigest(chatDigest);
          else result.digests.push(chatDigest);
        }
        if (!keepDigests && digest.items.length > 0) result.digestsComposed++;
        const t = renderer.translator(locale);
        // A taste's leftovers come with the next digest; it has no pages of its own.
        const more = taste ? 0 : composed.more;
        if (once && repository.hasQueued(chatId, itemKey(0))) continue;
        // A channel post has no per-reader buttons: a press would change the edition for everyone.
        const keyboard = chatPrefs.channel ? noButtons : () => keyboardFor(chatId, at, page, more, digest.items, t, locale);
        queued += queue?.add(chatId, digest.messages, keyboard) ?? 0;
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
  }

  const keyboardFor = (chatId: number, at: number, page: number, more: number, items: readonly ComposedItem[], t: Translator, locale: Locale) =>
    digestKeyboard({
      chatId, at, page, more, items, t, signer: signerOf(),
      topicName: (id) => taxonomy.topicName(id, locale),
      isTopic: (id) => taxonomy.isTopic(id),
    });

  return {
    /** Composes for every chat that is due (or every chosen chat when forced) and queues the messages, a batch of chats a transaction. */
    run,
    /** The signer digest buttons carry: the bot checks presses with it. */
    signer: signerOf,
  };
}

const noKeyboard = (): InlineKeyboardMarkup => ({ inline_keyboard: [] });
const noButtons = (): undefined => undefined;
const listOrNull = (list: readonly string[]) => (list.length > 0 ? JSON.stringify(list) : null);

export type DigestService = ReturnType<typeof createDigestService>;
