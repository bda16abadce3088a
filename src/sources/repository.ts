import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sources } from '../db/schema.ts';

export type SourceRecord = typeof sources.$inferSelect;

export interface SourceRepository {
  list(): SourceRecord[];
  get(id: number): SourceRecord | undefined;
  byUrl(url: string): SourceRecord | undefined;
  /** Returns the new source, or the existing one when the URL is already known. */
  add(input: { url: string; name?: string | undefined; lang?: string | undefined }): { source: SourceRecord; created: boolean };
  remove(id: number): boolean;
  setStatus(id: number, status: SourceRecord['status']): void;
  /** Sources to poll now: active or failing (failing ones retry on their backoff), not paused. */
  due(now: number): SourceRecord[];
  recordSuccess(id: number, change: { at: number; nextFetchAt: number; etag?: string | undefined; lastModified?: string | undefined; url?: string | undefined; newItems: number }): void;
  recordFailure(id: number, change: { at: number; nextFetchAt: number; error: string; failing: boolean; url?: string | undefined }): void;
}

export function createSourceRepository(db: Db): SourceRepository {
  const get = (id: number) => db.select().from(sources).where(eq(sources.id, id)).get();
  return {
    list: () => db.select().from(sources).orderBy(asc(sources.id)).all(),
    get,
    byUrl: (url) => db.select().from(sources).where(eq(sources.url, url)).get(),
    add(input) {
      const existing = db.select().from(sources).where(eq(sources.url, input.url)).get();
      if (existing) return { source: existing, created: false };
      const source = db
        .insert(sources)
        .values({ url: input.url, name: input.name ?? null, lang: input.lang ?? null })
        .returning()
        .get();
      return { source, created: true };
    },
    remove: (id) => db.delete(sources).where(eq(sources.id, id)).run().changes > 0,
    setStatus(id, status) {
      db.update(sources)
        .set({ status, ...(status === 'active' ? { consecutiveFailures: 0, nextFetchAt: null } : {}) })
        .where(eq(sources.id, id))
        .run();
    },
    due(now) {
      return db
        .select()
        .from(sources)
        .orderBy(asc(sources.id))
        .all()
        .filter((s) => s.status !== 'paused' && (s.nextFetchAt === null || s.nextFetchAt <= now));
    },
    recordSuccess(id, c) {
      const current = get(id);
      if (!current) return;
      db.update(sources)
        .set({
          status: 'active',
          lastFetchedAt: c.at,
          lastSuccessAt: c.at,
          lastError: null,
          consecutiveFailures: 0,
          nextFetchAt: c.nextFetchAt,
          etag: c.etag ?? current.etag,
          lastModified: c.lastModified ?? current.lastModified,
          itemsCount: current.itemsCount + c.newItems,
          ...(c.url ? { url: c.url } : {}),
        })
        .where(eq(sources.id, id))
        .run();
    },
    recordFailure(id, c) {
      const current = get(id);
      if (!current) return;
      db.update(sources)
        .set({
          status: c.failing ? 'failing' : current.status === 'paused' ? 'paused' : current.status,
          lastFetchedAt: c.at,
          lastError: c.error.slice(0, 500),
          consecutiveFailures: current.consecutiveFailures + 1,
          nextFetchAt: c.nextFetchAt,
          ...(c.url ? { url: c.url } : {}),
        })
        .where(eq(sources.id, id))
        .run();
    },
  };
}
