import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../src/config.ts';
import { createI18n } from '../../src/i18n.ts';
import { checkSource, SOURCE_CHECK_PROBLEMS, sourceCheckMessage, type SourceCheck, type SourceCheckDeps } from '../../src/sources/check.ts';
import { createFetcher, type FetcherDeps } from '../../src/sources/fetcher.ts';
import { checkSourceUrl, type LookupFn } from '../../src/sources/url-safety.ts';
import { ADMIN, asAdmin, useTestBots } from '../admin/helpers.ts';
import { servePages, startServer, type Page, type TestServer } from './http-server.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>  Local
  Wire </title><link>https://example.org/</link><language>ru-RU</language>
<item><title>One</title><link>https://example.org/1</link><description>Text one</description></item>
<item><title>Two</title><link>https://example.org/2</link><description>Text two</description></item>
</channel></rss>`;

const PAGES: Record<string, Page> = {
  '/feed.xml': { type: 'application/rss+xml', body: RSS },
  '/moved.xml': { status: 301, type: 'text/plain', body: '', location: '/feed.xml' },
  '/front.html': { type: 'text/html', body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Hi</body></html>' },
  '/dead-link.html': { type: 'text/html', body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/gone.xml"></head><body>Hi</body></html>' },
  '/plain.html': { type: 'text/html', body: '<!doctype html><html><head><title>Plain</title></head><body><p>No feed here</p></body></html>' },
};

let server: TestServer;
let hits: string[];
beforeEach(async () => {
  hits = [];
  const site = servePages(PAGES, hits);
  server = await startServer((req, res) => {
    if (req.url === '/stall') return void hits.push(req.url); // never answers: the timeout has to end it
    site(req, res);
  });
});
afterEach(() => server.close());

const publicDns: LookupFn = async () => [{ address: '93.184.216.34', family: 4 }];
const deps = (options: { allowPrivate?: boolean; lookup?: LookupFn; fetch?: FetcherDeps['fetch']; timeoutMs?: number } = {}): SourceCheckDeps => {
  const checkUrl = (url: string) => checkSourceUrl(url, { allowPrivate: options.allowPrivate ?? true, ...(options.lookup ? { lookup: options.lookup } : {}) });
  const fetcherDeps: FetcherDeps = { checkUrl, minHostIntervalMs: 0, timeoutMs: options.timeoutMs ?? 2000 };
  if (options.fetch) fetcherDeps.fetch = options.fetch;
  return { checkUrl, fetcher: createFetcher(fetcherDeps) };
};
const failed = (check: SourceCheck) => {
  if (check.ok) throw new Error(`expected a failure, got ${JSON.stringify(check)}`);
  return check;
};

describe('checkSource', () => {
  it('accepts a feed and reports its tidied title, two-letter language and item count', async () => {
    expect(await checkSource(`${server.origin}/feed.xml`, deps())).toEqual({
      ok: true,
      url: `${server.origin}/feed.xml`,
      title: 'Local Wire',
      lang: 'ru',
      items: 2,
      via: undefined,
    });
  });

  it('keeps the URL a feed moved to permanently, and the feed a page links to along with the page', async () => {
    expect(await checkSource(`${server.origin}/moved.xml`, deps())).toMatchObject({ ok: true, url: `${server.origin}/feed.xml` });
    expect(await checkSource(`${server.origin}/front.html`, deps())).toMatchObject({ ok: true, url: `${server.origin}/feed.xml`, via: `${server.origin}/front.html` });
  });

  it('calls a host that does not resolve a DNS failure, whether the URL check or the connection finds out', async () => {
    const noDns: LookupFn = () => Promise.reject(new Error('ENOTFOUND'));
    expect(failed(await checkSource('https://nowhere.example.com/rss', deps({ allowPrivate: false, lookup: noDns })))).toEqual({
      ok: false,
      problem: 'dns',
      url: 'https://nowhere.example.com/rss',
      reason: 'host nowhere.example.com not found',
    });
    // With private sources allowed the URL check skips DNS, and the fetch is what fails to resolve.
    const resolverFails: typeof fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example.com'), { code: 'ENOTFOUND' }) }));
    const viaFetch = failed(await checkSource('https://nowhere.example.com/rss', deps({ fetch: resolverFails })));
    expect(viaFetch.problem).toBe('dns');
    expect(viaFetch.reason).toContain('ENOTFOUND');
  });

  it('calls a server that never answers a timeout', async () => {
    const check = failed(await checkSource(`${server.origin}/stall`, deps({ timeoutMs: 150 })));
    expect(check).toMatchObject({ problem: 'timeout', url: `${server.origin}/stall` });
    expect(check.reason).toContain('150 ms');
  });

  it('refuses loopback and private addresses without fetching them, redirect targets included', async () => {
    expect(failed(await checkSource(`${server.origin}/feed.xml`, deps({ allowPrivate: false })))).toMatchObject({
      problem: 'private',
      reason: 'private address 127.0.0.1 is not allowed',
    });
    expect(failed(await checkSource('http://localhost:9/feed', deps({ allowPrivate: false }))).problem).toBe('private');
    expect(hits).toEqual([]);
    const toIntranet: typeof fetch = async () => new Response(null, { status: 301, headers: { location: 'http://192.168.1.10/feed' } });
    const redirected = failed(await checkSource('https://news.example.com/rss', deps({ allowPrivate: false, lookup: publicDns, fetch: toIntranet })));
    expect(redirected).toMatchObject({ problem: 'private', url: 'https://news.example.com/rss' });
    expect(redirected.reason).toContain('http://192.168.1.10/feed: private address 192.168.1.10 is not allowed');
  });

  it('reports an HTTP error with its status, also for the feed a page links to', async () => {
    expect(failed(await checkSource(`${server.origin}/missing.xml`, deps()))).toEqual({
      ok: false,
      problem: 'http',
      url: `${server.origin}/missing.xml`,
      reason: 'HTTP 404 Not Found',
      status: 404,
    });
    expect(failed(await checkSource(`${server.origin}/dead-link.html`, deps()))).toMatchObject({ problem: 'http', url: `${server.origin}/gone.xml`, status: 404 });
  });

  it('refuses a page that is not a feed and links none, and what is not an http(s) URL at all', async () => {
    const plain = failed(await checkSource(`${server.origin}/plain.html`, deps()));
    expect(plain).toMatchObject({ problem: 'not_feed', reason: 'not a feed: the URL serves an HTML page' });
    expect(failed(await checkSource('ftp://example.org/feed.xml', deps()))).toMatchObject({ problem: 'bad_url', url: 'ftp://example.org/feed.xml' });
    expect(failed(await checkSource('http://127.0.0.1:1/feed.xml', deps())).problem).toBe('unreachable');
  });

  it('has a sentence for every kind of failure in English, Russian and Arabic, with the URL and the detail in it', async () => {
    const i18n = await createI18n();
    for (const problem of SOURCE_CHECK_PROBLEMS) {
      const { key, values } = sourceCheckMessage({ ok: false, problem, url: 'https://feeds.example.com/x', reason: 'DETAIL' });
      for (const locale of SUPPORTED_LOCALES) {
        const sentence = i18n.t(locale, key, values);
        expect(sentence, `${locale} ${key}`).not.toBe(key);
        expect(sentence).toContain('https://feeds.example.com/x');
        expect(sentence).toContain('DETAIL');
      }
    }
  });
});

describe('/sources add in the bot', () => {
  const start = useTestBots();

  it('answers a failed check in the admin’s language with the same sentence the CLI prints in English', async () => {
    const bot = await start();
    await asAdmin(bot, `/sources add ${server.origin}/missing.xml`, 'ru');
    expect(bot.last(ADMIN).plain_text).toBe(`Не удалось загрузить ${server.origin}/missing.xml: сервер ответил HTTP 404 Not Found.`);
    await asAdmin(bot, `/sources add ${server.origin}/missing.xml`, 'en');
    expect(bot.last(ADMIN).plain_text).toBe(`Could not fetch ${server.origin}/missing.xml: the server answered HTTP 404 Not Found.`);
  });
});
