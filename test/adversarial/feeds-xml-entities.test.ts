import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/sources/errors.ts';
import { extractArticle } from '../../src/sources/extract.ts';
import { createFetcher } from '../../src/sources/fetcher.ts';
import { parseFeed } from '../../src/sources/parse-feed.ts';
import { startServer, type TestServer } from '../sources/http-server.ts';

const SECRET = 'SECRET-MARKER-7f3a91';
let dir: string;
let secretUrl: string;
let server: TestServer;
/** Every request other than for the feed itself is an entity or DTD being fetched. */
let hits: string[] = [];
let feeds: Record<string, string> = {};

function handler(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  hits.push(path);
  const feed = feeds[path];
  if (feed !== undefined) return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
  // What an attacker's DTD or entity would serve; reaching here at all is the failure.
  res.writeHead(200, { 'content-type': 'application/xml-dtd' }).end(`<!ENTITY leak "${SECRET}">`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feeds-xxe-'));
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  secretUrl = pathToFileURL(join(dir, 'secret.txt')).href;
  server = await startServer(handler);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  hits = [];
  feeds = {};
});

const item = (title: string, body = 'Plain body text of the item.') =>
  `<item><guid>x1</guid><title>${title}</title><link>https://news.example/x1</link><description>${body}</description></item>`;
const rss = (doctype: string, title: string) =>
  `<?xml version="1.0"?>\n${doctype}\n<rss version="2.0"><channel><title>Feed</title><link>https://news.example/</link>${item(title)}</channel></rss>`;

/** Fetches the document from the local server like a poll would, then parses it. */
async function fetchAndParse(doc: string) {
  feeds = { '/feed.xml': doc };
  const fetched = await createFetcher({ minHostIntervalMs: 0 }).fetchFeed({ url: `${server.origin}/feed.xml` });
  if (fetched.status !== 'ok') throw new Error('expected a body');
  return parseFeed(fetched.body, { baseUrl: fetched.finalUrl });
}

async function feedError(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

describe('XML external entities', () => {
  it('refuses a feed whose entity reads a file:// URL, and the file never reaches the result', async () => {
    const doc = rss(`<!DOCTYPE rss [<!ENTITY xxe SYSTEM "${secretUrl}">]>`, 'Leak: &xxe;');
    const error = await feedError(fetchAndParse(doc));
    expect(error).toMatchObject({ code: 'malformed', message: 'malformed XML: External entities are not supported' });
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(hits).toEqual(['/feed.xml']);
  });

  it('refuses a feed whose entity points at an http:// URL without requesting it', async () => {
    const doc = rss(`<!DOCTYPE rss [<!ENTITY xxe SYSTEM "${server.origin}/entity">]>`, 'Leak: &xxe;');
    const error = await feedError(fetchAndParse(doc));
    expect(error.message).toBe('malformed XML: External entities are not supported');
    expect(hits).toEqual(['/feed.xml']);
  });

  it('refuses Atom and RDF feeds that declare a file:// entity the same way', async () => {
    const atom = `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM "${secretUrl}">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title><entry><id>e1</id><title>a &xxe;</title><link href="https://news.example/e1"/></entry></feed>`;
    const rdf = `<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "${secretUrl}">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>&xxe;</title></channel>
<item rdf:about="https://news.example/1"><title>a &xxe;</title><link>https://news.example/1</link></item></rdf:RDF>`;
    for (const doc of [atom, rdf]) {
      expect(() => parseFeed(doc)).toThrow('malformed XML: External entities are not supported');
    }
  });

  it('refuses a feed whose parameter entity would pull a remote DTD, without requesting it', async () => {
    const doc = rss(`<!DOCTYPE rss [<!ENTITY % remote SYSTEM "${server.origin}/evil.dtd"> %remote;]>`, 'Hello &leak;');
    const error = await feedError(fetchAndParse(doc));
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(/^malformed XML: /);
    expect(hits).toEqual(['/feed.xml']);
  });

  it('reads a feed that names an external DTD but never fetches the DTD', async () => {
    const feed = await fetchAndParse(rss(`<!DOCTYPE rss SYSTEM "${server.origin}/rss-0.91.dtd">`, 'Ordinary headline'));
    expect(feed.items.map((i) => i.title)).toEqual(['Ordinary headline']);
    expect(hits).toEqual(['/feed.xml']);
  });

  it('does not fetch or read entities declared in an article page', () => {
    const page = `<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "${secretUrl}">]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Page</title></head><body><article><h1>Page</h1>
<p>${'A paragraph of article text that is long enough to count as content. '.repeat(8)}&xxe;</p></article></body></html>`;
    const article = extractArticle(page, 'https://news.example/page');
    expect(JSON.stringify(article)).not.toContain(SECRET);
    expect(article.text).toContain('A paragraph of article text');
  });
});

describe('entity expansion', () => {
  const lol = (n: number) => `&lol${n - 1};`.repeat(10);
  const laughs = `<!DOCTYPE rss [<!ENTITY lol0 "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${lol(i + 1)}">`).join('')}]>`;

  it('does not expand a billion laughs: the feed is read at its own size, the references left unexpanded', async () => {
    const started = performance.now();
    const feed = await fetchAndParse(rss(laughs, 'Laughs &lol9; end'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.title).toBe('Laughs &lol9; end');
    expect(JSON.stringify(feed).length).toBeLessThan(2000);
  });

  it('does not expand one large internal entity referenced thousands of times (quadratic blowup)', async () => {
    const doctype = `<!DOCTYPE rss [<!ENTITY big "${'A'.repeat(50_000)}">]>`;
    const started = performance.now();
    const feed = await fetchAndParse(rss(doctype, `Blow ${'&big;'.repeat(5000)} up`));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(feed.items[0]?.title).not.toContain('AAAA');
    expect(JSON.stringify(feed).length).toBeLessThan(100_000);
  });
});
