import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCommand } from '../../src/cli/database.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { createConfig } from '../../src/config.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefings-backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's context on the live database, as `npx briefings backup` builds it (its own connection). */
function cliContext(databasePath: string): CliContext & { out: string[]; handle: () => DbHandle | undefined } {
  let handle: DbHandle | undefined;
  const out: string[] = [];
  return {
    config: createConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    db: () => (handle ??= openDatabase(databasePath)),
    pipeline: () => Promise.reject(new Error('backup needs only the database')),
    stdout: (line) => out.push(line),
    close: () => handle?.close(),
    out,
    handle: () => handle,
  };
}

describe('briefings backup', () => {
  it('copies the live database consistently while another connection keeps writing', async () => {
    const live = join(dir, 'live.db');
    const seed = openDatabase(live);
    // Enough pages that the online backup takes many steps, so writes land in the middle of it.
    const insert = seed.sqlite.prepare('INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, 0)');
    seed.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`seed.${i}`, 'x'.repeat(1000));
    })();
    seed.sqlite.prepare(`INSERT INTO chats (id, type, time_zone, digest_time) VALUES (42, 'private', 'UTC', '08:00')`).run();
    seed.close();

    // The bot's connection: every write is a pair in one transaction; a torn copy would hold half a pair.
    const writer = openDatabase(live);
    const writePair = writer.sqlite.transaction((n: number) => {
      writer.sqlite.prepare('INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?)').run(`pair.${n}.a`, String(n), n);
      writer.sqlite.prepare('INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?)').run(`pair.${n}.b`, String(n), n);
    });
    let pairs = 0;
    let writing = true;
    const writesDuringBackup = (async () => {
      while (writing) {
        writePair(pairs++);
        // Far faster than the sender's pace; a turn of the event loop between writes, so every step of
        // the online backup (which yields to the loop) has writes landing beside it.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const ctx = cliContext(live);
    const target = join(dir, 'backup.db');
    const pairsAtStart = pairs;
    try {
      expect(await backupCommand(ctx, [target])).toBe(0);
    } finally {
      writing = false;
      await writesDuringBackup;
      ctx.close();
    }
    expect(pairs - pairsAtStart).toBeGreaterThan(0);
    expect(ctx.out).toEqual([`backup written to ${target}`]);

    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (sql: string) => copy.prepare(sql).pluck().get() as number;
    expect(count("SELECT count(*) FROM app_state WHERE key LIKE 'seed.%'")).toBe(3000);
    expect(count('SELECT count(*) FROM chats WHERE id = 42')).toBe(1);
    expect(count("SELECT count(*) FROM app_state WHERE key LIKE 'pair.%.a'")).toBe(count("SELECT count(*) FROM app_state WHERE key LIKE 'pair.%.b'"));
    copy.close();

    // The copy is a working database for the product: it opens, migrations are already applied, it takes writes.
    const restored = openDatabase(target);
    restored.sqlite.prepare(`INSERT INTO chats (id, type, time_zone, digest_time) VALUES (43, 'private', 'UTC', '08:00')`).run();
    expect(restored.sqlite.prepare('SELECT count(*) FROM chats').pluck().get()).toBe(2);
    restored.close();
    writer.close();
  }, 60_000);

  it('refuses to overwrite an existing file without --force, and the live database itself', async () => {
    const live = join(dir, 'live.db');
    openDatabase(live).close();
    const target = join(dir, 'exists.db');
    openDatabase(target).close();
    const ctx = cliContext(live);
    await expect(backupCommand(ctx, [target])).rejects.toThrow(/--force/);
    await expect(backupCommand(ctx, [live])).rejects.toThrow(/cannot be the live database/);
    expect(await backupCommand(ctx, [target, '--force'])).toBe(0);
    expect(existsSync(target)).toBe(true);
    ctx.close();
  });
});
