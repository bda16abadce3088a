/**
 * The one HTTP server of the process (health, metrics, webhook, sandbox). Features plug in as routes:
 * plain functions that look at the request and either answer it (return true) or pass (false).
 * The server owns only what every route shares: 404, error answers, body limits, start-up and close.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../logger.ts';

/**
 * Answers the request and returns true, or returns false without touching `res` so the next route
 * gets it. `url` is the parsed request URL (host is a placeholder; use pathname and searchParams).
 * Throwing an HttpError answers with its status and `{ error: message }`; anything else thrown is a 500.
 */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface HttpServerOptions {
  /** 0 means any free port; listen() reports the one it got. */
  port: number;
  host?: string;
  logger: Logger;
  /** Tried in order; the first that returns true has answered. Read per request, so appending later works. */
  routes: readonly Route[];
  /** How long close() lets open requests (long polls, slow clients) finish before cutting them. Default 3 s. */
  closeGraceMs?: number;
}

export interface HttpServer {
  listen(): Promise<{ port: number }>;
  close(): Promise<void>;
}

/** A client mistake (or a refusal) with the status to answer it with; the message is shown to the client. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

/** Reads the whole body as bytes, refusing (413) as soon as it grows past maxBytes. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `request body is larger than ${maxBytes} bytes`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Not read at all; the rest is discarded so the 413 can still be written on this socket.
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new HttpError(400, `request body could not be read: ${error.message}`));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** The body parsed as JSON: 413 when larger than maxBytes, 400 when empty or not JSON. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const body = await readBody(req, maxBytes);
  if (body.length === 0) throw new HttpError(400, 'request body is empty; JSON expected');
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw new HttpError(400, `request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** 405 with the Allow header, for routes that own a path but not the method. */
export function methodNotAllowed(res: ServerResponse, allowed: readonly string[]): true {
  sendJson(res, 405, { error: `method not allowed; use ${allowed.join(' or ')}` }, { allow: allowed.join(', ') });
  return true;
}

function parseUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

function describeListenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  if (error.code === 'EADDRINUSE') {
    return new Error(
      `HTTP_PORT ${port} is already in use on ${host} (another process, or another copy of the bot, listens there): ` +
        'stop it or set HTTP_PORT to a free port (0 picks any free port)',
    );
  }
  if (error.code === 'EACCES') {
    return new Error(`HTTP_PORT ${port} needs privileges this process does not have: use a port above 1023`);
  }
  if (error.code === 'EADDRNOTAVAIL') return new Error(`cannot listen on ${host}:${port}: no such address on this machine`);
  return new Error(`cannot listen on HTTP_PORT ${port}: ${error.message}`);
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const host = options.host ?? '0.0.0.0';
  const { logger } = options;
  const closeGraceMs = options.closeGraceMs ?? 3000;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseUrl(req);
    if (!url) {
      sendJson(res, 400, { error: 'malformed request URL' });
      return;
    }
    try {
      for (const route of options.routes) {
        if (await route(req, res, url)) return;
      }
      sendJson(res, 404, { error: `not found: ${req.method ?? 'GET'} ${url.pathname}` });
    } catch (error) {
      if (res.headersSent) {
        // Half an answer is out: the client can only learn of the failure by the connection ending.
        logger.error({ err: error, method: req.method, path: url.pathname }, 'http route failed mid-response');
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, { error: error.message }, error.status === 413 ? { connection: 'close' } : {});
        return;
      }
      logger.error({ err: error, method: req.method, path: url.pathname }, 'http route failed');
      sendJson(res, 500, { error: 'internal error' });
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only reachable if writing the error answer itself failed (socket gone).
      logger.warn({ err: error }, 'http answer could not be written');
      res.destroy();
    });
  });
  // Requests Node cannot even parse (bad request line, oversized headers) never reach a route.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify({ error: `malformed HTTP request (${error.code ?? 'parse error'})` });
    socket.end(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  let listening = false;
  return {
    listen() {
      return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => reject(describeListenError(error, options.port, host));
        server.once('error', onError);
        server.listen(options.port, host, () => {
          server.off('error', onError);
          server.on('error', (error) => logger.error({ err: error }, 'http server error'));
          listening = true;
          const address = server.address();
          resolve({ port: typeof address === 'object' && address ? address.port : options.port });
        });
      });
    },
    close() {
      if (!listening) return Promise.resolve();
      listening = false;
      return new Promise((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), closeGraceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        // Keep-alive sockets with no request in progress would otherwise hold close() open.
        server.closeIdleConnections();
      });
    },
  };
}
