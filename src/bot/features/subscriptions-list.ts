import { Composer } from 'telegraf';
import { chatIdOf, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { replyHtml } from '../reply.ts';
import { targetLabel } from './subscribe.ts';

export function subscriptionsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('subscriptions', async (ctx) => {
    const list = deps.services.subscriptions.list(chatIdOf(ctx));
    if (list.length === 0) return replyHtml(ctx, ctx.t('subscriptions.none'));
    const lines = list.map((s) => {
      const words = [
        s.include.length > 0 ? ctx.t('subscriptions.include', { words: s.include.join(', ') }) : '',
        s.exclude.length > 0 ? ctx.t('subscriptions.exclude', { words: s.exclude.join(', ') }) : '',
      ].filter(Boolean);
      return `• ${targetLabel(ctx, deps, s)}${words.length > 0 ? ` (${words.join('; ')})` : ''}`;
    });
    const paused = ctx.chatRecord?.status === 'paused' ? `\n\n${ctx.t('subscriptions.paused')}` : '';
    await replyHtml(ctx, `${ctx.t('subscriptions.title', { count: list.length })}\n${lines.join('\n')}${paused}`);
  });
  return composer;
}
