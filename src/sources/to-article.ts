import type { RawArticle } from '../articles/ingest.ts';
import type { FeedItem } from './types.ts';

/**
 * A feed item as the ingest pipeline takes it, for polled sources and local files alike. The item's
 * own language wins, then the one the source was added with, then the feed's.
 */
export function feedItemToRaw(
  item: FeedItem,
  source: { name?: string | undefined; id?: number | undefined; lang?: string | undefined },
  feedLang?: string | undefined,
): RawArticle {
  return {
    url: item.url,
    guid: item.guid,
    title: item.title,
    text: item.text,
    lang: item.lang ?? source.lang ?? feedLang,
    publishedAt: item.publishedAt,
    categories: item.categories,
    alternates: item.alternates,
    sourceName: source.name,
    sourceId: source.id,
  };
}
