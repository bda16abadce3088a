import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { SUPPORTED_LOCALES, type Locale } from './config.ts';

export const LOCALES_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', 'locales');

export type TranslateOptions = Record<string, unknown>;
export type Translate = (key: string, options?: TranslateOptions) => string;

export interface I18n {
  t(locale: Locale, key: string, options?: TranslateOptions): string;
  translator(locale: Locale): Translate;
  /**
   * A string with only string values to fill, made once and filled many times: the same output as
   * t(locale, key, values), without i18next's interpolation on every call (a digest's source line).
   */
  template(locale: Locale, key: string, names: readonly string[]): (values: Record<string, string>) => string;
}

const FSI = '\u2068';
const PDI = '\u2069';
const ARABIC_LETTER = /[\u0600-\u06FF]/;
const LTR_CHAR = /[A-Za-z0-9\u0400-\u04FF]/;

/** Telegram HTML needs only these four escaped; i18next's default also mangles "/". */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Inside Arabic sentences a Latin name, a number or a Cyrillic word can drag the neighbouring
 * punctuation into the wrong direction; first-strong isolates keep each value in its own run.
 */
/** A run of Latin or Cyrillic words, with what belongs inside it (digits, "HH:MM", "[RU]", "Asia/Dushanbe"). */
const LTR_RUN = /[[(]?[\p{Script=Latin}\p{Script=Cyrillic}](?:[\p{Script=Latin}\p{Script=Cyrillic}\d_.:'’+/|-]|\s(?=[\p{Script=Latin}\p{Script=Cyrillic}\d]))*[\])]?/gu;

export function isolateForRtl(value: string): string {
  if (!LTR_CHAR.test(value) || ARABIC_LETTER.test(value)) return value;
  return `${FSI}${value}${PDI}`;
}

export function readLocaleFile(locale: Locale): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LOCALES_FOLDER, `${locale}.json`), 'utf8')) as Record<string, unknown>;
}

/**
 * One layout rule for every Arabic message, applied to what the translator returns: a Latin or
 * Cyrillic run in Arabic text ("Briefings", "HH:MM", "[RU]") is isolated, so it cannot pull the
 * words and punctuation around it into its own direction; a command gets a left-to-right mark before
 * its slash instead (the slash is neutral and would show as "subscribe/"), which keeps it a command.
 * Tags, entities, code, and what is isolated already are left as they are.
 */
export function keepCommandsLeftToRight(text: string): string {
  const commands = text.replace(/(^|[\s(«"،:])(\/[A-Za-z0-9_]{1,32})(?![\w/])/g, '$1\u200E$2');
  if (!ARABIC_LETTER.test(commands)) return commands;
  return commands.replace(/<code>[\s\S]*?<\/code>|<[^>]*>|&#?\w+;|\u2068[^\u2069]*\u2069|\u200E\/\w+|[^<&\u2068\u200E]+/g, (part) => {
    if (/^(<|&|\u2068|\u200E)/.test(part)) return part;
    return part.replace(LTR_RUN, (run) => `${FSI}${run}${PDI}`);
  });
}

export async function createI18n(): Promise<I18n> {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, { translation: readLocaleFile(l) }]));
  await instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LOCALES],
    returnNull: false,
    interpolation: { escapeValue: true, escape: escapeHtml },
  });

  const t = (locale: Locale, key: string, options: TranslateOptions = {}): string => {
    const values =
      locale === 'ar'
        ? Object.fromEntries(
            Object.entries(options).map(([k, v]) => [k, typeof v === 'string' && k !== 'url' ? isolateForRtl(v) : v]),
          )
        : options;
    const out = instance.t(key, { ...values, lng: locale });
    return locale === 'ar' ? keepCommandsLeftToRight(out) : out;
  };
  const template: I18n['template'] = (locale, key, names) => {
    // Private-use marks stand in for the values: no translation contains them, and neither escaping
    // nor the Arabic layout rule touches them.
    const marks = names.map((_, i) => String.fromCharCode(0xe000 + i));
    const raw = instance.t(key, { ...Object.fromEntries(names.map((name, i) => [name, marks[i]])), lng: locale });
    const pieces = raw.split(/([\uE000-\uE0FF])/u);
    const slots = pieces.map((piece) => (piece.length === 1 && piece >= '\uE000' && piece <= '\uE0FF' ? names[piece.charCodeAt(0) - 0xe000] : undefined));
    return (values) => {
      let out = '';
      for (let i = 0; i < pieces.length; i++) {
        const name = slots[i];
        if (name === undefined) out += pieces[i];
        else {
          const value = values[name] ?? '';
          out += escapeHtml(locale === 'ar' ? isolateForRtl(value) : value);
        }
      }
      return locale === 'ar' ? keepCommandsLeftToRight(out) : out;
    };
  };
  return {
    t,
    translator: (locale) => (key, options) => t(locale, key, options),
    template,
  };
}

/** Formats an instant in the chat's locale and zone, e.g. for digest items and search results. */
export function formatDateTime(at: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}
