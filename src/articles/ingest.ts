import { storageFault } from '../db/faults.ts';
import type { Logger } from '../logger.ts';
import { createTaxonomy, type Taxonomy } from '../taxonomy/index.ts';
import { createCrossLingualIndex } from './cross-lingual-index.ts';
import { createSigner, CROSS_LINGUAL_WINDOW_MS, LEAD_CHARS } from '../enrich/cross-lingual.ts';
import { ArticleRejected, articleLink, enrich, identify, type BatchEnricher, type Classifiers, type Enrichment, type Identified, type RawArticle } from '../enrich/enrich.ts';
import { createNearDuplicateIndex } from '../enrich/near-duplicates.ts';
import type { ArticleStore } from './store.ts';

export type { Classifiers, RawArticle } from '../enrich/enrich.ts';
export { ArticleRejected, articleLink, isUsableTitle, MAX_TEXT_CHARS, MAX_TITLE_CHARS, SUMMARIZED_LANGUAGES } from '../enrich/enrich.ts';

export interface IngestReport {
  seen: number;
  new: number;
  duplicates: number;
  errors: Array<{ item: string; error: string }>;
  ids: number[];
}

/** Enriches many articles at once, e.g. on worker threads (enrich-pool.ts). */
export type { BatchEnricher } from '../enrich/enrich.ts';

const NEAR_DUPLICATE_WINDOW_MS = 7 * 86_400_000;
const MIN_TERMS_FOR_NEAR_DUPLICATE = 25;
/** Articles per enrich call in ingestBatch: small enough to overlap enriching and writing. */
const ENRICH_SLICE = 100;

export function createIngestor(deps: {
  store: ArticleStore;
  classifiers: Classifiers;
  logger?: Logger;
  now?: () => number;
  /** Tells place names from other names when pairing language versions; one of its own when not given. */
  taxonomy?: Taxonomy;
}) {
  const { store, classifiers } = deps;
  const now = deps.now ?? Date.now;
  const nearIndexes = new Map<string, ReturnType<typeof createNearDuplicateIndex>>();
  const nearIndex = (lang: string) => {
    let index = nearIndexes.get(lang);
    if (!index) {
      index = createNearDuplicateIndex();
      for (const f of store.recentFingerprints(lang, now() - NEAR_DUPLICATE_WINDOW_MS)) index.add(f.simhash, f.clusterId);
      nearIndexes.set(lang, index);
    }
    return index;
  };

  // Enrichment signs articles (on the workers); this one signs what the index loads from the store.
  const sign = classifiers.signer ?? createSigner(deps.taxonomy ?? createTaxonomy());
  let crossIndex: ReturnType<typeof createCrossLingualIndex> | undefined;
  const crossLingual = () => {
    if (!crossIndex) {
      crossIndex = createCrossLingualIndex();
      for (const row of store.recentForPairing?.(now() - CROSS_LINGUAL_WINDOW_MS, LEAD_CHARS) ?? []) crossIndex.add(sign(row), row.clusterId);
    }
    return crossIndex;
  };

  const isStored = (id: Identified) => store.hasDedupKey(id.key) || store.hasContentHash(id.hash);

  /**
   * Writes an enriched article, joining its story cluster: a near-duplicate in its language, a declared
   * language version, or else an article in another language that reports the same event.
   */
  function save(raw: RawArticle, e: Enrichment): number {
    const nearby = e.bodyTermCount >= MIN_TERMS_FOR_NEAR_DUPLICATE;
    const near = nearby ? nearIndex(e.lang).find(e.simhash) : undefined;
    const at = now();
    const publishedAt = raw.publishedAt !== undefined && Number.isFinite(raw.publishedAt) ? Math.min(raw.publishedAt, at) : at;
    // A near-duplicate's twin already stands for the story among other languages' candidates.
    const signature =
      near !== undefined ? undefined : e.signature ? { ...e.signature, publishedAt } : sign({ title: e.title, text: e.text, lang: e.lang, publishedAt, regions: e.regions });
    // Loaded before the insert, so the index never holds this article twice.
    const versions = crossLingual();
    const clusterId = near ?? store.clusterOfAlternate(raw.url, raw.alternates ?? []) ?? (signature && versions.find(signature));
    const stored = store.insert({
      dedupKey: e.key,
      // Stored as none rather than as "" or "javascript:…", so no message can turn it into an empty href.
      url: articleLink(raw.url),
      title: e.title,
      text: e.text,
      lang: e.lang,
      declaredLang: raw.lang,
      summary: e.summary,
      contentHash: e.hash,
      simhash: e.simhash,
      publishedAt,
      firstSeenAt: at,
      sourceId: raw.sourceId,
      sourceName: raw.sourceName,
      isBreaking: raw.isBreaking ?? false,
      regions: e.regions,
      topics: e.topics,
      alternates: raw.alternates ?? [],
      searchTitle: e.searchTitle,
      searchBody: e.searchBody,
      clusterId,
    });
    if (nearby) nearIndex(e.lang).add(e.simhash, stored.clusterId);
    if (signature) versions.add(signature, stored.clusterId);
    return stored.id;
  }

  /** Returns the new article's id, or undefined when it was already stored. Throws ArticleRejected on bad input. */
  function ingestOne(raw: RawArticle): number | undefined {
    const id = identify(raw);
    if (isStored(id)) return undefined;
    return save(raw, enrich(raw, id, classifiers));
  }

  const fail = (report: IngestReport, label: string, error: unknown) => {
    // A full or broken database is no fault of the item and every later one would meet it too: the
    // caller stops and keeps the rest for later (a poll is then not recorded, so its feed comes again).
    if (storageFault(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof ArticleRejected)) deps.logger?.warn({ err: error }, 'article failed to ingest');
    report.errors.push({ item: label, error: message });
  };

  return {
    ingestOne,
    /** One bad item is reported and skipped; the rest still go in. */
    ingest(items: Iterable<RawArticle>, label: (item: RawArticle, index: number) => string = (i, n) => i.url?.trim() || `item ${n + 1}`): IngestReport {
      const report: IngestReport = { seen: 0, new: 0, duplicates: 0, errors: [], ids: [] };
      let index = 0;
      for (const item of items) {
        report.seen++;
        try {
          const id = ingestOne(item);
          if (id === undefined) report.duplicates++;
          else {
            report.new++;
            report.ids.push(id);
          }
        } catch (error) {
          fail(report, label(item, index), error);
        }
        index++;
      }
      return report;
    },
    /**
     * The same, with the CPU-heavy enrichment done by `enricher` (worker threads) while this thread
     * only checks identities and writes. Same results as ingest(), in the same order.
     */
    async ingestBatch(items: RawArticle[], enricher: BatchEnricher, label: (item: RawArticle, index: number) => string = (i, n) => i.url?.trim() || `item ${n + 1}`): Promise<IngestReport> {
      const report: IngestReport = { seen: items.length, new: 0, duplicates: 0, errors: [], ids: [] };
      const pending: Array<{ raw: RawArticle; id: Identified; index: number }> = [];
      const keys = new Set<string>();
      items.forEach((raw, index) => {
        try {
          const id = identify(raw);
          // A repeat inside the batch counts as a duplicate too, as it would one item at a time.
          if (isStored(id) || keys.has(id.key) || keys.has(id.hash)) report.duplicates++;
          else {
            keys.add(id.key).add(id.hash);
            pending.push({ raw, id, index });
          }
        } catch (error) {
          fail(report, label(raw, index), error);
        }
      });
      // Handed over in slices, all at once: while this thread writes one slice, the workers already
      // enrich the next ones. Slices are saved in order, so results match one big call.
      const slices: Array<Promise<Array<Enrichment | { error: string }>>> = [];
      for (let from = 0; from < pending.length; from += ENRICH_SLICE) {
        slices.push(enricher.enrich(pending.slice(from, from + ENRICH_SLICE).map(({ raw, id }) => ({ raw, id }))));
      }
      for (const slice of slices) slice.catch(() => undefined); // a failure surfaces where it is awaited
      for (let s = 0; s < slices.length; s++) {
        const from = s * ENRICH_SLICE;
        const count = Math.min(ENRICH_SLICE, pending.length - from);
        const before = { ids: report.ids.length, added: report.new, errors: report.errors.length };
        try {
          const enriched = await (slices[s] as Promise<Array<Enrichment | { error: string }>>);
          // One commit per slice: the full-text index flushes once instead of once per article.
          const inBatch = store.batch ? store.batch.bind(store) : <T>(fn: () => T) => fn();
          inBatch(() => {
            for (let i = 0; i < count; i++) {
              const { raw, index } = pending[from + i] as { raw: RawArticle; index: number };
              const e = enriched[i];
              try {
                if (!e || 'error' in e) throw new Error(e ? e.error : 'not enriched');
                report.ids.push(save(raw, e));
                report.new++;
              } catch (error) {
                fail(report, label(raw, index), error);
              }
            }
          });
        } catch (error) {
          // The slice's commit (or its worker) failed: nothing of it was stored; say so per article and go on.
          report.ids.length = before.ids;
          report.new = before.added;
          report.errors.length = before.errors;
          for (let i = 0; i < count; i++) {
            const { raw, index } = pending[from + i] as { raw: RawArticle; index: number };
            fail(report, label(raw, index), error);
          }
        }
      }
      return report;
    },
  };
}

export type Ingestor = ReturnType<typeof createIngestor>;
