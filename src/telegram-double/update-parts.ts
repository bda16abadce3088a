/**
 * What every update builder shares: the id counters and the user/chat objects.
 * Kept apart from updates.ts so the channel and forum builders can use them
 * while updates.ts re-exports those builders without an import cycle.
 */
import type { Chat, MessageEntity, User } from 'telegraf/types';
import { botUser, DEFAULT_BOT_FIRST_NAME, DEFAULT_BOT_USERNAME, DEFAULT_TOKEN, makeBotInfo } from './members.ts';

export type UpdateChatType = 'private' | 'group' | 'supergroup';

let updateId = 0;
let messageId = 0;
let callbackId = 0;

export const DEFAULT_BOT: User = botUser(makeBotInfo(DEFAULT_TOKEN, DEFAULT_BOT_USERNAME, DEFAULT_BOT_FIRST_NAME));

/** Start ids from 1 again (e.g. in beforeEach) for tests that assert on them. */
export function resetUpdateIds(): void {
  updateId = 0;
  messageId = 0;
  callbackId = 0;
}

export const nextUpdateId = (): number => ++updateId;
export const nextMessageId = (): number => ++messageId;
export const nextCallbackId = (): number => ++callbackId;

export interface ChatInput {
  chatId: number;
  /** Default: 'private' for positive ids, 'supergroup' for -100… ids, else 'group'. */
  chatType?: UpdateChatType;
  /** Group title; default `Chat <id>`. */
  chatTitle?: string;
  /** The supergroup has topics (chat.is_forum: true); default true when a threadId is given. */
  isForum?: boolean;
}

export interface UserInput {
  /** Default: chatId in private chats, 1001 in groups. */
  userId?: number;
  firstName?: string;
  username?: string;
  languageCode?: string;
}

/** Where in a chat a message sits: a forum topic, or (outside forums) a reply thread. */
export interface ThreadInput {
  threadId?: number;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function resolveType(input: ChatInput): UpdateChatType {
  if (input.chatType) return input.chatType;
  if (input.chatId > 0) return 'private';
  return input.chatId <= -1_000_000_000_000 ? 'supergroup' : 'group';
}

export function makeUser(input: UserInput & { chatId: number }): User {
  const id = input.userId ?? (input.chatId > 0 ? input.chatId : 1001);
  const user: User = { id, is_bot: false, first_name: input.firstName ?? `User ${id}` };
  if (input.username !== undefined) user.username = input.username;
  if (input.languageCode !== undefined) user.language_code = input.languageCode;
  return user;
}

const isForumInput = (input: ChatInput & ThreadInput): boolean => input.isForum ?? input.threadId !== undefined;

export function makeChat(input: ChatInput & ThreadInput, user: User): Exclude<Chat, Chat.ChannelChat> {
  const type = resolveType(input);
  if (type === 'private') {
    const chat: Chat.PrivateChat = { id: input.chatId, type, first_name: user.first_name };
    if (user.username !== undefined) chat.username = user.username;
    return chat;
  }
  const title = input.chatTitle ?? `Chat ${input.chatId}`;
  if (type === 'group') return { id: input.chatId, type, title };
  return isForumInput(input) ? { id: input.chatId, type, title, is_forum: true } : { id: input.chatId, type, title };
}

export function makeChannel(input: { chatId: number; chatTitle?: string }): Chat.ChannelChat {
  return { id: input.chatId, type: 'channel', title: input.chatTitle ?? `Chat ${input.chatId}` };
}

/**
 * message_thread_id / is_topic_message as Telegram sets them: a topic message carries both,
 * a reply thread outside forums only the id, a forum's General topic neither.
 */
export function threadFields(input: ChatInput & ThreadInput): { message_thread_id?: number; is_topic_message?: true } {
  if (input.threadId === undefined) return {};
  if (isForumInput(input)) {
    if (resolveType(input) !== 'supergroup') throw new Error(`updates: chat ${input.chatId} cannot be a forum; only supergroups have topics`);
    return { message_thread_id: input.threadId, is_topic_message: true };
  }
  return { message_thread_id: input.threadId };
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
