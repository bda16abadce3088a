/**
 * Feeds the demo articles through the real ingest pipeline (language, regions, topics, summary,
 * stories, search index), exactly as a polled feed would. Ingest is idempotent, so this runs on every
 * sandbox start and adds them only the first time.
 */
import type { IngestReport, RawArticle } from '../../articles/ingest.ts';
import { ARABIC_ARTICLES, RUSSIAN_ARTICLES } from './articles-ar-ru.ts';
import { ENGLISH_ARTICLES } from './articles-en.ts';
import { MULTILINGUAL_STORIES } from './stories.ts';
import type { DemoArticle } from './types.ts';

/** `.example` is reserved (RFC 2606): the links can never lead to someone's real site. */
const DEMO_SITE = 'https://demo.briefings.example';
export const DEMO_SOURCE_NAME = 'Briefings demo desk';

export const DEMO_ARTICLES: readonly DemoArticle[] = [...MULTILINGUAL_STORIES, ...ARABIC_ARTICLES, ...RUSSIAN_ARTICLES, ...ENGLISH_ARTICLES];

const urlOf = (article: Pick<DemoArticle, 'lang' | 'slug'>) => `${DEMO_SITE}/${article.lang}/${article.slug}`;

/** What a feed would hand over: a link, a date and the hreflang alternates of the other versions. */
export function demoRawArticles(now: number, articles: readonly DemoArticle[] = DEMO_ARTICLES): RawArticle[] {
  return articles.map((article) => ({
    url: urlOf(article),
    title: article.title,
    text: article.text,
    lang: article.lang,
    publishedAt: now - article.hoursAgo * 3_600_000,
    sourceName: DEMO_SOURCE_NAME,
    alternates: articles
      .filter((other) => other.slug === article.slug && other.lang !== article.lang)
      .map((other) => ({ lang: other.lang, url: urlOf(other) })),
  }));
}

export function seedDemoArticles(ingestor: { ingest(items: Iterable<RawArticle>): IngestReport }, now: number): IngestReport {
  return ingestor.ingest(demoRawArticles(now));
}
