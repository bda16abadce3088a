import { eq } from 'drizzle-orm';
import { SUPPORTED_LOCALES, type Config, type Locale } from '../config.ts';
import type { Db } from '../db/client.ts';
import { chats, outbox } from '../db/schema.ts';

export type ChatRecord = typeof chats.$inferSelect;
export type ChatType = ChatRecord['type'];
export type ChatStatus = ChatRecord['status'];
export type Frequency = ChatRecord['frequency'];
export type OtherLanguages = ChatRecord['otherLangs'];

export interface ChatSeen {
  id: number;
  type: ChatType;
  title?: string | undefined;
  /** Telegram's language_code of the person who wrote, when known. */
  languageCode?: string | undefined;
}

export interface ScheduleChange {
  digestTime?: string;
  timeZone?: string;
  frequency?: Frequency;
  weeklyDay?: number;
}

export interface ChatService {
  /** Creates the chat on first contact with the defaults; remembers the latest Telegram language. */
  touch(seen: ChatSeen): ChatRecord;
  get(id: number): ChatRecord | undefined;
  localeOf(chat: Pick<ChatRecord, 'locale' | 'telegramLocale'> | undefined, languageCode?: string): Locale;
  setLocale(id: number, locale: Locale): void;
  setStatus(id: number, status: ChatStatus): void;
  setSchedule(id: number, change: ScheduleChange): ChatRecord;
  setQuietHours(id: number, quiet: { start: string; end: string } | null): ChatRecord;
  /** The languages the chat reads, best first: never empty (the UI language when unset). */
  readingLanguages(chat: Pick<ChatRecord, 'readingLangs' | 'locale' | 'telegramLocale'>): Locale[];
  /** Refuses an empty list; duplicates and unknown codes are dropped, the order kept. */
  setReadingLanguages(id: number, langs: readonly Locale[]): ChatRecord;
  setOtherLanguages(id: number, mode: OtherLanguages): ChatRecord;
  /** A group became a supergroup: Telegram gives it a new id; subscriptions and the outbox follow. */
  migrate(fromId: number, toId: number): void;
}

const LOCALES: readonly string[] = SUPPORTED_LOCALES;

/** "ru,en" → ['ru', 'en']: known codes only, each once, in order. */
export function parseReadingLanguages(value: string | null | undefined): Locale[] {
  const out: Locale[] = [];
  for (const code of (value ?? '').split(',')) if (LOCALES.includes(code) && !out.includes(code as Locale)) out.push(code as Locale);
  return out;
}

export function toLocale(code: string | undefined | null): Locale | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return base && LOCALES.includes(base) ? (base as Locale) : undefined;
}

export function createChatService(deps: { db: Db; config: Config; now?: () => number }): ChatService {
  const { db, config } = deps;
  const now = deps.now ?? Date.now;

  const get = (id: number) => db.select().from(chats).where(eq(chats.id, id)).get();

  const localeOf: ChatService['localeOf'] = (chat, languageCode) =>
    chat?.locale ?? toLocale(chat?.telegramLocale) ?? toLocale(languageCode) ?? config.defaultLocale;

  const mustGet = (id: number): ChatRecord => {
    const row = get(id);
    if (!row) throw new Error(`chat ${id} not found`);
    return row;
  };

  return {
    touch(seen) {
      const telegramLocale = toLocale(seen.languageCode) ?? null;
      const existing = get(seen.id);
      if (!existing) {
        const at = now();
        return db
          .insert(chats)
          .values({
            id: seen.id,
            type: seen.type,
            title: seen.title ?? null,
            telegramLocale,
            timeZone: config.defaultTimezone,
            digestTime: config.defaultDigestTime,
            createdAt: at,
            updatedAt: at,
          })
          .onConflictDoNothing()
          .returning()
          .get() ?? mustGet(seen.id);
      }
      // In a group the language of whoever speaks last should not flip the group's language: only the first one counts.
      const changed = seen.type === 'private' ? existing.telegramLocale !== telegramLocale : !existing.telegramLocale;
      if (!telegramLocale || !changed) return existing;
      db.update(chats).set({ telegramLocale, updatedAt: now() }).where(eq(chats.id, seen.id)).run();
      return { ...existing, telegramLocale };
    },
    get,
    localeOf,
    setLocale(id, locale) {
      db.update(chats).set({ locale, updatedAt: now() }).where(eq(chats.id, id)).run();
    },
    setStatus(id, status) {
      db.update(chats).set({ status, updatedAt: now() }).where(eq(chats.id, id)).run();
    },
    setSchedule(id, change) {
      db.update(chats).set({ ...change, updatedAt: now() }).where(eq(chats.id, id)).run();
      return mustGet(id);
    },
    setQuietHours(id, quiet) {
      db.update(chats)
        .set({ quietStart: quiet?.start ?? null, quietEnd: quiet?.end ?? null, updatedAt: now() })
        .where(eq(chats.id, id))
        .run();
      return mustGet(id);
    },
    readingLanguages(chat) {
      const langs = parseReadingLanguages(chat.readingLangs);
      return langs.length > 0 ? langs : [localeOf(chat)];
    },
    setReadingLanguages(id, langs) {
      const clean = parseReadingLanguages(langs.join(','));
      if (clean.length === 0) throw new Error('reading languages must not be empty');
      db.update(chats).set({ readingLangs: clean.join(','), updatedAt: now() }).where(eq(chats.id, id)).run();
      return mustGet(id);
    },
    setOtherLanguages(id, mode) {
      db.update(chats).set({ otherLangs: mode, updatedAt: now() }).where(eq(chats.id, id)).run();
      return mustGet(id);
    },
    migrate(fromId, toId) {
      db.transaction((tx) => {
        const from = tx.select().from(chats).where(eq(chats.id, fromId)).get();
        if (!from) return;
        const target = tx.select().from(chats).where(eq(chats.id, toId)).get();
        if (target) tx.delete(chats).where(eq(chats.id, toId)).run();
        // ON UPDATE CASCADE carries subscriptions, outbox rows and deliveries along.
        tx.update(chats).set({ id: toId, type: 'supergroup', updatedAt: now() }).where(eq(chats.id, fromId)).run();
        // Rows queued for the old id, and editions posting into it, go to the new one.
        tx.update(outbox).set({ sendTo: toId }).where(eq(outbox.sendTo, fromId)).run();
        tx.update(chats).set({ telegramId: toId }).where(eq(chats.telegramId, fromId)).run();
      });
    },
  };
}
