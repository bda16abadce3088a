/**
 * A process that takes the sender lease and keeps renewing it until it is killed, for the takeover test.
 * Usage: node --import tsx test/delivery/lease-child.ts <dbPath> <ttlMs>
 */
import { openDatabase } from '../../src/db/client.ts';
import { createSenderLease } from '../../src/delivery/lease.ts';

const [dbPath, ttl = '1500'] = process.argv.slice(2);
if (!dbPath) {
  process.stderr.write('usage: lease-child.ts <dbPath> <ttlMs>\n');
  process.exit(2);
}
const lease = createSenderLease(openDatabase(dbPath), { holder: 'child', ttlMs: Number(ttl) });
if (!lease.acquire()) {
  process.stdout.write('refused\n');
  process.exit(1);
}
process.stdout.write('held\n');
setInterval(() => lease.acquire(), Number(ttl) / 3);
