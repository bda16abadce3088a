/**
 * One sender per bot token: a lease in the database that only its holder may send under. Two
 * processes sending for one token double the rate Telegram sees (429s) and, after a crash of both,
 * each repeats its own messages in flight. The holder renews a heartbeat; a lease whose holder died
 * (kill -9) expires and the next process to ask takes it over.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DbHandle } from '../db/client.ts';

const KEY = 'sender_lease';
/** How long a lease lasts without a heartbeat: a dead holder is replaced within this. */
export const LEASE_TTL_MS = 15_000;
/** Heartbeats come this often, so a holder that is alive but busy never loses its lease. */
export const HEARTBEAT_MS = 5_000;

export interface LeaseState {
  holder: string;
  heartbeatAt: number;
  expiresAt: number;
}

export interface SenderLease {
  readonly holder: string;
  /** Takes the lease when it is free, expired or already ours; renews it when ours. */
  acquire(): boolean;
  /** Whether we hold a lease that has not expired. */
  held(): boolean;
  release(): void;
  /** Who holds a live lease, if anyone. */
  liveHolder(): LeaseState | undefined;
}

export const newHolderId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export function createSenderLease(handle: DbHandle, options: { holder?: string; ttlMs?: number; now?: () => number } = {}): SenderLease {
  const { sqlite } = handle;
  const holder = options.holder ?? newHolderId();
  const ttl = options.ttlMs ?? LEASE_TTL_MS;
  const now = options.now ?? Date.now;
  const seed = sqlite.prepare(`INSERT OR IGNORE INTO app_state (key, value, updated_at) VALUES (?, '{"holder":"","heartbeatAt":0,"expiresAt":0}', 0)`);
  // One statement decides: SQLite's write lock makes two processes asking at once see one winner.
  const take = sqlite.prepare(`UPDATE app_state SET value = json_object('holder', @holder, 'heartbeatAt', @at, 'expiresAt', @until), updated_at = @at
    WHERE key = @key AND (json_extract(value, '$.holder') = @holder OR json_extract(value, '$.expiresAt') <= @at)`);
  const read = sqlite.prepare('SELECT value FROM app_state WHERE key = ?').pluck();
  const free = sqlite.prepare(`UPDATE app_state SET value = json_object('holder', '', 'heartbeatAt', 0, 'expiresAt', 0)
    WHERE key = ? AND json_extract(value, '$.holder') = ?`);
  const state = (): LeaseState | undefined => {
    const value = read.get(KEY) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as LeaseState);
  };

  return {
    holder,
    acquire() {
      const at = now();
      seed.run(KEY);
      return take.run({ holder, at, until: at + ttl, key: KEY }).changes > 0;
    },
    held() {
      const s = state();
      return s !== undefined && s.holder === holder && s.expiresAt > now();
    },
    release() {
      free.run(KEY, holder);
    },
    liveHolder() {
      const s = state();
      return s && s.holder !== '' && s.expiresAt > now() ? s : undefined;
    },
  };
}

/** The sender's view of the lease: taken or renewed at most once a heartbeat, released on the way out. */
export function createLeaseGate(lease: SenderLease | undefined, logger: { info(obj: object, msg: string): void }) {
  let held = false;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let taken = 0;
  return {
    /** Counts the times the lease was taken (0 without a lease): each is a new term as the sender. */
    taken: (): number => taken,
    /** Without a lease configured, always true. */
    holds(at: number): boolean {
      if (!lease) return true;
      if (held && at - checkedAt < HEARTBEAT_MS) return true;
      const was = held;
      held = lease.acquire();
      checkedAt = at;
      if (held && !was) taken++;
      if (held !== was) logger.info({ holder: lease.holder }, held ? 'sender lease taken' : 'sender lease held elsewhere; not sending');
      return held;
    },
    release(): void {
      if (held) lease?.release();
      held = false;
      checkedAt = Number.NEGATIVE_INFINITY;
    },
  };
}
