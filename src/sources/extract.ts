import { Readability } from '@mozilla/readability';
import { parseDate } from './dates.ts';
import { elementToText, htmlToLine, htmlToText, parseDocument, type DomDocument, type DomElement } from './html-text.ts';
import { normalizeLang, resolveUrl, uniq } from './util.ts';

export interface ExtractedArticle {
  title: string;
  /** Plain text, paragraphs joined by "\n\n". */
  text: string;
  lang?: string;
  publishedAt?: number;
  author?: string;
  canonicalUrl?: string;
  /** Other-language versions of this page (hreflang), without x-default and without the page itself. */
  alternates: Array<{ lang: string; url: string }>;
  /** Feeds the page advertises; site feeds first, comment feeds last. */
  feedLinks: string[];
}

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/x.atom+xml',
  'application/x-rss+xml',
]);

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished',
  'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued',
  'dcterms.issued', 'dcterms.created', 'dc.date', 'date',
];

/** The readable article of a page plus what the source layer needs from its <head>. */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const doc = parseDocument(html);
  // Metadata first: Readability rewrites the document it is given.
  const base = resolveUrl(doc.querySelector('base[href]')?.getAttribute('href'), url) ?? url;
  const meta = metaMap(doc);
  const jsonLd = readJsonLd(doc);
  const lang = normalizeLang(
    doc.documentElement?.getAttribute('lang') ??
      doc.documentElement?.getAttribute('xml:lang') ??
      meta.get('content-language') ??
      jsonLd.inLanguage ??
      meta.get('og:locale'),
  );
  const publishedAt =
    firstDate(PUBLISHED_META.map((k) => meta.get(k))) ??
    firstDate([jsonLd.datePublished]) ??
    firstDate([doc.querySelector('time[itemprop="datePublished"]')?.getAttribute('datetime')]) ??
    firstDate([doc.querySelector('article time[datetime]')?.getAttribute('datetime')]);
  const canonicalUrl = resolveUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), base);
  const self = [url, canonicalUrl].filter(Boolean);
  const alternates = hreflangAlternates(doc, base).filter((a) => !self.includes(a.url));
  const feedLinks = findFeedLinks(doc, base);
  const fallbackTitle = meta.get('og:title') ?? doc.title ?? '';

  const article = readable(doc);
  let title = htmlToLine(article?.title || fallbackTitle || '');
  let text = article?.content ? htmlToText(article.content) : '';
  if (!text) text = plainBody(html);
  // Readability keeps the headline as the first block; the title already carries it.
  const [first, ...rest] = text.split('\n\n');
  if (first && title && first.trim() === title && rest.length > 0) text = rest.join('\n\n');
  if (!title) title = htmlToLine(fallbackTitle);

  const result: ExtractedArticle = { title, text, alternates, feedLinks };
  if (lang) result.lang = lang;
  if (publishedAt !== undefined) result.publishedAt = publishedAt;
  const author = article?.byline ?? meta.get('author') ?? jsonLd.author;
  if (author?.trim()) result.author = htmlToLine(author);
  if (canonicalUrl) result.canonicalUrl = canonicalUrl;
  return result;
}

/** Feed URLs a page advertises with <link rel="alternate" type="application/rss+xml"> and kin. */
export function findFeedLinks(docOrHtml: DomDocument | string, base?: string): string[] {
  const doc = typeof docOrHtml === 'string' ? parseDocument(docOrHtml) : docOrHtml;
  const pageBase = resolveUrl(doc.querySelector('base[href]')?.getAttribute('href'), base) ?? base;
  const found: Array<{ url: string; comments: boolean }> = [];
  for (const link of Array.from(doc.querySelectorAll('link[href]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    const href = resolveUrl(link.getAttribute('href'), pageBase);
    if (!href) continue;
    const label = `${link.getAttribute('title') ?? ''} ${href}`;
    found.push({ url: href, comments: /comment|коммент|تعليق/i.test(label) });
  }
  const ordered = [...found.filter((f) => !f.comments), ...found.filter((f) => f.comments)];
  return uniq(ordered.map((f) => f.url));
}

function hreflangAlternates(doc: DomDocument, base: string | undefined): Array<{ lang: string; url: string }> {
  const out = new Map<string, { lang: string; url: string }>();
  for (const link of Array.from(doc.querySelectorAll('link[hreflang]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate')) continue;
    const lang = normalizeLang(link.getAttribute('hreflang'));
    const url = resolveUrl(link.getAttribute('href'), base);
    if (lang && url) out.set(`${lang} ${url}`, { lang, url });
  }
  return [...out.values()];
}

function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv');
    const content = m.getAttribute('content');
    if (key && content?.trim() && !map.has(key.toLowerCase())) map.set(key.toLowerCase(), content.trim());
  }
  return map;
}

interface JsonLdFacts {
  datePublished?: string;
  inLanguage?: string;
  author?: string;
}

function readJsonLd(doc: DomDocument): JsonLdFacts {
  const facts: JsonLdFacts = {};
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const obj = node as Record<string, unknown>;
    if (typeof obj.datePublished === 'string') facts.datePublished ??= obj.datePublished;
    if (typeof obj.inLanguage === 'string') facts.inLanguage ??= obj.inLanguage;
    const author = Array.isArray(obj.author) ? obj.author[0] : obj.author;
    if (author && typeof author === 'object' && typeof (author as { name?: unknown }).name === 'string') {
      facts.author ??= (author as { name: string }).name;
    }
    for (const value of Object.values(obj)) if (typeof value === 'object') visit(value, depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common (trailing commas, HTML entities); the meta tags usually say the same.
    }
  }
  return facts;
}

function firstDate(values: Array<string | null | undefined>): number | undefined {
  for (const v of values) {
    const ms = parseDate(v);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

function readable(doc: DomDocument): { title?: string | null; content?: string | null; byline?: string | null } | null {
  try {
    return new Readability(doc as never, { charThreshold: 200 }).parse();
  } catch {
    return null;
  }
}

/** When Readability finds no article (short pages, odd markup): the main region's text. */
function plainBody(html: string): string {
  const doc = parseDocument(html);
  const main: DomElement | null = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  return main ? elementToText(main) : '';
}
