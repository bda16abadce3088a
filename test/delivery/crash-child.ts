/**
 * The sender as a separate process, for the crash tests and the two-senders bench: it sends the outbox
 * of the database it is given against the Bot API at apiRoot until it is done or killed.
 * Usage: node --import tsx test/delivery/crash-child.ts <dbPath> <apiRoot> <token> [sendRate] [concurrency] [leaseTtlMs] [loop|drain]
 * With a lease TTL it sends only while it holds the sender lease: as a running bot does (loop, the
 * default) or as a CLI run does (drain: once, leaving the queue to a live holder; prints its report).
 */
import { pino } from 'pino';
import { Telegram } from 'telegraf';
import { createConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createSenderLease } from '../../src/delivery/lease.ts';
import { createSender } from '../../src/delivery/sender.ts';
import { createChatService } from '../../src/subscriptions/chats.ts';

const [dbPath, apiRoot, token, sendRate = '100', concurrency = '8', leaseTtl, mode = 'loop'] = process.argv.slice(2);
if (!dbPath || !apiRoot || !token) {
  process.stderr.write('usage: crash-child.ts <dbPath> <apiRoot> <token>\n');
  process.exit(2);
}
const handle = openDatabase(dbPath);
const sender = createSender({
  handle,
  telegram: new Telegram(token, { apiRoot }),
  chats: createChatService({ db: handle.db, config: createConfig({}) }),
  sendRate: Number(sendRate),
  concurrency: Number(concurrency),
  logger: pino({ level: 'silent' }),
  ...(leaseTtl ? { lease: createSenderLease(handle, { ttlMs: Number(leaseTtl) }) } : {}),
});
// With a lease, the loop (as the bot runs it) waits for the lease instead of leaving at once.
const loop = leaseTtl !== undefined && mode === 'loop';
if (loop) sender.start();
const report = loop ? await new Promise<never>(() => undefined) : await sender.runUntilIdle();
handle.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
