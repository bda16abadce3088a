import { and, asc, eq } from 'drizzle-orm';
import { fnv1a } from '../enrich/fingerprint.ts';
import type { Db } from '../db/client.ts';
import { chatMutes } from '../db/schema.ts';

export type MuteKind = 'topic' | 'source';

export interface Mute {
  kind: MuteKind;
  value: string;
  label: string | null;
}

export interface MuteService {
  list(chatId: number): Mute[];
  /** Returns false when it was muted already. */
  mute(chatId: number, mute: Mute): boolean;
  /** Returns false when it was not muted. */
  unmute(chatId: number, kind: MuteKind, value: string): boolean;
}

/**
 * A source's key in buttons and mutes: feeds and JSONL files name sources without ids, and a name
 * may be longer than callback data allows, so a short hash of the normalized name stands for it.
 */
export function sourceKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // A digest run asks for the same few hundred names millions of times.
    if (keys.size >= 10_000) keys.clear();
    key = fnv1a(name.trim().toLowerCase()).toString(36);
    keys.set(name, key);
  }
  return key;
}
const keys = new Map<string, string>();

export function createMuteService(deps: { db: Db }): MuteService {
  const { db } = deps;
  return {
    list: (chatId) =>
      db
        .select({ kind: chatMutes.kind, value: chatMutes.value, label: chatMutes.label })
        .from(chatMutes)
        .where(eq(chatMutes.chatId, chatId))
        .orderBy(asc(chatMutes.createdAt))
        .all(),
    mute: (chatId, m) => db.insert(chatMutes).values({ chatId, kind: m.kind, value: m.value, label: m.label }).onConflictDoNothing().run().changes > 0,
    unmute: (chatId, kind, value) =>
      db.delete(chatMutes).where(and(eq(chatMutes.chatId, chatId), eq(chatMutes.kind, kind), eq(chatMutes.value, value))).run().changes > 0,
  };
}
