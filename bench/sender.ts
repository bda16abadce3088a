/**
 * The sender against the local Bot API double enforcing Telegram's limits on the real clock (30/s in
 * total, 1/s per private chat, 20/min per group): achieved rate over SEND_RATE and 429s seen.
 * Figures to reach: ≥ 95 % of SEND_RATE with zero 429s. `npx tsx bench/sender.ts` runs it alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { Telegram } from 'telegraf';
import { createConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { createSender } from '../src/delivery/sender.ts';
import { createChatService } from '../src/subscriptions/chats.ts';
import { createFakeTelegram } from '../src/telegram-double/index.ts';

export interface SenderBenchOptions {
  /** Distinct private chats, one message each. Default 1,500 (a minute at 25/s). */
  messages?: number;
  /** Default SEND_RATE from the environment, else the product default (25). */
  sendRate?: number;
}

export interface SenderBenchResult {
  messages: number;
  sendRate: number;
  seconds: number;
  perSecond: number;
  percentOfRate: number;
  /** 429s the double answered (it counts only its own flood refusals). */
  tooManyRequests: number;
  delivered: number;
  violations: number;
}

export async function benchSender(print: (line: string) => void, options: SenderBenchOptions = {}): Promise<SenderBenchResult> {
  const messages = options.messages ?? 1500;
  const sendRate = options.sendRate ?? createConfig({ SEND_RATE: process.env.SEND_RATE }).sendRate;
  const dir = mkdtempSync(join(tmpdir(), 'briefings-bench-sender-'));
  const tg = await createFakeTelegram();
  const handle = openDatabase(join(dir, 'bench.db'));
  try {
    const insertChat = handle.sqlite.prepare(`INSERT INTO chats (id, type, time_zone, digest_time) VALUES (?, 'private', 'UTC', '08:00')`);
    handle.sqlite.transaction(() => {
      for (let id = 1; id <= messages; id++) insertChat.run(id);
    })();
    const sender = createSender({
      handle,
      telegram: new Telegram(tg.token, { apiRoot: tg.apiRoot }),
      chats: createChatService({ db: handle.db, config: createConfig({}) }),
      sendRate,
      logger: pino({ level: 'silent' }),
    });
    sender.outbox.enqueue(
      Array.from({ length: messages }, (_, i) => ({
        chatId: i + 1,
        itemKey: 'digest:bench:1',
        kind: 'digest' as const,
        priority: 0,
        text: `<b>Briefing</b> for chat ${i + 1}: <a href="https://example.org/${i}">a story</a>`,
        articleIds: [],
      })),
    );
    print(`sender: ${messages} messages to ${messages} private chats at SEND_RATE=${sendRate} (about ${Math.round(messages / sendRate)} s)…`);
    const report = await sender.runUntilIdle();
    const result: SenderBenchResult = {
      messages,
      sendRate,
      seconds: report.durationMs / 1000,
      perSecond: report.ratePerSecond,
      percentOfRate: (report.ratePerSecond / sendRate) * 100,
      tooManyRequests: tg.tooManyRequests,
      delivered: tg.sentMessages().length,
      violations: tg.violations.length,
    };
    print(
      `sender: ${result.delivered}/${messages} delivered in ${result.seconds.toFixed(2)} s = ${result.perSecond.toFixed(2)} msgs/s ` +
        `(${result.percentOfRate.toFixed(1)}% of SEND_RATE ${sendRate}); 429s seen: ${result.tooManyRequests}; violations: ${result.violations}`,
    );
    return result;
  } finally {
    handle.close();
    await tg.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const messages = process.env.BENCH_SENDER_MESSAGES ? Number(process.env.BENCH_SENDER_MESSAGES) : undefined;
  await benchSender((line) => process.stdout.write(`${line}\n`), messages ? { messages } : {});
}
