import type { Taxonomy } from '../taxonomy/index.ts';
import { normalize, scriptOf, tokenize, wordsOfNormalized } from '../text/normalize.ts';
import { arabicReadings, arabicTextKeys, capitalisedNames, keysOfForms, MIN_SKELETON, nameOfWord } from '../text/transliterate.ts';

/**
 * Versions of one news event in Arabic, Russian and English share little text but keep what survives
 * translation: who (names), how much (figures), when (dates) and where (regions). A signature holds
 * those; two signatures of different languages that share enough of them, beyond the place and the
 * day, are one event.
 */

export interface PairingInput {
  title: string;
  text: string;
  lang: string;
  publishedAt: number;
  regions: ReadonlyArray<{ id: string }>;
}

interface Name {
  /** Skeletons of the forms the word may be read as (Рахмона, Рахмоном → RHMN). */
  keys: readonly string[];
  weight: number;
}

export interface Signature {
  lang: string;
  publishedAt: number;
  regions: ReadonlySet<string>;
  /** Latin or Cyrillic script: capitalised words that do not start a sentence. */
  names: readonly Name[];
  /** Every key of `names`; for Arabic, which writes no capitals, every skeleton of every word. */
  keys: ReadonlySet<string>;
  /** Figure (value times its scale word) → how specific it is. */
  numbers: ReadonlyMap<string, number>;
  /** "12-18" for December 18 / 18 декабря / 18 ديسمبر. */
  dates: ReadonlySet<string>;
}

/** The lead is where wire copy and its translations agree; the rest is background that versions cut. */
export const LEAD_CHARS = 1500;
/** Versions of one event appear within hours; two days covers a late translation without pairing a week of one topic. */
export const CROSS_LINGUAL_WINDOW_MS = 48 * 3_600_000;
const PLACE_WEIGHT = 0.5;
/** A three-consonant skeleton found among all of an Arabic text's words may be a common word. */
const SHORT_IN_ARABIC = 0.5;
const YEAR_WEIGHT = 0.3;
/** Two-digit counts and round figures (200, 6 billion) recur across stories; 3.9 billion or 1,450 rarely. */
const ROUND_WEIGHT = 0.8;
const FIGURE_WEIGHT = 1.2;
const EXACT_FIGURE_WEIGHT = 1.5;
const DATE_WEIGHT = 0.5;
/** Names, figures and dates in common beyond the place: what two stories on one place and day lack. */
export const MIN_EVIDENCE = 2;
/**
 * And that much of what the sparser version holds: a translation keeps most names and figures of the
 * shorter text, two unrelated stories share a couple of a dozen (measured: 0.5-1 against 0.1-0.3).
 */
export const MIN_COVERAGE = 0.4;

const MONTHS: ReadonlyArray<readonly [number, string]> = [
  [1, 'january|jan|января|يناير|جانفي'], [2, 'february|feb|февраля|فبراير|فيفري|شباط'], [3, 'march|mar|марта|مارس|اذار'],
  [4, 'april|apr|апреля|ابريل|افريل|نيسان'], [5, 'may|мая|مايو|ماي|ايار'], [6, 'june|jun|июня|يونيو|جوان|حزيران'],
  [7, 'july|jul|июля|يوليو|يوليوز|جويليه|تموز'], [8, 'august|aug|августа|اغسطس|غشت|اوت'], [9, 'september|sept|sep|сентября|سبتمبر|شتنبر|ايلول'],
  [10, 'october|oct|октября|اكتوبر'], [11, 'november|nov|ноября|نوفمبر|نونبر'], [12, 'december|dec|декабря|ديسمبر|دجنبر'],
];
const MONTH_OF = new Map(MONTHS.flatMap(([m, forms]) => forms.split('|').map((f) => [f, m] as const)));
// كانون and تشرين name two months each, told apart by the next word.
const LEVANT_MONTHS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  كانون: { الثاني: 1, الاول: 12 },
  تشرين: { الاول: 10, الثاني: 11 },
};
const SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:thousand|тыс|الف|الاف)/, 1e3],
  [/^(?:million|mln|млн|миллион|مليون|ملايين)/, 1e6],
  [/^(?:billion|bn|млрд|миллиард|مليار)/, 1e9],
  [/^(?:trillion|трлн|триллион|تريليون)/, 1e12],
];
// Russian writes 1 200 with spaces. A figure glued to Latin or Cyrillic letters is a model name (A321);
// Arabic glues the conjunction و to the figure (و15).
const NUMBER = /(?<![a-z\u0400-\u04ff\d.,\u066b\u066c])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,\u066b\u066c]\d+)*)/gu;
const WORDS_AFTER = /^[^\p{L}\d]{0,3}(\p{L}+)(?:\s+(\p{L}+))?/u;
const WORD_BEFORE = /(\p{L}+)\s*$/u;

/**
 * Weight of a name by what it is: a country's name or adjective is the region again (0); a city or a
 * leader, named in most stories from there, is half a person. Looked up by word, not by skeleton: Putin
 * and Бутан (Bhutan) share one. Russian forms meet on the stem without its vowel ending (Рахмона, Душанбе).
 */
function createNameWeights(taxonomy: Taxonomy | undefined) {
  const stemOf = (word: string) => (scriptOf(word) === 'ru' ? word.replace(/[аеиоуыэюяйь]+$/, '') : word);
  const table = new Map<string, number>();
  for (const alias of taxonomy?.textAliases() ?? []) {
    const words = tokenize(alias.form);
    const word = words[0];
    if (alias.id === null || words.length !== 1 || !word || scriptOf(word) === 'ar') continue;
    const weight = alias.priority <= 2 ? 0 : PLACE_WEIGHT;
    table.set(stemOf(word), Math.min(weight, table.get(stemOf(word)) ?? 1));
  }
  return (forms: readonly string[]) => Math.min(1, ...forms.map((f) => table.get(stemOf(f)) ?? 1));
}

/**
 * The value of a written figure. 1,450, 1 450 and ١٬٤٥٠ group thousands; 3,9 (Russian), 3.9 and ٣٫٩
 * are decimals; in 1,200.5 the last separator is the decimal one.
 */
function parseFigure(digits: string, lang: string): number {
  const last = digits.search(/[.,\u066b\u066c][^.,\u066b\u066c]*$/);
  if (last < 0) return Number(digits.replace(/\D/g, ''));
  const separator = digits[last] as string;
  const tail = digits.slice(last + 1);
  const once = digits.indexOf(separator) === last;
  const decimal =
    separator === '\u066b' || (once && separator === '.') || (once && separator === ',' && (lang === 'ru' || tail.length !== 3));
  return decimal ? Number(`${digits.slice(0, last).replace(/\D/g, '')}.${tail}`) : Number(digits.replace(/\D/g, ''));
}

/** Figures and day-month dates of a normalized text; a day next to its month is a date, not a figure. */
function figuresAndDates(normalized: string, lang: string): { numbers: Map<string, number>; dates: Set<string> } {
  const numbers = new Map<string, number>();
  const dates = new Set<string>();
  for (const m of normalized.matchAll(NUMBER)) {
    const end = m.index + m[0].length;
    const [, next = '', after = ''] = WORDS_AFTER.exec(normalized.slice(end, end + 40)) ?? [];
    const value = parseFigure(m[0], lang);
    if (!Number.isFinite(value)) continue;
    const whole = Number.isInteger(value);
    if (whole && value >= 1 && value <= 31) {
      const before = lang === 'en' ? (WORD_BEFORE.exec(normalized.slice(Math.max(0, m.index - 20), m.index))?.[1] ?? '') : '';
      const month = LEVANT_MONTHS[next]?.[after] ?? MONTH_OF.get(next) ?? MONTH_OF.get(before);
      if (month) {
        dates.add(`${month}-${value}`);
        continue;
      }
    }
    const scale = SCALES.find(([re]) => re.test(next))?.[1] ?? 1;
    const plain = scale === 1 && whole;
    if (plain && value < 10) continue;
    const digits = String(value).replace(/\D|0+$/g, '').length;
    const weight =
      plain && value >= 1900 && value <= 2100 ? YEAR_WEIGHT : (plain && value < 100) || digits <= 1 ? ROUND_WEIGHT : digits === 2 ? FIGURE_WEIGHT : EXACT_FIGURE_WEIGHT;
    numbers.set(String(Number((value * scale).toPrecision(6))), weight);
  }
  return { numbers, dates };
}

export type Signer = (input: PairingInput) => Signature;

const MEMO_LIMIT = 100_000;

function memo<T>(derive: (word: string) => T): (word: string) => T | undefined {
  const values = new Map<string, T | null>();
  return (word) => {
    let value = values.get(word);
    if (value === undefined) {
      if (values.size >= MEMO_LIMIT) values.clear();
      values.set(word, (value = derive(word) ?? null));
    }
    return value ?? undefined;
  };
}

/** Builds signatures; the taxonomy tells place names (weak evidence) from other names. */
export function createSigner(taxonomy?: Taxonomy): Signer {
  let weightOf: ((forms: readonly string[]) => number) | undefined;
  // Words recur from article to article: their skeletons are worked out once.
  const nameOf = memo((raw): Name | undefined => {
    const name = nameOfWord(raw);
    return name && { keys: name.keys, weight: (weightOf ??= createNameWeights(taxonomy))(name.forms) };
  });
  const arabicKeysOf = memo((word) => keysOfForms(arabicReadings(word)));
  const arabicWordKeys = (word: string): readonly string[] => arabicKeysOf(word) ?? [];
  return (input) => {
    const text = input.text.length > LEAD_CHARS ? input.text.slice(0, LEAD_CHARS) : input.text;
    const arabic = input.lang === 'ar';
    const found = new Map<string, Name>();
    for (const raw of arabic ? [] : capitalisedNames(input.title, text)) {
      const name = nameOf(raw);
      const first = name?.keys[0];
      if (name && first && !found.has(first)) found.set(first, name);
    }
    const names = [...found.values()];
    const normalized = normalize(`${input.title}\n${text}`);
    const keys = arabic ? arabicTextKeys(wordsOfNormalized(normalized), arabicWordKeys) : new Set(names.flatMap((n) => n.keys));
    return {
      lang: input.lang,
      publishedAt: input.publishedAt,
      regions: new Set(input.regions.map((r) => r.id)),
      names,
      keys,
      ...figuresAndDates(normalized, input.lang),
    };
  };
}

export interface PairScore {
  names: number;
  numbers: number;
  dates: number;
  regions: boolean;
  /** Names, numbers and dates in common: the evidence beyond the place. */
  evidence: number;
  /** Evidence over what the sparser signature could have shared. */
  coverage: number;
  same: boolean;
}

/** How distinctive a key is among recent articles (1, or less for one many of them have); `arabic` tells whose keys. */
export type Rarity = (key: string, arabic: boolean) => number;

/** Names of `x` (never Arabic) found among the keys of `y`, and what they could have been worth. */
function nameOverlap(x: Signature, y: Signature, rarity: Rarity): { shared: number; total: number } {
  const arabic = y.lang === 'ar';
  let shared = 0;
  let total = 0;
  for (const name of x.names) {
    const weight = name.weight * (arabic && (name.keys[0]?.length ?? 0) <= MIN_SKELETON ? SHORT_IN_ARABIC : 1);
    total += weight;
    const hit = name.keys.find((k) => y.keys.has(k));
    if (hit) shared += weight * rarity(hit, arabic);
  }
  return { shared, total };
}

/** How much two signatures of different languages share, and whether that makes them one event. */
export function scorePair(a: Signature, b: Signature, rarity: Rarity = () => 1): PairScore {
  const [x, y] = a.lang === 'ar' ? [b, a] : [a, b];
  const one = nameOverlap(x, y, rarity);
  const other = y.lang === 'ar' ? { shared: one.shared, total: Infinity } : nameOverlap(y, x, rarity);
  const names = Math.min(one.shared, other.shared);
  let numbers = 0;
  let numbersA = 0;
  let numbersB = 0;
  let strongest = 0;
  for (const [key, weight] of a.numbers) {
    numbersA += weight;
    if (!b.numbers.has(key)) continue;
    numbers += weight;
    strongest = Math.max(strongest, weight);
  }
  for (const weight of b.numbers.values()) numbersB += weight;
  const dates = [...a.dates].some((d) => b.dates.has(d)) ? DATE_WEIGHT : 0;
  const regions = [...a.regions].some((r) => b.regions.has(r));
  const evidence = names + numbers + dates;
  const possible = Math.min(one.total, other.total) + Math.min(numbersA, numbersB);
  const coverage = possible > 0 ? (names + numbers) / possible : 0;
  // The same place is required, never enough: distractors share it, and the day. Without a name in
  // common, small counts (12, 40, 200) are not enough either: every day has some.
  const specific = names > 0 || strongest >= FIGURE_WEIGHT;
  const same = a.lang !== b.lang && x.lang !== 'ar' && regions && specific && evidence >= MIN_EVIDENCE && coverage >= MIN_COVERAGE;
  return { names, numbers, dates, regions, evidence, coverage, same };
}
