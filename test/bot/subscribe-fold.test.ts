import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const bot = useTestBot();
const subs = (chatId: number) => bot.app.services.subscriptions.list(chatId).map((s) => `${s.region}/${s.topic}`);

describe('overlapping subscriptions', () => {
  it('folds the topics of a country into “all topics” when that comes, and names them, in English', async () => {
    await bot.say({ chatId: 1901, text: '/subscribe Tajikistan security', languageCode: 'en' });
    await bot.say({ chatId: 1901, text: '/subscribe Tajikistan economy', languageCode: 'en' });
    await bot.say({ chatId: 1901, text: '/subscribe Tajikistan', languageCode: 'en' });
    expect(subs(1901)).toEqual(['TJ/all']);
    expect(bot.last(1901).plain_text).toContain('It includes what you followed as Tajikistan · Security, Tajikistan · Economy');
  });

  it('adds nothing a broader subscription already brings and says which, in Russian', async () => {
    await bot.say({ chatId: 1902, text: '/subscribe Центральная Азия', languageCode: 'ru' });
    await bot.say({ chatId: 1902, text: '/subscribe Таджикистан безопасность', languageCode: 'ru' });
    expect(subs(1902)).toEqual(['central-asia/all']);
    expect(bot.last(1902).plain_text).toBe('Вы уже получаете Таджикистан · Безопасность: это входит в подписку Центральная Азия · Все темы.');
  });

  it('folds a filtered subscription into all of its country too, and adds no filtered one under it, in Arabic', async () => {
    await bot.say({ chatId: 1903, text: '/subscribe مصر الاقتصاد -كرة', languageCode: 'ar' });
    await bot.say({ chatId: 1903, text: '/subscribe مصر', languageCode: 'ar' });
    // The filtered one folds too: "all of Egypt" without keywords brings everything it brought.
    expect(subs(1903)).toEqual(['EG/all']);
    await bot.say({ chatId: 1903, text: '/subscribe مصر الاقتصاد +القمح', languageCode: 'ar' });
    expect(bot.last(1903).plain_text).toContain('يصلك');
    expect(subs(1903)).toEqual(['EG/all']);
  });
});
