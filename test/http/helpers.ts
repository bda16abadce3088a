import { connect } from 'node:net';
import { pino } from 'pino';
import { createHttpServer, type HttpServer, type Route } from '../../src/http/server.ts';

export const silentLogger = pino({ level: 'silent' });

export interface Served {
  server: HttpServer;
  base: string;
  port: number;
}

/** A server on a free loopback port with these routes. */
export async function serve(routes: Route[], logger = silentLogger): Promise<Served> {
  const server = createHttpServer({ port: 0, host: '127.0.0.1', logger, routes, closeGraceMs: 200 });
  const { port } = await server.listen();
  return { server, base: `http://127.0.0.1:${port}`, port };
}

/** Sends raw bytes and returns everything the server wrote back before closing. */
export function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      resolve(answer);
    });
  });
}
