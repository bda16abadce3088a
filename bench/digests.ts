import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createArticleStore } from '../src/articles/store.ts';
import { openDatabase } from '../src/db/client.ts';
import { sourceKey } from '../src/subscriptions/mutes.ts';
import { TOPIC_IDS } from '../src/taxonomy/index.ts';

const REGIONS = ['TJ', 'UZ', 'KZ', 'KG', 'TM', 'AF', 'IR', 'TR', 'EG', 'SA', 'AE', 'IQ', 'SY', 'RU', 'RU-TA', 'RU-CE', 'RU-DA', 'AZ', 'GE', 'AM'];
const MACROS = ['central-asia', 'north-caucasus', 'middle-east', 'gulf', 'north-africa', 'south-caucasus'];
const LOCALES = ['ar', 'ru', 'en'] as const;
const ZONES = ['Europe/Moscow', 'Asia/Dushanbe', 'Asia/Riyadh', 'Africa/Cairo', 'UTC'];
const SOURCES = ['Asia-Plus', 'Kun.uz', 'Tengri', 'Al-Ahram', 'RIA Kavkaz', 'Tatar-inform', 'Gulf Wire', 'Caspian Desk'];
const READING = ['ar', 'ru', 'en', 'ru,en', 'ar,en', 'en,ru', 'ar,ru'];

/**
 * How many chats turn each feature on. "typical": most keep the defaults (a guess until real
 * figures exist: a quarter reads a second language, a tenth hides the rest, a few mute something,
 * a fifth take instant briefings). "stress": seven chats in ten set their own languages, which
 * leaves almost no two chats with one digest, the worst case for sharing work.
 */
export const MIXES = {
  typical: { reading: 0.25, hide: 0.1, muteTopic: 0.05, muteSource: 0.02, instant: 0.2 },
  stress: { reading: 0.7, hide: 0.2, muteTopic: 0.1, muteSource: 0.05, instant: 0.3 },
} as const;
export type Mix = keyof typeof MIXES;

/** Deterministic pseudo-random numbers, so runs compare. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Composes digests for `subscribers` chats over `articles` fresh articles. Subscriptions are drawn
 * from `profiles` distinct sets, as real readers cluster on a few regions and topics.
 */
export async function benchDigests(subscribers: number, articles: number, profiles: number, print: (line: string) => void, mixName: Mix = 'typical'): Promise<void> {
  const mix = MIXES[mixName];
  const dir = mkdtempSync(join(tmpdir(), 'briefings-digests-'));
  const handle = openDatabase(join(dir, 'digests.db'));
  try {
    const rnd = random(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
    const at = Date.UTC(2026, 10, 29, 8);
    const store = createArticleStore(handle);
    const seen: Array<{ id: number; firstSeenAt: number }> = [];
    handle.sqlite.transaction(() => {
      for (let i = 0; i < articles; i++) {
        const lang = pick(LOCALES);
        const firstSeenAt = at - Math.floor(rnd() * 20 * 3_600_000);
        const stored = store.insert({
          dedupKey: `bench:${i}`, url: `https://bench.example/${i}`, title: `Story ${i} about ${pick(REGIONS)}`, text: 'Body.', lang,
          summary: [`Summary sentence of story ${i}.`], contentHash: `h${i}`, simhash: '0000000000000000',
          publishedAt: firstSeenAt - Math.floor(rnd() * 3_600_000), firstSeenAt, sourceName: pick(SOURCES),
          regions: [{ id: pick(REGIONS), score: 1 }], topics: [{ id: pick(TOPIC_IDS), score: 1 }], alternates: [], searchTitle: '', searchBody: '',
          // A third of the articles join an earlier story: other sources and languages, and updates.
          clusterId: i > 10 && rnd() < 0.33 ? i - 1 - Math.floor(rnd() * 10) : undefined,
        });
        seen.push({ id: stored.id, firstSeenAt });
      }
    })();
    const pool = Array.from({ length: profiles }, () =>
      Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ region: rnd() < 0.3 ? pick(MACROS) : pick(REGIONS), topic: rnd() < 0.5 ? 'all' : pick(TOPIC_IDS) })),
    );
    const insertChat = handle.sqlite.prepare(
      "INSERT INTO chats (id, type, locale, time_zone, digest_time, frequency, reading_langs, other_langs) VALUES (?, 'private', ?, ?, '08:00', ?, ?, ?)",
    );
    const insertSub = handle.sqlite.prepare('INSERT OR IGNORE INTO subscriptions (chat_id, region, topic) VALUES (?, ?, ?)');
    const insertMute = handle.sqlite.prepare('INSERT OR IGNORE INTO chat_mutes (chat_id, kind, value, label) VALUES (?, ?, ?, ?)');
    const insertDelivery = handle.sqlite.prepare(
      'INSERT OR IGNORE INTO deliveries (chat_id, article_id, cluster_id, lang, delivered_at) SELECT ?, id, cluster_id, lang, ? FROM articles WHERE id = ?',
    );
    // Every feature a reader can turn on, on for some: reading languages (and hiding the rest),
    // muted topics and sources, and instant chats that had stories 8 hours ago, which may now be updates.
    const delivered = at - 8 * 3_600_000;
    const older = seen.filter((a) => a.firstSeenAt < delivered);
    handle.sqlite.transaction(() => {
      for (let id = 1; id <= subscribers; id++) {
        const instant = rnd() < mix.instant;
        const reading = rnd() < mix.reading ? pick(READING) : null;
        insertChat.run(id, pick(LOCALES), pick(ZONES), instant ? 'instant' : 'daily', reading, rnd() < mix.hide ? 'hide' : 'tag');
        for (const s of pick(pool)) insertSub.run(id, s.region, s.topic);
        if (rnd() < mix.muteTopic) insertMute.run(id, 'topic', pick(TOPIC_IDS), null);
        if (rnd() < mix.muteSource) insertMute.run(id, 'source', sourceKey(pick(SOURCES)), null);
        if (instant) for (let k = 0; k < 20; k++) insertDelivery.run(id, delivered, pick(older).id);
      }
    })();
    // Each run in a process of its own, so its peak RSS is the run's alone (plus Node's baseline).
    // BENCH_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the runs: NODE_OPTIONS may not.
    const heapCap = [
      ...(process.env.BENCH_HEAP_MB ? [`--max-old-space-size=${process.env.BENCH_HEAP_MB}`] : []),
      ...(process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
    ];
    const run = (mode: 'dry' | 'real') => {
      const child = spawnSync(process.execPath, [...heapCap, '--import', 'tsx', fileURLToPath(new URL('./digest-run.ts', import.meta.url)), join(dir, 'digests.db'), String(at), mode], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`digest run failed: ${child.stderr}`);
      return JSON.parse(child.stdout) as {
        seconds: number; cpuSeconds: number; queued: number; chats: number; items: number; updates: number; foreign: number; more: number; rssBeforeMb: number; peakRssMb: number;
      };
    };
    const dry = run('dry');
    const real = run('real');
    print(
      `digests: ${subscribers} subscribers (${profiles} distinct profiles; ${mixName} mix of reading languages, mutes, More pages and updates) over ${articles} articles: composed and formatted in ${dry.seconds.toFixed(2)} s (${dry.cpuSeconds.toFixed(2)} CPU-s), ` +
        `peak RSS ${dry.peakRssMb.toFixed(0)} MB (targets < 5 s, < 300 MB); composed, formatted and queued ${real.queued} messages in ${real.seconds.toFixed(2)} s, ` +
        `peak RSS ${real.peakRssMb.toFixed(0)} MB (Node, taxonomy and i18n alone: ${real.rssBeforeMb.toFixed(0)} MB)`,
    );
    print(`  of which: ${dry.items} items, ${dry.updates} updates, ${dry.foreign} tagged in a language the chat does not read, ${dry.more} digests with a More button`);
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
