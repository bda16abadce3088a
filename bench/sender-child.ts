/**
 * A sender process for the two-senders bench, under the sender lease as the product runs it:
 * `loop` is the running bot's sender, `drain` is a CLI run (`briefings digest --now`) that sends only
 * when no live process holds the lease. Prints its report as one JSON line when a drain ends.
 * Usage: node --import tsx bench/sender-child.ts <dbPath> <apiRoot> <token> <sendRate> <loop|drain>
 */
import { pino } from 'pino';
import { Telegram } from 'telegraf';
import { createConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { createSenderLease } from '../src/delivery/lease.ts';
import { createSender } from '../src/delivery/sender.ts';
import { createChatService } from '../src/subscriptions/chats.ts';

const [dbPath, apiRoot, token, sendRate, mode] = process.argv.slice(2);
if (!dbPath || !apiRoot || !token || !sendRate || (mode !== 'loop' && mode !== 'drain')) {
  process.stderr.write('usage: sender-child.ts <dbPath> <apiRoot> <token> <sendRate> <loop|drain>\n');
  process.exit(2);
}
const handle = openDatabase(dbPath);
const sender = createSender({
  handle,
  telegram: new Telegram(token, { apiRoot }),
  chats: createChatService({ db: handle.db, config: createConfig({}) }),
  sendRate: Number(sendRate),
  logger: pino({ level: 'silent' }),
  lease: createSenderLease(handle),
});
if (mode === 'loop') {
  sender.start();
  process.once('SIGTERM', () => void sender.stop().then(() => handle.close()));
} else {
  const report = await sender.runUntilIdle();
  handle.close();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
