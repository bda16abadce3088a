import type { DbHandle } from '../db/client.ts';
import { canonicalUrl } from '../enrich/fingerprint.ts';

import type { Scored } from '../enrich/enrich.ts';

export type { Scored };

export interface NewArticle {
  dedupKey: string;
  url?: string | undefined;
  title: string;
  text: string;
  lang: string;
  declaredLang?: string | undefined;
  summary: string[];
  contentHash: string;
  simhash: string;
  publishedAt: number;
  firstSeenAt: number;
  sourceId?: number | undefined;
  sourceName?: string | undefined;
  isBreaking?: boolean;
  regions: Scored[];
  topics: Scored[];
  alternates: Array<{ lang: string; url: string }>;
  /** Normalized, stemmed terms for the search index, joined by spaces (see `Enrichment`). */
  searchTitle: string;
  searchBody: string;
  clusterId?: number | undefined;
}

export interface PairingRow {
  id: number;
  clusterId: number;
  title: string;
  text: string;
  lang: string;
  publishedAt: number;
  regions: Array<{ id: string }>;
}

export interface ArticleStore {
  hasDedupKey(key: string): boolean;
  hasContentHash(hash: string): boolean;
  /** Cluster of an already stored article that is a declared language version of this one. */
  clusterOfAlternate(url: string | undefined, alternates: Array<{ url: string }>): number | undefined;
  /** Recent fingerprints, to find near-duplicates without scanning the table per article. */
  recentFingerprints(lang: string, since: number): Array<{ id: number; clusterId: number; simhash: string }>;
  /**
   * Articles published since `since`, with the first `leadChars` of their text, to pair language versions
   * of one event. Optional: without it, pairing starts from what this process ingests.
   */
  recentForPairing?(since: number, leadChars: number): PairingRow[];
  insert(article: NewArticle): { id: number; clusterId: number };
  /**
   * Runs `fn` in one transaction, so many inserts commit (and flush the full-text index) once; an
   * insert that throws inside is still undone alone. Optional: a store without it commits per insert.
   */
  batch?<T>(fn: () => T): T;
  count(): number;
}

export function createArticleStore(handle: DbHandle): ArticleStore {
  const { sqlite } = handle;
  const byKey = sqlite.prepare('SELECT 1 FROM articles WHERE dedup_key = ?').pluck();
  const byHash = sqlite.prepare('SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1').pluck();
  const clusterByKey = sqlite.prepare('SELECT cluster_id FROM articles WHERE dedup_key = ?').pluck();
  const clusterByAlternate = sqlite
    .prepare('SELECT a.cluster_id FROM article_alternates x JOIN articles a ON a.id = x.article_id WHERE x.url = ? LIMIT 1')
    .pluck();
  const recent = sqlite.prepare(
    'SELECT id, cluster_id AS clusterId, simhash FROM articles WHERE lang = ? AND first_seen_at >= ? AND simhash IS NOT NULL',
  );
  // published_at never exceeds first_seen_at, so the first-seen index narrows the scan to the window.
  const recentLeads = sqlite.prepare(
    `SELECT a.id, a.cluster_id AS clusterId, a.title, substr(a.text, 1, ?) AS text, a.lang, a.published_at AS publishedAt,
       (SELECT group_concat(r.region) FROM article_regions r WHERE r.article_id = a.id) AS regions
     FROM articles a WHERE a.first_seen_at >= ? AND a.published_at >= ?`,
  );
  const ftsInsert = sqlite.prepare('INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)');
  const setCluster = sqlite.prepare('UPDATE articles SET cluster_id = ? WHERE id = ?');
  const count = sqlite.prepare('SELECT count(*) FROM articles').pluck();

  // Raw prepared statements: ingest writes thousands of rows a second, and a query builder would prepare each anew.
  const insertArticle = sqlite.prepare(
    `INSERT INTO articles (dedup_key, url, title, text, lang, declared_lang, summary, content_hash, simhash, cluster_id,
       is_breaking, published_at, first_seen_at, source_id, source_name)
     VALUES (@dedupKey, @url, @title, @text, @lang, @declaredLang, @summary, @contentHash, @simhash, @clusterId,
       @isBreaking, @publishedAt, @firstSeenAt, @sourceId, @sourceName)`,
  );
  const insertRegion = sqlite.prepare('INSERT OR IGNORE INTO article_regions (article_id, region, score) VALUES (?, ?, ?)');
  const insertTopic = sqlite.prepare('INSERT OR IGNORE INTO article_topics (article_id, topic, score) VALUES (?, ?, ?)');
  const insertAlternate = sqlite.prepare('INSERT OR IGNORE INTO article_alternates (article_id, lang, url) VALUES (?, ?, ?)');

  // Inside batch(), full-text rows wait for the end of the batch: FTS5 flushes its pending terms to a
  // new segment at every savepoint, and each insert is a savepoint, so writing them as they come would
  // cost one tiny segment (and later merges) per article.
  let pendingFts: Array<[id: number, title: string, body: string]> | undefined;
  const insert = sqlite.transaction((a: NewArticle) => {
    const id = Number(
      insertArticle.run({
        dedupKey: a.dedupKey,
        url: a.url ?? null,
        title: a.title,
        text: a.text,
        lang: a.lang,
        declaredLang: a.declaredLang ?? null,
        summary: JSON.stringify(a.summary),
        contentHash: a.contentHash,
        simhash: a.simhash,
        clusterId: a.clusterId ?? null,
        isBreaking: a.isBreaking ? 1 : 0,
        publishedAt: a.publishedAt,
        firstSeenAt: a.firstSeenAt,
        sourceId: a.sourceId ?? null,
        sourceName: a.sourceName ?? null,
      }).lastInsertRowid,
    );
    const clusterId = a.clusterId ?? id;
    if (a.clusterId === undefined) setCluster.run(clusterId, id);
    for (const r of a.regions) insertRegion.run(id, r.id, r.score);
    for (const t of a.topics) insertTopic.run(id, t.id, t.score);
    for (const x of a.alternates) {
      const url = canonicalUrl(x.url);
      if (url) insertAlternate.run(id, x.lang, url);
    }
    const row: [number, string, string] = [id, a.searchTitle, a.searchBody];
    if (pendingFts) pendingFts.push(row);
    else ftsInsert.run(...row);
    return { id, clusterId };
  });
  const batch = sqlite.transaction(<T>(fn: () => T): T => {
    if (pendingFts) return fn();
    pendingFts = [];
    try {
      const result = fn();
      for (const row of pendingFts) ftsInsert.run(...row);
      return result;
    } finally {
      pendingFts = undefined;
    }
  });

  return {
    hasDedupKey: (key) => byKey.get(key) !== undefined,
    hasContentHash: (hash) => byHash.get(hash) !== undefined,
    clusterOfAlternate(url, alternates) {
      // Either this page names a stored page as its translation, or a stored page names this one.
      for (const alt of alternates) {
        const canonical = canonicalUrl(alt.url);
        const cluster = canonical ? clusterByKey.get(`url:${canonical}`) : undefined;
        if (typeof cluster === 'number') return cluster;
      }
      const own = url ? canonicalUrl(url) : undefined;
      const cluster = own ? clusterByAlternate.get(own) : undefined;
      return typeof cluster === 'number' ? cluster : undefined;
    },
    recentFingerprints: (lang, since) =>
      recent.all(lang, since) as Array<{ id: number; clusterId: number; simhash: string }>,
    recentForPairing: (since, leadChars) =>
      (recentLeads.all(leadChars, since, since) as Array<Omit<PairingRow, 'regions'> & { regions: string | null }>).map((row) => ({
        ...row,
        regions: (row.regions ? row.regions.split(',') : []).map((id) => ({ id })),
      })),
    insert: (a) => insert(a),
    batch: <T>(fn: () => T): T => batch(fn) as T,
    count: () => count.get() as number,
  };
}
