/** Telegram refuses callback data over 64 bytes; every button we build is checked against it. */
export const CALLBACK_DATA_LIMIT = 64;

export function callbackData(...parts: Array<string | number>): string {
  const data = parts.join(':');
  if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT) {
    throw new Error(`callback data over ${CALLBACK_DATA_LIMIT} bytes: ${data}`);
  }
  return data;
}

/** Splits and checks the shape; anything forged or stale yields undefined, never a throw. */
export function parseCallbackData(data: string | undefined, prefix: string, arity: number): string[] | undefined {
  if (!data || Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT) return undefined;
  const parts = data.split(':');
  if (parts[0] !== prefix || parts.length !== arity + 1) return undefined;
  if (parts.some((p) => p.length === 0 || !/^[\w*+-]+$/.test(p))) return undefined;
  return parts.slice(1);
}

/** The data of the pressed button, when the update is a button press that carries data. */
export function callbackDataOf(ctx: { callbackQuery?: object | undefined }): string | undefined {
  const query = ctx.callbackQuery;
  return query && 'data' in query && typeof query.data === 'string' ? query.data : undefined;
}
