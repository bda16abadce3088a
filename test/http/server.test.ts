import { createServer } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, HttpError, readJsonBody, sendJson, type Route } from '../../src/http/server.ts';
import { rawRequest, serve, silentLogger, type Served } from './helpers.ts';

const echo: Route = async (req, res, url) => {
  if (url.pathname !== '/echo') return false;
  sendJson(res, 200, { got: await readJsonBody(req, 1024) });
  return true;
};

let served: Served | undefined;
afterEach(async () => {
  await served?.server.close();
  served = undefined;
});

describe('the HTTP server', () => {
  it('answers an unknown path with 404 and a JSON reason', async () => {
    served = await serve([echo]);
    const response = await fetch(`${served.base}/nowhere?x=1`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ error: 'not found: GET /nowhere' });
  });

  it('gives the request to the first route that takes it', async () => {
    const calls: string[] = [];
    const pass: Route = () => {
      calls.push('pass');
      return false;
    };
    const take: Route = (_req, res) => {
      calls.push('take');
      sendJson(res, 200, { ok: true });
      return true;
    };
    const never: Route = () => {
      calls.push('never');
      return true;
    };
    served = await serve([pass, take, never]);
    expect((await fetch(`${served.base}/anything`)).status).toBe(200);
    expect(calls).toEqual(['pass', 'take']);
  });

  it('parses a JSON body for a route', async () => {
    served = await serve([echo]);
    const response = await fetch(`${served.base}/echo`, { method: 'POST', body: JSON.stringify({ a: [1, 'ب'] }) });
    expect(await response.json()).toEqual({ got: { a: [1, 'ب'] } });
  });

  it('refuses malformed JSON and an empty body with 400 and says why', async () => {
    served = await serve([echo]);
    const bad = await fetch(`${served.base}/echo`, { method: 'POST', body: '{"a": ' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not valid JSON/);
    const empty = await fetch(`${served.base}/echo`, { method: 'POST' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toMatch(/empty/);
  });

  it('refuses a body larger than the limit with 413, whether or not its length was declared', async () => {
    served = await serve([echo]);
    const declared = await fetch(`${served.base}/echo`, { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(5000) }) });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toMatch(/larger than 1024 bytes/);

    // Chunked: no content-length, so the limit has to be enforced while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(`"${'y'.repeat(400)}",`));
        controller.close();
      },
    });
    const chunked = await fetch(`${served.base}/echo`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await fetch(`${served.base}/nowhere`)).status).toBe(404);
  });

  it('answers a route that throws with 500, logs it, and keeps serving', async () => {
    const logged: unknown[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    const boom: Route = (_req, _res, url) => {
      if (url.pathname === '/boom') throw new Error('kaboom');
      return false;
    };
    const asyncBoom: Route = async (_req, _res, url) => {
      if (url.pathname === '/async-boom') throw new Error('later kaboom');
      return false;
    };
    served = await serve([boom, asyncBoom, echo], logger);
    for (const path of ['/boom', '/async-boom']) {
      const response = await fetch(`${served.base}${path}`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'internal error' });
    }
    expect(logged).toHaveLength(2);
    expect(JSON.stringify(logged)).toContain('kaboom');
    const after = await fetch(`${served.base}/echo`, { method: 'POST', body: '1' });
    expect(await after.json()).toEqual({ got: 1 });
  });

  it('answers an HttpError thrown by a route with its status and message', async () => {
    const refuse: Route = () => {
      throw new HttpError(422, 'chat_id must be a number');
    };
    served = await serve([refuse]);
    const response = await fetch(`${served.base}/x`);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: 'chat_id must be a number' });
  });

  it('answers a request Node cannot parse with 400 instead of crashing', async () => {
    served = await serve([echo]);
    const answer = await rawRequest(served.port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(answer).toContain('malformed HTTP request');
    const badHeader = await rawRequest(served.port, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(badHeader).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${served.base}/nowhere`)).status).toBe(404);
  });

  it('picks a free port when given port 0 and reports it', async () => {
    served = await serve([]);
    expect(served.port).toBeGreaterThan(0);
  });

  it('fails to listen on a port in use with an error naming HTTP_PORT and the port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const server = createHttpServer({ port, host: '127.0.0.1', logger: silentLogger, routes: [] });
      await expect(server.listen()).rejects.toThrow(`HTTP_PORT ${port} is already in use`);
      await server.close();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('closes even while a client holds a request open', async () => {
    const hang: Route = () => new Promise<boolean>(() => {});
    served = await serve([hang]);
    const pending = fetch(`${served.base}/hang`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await served.server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await pending).toBeInstanceOf(Error);
    served = undefined;
  });
});
