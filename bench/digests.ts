import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createArticleStore } from '../src/articles/store.ts';
import { openDatabase } from '../src/db/client.ts';
import { TOPIC_IDS } from '../src/taxonomy/index.ts';

const REGIONS = ['TJ', 'UZ', 'KZ', 'KG', 'TM', 'AF', 'IR', 'TR', 'EG', 'SA', 'AE', 'IQ', 'SY', 'RU', 'RU-TA', 'RU-CE', 'RU-DA', 'AZ', 'GE', 'AM'];
const MACROS = ['central-asia', 'north-caucasus', 'middle-east', 'gulf', 'north-africa', 'south-caucasus'];
const LOCALES = ['ar', 'ru', 'en'] as const;
const ZONES = ['Europe/Moscow', 'Asia/Dushanbe', 'Asia/Riyadh', 'Africa/Cairo', 'UTC'];

/** Deterministic pseudo-random numbers, so runs compare. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Composes digests for `subscribers` chats over `articles` fresh articles. Subscriptions are drawn
 * from `profiles` distinct sets, as real readers cluster on a few regions and topics.
 */
export async function benchDigests(subscribers: number, articles: number, profiles: number, print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'briefings-digests-'));
  const handle = openDatabase(join(dir, 'digests.db'));
  try {
    const rnd = random(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
    const at = Date.UTC(2026, 10, 29, 8);
    const store = createArticleStore(handle);
    handle.sqlite.transaction(() => {
      for (let i = 0; i < articles; i++) {
        const lang = pick(LOCALES);
        store.insert({
          dedupKey: `bench:${i}`, url: `https://bench.example/${i}`, title: `Story ${i} about ${pick(REGIONS)}`, text: 'Body.', lang,
          summary: [`Summary sentence of story ${i}.`], contentHash: `h${i}`, simhash: '0000000000000000',
          publishedAt: at - Math.floor(rnd() * 20 * 3_600_000), firstSeenAt: at - Math.floor(rnd() * 20 * 3_600_000),
          regions: [{ id: pick(REGIONS), score: 1 }], topics: [{ id: pick(TOPIC_IDS), score: 1 }], alternates: [], searchTitle: '', searchBody: '',
          clusterId: i > 10 && rnd() < 0.2 ? i - 1 - Math.floor(rnd() * 10) : undefined,
        });
      }
    })();
    const pool = Array.from({ length: profiles }, () =>
      Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ region: rnd() < 0.3 ? pick(MACROS) : pick(REGIONS), topic: rnd() < 0.5 ? 'all' : pick(TOPIC_IDS) })),
    );
    const insertChat = handle.sqlite.prepare("INSERT INTO chats (id, type, locale, time_zone, digest_time) VALUES (?, 'private', ?, ?, '08:00')");
    const insertSub = handle.sqlite.prepare('INSERT OR IGNORE INTO subscriptions (chat_id, region, topic) VALUES (?, ?, ?)');
    handle.sqlite.transaction(() => {
      for (let id = 1; id <= subscribers; id++) {
        insertChat.run(id, pick(LOCALES), pick(ZONES));
        for (const s of pick(pool)) insertSub.run(id, s.region, s.topic);
      }
    })();
    // Each run in a process of its own, so its peak RSS is the run's alone (plus Node's baseline).
    const heapCap = process.env.BENCH_HEAP_MB ? [`--max-old-space-size=${process.env.BENCH_HEAP_MB}`] : [];
    const run = (mode: 'dry' | 'real') => {
      const child = spawnSync(process.execPath, [...heapCap, '--import', 'tsx', fileURLToPath(new URL('./digest-run.ts', import.meta.url)), join(dir, 'digests.db'), String(at), mode], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`digest run failed: ${child.stderr}`);
      return JSON.parse(child.stdout) as { seconds: number; queued: number; chats: number; rssBeforeMb: number; peakRssMb: number };
    };
    const dry = run('dry');
    const real = run('real');
    print(
      `digests: ${subscribers} subscribers (${profiles} distinct profiles) over ${articles} articles: composed and formatted in ${dry.seconds.toFixed(2)} s, ` +
        `peak RSS ${dry.peakRssMb.toFixed(0)} MB (targets < 5 s, < 300 MB); composed, formatted and queued ${real.queued} messages in ${real.seconds.toFixed(2)} s, ` +
        `peak RSS ${real.peakRssMb.toFixed(0)} MB (Node, taxonomy and i18n alone: ${real.rssBeforeMb.toFixed(0)} MB)`,
    );
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
