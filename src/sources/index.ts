export type { FeedItem, ParsedFeed, SourceRef } from './types.ts';
export { FeedError, FetchError, type FeedErrorCode, type FetchErrorKind } from './errors.ts';
export { decodeBody, detectCharset, type DecodedBody, type DecodeOptions } from './decode.ts';
export { parseFeed, detectFeedKind, type FeedKind, type ParseFeedOptions } from './parse-feed.ts';
export { extractArticle, findFeedLinks, type ExtractedArticle } from './extract.ts';
export {
  createFetcher,
  type Fetcher,
  type FetcherDeps,
  type FeedSourceRef,
  type FetchFeedResult,
  type FetchedPage,
} from './fetcher.ts';
export { nextAttemptAfterFailure, isFailing, FAILING_AFTER, MAX_BACKOFF_MS } from './backoff.ts';
export { parseOpml, toOpml } from './opml.ts';
export { checkSourceUrl, isPrivateAddress, type UrlCheck, type LookupFn } from './url-safety.ts';
export { htmlToText } from './html-text.ts';
export { parseDate } from './dates.ts';
