import type { Logger } from '../logger.ts';
import { terms as toTerms } from '../text/normalize.ts';
import { contentHash, dedupKey, simhash } from './fingerprint.ts';
import { detectLanguage } from './language.ts';
import { createNearDuplicateIndex } from './near-duplicates.ts';
import type { ArticleStore, Scored } from './store.ts';
import type { Summarizer } from './summarize.ts';

/** What any source hands in: a feed item, a page, a JSONL line, an admin's breaking item. */
export interface RawArticle {
  url?: string | undefined;
  guid?: string | undefined;
  title: string;
  text: string;
  lang?: string | undefined;
  publishedAt?: number | undefined;
  sourceId?: number | undefined;
  sourceName?: string | undefined;
  categories?: string[] | undefined;
  alternates?: Array<{ lang: string; url: string }> | undefined;
  isBreaking?: boolean | undefined;
}

export interface Classifiers {
  summarizer: Summarizer;
  topics: { classify(input: { title: string; text: string; lang: string; categories?: string[] }): Array<{ id: string; score: number }> };
  regions: { detect(input: { title: string; text: string; lang?: string }): Scored[] };
}

export interface IngestReport {
  seen: number;
  new: number;
  duplicates: number;
  errors: Array<{ item: string; error: string }>;
  ids: number[];
}

export const SUMMARIZED_LANGUAGES = new Set(['ar', 'ru', 'en']);
/** Longer texts are cut at a paragraph: no news article needs more, and it bounds the work per item. */
export const MAX_TEXT_CHARS = 100_000;
export const MAX_TITLE_CHARS = 1_000;
const NEAR_DUPLICATE_WINDOW_MS = 7 * 86_400_000;
const MIN_TERMS_FOR_NEAR_DUPLICATE = 25;

export class ArticleRejected extends Error {
  override readonly name = 'ArticleRejected';
}

function clean(raw: RawArticle): { title: string; text: string } {
  let title = raw.title.replace(/\s+/g, ' ').trim();
  let text = raw.text.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  if (!title && !text) throw new ArticleRejected('no title and no text');
  if (text.length > MAX_TEXT_CHARS) {
    const cut = text.lastIndexOf('\n\n', MAX_TEXT_CHARS);
    text = text.slice(0, cut > MAX_TEXT_CHARS / 2 ? cut : MAX_TEXT_CHARS);
  }
  // A text-only item gets its first line as title, so digests and search have something to show.
  if (!title) title = (text.split('\n')[0] ?? '').slice(0, 200);
  if (title.length > MAX_TITLE_CHARS) title = `${title.slice(0, MAX_TITLE_CHARS)}…`;
  return { title, text };
}

export function createIngestor(deps: { store: ArticleStore; classifiers: Classifiers; logger?: Logger; now?: () => number }) {
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

  /** Returns the new article's id, or undefined when it was already stored. Throws ArticleRejected on bad input. */
  function ingestOne(raw: RawArticle): number | undefined {
    const { title, text } = clean(raw);
    const key = dedupKey({ url: raw.url, guid: raw.guid, title, text });
    const hash = contentHash(title, text);
    if (store.hasDedupKey(key) || store.hasContentHash(hash)) return undefined;

    const { lang } = detectLanguage(`${title}\n${text.slice(0, 4000)}`, raw.lang);
    const titleTerms = toTerms(title);
    const bodyTerms = toTerms(text);
    const fingerprint = simhash(bodyTerms.length > 0 ? bodyTerms : titleTerms);
    const summarized = SUMMARIZED_LANGUAGES.has(lang) && text.length > 0;
    const summary = summarized ? classifiers.summarizer.summarize({ text, title, lang, sentences: 3 }) : [];
    const regions = classifiers.regions.detect({ title, text, lang });
    const topics = classifiers.topics.classify({ title, text, lang, categories: raw.categories ?? [] });

    const near = bodyTerms.length >= MIN_TERMS_FOR_NEAR_DUPLICATE ? nearIndex(lang).find(fingerprint) : undefined;
    const clusterId = near ?? store.clusterOfAlternate(raw.url, raw.alternates ?? []);
    const at = now();
    const stored = store.insert({
      dedupKey: key,
      url: raw.url,
      title,
      text,
      lang,
      declaredLang: raw.lang,
      summary,
      contentHash: hash,
      simhash: fingerprint,
      publishedAt: raw.publishedAt !== undefined && Number.isFinite(raw.publishedAt) ? Math.min(raw.publishedAt, at) : at,
      firstSeenAt: at,
      sourceId: raw.sourceId,
      sourceName: raw.sourceName,
      isBreaking: raw.isBreaking ?? false,
      regions,
      topics,
      alternates: raw.alternates ?? [],
      titleTerms,
      bodyTerms,
      clusterId,
    });
    if (bodyTerms.length >= MIN_TERMS_FOR_NEAR_DUPLICATE) nearIndex(lang).add(fingerprint, stored.clusterId);
    return stored.id;
  }

  return {
    ingestOne,
    /** One bad item is reported and skipped; the rest still go in. */
    ingest(items: Iterable<RawArticle>, label: (item: RawArticle, index: number) => string = (i, n) => i.url ?? `item ${n + 1}`): IngestReport {
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
          const message = error instanceof Error ? error.message : String(error);
          if (!(error instanceof ArticleRejected)) deps.logger?.warn({ err: error }, 'article failed to ingest');
          report.errors.push({ item: label(item, index), error: message });
        }
        index++;
      }
      return report;
    },
  };
}

export type Ingestor = ReturnType<typeof createIngestor>;
