import {
  DetectError,
  parseAtomFeed,
  parseFeed as feedsmithParse,
  parseRdfFeed,
  parseRssFeed,
  type AnyFeed,
} from 'feedsmith';
import { FeedError } from './errors.ts';
import { atomEntry, finishItem, jsonItem, rdfItem, rssItem, type ItemContext, type RawItem } from './feed-items.ts';
import {
  describeNonFeed,
  detectFeedKind,
  findEmbeddedFeed,
  hasClosingRoot,
  isFeedRoot,
  kindOfRoot,
  repairMarkup,
  repairTruncated,
  rootElementName,
  stripLeadingJunk,
} from './feed-repair.ts';
import { htmlToLine } from './html-text.ts';
import type { FeedItem, ParsedFeed } from './types.ts';
import { firstDefined, normalizeLang, resolveUrl } from './util.ts';

export { detectFeedKind, type FeedKind } from './feed-repair.ts';

export interface ParseFeedOptions {
  /** The URL the document was fetched from: base for relative links. */
  baseUrl?: string;
}

/** Reads RSS 0.9x/1.0/2.0, Atom and JSON Feed into one shape; throws FeedError with a reason a person can act on. */
export function parseFeed(body: string, options: ParseFeedOptions = {}): ParsedFeed {
  const repairs: string[] = [];
  let doc = body.replace(/^\uFEFF/, '');
  const kind = detectFeedKind(doc);

  if (kind === 'empty') throw new FeedError('empty', 'empty document');
  if (kind === 'html') {
    throw new FeedError('html', 'not a feed: looks like an HTML page (add the page URL to find the feeds it links)');
  }
  if (kind === 'unknown') throw new FeedError('unknown', `not a feed: looks like ${describeNonFeed(doc)}`);

  if (kind === 'json') return normalize(parseJson(doc), options, repairs);

  let root = rootElementName(doc);
  if (!isFeedRoot(root)) {
    const afterJunk = stripLeadingJunk(doc);
    const embedded = afterJunk ? undefined : findEmbeddedFeed(doc);
    if (afterJunk) {
      doc = afterJunk;
      repairs.push('removed text before the XML declaration');
    } else if (embedded) {
      doc = embedded.xml;
      repairs.push('feed embedded in an HTML page');
    } else {
      throw new FeedError('html', 'not a feed: looks like an HTML page');
    }
    root = rootElementName(doc);
  }
  if (root && !hasClosingRoot(doc, root)) {
    const cut = repairTruncated(doc, root);
    if (!cut) {
      throw new FeedError('truncated', `truncated XML: the document ends before </${root}> with no complete item`);
    }
    doc = cut;
    repairs.push('truncated document: kept the complete items');
  }

  const format = root ? kindOfRoot(root) : undefined;
  let parsed: AnyFeed;
  try {
    parsed = parseXml(doc, format);
  } catch (first) {
    const fixed = repairMarkup(doc);
    if (fixed.fixes.length === 0) throw malformed(first);
    try {
      parsed = parseXml(fixed.xml, format);
      repairs.push(...fixed.fixes);
    } catch (second) {
      throw malformed(second);
    }
  }
  return normalize(parsed, options, repairs);
}

/**
 * feedsmith's universal detector searches the whole text for "<rss", so an Atom post quoting RSS in
 * CDATA is misread; we already know the root element, so ask the matching parser directly.
 */
function parseXml(doc: string, format: 'rss' | 'atom' | 'rdf' | undefined): AnyFeed {
  if (format === 'rss') return { format, feed: parseRssFeed(doc) };
  if (format === 'atom') return { format, feed: parseAtomFeed(doc) };
  if (format === 'rdf') return { format, feed: parseRdfFeed(doc) };
  return feedsmithParse(doc);
}

function parseJson(doc: string): AnyFeed {
  let value: unknown;
  try {
    value = JSON.parse(doc);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const truncated = /end of (?:json )?input|unterminated/i.test(reason);
    throw new FeedError(truncated ? 'truncated' : 'malformed', `${truncated ? 'truncated' : 'malformed'} JSON Feed: ${reason}`);
  }
  try {
    return feedsmithParse(value);
  } catch (error) {
    throw new FeedError('malformed', 'malformed JSON Feed: no items list or title', { cause: error });
  }
}

function malformed(error: unknown): FeedError {
  if (error instanceof DetectError) {
    return new FeedError('unknown', 'not a feed: the document has no RSS, Atom or RDF structure', { cause: error });
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const detail = cause ?? (error instanceof Error ? error.message : String(error));
  return new FeedError('malformed', `malformed XML: ${detail}`, { cause: error });
}

function normalize(parsed: AnyFeed, options: ParseFeedOptions, repairs: string[]): ParsedFeed {
  let title: string | undefined;
  let lang: string | undefined;
  let link: string | undefined;
  let base = options.baseUrl;
  let raws: RawItem[];

  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      title = f.title;
      lang = firstDefined(f.language, f.dc?.languages?.[0], f.xml?.lang);
      link = resolveUrl(f.link ?? f.atom?.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href, base);
      raws = (f.items ?? []).map(rssItem);
      // RSS has no xml:base; relative item links are written relative to the site, i.e. the channel link.
      base = link ?? base;
      break;
    }
    case 'rdf': {
      const f = parsed.feed;
      title = f.title;
      lang = firstDefined(f.dc?.languages?.[0], f.xml?.lang);
      link = resolveUrl(f.link, base);
      raws = (f.items ?? []).map(rdfItem);
      base = link ?? base;
      break;
    }
    case 'atom': {
      const f = parsed.feed;
      title = f.title?.value;
      lang = firstDefined(f.xml?.lang, f.dc?.languages?.[0]);
      // Atom resolves against xml:base, then the document's own URL.
      base = resolveUrl(f.xml?.base, base) ?? base;
      const links = f.links ?? [];
      const alt = links.find((l) => (l.rel ?? 'alternate') === 'alternate') ?? links.find((l) => l.rel !== 'self');
      link = resolveUrl(alt?.href, base);
      base = base ?? link;
      raws = (f.entries ?? []).map(atomEntry);
      break;
    }
    case 'json': {
      const f = parsed.feed;
      title = f.title;
      lang = f.language;
      link = resolveUrl(f.home_page_url, base);
      raws = (f.items ?? []).map(jsonItem);
      base = base ?? link;
      break;
    }
  }

  const feedLang = normalizeLang(lang);
  const ctx: ItemContext = {};
  if (base) ctx.base = base;
  if (feedLang) ctx.feedLang = feedLang;
  const items: FeedItem[] = [];
  for (const raw of raws) {
    const item = finishItem(raw, ctx);
    if (item) items.push(item);
  }

  const result: ParsedFeed = { format: parsed.format, items };
  const cleanTitle = title ? htmlToLine(title) : '';
  if (cleanTitle) result.title = cleanTitle;
  if (feedLang) result.lang = feedLang;
  if (link) result.link = link;
  if (repairs.length > 0) result.repairs = repairs;
  return result;
}
