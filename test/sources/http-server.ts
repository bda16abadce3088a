import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FetchError } from '../../src/sources/errors.ts';

export interface TestServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  close(): Promise<void>;
}

/** A local server for fetcher tests; tests never touch the network. */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<TestServer> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled responses from timeout tests would otherwise keep the server open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Page {
  status?: number;
  type: string;
  body: string;
  location?: string;
}

/** Serves a fixed site by path (404 for the rest), noting each path asked for in `hits`. */
export function servePages(pages: Record<string, Page>, hits: string[]): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    hits.push(req.url ?? '');
    const page = pages[req.url ?? ''];
    res.statusCode = page?.status ?? (page ? 200 : 404);
    if (page?.location) res.setHeader('location', page.location);
    res.setHeader('content-type', page?.type ?? 'text/plain');
    res.end(page?.body ?? 'not found');
  };
}

/** The FetchError a fetch ends in; anything else (or success) fails the test. */
export async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError');
}
