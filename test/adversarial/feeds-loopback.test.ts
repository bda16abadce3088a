import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlockedRedirectError } from '../../src/sources/errors.ts';
import { createFetcher, type FetcherDeps } from '../../src/sources/fetcher.ts';
import { checkSourceUrl, isPrivateAddress, type LookupFn } from '../../src/sources/url-safety.ts';
import { startServer, type TestServer, fetchError as refusal } from '../sources/http-server.ts';

// Redirect loops, long chains and the plain 127.0.0.1 redirect are covered in test/sources/redirects.test.ts.

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Internal</title>
<item><guid>i1</guid><title>Internal admin item</title><link>https://intranet.example/1</link></item></channel></rss>`;

let server: TestServer;
let port: number;
let hits: string[] = [];

/** Stands for an internal service: any request that reaches it is a filter failure. */
function handler(req: IncomingMessage, res: ServerResponse): void {
  hits.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
  if (req.url?.startsWith('/hop/')) {
    const target = decodeURIComponent(req.url.slice('/hop/'.length)).replace('PORT', String(port));
    return void res.writeHead(302, { location: target }).end();
  }
  res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
}

beforeAll(async () => {
  server = await startServer(handler);
  port = Number(new URL(server.origin).port);
});
afterAll(() => server.close());
beforeEach(() => {
  hits = [];
});

/** "news.example" is public in DNS; "sneaky.example" is a public-looking name that resolves to loopback. */
const lookup: LookupFn = async (host) => {
  if (host === 'news.example') return [{ address: '93.184.215.14', family: 4 }];
  if (host === 'sneaky.example') return [{ address: '127.0.0.1', family: 4 }];
  throw new Error(`no such host ${host}`);
};

/** Every request lands on the local server whatever its host, so a URL the filter lets through is really fetched. */
function deps(): FetcherDeps {
  const toLocal: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    return fetch(`${server.origin}${url.pathname}${url.search}`, init);
  };
  return { minHostIntervalMs: 0, fetch: toLocal, checkUrl: (url) => checkSourceUrl(url, { allowPrivate: false, lookup }) };
}

const LOOPBACK_SPELLINGS = [
  'http://127.1/',
  'http://0x7f000001/',
  'http://2130706433/',
  'http://017700000001/',
  'http://[::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://0.0.0.0/',
  'http://localhost./',
  'http://LOCALHOST/',
  'http://sneaky.example/',
];

/** IPv4 inside IPv6: compatible (::/96), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16), SIIT, Teredo. */
const EMBEDDED_SPELLINGS = [
  'http://[::7f00:1]/',
  'http://[::127.0.0.1]/',
  'http://[64:ff9b::7f00:1]/',
  'http://[64:ff9b::127.0.0.1]/',
  'http://[64:ff9b::a00:5]/',
  'http://[64:ff9b:1::7f00:1]/',
  'http://[2002:7f00:1::]/',
  'http://[2002:c0a8:101::1]/',
  'http://[::ffff:0:7f00:1]/',
  'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/',
];

describe('loopback and private addresses, however they are spelled', () => {
  it.each([...LOOPBACK_SPELLINGS, ...EMBEDDED_SPELLINGS])('refuses %s as a source when private sources are not allowed', async (url) => {
    const verdict = await checkSourceUrl(url, { allowPrivate: false, lookup });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/private address|local addresses/);
  });

  it.each([...LOOPBACK_SPELLINGS, ...EMBEDDED_SPELLINGS])('refuses to fetch %s and never sends the request', async (base) => {
    const url = `${base}feed.xml`;
    const error = await refusal(createFetcher(deps()).fetchFeed({ url }));
    expect(error.kind).toBe('blocked');
    expect(error.message).toMatch(/^refused to fetch .*: .*(?:private address|local addresses)/);
    expect(hits).toEqual([]);
  });

  it.each(['http://0x7f000001:PORT/feed.xml', 'http://[::ffff:127.0.0.1]:PORT/feed.xml', 'http://[64:ff9b::7f00:1]:PORT/feed.xml', 'http://sneaky.example/feed.xml'])(
    'refuses a redirect from an allowed public URL to %s without following it',
    async (target) => {
      const url = `https://news.example/hop/${encodeURIComponent(target)}`;
      const error = await refusal(createFetcher(deps()).fetchFeed({ url }));
      expect(error).toBeInstanceOf(BlockedRedirectError);
      expect(error.message).toMatch(/^refused redirect hop 1 to .*(?:private address)/);
      expect(hits).toHaveLength(1);
    },
  );

  it('still accepts public IPv4 carried in NAT64 and 6to4 addresses, and the public half of 192.0.0.0/16', async () => {
    for (const url of ['http://[64:ff9b::808:808]/', 'http://[2002:808:808::1]/', 'http://[2a00:1450:4001:80b::200e]/', 'http://192.0.78.9/']) {
      expect((await checkSourceUrl(url, { allowPrivate: false, lookup })).ok, url).toBe(true);
    }
  });

  it('treats every resolved address written in an embedding form as private when the IPv4 inside is', () => {
    for (const address of ['::127.0.0.1', '::ffff:10.0.0.1', '0:0:0:0:0:ffff:7f00:1', '64:ff9b::192.168.0.1', '2002:a9fe:a9fe::', '::ffff:0:a9fe:a9fe', '100::1', 'fec0::1']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    expect(isPrivateAddress('192.0.2.10')).toBe(true);
    expect(isPrivateAddress('192.0.0.8')).toBe(true);
  });

  it('fetches the same loopback spellings when the deployment allows private sources', async () => {
    const fetcher = createFetcher({ minHostIntervalMs: 0, checkUrl: (url) => checkSourceUrl(url, { allowPrivate: true, lookup }) });
    const result = await fetcher.fetchFeed({ url: `http://127.1:${port}/feed.xml` });
    expect(result).toMatchObject({ status: 'ok' });
    expect(hits).toEqual([`127.0.0.1:${port}/feed.xml`]);
  });
});
