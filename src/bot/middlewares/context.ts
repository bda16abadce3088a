import type { MiddlewareFn } from 'telegraf';
import type { I18n } from '../../i18n.ts';
import type { Logger } from '../../logger.ts';
import type { ChatService, ChatType } from '../../subscriptions/chats.ts';
import type { BotContext } from '../context.ts';

/** Fills the per-update context: the chat's record, its locale, a translator and a child logger. */
export function contextMiddleware(deps: { chats: ChatService; i18n: I18n; logger: Logger }): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.logger = deps.logger.child({ updateId: ctx.update.update_id, updateType: ctx.updateType });
    const chat = ctx.chat;
    const languageCode = ctx.from?.language_code;
    // A block arrives as my_chat_member; touching the chat then would only recreate what we keep anyway.
    if (chat && ctx.updateType !== 'my_chat_member') {
      ctx.chatRecord = deps.chats.touch({
        id: chat.id,
        type: chat.type as ChatType,
        title: 'title' in chat ? chat.title : undefined,
        languageCode,
      });
    } else if (chat) {
      ctx.chatRecord = deps.chats.get(chat.id);
    }
    ctx.locale = deps.chats.localeOf(ctx.chatRecord, languageCode);
    ctx.t = deps.i18n.translator(ctx.locale);
    return next();
  };
}
