import { afterEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram, type RecordedCall } from '../../src/telegram-double/index.ts';
import { createChatLog } from '../../src/sandbox/chat-log.ts';
import { callApi } from '../helpers-tests/raw-api.ts';

let tg: FakeTelegram | undefined;
afterEach(async () => {
  await tg?.close();
  tg = undefined;
});

describe('the Bot API the sandbox runs', () => {
  it('tells an observer of every call until it unsubscribes', async () => {
    tg = await createFakeTelegram();
    const seen: RecordedCall[] = [];
    const stop = tg.onCall((call) => seen.push(call));
    await callApi(tg, 'getMe');
    stop();
    await callApi(tg, 'getMe');
    expect(seen.map((c) => c.method)).toEqual(['getMe']);
    expect(tg.calls).toHaveLength(2);
  });

  it('keeps only the latest calls when asked to, so a long run does not grow without end', async () => {
    tg = await createFakeTelegram({ maxRecordedCalls: 3, enforceRates: false });
    for (let i = 0; i < 5; i++) await callApi(tg, 'sendMessage', { chat_id: 5, text: `m${i}` });
    expect(tg.calls.map((c) => c.payload.text)).toEqual(['m2', 'm3', 'm4']);
    expect(tg.sentMessages(5)).toHaveLength(5);
  });

  it('logs sends, edits, deletions and callback answers per chat with versions and a cursor', async () => {
    tg = await createFakeTelegram({ enforceRates: false });
    const log = createChatLog(tg);
    log.addUserMessage({ chatId: 7, userId: 7, senderName: 'A', text: '/start', date: 1 });
    await callApi(tg, 'sendMessage', { chat_id: 7, text: '<b>one</b>', parse_mode: 'HTML' });
    await callApi(tg, 'sendMessage', { chat_id: 7, text: 'two' });
    const first = log.snapshot(7);
    expect(first.messages.map((m) => `${m.from}:${m.text}:${m.version}`)).toEqual(['user:/start:0', 'bot:<b>one</b>:0', 'bot:two:0']);
    await callApi(tg, 'editMessageText', { chat_id: 7, message_id: 10001, text: 'one, edited' });
    await callApi(tg, 'deleteMessage', { chat_id: 7, message_id: 10002 });
    log.trackQuery('q1', 7);
    await callApi(tg, 'answerCallbackQuery', { callback_query_id: 'q1', text: 'Saved' });
    const later = log.snapshot(7, first.cursor);
    expect(later.messages.map((m) => `${m.id}:${m.text}:${m.version}:${m.deleted}`)).toEqual(['10001:one, edited:1:false', '10002::0:true']);
    expect(later.notices.map((n) => n.text)).toEqual(['Saved']);
    expect(log.snapshot(7, later.cursor)).toMatchObject({ messages: [], notices: [] });
    expect(log.snapshot(8).messages).toEqual([]);
    log.close();
  });
});
