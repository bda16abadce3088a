/**
 * Forum topics: the topic table of each forum supergroup, the rules a send with
 * message_thread_id must pass, and the Bot API methods that manage topics.
 * A topic's id is the message id of its "topic created" service message, so creating
 * one takes the next message id of the chat, exactly as on Telegram.
 */
import type { ForumTopic } from 'telegraf/types';
import { intParam, stringParam, type Params } from './body.ts';
import { reply, type MethodContext, type MethodHandler } from './context.ts';
import { badRequest, stateBadRequest } from './errors.ts';
import {
  assertCanPost, botMembership, isForum, messageKey, nextMessageId, requireChatId, type TopicState, type World,
} from './state.ts';
import type { ForumTopicInfo } from './types.ts';

/** The six colours Telegram offers; it picks the first when the bot names none. */
const DEFAULT_ICON_COLOR = 0x6fb9f0;
/** tdlib cuts longer names rather than refusing them. */
const MAX_TOPIC_NAME_LENGTH = 128;

function topicsOf(world: World, chatId: number): Map<number, TopicState> {
  let topics = world.topics.get(chatId);
  if (!topics) {
    topics = new Map();
    world.topics.set(chatId, topics);
  }
  return topics;
}

function addTopic(world: World, chatId: number, name: string, iconColor: number, createdByBot: boolean): TopicState {
  const topic: TopicState = {
    threadId: nextMessageId(world, chatId), name, iconColor, closed: false, deleted: false, createdByBot,
  };
  topicsOf(world, chatId).set(topic.threadId, topic);
  return topic;
}

function removeTopic(world: World, chatId: number, topic: TopicState): void {
  topic.deleted = true;
  for (const [key, message] of world.messages) {
    if (message.chat_id !== chatId || message.message_thread_id !== topic.threadId) continue;
    world.messages.delete(key);
    world.deleted.add(key);
  }
}

/**
 * The refusals of a send (or edit) addressed to a thread. Outside forums a thread is a
 * reply thread, so its id must be a message the fake knows; only bot messages qualify.
 */
export function assertThread(world: World, chatId: number, threadId: number): void {
  if (!isForum(world, chatId)) {
    if (!world.messages.has(messageKey(chatId, threadId))) throw badRequest('message thread not found');
    return;
  }
  const topic = world.topics.get(chatId)?.get(threadId);
  if (!topic) throw badRequest('message thread not found');
  // Someone else deleted or closed it: world state, not a bug in the bot.
  if (topic.deleted) throw stateBadRequest('message thread not found');
  if (topic.closed) throw stateBadRequest('TOPIC_CLOSED');
}

/** The thread a send names, or undefined for none (General in a forum). */
export function threadParam(params: Params): number | undefined {
  const id = intParam(params, 'message_thread_id');
  if (id === undefined) return undefined;
  if (Number.isNaN(id) || id <= 0) throw badRequest('message thread not found');
  return id;
}

// World helpers: the test plays the forum's users, so misuse is a test bug and throws.

function forumTopic(world: World, chatId: number, threadId: number): TopicState {
  const topic = world.topics.get(chatId)?.get(threadId);
  if (!topic || topic.deleted) throw new Error(`fake-telegram: chat ${chatId} has no topic ${threadId}`);
  return topic;
}

export function createTopicAsUser(world: World, chatId: number, name: string): number {
  if (!isForum(world, chatId)) {
    throw new Error(`fake-telegram: chat ${chatId} is not a forum; setChat({ id, type: 'supergroup', is_forum: true }) first`);
  }
  return addTopic(world, chatId, name, DEFAULT_ICON_COLOR, false).threadId;
}

export function setTopicClosed(world: World, chatId: number, threadId: number, closed: boolean): void {
  forumTopic(world, chatId, threadId).closed = closed;
}

export function deleteTopicAsUser(world: World, chatId: number, threadId: number): void {
  removeTopic(world, chatId, forumTopic(world, chatId, threadId));
}

export function liveTopics(world: World, chatId: number): ForumTopicInfo[] {
  return [...(world.topics.get(chatId)?.values() ?? [])]
    .filter((topic) => !topic.deleted)
    .map((topic) => ({ message_thread_id: topic.threadId, name: topic.name, icon_color: topic.iconColor, closed: topic.closed }));
}

// Bot API methods.

function requireForum(ctx: MethodContext, params: Params): number {
  const chatId = requireChatId(ctx.world, params);
  assertCanPost(ctx.world, chatId);
  if (!isForum(ctx.world, chatId)) throw badRequest('the chat is not a forum');
  return chatId;
}

/** Only a configured membership can take rights away; an unconfigured bot may manage topics. */
function canManageTopics(ctx: MethodContext, chatId: number): boolean {
  const membership = botMembership(ctx.world, chatId, ctx.botInfo.id);
  if (!membership.explicit || membership.status === 'creator') return true;
  return membership.status === 'administrator' && membership.canManageTopics !== false;
}

function requireTopic(ctx: MethodContext, chatId: number, params: Params): TopicState {
  const threadId = intParam(params, 'message_thread_id');
  if (threadId === undefined || Number.isNaN(threadId) || threadId <= 0) {
    throw badRequest('invalid message thread identifier specified');
  }
  const topic = ctx.world.topics.get(chatId)?.get(threadId);
  if (!topic || topic.deleted) throw badRequest('TOPIC_ID_INVALID');
  return topic;
}

const createForumTopic: MethodHandler = (ctx, params) => {
  const chatId = requireForum(ctx, params);
  if (!canManageTopics(ctx, chatId)) throw stateBadRequest('not enough rights to create a topic');
  const name = [...(stringParam(params, 'name') ?? '').trim()].slice(0, MAX_TOPIC_NAME_LENGTH).join('');
  if (name === '') throw badRequest('title must be non-empty');
  const color = intParam(params, 'icon_color');
  if (color !== undefined && (Number.isNaN(color) || color < 0 || color > 0xffffff)) {
    throw badRequest('invalid icon color specified');
  }
  const topic = addTopic(ctx.world, chatId, name, color ?? DEFAULT_ICON_COLOR, true);
  const result: ForumTopic = { message_thread_id: topic.threadId, name: topic.name, icon_color: topic.iconColor };
  return reply(result);
};

function toggleClosed(closed: boolean): MethodHandler {
  return (ctx, params) => {
    const chatId = requireForum(ctx, params);
    const topic = requireTopic(ctx, chatId, params);
    if (!topic.createdByBot && !canManageTopics(ctx, chatId)) {
      throw stateBadRequest('not enough rights to close or open the topic');
    }
    if (topic.closed === closed) throw badRequest('TOPIC_NOT_MODIFIED');
    topic.closed = closed;
    return reply(true);
  };
}

const deleteForumTopic: MethodHandler = (ctx, params) => {
  const chatId = requireForum(ctx, params);
  const topic = requireTopic(ctx, chatId, params);
  if (!topic.createdByBot && !canManageTopics(ctx, chatId)) throw stateBadRequest('not enough rights to delete the topic');
  removeTopic(ctx.world, chatId, topic);
  return reply(true);
};

export const forumMethods: Record<string, MethodHandler> = {
  createForumTopic,
  closeForumTopic: toggleClosed(true),
  reopenForumTopic: toggleClosed(false),
  deleteForumTopic,
};

/** setChat guard: Telegram only has forums among supergroups. */
export function assertForumType(chat: { id: number; type: string; is_forum?: boolean }): void {
  if (chat.is_forum && chat.type !== 'supergroup') {
    throw new Error(`fake-telegram: chat ${chat.id} is a ${chat.type}; only supergroups can be forums`);
  }
}
