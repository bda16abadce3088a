import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { admins } from '../db/schema.ts';
import type { AuditLog } from './audit.ts';

export interface AdminEntry {
  userId: number;
  /** 'env' admins come from ADMIN_IDS and can only be removed there. */
  origin: 'env' | 'added';
  addedBy: number | null;
  addedAt: number | null;
}

export type AddAdminOutcome = 'added' | 'exists';
export type RemoveAdminOutcome = 'removed' | 'env' | 'missing';

export interface AdminRoles {
  /** Asked at the moment of every admin action: a removed admin loses the role at once. */
  isAdmin(userId: number | undefined): boolean;
  list(): AdminEntry[];
  add(userId: number, by: number): AddAdminOutcome;
  remove(userId: number, by: number): RemoveAdminOutcome;
}

export function createAdminRoles(deps: { db: Db; adminIds: readonly number[]; audit: AuditLog; now: () => number }): AdminRoles {
  const { db, audit } = deps;
  const envIds = new Set(deps.adminIds);
  const stored = (userId: number) => db.select().from(admins).where(eq(admins.userId, userId)).get();

  return {
    isAdmin(userId) {
      if (userId === undefined) return false;
      return envIds.has(userId) || stored(userId) !== undefined;
    },
    list() {
      const env: AdminEntry[] = [...envIds].map((userId) => ({ userId, origin: 'env', addedBy: null, addedAt: null }));
      const added: AdminEntry[] = db
        .select()
        .from(admins)
        .orderBy(asc(admins.addedAt))
        .all()
        .filter((row) => !envIds.has(row.userId))
        .map((row) => ({ userId: row.userId, origin: 'added', addedBy: row.addedBy, addedAt: row.addedAt }));
      return [...env, ...added];
    },
    add(userId, by) {
      if (envIds.has(userId) || stored(userId)) return 'exists';
      db.transaction((tx) => {
        tx.insert(admins).values({ userId, addedBy: by, addedAt: deps.now() }).onConflictDoNothing().run();
        audit.record({ adminId: by, action: 'admin_add', target: String(userId), targetCount: 1 });
      });
      return 'added';
    },
    remove(userId, by) {
      if (envIds.has(userId)) return 'env';
      return db.transaction((tx) => {
        const removed = tx.delete(admins).where(eq(admins.userId, userId)).run().changes > 0;
        if (!removed) return 'missing';
        audit.record({ adminId: by, action: 'admin_remove', target: String(userId), targetCount: 1 });
        return 'removed';
      });
    },
  };
}
