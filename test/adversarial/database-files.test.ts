import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { startMainProcess, type RunningMain } from '../helpers/main-process.ts';
import { messageUpdate } from '../../src/telegram-double/updates.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Root may write any file; the read-only case runs the CLI as nobody, as an operator's service user would be. */
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], databasePath: string, options: { uid?: number; gid?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A database with one source and one subscriber in it, checkpointed so the main file holds everything. */
function realDatabase(path: string): void {
  const handle = openDatabase(path);
  handle.sqlite.prepare(`INSERT INTO sources (url, name) VALUES ('https://desk.example/feed.xml', 'Desk')`).run();
  handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  handle.close();
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefings-dbfiles-'));
  chmodSync(dir, 0o755);
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('a database file that is not a database', () => {
  it('makes the CLI name the file and leave it as it was', async () => {
    const path = join(dir, 'garbage.db');
    const garbage = Buffer.from('These are the minutes of the Kazan council, not an SQLite file. '.repeat(300));
    writeFileSync(path, garbage);
    const run = await cli(['sources', 'list'], path);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`database ${path}: file is not a database`);
    expect(run.stderr).toContain('it was left as it is');
    expect(readFileSync(path).equals(garbage)).toBe(true);
  }, 30_000);

  it('makes npm start exit non-zero and name the file before it polls anything', async () => {
    const telegram = await createFakeTelegram();
    try {
      const path = join(dir, 'data', 'bot.db');
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, 'not a database at all '.repeat(500));
      const run = startMainProcess(telegram, dir, { DATABASE_PATH: path });
      expect(await run.exit).toBe(1);
      expect(run.stderr()).toContain(`briefings failed to start: database ${path}: file is not a database`);
      expect(telegram.calls.filter((c) => c.method === 'getUpdates')).toHaveLength(0);
    } finally {
      await telegram.close();
    }
  }, 30_000);
});

describe('a damaged database file', () => {
  it('makes the CLI say the file is damaged and how to get it back', async () => {
    const path = join(dir, 'damaged.db');
    realDatabase(path);
    const bytes = readFileSync(path);
    // The schema page survives; the pages after it are overwritten, as a bad disk sector would.
    bytes.fill(0xa5, 4096 * 2, Math.min(bytes.length, 4096 * 40));
    writeFileSync(path, bytes);
    const run = await cli(['sources', 'list'], path);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`database ${path}: database disk image is malformed`);
    expect(run.stderr).toContain('briefings backup');
    expect(run.stderr).toContain(`sqlite3 ${path} .recover`);
  }, 30_000);
});

describe('a read-only database file', () => {
  it('refuses a write with the reason and keeps what the file held', async () => {
    const path = join(dir, 'ro.db');
    realDatabase(path);
    const before = readFileSync(path);
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    const run = await cli(['sources', 'add', 'https://other.example/feed.xml', '--no-check'], path, AS_NOBODY);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`database ${path}: attempt to write a readonly database`);
    expect(run.stderr).toContain('read-only for this user');
    expect(readFileSync(path).equals(before)).toBe(true);
    chmodSync(dir, 0o755);
    chmodSync(path, 0o644);
    // Writable again, the same command works on the same file and the old source is still there.
    const copy = join(dir, 'again.db');
    copyFileSync(path, copy);
    expect((await cli(['sources', 'add', 'https://other.example/feed.xml', '--no-check'], copy)).code).toBe(0);
    const listed = await cli(['sources', 'list'], copy);
    expect(listed.stdout).toContain('https://desk.example/feed.xml');
    expect(listed.stdout).toContain('https://other.example/feed.xml');
  }, 40_000);
});

describe('two bots started on one database and one token', () => {
  let telegram: FakeTelegram;
  const runs: RunningMain[] = [];
  beforeEach(async () => {
    telegram = await createFakeTelegram({ maxPollTimeoutMs: 200 });
  });
  afterEach(async () => {
    for (const run of runs.splice(0)) {
      run.child.kill('SIGTERM');
      await run.exit;
    }
    await telegram.close();
  });

  it('leaves one polling, stops the other with the reason, and answers every reader exactly once', async () => {
    const first = startMainProcess(telegram, dir);
    runs.push(first);
    await first.port;
    await telegram.waitForCalls('getUpdates', 1, 20_000);
    const second = startMainProcess(telegram, dir);
    runs.push(second);
    await second.port;
    // Telegram lets one getUpdates run per token: the newer poll ends the older one with 409.
    const stoppedCode = await Promise.race([first.exit, second.exit]);
    expect(stoppedCode).toBe(1);
    const [stopped, survivor] = first.child.exitCode !== null ? [first, second] : [second, first];
    expect(stopped.stderr()).toContain('another process is polling this bot token (409 Conflict)');
    expect(survivor.child.exitCode).toBeNull();

    const readers = [
      { chatId: 801, text: '/subscribe طاجيكستان الأمن', languageCode: 'ar', said: 'تم الاشتراك' },
      { chatId: 802, text: '/subscribe Узбекистан экономика', languageCode: 'ru', said: 'Подписка оформлена' },
      { chatId: 803, text: '/subscribe Chechnya religion', languageCode: 'en', said: 'Subscribed' },
    ];
    const before = telegram.sentMessages().length;
    for (const { chatId, text, languageCode } of readers) telegram.queueUpdate(messageUpdate({ chatId, text, languageCode }));
    await telegram.waitForCalls('sendMessage', before + readers.length, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const { chatId, said } of readers) {
      const answers = telegram.sentMessages().filter((m) => m.chat_id === chatId);
      expect(answers).toHaveLength(1);
      expect(answers[0]?.plain_text).toContain(said);
    }
    survivor.child.kill('SIGTERM');
    expect(await survivor.exit).toBe(0);
    const handle = openDatabase(join(dir, 'data', 'bot.db'));
    const subscriptions = handle.sqlite.prepare('SELECT COUNT(*) FROM subscriptions WHERE chat_id IN (801, 802, 803)').pluck().get();
    handle.close();
    expect(subscriptions).toBe(3);
    expect(telegram.violations).toEqual([]);
  }, 60_000);
});
