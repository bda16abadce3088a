import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { callbackData, callbackDataOf, parseCallbackData } from '../callback-data.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { replyHtml, showScreen, toPlainText, type Screen } from '../reply.ts';
import { resolveTargetOrThrow, targetLabel } from './subscribe.ts';

export function unsubscribeFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { subscriptions } = deps.services;

  const screen = (ctx: BotContext): Screen => {
    const list = subscriptions.list(chatIdOf(ctx));
    if (list.length === 0) return { text: ctx.t('unsubscribe.none') };
    const buttons: InlineKeyboardButton[][] = list.map((s) => [
      { text: `✖ ${toPlainText(targetLabel(ctx, deps, s))}`, callback_data: callbackData('uns', s.region, s.topic) },
    ]);
    buttons.push([{ text: ctx.t('unsubscribe.all_button'), callback_data: callbackData('uns', 'everything') }]);
    return { text: ctx.t('unsubscribe.choose'), keyboard: { inline_keyboard: buttons } };
  };

  composer.command('unsubscribe', async (ctx) => {
    const args = ctx.payload.trim();
    if (args.length === 0) return showScreen(ctx, screen(ctx));
    await assertCanManage(ctx);
    const chatId = chatIdOf(ctx);
    if (/^(all|\*|все|всё|الكل)$/i.test(args)) {
      const count = subscriptions.removeAll(chatId);
      return replyHtml(ctx, ctx.t('unsubscribe.removed_all', { count }));
    }
    const target = resolveTargetOrThrow(ctx, deps, args);
    // "/unsubscribe Tajikistan" drops every topic followed there; with a topic, only that pair.
    const topicGiven = target.topic !== 'all' || /\s/.test(args);
    const removed = subscriptions.remove(chatId, target.region, topicGiven ? target.topic : undefined);
    const label = targetLabel(ctx, deps, topicGiven ? target : { region: target.region, topic: 'all' });
    await replyHtml(ctx, ctx.t(removed > 0 ? 'unsubscribe.removed' : 'unsubscribe.not_found', { target: label }));
  });

  composer.action(/^uns:/, async (ctx) => {
    const data = callbackDataOf(ctx);
    const pair = parseCallbackData(data, 'uns', 2);
    const all = parseCallbackData(data, 'uns', 1);
    const chatId = chatIdOf(ctx);
    if (all?.[0] === 'everything') {
      await assertCanManage(ctx);
      subscriptions.removeAll(chatId);
    } else if (pair && (pair[0] === 'all' || deps.taxonomy.isRegion(pair[0] ?? '')) && (pair[1] === 'all' || deps.taxonomy.isTopic(pair[1] ?? ''))) {
      await assertCanManage(ctx);
      subscriptions.remove(chatId, pair[0] as string, pair[1] as string);
    } else {
      throw new UserError('errors.button_expired');
    }
    await showScreen(ctx, screen(ctx));
    await ctx.answerCbQuery();
  });

  return composer;
}
