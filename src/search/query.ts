import type { Alias, Taxonomy } from '../taxonomy/index.ts';
import { stem, tokenize } from '../text/normalize.ts';
import { contentWords, searchStopwords } from './stopwords.ts';
import { skeleton } from '../text/transliterate.ts';

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
 * `/search اقتصاد TJ`, `/search экономика security week`: the first word (past stop words) is always searched for;
 * later words that name a region, a topic (id or name in any language), a language code or a period
 * become filters.
 */
export function parseSearch(input: string, taxonomy: Taxonomy): ParsedSearch {
  const words = input.trim().split(/\s+/).filter(Boolean);
  const result: ParsedSearch = { text: '' };
  const kept: string[] = [];
  // "/search в Таджикистане" searches for the name, not for «в».
  const stop = searchStopwords();
  const first = Math.max(0, words.findIndex((w) => tokenize(w).some((t) => !stop.has(t))));
  words.forEach((word, index) => {
    const lower = word.toLowerCase();
    if (index > first) {
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

/**
 * One thing a query asks for. A plain word is its stem; a word that names a topic also matches what
 * is filed under the topic; one that names a region matches the region's names in Arabic, Russian
 * and English and (for a country or group, not a city) what is filed under it.
 */
export interface TermGroup {
  /** Stemmed words or phrases (stems joined by spaces) any of which counts as a text match. */
  terms: string[];
  topic?: string;
  regions?: ReadonlySet<string>;
}

/** Enough terms for any real question; the rest of a 3,000-character paste is ignored. */
export const MAX_QUERY_TERMS = 24;
// A country has dozens of spellings; these are plenty to reach articles in all three scripts.
const MAX_NAMES_PER_REGION = 16;
const MAX_NAME_WORDS = 3;

const stemsOf = (form: string) => tokenize(form).map(stem).filter(Boolean).join(' ');
const skeletonOf = (form: string) => tokenize(form).map(skeleton).join(' ');

const aliasIndex = new WeakMap<Taxonomy, Map<string, Alias[]>>();
function aliasesOf(taxonomy: Taxonomy, id: string): Alias[] {
  let index = aliasIndex.get(taxonomy);
  if (!index) {
    index = new Map();
    for (const a of taxonomy.textAliases()) if (a.id) index.set(a.id, [...(index.get(a.id) ?? []), a]);
    aliasIndex.set(taxonomy, index);
  }
  return index.get(id) ?? [];
}

function regionGroup(phrase: string, id: string, taxonomy: Taxonomy): TermGroup {
  const typed = stemsOf(phrase);
  const aliases = aliasesOf(taxonomy, id);
  const named = aliases.filter((a) => stemsOf(a.form) === typed);
  // "Samarkand" stands for Uzbekistan only as evidence: it finds its own spellings, not every Uzbek story.
  if (named.length > 0 && named.every((a) => a.priority > 2)) {
    const key = skeletonOf(phrase);
    const spellings = aliases.filter((a) => a.form.length > 0 && skeletonOf(a.form) === key).map((a) => stemsOf(a.form));
    return { terms: [...new Set([typed, ...spellings])].filter(Boolean).slice(0, MAX_NAMES_PER_REGION) };
  }
  const names = (['en', 'ru', 'ar'] as const).map((l) => taxonomy.regionName(id, l));
  const official = aliases.filter((a) => a.priority <= 2).map((a) => a.form);
  const terms = [...new Set([typed, ...names, ...official].map((f) => (f === phrase ? typed : stemsOf(f))))].filter(Boolean);
  return { terms: terms.slice(0, MAX_NAMES_PER_REGION), regions: taxonomy.coveredBy(id) };
}

function namedGroup(phrase: string, taxonomy: Taxonomy): TermGroup | undefined {
  const topic = taxonomy.resolveTopic(phrase);
  if (topic.ok && topic.id !== 'all') return { terms: [stemsOf(phrase)], topic: topic.id };
  const region = taxonomy.resolveRegion(phrase);
  if (region.ok && region.id !== 'all') return regionGroup(phrase, region.id, taxonomy);
  return undefined;
}

/**
 * The query's words without stop words, each a group; the longest run of up to three words that
 * names a topic or region ("Central Asia", "Саудовская Аравия") is one group.
 */
export function termGroups(text: string, taxonomy: Taxonomy): TermGroup[] {
  const words = contentWords(tokenize(text.slice(0, 3000))).slice(0, MAX_QUERY_TERMS * 2);
  const groups = new Map<string, TermGroup>();
  for (let i = 0; i < words.length && groups.size < MAX_QUERY_TERMS; ) {
    let group: TermGroup | undefined;
    let n = Math.min(MAX_NAME_WORDS, words.length - i);
    for (; n >= 1 && !group; n--) group = namedGroup(words.slice(i, i + n).join(' '), taxonomy);
    const used = group ? n + 1 : 1;
    group ??= { terms: [stem(words[i] ?? '')].filter(Boolean) };
    i += used;
    if (group.terms.length > 0) groups.set(JSON.stringify([group.terms, group.topic, group.regions?.size]), group);
  }
  return [...groups.values()];
}
