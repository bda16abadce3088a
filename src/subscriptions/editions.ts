/**
 * Editions: the targets a digest goes to besides a chat itself. A channel is a chat row of its own
 * (its id is its Telegram id), managed from an admin's private chat; a forum topic is a row with an
 * id of its own that posts into its group's thread; a language edition follows another edition's
 * subscriptions in its own language. Handlers reach all of this through here, never the tables.
 */
import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Locale } from '../config.ts';
import type { Db } from '../db/client.ts';
import { appState, chats } from '../db/schema.ts';
import type { ChatRecord } from './chats.ts';

/**
 * Telegram ids have at most 52 significant bits; JavaScript counts exactly to 2^53. Topic editions
 * take ids below -2^52, which no Telegram chat can have and every number here still holds exactly.
 */
export const EDITION_ID_BASE = -(2 ** 52);
/** A private chat manages a channel until it has been idle this long (then its own settings again). */
export const MANAGE_IDLE_MS = 30 * 60_000;

export type SuspendReason = 'no_post_right' | 'removed' | 'topic_closed' | 'topic_deleted';

export interface EditionService {
  /** The topic's edition, made on first use with its group's language, zone and schedule. */
  topic(groupId: number, threadId: number, name?: string): ChatRecord;
  /** The topic's edition if it has one. */
  findTopic(groupId: number, threadId: number): ChatRecord | undefined;
  /** Channels the bot was added to, by title. */
  channels(): ChatRecord[];
  /** A channel seen through my_chat_member: made or updated; `addedBy` is remembered as its manager. */
  channelSeen(channel: { id: number; title?: string | undefined }, addedBy: number | undefined): ChatRecord;
  suspend(id: number, reason: SuspendReason): boolean;
  /** Back to active when suspended (for any of `reasons`, when given). */
  resume(id: number, reasons?: readonly SuspendReason[]): boolean;
  /** The channel this private chat is managing, if it has used it within MANAGE_IDLE_MS. */
  managing(userChatId: number, at: number): number | undefined;
  setManaging(userChatId: number, channelId: number | null, at: number): void;
  /** Makes `editionId` follow `baseId`'s subscriptions, read in `locale`. */
  link(baseId: number, editionId: number, locale: Locale): ChatRecord;
  /** Editions that follow this one's subscriptions (itself not included). */
  editionsOf(id: number): ChatRecord[];
  /** The edition whose subscriptions this one uses (itself unless it is a language edition). */
  subscriptionOwner(id: number): number;
  setDigits(id: number, digits: 'latn' | 'arab' | null): ChatRecord;
}

const manageKey = (userChatId: number) => `manage:${userChatId}`;

export function createEditionService(deps: { db: Db; now?: () => number }): EditionService {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const get = (id: number) => db.select().from(chats).where(eq(chats.id, id)).get();
  const mustGet = (id: number): ChatRecord => {
    const row = get(id);
    if (!row) throw new Error(`chat ${id} not found`);
    return row;
  };
  const findTopic = (groupId: number, threadId: number) =>
    db.select().from(chats).where(and(eq(chats.telegramId, groupId), eq(chats.threadId, threadId))).get();

  const nextEditionId = (): number => {
    const lowest = db.select({ id: chats.id }).from(chats).where(lt(chats.id, EDITION_ID_BASE)).orderBy(asc(chats.id)).limit(1).get();
    return (lowest?.id ?? EDITION_ID_BASE) - 1;
  };

  const owner = (id: number): number => get(id)?.subscriptionsOf ?? id;

  return {
    topic(groupId, threadId, name) {
      const existing = findTopic(groupId, threadId);
      // Made before its name was known (it took the group's), it takes the name once one comes.
      if (existing && name && existing.title !== name) {
        db.update(chats).set({ title: name, updatedAt: now() }).where(eq(chats.id, existing.id)).run();
        return { ...existing, title: name };
      }
      if (existing) return existing;
      const group = mustGet(groupId);
      const at = now();
      db.insert(chats)
        .values({
          id: nextEditionId(), type: group.type, title: name ?? group.title, telegramId: groupId, threadId,
          locale: group.locale, telegramLocale: group.telegramLocale, timeZone: group.timeZone, digestTime: group.digestTime,
          frequency: group.frequency, weeklyDay: group.weeklyDay, createdAt: at, updatedAt: at,
        })
        .onConflictDoNothing()
        .run();
      return findTopic(groupId, threadId) as ChatRecord;
    },
    findTopic,
    channels: () => db.select().from(chats).where(eq(chats.type, 'channel')).orderBy(asc(chats.title), asc(chats.id)).all(),
    channelSeen(channel, addedBy) {
      const existing = get(channel.id);
      const at = now();
      if (!existing) {
        db.insert(chats)
          .values({
            id: channel.id, type: 'channel', title: channel.title ?? null, managedBy: addedBy ?? null,
            timeZone: 'UTC', digestTime: '08:00', createdAt: at, updatedAt: at,
          })
          .onConflictDoNothing()
          .run();
      } else {
        db.update(chats)
          .set({ title: channel.title ?? existing.title, managedBy: existing.managedBy ?? addedBy ?? null, updatedAt: at })
          .where(eq(chats.id, channel.id))
          .run();
      }
      return mustGet(channel.id);
    },
    suspend(id, reason) {
      return db.update(chats).set({ status: 'suspended', suspendedReason: reason, updatedAt: now() })
        .where(and(eq(chats.id, id), or(eq(chats.status, 'active'), eq(chats.status, 'suspended'))))
        .run().changes > 0;
    },
    resume(id, reasons) {
      const when = reasons ? inArray(chats.suspendedReason, [...reasons]) : undefined;
      return db.update(chats).set({ status: 'active', suspendedReason: null, updatedAt: now() })
        .where(and(eq(chats.id, id), eq(chats.status, 'suspended'), when))
        .run().changes > 0;
    },
    managing(userChatId, at) {
      const row = db.select().from(appState).where(eq(appState.key, manageKey(userChatId))).get();
      if (!row || at - row.updatedAt > MANAGE_IDLE_MS) return undefined;
      db.update(appState).set({ updatedAt: at }).where(eq(appState.key, manageKey(userChatId))).run();
      return Number(row.value);
    },
    setManaging(userChatId, channelId, at) {
      if (channelId === null) {
        db.delete(appState).where(eq(appState.key, manageKey(userChatId))).run();
        return;
      }
      db.insert(appState)
        .values({ key: manageKey(userChatId), value: String(channelId), updatedAt: at })
        .onConflictDoUpdate({ target: appState.key, set: { value: String(channelId), updatedAt: at } })
        .run();
    },
    link(baseId, editionId, locale) {
      const base = owner(baseId);
      if (base === editionId) throw new Error('an edition cannot follow itself');
      db.update(chats).set({ subscriptionsOf: base, locale, readingLangs: locale, updatedAt: now() }).where(eq(chats.id, editionId)).run();
      return mustGet(editionId);
    },
    editionsOf(id) {
      const base = owner(id);
      return db.select().from(chats)
        .where(or(eq(chats.subscriptionsOf, base), and(eq(chats.id, base), isNull(chats.subscriptionsOf))))
        .orderBy(asc(chats.id)).all().filter((c) => c.id !== id);
    },
    subscriptionOwner: owner,
    setDigits(id, digits) {
      db.update(chats).set({ digits, updatedAt: now() }).where(eq(chats.id, id)).run();
      return mustGet(id);
    },
  };
}
