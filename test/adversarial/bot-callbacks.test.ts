/**
 * Button presses nobody's keyboard offered: random data, data too long for Telegram, another
 * feature's prefix, another chat's buttons, and real buttons pressed twice or after the state they
 * showed has changed. Each press is answered once, in the user's language, and changes nothing it
 * should not.
 */
import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';
import { callbackUpdate, myChatMemberUpdate } from '../../src/telegram-double/updates.ts';
import type { SentMessage } from '../../src/telegram-double/types.ts';

const bot = useTestBot();
/** A stale button, or (for the editors' own prefixes) a plain "not for you". */
const EXPIRED = {
  en: /no longer valid|for the bot's editors/,
  ru: /больше не действует|только для редакторов/,
  ar: /لم يعد هذا الزر صالحاً|لمحرري البوت فقط/,
} as const;
type Locale = keyof typeof EXPIRED;
const GENERIC = /something went wrong|что-то пошло не так|حدث خطأ من جهتي/;

/** Presses `data` on `message` as if its button said so; returns the answers the press got. */
async function pressData(chatId: number, data: string, languageCode: Locale, message: SentMessage, userId = chatId) {
  const before = bot.telegram.callsOf('answerCallbackQuery').length;
  await bot.app.bot.handleUpdate(
    callbackUpdate({ chatId, userId, data, messageId: message.message_id, messageText: message.plain_text, replyMarkup: message.reply_markup, languageCode }),
  );
  return bot.telegram.callsOf('answerCallbackQuery').slice(before).map((c) => String(c.payload.text ?? ''));
}

/** The message as the chat shows it now: Telegram sends that state with every press. */
const fresh = (message: SentMessage): SentMessage =>
  bot.telegram.sentMessages(message.chat_id).find((m) => m.message_id === message.message_id) ?? message;

/** What a press must not change: the chat's settings, subscriptions and mutes. */
function state(chatId: number) {
  const record = bot.app.services.chats.get(chatId);
  const settings = Object.fromEntries(Object.entries(record ?? {}).filter(([key]) => !/at$|seen/i.test(key)));
  return { settings, subscriptions: bot.app.services.subscriptions.list(chatId), mutes: bot.app.services.mutes.list(chatId) };
}

/** A seeded generator, so a failing case names data that fails again. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = ['', 'sub:', 'sub:y:', 'sub:x:', 'uns:', 'set:', 'set:um:', 'lang:', 'srch:', 'srchp:', 'chn:', 'chn:m:', 'rl:', 'dg:more:', 'dg:less:', 'dg:t:', 'dg:tw:', 'kw:', 'src:', 'brk:'];
const ALPHABET = ['a', 'Z', '0', '9', ':', '*', '+', '-', '_', ' ', '\u0000', '\u202E', '\u200B', 'é', 'ж', 'م', '😀', '\uD800', '\uDC00', '%', '\n'];

function forgedData(next: () => number, prefix: string): string {
  let data = prefix;
  const length = 1 + Math.floor(next() * 30);
  for (let i = 0; i < length; i++) {
    const piece = ALPHABET[Math.floor(next() * ALPHABET.length)] as string;
    if (Buffer.byteLength(data + piece, 'utf8') > 64) break;
    data += piece;
  }
  return data;
}

async function expectRefused(chatId: number, data: string, locale: Locale, message: SentMessage) {
  const before = state(chatId);
  const answers = await pressData(chatId, data, locale, message);
  expect(answers, `answers to ${JSON.stringify(data)}`).toHaveLength(1);
  expect(answers[0]).not.toMatch(GENERIC);
  expect(answers[0]).toMatch(EXPIRED[locale]);
  expect(state(chatId)).toEqual(before);
  expect(bot.telegram.violations).toEqual([]);
}

describe('forged callback data', () => {
  it.each([['en', 1], ['ru', 2], ['ar', 3]] as const)('refuses 60 random button payloads in %s (seed %i) and changes nothing', async (locale, seed) => {
    const chatId = 7000 + seed;
    await bot.say({ chatId, text: '/subscribe Egypt', languageCode: locale });
    await bot.say({ chatId, text: '/settings', languageCode: locale });
    const screen = bot.last(chatId);
    const next = random(seed);
    for (let i = 0; i < 60; i++) await expectRefused(chatId, forgedData(next, PREFIXES[i % PREFIXES.length] as string), locale, screen);
  });

  it.each([
    ['a subscribe button', 'sub:y:EG:all'],
    ['a language button', 'lang:ru'],
    ['a settings button', 'set:f:weekly'],
    ['an unsubscribe button', 'uns:everything'],
  ])('refuses %s padded past Telegram’s 64 bytes', async (_name, valid) => {
    await bot.say({ chatId: 7010, text: '/settings', languageCode: 'ru' });
    await expectRefused(7010, `${valid}:${'x'.repeat(70 - valid.length)}`, 'ru', bot.last(7010));
    await expectRefused(7010, `${valid}${'\u0000'.repeat(60)}`, 'ru', bot.last(7010));
  });

  it.each([
    ['a region and topic under the language prefix', 'lang:EG:all'],
    ['a language under the subscribe prefix', 'sub:ru'],
    ['a frequency under the unsubscribe prefix', 'uns:f:daily'],
    ['a subscription under the settings prefix', 'set:EG:all'],
    ['a settings verb under the search prefix', 'srch:f:1'],
    ['a language under the channels prefix', 'chn:ru'],
    ['a region where a reading language goes', 'rl:add:EG'],
    ['a digest page with a subscription', 'dg:more:EG:all:x'],
    ['an unknown region in a real shape', 'sub:y:ATLANTIS:all'],
    ['an unknown topic in a real shape', 'uns:EG:gossip'],
    ['a time zone index past the list', 'set:z:99999'],
    ['a weekday that does not exist', 'set:d:7'],
  ])('refuses %s, in Arabic', async (_name, data) => {
    await bot.say({ chatId: 7020, text: '/subscribe Egypt', languageCode: 'ar' });
    await bot.say({ chatId: 7020, text: '/settings', languageCode: 'ar' });
    await expectRefused(7020, data, 'ar', bot.last(7020));
  });
});

describe('other chats’ buttons', () => {
  it('refuses a search page of another chat and shows nothing of its query', async () => {
    bot.app.ingestor.ingest(Array.from({ length: 7 }, (_, i) => ({
      url: `https://news.example/secret-${i}`, title: `Secret inflation memo ${i}`, text: 'Inflation memo for the board.', lang: 'en', publishedAt: bot.clock.now() - i * 60_000,
    })));
    await bot.say({ chatId: 7030, text: '/search inflation memo', languageCode: 'en' });
    const theirs = bot.last(7030);
    const next = theirs.reply_markup?.inline_keyboard.flat().find((b) => b.text === '▶');
    expect(next && 'callback_data' in next).toBe(true);
    await bot.say({ chatId: 7031, text: '/settings', languageCode: 'ru' });
    await expectRefused(7031, (next as { callback_data: string }).callback_data, 'ru', bot.last(7031));
    expect(bot.telegram.sentMessages(7031).map((m) => m.plain_text).join('\n')).not.toContain('Secret');
  });

  it('refuses to hand a channel to someone who does not administer it', async () => {
    const channel = -1_001_000_000_777;
    bot.telegram.setChat({ id: channel, type: 'channel', title: 'Board Room' });
    bot.telegram.setChatMemberStatus(channel, 7040, 'administrator');
    bot.telegram.setChatMemberStatus(channel, 7041, 'member');
    await bot.app.bot.handleUpdate(myChatMemberUpdate({ chatId: channel, chatType: 'channel', chatTitle: 'Board Room', userId: 7040, oldStatus: 'left', newStatus: 'administrator' }));
    await bot.say({ chatId: 7041, text: '/settings', languageCode: 'en' });
    const answers = await pressData(7041, `chn:m:${channel}`, 'en', bot.last(7041));
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatch(/Board Room/);
    expect(answers[0]).not.toMatch(GENERIC);
    await bot.say({ chatId: 7041, text: '/subscribe Egypt', languageCode: 'en' });
    expect(bot.app.services.subscriptions.list(channel)).toEqual([]);
    expect(bot.app.services.subscriptions.list(7041)).toHaveLength(1);
  });

  it('refuses a group’s settings button pressed by a member who is not an admin, in Russian', async () => {
    const group = -4242;
    bot.telegram.setChatMemberStatus(group, 7050, 'member');
    await bot.say({ chatId: group, userId: 7050, text: '/settings', languageCode: 'ru' });
    const before = state(group);
    const answers = await pressData(group, 'set:f:weekly', 'ru', bot.last(group), 7050);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatch(/администратор/i);
    expect(state(group)).toEqual(before);
  });
});

describe('replayed buttons', () => {
  it('stores a suggested subscription once when its button is pressed twice, in Russian', async () => {
    await bot.say({ chatId: 7060, text: '/subscribe Египт', languageCode: 'ru' });
    const offer = bot.last(7060);
    await bot.press(7060, offer, /Египет/, 'ru');
    await bot.press(7060, offer, /Египет/, 'ru');
    expect(bot.app.services.subscriptions.list(7060).map((s) => s.region)).toEqual(['EG']);
    expect(bot.last(7060).plain_text).not.toMatch(GENERIC);
  });

  it('removes everything once and undoes once when “remove all” and “undo” are each pressed twice, in English', async () => {
    for (const place of ['Egypt', 'Iran', 'Tajikistan']) await bot.say({ chatId: 7070, text: `/subscribe ${place}`, languageCode: 'en' });
    await bot.say({ chatId: 7070, text: '/unsubscribe all', languageCode: 'en' });
    const confirm = bot.last(7070);
    await bot.press(7070, confirm, /Yes, remove all/, 'en');
    const removed = bot.last(7070);
    // The second tap of a double tap reaches the bot after the first has edited the message.
    await pressData(7070, 'uns:really', 'en', fresh(confirm));
    expect(bot.app.services.subscriptions.list(7070)).toEqual([]);
    await bot.press(7070, removed, /Undo/, 'en');
    expect(bot.app.services.subscriptions.list(7070)).toHaveLength(3);
    const answers = await pressData(7070, 'uns:undo', 'en', fresh(removed));
    expect(answers).toHaveLength(1);
    expect(answers[0]).not.toMatch(GENERIC);
    expect(bot.app.services.subscriptions.list(7070)).toHaveLength(3);
  });

  it('answers an unsubscribe button pressed after the subscription is gone, in Arabic', async () => {
    await bot.say({ chatId: 7080, text: '/subscribe Egypt', languageCode: 'ar' });
    await bot.say({ chatId: 7080, text: '/unsubscribe', languageCode: 'ar' });
    const list = bot.last(7080);
    await bot.press(7080, list, /✖/, 'ar');
    const answers = await pressData(7080, 'uns:EG:all', 'ar', fresh(list));
    expect(answers).toHaveLength(1);
    expect(bot.app.services.subscriptions.list(7080)).toEqual([]);
    expect(bot.last(7080).plain_text).toMatch(/[\u0621-\u064A]{3}/);
  });

  it('refuses a weekday button on an old screen once the schedule is daily again, in Russian', async () => {
    await bot.say({ chatId: 7090, text: '/settings', languageCode: 'ru' });
    const old = bot.last(7090);
    await bot.press(7090, old, /Еженедельно|Раз в неделю/, 'ru');
    await bot.say({ chatId: 7090, text: '/settings', languageCode: 'ru' });
    await bot.press(7090, bot.last(7090), /Ежедневно|Каждый день/, 'ru');
    const before = state(7090);
    const answers = await pressData(7090, 'set:d:3', 'ru', fresh(old));
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatch(EXPIRED.ru);
    expect(state(7090)).toEqual(before);
    expect(before.settings.frequency).toBe('daily');
  });

  it.each([['en', /Daily/], ['ru', /Ежедневно|Каждый день/], ['ar', /يومي/]] as const)(
    'answers the same settings button pressed twice without a second edit Telegram would refuse (%s)',
    async (locale, daily) => {
      await bot.say({ chatId: 7095, text: '/settings', languageCode: locale });
      const screen = bot.last(7095);
      await bot.press(7095, fresh(screen), daily, locale);
      await bot.press(7095, fresh(screen), daily, locale);
      const answers = bot.telegram.callsOf('answerCallbackQuery').slice(-2);
      expect(answers).toHaveLength(2);
      expect(bot.telegram.violations).toEqual([]);
      expect(bot.app.services.chats.get(7095)?.frequency).toBe('daily');
    },
  );

  it('answers “back to my chat” pressed when no channel is managed, in English', async () => {
    await bot.say({ chatId: 7100, text: '/settings', languageCode: 'en' });
    const before = state(7100);
    const answers = await pressData(7100, 'chn:back', 'en', bot.last(7100));
    expect(answers).toHaveLength(1);
    expect(state(7100)).toEqual(before);
  });
});
