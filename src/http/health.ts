/**
 * GET /healthz for load balancers and systemd watchdogs: 200 when the database takes writes, the
 * sender is alive and polling is not stale; otherwise 503 naming the failing parts. Every input is a
 * function so tests can drive each state, and one failing probe never hides the others.
 */
import type Database from 'better-sqlite3';
import { methodNotAllowed, sendJson, type Route } from './server.ts';

export interface HealthDeps {
  /** Throws when the database cannot take a write. */
  checkDatabase(): void;
  /** When the last poll of the sources finished (epoch ms), or null before the first one. */
  lastPoll(): number | null;
  senderAlive(): boolean;
  /** Outbox rows not yet sent (pending or in flight). */
  outboxPending(): number;
  now?: () => number;
  /** Before the first poll finishes, staleness counts from here (a first poll that never ends is stale too). */
  startedAt?: number;
  /**
   * A last poll older than this fails the check. Polls run every minute (each source on its own
   * interval), so a long silence means the scheduler or the poller is stuck. Omit to only report it.
   */
  pollStaleAfterMs?: number;
}

export type HealthPart = 'database' | 'lastPoll' | 'sender' | 'outbox';

export interface HealthReport {
  ok: boolean;
  database: string;
  lastPoll: string | null;
  senderAlive: boolean;
  outboxPending: number | null;
  failing: HealthPart[];
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A real write, rolled back: BEGIN IMMEDIATE takes the write lock and the insert proves the file is
 * not read-only, yet nothing reaches the database. Statements are prepared per call because a closed
 * connection must show up here as a failure, not as a stale statement.
 */
export function databaseWriteCheck(sqlite: Database.Database): () => void {
  return () => {
    if (sqlite.inTransaction) return; // better-sqlite3 is synchronous: only a caller's own transaction can be open.
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      sqlite
        .prepare(`INSERT INTO app_state (key, value, updated_at) VALUES ('healthz.probe', '1', 0)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
        .run();
    } finally {
      sqlite.exec('ROLLBACK');
    }
  };
}

export function checkHealth(deps: HealthDeps): HealthReport {
  const now = deps.now ?? Date.now;
  const failing: HealthPart[] = [];
  let database = 'writable';
  try {
    deps.checkDatabase();
  } catch (error) {
    database = `not writable: ${errorText(error)}`;
    failing.push('database');
  }
  const lastPollAt = deps.lastPoll();
  const pollReference = lastPollAt ?? deps.startedAt;
  if (pollReference !== undefined && deps.pollStaleAfterMs !== undefined && now() - pollReference > deps.pollStaleAfterMs) {
    failing.push('lastPoll');
  }
  const senderAlive = deps.senderAlive();
  if (!senderAlive) failing.push('sender');
  let outboxPending: number | null = null;
  try {
    outboxPending = deps.outboxPending();
  } catch {
    failing.push('outbox');
  }
  return {
    ok: failing.length === 0,
    database,
    lastPoll: lastPollAt === null ? null : new Date(lastPollAt).toISOString(),
    senderAlive,
    outboxPending,
    failing,
  };
}

export function createHealthRoute(deps: HealthDeps, path = '/healthz'): Route {
  return (req, res, url) => {
    if (url.pathname !== path) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, ['GET']);
    const report = checkHealth(deps);
    sendJson(res, report.ok ? 200 : 503, report);
    return true;
  };
}
