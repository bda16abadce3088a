/**
 * What the sandbox page shows of each chat: the people's messages (which the Bot API never stores)
 * beside the bot's, in the order they appeared, each with an edit version and a change number so the
 * page can ask for "what changed since N" and redraw edited messages in place.
 * The bot's side is watched through the Bot API's recorded calls, so it is exactly what the bot did.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { FakeTelegram, RecordedCall } from '../telegram-double/index.ts';

export interface ChatMessageView {
  id: number;
  from: 'user' | 'bot';
  /** The author; in a group several people write. */
  userId: number | null;
  senderName: string;
  /** Bot messages: the source exactly as sent (Telegram HTML); people's messages: their plain text. */
  text: string;
  parseMode: string | null;
  replyMarkup: InlineKeyboardMarkup | null;
  /** Unix seconds. */
  date: number;
  /** 0 as sent, one more for every edit. */
  version: number;
  deleted: boolean;
  /** The forum topic it is in; null for General and for chats without topics. */
  threadId: number | null;
  /** Where the message sits in the chat. */
  order: number;
  /** The change number of its latest change; `since` compares against it. */
  seq: number;
}

/** A callback answer's text: Telegram shows it as a toast (or an alert) over the chat. */
export interface ChatNotice {
  seq: number;
  /** The topic whose button was pressed; null outside topics. */
  threadId: number | null;
  text: string;
  showAlert: boolean;
}

export interface ChatSnapshot {
  /** Pass back as `since` to get only what changed after this snapshot. */
  cursor: number;
  messages: ChatMessageView[];
  notices: ChatNotice[];
}

export interface UserMessageInput {
  chatId: number;
  userId: number;
  senderName: string;
  text: string;
  date: number;
  threadId?: number | undefined;
}

/** Narrows a snapshot to one forum topic; `threadId` undefined is General. */
export interface ThreadFilter {
  threadId: number | undefined;
}

interface BotMeta {
  chatId: number;
  /** Kept so a deleted message, which the Bot API forgets, is still reported in its own topic. */
  threadId: number | null;
  order: number;
  seq: number;
  version: number;
  deleted: boolean;
}

/** Toasts are fleeting; a chat keeps only the latest few for a page that polls late. */
const MAX_NOTICES_PER_CHAT = 20;

const key = (chatId: number, messageId: number) => `${chatId}:${messageId}`;

export function createChatLog(botApi: FakeTelegram) {
  let seq = 0;
  const botMeta = new Map<string, BotMeta>();
  const userMessages = new Map<number, ChatMessageView[]>();
  const notices = new Map<number, ChatNotice[]>();
  const queryChats = new Map<string, { chatId: number; threadId: number | null }>();
  const nextUserMessageId = new Map<number, number>();

  function touchBotMessage(chatId: number, messageId: number, change: 'sent' | 'edited' | 'deleted', threadId: number | null = null): void {
    const k = key(chatId, messageId);
    const meta = botMeta.get(k);
    seq++;
    if (!meta) {
      botMeta.set(k, { chatId, threadId, order: seq, seq, version: 0, deleted: change === 'deleted' });
      return;
    }
    meta.seq = seq;
    if (change === 'edited') meta.version++;
    if (change === 'deleted') meta.deleted = true;
  }

  function observe(call: RecordedCall): void {
    if (call.status !== 200 || !call.response.ok) return;
    const result = call.response.result as { message_id?: number; message_thread_id?: number; chat?: { id?: number } } | true;
    switch (call.method) {
      case 'sendMessage':
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        if (typeof result !== 'object' || result.message_id === undefined || result.chat?.id === undefined) return;
        touchBotMessage(result.chat.id, result.message_id, call.method === 'sendMessage' ? 'sent' : 'edited', result.message_thread_id ?? null);
        return;
      }
      case 'deleteMessage': {
        const chatId = Number(call.payload.chat_id);
        const messageId = Number(call.payload.message_id);
        // The double also says yes to deleting people's messages, which the page does not track.
        if (botMeta.has(key(chatId, messageId))) touchBotMessage(chatId, messageId, 'deleted');
        return;
      }
      case 'answerCallbackQuery': {
        const query = queryChats.get(String(call.payload.callback_query_id));
        const text = typeof call.payload.text === 'string' ? call.payload.text : '';
        if (query === undefined || text === '') return;
        const list = notices.get(query.chatId) ?? [];
        const showAlert = call.payload.show_alert === true || call.payload.show_alert === 'true';
        list.push({ seq: ++seq, threadId: query.threadId, text, showAlert });
        notices.set(query.chatId, list.slice(-MAX_NOTICES_PER_CHAT));
        return;
      }
    }
  }

  const unsubscribe = botApi.onCall(observe);

  return {
    /** Gives the message its id (counting from 1 per chat, below the bot's 10001…) and shows it. */
    addUserMessage(input: UserMessageInput): ChatMessageView {
      const id = nextUserMessageId.get(input.chatId) ?? 1;
      nextUserMessageId.set(input.chatId, id + 1);
      seq++;
      const view: ChatMessageView = {
        id, from: 'user', userId: input.userId, senderName: input.senderName, text: input.text, parseMode: null,
        replyMarkup: null, date: input.date, version: 0, deleted: false, threadId: input.threadId ?? null, order: seq, seq,
      };
      const list = userMessages.get(input.chatId) ?? [];
      list.push(view);
      userMessages.set(input.chatId, list);
      return { ...view };
    },

    /** Remembers which chat a callback query came from, so the bot's answer shows there. */
    trackQuery(queryId: string, chatId: number, threadId?: number): void {
      queryChats.set(queryId, { chatId, threadId: threadId ?? null });
    },

    /** The chat's messages that changed after `since` (all of them for 0), in chat order; with `thread`, one topic's. */
    snapshot(chatId: number, since = 0, thread?: ThreadFilter): ChatSnapshot {
      const wanted = thread?.threadId ?? null;
      const inThread = (threadId: number | null) => thread === undefined || threadId === wanted;
      const views: ChatMessageView[] = (userMessages.get(chatId) ?? [])
        .filter((m) => m.seq > since && inThread(m.threadId))
        .map((m) => ({ ...m }));
      const botName = botApi.botInfo.first_name;
      const alive = new Set<string>();
      const botMessages = thread === undefined ? botApi.sentMessages(chatId) : botApi.messagesIn(chatId, thread.threadId);
      for (const message of botMessages) {
        const k = key(chatId, message.message_id);
        alive.add(k);
        const meta = botMeta.get(k);
        if (meta && meta.seq <= since) continue;
        views.push({
          id: message.message_id, from: 'bot', userId: null, senderName: botName, text: message.text,
          parseMode: message.parse_mode ?? null, replyMarkup: message.reply_markup ?? null, date: message.date,
          version: meta?.version ?? 0, deleted: false, threadId: message.message_thread_id ?? null,
          order: meta?.order ?? 0, seq: meta?.seq ?? 0,
        });
      }
      for (const [k, meta] of botMeta) {
        if (meta.chatId !== chatId || !meta.deleted || meta.seq <= since || alive.has(k) || !inThread(meta.threadId)) continue;
        const id = Number(k.slice(k.lastIndexOf(':') + 1));
        views.push({
          id, from: 'bot', userId: null, senderName: botName, text: '', parseMode: null, replyMarkup: null, date: 0,
          version: meta.version, deleted: true, threadId: meta.threadId, order: meta.order, seq: meta.seq,
        });
      }
      views.sort((a, b) => a.order - b.order);
      const chatNotices = (notices.get(chatId) ?? []).filter((n) => n.seq > since && inThread(n.threadId));
      return { cursor: seq, messages: views, notices: chatNotices };
    },

    close: unsubscribe,
  };
}

export type ChatLog = ReturnType<typeof createChatLog>;
