/**
 * One digest run over a prepared database, alone in its process, so its peak RSS is the run's own:
 * `node --import tsx bench/digest-run.ts DB_PATH AT_MS [dry]` prints one JSON line.
 */
import { createConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { createOutbox } from '../src/delivery/outbox.ts';
import { createDigestService } from '../src/digests/service.ts';
import { createI18n } from '../src/i18n.ts';
import { createChatService } from '../src/subscriptions/chats.ts';
import { createTaxonomy } from '../src/taxonomy/index.ts';

const [path, atText, mode] = process.argv.slice(2);
if (!path || !atText) throw new Error('usage: digest-run.ts DB_PATH AT_MS [dry]');
const handle = openDatabase(path);
const config = createConfig({ DATABASE_PATH: path });
const service = createDigestService({
  handle, config, taxonomy: createTaxonomy(), i18n: await createI18n(),
  chats: createChatService({ db: handle.db, config }), outbox: createOutbox(handle),
});
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const result = service.run({ at: Number(atText), force: true, dryRun: mode === 'dry' });
const seconds = (performance.now() - started) / 1000;
// What the features did, so a figure cannot come from a run where they were all off.
let items = 0, updates = 0, foreign = 0, more = 0;
for (const d of result.digests) {
  items += d.items.length;
  more += d.more > 0 ? 1 : 0;
  for (const item of d.items) {
    if (item.isUpdate) updates++;
    if (item.foreign) foreign++;
  }
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds, queued: result.queuedMessages, chats: result.digests.length, items, updates, foreign, more, rssBeforeMb: rssBefore / 2 ** 20, peakRssMb })}\n`);
handle.close();
