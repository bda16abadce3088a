import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestor } from '../../src/articles/ingest.ts';
import { createClassifiers } from '../../src/enrich/classifiers.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { BlockedRedirectError, RedirectLoopError, TooManyRedirectsError } from '../../src/sources/errors.ts';
import { createFetcher, type FetcherDeps } from '../../src/sources/fetcher.ts';
import { createPoller } from '../../src/sources/poller.ts';
import { createSourceRepository, type SourceRepository } from '../../src/sources/repository.ts';
import { checkSourceUrl } from '../../src/sources/url-safety.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { startServer, type TestServer, fetchError as refusal } from './http-server.ts';

const classifiers = createClassifiers(createTaxonomy());
const clock = Date.UTC(2026, 10, 29, 6);

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Relay Desk</title><language>en</language>
<item><guid>r1</guid><title>Kazan hosts a festival of Tatar music</title><link>https://news.example/r1</link>
<description>Kazan hosted a large festival of Tatar music this week, bringing together performers from across Tatarstan and the neighbouring republics. Organisers said next year the festival would grow and take over several venues in the city, and guests from Bashkortostan and Moscow praised the warm welcome and the standard of the performances.</description></item>
</channel></rss>`;

/** path → [status, location]; anything else answers 200 with the feed, or a page under /page. */
let routes: Record<string, [number, string]> = {};
let hits: string[] = [];
let server: TestServer;
let handle: DbHandle;
let repository: SourceRepository;
let logs: Array<{ msg: string; [key: string]: unknown }> = [];

function handler(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  hits.push(path);
  const route = routes[path];
  if (route) return void res.writeHead(route[0], { location: route[1].replace('ORIGIN', server.origin) }).end();
  if (path.startsWith('/page')) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><p>page</p></body></html>');
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(FEED);
}

beforeEach(async () => {
  routes = {};
  hits = [];
  logs = [];
  server = await startServer(handler);
  handle = openDatabase(':memory:');
  repository = createSourceRepository(handle.db);
});
afterEach(async () => {
  await server.close();
  handle.close();
});

const fast = { minHostIntervalMs: 0, now: () => clock };

function poller(fetcherDeps: FetcherDeps = fast) {
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as { msg: string }) });
  return createPoller({
    repository,
    fetcher: createFetcher(fetcherDeps),
    ingestor: createIngestor({ store: createArticleStore(handle), classifiers, now: () => clock }),
    intervalMs: 10 * 60_000,
    logger,
    now: () => clock,
  });
}

/** "news.example" stands for a public site: it resolves to a public address, and its requests reach the local server. */
function publicSiteDeps(allowPrivate: boolean): FetcherDeps {
  const lookup = async (host: string) => {
    if (host === 'news.example') return [{ address: '93.184.215.14', family: 4 }];
    throw new Error(`no such host ${host}`);
  };
  const viaLocal: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    return fetch(url.hostname === 'news.example' ? `${server.origin}${url.pathname}${url.search}` : url, init);
  };
  return { ...fast, fetch: viaLocal, checkUrl: (url) => checkSourceUrl(url, { allowPrivate, lookup }) };
}

describe('following redirects', () => {
  it.each([301, 302, 303, 307, 308])('follows a %i for a feed and for an article page', async (status) => {
    routes = { '/feed': [status, '/feed.xml'], '/page/old': [status, '/page/new'] };
    const fetcher = createFetcher(fast);
    const feed = await fetcher.fetchFeed({ url: `${server.origin}/feed` });
    expect(feed).toMatchObject({ status: 'ok', finalUrl: `${server.origin}/feed.xml` });
    const page = await fetcher.fetchPage(`${server.origin}/page/old`);
    expect(page.finalUrl).toBe(`${server.origin}/page/new`);
    expect(page.body).toContain('page');
  });

  it('ingests a feed behind 302 then 301 and keeps the stored URL, since the first hop was temporary', async () => {
    routes = { '/feed': [302, '/mirror'], '/mirror': [301, 'ORIGIN/feed.xml'] };
    const { source } = repository.add({ url: `${server.origin}/feed`, name: 'Relay' });
    const report = await poller().pollDue();
    expect(report).toMatchObject({ ok: 1, new: 1, failed: [] });
    expect(hits).toEqual(['/feed', '/mirror', '/feed.xml']);
    expect(repository.get(source.id)?.url).toBe(`${server.origin}/feed`);
  });

  it('stores the new URL after a permanent redirect but not after a temporary one', async () => {
    routes = { '/moved': [301, '/feed.xml'], '/moved-too': [308, '/feed-b.xml'], '/visiting': [307, '/feed-c.xml'], '/seeother': [303, '/feed-d.xml'] };
    const ids = ['/moved', '/moved-too', '/visiting', '/seeother'].map((path) => repository.add({ url: `${server.origin}${path}` }).source.id);
    await poller().pollDue();
    expect(ids.map((id) => repository.get(id)?.url)).toEqual([
      `${server.origin}/feed.xml`,
      `${server.origin}/feed-b.xml`,
      `${server.origin}/visiting`,
      `${server.origin}/seeother`,
    ]);
  });

  it('reports as moved only the leading permanent hops of a chain', async () => {
    routes = { '/a': [301, '/b'], '/b': [302, '/c'] };
    const result = await createFetcher(fast).fetchFeed({ url: `${server.origin}/a` });
    expect(result).toMatchObject({ status: 'ok', finalUrl: `${server.origin}/c`, movedTo: `${server.origin}/b` });
  });

  it('keeps the URL and says so in the log when another source already has the one it moved to', async () => {
    routes = { '/old': [301, '/feed.xml'] };
    const moving = repository.add({ url: `${server.origin}/old` }).source;
    const holder = repository.add({ url: `${server.origin}/feed.xml` }).source;
    const report = await poller().pollDue();
    expect(report.failed).toEqual([]);
    expect(repository.get(moving.id)).toMatchObject({ url: `${server.origin}/old`, status: 'active', lastError: null });
    const warning = logs.find((l) => l.msg.includes('another source already has'));
    expect(warning).toMatchObject({ sourceId: moving.id, otherSourceId: holder.id, movedTo: `${server.origin}/feed.xml` });
  });

  it('follows five redirects and refuses a sixth as too many', async () => {
    for (let i = 0; i < 4; i++) routes[`/r${i}`] = [302, `/r${i + 1}`];
    const fetcher = createFetcher(fast);
    routes['/r4'] = [302, '/feed.xml'];
    await expect(fetcher.fetchFeed({ url: `${server.origin}/r0` })).resolves.toMatchObject({ status: 'ok' });
    routes['/r4'] = [302, '/r5'];
    routes['/r5'] = [302, '/feed.xml'];
    const error = await refusal(fetcher.fetchFeed({ url: `${server.origin}/r0` }));
    expect(error).toBeInstanceOf(TooManyRedirectsError);
    expect(error).toMatchObject({ kind: 'redirect', message: 'more than 5 redirects' });
    expect(hits.filter((h) => h === '/feed.xml')).toHaveLength(1);
  });

  it('refuses a redirect loop as a loop, naming the chain', async () => {
    routes = { '/a': [301, '/b'], '/b': [307, '/a#again'] };
    const error = await refusal(createFetcher(fast).fetchFeed({ url: `${server.origin}/a` }));
    expect(error).toBeInstanceOf(RedirectLoopError);
    expect(error.message).toBe(`redirect loop: ${server.origin}/a → ${server.origin}/b → ${server.origin}/a`);
    expect(hits).toEqual(['/a', '/b']);
  });

  it('refuses a hop from a public site to 127.0.0.1 without requesting it when private addresses are not allowed', async () => {
    routes = { '/feed': [302, 'ORIGIN/internal/admin'] };
    const error = await refusal(createFetcher(publicSiteDeps(false)).fetchFeed({ url: 'https://news.example/feed' }));
    expect(error).toBeInstanceOf(BlockedRedirectError);
    expect(error.kind).toBe('blocked');
    expect(error.message).toBe(`refused redirect hop 1 to ${server.origin}/internal/admin: private address 127.0.0.1 is not allowed`);
    expect(hits).toEqual(['/feed']);
  });

  it('follows the same hop to 127.0.0.1 when private sources are allowed', async () => {
    routes = { '/feed': [302, 'ORIGIN/internal/feed.xml'] };
    const result = await createFetcher(publicSiteDeps(true)).fetchFeed({ url: 'https://news.example/feed' });
    expect(result).toMatchObject({ status: 'ok', finalUrl: `${server.origin}/internal/feed.xml` });
  });

  it('records a refused redirect as the source failure with its reason', async () => {
    routes = { '/feed': [301, 'ORIGIN/internal/admin'] };
    const { source } = repository.add({ url: 'https://news.example/feed' });
    const report = await poller(publicSiteDeps(false)).pollDue();
    expect(report.failed).toHaveLength(1);
    expect(repository.get(source.id)).toMatchObject({ url: 'https://news.example/feed', consecutiveFailures: 1 });
    expect(repository.get(source.id)?.lastError).toMatch(/^refused redirect hop 1 to .*private address 127\.0\.0\.1/);
  });
});
