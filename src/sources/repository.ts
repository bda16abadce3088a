import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sources } from '../db/schema.ts';
import { decideHealth, type HealthEvent } from './health.ts';

export type SourceRecord = typeof sources.$inferSelect;

/** The row after a poll was recorded, and the health change that poll caused, if any. */
export interface Recorded {
  source: SourceRecord;
  event?: HealthEvent;
}

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
  /** `url`: the permanent new address; the caller checks no other source has it (the column is unique). */
  recordSuccess(id: number, change: { at: number; nextFetchAt: number; etag?: string | undefined; lastModified?: string | undefined; url?: string | undefined; newItems: number }): Recorded | undefined;
  /**
   * `gone`: the server answered 410, which deactivates at once. `failing: true` marks the source
   * failing before FAILING_AFTER; without it the failure count decides.
   */
  recordFailure(id: number, change: { at: number; nextFetchAt: number; error: string; gone?: boolean; failing?: boolean }): Recorded | undefined;
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
      // Resuming forgives the past: the failure run, and a deactivation, start from scratch.
      const fresh = { consecutiveFailures: 0, nextFetchAt: null, failingSince: null, deactivatedAt: null, deactivatedReason: null };
      db.update(sources)
        .set({ status, ...(status === 'active' ? fresh : {}) })
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
      if (!current) return undefined;
      const { next, event } = decideHealth(current, { ok: true, at: c.at });
      const source = db
        .update(sources)
        .set({
          ...next,
          lastFetchedAt: c.at,
          lastSuccessAt: c.at,
          lastError: null,
          nextFetchAt: c.nextFetchAt,
          etag: c.etag ?? current.etag,
          lastModified: c.lastModified ?? current.lastModified,
          itemsCount: current.itemsCount + c.newItems,
          ...(c.url ? { url: c.url } : {}),
        })
        .where(eq(sources.id, id))
        .returning()
        .get();
      return event ? { source, event } : { source };
    },
    recordFailure(id, c) {
      const current = get(id);
      if (!current) return undefined;
      const { next, event } = decideHealth(current, { ok: false, at: c.at, gone: c.gone ?? false, failing: c.failing ?? false });
      const source = db
        .update(sources)
        .set({ ...next, lastFetchedAt: c.at, lastError: c.error.slice(0, 500), nextFetchAt: c.nextFetchAt })
        .where(eq(sources.id, id))
        .returning()
        .get();
      return event ? { source, event } : { source };
    },
  };
}
