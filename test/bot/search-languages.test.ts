import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';
import { kazanCultureRu, tajikBorderAr, tajikBorderEn, tajikBorderRu } from '../fixtures/articles.ts';

const bot = useTestBot();

// One story in three languages (linked as alternates) and a story told only in Russian.
const ingestAll = () => bot.app.ingestor.ingest([tajikBorderEn, tajikBorderRu, tajikBorderAr, kazanCultureRu]);

describe('/search shows each story once, in a language the chat reads', () => {
  it('finds a story by its Russian words and shows an English reader the English version', async () => {
    ingestAll();
    await bot.say({ chatId: 801, text: '/search переговоры границы', languageCode: 'en' });
    const text = bot.last(801).plain_text;
    expect(text).toContain(tajikBorderEn.title);
    expect(text).not.toContain(tajikBorderRu.title);
    expect(text).toContain('1.');
    expect(text).not.toContain('2.');
  });

  it('shows an Arabic reader who also reads Russian the Arabic version first, then follows their order', async () => {
    ingestAll();
    await bot.say({ chatId: 802, text: '/search Tajikistan border', languageCode: 'ar' });
    expect(bot.last(802).plain_text).toContain(tajikBorderAr.title);
    await bot.say({ chatId: 802, text: '/languages ru ar', languageCode: 'ar' });
    await bot.say({ chatId: 802, text: '/search Tajikistan border', languageCode: 'ar' });
    expect(bot.last(802).plain_text).toContain(tajikBorderRu.title);
  });

  it('tags a story that exists only in a language the chat does not read', async () => {
    ingestAll();
    await bot.say({ chatId: 803, text: '/search фестиваль Казани', languageCode: 'en' });
    expect(bot.last(803).plain_text).toContain(`[RU] ${kazanCultureRu.title}`);
    await bot.say({ chatId: 804, text: '/search фестиваль Казани', languageCode: 'ru' });
    expect(bot.last(804).plain_text).toContain(kazanCultureRu.title);
    expect(bot.last(804).plain_text).not.toContain('[RU]');
  });
});
