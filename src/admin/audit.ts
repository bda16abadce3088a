import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

/** Stored action names; the bot shows each through the `admin.audit.action_<name>` key. */
export const AUDIT_ACTIONS = [
  'admin_add', 'admin_remove', 'breaking_send', 'breaking_cancel', 'source_add', 'source_pause', 'source_resume', 'source_remove',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  adminId: number;
  action: string;
  target: string | null;
  targetCount: number | null;
  details: string | null;
  at: number;
}

export interface AuditRecord {
  adminId: number;
  action: AuditAction;
  target?: string | undefined;
  targetCount?: number | undefined;
  details?: string | undefined;
}

export interface AuditLog {
  record(entry: AuditRecord): void;
  recent(limit: number): AuditEntry[];
}

// Long breaking texts or URLs would bloat the table and the /audit screen: the log keeps a prefix.
const DETAILS_MAX = 300;
const TARGET_MAX = 300;

export function createAuditLog(db: Db, now: () => number): AuditLog {
  return {
    record(entry) {
      db.insert(auditLog)
        .values({
          adminId: entry.adminId,
          action: entry.action,
          target: entry.target?.slice(0, TARGET_MAX) ?? null,
          targetCount: entry.targetCount ?? null,
          details: entry.details?.slice(0, DETAILS_MAX) ?? null,
          at: now(),
        })
        .run();
    },
    recent(limit) {
      return db.select().from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).all();
    },
  };
}
