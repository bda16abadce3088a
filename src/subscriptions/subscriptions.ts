import { and, asc, desc, eq, like, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appState, chats, subscriptions } from '../db/schema.ts';
import type { Keywords } from './keywords.ts';

export interface Subscription {
  region: string;
  topic: string;
  include: string[];
  exclude: string[];
}

export interface SubscriptionRecord extends Subscription {
  id: number;
}

/** A keyword prompt left unanswered this long is stale: the reader has moved on. */
export const PROMPT_TTL_MS = 24 * 3_600_000;
/** Prompts kept per chat: a group's admins may have a few open at once, a button-masher no more. */
const PROMPTS_PER_CHAT = 5;

export interface SubscriptionService {
  list(chatId: number): SubscriptionRecord[];
  /** The chat's subscription with this id; another chat's is undefined, as if it did not exist. */
  get(chatId: number, id: number): SubscriptionRecord | undefined;
  /** Replaces the keywords of the chat's subscription `id`; false when the chat has no such subscription. */
  setKeywords(chatId: number, id: number, keywords: Keywords): boolean;
  /** Remembers that the bot's message `messageId` asks for keywords of subscription `subscriptionId`. */
  rememberPrompt(chatId: number, messageId: number, subscriptionId: number, at: number): void;
  /** The subscription a reply to `messageId` gives keywords for, while the prompt is fresh. */
  promptFor(chatId: number, messageId: number, at: number): number | undefined;
  forgetPrompt(chatId: number, messageId: number): void;
  /** Keeps the +/- words of a /subscribe whose place was misspelt, for the suggestion buttons under the answer. */
  rememberKeywords(chatId: number, keywords: Keywords, at: number): void;
  /** Those words while fresh; undefined after PROMPT_TTL_MS or when none were kept. */
  keywordsFor(chatId: number, at: number): Keywords | undefined;
  has(chatId: number, region: string, topic: string): boolean;
  /** Returns false when the chat already had exactly this subscription. */
  add(chatId: number, region: string, topic: string, keywords?: { include?: string[]; exclude?: string[] }): boolean;
  /** topic undefined removes every subscription to the region; returns how many went. */
  remove(chatId: number, region: string, topic?: string): number;
  removeAll(chatId: number): number;
  /** Removes every subscription and keeps them so `undoRemoveAll` can put them back; returns what went. */
  removeAllUndoably(chatId: number, at: number): SubscriptionRecord[];
  /** Puts back what the last removeAllUndoably took, if it was within `windowMs`; how many came back, or undefined. */
  undoRemoveAll(chatId: number, at: number, windowMs: number): number | undefined;
  /** The wizard's toggle: a specific topic replaces "all topics" of that region and vice versa. */
  toggle(chatId: number, region: string, topic: string): boolean;
}

const parseList = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);
const toJson = (list: string[] | undefined) => (list && list.length > 0 ? JSON.stringify(list) : null);
const toRecord = (r: typeof subscriptions.$inferSelect): SubscriptionRecord => ({
  id: r.id,
  region: r.region,
  topic: r.topic,
  include: parseList(r.includeKeywords),
  exclude: parseList(r.excludeKeywords),
});
// One app_state row per open prompt: keyed by chat and the prompt's message id, which Telegram
// numbers per chat, so a reply names exactly one prompt.
const promptPrefix = (chatId: number) => `keywords.prompt:${chatId}:`;
const promptKey = (chatId: number, messageId: number) => `${promptPrefix(chatId)}${messageId}`;
const undoKey = (chatId: number) => `unsubscribe.undo:${chatId}`;
const pendingKey = (chatId: number) => `subscribe.keywords:${chatId}`;

export function createSubscriptionService(deps: { db: Db }): SubscriptionService {
  const { db } = deps;
  const where = (chatId: number, region: string, topic: string) =>
    and(eq(subscriptions.chatId, chatId), eq(subscriptions.region, region), eq(subscriptions.topic, topic));

  const service: SubscriptionService = {
    list(chatId) {
      return db
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.chatId, chatId))
        .orderBy(asc(subscriptions.id))
        .all()
        .map(toRecord);
    },
    get(chatId, id) {
      const row = db.select().from(subscriptions).where(and(eq(subscriptions.chatId, chatId), eq(subscriptions.id, id))).get();
      return row ? toRecord(row) : undefined;
    },
    setKeywords(chatId, id, keywords) {
      return (
        db
          .update(subscriptions)
          .set({ includeKeywords: toJson(keywords.include), excludeKeywords: toJson(keywords.exclude) })
          .where(and(eq(subscriptions.chatId, chatId), eq(subscriptions.id, id)))
          .run().changes > 0
      );
    },
    rememberPrompt(chatId, messageId, subscriptionId, at) {
      const mine = like(appState.key, `${promptPrefix(chatId)}%`);
      db.transaction(() => {
        db.insert(appState)
          .values({ key: promptKey(chatId, messageId), value: String(subscriptionId), updatedAt: at })
          .onConflictDoUpdate({ target: appState.key, set: { value: String(subscriptionId), updatedAt: at } })
          .run();
        const keep = db.select({ key: appState.key }).from(appState).where(mine).orderBy(desc(appState.updatedAt), desc(appState.key)).all();
        const stale = keep.slice(PROMPTS_PER_CHAT).map((r) => eq(appState.key, r.key));
        db.delete(appState)
          .where(and(mine, or(lt(appState.updatedAt, at - PROMPT_TTL_MS), ...stale)))
          .run();
      });
    },
    promptFor(chatId, messageId, at) {
      const row = db.select().from(appState).where(eq(appState.key, promptKey(chatId, messageId))).get();
      if (!row || row.updatedAt < at - PROMPT_TTL_MS) return undefined;
      const id = Number(row.value);
      return Number.isSafeInteger(id) ? id : undefined;
    },
    forgetPrompt(chatId, messageId) {
      db.delete(appState).where(eq(appState.key, promptKey(chatId, messageId))).run();
    },
    rememberKeywords(chatId, keywords, at) {
      const value = JSON.stringify({ include: keywords.include, exclude: keywords.exclude });
      db.insert(appState).values({ key: pendingKey(chatId), value, updatedAt: at }).onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: at } }).run();
    },
    keywordsFor(chatId, at) {
      const row = db.select().from(appState).where(eq(appState.key, pendingKey(chatId))).get();
      if (!row || row.updatedAt < at - PROMPT_TTL_MS) return undefined;
      return JSON.parse(row.value) as Keywords;
    },
    has(chatId, region, topic) {
      return db.select({ id: subscriptions.id }).from(subscriptions).where(where(chatId, region, topic)).get() !== undefined;
    },
    add(chatId, region, topic, keywords) {
      const includeKeywords = toJson(keywords?.include);
      const excludeKeywords = toJson(keywords?.exclude);
      const existing = db.select().from(subscriptions).where(where(chatId, region, topic)).get();
      if (existing && existing.includeKeywords === includeKeywords && existing.excludeKeywords === excludeKeywords) {
        return false;
      }
      db.insert(subscriptions)
        .values({ chatId, region, topic, includeKeywords, excludeKeywords })
        .onConflictDoUpdate({
          target: [subscriptions.chatId, subscriptions.region, subscriptions.topic],
          set: { includeKeywords, excludeKeywords },
        })
        .run();
      return true;
    },
    remove(chatId, region, topic) {
      const condition =
        topic === undefined
          ? and(eq(subscriptions.chatId, chatId), eq(subscriptions.region, region))
          : where(chatId, region, topic);
      return db.delete(subscriptions).where(condition).run().changes;
    },
    removeAll(chatId) {
      return db.delete(subscriptions).where(eq(subscriptions.chatId, chatId)).run().changes;
    },
    removeAllUndoably(chatId, at) {
      return db.transaction(() => {
        const gone = service.list(chatId);
        const value = JSON.stringify(gone.map(({ region, topic, include, exclude }) => ({ region, topic, include, exclude })));
        db.insert(appState).values({ key: undoKey(chatId), value, updatedAt: at }).onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: at } }).run();
        service.removeAll(chatId);
        return gone;
      });
    },
    undoRemoveAll(chatId, at, windowMs) {
      return db.transaction(() => {
        const row = db.select().from(appState).where(eq(appState.key, undoKey(chatId))).get();
        if (!row) return undefined;
        db.delete(appState).where(eq(appState.key, undoKey(chatId))).run();
        if (at - row.updatedAt > windowMs) return undefined;
        const gone = JSON.parse(row.value) as Subscription[];
        for (const s of gone) service.add(chatId, s.region, s.topic, { include: s.include, exclude: s.exclude });
        return gone.length;
      });
    },
    toggle(chatId, region, topic) {
      return db.transaction(() => {
        if (service.has(chatId, region, topic)) {
          service.remove(chatId, region, topic);
          return false;
        }
        if (topic === 'all') service.remove(chatId, region);
        else service.remove(chatId, region, 'all');
        db.insert(subscriptions).values({ chatId, region, topic }).onConflictDoNothing().run();
        return true;
      });
    },
  };
  // A language edition keeps no subscriptions of its own: what it is asked for reads and changes
  // the set of the edition it follows (prompts stay with the chat their message is in).
  const owner = (chatId: number): number => db.select({ of: chats.subscriptionsOf }).from(chats).where(eq(chats.id, chatId)).get()?.of ?? chatId;
  return {
    ...service,
    list: (chatId) => service.list(owner(chatId)),
    get: (chatId, id) => service.get(owner(chatId), id),
    setKeywords: (chatId, id, keywords) => service.setKeywords(owner(chatId), id, keywords),
    has: (chatId, region, topic) => service.has(owner(chatId), region, topic),
    add: (chatId, region, topic, keywords) => service.add(owner(chatId), region, topic, keywords),
    remove: (chatId, region, topic) => service.remove(owner(chatId), region, topic),
    removeAll: (chatId) => service.removeAll(owner(chatId)),
    removeAllUndoably: (chatId, at) => service.removeAllUndoably(owner(chatId), at),
    undoRemoveAll: (chatId, at, windowMs) => service.undoRemoveAll(owner(chatId), at, windowMs),
    toggle: (chatId, region, topic) => service.toggle(owner(chatId), region, topic),
  };
}
