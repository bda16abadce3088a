/**
 * Two senders on one database, as processes (issue 13): a CLI drain beside a running bot, then the bot
 * killed with SIGKILL mid-send and restarted. Against the Bot API double with Telegram's real limits
 * (30/s in total, 1/s per private chat). Figures to reach: 0 429s, total rate ≤ SEND_RATE, 0 lost,
 * repeats ≤ the one sender's messages in flight. `npx tsx bench/run.ts two-senders` runs it alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig } from '../src/config.ts';
import { LEASE_TTL_MS } from '../src/delivery/lease.ts';
import { openDatabase, type DbHandle } from '../src/db/client.ts';
import { createOutbox } from '../src/delivery/outbox.ts';
import { createFakeTelegram, type FakeTelegram } from '../src/telegram-double/index.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHATS = 250;

function child(args: string[]): { process: ChildProcess; output: Promise<string> } {
  // The crash tests' sender process, under the product's lease TTL: `loop` is a running bot, `drain` a CLI run.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/delivery/crash-child.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { process: proc, output: new Promise((resolve) => proc.on('exit', () => resolve(out))) };
}

function queue(handle: DbHandle, round: number): number {
  return createOutbox(handle).enqueue(
    Array.from({ length: CHATS }, (_, i) => [1, 2].map((part) => ({
      chatId: i + 1,
      itemKey: `digest:${round}:${part}`,
      kind: 'digest' as const,
      priority: 0,
      text: `<b>Briefing ${round}</b> for chat ${i + 1}, part ${part}`,
      articleIds: [],
    }))).flat(),
  );
}

/** The most sendMessage calls the double accepted in any one-second window. */
function peakPerSecond(tg: FakeTelegram, from: number): number {
  const times = tg.calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && c.at >= from).map((c) => c.at);
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

const delivered = (tg: FakeTelegram, round: number) => tg.sentMessages().filter((m) => m.plain_text.startsWith(`Briefing ${round} `));

export async function benchTwoSenders(print: (line: string) => void): Promise<void> {
  const sendRate = createConfig({ SEND_RATE: process.env.SEND_RATE }).sendRate;
  const dir = mkdtempSync(join(tmpdir(), 'briefings-bench-two-'));
  const dbPath = join(dir, 'two.db');
  const tg = await createFakeTelegram();
  const handle = openDatabase(dbPath);
  const args = (mode: string) => [dbPath, tg.apiRoot, tg.token, String(sendRate), '8', String(LEASE_TTL_MS), mode];
  let bot = child(args('loop'));
  try {
    const insert = handle.sqlite.prepare(`INSERT INTO chats (id, type, time_zone, digest_time) VALUES (?, 'private', 'UTC', '08:00')`);
    handle.sqlite.transaction(() => Array.from({ length: CHATS }, (_, i) => insert.run(i + 1)))();

    // 1. A CLI drain started while the bot sends: it must leave the queue to the lease holder.
    const first = queue(handle, 1);
    print(`two-senders: ${first} messages, a running bot and a CLI drain on one database at SEND_RATE=${sendRate}…`);
    await tg.waitForCalls('sendMessage', 20, 30_000);
    const startedAt = Date.now();
    const cli = child(args('drain'));
    const cliReport = JSON.parse((await cli.output).trim() || '{}') as { sent?: number };
    while (delivered(tg, 1).length < first) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (Date.now() - startedAt) / 1000;
    print(
      `two-senders: beside a running bot: ${delivered(tg, 1).length}/${first} delivered, ${new Set(delivered(tg, 1).map((m) => `${m.chat_id}:${m.plain_text}`)).size} distinct; ` +
        `the CLI sent ${cliReport.sent ?? '?'}; 429s ${tg.tooManyRequests}; peak ${peakPerSecond(tg, startedAt)} msgs in a second (SEND_RATE ${sendRate}); ${((delivered(tg, 1).length - 20) / seconds).toFixed(1)} msgs/s on average`,
    );

    // 2. The bot killed with SIGKILL mid-send, and started again as a service manager would.
    const second = queue(handle, 2);
    await tg.waitForCalls('sendMessage', first + 150, 60_000);
    bot.process.kill('SIGKILL');
    await bot.output;
    const killedAt = Date.now();
    const inFlight = handle.sqlite.prepare(`SELECT COUNT(*) FROM outbox WHERE status = 'sending'`).pluck().get() as number;
    const sentAtKill = delivered(tg, 2).length;
    bot = child(args('loop'));
    while (delivered(tg, 2).length === sentAtKill) await new Promise((resolve) => setTimeout(resolve, 100));
    const takeover = (Date.now() - killedAt) / 1000;
    while (createOutbox(handle).pendingCount() > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const got = delivered(tg, 2);
    const distinct = new Set(got.map((m) => `${m.chat_id}:${m.plain_text}`)).size;
    print(
      `two-senders: kill -9 mid-send and restart: ${second - distinct} lost, ${got.length - distinct} repeated (in flight at the kill: ${inFlight}); ` +
        `sending resumed ${takeover.toFixed(1)} s after the kill (lease expiry); 429s in all ${tg.tooManyRequests}; violations ${tg.violations.length}`,
    );
  } finally {
    bot.process.kill('SIGTERM');
    await bot.output;
    handle.close();
    await tg.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchTwoSenders((line) => process.stdout.write(`${line}\n`));
}
