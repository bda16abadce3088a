/** One demo article as the project wrote it; seed.ts turns it into what a feed would hand the ingestor. */
export interface DemoArticle {
  /** Every language version of a story shares its slug; the seed links them as alternates (hreflang). */
  slug: string;
  lang: 'ar' | 'ru' | 'en';
  /** Publication time relative to the first start, so the demo always looks like today's news. */
  hoursAgo: number;
  title: string;
  text: string;
}
