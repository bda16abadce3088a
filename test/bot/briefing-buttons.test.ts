import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';
import type { SentMessage } from '../../src/telegram-double/types.ts';
import { callbackUpdate } from '../../src/telegram-double/updates.ts';
import {
  kazakhBankRu, kazakhBorderRu, kazakhDrillRu, kazakhGrainRu, kyrgyzDamAr, kyrgyzDamEn, kyrgyzDamRu, kyrgyzGoldLedgerEn, kyrgyzRoadAlatooEn,
  kyrgyzTariffsEn, uzbekFactoryStories,
} from '../fixtures/briefing-stories.ts';

const bot = useTestBot();
const HOUR = 3_600_000;

const buttonsOf = (m: SentMessage) => m.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
const received = (chatId: number) => bot.telegram.sentMessages(chatId).map((m) => m.plain_text).join('\n');
const lastAnswer = () => bot.telegram.callsOf('answerCallbackQuery').at(-1)?.payload;
const mutes = (chatId: number) => bot.app.services.mutes.list(chatId).map((m) => `${m.kind}:${m.label ?? m.value}`);

function withButton(chatId: number, label: RegExp): SentMessage {
  const found = bot.telegram.sentMessages(chatId).reverse().find((m) => buttonsOf(m).some((t) => label.test(t)));
  if (!found) throw new Error(`no message of chat ${chatId} has a button ${String(label)}`);
  return found;
}

const dataOf = (message: SentMessage, label: string): string => {
  const button = message.reply_markup?.inline_keyboard.flat().find((b) => b.text === label);
  if (!button || !('callback_data' in button)) throw new Error(`no button ${label}`);
  return button.callback_data;
};

/** A press as Telegram delivers it: the pressed message comes with its keyboard (which names the source muted). */
async function pressIn(chatId: number, message: SentMessage, data: string, languageCode: string) {
  const update = callbackUpdate({ chatId, userId: chatId, data, messageId: message.message_id, messageText: message.plain_text, languageCode });
  const withMarkup = { ...update.callback_query.message, reply_markup: message.reply_markup };
  await bot.app.bot.handleUpdate({ ...update, callback_query: { ...update.callback_query, message: withMarkup } } as typeof update);
}

async function digestNow(chatId: number, languageCode: string) {
  await bot.say({ chatId, text: '/digest', languageCode });
  await bot.app.sender.runUntilIdle();
}

describe('the buttons under a digest', () => {
  it('opens the settings as a new message and leaves the digest as it was, in Arabic', async () => {
    bot.app.ingestor.ingest([kyrgyzDamEn, kyrgyzDamRu, kyrgyzDamAr]);
    await bot.say({ chatId: 1201, text: '/subscribe قيرغيزستان', languageCode: 'ar' });
    await digestNow(1201, 'ar');
    const digest = withButton(1201, /^⚙️ الإعدادات$/);
    const sent = bot.telegram.sentMessages(1201).length;
    await bot.press(1201, digest, '⚙️ الإعدادات', 'ar');
    expect(bot.telegram.sentMessages(1201)).toHaveLength(sent + 1);
    expect(bot.last(1201).plain_text).toContain('⚙️ الإعدادات');
    expect(bot.last(1201).plain_text).toContain('اللغة: العربية');
    expect(buttonsOf(bot.last(1201))).toContain('📖 الأخبار بـ: \u2068AR\u2069');
    const after = bot.telegram.sentMessages(1201).find((m) => m.message_id === digest.message_id);
    expect(after?.plain_text).toBe(digest.plain_text);
    expect(after?.plain_text).toContain(kyrgyzDamAr.title);
  });

  it('mutes a topic with “Less”, leaves it out of the next digest, and /settings undoes it, in Russian', async () => {
    bot.app.ingestor.ingest([kazakhGrainRu, kazakhBorderRu]);
    await bot.say({ chatId: 1202, text: '/subscribe Казахстан', languageCode: 'ru' });
    await digestNow(1202, 'ru');
    const digest = withButton(1202, /^🔇/);
    expect(buttonsOf(digest)).toEqual(expect.arrayContaining(['🔇 Меньше: Экономика', '🔇 Меньше: Безопасность', '🔇 Меньше: Степной курьер']));
    await bot.press(1202, digest, '🔇 Меньше: Экономика', 'ru');
    expect(lastAnswer()?.text).toBe('Скрыто: Экономика. Вернуть можно в /settings.');
    await bot.press(1202, digest, '🔇 Меньше: Экономика', 'ru');
    expect(lastAnswer()?.text).toBe('Экономика уже скрыто. Вернуть можно в /settings.');
    expect(mutes(1202)).toEqual(['topic:economy']);

    bot.clock.advance(HOUR);
    bot.app.ingestor.ingest([kazakhBankRu, kazakhDrillRu]);
    await digestNow(1202, 'ru');
    expect(received(1202)).toContain(kazakhDrillRu.title);
    expect(received(1202)).not.toContain(kazakhBankRu.title);

    await bot.say({ chatId: 1202, text: '/settings', languageCode: 'ru' });
    expect(bot.last(1202).plain_text).toContain('Скрыто: 1 тема или источник (кнопки ниже вернут).');
    await bot.press(1202, bot.last(1202), '🔊 Вернуть: Экономика', 'ru');
    expect(lastAnswer()?.text).toBe('Сохранено');
    expect(buttonsOf(bot.last(1202))).not.toContain('🔊 Вернуть: Экономика');
    expect(mutes(1202)).toEqual([]);
    bot.clock.advance(HOUR);
    await digestNow(1202, 'ru');
    expect(received(1202)).toContain(kazakhBankRu.title);
  });

  it('mutes a source by name with “Less”, leaves it out of the next digest, and /settings undoes it, in English', async () => {
    bot.app.ingestor.ingest([kyrgyzGoldLedgerEn, kyrgyzRoadAlatooEn]);
    await bot.say({ chatId: 1203, text: '/subscribe Kyrgyzstan', languageCode: 'en' });
    await digestNow(1203, 'en');
    const digest = withButton(1203, /^🔇/);
    expect(buttonsOf(digest)).toEqual(expect.arrayContaining(['🔇 Less: Bishkek Ledger', '🔇 Less: Ala-Too Wire']));
    await bot.press(1203, digest, '🔇 Less: Bishkek Ledger', 'en');
    expect(lastAnswer()?.text).toBe('Muted: Bishkek Ledger. Undo it in /settings.');

    bot.clock.advance(HOUR);
    bot.app.ingestor.ingest([kyrgyzTariffsEn, kyrgyzDamEn]);
    await digestNow(1203, 'en');
    expect(received(1203)).toContain(kyrgyzDamEn.title);
    expect(received(1203)).not.toContain(kyrgyzTariffsEn.title);

    await bot.say({ chatId: 1203, text: '/settings', languageCode: 'en' });
    await bot.press(1203, bot.last(1203), '🔊 Unmute: Bishkek Ledger', 'en');
    expect(mutes(1203)).toEqual([]);
    bot.clock.advance(HOUR);
    await digestNow(1203, 'en');
    expect(received(1203)).toContain(kyrgyzTariffsEn.title);
  });
});

describe('refusing forged and misplaced digest buttons', () => {
  it('answers forged button data with a clear alert and changes nothing, in English', async () => {
    bot.app.ingestor.ingest([...uzbekFactoryStories(12, 'en'), kyrgyzDamEn, kyrgyzTariffsEn]);
    await bot.say({ chatId: 1211, text: '/subscribe Kyrgyzstan energy', languageCode: 'en' });
    await bot.say({ chatId: 1211, text: '/subscribe Uzbekistan economy', languageCode: 'en' });
    await digestNow(1211, 'en');
    const digest = withButton(1211, /^➕ More/);
    const [, , , at36 = '', , tag = ''] = dataOf(digest, '➕ More (4)').split(':');
    const sent = bot.telegram.sentMessages(1211).length;
    const forged = [
      `dg:more:${at36}:2:AAAAAAAA`,
      `dg:more:${'z'.repeat(12)}:2:${tag}`,
      `dg:more:${at36}:1:${tag}`,
      `dg:more:${at36}:2:${tag}:extra`,
      `dg:less:t:economy:${at36}:AAAAAAAA`,
      `dg:less:t:football:${at36}:${tag}`,
      `dg:less:s:NOTAKEY:${at36}:${tag}`,
      `dg:t:KG:energy:${at36}:AAAAAAAA`,
      `dg:tw:${at36}:${tag}`,
    ];
    for (const data of forged) {
      await pressIn(1211, digest, data, 'en');
      expect(lastAnswer(), data).toMatchObject({ text: 'This button is no longer valid. Send the command again.', show_alert: true });
    }
    await bot.app.sender.runUntilIdle();
    expect(bot.telegram.sentMessages(1211)).toHaveLength(sent);
    expect(mutes(1211)).toEqual([]);
    expect(bot.app.outbox.pendingCount()).toBe(0);
  });

  it('refuses a digest’s buttons pressed in another chat and changes nothing there or in the first chat, in Russian', async () => {
    bot.app.ingestor.ingest(uzbekFactoryStories(12, 'ru'));
    await bot.say({ chatId: 1212, text: '/subscribe Узбекистан экономика', languageCode: 'ru' });
    const offer = bot.last(1212);
    await digestNow(1212, 'ru');
    await bot.say({ chatId: 1213, text: '/subscribe Узбекистан экономика', languageCode: 'ru' });
    const digest = withButton(1212, /^➕ Ещё/);
    const before = { first: bot.telegram.sentMessages(1212).length, other: bot.telegram.sentMessages(1213).length };

    for (const label of ['➕ Ещё (2)', '🔇 Меньше: Экономика', '🔇 Меньше: Узбекская экономика']) {
      await pressIn(1213, { ...digest, chat_id: 1213 }, dataOf(digest, label), 'ru');
      expect(lastAnswer(), label).toMatchObject({ text: 'Эта кнопка больше не действует. Отправьте команду заново.', show_alert: true });
    }
    await pressIn(1213, { ...offer, chat_id: 1213 }, dataOf(offer, '📬 Получить сейчас (12)'), 'ru');
    expect(lastAnswer()?.text).toBe('Эта кнопка больше не действует. Отправьте команду заново.');
    await bot.app.sender.runUntilIdle();
    expect(bot.telegram.sentMessages(1212)).toHaveLength(before.first);
    expect(bot.telegram.sentMessages(1213)).toHaveLength(before.other);
    expect(mutes(1212)).toEqual([]);
    expect(mutes(1213)).toEqual([]);

    // The same buttons still work in their own chat.
    await bot.press(1212, digest, '➕ Ещё (2)', 'ru');
    expect(lastAnswer()?.text).toBe('Уже отправляем.');
  });
});
