export type FeedErrorCode = 'empty' | 'html' | 'truncated' | 'malformed' | 'unknown';

/** The document could not be read as a feed; `message` is meant for the person who added the source. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly code: FeedErrorCode;

  constructor(code: FeedErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

export type FetchErrorKind =
  | 'timeout'
  | 'too-large'
  | 'http'
  | 'network'
  | 'redirect'
  | 'not-a-feed'
  | 'blocked';

export interface FetchErrorDetails {
  status?: number;
  url?: string;
  /** For 429/503 with Retry-After, so backoff can honour the server's wish. */
  retryAfterMs?: number;
  /** For 'not-a-feed': feeds the HTML page advertises, to offer instead. */
  feedLinks?: string[];
  /** For 'redirect': where the server wanted to send us. */
  location?: string;
}

export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly kind: FetchErrorKind;
  readonly status?: number;
  readonly url?: string;
  readonly retryAfterMs?: number;
  readonly feedLinks?: string[];
  readonly location?: string;

  constructor(kind: FetchErrorKind, message: string, details: FetchErrorDetails = {}, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.url !== undefined) this.url = details.url;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.feedLinks !== undefined) this.feedLinks = details.feedLinks;
    if (details.location !== undefined) this.location = details.location;
  }
}
