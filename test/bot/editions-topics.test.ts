import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';
import { callbackUpdate, forumTopicClosedUpdate, forumTopicReopenedUpdate, messageUpdate } from '../../src/telegram-double/updates.ts';
import { egyptWheatAr, kyrgyzDamAr, kyrgyzDamEn, kyrgyzDamRu, tatarstanLibraryRu } from '../fixtures/briefing-stories.ts';

const bot = useTestBot();
const FORUM = -1_009_876_543_210;
const ADMIN = 601;
const MEMBER = 602;

function forum() {
  bot.telegram.setChat({ id: FORUM, type: 'supergroup', title: 'Regions forum', is_forum: true });
  bot.telegram.setChatMemberStatus(FORUM, ADMIN, 'administrator');
  bot.telegram.setChatMemberStatus(FORUM, MEMBER, 'member');
  bot.telegram.setBotMember(FORUM, { status: 'administrator', canManageTopics: true });
  return { kyrgyz: bot.telegram.createTopic(FORUM, 'Kyrgyzstan'), tatarstan: bot.telegram.createTopic(FORUM, 'Tatarstan') };
}

const sayIn = (threadId: number | undefined, text: string, languageCode = 'en', userId = ADMIN) =>
  bot.say({ chatId: FORUM, userId, text, languageCode, ...(threadId !== undefined ? { threadId, isForum: true } : { isForum: true }) });
const textIn = (threadId: number | undefined) => bot.telegram.messagesIn(FORUM, threadId).map((m) => m.plain_text).join('\n');

async function runDigests() {
  bot.app.digests.run({ at: bot.clock.now(), force: true });
  await bot.app.sender.runUntilIdle();
}

describe('forum topic editions', () => {
  it('gives two topics of one forum their own subscriptions and digests, each in its thread, and leaves General as it was', async () => {
    const { kyrgyz, tatarstan } = forum();
    await sayIn(kyrgyz, '/subscribe Kyrgyzstan');
    expect(textIn(kyrgyz)).toContain('Kyrgyzstan');
    await sayIn(tatarstan, '/subscribe Татарстан', 'ru');
    await sayIn(undefined, '/subscribe Egypt');
    bot.app.ingestor.ingest([kyrgyzDamEn, kyrgyzDamRu, kyrgyzDamAr, tatarstanLibraryRu, egyptWheatAr]);
    await runDigests();

    expect(textIn(kyrgyz)).toContain(kyrgyzDamEn.title);
    expect(textIn(kyrgyz)).not.toContain(tatarstanLibraryRu.title);
    expect(textIn(tatarstan)).toContain(tatarstanLibraryRu.title);
    expect(textIn(tatarstan)).not.toContain(kyrgyzDamEn.title);
    expect(textIn(undefined)).toContain(egyptWheatAr.title);
    expect(textIn(undefined)).not.toContain(kyrgyzDamEn.title);
    const threads = bot.app.db.sqlite.prepare("SELECT DISTINCT thread_id FROM outbox WHERE kind = 'digest' ORDER BY thread_id").pluck().all();
    expect(threads).toEqual([null, kyrgyz, tatarstan].sort((a, b) => (a ?? 0) - (b ?? 0)));
    // The topic's /subscriptions shows its own list, not the group's (in the group's language, which the topic took).
    await sayIn(tatarstan, '/subscriptions', 'ru');
    expect(bot.telegram.messagesIn(FORUM, tatarstan).at(-1)?.plain_text).toContain('Tatarstan');
    expect(bot.telegram.messagesIn(FORUM, tatarstan).at(-1)?.plain_text).not.toContain('Egypt');
  });

  it('suspends only the topic that was closed, resumes it when reopened, and suspends a deleted one when Telegram refuses it', async () => {
    const { kyrgyz, tatarstan } = forum();
    await sayIn(kyrgyz, '/subscribe Kyrgyzstan');
    await sayIn(tatarstan, '/subscribe Tatarstan');
    await sayIn(undefined, '/subscribe Egypt');
    const kyrgyzEdition = bot.app.services.editions?.findTopic(FORUM, kyrgyz)?.id as number;
    const tatarEdition = bot.app.services.editions?.findTopic(FORUM, tatarstan)?.id as number;

    bot.telegram.closeTopic(FORUM, kyrgyz);
    await bot.app.bot.handleUpdate(forumTopicClosedUpdate({ chatId: FORUM, threadId: kyrgyz, userId: ADMIN }));
    expect(bot.app.services.chats.get(kyrgyzEdition)?.status).toBe('suspended');
    bot.app.ingestor.ingest([kyrgyzDamEn, tatarstanLibraryRu, egyptWheatAr]);
    await runDigests();
    expect(textIn(kyrgyz)).not.toContain(kyrgyzDamEn.title);
    expect(textIn(tatarstan)).toContain(tatarstanLibraryRu.title);
    expect(textIn(undefined)).toContain(egyptWheatAr.title);

    bot.telegram.reopenTopic(FORUM, kyrgyz);
    await bot.app.bot.handleUpdate(forumTopicReopenedUpdate({ chatId: FORUM, threadId: kyrgyz, userId: ADMIN }));
    bot.clock.advance(60_000);
    await runDigests();
    expect(textIn(kyrgyz)).toContain(kyrgyzDamEn.title);

    // Deleted without a word to the bot: the refusal suspends that edition alone.
    bot.telegram.deleteTopic(FORUM, tatarstan);
    bot.app.ingestor.ingest([{ ...tatarstanLibraryRu, url: 'https://tatar.example/library-2', title: 'Казань: библиотека открыла второй зал', text: 'В Казани библиотека открыла второй читальный зал на 80 мест, сообщили в министерстве культуры Татарстана.' }]);
    bot.clock.advance(60_000);
    await runDigests();
    expect(bot.app.services.chats.get(tatarEdition)?.status).toBe('suspended');
    expect(bot.app.services.chats.get(tatarEdition)?.suspendedReason).toBe('topic_deleted');
    expect(bot.app.services.chats.get(FORUM)?.status).toBe('active');
    expect(bot.app.services.subscriptions.list(tatarEdition)).toHaveLength(1);
  });

  it('lets only the group’s admins change a topic’s edition, and says so in the topic', async () => {
    const { kyrgyz } = forum();
    await sayIn(kyrgyz, '/subscribe Kyrgyzstan', 'ar', MEMBER);
    expect(bot.telegram.messagesIn(FORUM, kyrgyz).at(-1)?.plain_text).toContain('وحدهم مشرفو هذه المجموعة');
    const edition = bot.app.services.editions?.findTopic(FORUM, kyrgyz)?.id as number;
    expect(bot.app.services.subscriptions.list(edition)).toEqual([]);
  });

  it('makes one topic per language from the General set with /editions, each in its language, and Arabic-Indic digits where asked', async () => {
    forum();
    await sayIn(undefined, '/subscribe Kyrgyzstan');
    await sayIn(undefined, '/editions ar ru en');
    const reply = textIn(undefined);
    expect(reply).toContain('Editions of these subscriptions');
    expect(reply).toContain('en: there is an edition already'.replace('en', 'English'));
    const made = bot.telegram.topics(FORUM).filter((t) => t.name.startsWith('الموجز') || t.name.startsWith('Сводка'));
    expect(made.map((t) => t.name).sort()).toEqual(['Сводка · Русский', 'الموجز · العربية']);
    const arabic = made.find((t) => t.name.startsWith('الموجز'))?.message_thread_id as number;
    const russian = made.find((t) => t.name.startsWith('Сводка'))?.message_thread_id as number;

    // Arabic-Indic digits for the Arabic topic only, from its settings.
    await sayIn(arabic, '/settings', 'ar');
    const screen = bot.telegram.messagesIn(FORUM, arabic).at(-1);
    if (!screen) throw new Error('no settings screen');
    const digits = screen.reply_markup?.inline_keyboard.flat().find((b) => b.text.includes('١٢٣'));
    if (!digits || !('callback_data' in digits)) throw new Error('no digits row in the Arabic settings');
    await bot.app.bot.handleUpdate(
      callbackUpdate({
        chatId: FORUM, userId: ADMIN, threadId: arabic, isForum: true, messageId: screen.message_id, messageText: screen.plain_text,
        data: digits.callback_data, ...(screen.reply_markup ? { replyMarkup: screen.reply_markup } : {}),
      }),
    );
    bot.app.ingestor.ingest([kyrgyzDamEn, kyrgyzDamRu, kyrgyzDamAr]);
    await runDigests();
    expect(textIn(arabic)).toContain(kyrgyzDamAr.title);
    expect(textIn(arabic)).toMatch(/[٠-٩]{4}/);
    expect(textIn(russian)).toContain(kyrgyzDamRu.title);
    expect(textIn(undefined)).toContain(kyrgyzDamEn.title);

    await sayIn(undefined, '/editions xx');
    expect(bot.telegram.messagesIn(FORUM).at(-1)?.plain_text).toContain('I don\'t know the language «xx»');
    await bot.say({ chatId: 603, text: '/editions ru', languageCode: 'ru' });
    expect(bot.last(603).plain_text).toContain('Выпуски создают в группе с темами');
  });

  it('names a topic’s edition after the topic, learnt from the creation message every topic message replies to', async () => {
    const { kyrgyz } = forum();
    const update = messageUpdate({ chatId: FORUM, userId: ADMIN, threadId: kyrgyz, isForum: true, text: '/settings', languageCode: 'en' });
    const created = { message_id: kyrgyz, date: 0, chat: update.message.chat, forum_topic_created: { name: 'Kyrgyzstan', icon_color: 7322096 }, message_thread_id: kyrgyz, is_topic_message: true };
    await bot.app.bot.handleUpdate({ ...update, message: { ...update.message, reply_to_message: created } } as typeof update);
    expect(bot.telegram.messagesIn(FORUM, kyrgyz).at(-1)?.plain_text).toMatch(/^🧵 Topic «Kyrgyzstan»/);
    expect(bot.app.services.editions?.findTopic(FORUM, kyrgyz)?.title).toBe('Kyrgyzstan');
  });
});
