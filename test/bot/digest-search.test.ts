import { describe, expect, it } from 'vitest';
import { useTestBot, type TestBot } from '../helpers/app.ts';
import { egyptEconomyEn, kazanCultureRu, tajikBorderAr, tajikBorderEn, tajikBorderRu } from '../fixtures/articles.ts';

const bot = useTestBot();

const ingest = (items: Parameters<TestBot['app']['ingestor']['ingest']>[0]) => bot.app.ingestor.ingest(items);

describe('/digest', () => {
  it('sends what is new for the chat, in its language, once', async () => {
    ingest([tajikBorderEn, tajikBorderRu, tajikBorderAr, egyptEconomyEn, kazanCultureRu]);
    await bot.say({ chatId: 401, text: '/subscribe Центральная Азия', languageCode: 'ru' });
    await bot.say({ chatId: 401, text: '/digest', languageCode: 'ru' });
    await bot.app.sender.runUntilIdle();
    const digest = bot.last(401);
    expect(digest.plain_text).toContain(tajikBorderRu.title);
    expect(digest.plain_text).not.toContain(tajikBorderEn.title);
    expect(digest.plain_text).not.toContain(egyptEconomyEn.title);
    expect(digest.disable_preview).toBe(true);
    const before = bot.telegram.sentMessages(401).length;
    await bot.say({ chatId: 401, text: '/digest', languageCode: 'ru' });
    await bot.app.sender.runUntilIdle();
    expect(bot.telegram.sentMessages(401)).toHaveLength(before + 1);
    expect(bot.last(401).plain_text).not.toContain(tajikBorderRu.title);
  });

  it('tells a chat without subscriptions how to add one', async () => {
    ingest([egyptEconomyEn]);
    await bot.say({ chatId: 402, text: '/digest', languageCode: 'ar' });
    expect(bot.last(402).plain_text).toContain('/subscribe');
  });

  it('lays an Arabic digest out right to left with the Latin source isolated', async () => {
    ingest([{ ...tajikBorderAr, sourceName: 'News Example' }]);
    await bot.say({ chatId: 403, text: '/subscribe طاجيكستان', languageCode: 'ar' });
    await bot.say({ chatId: 403, text: '/digest', languageCode: 'ar' });
    await bot.app.sender.runUntilIdle();
    const text = bot.last(403).plain_text;
    expect(text).toContain(tajikBorderAr.title);
    expect(text).toMatch(/\u2068News Example\u2069/);
  });
});

describe('/search', () => {
  it('explains how to search, with examples, when given no words', async () => {
    await bot.say({ chatId: 501, text: '/search', languageCode: 'ru' });
    expect(bot.last(501).plain_text).toContain('Поиск по архиву');
  });

  it('finds articles in the user language with a typed region filter and pages in place', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      url: `https://news.example/econ-${i}`,
      title: `Экономика Таджикистана: обзор номер ${i + 1}`,
      text: `Экономика Таджикистана выросла в квартале номер ${i + 1}, сообщили в Душанбе. Рост связан с экспортом электроэнергии.`,
      lang: 'ru',
      publishedAt: bot.clock.now() - i * 3_600_000,
    }));
    ingest(many);
    await bot.say({ chatId: 502, text: '/search экономика TJ', languageCode: 'ru' });
    const first = bot.last(502);
    expect(first.plain_text).toContain('7 результатов');
    expect(first.plain_text).toContain('Фильтры: Таджикистан');
    expect(first.plain_text).toContain('обзор номер 1');
    await bot.press(502, first, '▶', 'ru');
    expect(bot.telegram.sentMessages(502)).toHaveLength(1);
    expect(bot.last(502).plain_text).toContain('обзор номер 6');
  });

  it('says so and suggests broader words when nothing matches', async () => {
    await bot.say({ chatId: 503, text: '/search كرة القدم', languageCode: 'ar' });
    expect(bot.last(503).plain_text).toContain('لم أجد شيئاً');
  });

  it('takes FTS operators, quotes and a 3,000-character query as plain text', async () => {
    ingest([egyptEconomyEn]);
    await bot.say({ chatId: 504, text: '/search "inflation" OR (NEAR title:*', languageCode: 'en' });
    expect(bot.last(504).plain_text).toContain(egyptEconomyEn.title);
    await bot.say({ chatId: 504, text: `/search ${'inflation '.repeat(400)}`, languageCode: 'en' });
    expect(bot.last(504).plain_text).toContain(egyptEconomyEn.title);
  });

  it('slows down one chat that searches too fast and keeps answering others', async () => {
    for (let i = 0; i < 6; i++) await bot.say({ chatId: 505, text: '/search water', languageCode: 'en' });
    expect(bot.last(505).plain_text).toContain('Too many searches');
    await bot.say({ chatId: 506, text: '/search water', languageCode: 'en' });
    expect(bot.last(506).plain_text).toContain('Nothing found');
  });

  it('refuses a paging button pressed in another chat', async () => {
    ingest([egyptEconomyEn, { ...egyptEconomyEn, url: 'https://x.example/2', title: 'Inflation two', text: 'Inflation again in Cairo.' }]);
    await bot.say({ chatId: 507, text: '/search inflation', languageCode: 'en' });
    const message = bot.last(507);
    await bot.press(508, { ...message, chat_id: 508 }, /Week/);
    expect(bot.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toContain('no longer valid');
  });
});
