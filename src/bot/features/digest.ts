import { Composer } from 'telegraf';
import { chatIdOf, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { replyHtml } from '../reply.ts';

/** `/digest`: what is new for this chat, now, whatever its schedule; it arrives through the outbox like any digest. */
export function digestFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('digest', async (ctx) => {
    await assertCanManage(ctx);
    const outcome = deps.services.digests.sendNow(chatIdOf(ctx));
    if (outcome === 'no_subscriptions') return replyHtml(ctx, ctx.t('subscriptions.none'));
    if (outcome === 'paused') return replyHtml(ctx, ctx.t('subscriptions.paused'));
    if (outcome === 'empty') return replyHtml(ctx, ctx.t('digest.empty'));
  });
  return composer;
}
