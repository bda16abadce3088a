import { describe, expect, it } from 'vitest';
import type { TestBot } from '../helpers/app.ts';
import { callbackUpdate } from '../../src/telegram-double/updates.ts';
import { ADMIN, asAdmin, lastAnswer, useTestBots } from './helpers.ts';

const start = useTestBots();
const TEXT = 'Earthquake near Dushanbe, Tajikistan: <b>no</b> victims & roads open';

/** 1 ru Tajikistan; 2 ar Central Asia security; 3 en Egypt; 4 en security anywhere; 5 en Tajikistan economy; 6 paused. */
async function subscribers(bot: TestBot) {
  await bot.say({ chatId: 1, text: '/subscribe Tajikistan', languageCode: 'ru' });
  await bot.say({ chatId: 2, text: '/subscribe Central Asia security', languageCode: 'ar' });
  await bot.say({ chatId: 3, text: '/subscribe Egypt', languageCode: 'en' });
  await bot.say({ chatId: 4, text: '/subscribe security', languageCode: 'en' });
  await bot.say({ chatId: 5, text: '/subscribe Tajikistan economy', languageCode: 'en' });
  await bot.say({ chatId: 6, text: '/subscribe Tajikistan', languageCode: 'en' });
  await bot.say({ chatId: 6, text: '/stop', languageCode: 'en' });
}

const breakingRows = (bot: TestBot) => bot.app.db.sqlite.prepare("SELECT chat_id AS chatId, text FROM outbox WHERE kind = 'breaking' ORDER BY chat_id").all() as Array<{ chatId: number; text: string }>;

describe('/breaking preview', () => {
  it('shows the message exactly as subscribers get it, with its targeting and the number of chats it reaches', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, `/breaking Tajikistan security | ${TEXT}`);
    const preview = bot.last(ADMIN);
    expect(preview.plain_text).toContain('Target: Tajikistan · Security');
    expect(preview.plain_text).toContain('It will reach 3 chats.');
    // The subscriber's message is the tail of the preview, byte for byte.
    expect(preview.text.endsWith('<b>🚨 Breaking</b>\n\nEarthquake near Dushanbe, Tajikistan: &lt;b&gt;no&lt;/b&gt; victims &amp; roads open')).toBe(true);
    expect(preview.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['✅ Send to 3 chats', '✖ Cancel']);
    for (const button of preview.reply_markup?.inline_keyboard.flat() ?? []) {
      expect('callback_data' in button && /^brk:\d+:[\w-]{12}:[sc]$/.test(button.callback_data)).toBe(true);
    }
    expect(breakingRows(bot)).toEqual([]);
  });

  it('speaks the admin\'s language and resolves names typed in it', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, `/breaking Таджикистан | ${TEXT}`, 'ru');
    const preview = bot.last(ADMIN);
    expect(preview.plain_text).toContain('Кому: Таджикистан · Все темы');
    expect(preview.plain_text).toContain('Получат 4 чата.');
    expect(preview.plain_text).toContain('🚨 Срочно');
    await asAdmin(bot, `/breaking طاجيكستان الأمن | ${TEXT}`, 'ar');
    expect(bot.last(ADMIN).plain_text).toMatch(/سيصل إلى (٣|3) محادثات\./);
    await bot.press(ADMIN, bot.last(ADMIN), /إرسال/, 'ar');
    expect(bot.last(ADMIN).plain_text).toMatch(/✅ أُرسل إلى (٣|3) محادثات\./);
    await asAdmin(bot, '/audit', 'ar');
    expect(bot.last(ADMIN).plain_text).toContain('أرسل خبراً عاجلاً');
  });

  it('answers an unknown region with suggestions and creates no draft', async () => {
    const bot = await start();
    await asAdmin(bot, '/breaking Tajikstan | Something happened');
    expect(bot.last(ADMIN).plain_text).toContain('I don\'t know the region «Tajikstan». Did you mean: Tajikistan');
    await asAdmin(bot, '/breaking Qwertyzxcv | Something happened');
    expect(bot.last(ADMIN).plain_text).toContain('Put a region and a topic before the bar');
    expect(bot.app.db.sqlite.prepare('SELECT count(*) FROM breaking_drafts').pluck().get()).toBe(0);
  });

  it('refuses 5,000 characters stating the limit, and whitespace-only text with the usage', async () => {
    const bot = await start();
    await asAdmin(bot, `/breaking ${'x'.repeat(5000)}`);
    expect(bot.last(ADMIN).plain_text).toContain('The text has 5,000 characters; a breaking item may have at most 3,500.');
    await asAdmin(bot, '/breaking    \n\t  ');
    expect(bot.last(ADMIN).plain_text).toContain('Usage: /breaking [region] [topic] | text');
    await asAdmin(bot, '/breaking Tajikistan |    \n ');
    expect(bot.last(ADMIN).plain_text).toContain('Usage: /breaking');
    await asAdmin(bot, '/breaking');
    expect(bot.last(ADMIN).plain_text).toContain('Usage: /breaking');
    expect(bot.app.db.sqlite.prepare('SELECT count(*) FROM breaking_drafts').pluck().get()).toBe(0);
  });

  it('takes 3,500 characters, the most there may be, and the preview still fits one message', async () => {
    const bot = await start();
    await asAdmin(bot, `/breaking ${'<&> '.repeat(874)}<&>!`);
    expect(bot.last(ADMIN).reply_markup?.inline_keyboard.flat()).toHaveLength(2);
  });
});

describe('sending a breaking item', () => {
  it('reaches only the matching active chats, each in its own language, with markup arriving as text', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, `/breaking Tajikistan security | ${TEXT}`);
    await bot.press(ADMIN, bot.last(ADMIN), /Send/);
    expect(bot.last(ADMIN).plain_text).toContain('✅ Sent to 3 chats.');
    expect(bot.last(ADMIN).reply_markup).toBeUndefined();
    expect(breakingRows(bot).map((r) => r.chatId)).toEqual([1, 2, 4]);
    await bot.app.sender.runUntilIdle();

    const plain = 'Earthquake near Dushanbe, Tajikistan: <b>no</b> victims & roads open';
    expect(bot.last(1).plain_text).toBe(`🚨 Срочно\n\n${plain}`);
    expect(bot.last(2).plain_text).toContain('عاجل');
    expect(bot.last(2).plain_text).toContain(plain);
    expect(bot.last(4).plain_text).toBe(`🚨 Breaking\n\n${plain}`);
    // Only our own bold label became an entity; the admin's <b> is text.
    expect(bot.last(4).entities.map((e) => e.type)).toEqual(['bold']);
    for (const chatId of [3, 5, 6]) expect(bot.last(chatId).plain_text).not.toContain('Earthquake');
  });

  it('stores the item as an article: search finds it and the next digest does not repeat it', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, '/breaking Tajikistan | Major earthquake hits Dushanbe in Tajikistan, buildings damaged across the capital');
    await bot.press(ADMIN, bot.last(ADMIN), /Send/);
    await bot.app.sender.runUntilIdle();
    const article = bot.app.db.sqlite.prepare('SELECT id, is_breaking AS isBreaking FROM articles').get() as { id: number; isBreaking: number };
    expect(article.isBreaking).toBe(1);

    await bot.say({ chatId: 3, text: '/search earthquake Dushanbe', languageCode: 'en' });
    expect(bot.last(3).plain_text).toContain('Major earthquake hits Dushanbe');

    // A chat that joins afterwards gets it in its digest: the article is digest material...
    bot.clock.advance(60_000);
    await bot.say({ chatId: 7, text: '/subscribe Tajikistan', languageCode: 'en' });
    const run = bot.app.digests.run({ at: bot.clock.now(), force: true, chatIds: [1, 7] });
    const items = (chatId: number) => run.digests.find((d) => d.chatId === chatId)?.items.map((i) => i.article.id) ?? [];
    expect(items(7)).toContain(article.id);
    // ...but the chat it was sent to never sees it twice.
    expect(items(1)).not.toContain(article.id);
  });

  it('sends once when Send is pressed twice', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, `/breaking Tajikistan | ${TEXT}`);
    const preview = bot.last(ADMIN);
    await bot.press(ADMIN, preview, /Send/);
    await bot.press(ADMIN, preview, /Send/);
    expect(lastAnswer(bot)?.text).toBe('This item has already been sent.');
    await bot.app.sender.runUntilIdle();
    expect(breakingRows(bot)).toHaveLength(4);
    expect(bot.telegram.sentMessages(1).filter((m) => m.plain_text.includes('Earthquake'))).toHaveLength(1);
    expect(bot.app.db.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'breaking_send'").pluck().get()).toBe(1);
  });

  it('refuses a subscriber replaying the admin\'s Send button, and sends nothing', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, `/breaking Tajikistan | ${TEXT}`);
    const preview = bot.last(ADMIN);
    const send = preview.reply_markup?.inline_keyboard.flat().find((b) => b.text.includes('Send'));
    const data = send && 'callback_data' in send ? send.callback_data : '';
    // The same callback data, pressed in the subscriber's own chat and (forwarded) in the admin's.
    await bot.app.bot.handleUpdate(callbackUpdate({ chatId: 1, userId: 1, data, messageId: preview.message_id, languageCode: 'en' }));
    expect(lastAnswer(bot)).toMatchObject({ text: '⛔ This command is for the bot\'s editors only.', show_alert: true });
    await bot.press(ADMIN, preview, /Send/, 'ru', 1);
    expect(lastAnswer(bot)?.text).toBe('⛔ Эта команда только для редакторов бота.');
    expect(breakingRows(bot)).toEqual([]);
    expect(bot.app.db.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    await bot.app.sender.runUntilIdle();
    expect(bot.last(1).plain_text).not.toContain('Earthquake');
    // The admin's own press still works afterwards.
    await bot.press(ADMIN, preview, /Send/);
    expect(breakingRows(bot)).toHaveLength(4);
  });

  it('refuses another admin pressing the first admin\'s button', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, '/admins add 901');
    await asAdmin(bot, `/breaking | ${TEXT}`);
    await bot.press(ADMIN, bot.last(ADMIN), /Send/, 'en', 901);
    expect(lastAnswer(bot)?.text).toBe('Only the admin who wrote this preview can send or cancel it.');
    expect(breakingRows(bot)).toEqual([]);
  });

  it('refuses forged callback data: a wrong nonce, another draft, garbage', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, `/breaking | ${TEXT}`);
    const messageId = bot.last(ADMIN).message_id;
    for (const data of ['brk:1:AAAAAAAAAAAA:s', 'brk:2:AAAAAAAAAAAA:s', 'brk:1:x:s', 'brk:1', 'brk:1:AAAAAAAAAAAA:z']) {
      await bot.app.bot.handleUpdate(callbackUpdate({ chatId: ADMIN, userId: ADMIN, data, messageId, languageCode: 'en' }));
      expect(lastAnswer(bot)).toMatchObject({ text: 'This button is not valid. Send /breaking again.' });
    }
    expect(breakingRows(bot)).toEqual([]);
  });

  it('refuses a press after the draft expired', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, `/breaking | ${TEXT}`);
    bot.clock.advance(15 * 60_000 + 1);
    await bot.press(ADMIN, bot.last(ADMIN), /Send/);
    expect(lastAnswer(bot)?.text).toBe('This preview has expired and nothing was sent. Send /breaking again.');
    expect(breakingRows(bot)).toEqual([]);
  });

  it('cancels, and a later Send on the same preview does nothing', async () => {
    const bot = await start();
    await subscribers(bot);
    await asAdmin(bot, `/breaking | ${TEXT}`);
    const preview = bot.last(ADMIN);
    await bot.press(ADMIN, preview, /Cancel/);
    expect(bot.last(ADMIN).plain_text).toBe('✖ Cancelled: nothing was sent.');
    await bot.press(ADMIN, preview, /Send/);
    expect(lastAnswer(bot)?.text).toBe('This preview was cancelled; nothing was sent.');
    expect(breakingRows(bot)).toEqual([]);
  });

  it('overtakes a queued digest backlog: every breaking message goes before the remaining digests', async () => {
    const bot = await start();
    const { chats, subscriptions } = bot.app.services;
    for (let i = 0; i < 300; i++) chats.touch({ id: 5000 + i, type: 'private', languageCode: 'en' });
    for (let i = 0; i < 20; i++) {
      chats.touch({ id: 7000 + i, type: 'private', languageCode: i % 2 ? 'ru' : 'en' });
      subscriptions.add(7000 + i, 'central-asia', 'all');
    }
    bot.app.outbox.enqueue(
      Array.from({ length: 300 }, (_, i) => ({ chatId: 5000 + i, itemKey: 'digest:1:0', kind: 'digest' as const, priority: 0, text: `Digest ${i}`, articleIds: [] })),
    );
    await asAdmin(bot, `/breaking Tajikistan | ${TEXT}`);
    await bot.press(ADMIN, bot.last(ADMIN), /Send/);
    await bot.app.sender.runUntilIdle();

    const sends = bot.telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) >= 5000);
    const kinds = sends.map((c) => (String(c.payload.text).includes('Earthquake') ? 'b' : 'd')).join('');
    expect(kinds).toBe(`${'b'.repeat(20)}${'d'.repeat(300)}`);
    expect(bot.telegram.tooManyRequests).toBe(0);
  });
});
