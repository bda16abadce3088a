/**
 * A Telegram-wide pause (several chats hit 429 at once) kept in `app_state`, so a sender restarted
 * during the pause waits it out instead of tripping the flood limit again.
 */
import type { DbHandle } from '../db/client.ts';

export const PAUSE_KEY = 'delivery.pause_until';

export interface PauseStore {
  /** Epoch ms before which nothing may be sent; 0 when no pause was ever recorded. */
  get(): number;
  set(until: number, at: number): void;
}

export function createPauseStore(handle: DbHandle): PauseStore {
  const read = handle.sqlite.prepare('SELECT value FROM app_state WHERE key = ?').pluck();
  // Never shortens a pause already on record: two senders' views (or a clock step) cannot cut it short.
  const write = handle.sqlite.prepare(`INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = CAST(MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT),
      updated_at = excluded.updated_at`);
  return {
    get() {
      const value = Number(read.get(PAUSE_KEY) ?? 0);
      return Number.isFinite(value) ? value : 0;
    },
    set(until, at) {
      write.run(PAUSE_KEY, String(Math.ceil(until)), at);
    },
  };
}
