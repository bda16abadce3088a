/**
 * Hostile text typed after each command: control and bidi characters, broken UTF-16, zero-width
 * padding and messages near Telegram's 4096-character limit. Whatever arrives, the user gets an
 * answer in their language that Telegram accepts, and nothing they did not mean is stored.
 */
import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';

const LONG = 4000;
/**
 * The subscription a payload may fairly be read as, when the hostile part is junk around real words:
 * the words may be followed, the junk never stored.
 */
const MEANT: Record<string, string> = { 'a lone high surrogate': 'EG:all', 'a lone low surrogate at the start': 'all:economy' };
const PAYLOADS: Record<string, string> = {
  'null bytes': 'Egypt\u0000economy\u0000\u0000',
  'only null bytes': '\u0000'.repeat(40),
  'a right-to-left override': '\u202EtpygE ymonoce\u202C',
  'bidi embeddings and isolates': '\u202Bx\u202A\u2066y\u2069\u2067z\u2069\u200F',
  'a lone high surrogate': 'Egypt \uD800',
  'a lone low surrogate at the start': '\uDC00economy',
  'zero-width characters only': '\u200B\u200C\u200D\u2060\uFEFF',
  '4,000 Latin letters': 'a'.repeat(LONG),
  '4,000 code units of emoji': '😀'.repeat(LONG / 2),
  'a known word then 4,000 characters': `Egypt ${'x'.repeat(LONG - 6)}`,
  '4,000 characters of an Arabic word and a lone surrogate': `${'م'.repeat(LONG - 1)}\uDBFF`,
  'HTML that must stay text': '<b>x</b> &amp; <a href="javascript:1">y</a> &',
};

const COMMANDS = ['subscribe', 'search', 'schedule', 'quiet', 'language', 'unsubscribe', 'editions', 'channels'] as const;
const LOCALES = ['ar', 'ru', 'en'] as const;
type Locale = (typeof LOCALES)[number];

/** The answer's own words, not the echoed input, decide its language. */
const SCRIPT: Record<Locale, RegExp> = { ar: /[\u0621-\u064A]{3}/, ru: /[а-яё]{3}/i, en: /\b(the|I|you|a|to|is|of|for|or|no|not|try|send)\b/i };
const GENERIC = [/something went wrong/, /что-то пошло не так/, /حدث خطأ من جهتي/];

const bot = useTestBot();
let nextChat = 5000;

async function send(text: string, languageCode: Locale) {
  const chatId = nextChat++;
  const before = bot.telegram.sentMessages(chatId).length;
  await bot.say({ chatId, text, languageCode });
  const sent = bot.telegram.sentMessages(chatId);
  return { chatId, answers: sent.slice(before) };
}

function expectClearAnswer(answers: ReturnType<typeof bot.telegram.sentMessages>, locale: Locale) {
  expect(bot.telegram.violations).toEqual([]);
  expect(answers.length).toBeGreaterThan(0);
  const text = answers.map((m) => m.plain_text).join('\n');
  for (const generic of GENERIC) expect(text).not.toMatch(generic);
  expect(text).toMatch(SCRIPT[locale]);
}

function expectNothingStored(chatId: number, locale: Locale, meant: string | undefined) {
  const services = bot.app.services;
  const stored = services.subscriptions.list(chatId).map((s) => `${s.region}:${s.topic}${[...s.include, ...s.exclude].join(',')}`);
  expect(meant === undefined ? [[]] : [[], [meant]]).toContainEqual(stored);
  const record = services.chats.get(chatId);
  expect(record?.digestTime).toBe(bot.app.config.defaultDigestTime);
  expect(record?.quietStart ?? null).toBeNull();
  // The chat speaks the language Telegram reported, not one a hostile /language smuggled in.
  expect(services.chats.localeOf(record, locale)).toBe(locale);
}

describe.each(COMMANDS.map((c, i) => [c, i] as const))('/%s with hostile arguments', (command, index) => {
  it.each(Object.entries(PAYLOADS).map(([name, payload], j) => [name, LOCALES[(index + j) % LOCALES.length] as Locale, payload] as const))(
    'answers arguments made of %s in the user\'s language (%s), stores nothing and breaks no Telegram rule',
    async (name, locale, payload) => {
      const { chatId, answers } = await send(`/${command} ${payload}`, locale);
      expectClearAnswer(answers, locale);
      expectNothingStored(chatId, locale, command === 'subscribe' ? MEANT[name] : undefined);
    },
  );
});

describe('hostile commands themselves', () => {
  it.each(LOCALES)('answers a 4,000-character unknown command in %s without echoing it', async (locale) => {
    const { answers } = await send(`/${'z'.repeat(LONG)}`, locale);
    expectClearAnswer(answers, locale);
  });

  it.each(LOCALES)('answers a command hidden behind zero-width and bidi characters in %s', async (locale) => {
    const { chatId, answers } = await send('\u200B\u202E/subscribe Egypt', locale);
    expect(bot.telegram.violations).toEqual([]);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.map((m) => m.plain_text).join('\n')).toMatch(SCRIPT[locale]);
    expect(bot.app.services.subscriptions.list(chatId)).toEqual([]);
  });

  it.each(LOCALES)('treats a command with null bytes and a lone surrogate in its name as unknown in %s', async (locale) => {
    const { chatId, answers } = await send('/subscr\u0000ibe\uD800 Egypt', locale);
    expectClearAnswer(answers, locale);
    expect(bot.app.services.subscriptions.list(chatId)).toEqual([]);
  });
});
