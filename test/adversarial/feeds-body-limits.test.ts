import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/sources/fetcher.ts';
import { startServer, type TestServer, fetchError as failure } from '../sources/http-server.ts';

/**
 * 2 GiB of zeros, gzipped twice (3.5 KB on disk; one gunzip gives the 2 MB single-layer bomb).
 * Made with: createGzip({ level: 9 }) over 2048 × 1 MiB zeros, then gzipSync({ level: 9 }).
 */
const BOMB_GZ_GZ = readFileSync(new URL('./fixtures/feeds-bomb-2gib.gz.gz', import.meta.url));
const BOMB_GZ = gunzipSync(BOMB_GZ_GZ);
const MAX_BYTES = 5 * 1024 * 1024;
const MiB = 1024 * 1024;
/** Loose on purpose: the GC runs when it likes; the point is that gigabytes never sit in memory. */
const RSS_BUDGET = 100 * MiB;

let bombBr: Buffer;
let server: TestServer;
/** Bytes the server managed to write per path before the client hung up. */
let sent: Record<string, number> = {};
let closed: Record<string, boolean> = {};
let timers: NodeJS.Timeout[] = [];

async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = req.url ?? '/';
  sent[path] = 0;
  res.on('close', () => (closed[path] = true));
  const xml = { 'content-type': 'application/rss+xml' };
  if (path === '/gzip') return void res.writeHead(200, { ...xml, 'content-encoding': 'gzip' }).end(BOMB_GZ);
  if (path === '/gzip-stacked') return void res.writeHead(200, { ...xml, 'content-encoding': 'gzip, gzip' }).end(BOMB_GZ_GZ);
  if (path === '/gzip-inside-gzip') return void res.writeHead(200, { ...xml, 'content-encoding': 'gzip' }).end(BOMB_GZ_GZ);
  if (path === '/raw.gz') return void res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(BOMB_GZ);
  if (path === '/br') return void res.writeHead(200, { ...xml, 'content-encoding': 'br' }).end(bombBr);
  if (path === '/page-gzip') return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(BOMB_GZ);
  if (path === '/huge') return streamHuge(res, path, 200 * MiB);
  if (path === '/trickle') {
    res.writeHead(200, xml);
    res.flushHeaders();
    const body = '<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>';
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(body[i++ % body.length] ?? ' ');
      sent[path] = (sent[path] ?? 0) + 1;
    }, 1000);
    timers.push(timer);
    return;
  }
  res.writeHead(404).end();
}

/** Writes `total` bytes of feed-looking XML as fast as the client reads them, and no faster. */
function streamHuge(res: ServerResponse, path: string, total: number): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const item = Buffer.from(`<item><title>${'x'.repeat(1000)}</title></item>\n`);
  const chunk = Buffer.concat(Array.from({ length: 64 }, () => item));
  const pump = (): void => {
    while ((sent[path] ?? 0) < total && !res.destroyed) {
      sent[path] = (sent[path] ?? 0) + chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

beforeAll(async () => {
  // Brotli at quality 1 squeezes 2 GiB of zeros in a fraction of a second, streamed so the 2 GiB never exists.
  const zero = Buffer.alloc(MiB);
  const out: Buffer[] = [];
  await pipeline(
    Readable.from((function* () { for (let i = 0; i < 2048; i++) yield zero; })()),
    createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }),
    new Writable({ write: (chunk: Buffer, _encoding, done) => void (out.push(chunk), done()) }),
  );
  bombBr = Buffer.concat(out);
  server = await startServer(handler);
});
afterAll(() => server.close());
beforeEach(() => {
  sent = {};
  closed = {};
  for (const t of timers) clearInterval(t);
  timers = [];
});

function rss(): number {
  return process.memoryUsage().rss;
}

describe('decompression bombs', () => {
  it.each([
    ['/gzip', 'Content-Encoding: gzip inflating to 2 GiB'],
    ['/gzip-stacked', 'Content-Encoding: gzip, gzip (two layers, 3.5 KB on the wire)'],
    ['/gzip-inside-gzip', 'a gzip file inside Content-Encoding: gzip'],
    ['/raw.gz', 'a raw .gz file without Content-Encoding'],
    ['/br', 'Content-Encoding: br inflating to 2 GiB'],
  ])('cuts %s (%s) off at the body limit with a too-large error', async (path) => {
    const before = rss();
    const started = Date.now();
    const error = await failure(createFetcher({ minHostIntervalMs: 0, maxBytes: MAX_BYTES }).fetchFeed({ url: `${server.origin}${path}` }));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`response larger than ${MAX_BYTES} bytes`);
    expect(rss() - before).toBeLessThan(RSS_BUDGET);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cuts a gzip bomb served as an article page off at the same limit', async () => {
    const error = await failure(createFetcher({ minHostIntervalMs: 0, maxBytes: MAX_BYTES }).fetchPage(`${server.origin}/page-gzip`));
    expect(error.kind).toBe('too-large');
  });

  it('uses the 5 MiB default limit when none is configured', async () => {
    const error = await failure(createFetcher({ minHostIntervalMs: 0 }).fetchFeed({ url: `${server.origin}/gzip` }));
    expect(error.message).toBe(`response larger than ${MAX_BYTES} bytes`);
  });
});

describe('a 200 MB body', () => {
  it('is streamed, cut off at the limit, and never held in memory whole', async () => {
    const before = rss();
    const error = await failure(createFetcher({ minHostIntervalMs: 0, maxBytes: MAX_BYTES }).fetchFeed({ url: `${server.origin}/huge` }));
    expect(error.kind).toBe('too-large');
    expect(rss() - before).toBeLessThan(RSS_BUDGET);
    // The reader hung up: the server only got a few socket buffers past the limit out, not 200 MB.
    await expect.poll(() => closed['/huge']).toBe(true);
    expect(sent['/huge']).toBeLessThan(40 * MiB);
  });
});

describe('servers that trickle', () => {
  it('times out a body sent one byte per second by the total deadline, though every byte comes sooner than it', async () => {
    const started = Date.now();
    const error = await failure(createFetcher({ minHostIntervalMs: 0, timeoutMs: 2500 }).fetchFeed({ url: `${server.origin}/trickle` }));
    const elapsed = Date.now() - started;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('no complete response within 2500 ms');
    expect(elapsed).toBeGreaterThanOrEqual(2400);
    expect(elapsed).toBeLessThan(4000);
    expect(sent['/trickle']).toBeGreaterThanOrEqual(2);
    await expect.poll(() => closed['/trickle']).toBe(true);
  });

  it('times out a status line and headers sent one byte per second by the same deadline', async () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 10\r\n\r\n';
    const sockets: Socket[] = [];
    const raw: Server = createServer((socket) => {
      sockets.push(socket);
      let i = 0;
      const timer = setInterval(() => (i < head.length && !socket.destroyed ? socket.write(head[i++] ?? '') : clearInterval(timer)), 1000);
      timers.push(timer);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = raw.address() as AddressInfo;
      const started = Date.now();
      const error = await failure(createFetcher({ minHostIntervalMs: 0, timeoutMs: 2500 }).fetchFeed({ url: `http://127.0.0.1:${port}/feed` }));
      expect(error.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });
});
