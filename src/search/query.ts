import type { Taxonomy } from '../taxonomy/index.ts';

export type Period = 'day' | 'week' | 'month' | 'year';
export const PERIOD_MS: Record<Period, number> = { day: 86_400_000, week: 7 * 86_400_000, month: 31 * 86_400_000, year: 366 * 86_400_000 };

export interface ParsedSearch {
  text: string;
  region?: string;
  topic?: string;
  lang?: string;
  period?: Period;
}

const PERIODS: Record<string, Period> = {
  today: 'day', day: 'day', сегодня: 'day', день: 'day', اليوم: 'day', يوم: 'day',
  week: 'week', неделя: 'week', неделю: 'week', أسبوع: 'week', اسبوع: 'week', الأسبوع: 'week',
  month: 'month', месяц: 'month', شهر: 'month', الشهر: 'month',
  year: 'year', год: 'year', سنة: 'year', السنة: 'year', عام: 'year',
};
const LANGS: Record<string, string> = { ar: 'ar', ru: 'ru', en: 'en', 'lang:ar': 'ar', 'lang:ru': 'ru', 'lang:en': 'en' };

/**
 * `/search اقتصاد TJ`, `/search экономика security week`: the first word is always searched for;
 * later words that name a region, a topic (id or name in any language), a language code or a period
 * become filters.
 */
export function parseSearch(input: string, taxonomy: Taxonomy): ParsedSearch {
  const words = input.trim().split(/\s+/).filter(Boolean);
  const result: ParsedSearch = { text: '' };
  const kept: string[] = [];
  words.forEach((word, index) => {
    const lower = word.toLowerCase();
    if (index > 0) {
      if (!result.period && PERIODS[lower]) return void (result.period = PERIODS[lower]);
      if (!result.lang && LANGS[lower]) return void (result.lang = LANGS[lower]);
      const topic = taxonomy.resolveTopic(word);
      if (!result.topic && topic.ok && topic.id !== 'all') return void (result.topic = topic.id);
      const region = taxonomy.resolveRegion(word);
      if (!result.region && region.ok && region.id !== 'all') return void (result.region = region.id);
    }
    kept.push(word);
  });
  result.text = kept.join(' ');
  return result;
}
