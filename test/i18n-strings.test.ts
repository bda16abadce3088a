import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../src/config.ts';
import { readLocaleFile } from '../src/i18n.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** What Telegram's HTML parse mode takes; anything else would be refused or shown as text. */
const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'code', 'pre', 'a', 'blockquote', 'tg-spoiler']);

function entries(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}

const all = SUPPORTED_LOCALES.flatMap((locale) => entries(readLocaleFile(locale)).map(([key, text]) => ({ locale, key, text })));

describe('every locale string', () => {
  it('puts a count through plural rules: a string with {{count}} is one form of a plural key', () => {
    const bare = all.filter((s) => /\{\{count\b/.test(s.text) && !PLURAL.test(s.key)).map((s) => `${s.locale} ${s.key}`);
    expect(bare).toEqual([]);
  });

  it('uses only tags Telegram’s HTML allows, each closed in order', () => {
    const bad: string[] = [];
    for (const { locale, key, text } of all) {
      const open: string[] = [];
      for (const m of text.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
        const [, closing, tag = ''] = m;
        if (!TAGS.has(tag)) bad.push(`${locale} ${key}: <${tag}>`);
        else if (!closing) open.push(tag);
        else if (open.pop() !== tag) bad.push(`${locale} ${key}: </${tag}> out of order`);
      }
      if (open.length > 0) bad.push(`${locale} ${key}: <${open.join('>, <')}> left open`);
      // A lone "<" or "&" would break the parse: they must come escaped.
      if (/<(?![a-z/])|&(?![a-z]+;|#\d+;)/.test(text)) bad.push(`${locale} ${key}: unescaped < or &`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps button labels, toasts and command descriptions free of markup: Telegram shows them as plain text', () => {
    const plain = all.filter((s) => /(^|\.)(button|.*_button|button_.*|.*_toast|commands\..*|admin_commands\..*)$/.test(s.key.replace(PLURAL, '')) || s.key.startsWith('commands.'));
    expect(plain.length).toBeGreaterThan(30);
    expect(plain.filter((s) => /<[a-z/]/.test(s.text)).map((s) => `${s.locale} ${s.key}`)).toEqual([]);
  });
});
