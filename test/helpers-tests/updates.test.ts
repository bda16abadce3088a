import { beforeEach, describe, expect, it } from 'vitest';
import {
  botCommandEntities, callbackUpdate, editedMessageUpdate, messageUpdate, myChatMemberUpdate, resetUpdateIds,
} from '../../src/telegram-double/updates.ts';

describe('update builders', () => {
  beforeEach(() => {
    resetUpdateIds();
  });

  it('builds a private text message with increasing ids', () => {
    const first = messageUpdate({ chatId: 42, text: 'hello', languageCode: 'ru', firstName: 'Ivan' });
    const second = messageUpdate({ chatId: 42, text: 'again' });
    expect(first).toMatchObject({
      update_id: 1,
      message: {
        message_id: 1,
        from: { id: 42, is_bot: false, first_name: 'Ivan', language_code: 'ru' },
        chat: { id: 42, type: 'private', first_name: 'Ivan' },
        text: 'hello',
      },
    });
    expect(first.message.entities).toBeUndefined();
    expect([second.update_id, second.message.message_id]).toEqual([2, 2]);
  });

  it('adds bot_command entities so Telegraf can route commands', () => {
    expect(messageUpdate({ chatId: 1, text: '/start payload' }).message.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    expect(botCommandEntities('/digest@Briefings_bot now')).toEqual([{ type: 'bot_command', offset: 0, length: 21 }]);
  });

  it('does not mistake paths, fractions or tags for commands', () => {
    expect(botCommandEntities('1/2 a/b </b> /x/y')).toEqual([]);
    expect(botCommandEntities('see /help, then /start')).toEqual([
      { type: 'bot_command', offset: 4, length: 5 },
      { type: 'bot_command', offset: 16, length: 6 },
    ]);
  });

  it('infers group and supergroup chats from the id and defaults the sender', () => {
    expect(messageUpdate({ chatId: -5, text: 'x' }).message.chat).toEqual({ id: -5, type: 'group', title: 'Chat -5' });
    const supergroup = messageUpdate({ chatId: -1001234567890, text: 'x' }).message;
    expect(supergroup.chat.type).toBe('supergroup');
    expect(supergroup.from.id).toBe(1001);
  });

  it('builds a callback query pointing at the bot message', () => {
    const update = callbackUpdate({ chatId: 7, userId: 7, data: 'page:2', messageId: 10001, languageCode: 'ar' });
    expect(update.callback_query).toMatchObject({
      id: '1',
      data: 'page:2',
      from: { id: 7, language_code: 'ar' },
      message: { message_id: 10001, chat: { id: 7, type: 'private' }, from: { is_bot: true } },
    });
  });

  it('builds my_chat_member updates with complete member objects', () => {
    const update = myChatMemberUpdate({ chatId: 7, userId: 7, oldStatus: 'member', newStatus: 'kicked' });
    expect(update.my_chat_member.old_chat_member).toMatchObject({ status: 'member', user: { is_bot: true } });
    expect(update.my_chat_member.new_chat_member).toEqual({ status: 'kicked', user: expect.objectContaining({ is_bot: true }), until_date: 0 });
  });

  it('builds an edited message with an edit date', () => {
    const update = editedMessageUpdate({ chatId: 3, messageId: 4, text: 'fixed', date: 100 });
    expect(update.edited_message).toMatchObject({ message_id: 4, text: 'fixed', date: 100, edit_date: 101 });
  });
});
