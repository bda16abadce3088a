import { Composer } from 'telegraf';
import type { BotContext } from '../context.ts';
import { replyHtml } from '../reply.ts';

/** Registered last: whatever no feature handled ends here, answered briefly or ignored. */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', (ctx) => ctx.answerCbQuery(ctx.t('errors.button_expired')));
  composer.on('message', async (ctx) => {
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    const isCommand = text?.startsWith('/') ?? false;
    if (isCommand) {
      const mention = /^\/\w+@(\w+)/.exec(text ?? '');
      // In a group, a command addressed to another bot is none of our business.
      if (mention && ctx.botInfo && mention[1]?.toLowerCase() !== ctx.botInfo.username.toLowerCase()) return;
      return replyHtml(ctx, ctx.t('errors.unknown_command'));
    }
    if (ctx.chat.type === 'private') return replyHtml(ctx, ctx.t('errors.text_hint'));
  });
  // Edited messages, channel posts and the rest are ignored on purpose.
  return composer;
}
