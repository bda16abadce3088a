import type { MessageEntity } from 'telegraf/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDigest, visibleLength, type DigestItem, type DigestMessage, type FormatOptions } from '../../src/digests/format.ts';
import { createI18n, type I18n } from '../../src/i18n.ts';
import { parseHtml } from '../../src/telegram-double/html.ts';

const FSI = '\u2068';
const PDI = '\u2069';
const NOW = Date.parse('2026-11-29T21:30Z');
const ALLOWED_ENTITIES = new Set<MessageEntity['type']>(['bold', 'italic', 'text_link', 'blockquote']);

const NAMES: Record<string, Record<string, string>> = {
  en: { TJ: 'Tajikistan', 'RU-TA': 'Tatarstan', security: 'Security' },
  ru: { TJ: 'Таджикистан', 'RU-TA': 'Татарстан', security: 'Безопасность' },
  ar: { TJ: 'طاجيكستان', 'RU-TA': 'تتارستان', security: 'الأمن' },
};

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n();
});

function options(locale: FormatOptions['locale'], overrides: Partial<FormatOptions> = {}): FormatOptions {
  return {
    locale,
    timeZone: 'Asia/Dushanbe',
    t: i18n.translator(locale),
    groupName: (id) => NAMES[locale]?.[id] ?? id,
    more: 0,
    now: NOW,
    ...overrides,
  };
}

function item(articleId: number, overrides: Partial<DigestItem> = {}): DigestItem {
  return {
    articleId,
    title: `Story ${articleId}`,
    url: `https://news.example/${articleId}`,
    sourceName: 'Asia-Plus',
    publishedAt: NOW - 60 * 60_000,
    summary: ['One sentence.', 'Another sentence.'],
    lang: 'en',
    group: 'TJ',
    ...overrides,
  };
}

/** Parses like Telegram (tdlib's parser, strict about escaping) and checks what a digest may use. */
function telegramView(message: DigestMessage): { text: string; entities: MessageEntity[] } {
  const parsed = parseHtml(message.text, true);
  for (const entity of parsed.entities) {
    expect(ALLOWED_ENTITIES.has(entity.type), `entity ${entity.type}`).toBe(true);
    if (entity.type === 'text_link') expect(entity.url).toMatch(/^https?:\/\//);
  }
  expect(parsed.text.trim().length).toBeLessThanOrEqual(4096);
  expect(visibleLength(message.text)).toBe(parsed.text.length);
  return parsed;
}

function words(count: number, word: string): string {
  return Array.from({ length: count }, (_, i) => `${word}${i % 10}`).join(' ');
}

describe('escaping', () => {
  it('shows a title full of markup as text', () => {
    const title = `<script>alert("x")</script> & 'co' &amp;`;
    const [message] = formatDigest([item(1, { title, summary: ['<b>not bold</b> & more'] })], options('en'));
    if (!message) throw new Error('no message');
    expect(message.text).not.toContain('<script');
    const view = telegramView(message);
    expect(view.text).toContain(title);
    expect(view.text).toContain('<b>not bold</b> & more');
  });

  it('puts a URL with & and quotes into a valid href', () => {
    const url = `https://news.example/it's?a=1&b="2"#x`;
    const [message] = formatDigest([item(1, { url })], options('en'));
    if (!message) throw new Error('no message');
    const link = telegramView(message).entities.find((e) => e.type === 'text_link');
    expect(link && 'url' in link ? link.url : undefined).toBe(new URL(url).href);
    expect(new URL(url).href).toContain("it's?a=1&b=");
  });

  it('links only http and https URLs and shows other titles in bold', () => {
    const [message] = formatDigest(
      [item(1, { url: 'javascript:alert(1)' }), item(2, { url: null }), item(3, { url: 'not a url' })],
      options('en'),
    );
    if (!message) throw new Error('no message');
    const view = telegramView(message);
    expect(view.entities.filter((e) => e.type === 'text_link')).toEqual([]);
    expect(message.text).toContain('<b>Story 2</b>');
  });

  it('keeps a summary to one paragraph and drops stray bidi controls', () => {
    const [message] = formatDigest([item(1, { summary: ['Line one\nline two', '\u202Espoof'] })], options('en'));
    if (!message) throw new Error('no message');
    expect(telegramView(message).text).toContain('Line one line two spoof');
  });
});

describe('splitting', () => {
  function checkSplit(items: DigestItem[], messages: DigestMessage[], groupNames: Record<string, string>): void {
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.flatMap((m) => m.articleIds)).toEqual(items.map((i) => i.articleId));
    for (const [index, message] of messages.entries()) {
      const view = telegramView(message);
      if (index > 0) {
        // A continuation opens with the heading of its first item's group (after Arabic's RLM).
        const group = items.find((i) => i.articleId === message.articleIds[0])?.group ?? '';
        expect(view.text.replace(/^\u200F/, '').startsWith(`${groupNames[group]}\n\n`)).toBe(true);
      }
      // Every item of a message arrives whole: its title and its complete summary.
      for (const id of message.articleIds) {
        const it = items.find((i) => i.articleId === id);
        expect(view.text).toContain(it?.title);
        expect(view.text).toContain(it?.summary.join(' '));
      }
    }
  }

  it('keeps every Arabic message within 4096 visible units and never splits an item', () => {
    const items = Array.from({ length: 60 }, (_, i) =>
      item(i + 1, {
        title: `طاجيكستان تفتتح محطة كهرومائية جديدة رقم ${i + 1}`,
        sourceName: 'الجزيرة',
        summary: [words(40, 'كلمة') + '.', words(30, 'سد') + '.'],
        lang: 'ar',
        group: i < 30 ? 'TJ' : 'security',
      }),
    );
    checkSplit(items, formatDigest(items, options('ar')), NAMES.ar ?? {});
  });

  it('keeps every Cyrillic message within 4096 visible units and never splits an item', () => {
    const items = Array.from({ length: 60 }, (_, i) =>
      item(i + 1, {
        title: `В Казани открыли новый мост через Волгу № ${i + 1} & <мост>`,
        sourceName: 'ТАСС',
        summary: [words(50, 'Татарстан') + '.'],
        lang: 'ru',
        group: 'RU-TA',
      }),
    );
    checkSplit(items, formatDigest(items, options('ru')), NAMES.ru ?? {});
  });

  it('repeats the group heading at the top of a continuation message', () => {
    const items = Array.from({ length: 40 }, (_, i) => item(i + 1, { summary: [words(60, 'energy')], group: i < 20 ? 'TJ' : 'security' }));
    const messages = formatDigest(items, options('en'));
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages.slice(1)) {
      const firstId = message.articleIds[0];
      const group = items.find((i) => i.articleId === firstId)?.group ?? '';
      const heading = NAMES.en?.[group] ?? '';
      expect(message.text.startsWith(`<b>${heading}</b>\n\n`)).toBe(true);
    }
  });

  it('starts only the first message with the header', () => {
    const items = Array.from({ length: 30 }, (_, i) => item(i + 1, { summary: [words(80, 'word')] }));
    const messages = formatDigest(items, options('en'));
    expect(messages[0]?.text.startsWith('📰 <b>Your briefing')).toBe(true);
    expect(messages.slice(1).some((m) => m.text.includes('Your briefing'))).toBe(false);
  });

  it('cuts one giant item at a word boundary with an ellipsis and keeps its link', () => {
    const summary = words(3000, 'lorem');
    const messages = formatDigest([item(7, { summary: [summary] })], options('en'));
    expect(messages).toHaveLength(1);
    const [message] = messages;
    if (!message) throw new Error('no message');
    const view = telegramView(message);
    expect(message.articleIds).toEqual([7]);
    expect(view.entities.some((e) => e.type === 'text_link' && e.url === 'https://news.example/7')).toBe(true);
    const shown = view.text.split('\n').at(-1) ?? '';
    expect(shown.endsWith('…')).toBe(true);
    const kept = shown.slice(0, -1);
    expect(summary.startsWith(kept)).toBe(true);
    expect(summary[kept.length]).toBe(' ');
    expect(view.text.length).toBeGreaterThan(3500);
  });

  it('keeps the raw HTML bounded when escaping makes it longer than the text', () => {
    const summary = Array.from({ length: 2000 }, () => '&<>').join(' ');
    const [message] = formatDigest([item(1, { summary: [summary] })], options('en'));
    if (!message) throw new Error('no message');
    telegramView(message);
    expect(message.text.length).toBeLessThanOrEqual(12_288);
  });
});

describe('Arabic digests', () => {
  it('isolate Latin titles and sources and keep Arabic ones as they are', () => {
    const [message] = formatDigest(
      [item(1, { title: 'Reuters: Tajikistan opens a dam', sourceName: 'Reuters' }), item(2, { title: 'افتتاح سد في طاجيكستان', sourceName: 'الجزيرة' })],
      options('ar'),
    );
    if (!message) throw new Error('no message');
    const text = telegramView(message).text;
    expect(text).toContain(`${FSI}Reuters: Tajikistan opens a dam${PDI}`);
    expect(text).toContain(`${FSI}Reuters${PDI}`);
    expect(text).not.toContain(`${FSI}افتتاح`);
    // Each line opens with a right-to-left mark so lines that start with Latin text stay right-aligned.
    expect(text.split('\n').filter((l) => l.includes('Tajikistan opens')).every((l) => l.startsWith('\u200F'))).toBe(true);
  });
});

describe('header and footer', () => {
  const cases: [FormatOptions['locale'], number, string][] = [
    ['en', 1, '+1 more story'],
    ['en', 5, '+5 more stories'],
    ['ru', 1, 'ещё 1 новость'],
    ['ru', 3, 'ещё 3 новости'],
    ['ru', 5, 'ещё 5 новостей'],
    ['ar', 1, 'وخبر آخر'],
    ['ar', 2, 'وخبران آخران'],
    ['ar', 3, 'و3 أخبار أخرى'],
    ['ar', 11, 'و11 خبراً آخر'],
    ['ar', 100, 'و100 خبر آخر'],
  ];
  it.each(cases)('ends a %s digest with %i left out by the cap as "%s"', (locale, more, expected) => {
    const messages = formatDigest([item(1)], options(locale, { more }));
    const last = messages.at(-1);
    if (!last) throw new Error('no message');
    expect(telegramView(last).text.trimEnd().endsWith(expected)).toBe(true);
  });

  it('counts every new story in the header, the ones left out included', () => {
    expect(formatDigest([item(1)], options('en'))[0]?.text).toContain('\n1 new story');
    expect(formatDigest([item(1), item(2)], options('en', { more: 3 }))[0]?.text).toContain('\n5 new stories');
    expect(formatDigest([item(1), item(2)], options('ru', { more: 3 }))[0]?.text).toContain('\n5 новостей');
    expect(formatDigest([item(1), item(2)], options('ar'))[0]?.text).toContain('\nخبران جديدان');
  });

  it('dates the digest and its items in the chat\'s zone and language', () => {
    // 21:30Z on 29 November is already 30 November in Dushanbe (UTC+5), still the 29th in New York.
    const dushanbe = formatDigest([item(1, { publishedAt: Date.parse('2026-11-29T21:00Z') })], options('en'))[0]?.text ?? '';
    expect(dushanbe).toContain('November 30, 2026');
    expect(dushanbe).toMatch(/Asia-Plus · 2:00\sAM/);
    const newYork = formatDigest([item(1, { publishedAt: Date.parse('2026-11-29T21:00Z') })], options('en', { timeZone: 'America/New_York' }))[0]?.text ?? '';
    expect(newYork).toContain('November 29, 2026');
    expect(newYork).toMatch(/Asia-Plus · 4:00\sPM/);
    const russian = formatDigest([item(1, { publishedAt: Date.parse('2026-11-29T18:00Z') })], options('ru'))[0]?.text ?? '';
    expect(russian).toContain('30 ноября 2026');
    expect(russian).toContain('Asia-Plus · 29 нояб., 23:00');
  });

  it('sends nothing when nothing is new', () => {
    expect(formatDigest([], options('en', { more: 0 }))).toEqual([]);
    expect(i18n.t('ru', 'digest.empty')).toContain('ничего нового');
  });

  it('marks breaking items and groups items under the heading of their first appearance', () => {
    const messages = formatDigest(
      [item(1, { group: 'TJ', isBreaking: true }), item(2, { group: 'security' }), item(3, { group: 'TJ' })],
      options('en'),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]?.articleIds).toEqual([1, 3, 2]);
    const text = telegramView(messages[0] as DigestMessage).text;
    expect(text).toContain('🚨 Breaking Story 1');
    expect(text.indexOf('Tajikistan')).toBeLessThan(text.indexOf('Story 3'));
    expect(text.indexOf('Story 3')).toBeLessThan(text.indexOf('Security'));
  });
});

describe('visible length', () => {
  it('counts text after tags are removed and entities decoded, in UTF-16 units', () => {
    expect(visibleLength('<b>a&amp;b</b> &#39;<a href="https://x.example/?a=1&amp;b=2">𝕏</a>')).toBe(7);
  });
});
