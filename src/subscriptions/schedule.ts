import type { Frequency, ScheduleChange } from './chats.ts';
import { CITIES, takeCityNames, zoneOfCity } from './zones.ts';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; key: string; params?: Record<string, string> };

const TIME = /^(\d{1,2})[:.](\d{2})$/;

/** "8:00", "08.30", "20:05" → "HH:MM"; undefined for anything impossible. */
export function parseTime(input: string): string | undefined {
  const m = TIME.exec(input.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

let zoneIndex: Map<string, string> | undefined;
/** IANA zones typed in any case ("europe/moscow"), plus UTC/GMT. */
export function resolveTimeZone(input: string): string | undefined {
  zoneIndex ??= new Map(
    [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT'].map((z) => [z.toLowerCase(), z] as const),
  );
  return zoneIndex.get(input.trim().toLowerCase());
}

const FREQUENCY_WORDS: Record<string, Frequency> = {
  daily: 'daily', day: 'daily', ежедневно: 'daily', ежедневный: 'daily', يومي: 'daily', يوميا: 'daily', 'يومياً': 'daily',
  weekly: 'weekly', week: 'weekly', еженедельно: 'weekly', еженедельный: 'weekly', أسبوعي: 'weekly', اسبوعي: 'weekly', 'أسبوعياً': 'weekly', اسبوعيا: 'weekly',
  instant: 'instant', instantly: 'instant', сразу: 'instant', мгновенно: 'instant', فوري: 'instant', فورا: 'instant', 'فوراً': 'instant',
};

const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, вс: 0, воскресенье: 0, الأحد: 0, الاحد: 0,
  mon: 1, monday: 1, пн: 1, понедельник: 1, الاثنين: 1, الإثنين: 1,
  tue: 2, tuesday: 2, вт: 2, вторник: 2, الثلاثاء: 2,
  wed: 3, wednesday: 3, ср: 3, среда: 3, الأربعاء: 3, الاربعاء: 3,
  thu: 4, thursday: 4, чт: 4, четверг: 4, الخميس: 4,
  fri: 5, friday: 5, пт: 5, пятница: 5, الجمعة: 5,
  sat: 6, saturday: 6, сб: 6, суббота: 6, السبت: 6,
};

/** `/schedule [HH:MM] [ZONE] [daily|weekly|instant] [WEEKDAY]`, in any order, any of the three languages. */
export function parseScheduleArgs(input: string): ParseResult<ScheduleChange> {
  const change: ScheduleChange = {};
  // "New York", "الدار البيضاء": a city of several words is taken out before the words are read one by one.
  const city = takeCityNames(input);
  if (city.zone) change.timeZone = city.zone;
  for (const word of city.rest.trim().split(/\s+/).filter(Boolean)) {
    const lower = word.toLowerCase();
    if (/^\d{1,2}[:.]\d{2}$/.test(word)) {
      const time = parseTime(word);
      if (!time) return { ok: false, key: 'schedule.bad_time', params: { input: word } };
      change.digestTime = time;
    } else if (FREQUENCY_WORDS[lower]) {
      change.frequency = FREQUENCY_WORDS[lower];
    } else if (WEEKDAYS[lower] !== undefined) {
      change.weeklyDay = WEEKDAYS[lower];
      change.frequency ??= 'weekly';
    } else if (resolveTimeZone(word) ?? zoneOfCity(word)) {
      change.timeZone = resolveTimeZone(word) ?? zoneOfCity(word);
    } else if (word.includes('/') || /^[A-Z][a-z]+$/.test(word)) {
      return { ok: false, key: 'schedule.bad_zone', params: { input: word } };
    } else {
      return { ok: false, key: 'schedule.bad_word', params: { input: word } };
    }
  }
  return { ok: true, value: change };
}

const OFF_WORDS = new Set(['off', 'none', 'выкл', 'нет', 'إيقاف', 'ايقاف', 'لا']);

/** `/quiet 22:00-07:00` or `/quiet off`. A window that starts where it ends is refused: it would mean nothing or everything. */
export function parseQuietArgs(input: string): ParseResult<{ start: string; end: string } | null> {
  const text = input.trim().toLowerCase();
  if (OFF_WORDS.has(text)) return { ok: true, value: null };
  const m = /^(\S+?)\s*[-–—]\s*(\S+)$/.exec(text);
  if (!m) return { ok: false, key: 'quiet.bad_format', params: { input: input.trim() } };
  // "7-9" and "22-7" mean whole hours: the way people say quiet hours.
  const hour = (part: string) => (/^\d{1,2}$/.test(part) ? parseTime(`${part}:00`) : parseTime(part));
  const start = hour(m[1] ?? '');
  const end = hour(m[2] ?? '');
  if (!start || !end) return { ok: false, key: 'quiet.bad_format', params: { input: input.trim() } };
  if (start === end) return { ok: false, key: 'quiet.zero_length', params: { input: input.trim() } };
  return { ok: true, value: { start, end } };
}

/** Time zones offered as buttons (by city, see zones.ts); anything else is typed with /schedule. */
export const COMMON_TIME_ZONES: readonly string[] = CITIES.map((c) => c.zone);
