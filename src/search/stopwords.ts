import { summaryStopwords } from '../enrich/summary-lexicon.ts';
import { normalize } from '../text/normalize.ts';

/**
 * Words a search query drops: the summarizer's function words of ar/ru/en, less the ones a reader
 * means when typing them. "year", "год", "اليوم" are periods /search understands; "new", "first",
 * "said", "заявил" name things people look for ("New York", "First Lady"). «в», «и», «на», "the",
 * "في" stay out: they match nearly every article.
 */
const MEANINGFUL = `year years new first last one two said says say told according percent cent
год года году время один два три заявил сообщил сообщает отметил словам
عام العام اليوم يوم أمس قال قالت وقال وقالت`;

const KEPT = new Set(MEANINGFUL.split(/\s+/).filter(Boolean).map(normalize));
const SEARCH_STOPWORDS: ReadonlySet<string> = new Set([...summaryStopwords()].filter((w) => !KEPT.has(w)));

/** Normalized stop words of ar, ru and en together (the lists do not collide). */
export function searchStopwords(): ReadonlySet<string> {
  return SEARCH_STOPWORDS;
}

/** The words of a query without its stop words, or all of them when it is nothing else ("The Who"). */
export function contentWords(words: readonly string[]): string[] {
  const content = words.filter((w) => !SEARCH_STOPWORDS.has(w));
  return content.length > 0 ? content : [...words];
}
