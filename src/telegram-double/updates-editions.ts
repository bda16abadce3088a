/**
 * Builders for what channels and forums deliver: channel posts and the service
 * messages Telegram puts into a topic when it is created, closed or reopened.
 */
import type { Message, Update } from 'telegraf/types';
import {
  botCommandEntities, makeChannel, makeChat, makeUser, nextMessageId, nextUpdateId, nowSeconds, type UserInput,
} from './update-parts.ts';

export interface ChannelPostUpdateInput {
  chatId: number;
  text: string;
  chatTitle?: string;
  messageId?: number;
  /** Unix seconds; default now. */
  date?: number;
}

export interface ForumTopicUpdateInput extends UserInput {
  chatId: number;
  threadId: number;
  chatTitle?: string;
  /** Unix seconds; default now. */
  date?: number;
}

export interface ForumTopicCreatedUpdateInput extends ForumTopicUpdateInput {
  name: string;
  /** Default 0x6FB9F0, the colour Telegram picks first. */
  iconColor?: number;
}

/** A post in a channel: signed by the channel (sender_chat), with no `from`. */
export function channelPostUpdate(input: ChannelPostUpdateInput): Update.ChannelPostUpdate<Message.TextMessage> {
  const chat = makeChannel(input);
  const post: Update.ChannelPostUpdate<Message.TextMessage>['channel_post'] = {
    message_id: input.messageId ?? nextMessageId(),
    sender_chat: chat,
    chat,
    date: input.date ?? nowSeconds(),
    text: input.text,
  };
  const entities = botCommandEntities(input.text);
  if (entities.length > 0) post.entities = entities;
  return { update_id: nextUpdateId(), channel_post: post };
}

type ServiceFields =
  | Pick<Message.ForumTopicCreatedMessage, 'forum_topic_created'>
  | Pick<Message.ForumTopicClosedMessage, 'forum_topic_closed'>
  | Pick<Message.ForumTopicReopenedMessage, 'forum_topic_reopened'>;

function topicService<S extends ServiceFields>(input: ForumTopicUpdateInput, messageId: number, service: S) {
  const from = makeUser(input);
  const message = {
    message_id: messageId,
    message_thread_id: input.threadId,
    is_topic_message: true,
    from,
    chat: makeChat({ chatId: input.chatId, chatType: 'supergroup', isForum: true, ...(input.chatTitle ? { chatTitle: input.chatTitle } : {}) }, from),
    date: input.date ?? nowSeconds(),
    ...service,
  };
  return { update_id: nextUpdateId(), message };
}

/** The topic's first message; its message_id is the thread id, as on Telegram. */
export function forumTopicCreatedUpdate(input: ForumTopicCreatedUpdateInput): Update.MessageUpdate<Message.ForumTopicCreatedMessage> {
  return topicService(input, input.threadId, { forum_topic_created: { name: input.name, icon_color: input.iconColor ?? 0x6fb9f0 } });
}

export function forumTopicClosedUpdate(input: ForumTopicUpdateInput): Update.MessageUpdate<Message.ForumTopicClosedMessage> {
  return topicService(input, nextMessageId(), { forum_topic_closed: {} });
}

export function forumTopicReopenedUpdate(input: ForumTopicUpdateInput): Update.MessageUpdate<Message.ForumTopicReopenedMessage> {
  return topicService(input, nextMessageId(), { forum_topic_reopened: {} });
}
