import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, FIRST_BOT_MESSAGE_ID, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { callApi } from './raw-api.ts';

describe('fake Telegram chats and messages', () => {
  let tg: FakeTelegram;
  beforeEach(async () => {
    tg = await createFakeTelegram({ enforceRates: false });
  });
  afterEach(async () => {
    await tg.close();
  });

  const send = async (chatId: number, text = 'hello', extra: object = {}): Promise<number> => {
    const answer = await callApi(tg, 'sendMessage', { chat_id: chatId, text, ...extra });
    return (answer.body.result as { message_id: number }).message_id;
  };

  it('returns a Message object like Telegram and numbers bot messages per chat', async () => {
    const answer = await callApi(tg, 'sendMessage', { chat_id: 9, text: '<i>x</i>', parse_mode: 'HTML' });
    expect(answer.body.result).toMatchObject({
      message_id: FIRST_BOT_MESSAGE_ID,
      from: { id: tg.botInfo.id, is_bot: true },
      chat: { id: 9, type: 'private' },
      text: 'x',
      entities: [{ type: 'italic', offset: 0, length: 1 }],
    });
    expect(await send(9)).toBe(FIRST_BOT_MESSAGE_ID + 1);
    expect(await send(-100500)).toBe(FIRST_BOT_MESSAGE_ID);
  });

  it('reports 403 for a blocked chat and delivers nothing', async () => {
    tg.blockChat(42);
    const answer = await callApi(tg, 'sendMessage', { chat_id: 42, text: 'hi' });
    expect(answer).toEqual({ status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    expect(tg.sentMessages(42)).toEqual([]);
    expect(tg.violations).toEqual([]);
    tg.unblockChat(42);
    expect((await callApi(tg, 'sendMessage', { chat_id: 42, text: 'hi' })).status).toBe(200);
  });

  it('reports a kicked bot for blocked groups and supergroups', async () => {
    tg.blockChat(-5);
    tg.blockChat(-1001234567890);
    expect((await callApi(tg, 'sendMessage', { chat_id: -5, text: 'x' })).body.description).toBe('Forbidden: bot was kicked from the group chat');
    expect((await callApi(tg, 'sendMessage', { chat_id: -1001234567890, text: 'x' })).body.description).toBe(
      'Forbidden: bot was kicked from the supergroup chat',
    );
  });

  it('tells the bot where a migrated group went', async () => {
    tg.migrateChat(-5, -1009876543210);
    const answer = await callApi(tg, 'sendMessage', { chat_id: -5, text: 'x' });
    expect(answer.body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -1009876543210 },
    });
    expect((await callApi(tg, 'sendMessage', { chat_id: -1009876543210, text: 'x' })).status).toBe(200);
  });

  it('refuses sends to a group the bot left', async () => {
    expect((await callApi(tg, 'leaveChat', { chat_id: -1001 })).body.result).toBe(true);
    expect((await callApi(tg, 'sendMessage', { chat_id: -1001, text: 'x' })).body.description).toBe(
      'Forbidden: bot is not a member of the group chat',
    );
  });

  it('edits a message in place and refuses an edit that changes nothing', async () => {
    const keyboard = { inline_keyboard: [[{ text: 'a', callback_data: 'a' }]] };
    const id = await send(1, '<b>v1</b>', { parse_mode: 'HTML', reply_markup: keyboard });
    const edit = (payload: object) => callApi(tg, 'editMessageText', { chat_id: 1, message_id: id, ...payload });
    expect((await edit({ text: '<b>v2</b>', parse_mode: 'HTML', reply_markup: keyboard })).status).toBe(200);
    expect(tg.lastMessage(1)).toMatchObject({ text: '<b>v2</b>', plain_text: 'v2', reply_markup: keyboard });
    expect(tg.lastMessage(1)?.edit_date).toBeTypeOf('number');
    const same = await edit({ text: '<strong>v2</strong>', parse_mode: 'HTML', reply_markup: keyboard });
    expect(same.body.description).toBe(
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
  });

  it('drops the keyboard when an edit omits reply_markup, as Telegram does', async () => {
    const id = await send(1, 'x', { reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'a' }]] } });
    expect((await callApi(tg, 'editMessageText', { chat_id: 1, message_id: id, text: 'x' })).status).toBe(200);
    expect(tg.lastMessage(1)?.reply_markup).toBeUndefined();
  });

  it('refuses to edit a message that does not exist', async () => {
    const answer = await callApi(tg, 'editMessageText', { chat_id: 1, message_id: 999, text: 'x' });
    expect(answer.body.description).toBe('Bad Request: message to edit not found');
    expect(tg.violations).toEqual(['editMessageText: Bad Request: message to edit not found']);
  });

  it('edits only the keyboard with editMessageReplyMarkup', async () => {
    const id = await send(1, 'x');
    const markup = { inline_keyboard: [[{ text: 'b', callback_data: 'b' }]] };
    expect((await callApi(tg, 'editMessageReplyMarkup', { chat_id: 1, message_id: id, reply_markup: markup })).status).toBe(200);
    expect(tg.lastMessage(1)?.reply_markup).toEqual(markup);
    expect((await callApi(tg, 'editMessageReplyMarkup', { chat_id: 1, message_id: id, reply_markup: markup })).status).toBe(400);
  });

  it('deletes bot messages once and tolerates user message ids it never saw', async () => {
    const id = await send(1);
    expect((await callApi(tg, 'deleteMessage', { chat_id: 1, message_id: id })).body.result).toBe(true);
    expect(tg.sentMessages(1)).toEqual([]);
    expect((await callApi(tg, 'deleteMessage', { chat_id: 1, message_id: id })).body.description).toBe(
      'Bad Request: message to delete not found',
    );
    expect((await callApi(tg, 'deleteMessage', { chat_id: 1, message_id: 3 })).body.result).toBe(true);
  });

  it('answers a callback query once', async () => {
    expect((await callApi(tg, 'answerCallbackQuery', { callback_query_id: '17', text: 'ok' })).status).toBe(200);
    expect((await callApi(tg, 'answerCallbackQuery', { callback_query_id: '17' })).body.description).toBe(
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    );
  });

  it('checks chat actions', async () => {
    expect((await callApi(tg, 'sendChatAction', { chat_id: 1, action: 'typing' })).body.result).toBe(true);
    expect((await callApi(tg, 'sendChatAction', { chat_id: 1, action: 'dancing' })).body.description).toBe(
      'Bad Request: wrong parameter action in request',
    );
  });

  it('keeps commands per language and scope', async () => {
    const en = [{ command: 'start', description: 'Start' }];
    const ar = [{ command: 'start', description: 'ابدأ' }];
    await callApi(tg, 'setMyCommands', { commands: en });
    await callApi(tg, 'setMyCommands', { commands: ar, language_code: 'ar' });
    await callApi(tg, 'setMyCommands', { commands: en, scope: { type: 'all_group_chats' } });
    expect(tg.commands()).toEqual(en);
    expect(tg.commands('ar')).toEqual(ar);
    expect(tg.commands('ru')).toEqual([]);
    expect(tg.commands('', { type: 'all_group_chats' })).toEqual(en);
    expect((await callApi(tg, 'getMyCommands', { language_code: 'ar' })).body.result).toEqual(ar);
    await callApi(tg, 'deleteMyCommands', { language_code: 'ar' });
    expect(tg.commands('ar')).toEqual([]);
  });

  it('refuses commands Telegram would refuse', async () => {
    const set = (commands: unknown, extra: object = {}) => callApi(tg, 'setMyCommands', { commands, ...extra });
    expect((await set([{ command: 'Start', description: 'x' }])).body.description).toBe('Bad Request: BOT_COMMAND_INVALID');
    expect((await set([{ command: 'start', description: ' ' }])).body.description).toBe('Bad Request: command description must be non-empty');
    expect((await set([{ command: 'start', description: 'x' }], { language_code: 'eng' })).body.description).toBe(
      'Bad Request: invalid language code specified',
    );
    expect((await set([{ command: '/start', description: 'x' }])).status).toBe(200);
  });

  it('reports chat member statuses set by the test', async () => {
    tg.setChatMemberStatus(-100, 5, 'administrator');
    const admin = await callApi(tg, 'getChatMember', { chat_id: -100, user_id: 5 });
    expect(admin.body.result).toMatchObject({ status: 'administrator', user: { id: 5 }, can_delete_messages: true });
    expect((await callApi(tg, 'getChatMember', { chat_id: -100, user_id: 6 })).body.result).toMatchObject({ status: 'member' });
  });

  it('describes chats, including ones registered with setChat', async () => {
    tg.setChat({ id: -1001, type: 'channel', title: 'News', username: 'news_channel' });
    expect((await callApi(tg, 'getChat', { chat_id: '@news_channel' })).body.result).toMatchObject({ id: -1001, type: 'channel', title: 'News' });
    expect((await callApi(tg, 'getChat', { chat_id: 5 })).body.result).toMatchObject({ id: 5, type: 'private' });
    expect((await callApi(tg, 'sendMessage', { chat_id: '@nobody', text: 'x' })).body.description).toBe('Bad Request: chat not found');
  });
});
