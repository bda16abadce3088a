import { describe, expect, it } from 'vitest';
import type { SentMessage } from '../../src/telegram-double/types.ts';
import { useTestBot } from '../helpers/app.ts';
import { messageUpdate } from '../../src/telegram-double/updates.ts';

const bot = useTestBot();

const only = (chatId: number) => {
  const list = bot.app.services.subscriptions.list(chatId);
  return list.map((s) => ({ target: `${s.region}/${s.topic}`, include: s.include, exclude: s.exclude }));
};
const buttons = (message: SentMessage) => message.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
const alerts = () => bot.telegram.callsOf('answerCallbackQuery').map((c) => String(c.payload.text ?? ''));

/** The user answers the bot's message `prompt` with Telegram's reply, as a ForceReply makes them do. */
async function replyTo(chatId: number, prompt: SentMessage, text: string, languageCode: string, userId?: number) {
  const update = messageUpdate({ chatId, text, languageCode, ...(userId ? { userId } : {}) });
  const replied = { message_id: prompt.message_id, date: prompt.date, chat: update.message.chat, text: prompt.plain_text, from: { id: bot.telegram.botInfo.id, is_bot: true, first_name: bot.telegram.botInfo.first_name } };
  await bot.app.bot.handleUpdate({ ...update, message: { ...update.message, reply_to_message: replied } } as typeof update);
}

describe('subscribing with keyword filters', () => {
  it('stores + and - words typed in English and names them in the answer', async () => {
    await bot.say({ chatId: 601, text: '/subscribe Tajikistan security +water -football', languageCode: 'en' });
    expect(only(601)).toEqual([{ target: 'TJ/security', include: ['water'], exclude: ['football'] }]);
    expect(bot.last(601).plain_text.split('\n')[0]).toBe('✅ Subscribed: Tajikistan · Security — +water −football.');
  });

  it('takes Russian keywords and a quoted phrase around the region', async () => {
    await bot.say({ chatId: 602, text: '/subscribe +"питьевая вода" Таджикистан -футбол', languageCode: 'ru' });
    expect(only(602)).toEqual([{ target: 'TJ/all', include: ['питьевая вода'], exclude: ['футбол'] }]);
    expect(bot.last(602).plain_text).toContain('Подписка оформлена: Таджикистан');
    expect(bot.last(602).plain_text).toContain('+"питьевая вода" −футбол');
  });

  it('takes Arabic keywords with an excluded phrase', async () => {
    await bot.say({ chatId: 603, text: '/subscribe طاجيكستان الأمن +مياه -"كرة القدم"', languageCode: 'ar' });
    expect(only(603)).toEqual([{ target: 'TJ/security', include: ['مياه'], exclude: ['كرة القدم'] }]);
    const text = bot.last(603).plain_text;
    expect(text).toContain('تم الاشتراك');
    expect(text).toContain('+مياه');
    expect(text).toContain('−"كرة القدم"');
  });

  it('keeps the filters when the same subscription is typed again without keywords and replaces them with new ones', async () => {
    await bot.say({ chatId: 604, text: '/subscribe Egypt economy -football', languageCode: 'en' });
    await bot.say({ chatId: 604, text: '/subscribe Egypt economy', languageCode: 'en' });
    expect(only(604)).toEqual([{ target: 'EG/economy', include: [], exclude: ['football'] }]);
    expect(bot.last(604).plain_text).toBe('You already follow Egypt · Economy — −football.');
    await bot.say({ chatId: 604, text: '/subscribe Egypt economy +wheat', languageCode: 'en' });
    expect(only(604)).toEqual([{ target: 'EG/economy', include: ['wheat'], exclude: [] }]);
  });

  it('lists the keywords of each subscription in /subscriptions', async () => {
    await bot.say({ chatId: 605, text: '/subscribe Tajikistan security +water -football', languageCode: 'en' });
    await bot.say({ chatId: 605, text: '/subscribe Egypt', languageCode: 'en' });
    await bot.say({ chatId: 605, text: '/subscriptions', languageCode: 'en' });
    const text = bot.last(605).plain_text;
    expect(text).toContain('• Tajikistan · Security — +water −football\n• Egypt · All topics\n');
    expect(buttons(bot.last(605))).toEqual(['✏️ Tajikistan · Security', '✏️ Egypt · All topics']);
  });
});

describe('refusing bad keywords', () => {
  it('refuses only - words without a region or topic in English and in Russian, and accepts them with a region', async () => {
    await bot.say({ chatId: 611, text: '/subscribe -football', languageCode: 'en' });
    expect(bot.last(611).plain_text).toContain('every story in the world but those');
    await bot.say({ chatId: 611, text: '/subscribe all -футбол', languageCode: 'ru' });
    expect(bot.last(611).plain_text).toContain('все новости мира, кроме них');
    expect(only(611)).toEqual([]);
    await bot.say({ chatId: 611, text: '/subscribe Egypt -football', languageCode: 'en' });
    expect(only(611)).toEqual([{ target: 'EG/all', include: [], exclude: ['football'] }]);
  });

  it('refuses 200 pasted keywords and states the limit', async () => {
    const pasted = Array.from({ length: 200 }, (_, i) => `+word${i}`).join(' ');
    await bot.say({ chatId: 612, text: `/subscribe Egypt ${pasted}`, languageCode: 'en' });
    expect(only(612)).toEqual([]);
    expect(bot.last(612).plain_text).toContain('That is 200 keywords; a subscription takes at most 20.');
  });

  it('refuses a keyword that mixes alphabets inside one word, in Arabic', async () => {
    await bot.say({ chatId: 613, text: '/subscribe مصر +waterماء', languageCode: 'ar' });
    expect(only(613)).toEqual([]);
    expect(bot.last(613).plain_text).toContain('أبجديتان مختلطتان');
    expect(bot.last(613).plain_text.replace(/[\u2066-\u2069]/g, '')).toContain('waterماء');
  });

  it('refuses an empty quoted phrase and an unclosed quote, in Russian', async () => {
    await bot.say({ chatId: 614, text: '/subscribe Египет +""', languageCode: 'ru' });
    expect(bot.last(614).plain_text).toContain('В «+""» нет ключевого слова');
    await bot.say({ chatId: 614, text: '/subscribe Египет -"премьер лига', languageCode: 'ru' });
    expect(bot.last(614).plain_text).toContain('не закрыта');
    expect(only(614)).toEqual([]);
  });

  it('refuses a keyword of punctuation only and escapes what was typed', async () => {
    await bot.say({ chatId: 615, text: '/subscribe Egypt +<&>!', languageCode: 'en' });
    expect(only(615)).toEqual([]);
    expect(bot.last(615).plain_text).toContain('«+<&>!» has no letters or digits');
  });

  it('refuses a word both wanted and excluded', async () => {
    await bot.say({ chatId: 616, text: '/subscribe Egypt +water -waters', languageCode: 'en' });
    expect(only(616)).toEqual([]);
    expect(bot.last(616).plain_text).toContain('cannot be both wanted (+) and left out (−)');
  });
});

describe('editing keywords from the subscription list', () => {
  it('removes one keyword and clears the rest in place, in English', async () => {
    await bot.say({ chatId: 621, text: '/subscribe Tajikistan security +water +dam -football', languageCode: 'en' });
    await bot.say({ chatId: 621, text: '/subscriptions', languageCode: 'en' });
    await bot.press(621, bot.last(621), '✏️ Tajikistan · Security');
    const editor = bot.last(621);
    expect(editor.plain_text).toContain('Keywords for Tajikistan · Security');
    expect(editor.plain_text).toContain('Must mention: +water +dam');
    expect(editor.plain_text).toContain('Must not mention: −football');
    await bot.press(621, editor, '✖ −football');
    expect(only(621)).toEqual([{ target: 'TJ/security', include: ['water', 'dam'], exclude: [] }]);
    expect(alerts()).toContain('Removed: −football');
    expect(bot.last(621).plain_text).not.toContain('Must not mention');
    await bot.press(621, bot.last(621), '🧹 Clear all');
    expect(only(621)).toEqual([{ target: 'TJ/security', include: [], exclude: [] }]);
    expect(bot.last(621).plain_text).toContain('No keywords');
    await bot.press(621, bot.last(621), '◀ Subscriptions');
    expect(bot.last(621).plain_text).toContain('• Tajikistan · Security\n');
    expect(bot.telegram.sentMessages(621)).toHaveLength(2);
  });

  it('adds keywords given in a reply to the prompt, in Russian', async () => {
    await bot.say({ chatId: 622, text: '/subscribe Таджикистан безопасность', languageCode: 'ru' });
    await bot.say({ chatId: 622, text: '/subscriptions', languageCode: 'ru' });
    await bot.press(622, bot.last(622), /✏️ Таджикистан/, 'ru');
    await bot.press(622, bot.last(622), '➕ Добавить слова', 'ru');
    const prompt = bot.last(622);
    expect(prompt.plain_text).toContain('Ответьте на это сообщение ключевыми словами для подписки Таджикистан · Безопасность');
    const sent = bot.telegram.callsOf('sendMessage').at(-1);
    const markup: unknown = sent?.payload.reply_markup;
    expect(typeof markup === 'string' ? JSON.parse(markup) : markup).toMatchObject({ force_reply: true });
    await replyTo(622, prompt, 'вода "питьевая вода" -футбол', 'ru');
    expect(only(622)).toEqual([{ target: 'TJ/security', include: ['вода', 'питьевая вода'], exclude: ['футбол'] }]);
    expect(bot.last(622).plain_text).toContain('Добавлены 3 ключевых слова');
    expect(bot.last(622).plain_text).toContain('Обязательно: +вода +"питьевая вода"');
    // The prompt is used up: a second reply to it is ordinary chatter.
    await replyTo(622, prompt, '+газ', 'ru');
    expect(only(622)[0]?.include).toEqual(['вода', 'питьевая вода']);
  });

  it('answers a bad reply in Arabic and takes the corrected one to the same prompt', async () => {
    await bot.say({ chatId: 623, text: '/subscribe مصر', languageCode: 'ar' });
    await bot.say({ chatId: 623, text: '/subscriptions', languageCode: 'ar' });
    await bot.press(623, bot.last(623), /✏️/, 'ar');
    await bot.press(623, bot.last(623), '➕ أضف كلمات', 'ar');
    const prompt = bot.last(623);
    await replyTo(623, prompt, '+مياهwater', 'ar');
    expect(bot.last(623).plain_text).toContain('أبجديتان مختلطتان');
    await replyTo(623, prompt, '+مياه -"كرة القدم"', 'ar');
    expect(only(623)).toEqual([{ target: 'EG/all', include: ['مياه'], exclude: ['كرة القدم'] }]);
    expect(bot.last(623).plain_text).toContain('أُضيفت كلمتان مفتاحيتان');
  });

  it('refuses to leave every region and topic with only - words', async () => {
    await bot.say({ chatId: 624, text: '/subscribe +water -football', languageCode: 'en' });
    await bot.say({ chatId: 624, text: '/subscriptions', languageCode: 'en' });
    await bot.press(624, bot.last(624), /✏️/);
    await bot.press(624, bot.last(624), '✖ +water');
    expect(only(624)).toEqual([{ target: 'all/all', include: ['water'], exclude: ['football'] }]);
    expect(alerts().at(-1)).toContain('every story in the world but those');
  });

  it('does not let a chat edit the subscription of another chat by a forged button', async () => {
    await bot.say({ chatId: 625, text: '/subscribe Egypt -football', languageCode: 'en' });
    const [victim] = bot.app.services.subscriptions.list(625);
    await bot.say({ chatId: 626, text: '/subscribe Iran', languageCode: 'en' });
    await bot.say({ chatId: 626, text: '/subscriptions', languageCode: 'en' });
    const own = bot.last(626);
    const forged = { ...own, reply_markup: { inline_keyboard: [[
      { text: 'open', callback_data: `kw:o:${victim?.id}` },
      { text: 'clear', callback_data: `kw:c:${victim?.id}` },
      { text: 'add', callback_data: `kw:a:${victim?.id}` },
    ]] } };
    for (const label of ['open', 'clear', 'add']) await bot.press(626, forged, label);
    expect(only(625)).toEqual([{ target: 'EG/all', include: [], exclude: ['football'] }]);
    expect(alerts().slice(-3).every((t) => t.includes('no longer valid'))).toBe(true);
    expect(bot.telegram.sentMessages(626)).toHaveLength(2);
  });

  it('lets only a group administrator edit keywords, by button and by reply', async () => {
    const group = -700;
    bot.telegram.setChatMemberStatus(group, 77, 'administrator');
    bot.telegram.setChatMemberStatus(group, 78, 'member');
    const at = `@${bot.telegram.botInfo.username}`;
    await bot.say({ chatId: group, userId: 77, text: `/subscribe${at} Egypt -football`, languageCode: 'en' });
    await bot.say({ chatId: group, userId: 78, text: `/subscriptions${at}`, languageCode: 'en' });
    const list = bot.last(group);
    await bot.press(group, list, /✏️/, 'en', 78);
    expect(alerts().at(-1)).toContain('Only this group\'s administrators');
    await bot.press(group, list, /✏️/, 'en', 77);
    await bot.press(group, bot.last(group), '➕ Add keywords', 'en', 77);
    const prompt = bot.last(group);
    await replyTo(group, prompt, '+wheat', 'en', 78);
    expect(bot.last(group).plain_text).toContain('Only this group\'s administrators');
    await replyTo(group, prompt, '+wheat', 'en', 77);
    expect(only(group)).toEqual([{ target: 'EG/all', include: ['wheat'], exclude: ['football'] }]);
  });
});
