/** sendMessage and the methods that act on sent messages or on a chat's screen. */
import type { Message } from 'telegraf/types';
import { intParam, stringParam, type Params } from './body.ts';
import { reply, type MethodContext, type MethodHandler } from './context.ts';
import { badRequest, DESCRIPTIONS, tooManyRequests } from './errors.ts';
import { checkReplyMarkup } from './markup-rules.ts';
import { assertThread, threadParam } from './forum.ts';
import { botUser } from './members.ts';
import { assertCanPost, chatObject, isForum, messageKey, nextMessageId, requireChatId } from './state.ts';
import { checkText, MESSAGE_RULES } from './text-rules.ts';
import type { SentMessage } from './types.ts';

const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

const MAX_CALLBACK_ANSWER_LENGTH = 200;

function disablesPreview(params: Params): boolean {
  if (params.disable_web_page_preview === true || params.disable_web_page_preview === 'true') return true;
  let options = params.link_preview_options;
  if (typeof options === 'string') {
    try {
      options = JSON.parse(options);
    } catch {
      throw badRequest("can't parse link preview options JSON object");
    }
  }
  return typeof options === 'object' && options !== null && (options as { is_disabled?: unknown }).is_disabled === true;
}

function toMessage(ctx: MethodContext, stored: SentMessage): Message.TextMessage {
  const chat = chatObject(ctx.world, stored.chat_id);
  const message: Message.TextMessage = { message_id: stored.message_id, chat, date: stored.date, text: stored.plain_text };
  // Channel posts are signed by the channel itself; Telegram leaves `from` out.
  if (chat.type === 'channel') message.sender_chat = chat;
  else message.from = botUser(ctx.botInfo);
  if (stored.message_thread_id !== undefined) {
    message.message_thread_id = stored.message_thread_id;
    if (isForum(ctx.world, stored.chat_id)) message.is_topic_message = true;
  }
  if (stored.entities.length > 0) message.entities = stored.entities;
  if (stored.reply_markup) message.reply_markup = stored.reply_markup;
  if (stored.edit_date !== undefined) message.edit_date = stored.edit_date;
  return message;
}

function requireMessageId(params: Params): number {
  const id = intParam(params, 'message_id');
  if (id === undefined) throw badRequest('message identifier is not specified');
  if (Number.isNaN(id) || id <= 0) throw badRequest('MESSAGE_ID_INVALID');
  return id;
}

/** Edits address a message by chat_id + message_id; inline messages are out of scope for this double. */
function findEditable(ctx: MethodContext, params: Params): SentMessage {
  if (params.inline_message_id !== undefined) {
    throw badRequest('inline_message_id is not supported by fake-telegram; use chat_id and message_id');
  }
  const chatId = requireChatId(ctx.world, params);
  const messageId = requireMessageId(params);
  assertCanPost(ctx.world, chatId);
  const stored = ctx.world.messages.get(messageKey(chatId, messageId));
  if (!stored) throw badRequest('message to edit not found');
  return stored;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const sendMessage: MethodHandler = (ctx, params) => {
  const chatId = requireChatId(ctx.world, params);
  assertCanPost(ctx.world, chatId);
  const threadId = threadParam(params);
  if (threadId !== undefined) assertThread(ctx.world, chatId, threadId);
  const text = checkText(
    { text: params.text, parseMode: params.parse_mode, entities: params.entities },
    { ...MESSAGE_RULES, strictHtml: ctx.strictHtml },
  );
  const markup = checkReplyMarkup(params.reply_markup, { inlineOnly: false });
  const disablePreview = disablesPreview(params);
  const now = ctx.now();
  if (ctx.enforceRates) {
    const decision = ctx.limiter.trySend(chatId, now);
    if (!decision.ok) {
      ctx.world.tooManyRequests++;
      throw tooManyRequests(decision.retryAfter);
    }
  }
  const stored: SentMessage = {
    chat_id: chatId,
    message_id: nextMessageId(ctx.world, chatId),
    text: text.source,
    plain_text: text.text,
    parse_mode: text.parseMode,
    reply_markup: markup.inline,
    entities: text.entities,
    disable_preview: disablePreview,
    date: Math.floor(now / 1000),
  };
  if (threadId !== undefined) stored.message_thread_id = threadId;
  ctx.world.messages.set(messageKey(chatId, stored.message_id), stored);
  return reply(toMessage(ctx, stored));
};

const editMessageText: MethodHandler = (ctx, params) => {
  const stored = findEditable(ctx, params);
  const text = checkText(
    { text: params.text, parseMode: params.parse_mode, entities: params.entities },
    { ...MESSAGE_RULES, strictHtml: ctx.strictHtml },
  );
  // Omitting reply_markup in an edit removes the keyboard, exactly as on Telegram.
  const markup = checkReplyMarkup(params.reply_markup, { inlineOnly: true });
  if (text.text === stored.plain_text && sameJson(text.entities, stored.entities) && sameJson(markup.inline, stored.reply_markup)) {
    throw badRequest(DESCRIPTIONS.notModified);
  }
  Object.assign(stored, {
    text: text.source,
    plain_text: text.text,
    parse_mode: text.parseMode,
    entities: text.entities,
    reply_markup: markup.inline,
    disable_preview: disablesPreview(params),
    edit_date: Math.floor(ctx.now() / 1000),
  });
  return reply(toMessage(ctx, stored));
};

const editMessageReplyMarkup: MethodHandler = (ctx, params) => {
  const stored = findEditable(ctx, params);
  const markup = checkReplyMarkup(params.reply_markup, { inlineOnly: true });
  if (sameJson(markup.inline, stored.reply_markup)) throw badRequest(DESCRIPTIONS.notModified);
  stored.reply_markup = markup.inline;
  stored.edit_date = Math.floor(ctx.now() / 1000);
  return reply(toMessage(ctx, stored));
};

const deleteMessage: MethodHandler = (ctx, params) => {
  const chatId = requireChatId(ctx.world, params);
  const key = messageKey(chatId, requireMessageId(params));
  if (ctx.world.messages.delete(key)) {
    ctx.world.deleted.add(key);
    return reply(true);
  }
  if (ctx.world.deleted.has(key)) throw badRequest('message to delete not found');
  // Not a bot message the fake knows: most likely a user message from a test-built update.
  return reply(true);
};

const sendChatAction: MethodHandler = (ctx, params) => {
  const chatId = requireChatId(ctx.world, params);
  assertCanPost(ctx.world, chatId);
  if (!CHAT_ACTIONS.has(stringParam(params, 'action') ?? '')) throw badRequest('wrong parameter action in request');
  return reply(true);
};

const answerCallbackQuery: MethodHandler = (ctx, params) => {
  const id = stringParam(params, 'callback_query_id');
  // A query can be answered once; a second answer is what Telegram reports as too old.
  if (!id || ctx.world.answeredQueries.has(id)) throw badRequest(DESCRIPTIONS.queryTooOld);
  const text = stringParam(params, 'text') ?? '';
  if (text.length > MAX_CALLBACK_ANSWER_LENGTH) throw badRequest('MESSAGE_TOO_LONG');
  ctx.world.answeredQueries.add(id);
  return reply(true);
};

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage, editMessageText, editMessageReplyMarkup, deleteMessage, sendChatAction, answerCallbackQuery,
};
