import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createIngestor } from '../../src/articles/ingest.ts';
import { createClassifiers } from '../../src/enrich/classifiers.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { FAILING_AFTER } from '../../src/sources/backoff.ts';
import { createFetcher } from '../../src/sources/fetcher.ts';
import { createPoller } from '../../src/sources/poller.ts';
import { createSourceRepository, type SourceRepository } from '../../src/sources/repository.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { startServer, type TestServer } from './http-server.ts';

const classifiers = createClassifiers(createTaxonomy());
let handle: DbHandle;
let repository: SourceRepository;
let server: TestServer;
let clock = Date.UTC(2026, 10, 29, 6);
let requests: Array<{ path: string; etag?: string }> = [];
let feedStatus = 200;

const feed = (origin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Desk</title><language>ru</language>
<item><guid>a1</guid><title>В Душанбе открылась выставка</title><link>${origin}/a1</link>
<description>В Душанбе в понедельник открылась выставка таджикских художников. Её посетили сотни людей, а организаторы обещают продлить работу до конца месяца, если интерес публики сохранится. Среди участников есть как известные мастера, так и молодые авторы из Худжанда и Хорога. Кураторы подготовили экскурсии на таджикском и русском языках, а для школьников будут работать мастерские. Вход на выставку свободный, она открыта ежедневно с десяти утра до семи вечера. В выходные дни музей продлевает работу на два часа, а вечером в субботу в галерее пройдёт концерт народной музыки.</description></item>
<item><guid>a2</guid><title>Короткая заметка о Казани</title><link>${origin}/a2</link><description>Подробнее…</description></item>
</channel></rss>`;

const page = `<!doctype html><html lang="ru"><head><title>Казань</title></head><body><article><h1>Короткая заметка о Казани</h1>
<p>В Казани прошёл большой фестиваль татарской музыки, который собрал артистов со всего Татарстана и соседних республик.</p>
<p>Организаторы рассказали, что в следующем году фестиваль станет ещё больше и пройдёт на нескольких площадках города.</p>
<p>Гости из Башкортостана и Москвы отметили тёплый приём и высокий уровень выступлений.</p></article></body></html>`;

beforeEach(async () => {
  handle = openDatabase(':memory:');
  repository = createSourceRepository(handle.db);
  requests = [];
  feedStatus = 200;
  server = await startServer((req, res) => {
    requests.push({ path: req.url ?? '', ...(req.headers['if-none-match'] ? { etag: String(req.headers['if-none-match']) } : {}) });
    if (req.url === '/feed.xml') {
      if (feedStatus !== 200) {
        res.statusCode = feedStatus;
        return void res.end('down');
      }
      if (req.headers['if-none-match'] === '"v1"') {
        res.statusCode = 304;
        return void res.end();
      }
      res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      res.setHeader('etag', '"v1"');
      return void res.end(feed(server.origin));
    }
    if (req.url === '/a2') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return void res.end(page);
    }
    res.statusCode = 404;
    res.end();
  });
});
afterEach(async () => {
  await server.close();
  handle.close();
});

function poller() {
  return createPoller({
    repository,
    fetcher: createFetcher({ minHostIntervalMs: 0, now: () => clock }),
    ingestor: createIngestor({ store: createArticleStore(handle), classifiers, now: () => clock }),
    intervalMs: 10 * 60_000,
    logger: pino({ level: 'silent' }),
    now: () => clock,
  });
}

describe('polling sources', () => {
  it('ingests a feed, fetches the page of a teaser item, and asks again with its ETag', async () => {
    const { source } = repository.add({ url: `${server.origin}/feed.xml`, name: 'Desk' });
    const first = await poller().pollDue();
    expect(first).toMatchObject({ sources: 1, ok: 1, new: 2, failed: [] });
    const kazan = handle.sqlite.prepare("SELECT text FROM articles WHERE title LIKE '%Казани%'").pluck().get() as string;
    expect(kazan).toContain('фестиваль татарской музыки');
    expect(requests.map((r) => r.path)).toContain('/a2');
    expect(requests.map((r) => r.path)).not.toContain('/a1');
    clock += 11 * 60_000;
    const second = await poller().pollDue();
    expect(second).toMatchObject({ notModified: 1, new: 0 });
    expect(requests.at(-1)).toEqual({ path: '/feed.xml', etag: '"v1"' });
    expect(repository.get(source.id)).toMatchObject({ status: 'active', itemsCount: 2, lastError: null });
  });

  it('waits for the interval before polling a source again', async () => {
    repository.add({ url: `${server.origin}/feed.xml` });
    await poller().pollDue();
    clock += 60_000;
    expect((await poller().pollDue()).sources).toBe(0);
  });

  it('backs off a failing source, marks it failing with its last error, and recovers', async () => {
    const { source } = repository.add({ url: `${server.origin}/feed.xml` });
    feedStatus = 503;
    const delays: number[] = [];
    for (let i = 0; i < FAILING_AFTER; i++) {
      const report = await poller().pollDue({ force: true });
      expect(report.failed).toHaveLength(1);
      const next = repository.get(source.id)?.nextFetchAt ?? 0;
      delays.push(next - clock);
    }
    expect(delays[1] as number).toBeGreaterThan((delays[0] as number) * 1.5);
    expect(repository.get(source.id)).toMatchObject({ status: 'failing', consecutiveFailures: FAILING_AFTER });
    expect(repository.get(source.id)?.lastError).toMatch(/503/);
    feedStatus = 200;
    await poller().pollDue({ force: true });
    expect(repository.get(source.id)).toMatchObject({ status: 'active', consecutiveFailures: 0, lastError: null });
  });

  it('keeps polling the other sources when one is broken', async () => {
    repository.add({ url: `${server.origin}/missing.xml` });
    repository.add({ url: `${server.origin}/feed.xml` });
    const report = await poller().pollDue();
    expect(report).toMatchObject({ sources: 2, ok: 1, new: 2 });
    expect(report.failed).toHaveLength(1);
  });
});
