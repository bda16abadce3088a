// The library's core only: its package entry registers names in every one of its ~80 languages,
// which the process would hold for good; ours come from the three JSON files below.
import isoCountries from 'i18n-iso-countries/index.js';
import arNames from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import enNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ruNames from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import type { Locale } from '../config.ts';

const LIBRARY_NAMES: Record<Locale, Readonly<Record<string, string | readonly string[]>>> = {
  en: enNames.countries,
  ru: ruNames.countries,
  ar: arNames.countries,
};

// ICU's long names are formal ("Hong Kong SAR China", "Congo - Kinshasa"); these read better in a menu.
const SHORT_STYLE = new Set(['HK', 'MO', 'PS', 'MM']);
const DISPLAY_OVERRIDES: Readonly<Record<string, Partial<Record<Locale, string>>>> = {
  CD: { en: 'DR Congo', ru: 'ДР Конго', ar: 'الكونغو الديمقراطية' },
  CG: { en: 'Republic of the Congo', ru: 'Республика Конго', ar: 'جمهورية الكونغو' },
  KR: { ru: 'Южная Корея' },
  US: { ru: 'США' },
};

/** Every ISO 3166-1 alpha-2 code the library knows (XK Kosovo included), sorted. */
export function countryCodes(): string[] {
  return Object.keys(isoCountries.getAlpha2Codes()).sort();
}

export function alpha3Of(code: string): string | undefined {
  return isoCountries.alpha2ToAlpha3(code);
}

export function createCountryNamer(): (code: string, locale: Locale) => string {
  const namers = new Map<string, Intl.DisplayNames>();
  const namer = (locale: Locale, style: 'long' | 'short') => {
    const key = `${locale}:${style}`;
    let dn = namers.get(key);
    if (!dn) {
      dn = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'code' });
      namers.set(key, dn);
    }
    return dn;
  };
  return (code, locale) =>
    DISPLAY_OVERRIDES[code]?.[locale] ?? namer(locale, SHORT_STYLE.has(code) ? 'short' : 'long').of(code) ?? code;
}

/**
 * Names of a country in one language from the library and ICU, split where they hold alternatives.
 * `otherNames` are other countries' display names: "Внешние малые острова (США)" is not the US.
 */
export function countryNames(code: string, locale: Locale, displayName: string, otherNames: ReadonlySet<string>): string[] {
  const lib = LIBRARY_NAMES[locale][code];
  const raw = [displayName, ...(lib === undefined ? [] : typeof lib === 'string' ? [lib] : lib)];
  const out = new Set<string>();
  for (const name of raw) {
    // "Мьянма (Бирма)", "КНДР (Корейская …)", "Korea, Republic of": each part is a name of its own.
    const inside = /\(([^)]+)\)/.exec(name)?.[1];
    const outside = name.replace(/\([^)]*\)/g, ' ').trim();
    for (const part of [outside, inside]) {
      if (!part || (part === inside && otherNames.has(part)) || /^(САР|SAR)$/i.test(part) || /منطقة إدارية خاصة|الجزء/.test(part)) continue;
      const [head, tail] = part.split(/,\s*/);
      out.add(part);
      if (head && tail && /^(Republic|Islamic|State|Federated|Plurinational|Bolivarian)/i.test(tail)) out.add(`${tail} ${head}`);
    }
  }
  return [...out].filter((n) => n.replace(/[^\p{L}]/gu, '').length > 1);
}
