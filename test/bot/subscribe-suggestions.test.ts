import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_LIMIT } from '../../src/buttons/kind.ts';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();

const subs = (chatId: number) => bot.app.services.subscriptions.list(chatId).map((s) => `${s.region}/${s.topic}`);
const buttonsOf = (chatId: number) => bot.last(chatId).reply_markup?.inline_keyboard.flat() ?? [];

describe('a misspelled region and topic typed together', () => {
  const cases = [
    { chatId: 401, lang: 'en', typed: 'Egpyt economy', hint: 'Did you mean: Egypt · Economy?', button: /Egypt · Economy/, sub: 'EG/economy', done: 'Subscribed: Egypt · Economy' },
    { chatId: 402, lang: 'en', typed: 'Tajikistn security', hint: 'Did you mean: Tajikistan · Security?', button: /Tajikistan · Security/, sub: 'TJ/security', done: 'Subscribed: Tajikistan · Security' },
    { chatId: 403, lang: 'ru', typed: 'Таджикстан безопастность', hint: 'вы имели в виду: Таджикистан · Безопасность?', button: /Таджикистан · Безопасность/, sub: 'TJ/security', done: 'Подписка оформлена: Таджикистан · Безопасность' },
    { chatId: 404, lang: 'ar', typed: 'مصرر الاقتصاد', hint: 'هل تقصد: مصر · الاقتصاد', button: /مصر · الاقتصاد/, sub: 'EG/economy', done: 'تم الاشتراك' },
  ] as const;

  for (const c of cases) {
    it(`suggests the pair meant for «${c.typed}» (${c.lang}) and subscribes to it with one tap`, async () => {
      await bot.say({ chatId: c.chatId, text: `/subscribe ${c.typed}`, languageCode: c.lang });
      expect(subs(c.chatId)).toEqual([]);
      expect(bot.last(c.chatId).plain_text).toContain(c.hint);
      await bot.press(c.chatId, bot.last(c.chatId), c.button, c.lang);
      expect(subs(c.chatId)).toEqual([c.sub]);
      expect(bot.last(c.chatId).plain_text).toContain(c.done);
    });
  }

  it('keeps buttons within Telegram’s 64 bytes of data', async () => {
    await bot.say({ chatId: 406, text: '/subscribe Nrth Caucasus securty', languageCode: 'en' });
    const buttons = buttonsOf(406);
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) if ('callback_data' in b) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
  });

  it('says the subscription exists when the suggestion is tapped twice, and adds it once', async () => {
    await bot.say({ chatId: 407, text: '/subscribe Egpyt economy', languageCode: 'en' });
    const offer = bot.last(407);
    await bot.press(407, offer, /Egypt · Economy/);
    await bot.press(407, offer, /Egypt · Economy/);
    expect(subs(407)).toEqual(['EG/economy']);
    expect(bot.last(407).plain_text).toContain('already follow Egypt · Economy');
  });

  it('offers the guess with its +/− words on the button, and subscribes with them on a tap', async () => {
    await bot.say({ chatId: 408, text: '/subscribe Egpyt economy +cotton -football', languageCode: 'en' });
    expect(bot.last(408).plain_text).toContain('Did you mean: Egypt · Economy?');
    expect(buttonsOf(408).map((b) => b.text)).toEqual(['➕ Egypt · Economy +cotton −football']);
    expect(subs(408)).toEqual([]);
    await bot.press(408, bot.last(408), /Egypt · Economy/);
    expect(bot.app.services.subscriptions.list(408).map((s) => [s.region, s.topic, s.include, s.exclude])).toEqual([['EG', 'economy', ['cotton'], ['football']]]);
  });

  it('answers a keyword suggestion pressed after its words went stale with a toast, in Russian', async () => {
    await bot.say({ chatId: 410, text: '/subscribe Египт +хлопок', languageCode: 'ru' });
    const offer = bot.last(410);
    bot.clock.advance(25 * 3_600_000);
    await bot.press(410, offer, /Египет/, 'ru');
    expect(subs(410)).toEqual([]);
    expect(String(bot.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text ?? '')).not.toBe('');
  });

  it('refuses a forged suggestion button for a region that does not exist', async () => {
    await bot.say({ chatId: 409, text: '/subscribe Egpyt economy', languageCode: 'en' });
    const message = bot.last(409);
    const forged = { ...message, reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'sub:y:ZZ:economy' }], [{ text: 'y', callback_data: 'sub:y:EG:knitting' }]] } };
    await bot.press(409, forged, 'x');
    await bot.press(409, forged, 'y');
    expect(subs(409)).toEqual([]);
  });
});

describe('a name that is close to no region', () => {
  it('answers Kurdistan with the countries it lies in, in every language, and a tap subscribes to one', async () => {
    const names = { en: ['Iraq', 'Türkiye', 'Iran'], ru: ['Ирак', 'Турция', 'Иран'], ar: ['العراق', 'تركيا', 'إيران'] };
    for (const [chatId, lang, typed] of [[411, 'en', 'Kurdistan'], [412, 'ru', 'Курдистан'], [413, 'ar', 'كردستان']] as const) {
      await bot.say({ chatId, text: `/subscribe ${typed} economy`, languageCode: lang });
      const reply = bot.last(chatId).plain_text;
      for (const wrong of ['Germany', 'France', 'Германия', 'Франция', 'Киргизия', 'ألمانيا', 'فرنسا']) expect(reply).not.toContain(wrong);
      // The area is what was not a region, not the topic.
      expect(reply).toContain(typed);
      const buttons = buttonsOf(chatId).map((b) => b.text).join(' | ');
      for (const name of names[lang]) expect(buttons).toContain(name);
      expect(subs(chatId)).toEqual([]);
    }
    await bot.press(411, bot.last(411), /Iraq/);
    expect(subs(411)).toEqual(['IQ/economy']);
  });

  it('still answers a single misspelled region with its name, as before', async () => {
    await bot.say({ chatId: 414, text: '/subscribe Egpyt', languageCode: 'en' });
    expect(bot.last(414).plain_text).toContain('Did you mean: Egypt?');
    await bot.press(414, bot.last(414), /Egypt · All topics/);
    expect(subs(414)).toEqual(['EG/all']);
  });
});
