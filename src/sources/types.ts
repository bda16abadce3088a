/** One entry of a feed, normalized across RSS 0.9x/1.0/2.0, Atom and JSON Feed. */
export interface FeedItem {
  guid?: string;
  url?: string;
  title: string;
  /** Plain text; paragraphs separated by "\n\n". */
  text: string;
  /** The HTML the text came from, when the feed gave HTML. */
  html?: string;
  /** True when the feed carries only a teaser, so the article page is worth fetching. */
  isExcerpt: boolean;
  /** Milliseconds since the epoch. */
  publishedAt?: number;
  categories: string[];
  lang?: string;
  author?: string;
  alternates?: Array<{ lang: string; url: string }>;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  title?: string;
  lang?: string;
  link?: string;
  items: FeedItem[];
  /** What the tolerant parser had to fix to read the document (absent when nothing). */
  repairs?: string[];
}

export interface SourceRef {
  url: string;
  title?: string;
  lang?: string;
}
