import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import arLocale from '../../locales/ar.json' with { type: 'json' };
import enLocale from '../../locales/en.json' with { type: 'json' };
import ruLocale from '../../locales/ru.json' with { type: 'json' };
import { demoRawArticles } from '../../src/sandbox/demo/seed.ts';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();

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
    bot.app.ingestor.ingest(demoRawArticles(bot.clock.now()));
    await bot.say({ chatId: 7001, text: command, languageCode: locale });
    const reply = bot.last(7001).plain_text;
    for (const none of NOTHING_FOUND) expect(reply).not.toContain(none);
    expect(reply).toMatch(/^1\. /m);
  });
});
