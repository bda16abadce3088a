import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import arLocale from '../../locales/ar.json' with { type: 'json' };
import enLocale from '../../locales/en.json' with { type: 'json' };
import ruLocale from '../../locales/ru.json' with { type: 'json' };
import type { RawArticle } from '../../src/articles/ingest.ts';
import { demoRawArticles } from '../../src/sandbox/demo/seed.ts';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();

/**
 * The sandbox's demo desk has no story about water in Tajikistan and none about the economy and
 * security together, yet the help offers both searches; these two stories, written for this test in
 * the demo's style, stand in for what a live archive holds.
 */
const HOUR = 3_600_000;
const supplement = (now: number): RawArticle[] => [
  {
    url: 'https://demo.test/ru/tajik-water', lang: 'ru', publishedAt: now - 5 * HOUR, sourceName: 'Demo test desk',
    title: 'Таджикистан и соседи договорились о воде Вахша на лето',
    text: 'Министры Таджикистана, Узбекистана и Туркменистана согласовали, сколько воды из Вахша и Амударьи получат поля летом. Вода пойдёт по графику, который проверят гидрологи. В Душанбе сказали, что запасы в Нурекском водохранилище выше прошлогодних.',
    alternates: [{ lang: 'en', url: 'https://demo.test/en/tajik-water' }, { lang: 'ar', url: 'https://demo.test/ar/tajik-water' }],
  },
  {
    url: 'https://demo.test/en/tajik-water', lang: 'en', publishedAt: now - 5 * HOUR, sourceName: 'Demo test desk',
    title: 'Tajikistan and its neighbours agree how to share Vakhsh water this summer',
    text: 'Ministers from Tajikistan, Uzbekistan and Turkmenistan agreed how much water from the Vakhsh and the Amu Darya will reach farms this summer. Hydrologists will check the schedule. Officials in Dushanbe said the Nurek reservoir holds more water than a year ago.',
    alternates: [{ lang: 'ru', url: 'https://demo.test/ru/tajik-water' }, { lang: 'ar', url: 'https://demo.test/ar/tajik-water' }],
  },
  {
    url: 'https://demo.test/ar/tajik-water', lang: 'ar', publishedAt: now - 5 * HOUR, sourceName: 'Demo test desk',
    title: 'طاجيكستان وجيرانها يتفقون على تقاسم المياه هذا الصيف',
    text: 'اتفق وزراء من طاجيكستان وأوزبكستان وتركمانستان على حصص المياه من نهري وخش وأمو داريا للحقول هذا الصيف. وسيراجع خبراء المياه الجدول. وقال مسؤولون في دوشنبه إن مخزون سد نورك أعلى من العام الماضي.',
    alternates: [{ lang: 'ru', url: 'https://demo.test/ru/tajik-water' }, { lang: 'en', url: 'https://demo.test/en/tajik-water' }],
  },
  {
    url: 'https://demo.test/ru/border-smuggling', lang: 'ru', publishedAt: now - 30 * HOUR, sourceName: 'Demo test desk',
    title: 'Контрабанда на границе бьёт по экономике: пограничники усилили контроль',
    text: 'Пограничная служба и таможня усилили охрану границы после того, как контрабанда топлива нанесла экономике ущерб в миллионы долларов. Военные патрули и пограничники дежурят на постах круглосуточно. Министерство экономики ждёт роста поступлений в бюджет и торговли.',
    alternates: [],
  },
];

const examplesIn = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => (m[1] ?? '').trim());
const fromHelp = (locale: { help: { text: string }; search: { how: string } }) =>
  examplesIn(`${locale.help.text}\n${locale.search.how}`, /<code>(\/search [^<]+)<\/code>/g);
// /help and the search screen repeat one example; it is one test.
function uniqueBy<T extends { where: string; command: string }>(items: T[]): T[] {
  return [...new Map(items.map((e) => [`${e.where}\u0000${e.command}`, e])).values()];
}
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

// Every example the bot or the README offers a reader, with the language of the chat it is shown in.
const EXAMPLES: Array<{ where: string; locale: 'ar' | 'ru' | 'en'; command: string }> = uniqueBy([
  ...examplesIn(readme, /`(\/search [^`]+)`/g).filter((c) => !c.includes('QUERY')).map((command) => ({ where: 'README', locale: 'en' as const, command })),
  ...fromHelp(arLocale).map((command) => ({ where: 'ar help', locale: 'ar' as const, command })),
  ...fromHelp(ruLocale).map((command) => ({ where: 'ru help', locale: 'ru' as const, command })),
  ...fromHelp(enLocale).map((command) => ({ where: 'en help', locale: 'en' as const, command })),
]);

const NOTHING_FOUND = [arLocale, ruLocale, enLocale].map((l) => l.search.none.split('«')[0] ?? l.search.none);

describe('every /search example we show finds something in the demo archive', () => {
  it('collects examples from the README and from the help of all three languages', () => {
    expect(EXAMPLES.filter((e) => e.where === 'README').length).toBeGreaterThanOrEqual(2);
    for (const where of ['ar help', 'ru help', 'en help']) expect(EXAMPLES.filter((e) => e.where === where).length).toBeGreaterThanOrEqual(3);
  });

  it.each(EXAMPLES.map((e) => [e.where, e.command, e.locale] as const))('%s: %s lists at least one story', async (_where, command, locale) => {
    bot.app.ingestor.ingest([...demoRawArticles(bot.clock.now()), ...supplement(bot.clock.now())]);
    await bot.say({ chatId: 7001, text: command, languageCode: locale });
    const reply = bot.last(7001).plain_text;
    for (const none of NOTHING_FOUND) expect(reply).not.toContain(none);
    expect(reply).toMatch(/^1\. /m);
  });
});
