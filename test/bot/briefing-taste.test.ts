import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';
import type { SentMessage } from '../../src/telegram-double/types.ts';
import { kyrgyzDamAr, kyrgyzDamEn, kyrgyzDamRu, kyrgyzTariffsEn, tajikSolarRu, uzbekFactoryStories } from '../fixtures/briefing-stories.ts';

const bot = useTestBot();
const HOUR = 3_600_000;
const KYRGYZ_ENERGY = [kyrgyzDamEn, kyrgyzDamRu, kyrgyzDamAr, kyrgyzTariffsEn];

const buttonsOf = (m: SentMessage) => m.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
const received = (chatId: number) => bot.telegram.sentMessages(chatId).map((m) => m.plain_text).join('\n');
const lastToast = () => bot.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text;
const timesShown = (text: string, title: string) => text.split(title).length - 1;
const subscriptions = (chatId: number) => bot.app.services.subscriptions.list(chatId).map((s) => `${s.region}/${s.topic}`);

async function digestNow(chatId: number, languageCode: string) {
  await bot.say({ chatId, text: '/digest', languageCode });
  await bot.app.sender.runUntilIdle();
}

describe('a first taste on subscribing', () => {
  it('counts what already matches, delivers it on a press, and neither the press again nor the next digest repeats it, in English', async () => {
    bot.app.ingestor.ingest(KYRGYZ_ENERGY);
    await bot.say({ chatId: 1001, text: '/subscribe Kyrgyzstan energy', languageCode: 'en' });
    const offer = bot.last(1001);
    expect(offer.plain_text).toBe(
      '✅ Subscribed: Kyrgyzstan · Energy.\n\n📬 2 stories from the last 24 hours already match. Get them now, or they come in your next briefing.',
    );
    expect(buttonsOf(offer)).toEqual(['📬 Get them now (2)']);

    await bot.press(1001, offer, '📬 Get them now (2)', 'en');
    expect(lastToast()).toBe('On its way.');
    await bot.app.sender.runUntilIdle();
    expect(received(1001)).toContain(kyrgyzDamEn.title);
    expect(received(1001)).toContain(kyrgyzTariffsEn.title);
    const sent = bot.telegram.sentMessages(1001).length;

    await bot.press(1001, offer, '📬 Get them now (2)', 'en');
    expect(lastToast()).toBe('Those stories are already on their way.');
    await bot.app.sender.runUntilIdle();
    expect(bot.telegram.sentMessages(1001)).toHaveLength(sent);

    bot.clock.advance(HOUR);
    await digestNow(1001, 'en');
    expect(bot.last(1001).plain_text).toBe('Nothing new for your subscriptions since the last briefing.');
    expect(timesShown(received(1001), kyrgyzDamEn.title)).toBe(1);
  });

  it('brings the offered stories with the next digest when the button is not pressed, and the button then sends nothing, in English', async () => {
    bot.app.ingestor.ingest(KYRGYZ_ENERGY);
    await bot.say({ chatId: 1002, text: '/subscribe Kyrgyzstan energy', languageCode: 'en' });
    const offer = bot.last(1002);
    await digestNow(1002, 'en');
    const text = received(1002);
    expect(timesShown(text, kyrgyzDamEn.title)).toBe(1);
    expect(timesShown(text, kyrgyzTariffsEn.title)).toBe(1);
    const sent = bot.telegram.sentMessages(1002).length;

    await bot.press(1002, offer, '📬 Get them now (2)', 'en');
    expect(lastToast()).toBe('Those stories are already on their way.');
    await bot.app.sender.runUntilIdle();
    expect(bot.telegram.sentMessages(1002)).toHaveLength(sent);
  });

  it('never counts or sends a story the chat already has from another subscription, in Russian', async () => {
    bot.app.ingestor.ingest([kyrgyzDamEn, kyrgyzDamRu, kyrgyzDamAr, tajikSolarRu]);
    await bot.say({ chatId: 1003, text: '/subscribe Киргизия', languageCode: 'ru' });
    await digestNow(1003, 'ru');
    expect(received(1003)).toContain(kyrgyzDamRu.title);

    bot.clock.advance(HOUR);
    await bot.say({ chatId: 1003, text: '/subscribe Центральная Азия энергетика', languageCode: 'ru' });
    const offer = bot.last(1003);
    expect(offer.plain_text).toContain('📬 Уже есть 1 подходящий материал за последние 24 часа. Получите его сейчас — или он придёт в следующей сводке.');
    await bot.press(1003, offer, '📬 Получить сейчас (1)', 'ru');
    await bot.app.sender.runUntilIdle();
    const taste = bot.last(1003).plain_text;
    expect(taste).toContain(tajikSolarRu.title);
    expect(taste).not.toContain(kyrgyzDamRu.title);
    expect(timesShown(received(1003), kyrgyzDamRu.title)).toBe(1);
  });

  it('makes the same offer on the wizard’s Done screen, in Arabic', async () => {
    bot.app.ingestor.ingest(KYRGYZ_ENERGY);
    await bot.say({ chatId: 1004, text: '/subscribe', languageCode: 'ar' });
    await bot.press(1004, bot.last(1004), 'آسيا الوسطى', 'ar');
    await bot.press(1004, bot.last(1004), 'قيرغيزستان', 'ar');
    await bot.press(1004, bot.last(1004), 'الطاقة', 'ar');
    expect(subscriptions(1004)).toEqual(['KG/energy']);
    await bot.press(1004, bot.last(1004), 'تم ✔', 'ar');
    const done = bot.last(1004);
    expect(done.plain_text).toContain('تم الحفظ. لديك اشتراك واحد');
    expect(done.plain_text).toContain('📬 هناك خبران مطابقان من آخر 24 ساعة. احصل عليهما الآن، أو يصلانك في الموجز التالي.');
    expect(bot.telegram.sentMessages(1004)).toHaveLength(1);

    await bot.press(1004, done, '📬 احصل عليها الآن (2)', 'ar');
    expect(lastToast()).toBe('في الطريق إليك.');
    await bot.app.sender.runUntilIdle();
    const taste = bot.last(1004).plain_text;
    expect(taste).toContain(kyrgyzDamAr.title);
    expect(taste).toContain(`[EN]\u2069 \u2068${kyrgyzTariffsEn.title}`);
    await bot.press(1004, done, '📬 احصل عليها الآن (2)', 'ar');
    expect(lastToast()).toBe('هذه الأخبار في الطريق إليك.');
  });

  it('says so when nothing from the lookback matches yet, with no button, in Russian', async () => {
    bot.app.ingestor.ingest(KYRGYZ_ENERGY);
    await bot.say({ chatId: 1005, text: '/subscribe Туркменистан', languageCode: 'ru' });
    const answer = bot.last(1005);
    expect(answer.plain_text).toBe('✅ Подписка оформлена: Туркменистан · Все темы.\n\nЗа последние 24 часа подходящих материалов пока нет: новые придут в сводках.');
    expect(answer.reply_markup).toBeUndefined();
  });

  it('says so on the wizard’s Done screen too when nothing matches, in English', async () => {
    bot.app.ingestor.ingest(KYRGYZ_ENERGY);
    await bot.say({ chatId: 1007, text: '/subscribe', languageCode: 'en' });
    await bot.press(1007, bot.last(1007), 'Central Asia', 'en');
    await bot.press(1007, bot.last(1007), 'Turkmenistan', 'en');
    await bot.press(1007, bot.last(1007), 'All topics', 'en');
    await bot.press(1007, bot.last(1007), 'Done ✔', 'en');
    const done = bot.last(1007);
    expect(done.plain_text).toBe(
      'Saved. You follow 1 subscription: see /subscriptions.\n\nNothing from the last 24 hours matches yet: new stories come in your briefings.',
    );
    expect(buttonsOf(done)).toEqual([]);
  });

  it('sends ten stories of a larger taste and brings the rest with the next digest, in English', async () => {
    const stories = uzbekFactoryStories(12, 'en');
    bot.app.ingestor.ingest(stories);
    await bot.say({ chatId: 1006, text: '/subscribe Uzbekistan economy', languageCode: 'en' });
    await bot.press(1006, bot.last(1006), '📬 Get them now (12)', 'en');
    await bot.app.sender.runUntilIdle();
    const taste = bot.last(1006);
    expect(taste.plain_text).toContain('+2 more stories come in your next briefing');
    expect(buttonsOf(taste).some((t) => t.startsWith('➕'))).toBe(false);

    bot.clock.advance(HOUR);
    await digestNow(1006, 'en');
    const text = received(1006);
    for (const story of stories) expect(timesShown(text, story.title), story.title).toBe(1);
  });
});

describe('refusing bad keyword filters', () => {
  it('refuses only - words with no region or topic, and subscribes and offers nothing, in Russian', async () => {
    bot.app.ingestor.ingest(KYRGYZ_ENERGY);
    await bot.say({ chatId: 1011, text: '/subscribe -футбол -хоккей', languageCode: 'ru' });
    const answer = bot.last(1011);
    expect(answer.plain_text).toContain('Одни только слова-исключения без региона и темы — это все новости мира, кроме них.');
    expect(answer.reply_markup).toBeUndefined();
    expect(subscriptions(1011)).toEqual([]);
  });

  it('refuses 200 keywords and states the limit, in English', async () => {
    bot.app.ingestor.ingest(KYRGYZ_ENERGY);
    const pasted = Array.from({ length: 200 }, (_, i) => `+dam${i}`).join(' ');
    await bot.say({ chatId: 1012, text: `/subscribe Kyrgyzstan ${pasted}`, languageCode: 'en' });
    expect(bot.last(1012).plain_text).toBe('That is 200 keywords; a subscription takes at most 20. Keep the ones that matter most.');
    expect(subscriptions(1012)).toEqual([]);
  });

  it('refuses a keyword mixing scripts and keeps an earlier subscription’s keywords, in Arabic', async () => {
    await bot.say({ chatId: 1013, text: '/subscribe قيرغيزستان +سد', languageCode: 'ar' });
    await bot.say({ chatId: 1013, text: '/subscribe قيرغيزستان +waterماء', languageCode: 'ar' });
    const answer = bot.last(1013).plain_text.replace(/[\u2066-\u2069]/g, '');
    expect(answer).toContain('في «+waterماء» أبجديتان مختلطتان داخل كلمة واحدة');
    expect(bot.app.services.subscriptions.list(1013).map((s) => s.include)).toEqual([['سد']]);
  });
});
