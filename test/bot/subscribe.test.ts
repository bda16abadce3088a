import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();

const subs = (chatId: number) => bot.app.services.subscriptions.list(chatId).map((s) => `${s.region}/${s.topic}`);

describe('subscribing by name', () => {
  it('subscribes an English speaker to Tajikistan security by typing names', async () => {
    await bot.say({ chatId: 101, text: '/subscribe Tajikistan security', languageCode: 'en' });
    expect(subs(101)).toEqual(['TJ/security']);
    expect(bot.last(101).plain_text).toMatch(/Subscribed: Tajikistan · Security/i);
  });

  it('subscribes a Russian speaker who types the genitive «Таджикистана»', async () => {
    await bot.say({ chatId: 102, text: '/subscribe Таджикистана безопасность', languageCode: 'ru' });
    expect(subs(102)).toEqual(['TJ/security']);
    expect(bot.last(102).plain_text).toContain('Подписка оформлена: Таджикистан');
  });

  it('subscribes an Arabic speaker who types «طاجيكستان الأمن»', async () => {
    await bot.say({ chatId: 103, text: '/subscribe طاجيكستان الأمن', languageCode: 'ar' });
    expect(subs(103)).toEqual(['TJ/security']);
    expect(bot.last(103).plain_text).toContain('تم الاشتراك');
    expect(bot.last(103).plain_text).toContain('طاجيكستان');
  });

  it('takes a topic alone as every region and a macro-region of two words', async () => {
    await bot.say({ chatId: 104, text: '/subscribe economy', languageCode: 'en' });
    await bot.say({ chatId: 104, text: '/subscribe Central Asia energy', languageCode: 'en' });
    expect(subs(104)).toEqual(['all/economy', 'central-asia/energy']);
  });

  it('says so when the subscription already exists instead of adding it twice', async () => {
    await bot.say({ chatId: 105, text: '/subscribe TJ', languageCode: 'en' });
    await bot.say({ chatId: 105, text: '/subscribe tj', languageCode: 'en' });
    expect(subs(105)).toEqual(['TJ/all']);
    expect(bot.last(105).plain_text).toMatch(/already follow/);
  });

  it('answers an unknown region in the user language with the closest names', async () => {
    await bot.say({ chatId: 106, text: '/subscribe Таджикистн', languageCode: 'ru' });
    expect(subs(106)).toEqual([]);
    const reply = bot.last(106).plain_text;
    expect(reply).toContain('Я не знаю региона «Таджикистн»');
    expect(reply).toContain('Таджикистан');
  });

  it('answers an unknown topic after a known region and names the topic it did not know', async () => {
    await bot.say({ chatId: 107, text: '/subscribe Egypt knitting', languageCode: 'en' });
    expect(subs(107)).toEqual([]);
    expect(bot.last(107).plain_text).toContain('I don\'t know the topic «knitting»');
  });

  it('refuses overlong arguments with the limit stated and stores nothing', async () => {
    await bot.say({ chatId: 108, text: `/subscribe ${'Tajikistan '.repeat(400)}`, languageCode: 'en' });
    expect(subs(108)).toEqual([]);
    expect(bot.last(108).plain_text).toMatch(/too long .* 200 characters/);
  });

  it('escapes markup typed as a region name', async () => {
    await bot.say({ chatId: 109, text: '/subscribe <b>Atlantis</b> & co', languageCode: 'en' });
    expect(bot.last(109).plain_text).toContain('«<b>Atlantis</b> & co»');
  });
});

describe('unsubscribing', () => {
  it('removes one pair by name and every topic of a region named alone', async () => {
    await bot.say({ chatId: 201, text: '/subscribe Egypt economy', languageCode: 'en' });
    await bot.say({ chatId: 201, text: '/subscribe Egypt politics', languageCode: 'en' });
    await bot.say({ chatId: 201, text: '/subscribe Iran', languageCode: 'en' });
    await bot.say({ chatId: 201, text: '/unsubscribe Egypt economy', languageCode: 'en' });
    expect(subs(201)).toEqual(['EG/politics', 'IR/all']);
    await bot.say({ chatId: 201, text: '/unsubscribe Egypt', languageCode: 'en' });
    expect(subs(201)).toEqual(['IR/all']);
  });

  it('removes subscriptions by tapping them in the list', async () => {
    await bot.say({ chatId: 202, text: '/subscribe Дагестан', languageCode: 'ru' });
    await bot.say({ chatId: 202, text: '/subscribe Чечня религия', languageCode: 'ru' });
    await bot.say({ chatId: 202, text: '/unsubscribe', languageCode: 'ru' });
    await bot.press(202, bot.last(202), /Дагестан/, 'ru');
    expect(subs(202)).toEqual(['RU-CE/religion']);
    await bot.press(202, bot.last(202), '🗑 Удалить все', 'ru');
    // One tap asks first; "no" keeps everything.
    expect(subs(202)).toEqual(['RU-CE/religion']);
    expect(bot.last(202).plain_text).toContain('Удалить 1 подписку?');
    await bot.press(202, bot.last(202), '🗑 Да, удалить', 'ru');
    expect(subs(202)).toEqual([]);
    expect(bot.last(202).plain_text).toBe('🗑 Удалена 1 подписка. Отменить можно в течение 60 с.');
  });

  it('lists subscriptions with localized names', async () => {
    await bot.say({ chatId: 203, text: '/subscribe Tatarstan culture', languageCode: 'ru' });
    await bot.say({ chatId: 203, text: '/subscribe all security', languageCode: 'ru' });
    await bot.say({ chatId: 203, text: '/subscriptions', languageCode: 'ru' });
    const text = bot.last(203).plain_text;
    expect(text).toContain('У вас 2 подписки');
    expect(text).toContain('Татарстан · Культура');
    expect(text).toContain('Все регионы · Безопасность');
  });
});

describe('the subscribe wizard', () => {
  it('walks macro-region, country and topic by buttons and marks choices with ✅', async () => {
    await bot.say({ chatId: 301, text: '/subscribe', languageCode: 'en' });
    await bot.press(301, bot.last(301), 'Central Asia');
    expect(bot.last(301).plain_text).toContain('Central Asia');
    await bot.press(301, bot.last(301), 'Tajikistan');
    await bot.press(301, bot.last(301), 'Security');
    expect(subs(301)).toEqual(['TJ/security']);
    const buttons = bot.last(301).reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
    expect(buttons).toContain('✅ Security');
    await bot.press(301, bot.last(301), '✅ Security');
    expect(subs(301)).toEqual([]);
    expect(bot.telegram.sentMessages(301)).toHaveLength(1);
  });

  it('pages through a long list of countries with arrows that point the Arabic way and name the page', async () => {
    await bot.say({ chatId: 302, text: '/subscribe', languageCode: 'ar' });
    await bot.press(302, bot.last(302), 'أفريقيا جنوب الصحراء', 'ar');
    const first = bot.last(302).plain_text;
    await bot.press(302, bot.last(302), '◀ 2', 'ar');
    expect(bot.last(302).plain_text).not.toEqual(first);
    expect(bot.last(302).plain_text).toMatch(/\(2\/\d+\)/);
    await bot.press(302, bot.last(302), '1 ▶', 'ar');
    expect(bot.last(302).plain_text).toEqual(first);
  });

  it('answers a forged button without changing anything', async () => {
    await bot.say({ chatId: 303, text: '/subscribe', languageCode: 'en' });
    const message = bot.last(303);
    const forged = { ...message, reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'sub:x:ZZ:security:m:0' }], [{ text: 'y', callback_data: 'sub:x:TJ:security:m:0;drop' }]] } };
    await bot.press(303, forged, 'x');
    await bot.press(303, forged, 'y');
    expect(subs(303)).toEqual([]);
    const answers = bot.telegram.callsOf('answerCallbackQuery').map((c) => String(c.payload.text));
    expect(answers.every((t) => t.includes('no longer valid'))).toBe(true);
  });
});
