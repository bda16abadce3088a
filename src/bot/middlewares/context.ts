import type { MiddlewareFn } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { I18n } from '../../i18n.ts';
import type { Logger } from '../../logger.ts';
import type { ChatRecord, ChatService, ChatType } from '../../subscriptions/chats.ts';
import type { EditionService } from '../../subscriptions/editions.ts';
import type { BotContext, EditionContext } from '../context.ts';

/** Digest buttons under a chat's own digest act on that chat, even while it manages a channel. */
const OWN_CHAT_BUTTONS = /^dg:(more|less|set)\b/;

/** The forum topic a message was written in, if it was written in one (not in General). */
export function topicOf(message: Message | undefined): number | undefined {
  if (!message || !('is_topic_message' in message) || message.is_topic_message !== true) return undefined;
  return message.message_thread_id;
}

function topicNameOf(message: Message | undefined): string | undefined {
  if (!message) return undefined;
  if ('forum_topic_created' in message) return message.forum_topic_created.name;
  const parent = 'reply_to_message' in message ? message.reply_to_message : undefined;
  return parent && 'forum_topic_created' in parent ? parent.forum_topic_created.name : undefined;
}

/**
 * Half a surrogate pair in what a user typed would come back in every answer that quotes it, and
 * Telegram refuses those answers; U+FFFD keeps the text's length, so the command entities still fit.
 */
function mendText(message: Message | undefined): void {
  if (message && 'text' in message && /[\uD800-\uDFFF]/u.test(message.text)) {
    message.text = message.text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
  }
}

const isServiceMessage = (message: Message | undefined): boolean =>
  message !== undefined && ('forum_topic_closed' in message || 'forum_topic_reopened' in message || 'forum_topic_created' in message || 'forum_topic_edited' in message);

/**
 * Fills the per-update context: the record of what the update acts on (the chat, or the edition of
 * the forum topic it came from, or the channel a private chat manages), its locale, a translator
 * and a child logger.
 */
export function contextMiddleware(deps: { chats: ChatService; editions?: EditionService; i18n: I18n; logger: Logger; now?: () => number }): MiddlewareFn<BotContext> {
  const now = deps.now ?? Date.now;
  return async (ctx, next) => {
    ctx.logger = deps.logger.child({ updateId: ctx.update.update_id, updateType: ctx.updateType });
    mendText(ctx.message ?? ctx.editedMessage);
    const chat = ctx.chat;
    const languageCode = ctx.from?.language_code;
    // Set before the database is read, so a database fault is still answered in the user's language.
    ctx.locale = deps.chats.localeOf(undefined, languageCode);
    ctx.t = deps.i18n.translator(ctx.locale);
    let own: ChatRecord | undefined;
    // A block arrives as my_chat_member; touching the chat then would only recreate what we keep anyway.
    if (chat && ctx.updateType !== 'my_chat_member') {
      own = deps.chats.touch({
        id: chat.id,
        type: chat.type as ChatType,
        title: 'title' in chat ? chat.title : undefined,
        languageCode,
      });
    } else if (chat) {
      own = deps.chats.get(chat.id);
    }
    ctx.chatRecord = own;
    const resolved = own && deps.editions ? resolveEdition(ctx, own, deps.editions, deps.chats, now()) : undefined;
    if (resolved) {
      ctx.edition = resolved.edition;
      ctx.chatRecord = resolved.record;
    }
    // A channel's admin keeps their own language; a topic's readers read the topic's.
    ctx.locale = deps.chats.localeOf(ctx.edition?.kind === 'channel' ? own : ctx.chatRecord, languageCode);
    ctx.t = deps.i18n.translator(ctx.locale);
    return next();
  };
}

function resolveEdition(ctx: BotContext, own: ChatRecord, editions: EditionService, chats: ChatService, at: number): { edition: EditionContext; record: ChatRecord } | undefined {
  const chat = ctx.chat;
  if (!chat) return undefined;
  if (chat.type === 'supergroup' && 'is_forum' in chat && chat.is_forum) {
    const message = (ctx.callbackQuery?.message ?? ctx.message ?? ctx.editedMessage) as Message | undefined;
    const thread = topicOf(message);
    if (thread === undefined) return undefined;
    // A topic closed or renamed is no reason to start an edition; one that exists hears of it. Every
    // message in a topic replies to the topic's creation message, which names it.
    const topicName = topicNameOf(message);
    const record = isServiceMessage(message) && !('forum_topic_created' in (message ?? {})) ? editions.findTopic(chat.id, thread) : editions.topic(chat.id, thread, topicName);
    return record ? { edition: { kind: 'topic', id: record.id, title: record.title ?? '', own }, record } : undefined;
  }
  if (chat.type === 'private') {
    const data = ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    if (data !== undefined && OWN_CHAT_BUTTONS.test(data)) return undefined;
    const channelId = editions.managing(chat.id, at);
    const channel = channelId === undefined ? undefined : chats.get(channelId);
    if (channel) return { edition: { kind: 'channel', id: channel.id, title: channel.title ?? String(channel.id), own }, record: channel };
  }
  return undefined;
}
