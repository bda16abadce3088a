/**
 * Telegram's error envelope and the descriptions the Bot API really uses.
 * Descriptions are copied from telegram-bot-api / tdlib so that bot code which
 * matches on them (e.g. "message is not modified") behaves as in production.
 */

export interface ApiErrorBody {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number } & Record<string, unknown>;
}

/**
 * Thrown by method handlers; the server turns it into `{ ok: false, ... }`.
 * `violation` marks errors caused by a bot bug (bad markup, bad button...)
 * rather than by world state (blocked chat, flood limit), so only those land
 * in `FakeTelegram.violations`.
 */
export class ApiError extends Error {
  readonly body: ApiErrorBody;
  readonly violation: boolean;

  constructor(body: ApiErrorBody, violation: boolean) {
    super(body.description);
    this.body = body;
    this.violation = violation;
  }
}

/** A 400 caused by what the bot sent; recorded as a violation. */
export function badRequest(reason: string, parameters?: ApiErrorBody['parameters']): ApiError {
  const body: ApiErrorBody = { error_code: 400, description: `Bad Request: ${reason}` };
  if (parameters) body.parameters = parameters;
  return new ApiError(body, true);
}

/** A 400 that reflects world state (e.g. migrated group), not a bot bug. */
export function stateBadRequest(reason: string, parameters?: ApiErrorBody['parameters']): ApiError {
  const error = badRequest(reason, parameters);
  return new ApiError(error.body, false);
}

export function forbidden(reason: string): ApiError {
  return new ApiError({ error_code: 403, description: `Forbidden: ${reason}` }, false);
}

export function tooManyRequests(retryAfter: number): ApiError {
  return new ApiError(
    {
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      parameters: { retry_after: retryAfter },
    },
    false,
  );
}

export function conflict(reason: string): ApiError {
  return new ApiError({ error_code: 409, description: `Conflict: ${reason}` }, false);
}

export const DESCRIPTIONS = {
  unauthorized: 'Unauthorized',
  notFound: 'Not Found',
  methodNotFound: 'Not Found: method not found',
  notModified:
    'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  blocked: 'bot was blocked by the user',
  migrated: 'group chat was upgraded to a supergroup chat',
  queryTooOld: 'query is too old and response timeout expired or query ID is invalid',
} as const;
