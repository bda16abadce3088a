/**
 * Builders for the updates Telegram would deliver, shaped exactly as Telegraf
 * expects them (bot_command entities included, or `bot.command()` never fires).
 * Ids auto-increment per process (per test file); message ids count from 1, below the
 * range the fake uses for bot messages, so the two never collide. The sandbox passes its
 * own per-chat message ids and lets the Bot API's queue number the updates.
 */
import type { ChatMemberUpdated, InlineKeyboardMarkup, Message, Update, User } from 'telegraf/types';
import { chatMember } from './members.ts';
import type { ChatMemberStatus } from './types.ts';
import {
  botCommandEntities, DEFAULT_BOT, makeChannel, makeChat, makeUser, nextCallbackId, nextMessageId, nextUpdateId, nowSeconds, threadFields,
  type ChatInput, type ThreadInput, type UpdateChatType, type UserInput,
} from './update-parts.ts';

export { botCommandEntities, nextMessageId, nextUpdateId, resetUpdateIds, type UpdateChatType } from './update-parts.ts';
export * from './updates-editions.ts';

export interface MessageUpdateInput extends ChatInput, UserInput, ThreadInput {
  text: string;
  messageId?: number;
  /** Unix seconds; default now. */
  date?: number;
}

export interface EditedMessageUpdateInput extends MessageUpdateInput {
  messageId: number;
  editDate?: number;
}

export interface CallbackUpdateInput extends ChatInput, UserInput, ThreadInput {
  userId: number;
  data: string;
  /** The bot message carrying the pressed button. */
  messageId: number;
  /** Text of that message; default ''. */
  messageText?: string;
  /** The bot that sent the message; default the fake's default bot. Pass `tg.botInfo` for a custom one. */
  bot?: User;
  /** The message's keyboard: Telegram sends it with the press, and handlers may read their button's label. */
  replyMarkup?: InlineKeyboardMarkup | undefined;
}

export interface MyChatMemberUpdateInput extends Omit<ChatInput, 'chatType'>, UserInput {
  /** 'channel' must be explicit: -100… ids are inferred as supergroups. */
  chatType?: UpdateChatType | 'channel';
  userId: number;
  oldStatus: ChatMemberStatus;
  newStatus: ChatMemberStatus;
  bot?: User;
  /** Rights of the new administrator status; in a channel both default to true. */
  canPostMessages?: boolean;
  canEditMessages?: boolean;
  /** Supergroups: whether the new administrator may manage forum topics. */
  canManageTopics?: boolean;
}

type IncomingText = Update.MessageUpdate<Message.TextMessage>['message'];

function textMessage(input: MessageUpdateInput): IncomingText {
  const from = makeUser(input);
  const message: IncomingText = {
    message_id: input.messageId ?? nextMessageId(),
    from,
    chat: makeChat(input, from),
    date: input.date ?? nowSeconds(),
    text: input.text,
    ...threadFields(input),
  };
  const entities = botCommandEntities(input.text);
  if (entities.length > 0) message.entities = entities;
  return message;
}

export function messageUpdate(input: MessageUpdateInput): Update.MessageUpdate<Message.TextMessage> {
  return { update_id: nextUpdateId(), message: textMessage(input) };
}

export function editedMessageUpdate(input: EditedMessageUpdateInput): Update.EditedMessageUpdate<Message.TextMessage> {
  const message = textMessage(input);
  return { update_id: nextUpdateId(), edited_message: { ...message, edit_date: input.editDate ?? message.date + 1 } };
}

export function callbackUpdate(input: CallbackUpdateInput): Update.CallbackQueryUpdate<CallbackQuery> {
  const from = makeUser(input);
  const chat = makeChat(input, from);
  const message: Message.TextMessage = {
    message_id: input.messageId,
    from: input.bot ?? DEFAULT_BOT,
    chat,
    date: nowSeconds(),
    text: input.messageText ?? '',
    ...threadFields(input),
    ...(input.replyMarkup ? { reply_markup: input.replyMarkup } : {}),
  };
  return {
    update_id: nextUpdateId(),
    callback_query: { id: String(nextCallbackId()), from, chat_instance: String(input.chatId), data: input.data, message },
  };
}

type CallbackQuery = Update.CallbackQueryUpdate['callback_query'] & { data: string };

/** The bot's own membership changed: added to a group or channel, promoted, or blocked/unblocked in a private chat. */
export function myChatMemberUpdate(input: MyChatMemberUpdateInput): Update.MyChatMemberUpdate {
  const from = makeUser(input);
  const bot = input.bot ?? DEFAULT_BOT;
  const { chatType, ...rest } = input;
  const channel = chatType === 'channel';
  const rights = {
    channel, canPostMessages: input.canPostMessages, canEditMessages: input.canEditMessages, canManageTopics: input.canManageTopics,
  };
  const change: ChatMemberUpdated = {
    chat: channel ? makeChannel(input) : makeChat(chatType ? { ...rest, chatType } : rest, from),
    from,
    date: nowSeconds(),
    old_chat_member: chatMember(bot, input.oldStatus, { channel }),
    new_chat_member: chatMember(bot, input.newStatus, rights),
  };
  return { update_id: nextUpdateId(), my_chat_member: change };
}
