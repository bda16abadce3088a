import { decodeBody } from './decode.ts';
import { BlockedRedirectError, FetchError, RedirectLoopError, TooManyRedirectsError } from './errors.ts';
import { findFeedLinks } from './extract.ts';
import { describeNonFeed, detectFeedKind } from './feed-repair.ts';
import { createHostQueue } from './host-queue.ts';
import type { UrlCheck } from './url-safety.ts';
import { resolveUrl } from './util.ts';

export interface FetcherDeps {
  fetch?: typeof fetch;
  /** Clock for host spacing. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
  /** Per HTTP exchange, headers and body together. */
  timeoutMs?: number;
  /** Cap on the (decompressed) body. */
  maxBytes?: number;
  minHostIntervalMs?: number;
  maxRedirects?: number;
  /** Vets every URL before it is requested, redirect targets included (wire checkSourceUrl here). */
  checkUrl?: (url: string) => Promise<UrlCheck>;
}

export interface FeedSourceRef {
  url: string;
  etag?: string;
  lastModified?: string;
}

export type FetchFeedResult =
  | {
      status: 'ok';
      body: string;
      etag?: string;
      lastModified?: string;
      finalUrl: string;
      contentType?: string;
      /** Set when the chain began with permanent redirects (301/308): store this as the source's new URL. */
      movedTo?: string;
    }
  | { status: 'not-modified'; movedTo?: string };

export interface FetchedPage {
  body: string;
  finalUrl: string;
  contentType?: string;
  movedTo?: string;
}

export interface Fetcher {
  fetchFeed(source: FeedSourceRef): Promise<FetchFeedResult>;
  fetchPage(url: string): Promise<FetchedPage>;
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.3, */*;q=0.1';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';
const FOLLOWED = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);
const BINARY_TYPES = /^(?:image|audio|video|font)\/|^application\/(?:pdf|zip|octet-stream|vnd\.)/i;

type Exchange =
  | { kind: 'redirect'; status: number; location: string | null }
  | { kind: 'not-modified' }
  | { kind: 'ok'; headers: Headers; bytes: Uint8Array };

export function createFetcher(deps: FetcherDeps = {}): Fetcher {
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const maxBytes = deps.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = deps.maxRedirects ?? 5;
  const userAgent = deps.userAgent ?? 'briefings/0.1 (news briefing reader)';
  const queue = createHostQueue({
    now,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    minIntervalMs: deps.minHostIntervalMs ?? 1000,
  });

  async function exchange(url: string, headers: Record<string, string>, rejectBinary: boolean): Promise<Exchange> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const fail = (error: unknown, what: string): FetchError =>
      timedOut
        ? new FetchError('timeout', `no complete response within ${timeoutMs} ms`, { url })
        : error instanceof FetchError
          ? error
          : new FetchError('network', `${what}: ${describeNetworkError(error)}`, { url }, { cause: error });
    try {
      let res: Response;
      try {
        res = await fetchImpl(url, { headers, redirect: 'manual', signal: controller.signal });
      } catch (error) {
        throw fail(error, 'request failed');
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await discardBody(res);
        return { kind: 'redirect', status: res.status, location: res.headers.get('location') };
      }
      if (res.status === 304) {
        await discardBody(res);
        return { kind: 'not-modified' };
      }
      if (res.status < 200 || res.status >= 300) {
        await discardBody(res);
        const details: { status: number; url: string; retryAfterMs?: number } = { status: res.status, url };
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
        if (retryAfterMs !== undefined) details.retryAfterMs = retryAfterMs;
        throw new FetchError('http', `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, details);
      }
      const type = res.headers.get('content-type') ?? '';
      if (rejectBinary && BINARY_TYPES.test(type)) {
        await discardBody(res);
        throw new FetchError('not-a-feed', `not a feed: the server sends ${type.split(';')[0]}`, { url });
      }
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await discardBody(res);
        throw tooLarge(url);
      }
      try {
        return { kind: 'ok', headers: res.headers, bytes: await readCapped(res, url) };
      } catch (error) {
        throw fail(error, 'connection failed while reading the body');
      }
    } finally {
      clearTimeout(timer);
    }
  }

  async function readCapped(res: Response, url: string): Promise<Uint8Array> {
    if (!res.body) return new Uint8Array();
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      // Stop reading as soon as we know; a feed that size is a mistake or an attack either way.
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(url);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  }

  function tooLarge(url: string): FetchError {
    return new FetchError('too-large', `response larger than ${maxBytes} bytes`, { url });
  }

  /**
   * Follows redirects by hand: fetch's `redirect: 'follow'` would let a public feed hop to a private
   * address without checkUrl ever seeing it, so every target is vetted before it is requested.
   * `movedTo` is where the leading run of permanent hops leads: after 301 A→B then 302 B→C the
   * source lives at B and is only visiting C, and after 302 A→B then 301 B→C it still lives at A.
   */
  async function request(startUrl: string, headers: Record<string, string>, rejectBinary: boolean) {
    if (deps.checkUrl) {
      const verdict = await deps.checkUrl(startUrl);
      if (!verdict.ok) throw new FetchError('blocked', `refused to fetch ${startUrl}: ${verdict.reason}`, { url: startUrl });
    }
    let url = startUrl;
    const visited = [withoutHash(startUrl)];
    let movedTo: string | undefined;
    let stillPermanent = true;
    for (let hop = 1; ; hop++) {
      let host: string;
      try {
        host = new URL(url).host.toLowerCase();
      } catch {
        throw new FetchError('network', `invalid URL: ${url}`, { url });
      }
      const current = url;
      const result = await queue.run(host, () => exchange(current, headers, rejectBinary));
      if (result.kind !== 'redirect') return { result, finalUrl: url, movedTo };

      const target = resolveUrl(result.location, url);
      const details = { status: result.status, url, ...(target ? { location: target } : {}) };
      if (!target) throw new FetchError('redirect', `HTTP ${result.status} without a usable Location`, details);
      if (!FOLLOWED.has(result.status)) throw new FetchError('redirect', `HTTP ${result.status} is not a redirect we follow`, details);
      if (hop > maxRedirects) throw new TooManyRedirectsError(maxRedirects, details);
      if (visited.includes(withoutHash(target))) throw new RedirectLoopError([...visited, withoutHash(target)], details);
      if (deps.checkUrl) {
        const verdict = await deps.checkUrl(target);
        if (!verdict.ok) throw new BlockedRedirectError(hop, target, verdict.reason, details);
      }
      visited.push(withoutHash(target));
      stillPermanent &&= PERMANENT.has(result.status);
      if (stillPermanent) movedTo = target;
      url = target;
    }
  }

  function decode(bytes: Uint8Array, contentType: string | undefined, url: string): string {
    try {
      return decodeBody(bytes, { ...(contentType ? { contentType } : {}), maxBytes }).text;
    } catch (error) {
      // gunzip past maxOutputLength, or a corrupt gzip stream.
      if (error instanceof RangeError) throw tooLarge(url);
      throw new FetchError('network', `could not decompress the body: ${describeNetworkError(error)}`, { url });
    }
  }

  return {
    async fetchFeed(source) {
      const headers: Record<string, string> = { 'user-agent': userAgent, accept: FEED_ACCEPT };
      if (source.etag) headers['if-none-match'] = source.etag;
      if (source.lastModified) headers['if-modified-since'] = source.lastModified;
      const { result, finalUrl, movedTo } = await request(source.url, headers, true);
      if (result.kind === 'not-modified') return movedTo ? { status: 'not-modified', movedTo } : { status: 'not-modified' };
      if (result.kind !== 'ok') throw new FetchError('network', 'unexpected redirect state', { url: finalUrl });

      const contentType = result.headers.get('content-type') ?? undefined;
      const body = decode(result.bytes, contentType, finalUrl);
      const kind = detectFeedKind(body);
      if (kind === 'html') {
        throw new FetchError('not-a-feed', 'not a feed: the URL serves an HTML page', {
          url: finalUrl,
          feedLinks: findFeedLinks(body, finalUrl),
        });
      }
      if (kind === 'empty') throw new FetchError('not-a-feed', 'not a feed: empty response', { url: finalUrl });
      if (kind === 'unknown') {
        throw new FetchError('not-a-feed', `not a feed: the URL serves ${describeNonFeed(body)}`, { url: finalUrl });
      }
      const ok: FetchFeedResult = { status: 'ok', body, finalUrl };
      const etag = result.headers.get('etag');
      const lastModified = result.headers.get('last-modified');
      if (etag) ok.etag = etag;
      if (lastModified) ok.lastModified = lastModified;
      if (contentType) ok.contentType = contentType;
      if (movedTo) ok.movedTo = movedTo;
      return ok;
    },

    async fetchPage(url) {
      const { result, finalUrl, movedTo } = await request(url, { 'user-agent': userAgent, accept: PAGE_ACCEPT }, false);
      if (result.kind !== 'ok') throw new FetchError('http', 'HTTP 304 for an unconditional request', { status: 304, url: finalUrl });
      const contentType = result.headers.get('content-type') ?? undefined;
      const page: FetchedPage = { body: decode(result.bytes, contentType, finalUrl), finalUrl };
      if (contentType) page.contentType = contentType;
      if (movedTo) page.movedTo = movedTo;
      return page;
    },
  };
}

export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Answers we do not read are cancelled, so the connection is freed rather than left streaming. */
async function discardBody(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => undefined);
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ? `${cause.code}${cause.message ? ` (${cause.message})` : ''}` : error.message;
}

/** A fragment never reaches the server, so "/a#x" and "/a" are the same hop for loop detection. */
function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
