/** Plain HTTP calls to the fake, for tests that need full control of the wire format. */
import type { FakeTelegram } from '../../src/telegram-double/index.ts';

export interface RawAnswer {
  status: number;
  body: {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number; migrate_to_chat_id?: number };
  };
}

export async function callApi(tg: FakeTelegram, method: string, payload: object = {}): Promise<RawAnswer> {
  return await postRaw(tg, `/bot${tg.token}/${method}`, 'application/json', JSON.stringify(payload));
}

export async function postRaw(tg: FakeTelegram, path: string, contentType: string | undefined, body: string): Promise<RawAnswer> {
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  const response = await fetch(`${tg.apiRoot}${path}`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as RawAnswer['body'] };
}
