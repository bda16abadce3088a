import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestor } from '../../src/articles/ingest.ts';
import { createClassifiers } from '../../src/enrich/classifiers.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { createFetcher } from '../../src/sources/fetcher.ts';
import { createPoller } from '../../src/sources/poller.ts';
import { createSourceRepository, type SourceRepository } from '../../src/sources/repository.ts';
import { checkSourceUrl, type LookupFn } from '../../src/sources/url-safety.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { startServer, type TestServer } from '../sources/http-server.ts';

const classifiers = createClassifiers(createTaxonomy());
const clock = Date.UTC(2026, 11, 3, 6);
const BOMB_GZ_GZ = readFileSync(new URL('./fixtures/feeds-bomb-2gib.gz.gz', import.meta.url));

const GOOD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Good Desk</title><language>en</language>
<item><guid>g1</guid><title>Kazan hosts a festival of Tatar music</title><link>https://good.example/g1</link>
<description>Kazan hosted a large festival of Tatar music this week, bringing together performers from across Tatarstan and the neighbouring republics. Organisers said next year the festival would grow and take over several venues in the city, and guests from Bashkortostan and Moscow praised the warm welcome and the standard of the performances.</description></item>
<item><guid>g2</guid><title>Dushanbe opens an exhibition of Tajik painters</title><link>https://good.example/g2</link>
<description>An exhibition of Tajik painters opened in Dushanbe on Monday and drew hundreds of visitors on its first day. The curators prepared guided tours in Tajik and Russian, workshops for schoolchildren, and an evening concert of folk music on Saturday; entry is free and the gallery is open every day from ten in the morning until seven in the evening.</description></item>
</channel></rss>`;

const XXE = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title><item><guid>b1</guid><title>&xxe;</title><link>https://xxe.example/b1</link></item></channel></rss>`;

/** Teasers whose links name internal addresses: completing them must not turn the poller into a proxy. */
const TEASERS = (port: number) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title><language>en</language>
${[`http://[::7f00:1]:${port}/admin/1`, `http://2130706433:${port}/admin/2`, 'https://sneaky.example/admin/3', `http://[2002:7f00:1::]:${port}/admin/4`]
  .map((link, i) => `<item><guid>t${i}</guid><title>Teaser number ${i} about the Volga regional budget</title><link>${link}</link>
<description>The regional parliament in Samara debated the budget for next year.</description></item>`)
  .join('\n')}</channel></rss>`;

let server: TestServer;
let hits: string[] = [];
let handle: DbHandle;
let repository: SourceRepository;

function handler(req: IncomingMessage, res: ServerResponse): void {
  hits.push(req.url ?? '');
  const rss = { 'content-type': 'application/rss+xml' };
  switch (req.url) {
    case '/good.xml':
      return void res.writeHead(200, rss).end(GOOD);
    case '/teasers.xml':
      return void res.writeHead(200, rss).end(TEASERS(Number(new URL(server.origin).port)));
    case '/xxe.xml':
      return void res.writeHead(200, rss).end(XXE);
    case '/bomb.xml':
      return void res.writeHead(200, { ...rss, 'content-encoding': 'gzip, gzip' }).end(BOMB_GZ_GZ);
    case '/slow.xml':
      // Headers, then nothing: the poll must not wait for this source past the deadline.
      res.writeHead(200, rss);
      return void res.flushHeaders();
    case '/loop-a':
      return void res.writeHead(302, { location: '/loop-b' }).end();
    case '/loop-b':
      return void res.writeHead(302, { location: '/loop-a' }).end();
    default:
      res.writeHead(404).end();
  }
}

beforeEach(async () => {
  hits = [];
  server = await startServer(handler);
  handle = openDatabase(':memory:');
  repository = createSourceRepository(handle.db);
});
afterEach(async () => {
  await server.close();
  handle.close();
});

/** Every *.example name is a public site, but sneaky.example; all requests land on the local server by path. */
const lookup: LookupFn = async (host) => [{ address: host === 'sneaky.example' ? '127.0.0.1' : '93.184.215.14', family: 4 }];

function poller() {
  const toLocal: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    return fetch(`${server.origin}${url.pathname}${url.search}`, init);
  };
  return createPoller({
    repository,
    fetcher: createFetcher({
      fetch: toLocal,
      minHostIntervalMs: 0,
      now: () => clock,
      timeoutMs: 1500,
      checkUrl: (url) => checkSourceUrl(url, { allowPrivate: false, lookup }),
    }),
    ingestor: createIngestor({ store: createArticleStore(handle), classifiers, now: () => clock }),
    intervalMs: 10 * 60_000,
    logger: pino({ level: 'silent' }),
    now: () => clock,
  });
}

describe('one poll over hostile sources and a good one', () => {
  it('stores the good feed’s items and records a clear error for each hostile source', async () => {
    const bad = {
      xxe: repository.add({ url: 'https://xxe.example/xxe.xml' }).source,
      bomb: repository.add({ url: 'https://bomb.example/bomb.xml' }).source,
      slow: repository.add({ url: 'https://slow.example/slow.xml' }).source,
      loop: repository.add({ url: 'https://loop.example/loop-a' }).source,
      nat64: repository.add({ url: 'http://[64:ff9b::7f00:1]/good.xml' }).source,
      sixToFour: repository.add({ url: 'http://[2002:7f00:1::]/good.xml' }).source,
    };
    const good = repository.add({ url: 'https://good.example/good.xml', name: 'Good Desk' }).source;

    const started = Date.now();
    const report = await poller().pollDue();
    expect(Date.now() - started).toBeLessThan(5000);

    expect(report).toMatchObject({ sources: 7, ok: 1, new: 2 });
    const titles = handle.sqlite.prepare('SELECT title FROM articles ORDER BY title').pluck().all();
    expect(titles).toEqual(['Dushanbe opens an exhibition of Tajik painters', 'Kazan hosts a festival of Tatar music']);
    expect(repository.get(good.id)).toMatchObject({ lastError: null, consecutiveFailures: 0, itemsCount: 2 });

    const lastError = (id: number) => repository.get(id)?.lastError;
    expect(lastError(bad.xxe.id)).toBe('malformed XML: External entities are not supported');
    expect(lastError(bad.bomb.id)).toBe('response larger than 5242880 bytes');
    expect(lastError(bad.slow.id)).toBe('no complete response within 1500 ms');
    expect(lastError(bad.loop.id)).toMatch(/^redirect loop: /);
    expect(lastError(bad.nat64.id)).toMatch(/^refused to fetch .*private address 64:ff9b::7f00:1 is not allowed$/);
    expect(lastError(bad.sixToFour.id)).toMatch(/private address 2002:7f00:1:: is not allowed$/);
    expect(report.failed.map((f) => f.id).sort()).toEqual(Object.values(bad).map((s) => s.id).sort());
    for (const source of Object.values(bad)) {
      // A failure is retried later, not thrown away: the source stays on the list.
      expect(repository.get(source.id)).toMatchObject({ consecutiveFailures: 1 });
      expect(repository.get(source.id)?.status).not.toBe('deactivated');
    }
  });

  it('keeps teaser items whose links point at internal addresses, without fetching those pages', async () => {
    const { source } = repository.add({ url: 'https://teasers.example/teasers.xml' });
    const report = await poller().pollDue();
    expect(report).toMatchObject({ ok: 1, new: 4, failed: [] });
    expect(hits).toEqual(['/teasers.xml']);
    const texts = handle.sqlite.prepare('SELECT text FROM articles').pluck().all();
    expect(texts).toEqual(Array(4).fill('The regional parliament in Samara debated the budget for next year.'));
    expect(repository.get(source.id)).toMatchObject({ lastError: null, itemsCount: 4 });
  });
});
