import { Composer } from 'telegraf';
import type { ChatMember } from 'telegraf/types';
import type { ChatType } from '../../subscriptions/chats.ts';
import type { BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';

const GONE = new Set(['kicked', 'left']);

/** The bot may post in a channel only as an administrator with the post right. */
export const canPostInChannel = (member: ChatMember): boolean =>
  member.status === 'creator' || (member.status === 'administrator' && member.can_post_messages === true);

/**
 * Telegram announces blocks and removals before any send fails: stop sending at once, keep the
 * subscriptions, and pick up where we left off when the person or group lets the bot back in.
 * A channel's edition is suspended when the bot loses its post right there, and its admin is told.
 * A forum topic closed or reopened suspends or resumes that topic's edition alone.
 */
export function chatMemberFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { chats, editions, editionAlerts } = deps.services;
  composer.on('my_chat_member', (ctx) => {
    const update = ctx.myChatMember;
    const status = update.new_chat_member.status;
    const chat = update.chat;
    if (chat.type === 'channel' && editions && editionAlerts) {
      // Whoever added or promoted the bot manages the edition until someone sets it up otherwise.
      const channel = editions.channelSeen({ id: chat.id, title: chat.title }, GONE.has(status) ? undefined : update.from.id);
      if (GONE.has(status)) editionAlerts.suspend(channel.id, 'removed');
      else if (!canPostInChannel(update.new_chat_member)) editionAlerts.suspend(channel.id, 'no_post_right');
      else editionAlerts.resume(channel.id, ['no_post_right', 'removed']);
      ctx.logger.info({ chatId: chat.id, status }, 'bot membership in a channel changed');
      return;
    }
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

  composer.on('message', (ctx, next) => {
    const message = ctx.message;
    if (ctx.edition?.kind !== 'topic' || !editionAlerts) return next();
    if ('forum_topic_closed' in message) {
      editionAlerts.suspend(ctx.edition.id, 'topic_closed');
      return;
    }
    if ('forum_topic_reopened' in message) {
      editionAlerts.resume(ctx.edition.id, ['topic_closed']);
      return;
    }
    return next();
  });

  // Posts in a channel are its readers' news, not commands to the bot: editions are managed from a private chat.
  composer.on('channel_post', () => undefined);
  composer.on('edited_channel_post', () => undefined);
  return composer;
}
