import { Composer } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { LANGUAGE, SETTINGS, SUBSCRIBE } from '../../buttons/kinds.ts';
import { chatIdOf, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { replyHtml } from '../reply.ts';

export function startFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { chats, subscriptions } = deps.services;

  composer.start(async (ctx) => {
    const chatId = chatIdOf(ctx);
    const resumed = ctx.chatRecord !== undefined && ctx.chatRecord.status !== 'active';
    if (resumed) {
      await assertCanManage(ctx);
      chats.setStatus(chatId, 'active');
    }
    const count = subscriptions.list(chatId).length;
    const name = ctx.chat?.type === 'private' ? (ctx.from?.first_name ?? '') : ('title' in ctx.chat! ? ctx.chat.title : '');
    const parts = [
      ctx.t('start.welcome', { name }),
      resumed ? ctx.t('start.resumed') : '',
      count > 0 ? ctx.t('start.following', { count }) : ctx.t('start.how_to_subscribe'),
    ].filter(Boolean);
    const keyboard: InlineKeyboardMarkup = {
      inline_keyboard: [
        [{ text: ctx.t('start.button_subscribe'), callback_data: SUBSCRIBE.macros.pack({}) }],
        [
          { text: ctx.t('start.button_language'), callback_data: LANGUAGE.menu.pack({}) },
          { text: ctx.t('start.button_settings'), callback_data: SETTINGS.menu.pack({}) },
        ],
      ],
    };
    await replyHtml(ctx, parts.join('\n\n'), keyboard);
  });

  composer.help(async (ctx) => {
    await replyHtml(ctx, ctx.t('help.text'));
  });

  composer.command('stop', async (ctx) => {
    await assertCanManage(ctx);
    chats.setStatus(chatIdOf(ctx), 'paused');
    await replyHtml(ctx, ctx.t('stop.paused'));
  });

  return composer;
}
