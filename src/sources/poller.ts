import type { Ingestor, RawArticle } from '../articles/ingest.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { storageFault } from '../db/faults.ts';
import type { Logger } from '../logger.ts';
import { nextAttemptAfterFailure } from './backoff.ts';
import { FetchError } from './errors.ts';
import { extractArticle } from './extract.ts';
import { createFetcher, type Fetcher } from './fetcher.ts';
import type { HealthEvent } from './health.ts';
import { parseFeed } from './parse-feed.ts';
import { createSourceRepository, type Recorded, type SourceRecord, type SourceRepository } from './repository.ts';
import { feedItemToRaw } from './to-article.ts';
import { checkSourceUrl } from './url-safety.ts';

export interface PollReport {
  sources: number;
  ok: number;
  notModified: number;
  failed: Array<{ id: number; url: string; error: string }>;
  seen: number;
  new: number;
  duplicates: number;
}

/**
 * Told when a source starts failing, is deactivated, or works again after failing: once per change,
 * never per poll. `source` is the row as just stored (lastError, consecutiveFailures, failingSince,
 * deactivatedReason); healthMessage() in health.ts turns it into a locale key and params.
 */
export type HealthChangeListener = (source: SourceRecord, event: HealthEvent) => void | Promise<void>;

/** Article pages fetched per source and poll when the feed has only teasers: polite to the site. */
const MAX_PAGES_PER_POLL = 10;

export function createPoller(deps: {
  repository: SourceRepository;
  fetcher: Fetcher;
  ingestor: Ingestor;
  intervalMs: number;
  logger: Logger;
  now?: () => number;
  onHealthChange?: HealthChangeListener;
}) {
  const { repository, fetcher, ingestor, logger } = deps;
  const now = deps.now ?? Date.now;

  /** A listener that throws or rejects (Telegram down) must not turn a good poll into a failed one. */
  function emit(recorded: Recorded | undefined): void {
    if (!recorded?.event) return;
    const { source, event } = recorded;
    logger.info({ sourceId: source.id, url: source.url, event, reason: source.deactivatedReason, failures: source.consecutiveFailures }, 'source health changed');
    if (!deps.onHealthChange) return;
    const failed = (err: unknown) => logger.error({ sourceId: source.id, event, err }, 'source health listener failed');
    try {
      void Promise.resolve(deps.onHealthChange(source, event)).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  /** The URL a permanent redirect points to, unless another source already polls it (the column is unique). */
  function newUrlFor(source: SourceRecord, movedTo: string | undefined): string | undefined {
    if (!movedTo || movedTo === source.url) return undefined;
    const holder = repository.byUrl(movedTo);
    if (holder && holder.id !== source.id) {
      logger.warn({ sourceId: source.id, url: source.url, movedTo, otherSourceId: holder.id }, 'source moved permanently to a URL another source already has; keeping its URL');
      return undefined;
    }
    logger.info({ sourceId: source.id, url: source.url, movedTo }, 'source moved permanently; storing its new URL');
    return movedTo;
  }

  /** A teaser-only item gets its page's text; a page that fails keeps the teaser rather than losing the item. */
  async function completeExcerpts(items: RawArticle[], excerpts: Set<RawArticle>): Promise<void> {
    let fetched = 0;
    for (const item of items) {
      if (!excerpts.has(item) || !item.url || fetched >= MAX_PAGES_PER_POLL) continue;
      fetched++;
      try {
        const page = await fetcher.fetchPage(item.url);
        const article = extractArticle(page.body, page.finalUrl);
        if (article.text.length > item.text.length) item.text = article.text;
        item.alternates = article.alternates.length > 0 ? article.alternates : item.alternates;
        item.lang ??= article.lang;
      } catch (error) {
        logger.debug({ url: item.url, err: error }, 'article page not fetched; keeping the excerpt');
      }
    }
  }

  async function pollOne(source: SourceRecord, report: PollReport): Promise<void> {
    const at = now();
    try {
      const result = await fetcher.fetchFeed({
        url: source.url,
        ...(source.etag ? { etag: source.etag } : {}),
        ...(source.lastModified ? { lastModified: source.lastModified } : {}),
      });
      if (result.status === 'not-modified') {
        report.notModified++;
        emit(repository.recordSuccess(source.id, { at, nextFetchAt: at + deps.intervalMs, url: newUrlFor(source, result.movedTo), newItems: 0 }));
        return;
      }
      const feed = parseFeed(result.body, { baseUrl: result.finalUrl });
      const excerpts = new Set<RawArticle>();
      const items = feed.items.map((item) => {
        const raw = feedItemToRaw(item, { name: source.name ?? undefined, id: source.id, lang: source.lang ?? undefined }, feed.lang);
        if (item.isExcerpt) excerpts.add(raw);
        return raw;
      });
      await completeExcerpts(items, excerpts);
      const ingested = ingestor.ingest(items);
      report.ok++;
      report.seen += ingested.seen;
      report.new += ingested.new;
      report.duplicates += ingested.duplicates;
      emit(
        repository.recordSuccess(source.id, {
          at,
          nextFetchAt: at + deps.intervalMs,
          etag: result.etag,
          lastModified: result.lastModified,
          url: newUrlFor(source, result.movedTo),
          newItems: ingested.new,
        }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const fault = storageFault(error);
      if (fault) {
        // Our disk, not the source: nothing about it is recorded (it could not be), and since its
        // success was not stored either, the source stays due and its items come again next poll.
        report.failed.push({ id: source.id, url: source.url, error: `database: ${message}` });
        logger.error({ sourceId: source.id, url: source.url, storageFault: fault, err: error }, 'source poll not stored: database fault');
        return;
      }
      const failures = source.consecutiveFailures + 1;
      const fetchError = error instanceof FetchError ? error : undefined;
      const recorded = repository.recordFailure(source.id, {
        at,
        error: message,
        // 410 is the server saying the feed will not come back; anything else might.
        gone: fetchError?.kind === 'http' && fetchError.status === 410,
        // A server's Retry-After, when longer than our backoff, wins.
        nextFetchAt: nextAttemptAfterFailure(failures, deps.intervalMs, at, Math.random, fetchError?.retryAfterMs ?? 0),
      });
      emit(recorded);
      report.failed.push({ id: source.id, url: source.url, error: message });
      logger.warn({ sourceId: source.id, url: source.url, failures, error: message }, 'source poll failed');
    }
  }

  return {
    /** Polls every source that is due (or all of them with force); one bad source never stops the rest. */
    async pollDue(options: { force?: boolean } = {}): Promise<PollReport> {
      const list = options.force ? repository.list().filter((s) => s.status !== 'paused') : repository.due(now());
      const report: PollReport = { sources: list.length, ok: 0, notModified: 0, failed: [], seen: 0, new: 0, duplicates: 0 };
      // Hosts are spaced by the fetcher, so sources on different hosts may go in parallel.
      await Promise.all(
        list.map((source) =>
          pollOne(source, report).catch((error: unknown) => {
            // Recording a failure can fail too (the disk filled meanwhile): still one source's problem.
            report.failed.push({ id: source.id, url: source.url, error: error instanceof Error ? error.message : String(error) });
            logger.error({ sourceId: source.id, url: source.url, err: error }, 'source poll could not be recorded');
          }),
        ),
      );
      return report;
    },
  };
}

/** The poller the bot and `briefings ingest --sources` run: every hop vetted with the operator's private-network rule. */
export function createSourcePoller(deps: {
  db: Db;
  config: Pick<Config, 'allowPrivateSources' | 'ingestIntervalMinutes'>;
  ingestor: Ingestor;
  logger: Logger;
  onHealthChange?: HealthChangeListener;
}) {
  const { config } = deps;
  return createPoller({
    repository: createSourceRepository(deps.db),
    fetcher: createFetcher({ checkUrl: (url) => checkSourceUrl(url, { allowPrivate: config.allowPrivateSources }) }),
    ingestor: deps.ingestor,
    intervalMs: config.ingestIntervalMinutes * 60_000,
    logger: deps.logger,
    ...(deps.onHealthChange ? { onHealthChange: deps.onHealthChange } : {}),
  });
}
