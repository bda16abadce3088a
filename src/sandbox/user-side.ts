/**
 * The people's side of the sandbox: what a Telegram app would do for them. Typing a message or
 * pressing a button becomes the update Telegram would deliver, queued on the sandbox's Bot API for the
 * bot's long poll to collect; the command menu is read the way Telegram picks it for a chat.
 */
import type { BotCommand, User } from 'telegraf/types';
import { HttpError } from '../http/server.ts';
import type { FakeTelegram } from './bot-api/index.ts';
import { botUser } from './bot-api/members.ts';
import { callbackUpdate, messageUpdate } from './bot-api/updates.ts';
import type { ChatLog, ChatMessageView } from './chat-log.ts';
import { GROUP, PERSONAS, personaByUserId } from './personas.ts';

export interface SendInput {
  chatId: number;
  userId: number;
  text: string;
  languageCode?: string | undefined;
}

export interface PressInput {
  chatId: number;
  userId: number;
  messageId: number;
  data: string;
  languageCode?: string | undefined;
}

/** Telegram's own limit for a message someone types. */
export const MAX_USER_TEXT = 4096;

/** The update's id is left to the Bot API's queue, which numbers updates as Telegram does. */
function withoutUpdateId<T extends { update_id: number }>(update: T): Omit<T, 'update_id'> {
  const { update_id: _ignored, ...rest } = update;
  return rest;
}

function checkChatAndUser(chatId: number, userId: number): void {
  // In Telegram a private chat's id is the person's id; a message from someone else cannot be in it.
  if (chatId > 0 && chatId !== userId) {
    throw new HttpError(400, `userId must equal chatId in a private chat (chatId ${chatId}, userId ${userId})`);
  }
}

function describeUser(userId: number) {
  const persona = personaByUserId(userId);
  return persona ? { firstName: persona.firstName, username: persona.username } : { firstName: `User ${userId}` };
}

export function createUserSide(deps: { botApi: FakeTelegram; log: ChatLog; now?: () => number }) {
  const { botApi, log } = deps;
  const now = deps.now ?? Date.now;
  const bot: User = botUser(botApi.botInfo);

  // The Bot API answers getChat / getChatMember from what it knows: names for the people, the group's title and owner.
  for (const persona of PERSONAS) {
    botApi.setChat({ id: persona.userId, type: 'private', first_name: persona.firstName, username: persona.username });
  }
  botApi.setChat({ id: GROUP.chatId, type: 'supergroup', title: GROUP.title });
  const creator = PERSONAS.find((p) => p.key === GROUP.creatorKey);
  if (creator) botApi.setChatMemberStatus(GROUP.chatId, creator.userId, 'creator');

  const chatTitle = (chatId: number) => (chatId === GROUP.chatId ? { chatTitle: GROUP.title } : {});

  return {
    send(input: SendInput): ChatMessageView {
      checkChatAndUser(input.chatId, input.userId);
      const user = describeUser(input.userId);
      const date = Math.floor(now() / 1000);
      const view = log.addUserMessage({ chatId: input.chatId, userId: input.userId, senderName: user.firstName, text: input.text, date });
      const update = messageUpdate({
        chatId: input.chatId, userId: input.userId, text: input.text, messageId: view.id, date, ...user, ...chatTitle(input.chatId),
        ...(input.languageCode ? { languageCode: input.languageCode } : {}),
      });
      botApi.queueUpdate(withoutUpdateId(update));
      return view;
    },

    /** Only a button the message really carries can be pressed, as in any Telegram app. */
    press(input: PressInput): { queryId: string } {
      checkChatAndUser(input.chatId, input.userId);
      const message = botApi.sentMessages(input.chatId).find((m) => m.message_id === input.messageId);
      if (!message) throw new HttpError(404, `chat ${input.chatId} has no bot message ${input.messageId}`);
      const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
      if (!buttons.some((b) => 'callback_data' in b && b.callback_data === input.data)) {
        throw new HttpError(400, `message ${input.messageId} has no button with this callback data`);
      }
      const update = callbackUpdate({
        chatId: input.chatId, userId: input.userId, data: input.data, messageId: input.messageId, messageText: message.plain_text,
        replyMarkup: message.reply_markup, bot, ...describeUser(input.userId), ...chatTitle(input.chatId),
        ...(input.languageCode ? { languageCode: input.languageCode } : {}),
      });
      log.trackQuery(update.callback_query.id, input.chatId);
      botApi.queueUpdate(withoutUpdateId(update));
      return { queryId: update.callback_query.id };
    },

    /**
     * The menu Telegram shows in this chat: the narrowest scope that has commands wins, and within
     * a scope the person's language before the scope's default (Bot API, "Determining list of commands").
     */
    commands(chatId: number, languageCode: string | undefined): BotCommand[] {
      const scopes: object[] = chatId > 0
        ? [{ type: 'chat', chat_id: chatId }, { type: 'all_private_chats' }, { type: 'default' }]
        : [{ type: 'chat', chat_id: chatId }, { type: 'all_group_chats' }, { type: 'default' }];
      // Menus are stored per two-letter language; 'pt-br' looks up 'pt'.
      const primary = /^[a-z]{2}\b/i.exec(languageCode ?? '')?.[0]?.toLowerCase();
      for (const scope of scopes) {
        for (const language of primary ? [primary, ''] : ['']) {
          const list = botApi.commands(language, scope);
          if (list.length > 0) return list;
        }
      }
      return [];
    },
  };
}

export type UserSide = ReturnType<typeof createUserSide>;
