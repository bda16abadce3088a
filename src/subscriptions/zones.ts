/**
 * Time zones as readers name them: by city, in their language, with the offset they know. IANA ids
 * ("Asia/Dushanbe") still work everywhere; these are what the buttons show and what /schedule also
 * takes ("/schedule Москва", "/schedule القاهرة").
 */
import type { Locale } from '../config.ts';
import { normalize } from '../text/normalize.ts';

interface City {
  zone: string;
  /** ISO country the city is in: a chat following that country likely lives by its clock. */
  country: string;
  names: Readonly<Record<Locale, string>>;
  /** Other cities on the same clock, in any language. */
  aliases?: readonly string[];
}

/** One entry per zone the settings screen offers, in its button order (their index is in callback data). */
export const CITIES: readonly City[] = [
  { zone: 'Europe/Moscow', country: 'RU', names: { en: 'Moscow', ru: 'Москва', ar: 'موسكو' }, aliases: ['Kazan', 'Казань', 'قازان', 'Grozny', 'Грозный', 'غروزني', 'Makhachkala', 'Махачкала', 'محج قلعة', 'Ufa', 'Уфа'] },
  { zone: 'Asia/Dushanbe', country: 'TJ', names: { en: 'Dushanbe', ru: 'Душанбе', ar: 'دوشنبه' } },
  { zone: 'Asia/Tashkent', country: 'UZ', names: { en: 'Tashkent', ru: 'Ташкент', ar: 'طشقند' }, aliases: ['Samarkand', 'Самарканд', 'سمرقند'] },
  { zone: 'Asia/Almaty', country: 'KZ', names: { en: 'Almaty', ru: 'Алматы', ar: 'ألماتي' }, aliases: ['Astana', 'Астана', 'أستانا'] },
  { zone: 'Asia/Bishkek', country: 'KG', names: { en: 'Bishkek', ru: 'Бишкек', ar: 'بيشكك' } },
  { zone: 'Asia/Ashgabat', country: 'TM', names: { en: 'Ashgabat', ru: 'Ашхабад', ar: 'عشق آباد' } },
  { zone: 'Asia/Baku', country: 'AZ', names: { en: 'Baku', ru: 'Баку', ar: 'باكو' } },
  { zone: 'Asia/Tbilisi', country: 'GE', names: { en: 'Tbilisi', ru: 'Тбилиси', ar: 'تبليسي' } },
  { zone: 'Asia/Yerevan', country: 'AM', names: { en: 'Yerevan', ru: 'Ереван', ar: 'يريفان' } },
  { zone: 'Europe/Istanbul', country: 'TR', names: { en: 'Istanbul', ru: 'Стамбул', ar: 'إسطنبول' }, aliases: ['Ankara', 'Анкара', 'أنقرة'] },
  { zone: 'Asia/Tehran', country: 'IR', names: { en: 'Tehran', ru: 'Тегеран', ar: 'طهران' } },
  { zone: 'Asia/Kabul', country: 'AF', names: { en: 'Kabul', ru: 'Кабул', ar: 'كابل' } },
  { zone: 'Asia/Riyadh', country: 'SA', names: { en: 'Riyadh', ru: 'Эр-Рияд', ar: 'الرياض' }, aliases: ['Mecca', 'Мекка', 'مكة', 'Jeddah', 'Джидда', 'جدة'] },
  { zone: 'Asia/Dubai', country: 'AE', names: { en: 'Dubai', ru: 'Дубай', ar: 'دبي' }, aliases: ['Abu Dhabi', 'Абу-Даби', 'أبوظبي'] },
  { zone: 'Africa/Cairo', country: 'EG', names: { en: 'Cairo', ru: 'Каир', ar: 'القاهرة' }, aliases: ['Alexandria', 'Александрия', 'الإسكندرية'] },
  { zone: 'Africa/Casablanca', country: 'MA', names: { en: 'Casablanca', ru: 'Касабланка', ar: 'الدار البيضاء' }, aliases: ['Rabat', 'Рабат', 'الرباط'] },
  { zone: 'Europe/London', country: 'GB', names: { en: 'London', ru: 'Лондон', ar: 'لندن' } },
  { zone: 'Europe/Berlin', country: 'DE', names: { en: 'Berlin', ru: 'Берлин', ar: 'برلين' } },
  { zone: 'America/New_York', country: 'US', names: { en: 'New York', ru: 'Нью-Йорк', ar: 'نيويورك' }, aliases: ['Washington', 'Вашингтон', 'واشنطن'] },
  { zone: 'UTC', country: '', names: { en: 'UTC', ru: 'UTC', ar: 'UTC' } },
];

/** Where readers of each language most often live, first: an Arab reader should not scroll past Moscow. */
const FIRST_FOR: Readonly<Record<Locale, readonly string[]>> = {
  ar: ['Asia/Riyadh', 'Africa/Cairo', 'Asia/Dubai', 'Africa/Casablanca', 'Europe/Istanbul'],
  ru: ['Europe/Moscow', 'Asia/Dushanbe', 'Asia/Tashkent', 'Asia/Almaty', 'Asia/Bishkek'],
  en: ['Europe/London', 'America/New_York', 'Europe/Berlin', 'UTC'],
};

const key = (name: string) => normalize(name).replace(/[\s-]+/g, ' ').trim();
let byName: Map<string, string> | undefined;
const names = () =>
  (byName ??= new Map(CITIES.flatMap((c) => [...Object.values(c.names), ...(c.aliases ?? [])].map((n) => [key(n), c.zone] as const))));

/** The zone of a city typed in any of the three languages ("москва", "القاهرة", "new york"). */
export function zoneOfCity(name: string): string | undefined {
  return names().get(key(name));
}

/** Multi-word city names in a line of words ("07:30 New York daily"), so the rest can be read word by word. */
export function takeCityNames(input: string): { zone?: string; rest: string } {
  for (const [name, zone] of names()) {
    if (!name.includes(' ')) continue;
    if (!key(input).includes(name)) continue;
    const words = input.trim().split(/\s+/);
    const count = name.split(' ').length;
    for (let i = 0; i + count <= words.length; i++) {
      if (key(words.slice(i, i + count).join(' ')) === name) return { zone, rest: [...words.slice(0, i), ...words.slice(i + count)].join(' ') };
    }
  }
  return { rest: input };
}

/** "UTC+3", "UTC−3:30", "UTC" for a zone at an instant; "UTC" too for a zone Intl does not know, which digests show in UTC. */
export function offsetLabel(zone: string, at: number): string {
  let part: string;
  try {
    part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return 'UTC';
  }
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
  if (!m) return 'UTC';
  const minutes = m[3] === '00' ? '' : `:${m[3]}`;
  return `UTC${m[1] === '-' ? '−' : '+'}${Number(m[2])}${minutes}`;
}

/**
 * The offered zones' indexes, likeliest first: the zones of the countries the chat follows, then
 * where readers of its language mostly live, then the rest in their usual order.
 */
export function likelyZoneOrder(locale: Locale, followedCountries: ReadonlySet<string>): number[] {
  const rank = (c: City, i: number): number => {
    if (c.country && followedCountries.has(c.country)) return i;
    const first = FIRST_FOR[locale].indexOf(c.zone);
    return first >= 0 ? 100 + first : 1000 + i;
  };
  return CITIES.map((c, i) => ({ i, r: rank(c, i) })).sort((a, b) => a.r - b.r).map((x) => x.i);
}
