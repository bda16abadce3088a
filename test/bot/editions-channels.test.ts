import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';
import { callbackUpdate, myChatMemberUpdate } from '../../src/telegram-double/updates.ts';
import { kyrgyzDamAr, kyrgyzDamEn, kyrgyzDamRu, kyrgyzTariffsEn, uzbekFactoryStories } from '../fixtures/briefing-stories.ts';

const bot = useTestBot();
const CHANNEL = -1_001_234_567_890;
const OTHER = -1_001_234_567_891;
const ADMIN = 501;
const DAM = [kyrgyzDamEn, kyrgyzDamRu, kyrgyzDamAr];

/** A channel the bot was just made an administrator of by `by`, who administers it. */
async function channelWithBot(id: number, title: string, by: number, canPost = true) {
  bot.telegram.setChat({ id, type: 'channel', title });
  bot.telegram.setChatMemberStatus(id, by, 'administrator');
  bot.telegram.setBotMember(id, { status: 'administrator', canPostMessages: canPost });
  await bot.app.bot.handleUpdate(
    myChatMemberUpdate({ chatId: id, chatType: 'channel', chatTitle: title, userId: by, oldStatus: 'left', newStatus: 'administrator', canPostMessages: canPost }),
  );
}

async function manage(userId: number, languageCode: string, title: RegExp) {
  await bot.say({ chatId: userId, text: '/channels', languageCode });
  await bot.press(userId, bot.last(userId), title, languageCode);
}

const posts = (chatId: number) => bot.telegram.messagesIn(chatId);
const subscriptionsOf = (chatId: number) => bot.app.services.subscriptions.list(chatId).map((s) => `${s.region}/${s.topic}`);
const outboxRows = (chatId: number) => bot.app.db.sqlite.prepare('SELECT COUNT(*) FROM outbox WHERE chat_id = ?').pluck().get(chatId) as number;

async function postDigest() {
  bot.app.digests.run({ at: bot.clock.now(), force: true });
  await bot.app.sender.runUntilIdle();
}

describe('channel editions', () => {
  it('sets up a channel from a private chat, posts its digest in its own language without buttons, and keeps the admin’s language', async () => {
    await channelWithBot(CHANNEL, 'Kyrgyz Desk', ADMIN);
    await bot.say({ chatId: ADMIN, text: '/channels', languageCode: 'en' });
    expect(bot.last(ADMIN).plain_text).toContain('Kyrgyz Desk: running');
    await bot.press(ADMIN, bot.last(ADMIN), /Kyrgyz Desk/, 'en');
    expect(bot.last(ADMIN).plain_text).toContain('Now managing Kyrgyz Desk');

    await bot.say({ chatId: ADMIN, text: '/subscribe Kyrgyzstan', languageCode: 'en' });
    await bot.say({ chatId: ADMIN, text: '/language ru', languageCode: 'en' });
    expect(subscriptionsOf(CHANNEL)).toEqual(['KG/all']);
    expect(subscriptionsOf(ADMIN)).toEqual([]);
    expect(bot.app.services.chats.get(CHANNEL)?.locale).toBe('ru');
    await bot.say({ chatId: ADMIN, text: '/settings', languageCode: 'en' });
    expect(bot.last(ADMIN).plain_text).toMatch(/^📣 Channel «Kyrgyz Desk»\n⚙️ Settings/);

    bot.app.ingestor.ingest([...DAM, kyrgyzTariffsEn]);
    await postDigest();
    const post = posts(CHANNEL).at(-1);
    // Addressed to all its readers, not to one: "Сводка", not "Ваша сводка".
    expect(post?.plain_text).toMatch(/^📰 Сводка · /);
    expect(post?.plain_text).toContain(kyrgyzDamRu.title);
    expect(post?.plain_text).not.toContain(kyrgyzDamEn.title);
    expect(post?.reply_markup).toBeUndefined();
    // The admin's own chat got nothing of it, and still hears English.
    expect(bot.telegram.messagesIn(ADMIN).some((m) => m.plain_text.includes(kyrgyzDamRu.title))).toBe(false);
    await bot.say({ chatId: ADMIN, text: '/digest', languageCode: 'en' });
    expect(bot.last(ADMIN).plain_text).toContain('acts on your own chat, not on «Kyrgyz Desk»');

    await bot.press(ADMIN, (await (async () => (await bot.say({ chatId: ADMIN, text: '/channels', languageCode: 'en' }), bot.last(ADMIN)))()), '↩️ Back to my chat', 'en');
    await bot.say({ chatId: ADMIN, text: '/subscribe Egypt', languageCode: 'en' });
    expect(subscriptionsOf(ADMIN)).toEqual(['EG/all']);
    expect(subscriptionsOf(CHANNEL)).toEqual(['KG/all']);
  });

  it('leaves what the cap left for the channel’s next post, with a line saying so', async () => {
    await channelWithBot(CHANNEL, 'Kyrgyz Desk', ADMIN);
    await manage(ADMIN, 'en', /Kyrgyz Desk/);
    await bot.say({ chatId: ADMIN, text: '/subscribe Uzbekistan', languageCode: 'en' });
    bot.app.ingestor.ingest(uzbekFactoryStories(12, 'en'));
    await postDigest();
    const text = posts(CHANNEL).map((m) => m.plain_text).join('\n');
    expect(text).toMatch(/\+2 more stories in the next briefing/);
    expect(posts(CHANNEL).every((m) => m.reply_markup === undefined)).toBe(true);
    // The two left out lead the next post, once.
    bot.clock.advance(60_000);
    await postDigest();
    const next = posts(CHANNEL).at(-1)?.plain_text ?? '';
    expect(next).toContain('2 new stories');
    expect(uzbekFactoryStories(12, 'en').filter((a) => (text + next).includes(a.title))).toHaveLength(12);
  });

  it('suspends the edition when the bot loses its post right, keeps its subscriptions, tells the admin once, and resumes', async () => {
    await channelWithBot(CHANNEL, 'Kyrgyz Desk', ADMIN);
    await manage(ADMIN, 'ru', /Kyrgyz Desk/);
    await bot.say({ chatId: ADMIN, text: '/subscribe Киргизия', languageCode: 'ru' });
    bot.telegram.setBotMember(CHANNEL, { status: 'administrator', canPostMessages: false });
    await bot.app.bot.handleUpdate(
      myChatMemberUpdate({ chatId: CHANNEL, chatType: 'channel', chatTitle: 'Kyrgyz Desk', userId: ADMIN, oldStatus: 'administrator', newStatus: 'administrator', canPostMessages: false }),
    );
    await bot.app.sender.runUntilIdle();
    expect(bot.app.services.chats.get(CHANNEL)?.status).toBe('suspended');
    expect(subscriptionsOf(CHANNEL)).toEqual(['KG/all']);
    expect(bot.last(ADMIN).plain_text).toContain('Выпуск «Kyrgyz Desk» приостановлен: мне больше нельзя там публиковать');
    bot.app.ingestor.ingest(DAM);
    await postDigest();
    expect(posts(CHANNEL)).toEqual([]);
    expect(outboxRows(CHANNEL)).toBe(0);

    bot.telegram.setBotMember(CHANNEL, { status: 'administrator', canPostMessages: true });
    await bot.app.bot.handleUpdate(
      myChatMemberUpdate({ chatId: CHANNEL, chatType: 'channel', chatTitle: 'Kyrgyz Desk', userId: ADMIN, oldStatus: 'administrator', newStatus: 'administrator', canPostMessages: true }),
    );
    await bot.app.sender.runUntilIdle();
    expect(bot.last(ADMIN).plain_text).toContain('снова выходит');
    await postDigest();
    // The channel reads its own language (English by default), whoever manages it.
    expect(posts(CHANNEL).at(-1)?.plain_text).toContain(kyrgyzDamEn.title);
  });

  it('suspends the edition when Telegram refuses a post because the right was taken without a word, in Arabic', async () => {
    await channelWithBot(CHANNEL, 'قناة قرغيزستان', ADMIN);
    await manage(ADMIN, 'ar', /قناة قرغيزستان/);
    await bot.say({ chatId: ADMIN, text: '/subscribe قرغيزستان', languageCode: 'ar' });
    bot.telegram.setBotMember(CHANNEL, { status: 'member' });
    bot.app.ingestor.ingest(DAM);
    await postDigest();
    expect(bot.app.services.chats.get(CHANNEL)?.status).toBe('suspended');
    expect(bot.last(ADMIN).plain_text).toContain('عُلّقت طبعة «قناة قرغيزستان»');
    await bot.say({ chatId: ADMIN, text: '/channels', languageCode: 'ar' });
    expect(bot.last(ADMIN).plain_text).toContain('معلّقة: لا يحق لي النشر فيها');
  });

  it('refuses a non-admin, an admin demoted a second ago, a forged channel id and a channel the bot cannot post in', async () => {
    await channelWithBot(CHANNEL, 'Kyrgyz Desk', ADMIN);
    await channelWithBot(OTHER, 'Muted Desk', ADMIN, false);
    const press = (userId: number, data: string) =>
      bot.app.bot.handleUpdate(callbackUpdate({ chatId: userId, userId, data, messageId: 1, languageCode: 'en' }));
    const toast = () => String(bot.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text ?? '') + bot.last(502).plain_text;

    await bot.say({ chatId: 502, text: '/channels', languageCode: 'en' });
    expect(bot.last(502).plain_text).toContain('No channel to manage');
    await press(502, `chn:m:${CHANNEL}`);
    expect(toast()).toContain('You are not an administrator of «Kyrgyz Desk»');
    await press(502, 'chn:m:-1009999');
    expect(toast()).toMatch(/expired|no longer/i);

    await bot.say({ chatId: ADMIN, text: '/start', languageCode: 'en' });
    await press(ADMIN, `chn:m:${OTHER}`);
    expect(String(bot.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text ?? '') + bot.last(ADMIN).plain_text).toContain('I cannot post in «Muted Desk»');

    await manage(ADMIN, 'en', /Kyrgyz Desk/);
    bot.telegram.setChatMemberStatus(CHANNEL, ADMIN, 'member');
    await bot.say({ chatId: ADMIN, text: '/subscribe Egypt', languageCode: 'en' });
    expect(bot.last(ADMIN).plain_text).toContain('You are not an administrator of «Kyrgyz Desk»');
    expect(subscriptionsOf(CHANNEL)).toEqual([]);
    expect(subscriptionsOf(ADMIN)).toEqual([]);
    // The refusal also ended the management: the next command is the admin's own.
    await bot.say({ chatId: ADMIN, text: '/subscribe Egypt', languageCode: 'en' });
    expect(subscriptionsOf(ADMIN)).toEqual(['EG/all']);

    await bot.say({ chatId: -100_777, userId: ADMIN, text: '/channels', languageCode: 'ru' });
    expect(bot.last(-100_777).plain_text).toContain('Каналами управляют из личного чата');
  });

  it('makes another channel the Russian edition of one set of subscriptions with /editions', async () => {
    await channelWithBot(CHANNEL, 'Desk EN', ADMIN);
    await channelWithBot(OTHER, 'Desk RU', ADMIN);
    bot.telegram.setChat({ id: OTHER, type: 'channel', title: 'Desk RU', username: 'desk_ru' });
    await manage(ADMIN, 'en', /Desk EN/);
    await bot.say({ chatId: ADMIN, text: '/subscribe Kyrgyzstan', languageCode: 'en' });
    await bot.say({ chatId: ADMIN, text: '/editions ru=@desk_ru', languageCode: 'en' });
    expect(bot.last(ADMIN).plain_text).toContain('Desk RU (Русский)');
    await bot.say({ chatId: ADMIN, text: '/editions xx=@desk_ru', languageCode: 'en' });
    expect(bot.last(ADMIN).plain_text).toContain('I don\'t know the language «xx»');
    // A channel Telegram knows but the bot was never added to.
    bot.telegram.setChat({ id: -1_001_234_567_899, type: 'channel', title: 'Stranger', username: 'stranger' });
    await bot.say({ chatId: ADMIN, text: '/editions ru=@stranger', languageCode: 'en' });
    expect(bot.last(ADMIN).plain_text).toContain('I don\'t know the channel «@stranger»');

    bot.app.ingestor.ingest(DAM);
    await postDigest();
    expect(posts(CHANNEL).at(-1)?.plain_text).toContain(kyrgyzDamEn.title);
    expect(posts(OTHER).at(-1)?.plain_text).toContain(kyrgyzDamRu.title);
    expect(outboxRows(CHANNEL)).toBe(1);
    expect(outboxRows(OTHER)).toBe(1);
  });
});
