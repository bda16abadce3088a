/**
 * The people's side of the sandbox: what a Telegram app would do for them. Typing a message or
 * pressing a button becomes the update Telegram would deliver, queued on the sandbox's Bot API for the
 * bot's long poll to collect; the command menu is read the way Telegram picks it for a chat.
 */
import type { BotCommand, User } from 'telegraf/types';
import { HttpError } from '../http/server.ts';
import type { FakeTelegram } from '../telegram-double/index.ts';
import { botUser } from '../telegram-double/members.ts';
import { callbackUpdate, messageUpdate } from '../telegram-double/updates.ts';
import type { ChatLog, ChatMessageView } from './chat-log.ts';
import { CHANNEL, FORUM, GROUP, personaByUserId } from './personas.ts';
import { setUpWorld, withoutUpdateId } from './world.ts';

export interface SendInput {
  chatId: number;
  userId: number;
  text: string;
  languageCode?: string | undefined;
  /** A forum topic; undefined is General (or a chat without topics). */
  threadId?: number | undefined;
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

  // The Bot API answers getChat / getChatMember from what it knows.
  setUpWorld(botApi);

  const chatTitle = (chatId: number) => {
    if (chatId === GROUP.chatId) return { chatTitle: GROUP.title };
    if (chatId === FORUM.chatId) return { chatTitle: FORUM.title, isForum: true };
    return {};
  };

  /** Telegram apps only let people write into a topic that is there and open. */
  function checkThread(chatId: number, threadId: number | undefined): void {
    if (chatId !== FORUM.chatId) {
      if (threadId !== undefined) throw new HttpError(400, `threadId is only for the forum (chat ${FORUM.chatId})`);
      return;
    }
    if (threadId === undefined) return;
    const topic = botApi.topics(chatId).find((t) => t.message_thread_id === threadId);
    if (!topic) throw new HttpError(404, `${FORUM.title} has no topic ${threadId}`);
    if (topic.closed) throw new HttpError(409, `the topic “${topic.name}” is closed`);
  }

  return {
    /** The forum's topics as its members see them: General first, then the live ones oldest first. */
    topics(chatId: number): Array<{ threadId: number | null; name: string; closed: boolean }> {
      if (chatId !== FORUM.chatId) throw new HttpError(404, `chat ${chatId} is not a forum; only ${FORUM.chatId} has topics`);
      return [
        { threadId: null, name: 'General', closed: false },
        ...botApi.topics(chatId).map((t) => ({ threadId: t.message_thread_id, name: t.name, closed: t.closed })),
      ];
    },

    send(input: SendInput): ChatMessageView {
      checkChatAndUser(input.chatId, input.userId);
      // Only a channel's admins post there, and the bot ignores what they post: the edition is run from a private chat.
      if (input.chatId === CHANNEL.chatId) {
        throw new HttpError(403, `${CHANNEL.title} is a channel: its edition is managed from a private chat with /channels`);
      }
      checkThread(input.chatId, input.threadId);
      const user = describeUser(input.userId);
      const date = Math.floor(now() / 1000);
      const view = log.addUserMessage({
        chatId: input.chatId, userId: input.userId, senderName: user.firstName, text: input.text, date, threadId: input.threadId,
      });
      const update = messageUpdate({
        chatId: input.chatId, userId: input.userId, text: input.text, messageId: view.id, date, ...user, ...chatTitle(input.chatId),
        ...(input.threadId !== undefined ? { threadId: input.threadId } : {}),
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
      // The press comes from wherever the message is: its topic is the message's, not the page's.
      const threadId = input.chatId === FORUM.chatId ? message.message_thread_id : undefined;
      const update = callbackUpdate({
        chatId: input.chatId, userId: input.userId, data: input.data, messageId: input.messageId, messageText: message.plain_text,
        replyMarkup: message.reply_markup, bot, ...describeUser(input.userId), ...chatTitle(input.chatId),
        ...(threadId !== undefined ? { threadId } : {}),
        ...(input.languageCode ? { languageCode: input.languageCode } : {}),
      });
      log.trackQuery(update.callback_query.id, input.chatId, threadId);
      botApi.queueUpdate(withoutUpdateId(update));
      return { queryId: update.callback_query.id };
    },

    /**
     * The menu Telegram shows in this chat: the narrowest scope that has commands wins, and within
     * a scope the person's language before the scope's default (Bot API, "Determining list of commands").
     */
    commands(chatId: number, languageCode: string | undefined): BotCommand[] {
      // Telegram shows no command menu in a channel: nobody there talks to the bot.
      if (chatId === CHANNEL.chatId) return [];
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
