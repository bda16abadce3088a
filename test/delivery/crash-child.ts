/**
 * The sender as a separate process, for the crash test: it drains the outbox of the database it is
 * given against the Bot API at apiRoot until the test kills it with SIGKILL.
 * Usage: node --import tsx test/delivery/crash-child.ts <dbPath> <apiRoot> <token> [sendRate] [concurrency] [leaseTtlMs]
 * With a lease TTL it sends only while it holds the sender lease, waiting for it as a running bot does.
 */
import { pino } from 'pino';
import { Telegram } from 'telegraf';
import { createConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createSenderLease } from '../../src/delivery/lease.ts';
import { createSender } from '../../src/delivery/sender.ts';
import { createChatService } from '../../src/subscriptions/chats.ts';

const [dbPath, apiRoot, token, sendRate = '100', concurrency = '8', leaseTtl] = process.argv.slice(2);
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
if (leaseTtl) sender.start();
const report = leaseTtl ? await new Promise<never>(() => undefined) : await sender.runUntilIdle();
handle.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
