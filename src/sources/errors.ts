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
  // Widened so the redirect refusals below can name themselves in logs.
  override readonly name: string = 'FetchError';
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

/** A redirect chain longer than the fetcher's limit: usually a misconfigured site, sometimes a trap. */
export class TooManyRedirectsError extends FetchError {
  override readonly name = 'TooManyRedirectsError';
  readonly hops: number;

  constructor(limit: number, details: FetchErrorDetails) {
    super('redirect', `more than ${limit} redirects`, details);
    this.hops = limit + 1;
  }
}

/** A redirect back to a URL already visited in this chain; following it would never end. */
export class RedirectLoopError extends FetchError {
  override readonly name = 'RedirectLoopError';
  readonly chain: string[];

  constructor(chain: string[], details: FetchErrorDetails) {
    super('redirect', `redirect loop: ${chain.join(' → ')}`, details);
    this.chain = chain;
  }
}

/**
 * A redirect hop the URL-safety rule refuses: a public feed must not be able to steer us to a
 * private address the first URL could not have named. Kind 'blocked', as for a refused first URL.
 */
export class BlockedRedirectError extends FetchError {
  override readonly name = 'BlockedRedirectError';
  readonly hop: number;

  constructor(hop: number, target: string, reason: string, details: FetchErrorDetails) {
    super('blocked', `refused redirect hop ${hop} to ${target}: ${reason}`, details);
    this.hop = hop;
  }
}
