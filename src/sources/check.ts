/**
 * The one check a URL passes before it becomes a source, whoever adds it (an admin in the chat, an
 * operator with the CLI): the address is allowed, it answers, and it is a feed or a page linking one.
 * Failures come back typed, so each caller words them in its own medium from the same locale keys.
 */
import { FeedError, FetchError } from './errors.ts';
import { createFetcher, type Fetcher } from './fetcher.ts';
import { parseFeed } from './parse-feed.ts';
import type { ParsedFeed } from './types.ts';
import { checkSourceUrl, type UrlCheck } from './url-safety.ts';

export const SOURCE_CHECK_PROBLEMS = ['bad_url', 'dns', 'timeout', 'private', 'http', 'unreachable', 'not_feed'] as const;
export type SourceCheckProblem = (typeof SOURCE_CHECK_PROBLEMS)[number];

export type SourceCheckFailure = {
  ok: false;
  problem: SourceCheckProblem;
  /** The URL that failed: the one typed, or the feed a page linked to. */
  url: string;
  /** English detail from url-safety or the fetcher, shown beside the localized sentence. */
  reason: string;
  /** For 'http'. */
  status?: number;
};

export type SourceCheck =
  | {
      ok: true;
      /** What to store: the feed's URL after a permanent move, or the feed a page linked to. */
      url: string;
      title: string | undefined;
      /** Two-letter language the feed declares. */
      lang: string | undefined;
      items: number;
      /** The page the feed was found on, when the URL given was a page. */
      via: string | undefined;
    }
  | SourceCheckFailure;

export interface SourceCheckDeps {
  fetcher: Fetcher;
  checkUrl: (url: string) => Promise<UrlCheck>;
}

/** Someone is waiting on the answer: shorter than the poller's timeout. */
export const SOURCE_CHECK_TIMEOUT_MS = 10_000;
const NAME_MAX = 200;

/** The fetcher vets every redirect hop with the same rule as the first URL. */
export function createSourceCheckDeps(options: { allowPrivate: boolean; timeoutMs?: number }): SourceCheckDeps {
  const checkUrl = (url: string) => checkSourceUrl(url, { allowPrivate: options.allowPrivate });
  return { checkUrl, fetcher: createFetcher({ checkUrl, timeoutMs: options.timeoutMs ?? SOURCE_CHECK_TIMEOUT_MS }) };
}

export async function checkSource(input: string, deps: SourceCheckDeps): Promise<SourceCheck> {
  const vetted = await deps.checkUrl(input);
  if (!vetted.ok) return { ok: false, problem: classifyUrlRefusal(vetted.reason), url: input, reason: vetted.reason };

  let found: { url: string; feed: ParsedFeed };
  let via: string | undefined;
  try {
    found = await readFeed(deps.fetcher, vetted.url);
  } catch (error) {
    // A site's front page that advertises its feed: take the first one it links (comment feeds come last).
    const linked = error instanceof FetchError && error.kind === 'not-a-feed' ? error.feedLinks?.[0] : undefined;
    if (!linked) return failure(vetted.url, error);
    try {
      found = await readFeed(deps.fetcher, linked);
      via = vetted.url;
    } catch (linkedError) {
      return failure(linked, linkedError);
    }
  }
  return {
    ok: true,
    url: found.url,
    title: found.feed.title?.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX) || undefined,
    lang: twoLetter(found.feed.lang),
    items: found.feed.items.length,
    via,
  };
}

/** The locale key and values that word a failure; the bot translates them, the CLI prints the English. */
export function sourceCheckMessage(failure: SourceCheckFailure, clip: (text: string, max: number) => string = (t) => t) {
  return { key: `source_check.${failure.problem}`, values: { url: clip(failure.url, 200), reason: clip(failure.reason, 300) } };
}

async function readFeed(fetcher: Fetcher, url: string): Promise<{ url: string; feed: ParsedFeed }> {
  const result = await fetcher.fetchFeed({ url });
  if (result.status !== 'ok') throw new FetchError('http', 'HTTP 304 for an unconditional request', { status: 304, url });
  // Only a permanent move changes what is stored: a temporary redirect's target may be gone tomorrow.
  return { url: result.movedTo ?? url, feed: parseFeed(result.body, { baseUrl: result.finalUrl }) };
}

/**
 * url-safety explains in English only; its wording is what tells a DNS failure from a private address.
 * Host names hold no spaces, so a host such as "local.example" cannot pass for either phrase.
 */
function classifyUrlRefusal(reason: string): SourceCheckProblem {
  if (/\bprivate address\b|^local addresses\b/.test(reason)) return 'private';
  if (/^host \S+ not found$/.test(reason)) return 'dns';
  return 'bad_url';
}

/** Node names resolver failures by errno code; the fetcher keeps it in the message. */
const DNS_CODES = /\b(?:ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_NODATA)\b/;

function failure(url: string, error: unknown): SourceCheckFailure {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof FeedError) return { ok: false, problem: 'not_feed', url, reason };
  if (!(error instanceof FetchError)) return { ok: false, problem: 'unreachable', url, reason };
  switch (error.kind) {
    case 'not-a-feed':
      return { ok: false, problem: 'not_feed', url, reason };
    case 'timeout':
      return { ok: false, problem: 'timeout', url, reason };
    case 'http':
      return { ok: false, problem: 'http', url, reason, ...(error.status !== undefined ? { status: error.status } : {}) };
    case 'blocked': {
      // Usually a redirect hop the URL rule refused. The fetcher puts url-safety's reason after the
      // last ": " (a URL holds no ": "), and that reason names the rule the hop broke.
      const colon = reason.lastIndexOf(': ');
      const problem = classifyUrlRefusal(colon < 0 ? reason : reason.slice(colon + 2));
      return { ok: false, problem: problem === 'bad_url' ? 'unreachable' : problem, url, reason };
    }
    case 'network':
      return { ok: false, problem: DNS_CODES.test(reason) ? 'dns' : 'unreachable', url, reason };
    default:
      return { ok: false, problem: 'unreachable', url, reason };
  }
}

function twoLetter(lang: string | undefined): string | undefined {
  const base = lang?.toLowerCase().split(/[-_]/)[0];
  return base && /^[a-z]{2}$/.test(base) ? base : undefined;
}
