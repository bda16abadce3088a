/**
 * Builders for the updates Telegram would deliver, shaped exactly as Telegraf
 * expects them (bot_command entities included, or `bot.command()` never fires).
 * Ids auto-increment per process (per test file); message ids count from 1, below the
 * range the fake uses for bot messages, so the two never collide. The sandbox passes its
 * own per-chat message ids and lets the Bot API's queue number the updates.
 */
import type { Chat, ChatMemberUpdated, InlineKeyboardMarkup, Message, MessageEntity, Update, User } from 'telegraf/types';
import { chatMember, DEFAULT_BOT_FIRST_NAME, DEFAULT_BOT_USERNAME, DEFAULT_TOKEN, makeBotInfo, botUser } from './members.ts';
import type { ChatMemberStatus } from './types.ts';

export type UpdateChatType = 'private' | 'group' | 'supergroup';

let updateId = 0;
let messageId = 0;
let callbackId = 0;

const DEFAULT_BOT: User = botUser(makeBotInfo(DEFAULT_TOKEN, DEFAULT_BOT_USERNAME, DEFAULT_BOT_FIRST_NAME));

/** Start ids from 1 again (e.g. in beforeEach) for tests that assert on them. */
export function resetUpdateIds(): void {
  updateId = 0;
  messageId = 0;
  callbackId = 0;
}

export const nextUpdateId = (): number => ++updateId;
export const nextMessageId = (): number => ++messageId;

interface ChatInput {
  chatId: number;
  /** Default: 'private' for positive ids, 'supergroup' for -100… ids, else 'group'. */
  chatType?: UpdateChatType;
  /** Group title; default `Chat <id>`. */
  chatTitle?: string;
}

interface UserInput {
  /** Default: chatId in private chats, 1001 in groups. */
  userId?: number;
  firstName?: string;
  username?: string;
  languageCode?: string;
}

export interface MessageUpdateInput extends ChatInput, UserInput {
  text: string;
  messageId?: number;
  /** Unix seconds; default now. */
  date?: number;
}

export interface EditedMessageUpdateInput extends MessageUpdateInput {
  messageId: number;
  editDate?: number;
}

export interface CallbackUpdateInput extends ChatInput, UserInput {
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

export interface MyChatMemberUpdateInput extends ChatInput, UserInput {
  userId: number;
  oldStatus: ChatMemberStatus;
  newStatus: ChatMemberStatus;
  bot?: User;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function resolveType(input: ChatInput): UpdateChatType {
  if (input.chatType) return input.chatType;
  if (input.chatId > 0) return 'private';
  return input.chatId <= -1_000_000_000_000 ? 'supergroup' : 'group';
}

function makeUser(input: UserInput & { chatId: number }): User {
  const id = input.userId ?? (input.chatId > 0 ? input.chatId : 1001);
  const user: User = { id, is_bot: false, first_name: input.firstName ?? `User ${id}` };
  if (input.username !== undefined) user.username = input.username;
  if (input.languageCode !== undefined) user.language_code = input.languageCode;
  return user;
}

function makeChat(input: ChatInput, user: User): Exclude<Chat, Chat.ChannelChat> {
  const type = resolveType(input);
  if (type === 'private') {
    const chat: Chat.PrivateChat = { id: input.chatId, type, first_name: user.first_name };
    if (user.username !== undefined) chat.username = user.username;
    return chat;
  }
  return { id: input.chatId, type, title: input.chatTitle ?? `Chat ${input.chatId}` } as Chat.GroupChat | Chat.SupergroupChat;
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
const isCommandChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** tdlib's bot command matcher: `/cmd` or `/cmd@BotName`, not glued to words, '/', '<' or '>'. */
export function botCommandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    const before = slash > 0 ? text[slash - 1] : undefined;
    if (isWordChar(before) || before === '/' || before === '<' || before === '>') continue;
    let end = slash + 1;
    while (isCommandChar(text[end])) end++;
    const commandLength = end - slash - 1;
    if (commandLength < 1 || commandLength > 64) continue;
    if (text[end] === '@') {
      let mentionEnd = end + 1;
      while (isCommandChar(text[mentionEnd])) mentionEnd++;
      const mentionLength = mentionEnd - end - 1;
      if (mentionLength < 3 || mentionLength > 32) continue;
      end = mentionEnd;
    }
    const after = text[end];
    if (isWordChar(after) || after === '/' || after === '<' || after === '>') continue;
    entities.push({ type: 'bot_command', offset: slash, length: end - slash });
  }
  return entities;
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
    ...(input.replyMarkup ? { reply_markup: input.replyMarkup } : {}),
  };
  return {
    update_id: nextUpdateId(),
    callback_query: { id: String(++callbackId), from, chat_instance: String(input.chatId), data: input.data, message },
  };
}

type CallbackQuery = Update.CallbackQueryUpdate['callback_query'] & { data: string };

/** The bot's own membership changed: added to a group, promoted, or blocked/unblocked in a private chat. */
export function myChatMemberUpdate(input: MyChatMemberUpdateInput): Update.MyChatMemberUpdate {
  const from = makeUser(input);
  const bot = input.bot ?? DEFAULT_BOT;
  const change: ChatMemberUpdated = {
    chat: makeChat(input, from),
    from,
    date: nowSeconds(),
    old_chat_member: chatMember(bot, input.oldStatus),
    new_chat_member: chatMember(bot, input.newStatus),
  };
  return { update_id: nextUpdateId(), my_chat_member: change };
}
