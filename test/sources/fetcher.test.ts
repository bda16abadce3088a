import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/sources/fetcher.ts';
import { fixture } from './fixtures.ts';
import { startServer, type TestServer, fetchError } from './http-server.ts';

const RDF = fixture('rss1-en.rdf');
const servers: TestServer[] = [];

async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** No spacing between requests unless a test asks for it. */
const fast = { minHostIntervalMs: 0 };

describe('createFetcher', () => {
  it('returns the body with its validators, then not-modified on a conditional GET that matches', async () => {
    const seen: Array<{ inm?: string; ims?: string; ua?: string }> = [];
    const server = await serve((req, res) => {
      seen.push({ inm: req.headers['if-none-match'], ims: req.headers['if-modified-since'], ua: req.headers['user-agent'] });
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rdf+xml; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Wed, 05 Jun 2024 06:00:00 GMT',
      });
      res.end(RDF);
    });
    const fetcher = createFetcher({ ...fast, userAgent: 'briefings-test/1' });
    const first = await fetcher.fetchFeed({ url: `${server.origin}/feed` });
    expect(first).toMatchObject({
      status: 'ok',
      etag: '"v1"',
      lastModified: 'Wed, 05 Jun 2024 06:00:00 GMT',
      finalUrl: `${server.origin}/feed`,
      contentType: 'application/rdf+xml; charset=utf-8',
    });
    expect(first.status === 'ok' && first.body).toContain('Example Wire');
    expect(first.status === 'ok' && first.movedTo).toBeUndefined();

    const second = await fetcher.fetchFeed({ url: `${server.origin}/feed`, etag: '"v1"', lastModified: 'Wed, 05 Jun 2024 06:00:00 GMT' });
    expect(second).toEqual({ status: 'not-modified' });
    expect(seen[1]).toEqual({ inm: '"v1"', ims: 'Wed, 05 Jun 2024 06:00:00 GMT', ua: 'briefings-test/1' });
    expect(seen[0]?.inm).toBeUndefined();
  });

  it('times out when the server never answers', async () => {
    const server = await serve(() => {
      // never respond
    });
    const error = await fetchError(createFetcher({ ...fast, timeoutMs: 150 }).fetchFeed({ url: `${server.origin}/slow` }));
    expect(error.kind).toBe('timeout');
  });

  it('times out when the body stalls after the headers', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
    });
    const error = await fetchError(createFetcher({ ...fast, timeoutMs: 150 }).fetchFeed({ url: `${server.origin}/stall` }));
    expect(error.kind).toBe('timeout');
  });

  it('stops reading a body past the size cap', async () => {
    let written = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = (): void => {
        while (written < 10 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    const error = await fetchError(createFetcher({ ...fast, maxBytes: 64 * 1024 }).fetchFeed({ url: `${server.origin}/huge` }));
    expect(error.kind).toBe('too-large');
    expect(written).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses a declared Content-Length past the cap without reading', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(1024 * 1024) });
      res.end(Buffer.alloc(1024 * 1024, 0x20));
    });
    const error = await fetchError(createFetcher({ ...fast, maxBytes: 1000 }).fetchFeed({ url: `${server.origin}/big` }));
    expect(error.kind).toBe('too-large');
  });

  it('follows 301 and 308 and reports the new permanent URL', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/older-still' }).end();
      else if (req.url === '/older-still') res.writeHead(308, { location: `${server.origin}/new` }).end();
      else res.writeHead(200, { 'content-type': 'application/xml' }).end(RDF);
    });
    const result = await createFetcher(fast).fetchFeed({ url: `${server.origin}/old` });
    expect(result).toMatchObject({ status: 'ok', finalUrl: `${server.origin}/new`, movedTo: `${server.origin}/new` });
  });

  it('refuses a redirect that points back at itself, naming it a loop', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: '/elsewhere' }).end();
    });
    const error = await fetchError(createFetcher(fast).fetchFeed({ url: `${server.origin}/feed` }));
    expect(error.kind).toBe('redirect');
    expect(error.message).toMatch(/redirect loop/);
  });

  it('gives up after five redirects', async () => {
    let hits = 0;
    const server = await serve((req, res) => {
      hits++;
      res.writeHead(301, { location: `/loop${hits}` }).end();
    });
    const error = await fetchError(createFetcher(fast).fetchFeed({ url: `${server.origin}/loop` }));
    expect(error.kind).toBe('redirect');
    expect(error.message).toMatch(/more than 5 redirects/);
    expect(hits).toBe(6);
  });

  it('turns HTTP errors into FetchError with the status and Retry-After', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/busy') res.writeHead(503, { 'retry-after': '120' }).end();
      else res.writeHead(500).end('boom');
    });
    const fetcher = createFetcher(fast);
    expect(await fetchError(fetcher.fetchFeed({ url: `${server.origin}/feed` }))).toMatchObject({ kind: 'http', status: 500 });
    expect(await fetchError(fetcher.fetchFeed({ url: `${server.origin}/busy` }))).toMatchObject({
      kind: 'http',
      status: 503,
      retryAfterMs: 120_000,
    });
  });

  it('reports a refused connection as a network error', async () => {
    const server = await startServer(() => undefined);
    await server.close();
    const error = await fetchError(createFetcher(fast).fetchFeed({ url: `${server.origin}/feed` }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('handles gzip content-encoding and raw .gz files', async () => {
    const server = await serve((req, res) => {
      const gz = gzipSync(Buffer.from(RDF));
      if (req.url === '/encoded') res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' }).end(gz);
      else res.writeHead(200, { 'content-type': 'application/gzip' }).end(gz);
    });
    const fetcher = createFetcher(fast);
    for (const path of ['/encoded', '/feed.xml.gz']) {
      const result = await fetcher.fetchFeed({ url: `${server.origin}${path}` });
      expect(result.status === 'ok' && result.body).toContain('Example Wire');
    }
  });

  it('decodes the charset the Content-Type declares', async () => {
    const xml = fixture('rss2-ru-cp1251.xml').replace(/^<\?xml[^>]*>/, '');
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=windows-1251' }).end(iconv.encode(xml, 'windows-1251'));
    });
    const result = await createFetcher(fast).fetchFeed({ url: `${server.origin}/ru` });
    expect(result.status === 'ok' && result.body).toContain('Вестник Поволжья');
  });

  it('says not-a-feed for an HTML page and lists the feeds it links', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixture('article-ar.html'));
    });
    const error = await fetchError(createFetcher(fast).fetchFeed({ url: `${server.origin}/ar/news/1` }));
    expect(error.kind).toBe('not-a-feed');
    expect(error.feedLinks?.slice(0, 2)).toEqual([`${server.origin}/ar/rss.xml`, 'https://region.example.com/ar/atom.xml']);
  });

  it('fetches article pages with fetchPage', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/p') res.writeHead(301, { location: '/page' }).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixture('article-ar.html'));
    });
    const page = await createFetcher(fast).fetchPage(`${server.origin}/p`);
    expect(page).toMatchObject({ finalUrl: `${server.origin}/page`, movedTo: `${server.origin}/page` });
    expect(page.body).toContain('دوشنبه');
  });

  it('asks checkUrl about every hop and refuses blocked targets', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(301, { location: '/internal/admin' }).end();
    });
    const checked: string[] = [];
    const fetcher = createFetcher({
      ...fast,
      checkUrl: async (url) => {
        checked.push(url);
        return url.includes('/internal/') ? { ok: false, reason: 'private address' } : { ok: true, url };
      },
    });
    const error = await fetchError(fetcher.fetchFeed({ url: `${server.origin}/feed` }));
    expect(error.kind).toBe('blocked');
    expect(checked).toEqual([`${server.origin}/feed`, `${server.origin}/internal/admin`]);
  });

  it('waits minHostIntervalMs between requests to one host, measured on the injected clock', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(RDF);
    });
    let clock = 1_000_000;
    const sleeps: number[] = [];
    const fetcher = createFetcher({
      minHostIntervalMs: 1000,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    await Promise.all([1, 2, 3].map((n) => fetcher.fetchFeed({ url: `${server.origin}/feed${n}` })));
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('serializes requests to one host but not across hosts', async () => {
    const log: string[] = [];
    const handler = (name: string) => async (req: { url?: string }, res: import('node:http').ServerResponse) => {
      log.push(`${name}${req.url} start`);
      await new Promise((r) => setTimeout(r, 80));
      log.push(`${name}${req.url} end`);
      res.writeHead(200, { 'content-type': 'application/xml' }).end(RDF);
    };
    const a = await serve(handler('a'));
    const b = await serve(handler('b'));
    const fetcher = createFetcher({ minHostIntervalMs: 100 });
    const started = Date.now();
    await Promise.all([
      fetcher.fetchFeed({ url: `${a.origin}/1` }),
      fetcher.fetchFeed({ url: `${a.origin}/2` }),
      fetcher.fetchFeed({ url: `${b.origin}/1` }),
    ]);
    const aLog = log.filter((l) => l.startsWith('a'));
    expect(aLog).toEqual(['a/1 start', 'a/1 end', 'a/2 start', 'a/2 end']);
    // b ran alongside a/1 rather than queueing behind a.
    expect(log.indexOf('b/1 start')).toBeLessThan(log.indexOf('a/1 end'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});
