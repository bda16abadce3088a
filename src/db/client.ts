import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { namingFile } from './faults.ts';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema>;
export interface DbHandle {
  readonly db: Db;
  readonly sqlite: Database.Database;
  close(): void;
}

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/**
 * Opens (creating the folder and file when missing), sets pragmas and applies migrations. A file that
 * is damaged, not a database, read-only or on a full disk is refused with a StorageError naming it;
 * the file is never rewritten or replaced.
 */
export function openDatabase(path: string): DbHandle {
  let sqlite: Database.Database | undefined;
  try {
    if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
    sqlite = new Database(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const opened = sqlite;
    return { db, sqlite: opened, close: () => opened.close() };
  } catch (error) {
    sqlite?.close();
    throw namingFile(error, path);
  }
}
