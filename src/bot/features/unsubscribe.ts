import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { pressedData } from '../../buttons/kind.ts';
import { UNSUBSCRIBE } from '../../buttons/kinds.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { replyHtml, showScreen, toPlainText, type Screen } from '../reply.ts';
import { resolveTargetOrThrow, targetLabel } from './subscribe.ts';

/** How long "Remove all" can be undone. */
export const UNDO_MS = 60_000;

export function unsubscribeFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { subscriptions } = deps.services;
  const now = deps.now ?? Date.now;

  /** One tap must not wipe a chat's subscriptions: "Remove all" asks first. */
  const confirmScreen = (ctx: BotContext): Screen => {
    const count = subscriptions.list(chatIdOf(ctx)).length;
    if (count === 0) return { text: ctx.t('unsubscribe.none') };
    return {
      text: ctx.t('unsubscribe.confirm_all', { count }),
      keyboard: {
        inline_keyboard: [
          [{ text: toPlainText(ctx.t('unsubscribe.confirm_yes', { count })), callback_data: UNSUBSCRIBE.really.pack({}) }],
          [{ text: toPlainText(ctx.t('unsubscribe.confirm_no')), callback_data: UNSUBSCRIBE.list.pack({}) }],
        ],
      },
    };
  };

  const removeAll = async (ctx: BotContext): Promise<Screen> => {
    await assertCanManage(ctx);
    // A second tap on "Yes" finds nothing left, and must not replace the undo with an empty one.
    if (subscriptions.list(chatIdOf(ctx)).length === 0) return { text: ctx.t('unsubscribe.none') };
    const gone = subscriptions.removeAllUndoably(chatIdOf(ctx), now());
    return {
      text: ctx.t('unsubscribe.removed_all', { count: gone.length, seconds: UNDO_MS / 1000 }),
      keyboard: { inline_keyboard: [[{ text: toPlainText(ctx.t('unsubscribe.undo_button')), callback_data: UNSUBSCRIBE.undo.pack({}) }]] },
    };
  };

  const screen = (ctx: BotContext): Screen => {
    const list = subscriptions.list(chatIdOf(ctx));
    if (list.length === 0) return { text: ctx.t('unsubscribe.none') };
    const buttons: InlineKeyboardButton[][] = list.map((s) => [
      { text: `✖ ${toPlainText(targetLabel(ctx, deps, s))}`, callback_data: UNSUBSCRIBE.one.pack({ region: s.region, topic: s.topic }) },
    ]);
    buttons.push([{ text: ctx.t('unsubscribe.all_button'), callback_data: UNSUBSCRIBE.everything.pack({}) }]);
    return { text: ctx.t('unsubscribe.choose'), keyboard: { inline_keyboard: buttons } };
  };

  composer.command('unsubscribe', async (ctx) => {
    const args = ctx.payload.trim();
    if (args.length === 0) return showScreen(ctx, screen(ctx));
    await assertCanManage(ctx);
    const chatId = chatIdOf(ctx);
    if (/^(all|\*|все|всё|الكل)$/i.test(args)) return showScreen(ctx, confirmScreen(ctx));
    const target = resolveTargetOrThrow(ctx, deps, args);
    // "/unsubscribe Tajikistan" drops every topic followed there; with a topic, only that pair.
    const topicGiven = target.topic !== 'all' || /\s/.test(args);
    const gone = subscriptions.list(chatId).filter((s) => s.region === target.region && (!topicGiven || s.topic === target.topic));
    subscriptions.remove(chatId, target.region, topicGiven ? target.topic : undefined);
    if (gone.length === 0) {
      const label = targetLabel(ctx, deps, topicGiven ? target : { region: target.region, topic: 'all' });
      return replyHtml(ctx, ctx.t('unsubscribe.not_found', { target: label }));
    }
    // Every subscription that went is named: "Tajikistan" alone may have taken three.
    const names = gone.map((s) => toPlainText(targetLabel(ctx, deps, s))).join(', ');
    await replyHtml(ctx, ctx.t('unsubscribe.removed', { target: names }));
  });

  composer.action(/^uns:/, async (ctx) => {
    const data = pressedData(ctx);
    const pair = UNSUBSCRIBE.one.unpack(data);
    const chatId = chatIdOf(ctx);
    if (UNSUBSCRIBE.everything.unpack(data)) {
      await showScreen(ctx, confirmScreen(ctx));
      return ctx.answerCbQuery();
    } else if (UNSUBSCRIBE.really.unpack(data)) {
      await showScreen(ctx, await removeAll(ctx));
      return ctx.answerCbQuery();
    } else if (UNSUBSCRIBE.undo.unpack(data)) {
      await assertCanManage(ctx);
      const back = subscriptions.undoRemoveAll(chatId, now(), UNDO_MS);
      if (back === undefined) throw new UserError('unsubscribe.undo_expired');
      await showScreen(ctx, { text: ctx.t('unsubscribe.restored', { count: back }) });
      return ctx.answerCbQuery();
    } else if (UNSUBSCRIBE.list.unpack(data)) {
      // Cancel: back to the list, nothing removed.
    } else if (pair && (pair.region === 'all' || deps.taxonomy.isRegion(pair.region)) && (pair.topic === 'all' || deps.taxonomy.isTopic(pair.topic))) {
      await assertCanManage(ctx);
      subscriptions.remove(chatId, pair.region, pair.topic);
    } else {
      throw new UserError('errors.button_expired');
    }
    await showScreen(ctx, screen(ctx));
    await ctx.answerCbQuery();
  });

  return composer;
}
