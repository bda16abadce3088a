import { describe, expect, it } from 'vitest';
import { keepCommandsLeftToRight } from '../../src/i18n.ts';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();
const LRM = '\u200E';

describe('commands inside Arabic text', () => {
  it('are tied left to right in every line of the Arabic help and welcome, and untouched in English', async () => {
    for (const text of ['/help', '/start']) {
      await bot.say({ chatId: 2001, text, languageCode: 'ar' });
      const message = bot.last(2001).text;
      const commands = [...message.matchAll(/(.)(\/[a-z_]+)\b/g)].filter((m) => m[1] !== '>' && m[1] !== '<');
      expect(commands.length).toBeGreaterThan(0);
      for (const m of commands) expect(m[1], `${text}: ${m[2]}`).toBe(LRM);
    }
    await bot.say({ chatId: 2002, text: '/help', languageCode: 'en' });
    expect(bot.last(2002).text).not.toContain(LRM);
  });

  it('leaves code and tags alone and isolates a path or a URL whole', () => {
    expect(keepCommandsLeftToRight('مثلاً <code>/search اقتصاد</code>')).toBe('مثلاً <code>/search اقتصاد</code>');
    expect(keepCommandsLeftToRight('Asia/Dushanbe و https://x.example/a')).toBe('\u2068Asia/Dushanbe\u2069 و \u2068https://x.example/a\u2069');
    expect(keepCommandsLeftToRight('<b>Briefings</b> &amp; المزيد')).toBe('<b>\u2068Briefings\u2069</b> &amp; المزيد');
    expect(keepCommandsLeftToRight('Briefings and more')).toBe('Briefings and more');
    expect(keepCommandsLeftToRight('عبر /subscribe، أو')).toBe(`عبر ${LRM}/subscribe، أو`);
  });
});

describe('a search result in Arabic', () => {
  it('isolates the Latin source name and the date in its byline', async () => {
    bot.app.ingestor.ingest([
      {
        url: 'https://news.example/ar/jordan-water', lang: 'ar', sourceName: 'Amman Wire', publishedAt: bot.clock.now() - 3_600_000,
        title: 'الأردن يفتتح محطة لتحلية المياه في العقبة',
        text: 'افتتح الأردن محطة لتحلية مياه البحر في العقبة. وستزود المحطة المدينة بالمياه. وقال مسؤولون إن المشروع يخفف نقص المياه.',
      },
    ]);
    await bot.say({ chatId: 2003, text: '/search تحلية المياه', languageCode: 'ar' });
    const text = bot.last(2003).text;
    expect(text).toContain('\u2068Amman Wire\u2069');
    // The date itself carries Intl's right-to-left marks; the isolated name can no longer pull its digits away.
    expect(text).toMatch(/<i>\u2068Amman Wire\u2069 · \d/);
  });
});
