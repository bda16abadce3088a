import { Telegraf, TelegramError } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatMember, createFakeTelegram, FIRST_BOT_MESSAGE_ID, type FakeTelegram } from '../../src/telegram-double/index.ts';
import {
  callbackUpdate, channelPostUpdate, forumTopicClosedUpdate, forumTopicCreatedUpdate, forumTopicReopenedUpdate,
  messageUpdate, myChatMemberUpdate, resetUpdateIds,
} from '../../src/telegram-double/updates.ts';
import { callApi } from './raw-api.ts';

const CHANNEL = -1001000000001;
const FORUM = -1001000000002;
const SUPERGROUP = -1001000000003;

const errorOf = (action: () => Promise<unknown>): Promise<TelegramError> =>
  action().then(
    () => Promise.reject(new Error('expected a TelegramError')),
    (error: unknown) => (error instanceof TelegramError ? error : Promise.reject(error)),
  );

describe('fake Telegram channels and forum topics', () => {
  let tg: FakeTelegram;
  let now = 1_700_000_000_000;
  beforeEach(async () => {
    now = 1_700_000_000_000;
    tg = await createFakeTelegram({ clock: () => now });
    tg.setChat({ id: CHANNEL, type: 'channel', title: 'Briefings AR' });
    tg.setChat({ id: FORUM, type: 'supergroup', title: 'Desk', is_forum: true });
  });
  afterEach(() => tg.close());

  const send = (chatId: number, extra: object = {}) => callApi(tg, 'sendMessage', { chat_id: chatId, text: 'hi', ...extra });

  it('posts into a channel as the channel itself, with sender_chat and no from', async () => {
    const answer = await send(CHANNEL);
    const chat = { id: CHANNEL, type: 'channel', title: 'Briefings AR' };
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual({ message_id: FIRST_BOT_MESSAGE_ID, chat, sender_chat: chat, date: 1_700_000_000, text: 'hi' });
    expect(tg.lastMessage(CHANNEL)).toMatchObject({ chat_id: CHANNEL, plain_text: 'hi' });
  });

  it('refuses channel posts with 403 while the bot is out of the channel, until unblockChat', async () => {
    tg.setBotMember(CHANNEL, { status: 'left' });
    expect((await send(CHANNEL)).body).toEqual({ ok: false, error_code: 403, description: 'Forbidden: bot is not a member of the channel chat' });
    tg.setBotMember(CHANNEL, { status: 'kicked' });
    expect((await send(CHANNEL)).body).toEqual({ ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the channel chat' });
    expect(tg.sentMessages(CHANNEL)).toEqual([]);
    expect(tg.violations).toEqual([]);
    tg.unblockChat(CHANNEL);
    expect((await send(CHANNEL)).status).toBe(200);
  });

  it('asks for administrator rights when the bot is a plain member or may not post', async () => {
    const refusal = { ok: false, error_code: 400, description: 'Bad Request: need administrator rights in the channel chat' };
    tg.setBotMember(CHANNEL, { status: 'member' });
    expect((await send(CHANNEL)).body).toEqual(refusal);
    tg.setBotMember(CHANNEL, { status: 'administrator', canPostMessages: false });
    expect((await send(CHANNEL)).body).toEqual(refusal);
    tg.setBotMember(CHANNEL, { status: 'administrator', canPostMessages: true });
    expect((await send(CHANNEL)).status).toBe(200);
    expect(tg.violations).toEqual([]);
  });

  it('refuses to edit a channel post once the bot lost its posting right', async () => {
    const id = ((await send(CHANNEL)).body.result as { message_id: number }).message_id;
    tg.setBotMember(CHANNEL, { status: 'administrator', canPostMessages: false });
    const edit = await callApi(tg, 'editMessageText', { chat_id: CHANNEL, message_id: id, text: 'edited' });
    expect(edit.body.description).toBe('Bad Request: need administrator rights in the channel chat');
    expect(tg.lastMessage(CHANNEL)?.text).toBe('hi');
  });

  it('refuses a bot that left or was kicked from a supergroup through setBotMember', async () => {
    tg.setBotMember(SUPERGROUP, { status: 'kicked' });
    expect((await send(SUPERGROUP)).body.description).toBe('Forbidden: bot was kicked from the supergroup chat');
    tg.setBotMember(SUPERGROUP, { status: 'left' });
    expect((await send(SUPERGROUP)).body.description).toBe('Forbidden: bot is not a member of the supergroup chat');
    tg.setBotMember(SUPERGROUP, { status: 'member' });
    expect((await send(SUPERGROUP)).status).toBe(200);
  });

  it('reports channel administrators with their channel rights and unknown users as left', async () => {
    tg.setChatMemberStatus(CHANNEL, 5, 'administrator', { canEditMessages: false });
    tg.setChatMemberStatus(CHANNEL, 6, 'creator');
    const admin = (await callApi(tg, 'getChatMember', { chat_id: CHANNEL, user_id: 5 })).body.result as Record<string, unknown>;
    expect(admin).toMatchObject({ status: 'administrator', user: { id: 5 }, can_post_messages: true, can_edit_messages: false });
    expect(admin).not.toHaveProperty('can_pin_messages');
    expect((await callApi(tg, 'getChatMember', { chat_id: CHANNEL, user_id: 6 })).body.result).toMatchObject({ status: 'creator' });
    const stranger = { status: 'left', user: { id: 7, is_bot: false, first_name: 'User 7' } };
    expect((await callApi(tg, 'getChatMember', { chat_id: CHANNEL, user_id: 7 })).body.result).toEqual(stranger);
  });

  it('reports the bot as a posting administrator of a channel until setBotMember says otherwise', async () => {
    const botMember = async () => (await callApi(tg, 'getChatMember', { chat_id: CHANNEL, user_id: tg.botInfo.id })).body.result;
    expect(await botMember()).toMatchObject({ status: 'administrator', user: { id: tg.botInfo.id, is_bot: true }, can_post_messages: true });
    tg.setBotMember(CHANNEL, { status: 'administrator', canPostMessages: false });
    expect(await botMember()).toMatchObject({ status: 'administrator', can_post_messages: false });
    tg.setBotMember(CHANNEL, { status: 'kicked' });
    expect(await botMember()).toMatchObject({ status: 'kicked', until_date: 0 });
  });

  it('applies the 20 messages per minute group limit to a channel', async () => {
    for (let i = 0; i < 20; i++) expect((await send(CHANNEL)).status).toBe(200);
    const refused = await send(CHANNEL);
    expect(refused.body).toMatchObject({ error_code: 429, parameters: { retry_after: 60 } });
    now += 60_000;
    expect((await send(CHANNEL)).status).toBe(200);
    expect(tg.tooManyRequests).toBe(1);
  });

  it('marks forum chats with is_forum in getChat and in sent messages', async () => {
    expect((await callApi(tg, 'getChat', { chat_id: FORUM })).body.result).toMatchObject({ id: FORUM, type: 'supergroup', is_forum: true });
    expect((await send(FORUM)).body.result).toMatchObject({ chat: { id: FORUM, is_forum: true } });
    expect((await callApi(tg, 'getChat', { chat_id: SUPERGROUP })).body.result).not.toHaveProperty('is_forum');
  });

  it('refuses to make a forum of anything but a supergroup', () => {
    expect(() => tg.setChat({ id: -5, type: 'group', title: 'Old', is_forum: true })).toThrow(/only supergroups can be forums/);
    expect(() => tg.createTopic(SUPERGROUP, 'News')).toThrow(/is not a forum/);
  });

  it('creates a topic with createForumTopic and routes sends into it', async () => {
    const created = await callApi(tg, 'createForumTopic', { chat_id: FORUM, name: 'Russia', icon_color: 0xffd67e });
    const topic = created.body.result as { message_thread_id: number; name: string; icon_color: number };
    expect(topic).toEqual({ message_thread_id: FIRST_BOT_MESSAGE_ID, name: 'Russia', icon_color: 0xffd67e });
    const inTopic = await send(FORUM, { message_thread_id: topic.message_thread_id });
    expect(inTopic.body.result).toMatchObject({ message_thread_id: topic.message_thread_id, is_topic_message: true });
    const general = await send(FORUM, { text: 'general' });
    expect(general.body.result).not.toHaveProperty('message_thread_id');
    expect(tg.messagesIn(FORUM, topic.message_thread_id).map((m) => m.plain_text)).toEqual(['hi']);
    expect(tg.messagesIn(FORUM).map((m) => m.plain_text)).toEqual(['general']);
    expect(tg.lastMessage(FORUM)?.plain_text).toBe('general');
    expect(tg.sentMessages(FORUM)[0]?.message_thread_id).toBe(topic.message_thread_id);
    expect(tg.topics(FORUM)).toEqual([{ ...topic, closed: false }]);
  });

  it('refuses createForumTopic in a chat that is not a forum', async () => {
    const answer = await callApi(tg, 'createForumTopic', { chat_id: SUPERGROUP, name: 'News' });
    expect(answer.body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: the chat is not a forum' });
    expect(tg.violations).toEqual(['createForumTopic: Bad Request: the chat is not a forum']);
  });

  it('lets only a bot with topic rights create topics once its membership is set', async () => {
    const create = () => callApi(tg, 'createForumTopic', { chat_id: FORUM, name: 'News' });
    tg.setBotMember(FORUM, { status: 'member' });
    expect((await create()).body.description).toBe('Bad Request: not enough rights to create a topic');
    tg.setBotMember(FORUM, { status: 'administrator', canManageTopics: false });
    expect((await create()).body.description).toBe('Bad Request: not enough rights to create a topic');
    tg.setBotMember(FORUM, { status: 'administrator' });
    expect((await create()).status).toBe(200);
  });

  it('refuses a thread the forum never had, as a bot bug', async () => {
    const answer = await send(FORUM, { message_thread_id: 777 });
    expect(answer.body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: message thread not found' });
    expect(tg.violations).toEqual(['sendMessage: Bad Request: message thread not found']);
  });

  it('refuses a closed topic until it is reopened', async () => {
    const thread = tg.createTopic(FORUM, 'Gulf');
    tg.closeTopic(FORUM, thread);
    expect((await send(FORUM, { message_thread_id: thread })).body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: TOPIC_CLOSED' });
    expect(tg.topics(FORUM)[0]?.closed).toBe(true);
    tg.reopenTopic(FORUM, thread);
    expect((await send(FORUM, { message_thread_id: thread })).status).toBe(200);
    expect(tg.violations).toEqual([]);
  });

  it('refuses a deleted topic and forgets the messages it held', async () => {
    const thread = tg.createTopic(FORUM, 'Gulf');
    await send(FORUM, { message_thread_id: thread });
    tg.deleteTopic(FORUM, thread);
    expect(tg.messagesIn(FORUM, thread)).toEqual([]);
    expect(tg.topics(FORUM)).toEqual([]);
    expect((await send(FORUM, { message_thread_id: thread })).body.description).toBe('Bad Request: message thread not found');
    expect(tg.violations).toEqual([]);
    expect(() => tg.closeTopic(FORUM, thread)).toThrow(/has no topic/);
  });

  it('closes, reopens and deletes topics through the Bot API with Telegram errors for no-ops', async () => {
    const thread = tg.createTopic(FORUM, 'Gulf');
    const call = (method: string, threadId = thread) => callApi(tg, method, { chat_id: FORUM, message_thread_id: threadId });
    expect((await call('closeForumTopic')).body.result).toBe(true);
    expect((await call('closeForumTopic')).body.description).toBe('Bad Request: TOPIC_NOT_MODIFIED');
    expect((await call('reopenForumTopic')).body.result).toBe(true);
    expect((await call('reopenForumTopic')).body.description).toBe('Bad Request: TOPIC_NOT_MODIFIED');
    expect((await call('deleteForumTopic')).body.result).toBe(true);
    expect((await call('closeForumTopic')).body.description).toBe('Bad Request: TOPIC_ID_INVALID');
    const missing = await callApi(tg, 'closeForumTopic', { chat_id: FORUM });
    expect(missing.body.description).toBe('Bad Request: invalid message thread identifier specified');
  });

  it('needs topic rights to close a topic the bot did not create, but not its own', async () => {
    const theirs = tg.createTopic(FORUM, 'Theirs');
    const ours = (await callApi(tg, 'createForumTopic', { chat_id: FORUM, name: 'Ours' })).body.result as { message_thread_id: number };
    tg.setBotMember(FORUM, { status: 'member' });
    const close = (threadId: number) => callApi(tg, 'closeForumTopic', { chat_id: FORUM, message_thread_id: threadId });
    expect((await close(theirs)).body.description).toBe('Bad Request: not enough rights to close or open the topic');
    expect((await close(ours.message_thread_id)).body.result).toBe(true);
    const removal = await callApi(tg, 'deleteForumTopic', { chat_id: FORUM, message_thread_id: theirs });
    expect(removal.body.description).toBe('Bad Request: not enough rights to delete the topic');
  });

  it('accepts a reply thread outside forums only when it is a message the bot sent', async () => {
    const root = ((await send(SUPERGROUP)).body.result as { message_id: number }).message_id;
    const reply = await send(SUPERGROUP, { message_thread_id: root });
    expect(reply.body.result).toMatchObject({ message_thread_id: root });
    expect(reply.body.result).not.toHaveProperty('is_topic_message');
    expect((await send(SUPERGROUP, { message_thread_id: 4242 })).body.description).toBe('Bad Request: message thread not found');
  });

  it('shares one 20 per minute budget between all topics of a forum', async () => {
    const a = tg.createTopic(FORUM, 'A');
    const b = tg.createTopic(FORUM, 'B');
    for (let i = 0; i < 20; i++) expect((await send(FORUM, { message_thread_id: i % 2 === 0 ? a : b })).status).toBe(200);
    expect((await send(FORUM)).status).toBe(429);
    expect((await send(FORUM, { message_thread_id: a })).status).toBe(429);
    expect((await send(SUPERGROUP)).status).toBe(200);
    expect(tg.tooManyRequests).toBe(2);
  });

  const telegraf = (): Telegraf => Object.assign(new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } }), { botInfo: tg.botInfo });

  it('gives Telegraf the same descriptions for closed, unknown and missing topics', async () => {
    const thread = tg.createTopic(FORUM, 'Gulf');
    tg.closeTopic(FORUM, thread);
    const closed = await errorOf(() => telegraf().telegram.sendMessage(FORUM, 'x', { message_thread_id: thread }));
    expect(closed.description).toBe('Bad Request: TOPIC_CLOSED');
    expect(closed.response).toEqual({ ok: false, error_code: 400, description: 'Bad Request: TOPIC_CLOSED' });
    const unknown = await errorOf(() => telegraf().telegram.sendMessage(FORUM, 'x', { message_thread_id: 999 }));
    expect(unknown.description).toBe('Bad Request: message thread not found');
    const notForum = await errorOf(() => telegraf().telegram.createForumTopic(-1001000000009, 'x'));
    expect(notForum.description).toBe('Bad Request: the chat is not a forum');
  });

  it('gives Telegraf the channel refusals with their error codes', async () => {
    tg.setBotMember(CHANNEL, { status: 'left' });
    const left = await errorOf(() => telegraf().telegram.sendMessage(CHANNEL, 'x'));
    expect([left.code, left.description]).toEqual([403, 'Forbidden: bot is not a member of the channel chat']);
    tg.setBotMember(CHANNEL, { status: 'administrator', canPostMessages: false });
    const demoted = await errorOf(() => telegraf().telegram.sendMessage(CHANNEL, 'x'));
    expect([demoted.code, demoted.description]).toEqual([400, 'Bad Request: need administrator rights in the channel chat']);
  });

  it('lets a Telegraf handler reply inside the topic the user wrote in', async () => {
    const bot = telegraf();
    const topic = await bot.telegram.createForumTopic(FORUM, 'Russia');
    bot.command('digest', (ctx) => ctx.reply('digest'));
    await bot.handleUpdate(messageUpdate({ chatId: FORUM, threadId: topic.message_thread_id, userId: 5, text: '/digest' }));
    expect(tg.messagesIn(FORUM, topic.message_thread_id).map((m) => m.plain_text)).toEqual(['digest']);
    const post = await bot.telegram.sendMessage(CHANNEL, 'news');
    expect(post.sender_chat).toEqual({ id: CHANNEL, type: 'channel', title: 'Briefings AR' });
    expect(post).not.toHaveProperty('from');
    expect(tg.violations).toEqual([]);
  });
});

describe('update builders for channels and forum topics', () => {
  beforeEach(() => resetUpdateIds());

  it('builds a channel post signed by the channel', () => {
    const chat = { id: CHANNEL, type: 'channel', title: 'News' };
    expect(channelPostUpdate({ chatId: CHANNEL, text: '/digest', chatTitle: 'News', messageId: 9 })).toEqual({
      update_id: 1,
      channel_post: { message_id: 9, sender_chat: chat, chat, date: expect.any(Number), text: '/digest', entities: [{ type: 'bot_command', offset: 0, length: 7 }] },
    });
  });

  it('builds my_chat_member for a channel with the new administrator rights', () => {
    const update = myChatMemberUpdate({ chatId: CHANNEL, chatType: 'channel', userId: 5, oldStatus: 'left', newStatus: 'administrator', canPostMessages: false });
    expect(update.my_chat_member.chat).toEqual({ id: CHANNEL, type: 'channel', title: `Chat ${CHANNEL}` });
    expect(update.my_chat_member.new_chat_member).toMatchObject({ status: 'administrator', can_post_messages: false, can_edit_messages: true });
    expect(update.my_chat_member.old_chat_member).toMatchObject({ status: 'left' });
  });

  it('gives chatMember channel rights or topic rights on request', () => {
    const user = { id: 5, is_bot: false, first_name: 'A' };
    expect(chatMember(user, 'administrator', { channel: true })).toMatchObject({ can_post_messages: true, can_edit_messages: true });
    const groupAdmin = chatMember(user, 'administrator', { canManageTopics: true });
    expect(groupAdmin).toMatchObject({ can_pin_messages: true, can_manage_topics: true });
    expect(groupAdmin).not.toHaveProperty('can_post_messages');
  });

  it('puts messages and button presses into a topic of a forum', () => {
    const message = messageUpdate({ chatId: FORUM, threadId: 77, text: 'hi' }).message;
    expect(message).toMatchObject({ message_thread_id: 77, is_topic_message: true, chat: { id: FORUM, type: 'supergroup', is_forum: true } });
    const press = callbackUpdate({ chatId: FORUM, threadId: 77, userId: 5, data: 'x', messageId: 10001 }).callback_query.message;
    expect(press).toMatchObject({ message_thread_id: 77, is_topic_message: true, chat: { is_forum: true } });
    const general = messageUpdate({ chatId: FORUM, isForum: true, text: 'hi' }).message;
    expect(general.chat).toMatchObject({ is_forum: true });
    expect(general).not.toHaveProperty('message_thread_id');
    expect(() => messageUpdate({ chatId: -5, threadId: 3, text: 'x' })).toThrow(/only supergroups have topics/);
  });

  it('builds the service messages of a topic being created, closed and reopened', () => {
    const created = forumTopicCreatedUpdate({ chatId: FORUM, threadId: 40, name: 'Gulf' }).message;
    const topicCreated = { forum_topic_created: { name: 'Gulf', icon_color: 0x6fb9f0 } };
    expect(created).toMatchObject({ message_id: 40, message_thread_id: 40, is_topic_message: true, chat: { is_forum: true }, ...topicCreated });
    const closed = forumTopicClosedUpdate({ chatId: FORUM, threadId: 40 }).message;
    expect(closed).toMatchObject({ message_thread_id: 40, is_topic_message: true, forum_topic_closed: {} });
    expect(forumTopicReopenedUpdate({ chatId: FORUM, threadId: 40 }).message).toMatchObject({ forum_topic_reopened: {} });
  });
});
