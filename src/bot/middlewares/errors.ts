import type { MiddlewareFn } from 'telegraf';
import { storageFault } from '../../db/faults.ts';
import type { BotContext } from '../context.ts';
import { UserError } from '../context.ts';
import { replyHtml, toPlainText } from '../reply.ts';

/**
 * Three kinds of error, three answers: a UserError is explained in the user's language; a fault of
 * the database file (full, read-only, damaged, held too long) tells the user that what they did was
 * not kept; anything else is logged with context and answered with a generic apology. None escapes
 * the update.
 */
export function errorBoundary(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const isUser = error instanceof UserError;
      const fault = isUser ? undefined : storageFault(error);
      if (!isUser) ctx.logger.error({ err: error, ...(fault ? { storageFault: fault } : {}) }, fault ? 'update failed: database fault' : 'update failed');
      const text = isUser ? ctx.t(error.key, error.params) : ctx.t(fault ? 'errors.storage' : 'errors.generic');
      try {
        if (ctx.callbackQuery) await ctx.answerCbQuery(toPlainText(text).slice(0, 200), { show_alert: isUser });
        else if (ctx.chat) await replyHtml(ctx, text);
      } catch (replyError) {
        ctx.logger.warn({ err: replyError }, 'could not tell the user about an error');
      }
    }
  };
}
