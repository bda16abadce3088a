/**
 * Request parameters the way the Bot API accepts them: query string plus a
 * JSON, x-www-form-urlencoded or multipart/form-data body. Non-JSON encodings
 * deliver every value as a string; the param getters coerce, as Telegram does.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './errors.ts';

export type Params = Record<string, unknown>;

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError({ error_code: 413, description: 'Request Entity Too Large' }, true);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function parseParams(contentType: string | undefined, body: Buffer, query: URLSearchParams): Params {
  const params: Params = Object.fromEntries(query.entries());
  if (body.length === 0) return params;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return { ...params, ...parseJson(body) };
  if (type === 'application/x-www-form-urlencoded') {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8')).entries()) };
  }
  if (type === 'multipart/form-data') return { ...params, ...parseMultipart(contentType ?? '', body) };
  throw badRequest(`unsupported Content-Type "${type || '(none)'}"; use application/json, x-www-form-urlencoded or multipart/form-data`);
}

function parseJson(body: Buffer): Params {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw badRequest(`can't parse JSON request body: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('JSON request body must be an object');
  }
  return value as Params;
}

/** Just enough multipart: text fields as strings, files as { filename, size }. */
function parseMultipart(contentType: string, body: Buffer): Params {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw badRequest('multipart/form-data without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const params: Params = {};
  let start = body.indexOf(delimiter);
  if (start < 0) throw badRequest('malformed multipart/form-data body');
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) throw badRequest('malformed multipart/form-data body: missing closing boundary');
    // Each part is "\r\n<headers>\r\n\r\n<content>\r\n".
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw badRequest('malformed multipart/form-data part');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) throw badRequest('multipart/form-data part without a name');
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    params[name] = filename === undefined ? content.toString('utf8') : { filename, size: content.length };
    start = next;
  }
  return params;
}

/** Objects may arrive JSON-encoded in form bodies. */
export function jsonParam(params: Params, name: string): unknown {
  const value = params[name];
  if (typeof value !== 'string') return value;
  if (value === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`can't parse ${name} JSON object`);
  }
}

export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function intParam(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  return Number.isInteger(number) ? number : Number.NaN;
}

export function boolParam(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === 'true' || value === 1 || value === '1';
}
