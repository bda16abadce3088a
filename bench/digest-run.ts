/**
 * One digest run over a prepared database, alone in its process, so its peak RSS is the run's own:
 * `node --import tsx bench/digest-run.ts DB_PATH AT_MS [dry]` prints one JSON line.
 */
import { createConfig } from '../src/config.ts';
import type { ChatDigest } from '../src/digests/service.ts';
import { createLogger } from '../src/logger.ts';
import { createPipeline } from '../src/pipeline.ts';

const [path, atText, mode] = process.argv.slice(2);
if (!path || !atText) throw new Error('usage: digest-run.ts DB_PATH AT_MS [dry]');
const config = createConfig({ DATABASE_PATH: path });
const pipeline = await createPipeline(config, { logger: createLogger('silent') });
const service = pipeline.digests;
const rssBefore = process.memoryUsage().rss;
// What the features did, so a figure cannot come from a run where they were all off.
let chats = 0, items = 0, updates = 0, foreign = 0, more = 0;
const count = (d: ChatDigest) => {
  chats++;
  items += d.items.length;
  more += d.more > 0 ? 1 : 0;
  for (const item of d.items) {
    if (item.isUpdate) updates++;
    if (item.foreign) foreign++;
  }
};
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = service.run({ at: Number(atText), force: true, dryRun: mode === 'dry', onDigest: count });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
// CPU time of the run, all threads (the garbage collector's helpers too): steadier than wall time on a shared machine.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, queued: result.queuedMessages, chats, items, updates, foreign, more, rssBeforeMb: rssBefore / 2 ** 20, peakRssMb })}\n`);
pipeline.close();
