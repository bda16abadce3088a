import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { subscriptions } from '../db/schema.ts';

export interface Subscription {
  region: string;
  topic: string;
  include: string[];
  exclude: string[];
}

export interface SubscriptionService {
  list(chatId: number): Subscription[];
  has(chatId: number, region: string, topic: string): boolean;
  /** Returns false when the chat already had exactly this subscription. */
  add(chatId: number, region: string, topic: string, keywords?: { include?: string[]; exclude?: string[] }): boolean;
  /** topic undefined removes every subscription to the region; returns how many went. */
  remove(chatId: number, region: string, topic?: string): number;
  removeAll(chatId: number): number;
  /** The wizard's toggle: a specific topic replaces "all topics" of that region and vice versa. */
  toggle(chatId: number, region: string, topic: string): boolean;
}

const parseList = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);
const toJson = (list: string[] | undefined) => (list && list.length > 0 ? JSON.stringify(list) : null);

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
        .map((r) => ({
          region: r.region,
          topic: r.topic,
          include: parseList(r.includeKeywords),
          exclude: parseList(r.excludeKeywords),
        }));
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
  return service;
}
