import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context.ts';
import { UserError } from '../context.ts';
import { replyHtml, toPlainText } from '../reply.ts';

/**
 * Two kinds of error, two answers: a UserError is explained in the user's language; anything
 * else is logged with context and answered with a generic apology. Neither escapes the update.
 */
export function errorBoundary(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const isUser = error instanceof UserError;
      if (!isUser) ctx.logger.error({ err: error }, 'update failed');
      const text = isUser ? ctx.t(error.key, error.params) : ctx.t('errors.generic');
      try {
        if (ctx.callbackQuery) await ctx.answerCbQuery(toPlainText(text).slice(0, 200), { show_alert: isUser });
        else if (ctx.chat) await replyHtml(ctx, text);
      } catch (replyError) {
        ctx.logger.warn({ err: replyError }, 'could not tell the user about an error');
      }
    }
  };
}
