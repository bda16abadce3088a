/**
 * Every way a send can fail, decided once here so the sender's policy reads as a switch over kinds.
 * Works on Telegraf's TelegramError and on anything shaped like it (`code`/`error_code`, `description`,
 * `parameters`), so a hand-written client or another library's error classifies the same way.
 */
export type SendErrorClass =
  | { kind: 'retry_after'; seconds: number }
  | { kind: 'blocked'; description: string }
  | { kind: 'migrated'; toChatId: number }
  | { kind: 'bad_request'; description: string }
  /** 401/404: the token or API root is wrong; no message is at fault, so none is failed for it. */
  | { kind: 'unauthorized'; description: string }
  | { kind: 'server'; description: string }
  | { kind: 'network'; description: string };

interface ApiErrorLike {
  code?: unknown;
  error_code?: unknown;
  description?: unknown;
  message?: unknown;
  parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown } | undefined;
  response?: { error_code?: unknown; description?: unknown; parameters?: ApiErrorLike['parameters'] };
}

/** Telegram omitting retry_after on a 429 is rare; a second is what its own clients assume. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

const asNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function classifySendError(error: unknown): SendErrorClass {
  if (typeof error !== 'object' || error === null) return { kind: 'network', description: String(error) };
  const e = error as ApiErrorLike;
  // TelegramError keeps the API body in `response`; `code` is a getter over it. Node's network errors
  // carry a string `code` (ECONNREFUSED), which is why only a numeric HTTP-range code counts.
  const code = asNumber(e.response?.error_code) ?? asNumber(e.error_code) ?? asNumber(e.code);
  const description = String(e.response?.description ?? e.description ?? e.message ?? 'unknown error');
  const parameters = e.response?.parameters ?? e.parameters;
  if (code === undefined || code < 400 || code > 599) return { kind: 'network', description };
  if (code === 429) {
    const seconds = asNumber(parameters?.retry_after);
    return { kind: 'retry_after', seconds: seconds !== undefined && seconds > 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS };
  }
  if (code >= 500) return { kind: 'server', description };
  const toChatId = asNumber(parameters?.migrate_to_chat_id);
  if (toChatId !== undefined) return { kind: 'migrated', toChatId };
  if (code === 403) return { kind: 'blocked', description };
  if (code === 401 || code === 404) return { kind: 'unauthorized', description };
  return { kind: 'bad_request', description };
}

/** A short, stable reason for reports and `lastError`. */
export function describeSendError(c: SendErrorClass): string {
  switch (c.kind) {
    case 'retry_after':
      return `retry_after: ${c.seconds}s`;
    case 'migrated':
      return `migrated: to ${c.toChatId}`;
    default:
      return `${c.kind}: ${c.description}`;
  }
}
