import { createEnrichPool } from '../src/enrich/enrich-pool.ts';
import { createIngestor, type RawArticle } from '../src/articles/ingest.ts';
import { createClassifiers } from '../src/enrich/classifiers.ts';
import { createArticleStore } from '../src/articles/store.ts';
import { openDatabase } from '../src/db/client.ts';
import { createTaxonomy } from '../src/taxonomy/index.ts';
import { AFTER_STORIES, CROSS_LINGUAL_STORIES, storyArticles, type StoryVersion } from '../test/fixtures/cross-lingual-stories.ts';

export interface PairingResult {
  events: number;
  articles: number;
  /** Cross-language pairs put in one cluster that report one event, and that do not. */
  truePairs: number;
  falsePairs: number;
  /** Cross-language pairs of one event left in different clusters. */
  missedPairs: number;
  precision: number;
  recall: number;
  /** Per article: its event and the cluster the ingestor gave it. */
  clusters: Array<{ event: string; lang: string; clusterId: number }>;
}

/**
 * Ingests the stories through the real ingestor (no hreflang alternates declared, so only the
 * cross-lingual match can join versions) and scores "same cluster" against "same event" over every
 * pair of articles in different languages.
 */
export function measurePairing(stories: readonly StoryVersion[] = CROSS_LINGUAL_STORIES): PairingResult {
  const handle = openDatabase(':memory:');
  try {
    const taxonomy = createTaxonomy();
    const ingestor = createIngestor({ store: createArticleStore(handle), classifiers: createClassifiers(taxonomy), taxonomy, now: () => AFTER_STORIES });
    const items = storyArticles(stories);
    const report = ingestor.ingest(items.map((i) => i.raw));
    if (report.errors.length > 0 || report.new !== items.length) throw new Error(`fixture did not ingest cleanly: ${JSON.stringify(report.errors)}`);
    const clusterOf = handle.sqlite.prepare('SELECT cluster_id FROM articles WHERE id = ?').pluck();
    const clusters = items.map((item, i) => ({ event: item.event, lang: item.raw.lang ?? '', clusterId: clusterOf.get(report.ids[i]) as number }));
    let truePairs = 0;
    let falsePairs = 0;
    let missedPairs = 0;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const a = clusters[i] as (typeof clusters)[number];
        const b = clusters[j] as (typeof clusters)[number];
        if (a.lang === b.lang) continue;
        const together = a.clusterId === b.clusterId;
        const same = a.event === b.event;
        if (together && same) truePairs++;
        else if (together) falsePairs++;
        else if (same) missedPairs++;
      }
    }
    return {
      events: new Set(items.map((i) => i.event)).size,
      articles: items.length,
      truePairs,
      falsePairs,
      missedPairs,
      precision: truePairs + falsePairs === 0 ? 1 : truePairs / (truePairs + falsePairs),
      recall: truePairs + missedPairs === 0 ? 1 : truePairs / (truePairs + missedPairs),
      clusters,
    };
  } finally {
    handle.close();
  }
}

/**
 * Unrelated articles (years and sources apart, as the evaluation corpus is) ingested as if published
 * at one instant, all inside one pairing window: every cross-language pair in one story is false.
 */
export async function measureFalsePairings(items: RawArticle[]): Promise<{ articles: number; pairs: number; falsePairs: number }> {
  const handle = openDatabase(':memory:');
  const pool = createEnrichPool();
  try {
    const taxonomy = createTaxonomy();
    const at = Date.UTC(2026, 10, 29);
    const ingestor = createIngestor({ store: createArticleStore(handle), classifiers: createClassifiers(taxonomy), taxonomy, now: () => at });
    await pool.ready();
    await ingestor.ingestBatch(items.map((raw) => ({ ...raw, publishedAt: at })), pool);
    const count = (sql: string) => handle.sqlite.prepare(sql).pluck().get() as number;
    const falsePairs = count('SELECT count(*) FROM articles a JOIN articles b ON b.cluster_id = a.cluster_id AND b.id > a.id AND b.lang <> a.lang');
    const langs = handle.sqlite.prepare('SELECT count(*) AS n FROM articles GROUP BY lang').pluck().all() as number[];
    const all = langs.reduce((a, b) => a + b, 0);
    const pairs = (all * all - langs.reduce((sum, n) => sum + n * n, 0)) / 2;
    return { articles: items.length, pairs, falsePairs };
  } finally {
    await pool.close();
    handle.close();
  }
}

/** The fixture's precision and recall; with `unrelated` articles (the corpus), how many of those pair. */
export async function benchPairing(print: (line: string) => void, unrelated: RawArticle[] = []): Promise<PairingResult> {
  const r = measurePairing();
  print(
    `pairing: ${r.events} events, ${r.articles} articles: precision ${r.precision.toFixed(2)}, recall ${r.recall.toFixed(2)} ` +
      `(cross-language pairs: ${r.truePairs} joined, ${r.falsePairs} joined wrongly, ${r.missedPairs} missed)`,
  );
  if (unrelated.length > 0) {
    const f = await measureFalsePairings(unrelated);
    print(`pairing: ${f.falsePairs} false cross-language pairs among ${f.articles} unrelated corpus articles in one window (${(f.pairs / 1e6).toFixed(1)} million cross-language pairs)`);
  }
  return r;
}
