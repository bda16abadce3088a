import { Composer } from 'telegraf';
import type { ChatType } from '../../subscriptions/chats.ts';
import type { BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';

const GONE = new Set(['kicked', 'left']);

/**
 * Telegram announces blocks and removals before any send fails: stop sending at once, keep the
 * subscriptions, and pick up where we left off when the person or group lets the bot back in.
 */
export function chatMemberFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { chats } = deps.services;
  composer.on('my_chat_member', (ctx) => {
    const update = ctx.myChatMember;
    const status = update.new_chat_member.status;
    const chat = update.chat;
    if (GONE.has(status)) {
      if (chats.get(chat.id)) chats.setStatus(chat.id, 'blocked');
      ctx.logger.info({ chatId: chat.id, status }, 'bot removed or blocked: chat suspended');
      return;
    }
    const record = chats.touch({
      id: chat.id,
      type: chat.type as ChatType,
      title: 'title' in chat ? chat.title : undefined,
      languageCode: update.from.language_code,
    });
    // A paused chat stays paused: unblocking the bot is not asking for briefings again.
    if (record.status === 'blocked') chats.setStatus(chat.id, 'active');
    ctx.logger.info({ chatId: chat.id, status }, 'bot is a member again');
  });
  return composer;
}
