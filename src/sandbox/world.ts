/**
 * The Telegram world the sandbox starts in, told to the Bot API: who the people are, the group, the
 * channel Jane runs and the forum with its topics. The bot hears of the channel the way it would on
 * Telegram, by a my_chat_member update from the person who made it an administrator, so /channels
 * finds the channel without the sandbox touching the bot's database; likewise the forum's topics are
 * announced by their "topic created" service messages.
 */
import type { FakeTelegram } from '../telegram-double/index.ts';
import { botUser } from '../telegram-double/members.ts';
import { forumTopicCreatedUpdate, myChatMemberUpdate } from '../telegram-double/updates.ts';
import { CHANNEL, FORUM, GROUP, PERSONAS, type Persona } from './personas.ts';

/** The update's id is left to the Bot API's queue, which numbers updates as Telegram does. */
export function withoutUpdateId<T extends { update_id: number }>(update: T): Omit<T, 'update_id'> {
  const { update_id: _ignored, ...rest } = update;
  return rest;
}

function personaOf(key: string): Persona {
  const found = PERSONAS.find((p) => p.key === key);
  // The persona tables are constants; a dangling key is a typo caught by the first start.
  if (!found) throw new Error(`sandbox: no persona ${key}`);
  return found;
}

export function setUpWorld(botApi: FakeTelegram): void {
  for (const persona of PERSONAS) {
    botApi.setChat({ id: persona.userId, type: 'private', first_name: persona.firstName, username: persona.username });
  }
  botApi.setChat({ id: GROUP.chatId, type: 'supergroup', title: GROUP.title });
  botApi.setChatMemberStatus(GROUP.chatId, personaOf(GROUP.creatorKey).userId, 'creator');

  const owner = personaOf(CHANNEL.creatorKey);
  botApi.setChat({ id: CHANNEL.chatId, type: 'channel', title: CHANNEL.title, username: CHANNEL.username });
  botApi.setChatMemberStatus(CHANNEL.chatId, owner.userId, 'creator');
  botApi.setBotMember(CHANNEL.chatId, { status: 'administrator', canPostMessages: true, canEditMessages: true });
  // Queued before the bot's first poll, so it is the first thing the bot learns; on a later start the
  // bot has the channel already and hears only that it is still an administrator.
  botApi.queueUpdate(withoutUpdateId(myChatMemberUpdate({
    chatId: CHANNEL.chatId, chatType: 'channel', chatTitle: CHANNEL.title,
    userId: owner.userId, firstName: owner.firstName, username: owner.username, languageCode: owner.languageCode,
    oldStatus: 'left', newStatus: 'administrator', canPostMessages: true, canEditMessages: true, bot: botUser(botApi.botInfo),
  })));

  botApi.setChat({ id: FORUM.chatId, type: 'supergroup', title: FORUM.title, is_forum: true });
  for (const persona of PERSONAS) {
    botApi.setChatMemberStatus(FORUM.chatId, persona.userId, persona.key === FORUM.creatorKey ? 'creator' : 'member');
  }
  // /editions opens topics, which takes the right to manage them.
  botApi.setBotMember(FORUM.chatId, { status: 'administrator', canManageTopics: true });
  const creator = personaOf(FORUM.creatorKey);
  for (const name of FORUM.topics) {
    const threadId = botApi.createTopic(FORUM.chatId, name);
    // Telegram posts "topic created" into the new topic, and that service message is how the bot learns its name.
    botApi.queueUpdate(withoutUpdateId(forumTopicCreatedUpdate({
      chatId: FORUM.chatId, chatTitle: FORUM.title, threadId, name,
      userId: creator.userId, firstName: creator.firstName, username: creator.username, languageCode: creator.languageCode,
    })));
  }
}
