import { TelegramError } from 'telegraf';
import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context.ts';

const MAX_RETRIES = 3;
const MAX_WAIT_SECONDS = 60;

export function retryAfterOf(error: unknown): number | undefined {
  if (error instanceof TelegramError && error.code === 429) {
    return error.parameters?.retry_after ?? 1;
  }
  return undefined;
}

/**
 * Replies that hit Telegram's flood limit wait the time Telegram names and go again, so a busy
 * moment delays an answer instead of losing it. Telegraf builds a client per update, hence per ctx.
 */
export function retryOn429(sleep: (ms: number) => Promise<void>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const telegram = ctx.telegram;
    const original = telegram.callApi.bind(telegram);
    telegram.callApi = (async (method: Parameters<typeof original>[0], payload: Parameters<typeof original>[1], options?: Parameters<typeof original>[2]) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await original(method, payload, options);
        } catch (error) {
          const wait = retryAfterOf(error);
          if (wait === undefined || attempt >= MAX_RETRIES || wait > MAX_WAIT_SECONDS) throw error;
          ctx.logger?.warn({ method, retryAfter: wait }, 'telegram asked to slow down; retrying');
          await sleep(wait * 1000);
        }
      }
    }) as typeof telegram.callApi;
    return next();
  };
}
