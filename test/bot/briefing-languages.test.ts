import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';
import type { SentMessage } from '../../src/telegram-double/types.ts';
import { kyrgyzDamAr, kyrgyzDamEn, kyrgyzDamRu, kyrgyzTariffsEn, tatarstanLibraryRu } from '../fixtures/briefing-stories.ts';

const bot = useTestBot();
const HOUR = 3_600_000;
const DAM = [kyrgyzDamEn, kyrgyzDamRu, kyrgyzDamAr];

const buttonsOf = (m: SentMessage) => m.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
const received = (chatId: number) => bot.telegram.sentMessages(chatId).map((m) => m.plain_text).join('\n');
const lastAnswer = () => bot.telegram.callsOf('answerCallbackQuery').at(-1)?.payload;
const readingLanguages = (chatId: number) => {
  const chat = bot.app.services.chats.get(chatId);
  return chat ? bot.app.services.chats.readingLanguages(chat) : [];
};
const deliveredLangs = (chatId: number) =>
  bot.app.db.sqlite.prepare('SELECT lang FROM deliveries WHERE chat_id = ? ORDER BY delivered_at, article_id').pluck().all(chatId) as string[];

async function digestNow(chatId: number, languageCode: string) {
  await bot.say({ chatId, text: '/digest', languageCode });
  await bot.app.sender.runUntilIdle();
}

/** The dam story's titles the chat received, by language. */
const damVersionsIn = (chatId: number) => {
  const text = received(chatId);
  return DAM.filter((a) => text.includes(a.title)).map((a) => a.lang);
};

describe('reading languages', () => {
  it('offers a story in the reader’s own language by default, in Russian', async () => {
    bot.app.ingestor.ingest(DAM);
    await bot.say({ chatId: 901, text: '/subscribe Киргизия', languageCode: 'ru' });
    await digestNow(901, 'ru');
    expect(damVersionsIn(901)).toEqual(['ru']);
    expect(deliveredLangs(901)).toEqual(['ru']);
  });

  it('takes “/languages ru en” from an English reader, shows the order, and sends the Russian version, or else the English one', async () => {
    bot.app.ingestor.ingest([...DAM, kyrgyzTariffsEn]);
    await bot.say({ chatId: 902, text: '/subscribe Kyrgyzstan', languageCode: 'en' });
    await bot.say({ chatId: 902, text: '/languages ru en', languageCode: 'en' });
    const answer = bot.last(902).plain_text;
    expect(answer).toContain('✅ Saved.');
    expect(answer).toContain('1. Русский\n2. English');
    expect(answer).toContain('A story in none of them: shown in its original language, tagged (e.g. [RU]).');
    expect(readingLanguages(902)).toEqual(['ru', 'en']);
    await digestNow(902, 'en');
    expect(damVersionsIn(902)).toEqual(['ru']);
    expect(received(902)).toContain(kyrgyzTariffsEn.title);
    expect(received(902)).not.toContain('[EN]');
    expect([...deliveredLangs(902)].sort()).toEqual(['en', 'ru']);
    // The digest itself still speaks English.
    expect(received(902)).toContain('Your briefing');

    await bot.say({ chatId: 902, text: '/settings', languageCode: 'en' });
    expect(buttonsOf(bot.last(902))).toContain('📖 Stories in: RU · EN');
    await bot.press(902, bot.last(902), '📖 Stories in: RU · EN', 'en');
    expect(bot.last(902).plain_text).toContain('Languages you read');
    expect(buttonsOf(bot.last(902))).toContain('◀ Settings');
  });

  it('understands languages named in words, in any of the three languages, in Russian', async () => {
    await bot.say({ chatId: 903, text: '/languages English русский', languageCode: 'ru' });
    expect(readingLanguages(903)).toEqual(['en', 'ru']);
    expect(bot.last(903).plain_text).toContain('✅ Сохранено.');
    await bot.say({ chatId: 903, text: '/languages العربية', languageCode: 'ru' });
    expect(readingLanguages(903)).toEqual(['ar']);
    await bot.say({ chatId: 903, text: '/settings', languageCode: 'ru' });
    expect(buttonsOf(bot.last(903))).toContain('📖 Новости на: AR');
  });

  it('adds and reorders languages with the buttons of /languages in place, in Arabic', async () => {
    bot.app.ingestor.ingest(DAM);
    await bot.say({ chatId: 904, text: '/subscribe قيرغيزستان', languageCode: 'ar' });
    await bot.say({ chatId: 904, text: '/languages', languageCode: 'ar' });
    const screen = bot.last(904);
    expect(screen.plain_text).toContain('اللغات التي تقرأ بها');
    expect(screen.plain_text).toContain('1. العربية');
    expect(buttonsOf(screen)).toEqual(expect.arrayContaining(['✅ العربية', '➕ Русский', '➕ English', '✅ 🏷 غيرها: مع وسم', '🙈 غيرها: لا تُعرض']));
    expect(buttonsOf(screen)).not.toContain('⬆ العربية');

    await bot.press(904, screen, '➕ English', 'ar');
    expect(lastAnswer()?.text).toBe('تم الحفظ');
    expect(bot.last(904).plain_text).toContain('1. العربية\n2. English');
    await bot.press(904, bot.last(904), '⬆ English', 'ar');
    expect(bot.last(904).plain_text).toContain('1. English\n2. العربية');
    expect(readingLanguages(904)).toEqual(['en', 'ar']);
    expect(bot.telegram.sentMessages(904).filter((m) => m.plain_text.includes('اللغات التي تقرأ بها'))).toHaveLength(1);

    await digestNow(904, 'ar');
    expect(damVersionsIn(904)).toEqual(['en']);
  });

  it('tags a story in none of the reader’s languages, leaves it out when asked, and brings it back when tagging again, in English', async () => {
    bot.app.ingestor.ingest([tatarstanLibraryRu]);
    await bot.say({ chatId: 905, text: '/subscribe Tatarstan', languageCode: 'en' });
    await digestNow(905, 'en');
    expect(received(905)).toContain(`[RU] ${tatarstanLibraryRu.title}`);

    await bot.say({ chatId: 906, text: '/subscribe Tatarstan', languageCode: 'en' });
    await bot.say({ chatId: 906, text: '/languages', languageCode: 'en' });
    await bot.press(906, bot.last(906), '🙈 Others: left out', 'en');
    expect(bot.last(906).plain_text).toContain('A story in none of them: left out.');
    expect(buttonsOf(bot.last(906))).toContain('✅ 🙈 Others: left out');
    await digestNow(906, 'en');
    expect(bot.last(906).plain_text).toBe('Nothing new for your subscriptions since the last briefing.');
    expect(received(906)).not.toContain(tatarstanLibraryRu.title);

    await bot.say({ chatId: 906, text: '/languages', languageCode: 'en' });
    await bot.press(906, bot.last(906), '🏷 Others: tagged', 'en');
    bot.clock.advance(HOUR);
    await digestNow(906, 'en');
    expect(received(906)).toContain(`[RU] ${tatarstanLibraryRu.title}`);
  });

  it('tags a Russian story in an Arabic digest with the tag kept left to right', async () => {
    bot.app.ingestor.ingest([tatarstanLibraryRu]);
    await bot.say({ chatId: 907, text: '/subscribe تتارستان', languageCode: 'ar' });
    await digestNow(907, 'ar');
    expect(received(907)).toContain('\u2068[RU]\u2069');
    expect(received(907)).toContain(tatarstanLibraryRu.title);
  });
});

describe('refusing an empty reading list', () => {
  it('will not toggle off the last language and says why, in Arabic', async () => {
    await bot.say({ chatId: 911, text: '/languages', languageCode: 'ar' });
    await bot.press(911, bot.last(911), '✅ العربية', 'ar');
    expect(lastAnswer()).toMatchObject({ text: 'أبقِ لغة واحدة على الأقل: من دون لغة لن يصلك أي خبر.', show_alert: true });
    expect(readingLanguages(911)).toEqual(['ar']);
    expect(buttonsOf(bot.last(911))).toContain('✅ العربية');
  });

  it('keeps the list when /languages names a language it does not know, in Russian', async () => {
    await bot.say({ chatId: 912, text: '/languages ru en', languageCode: 'ru' });
    await bot.say({ chatId: 912, text: '/languages ru клингонский', languageCode: 'ru' });
    expect(bot.last(912).plain_text).toContain('Не знаю языка «клингонский».');
    expect(readingLanguages(912)).toEqual(['ru', 'en']);
  });

  it('keeps the list when /languages is given only separators, in English', async () => {
    await bot.say({ chatId: 913, text: '/languages ar', languageCode: 'en' });
    await bot.say({ chatId: 913, text: '/languages , ,', languageCode: 'en' });
    expect(bot.last(913).plain_text).toBe('Keep at least one language: with none, no story could reach you.');
    expect(readingLanguages(913)).toEqual(['ar']);
  });
});
