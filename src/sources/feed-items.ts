import type { AtomFeed, JsonFeed, MediaNs, RdfFeed, RssFeed } from 'feedsmith';
import { parseDate } from './dates.ts';
import { htmlToLine, htmlToText, looksLikeHtml, tidyText } from './html-text.ts';
import type { FeedItem } from './types.ts';
import { firstDefined, normalizeLang, resolveUrl, uniq } from './util.ts';

/** A candidate for the item's body; `plain` when the format says it is text, not HTML. */
interface Body {
  value: string | undefined;
  plain?: boolean;
}

/** The format-independent shape each format adapter fills in. */
export interface RawItem {
  guid?: string;
  link?: string;
  /** Used as the URL only when it is an absolute http(s) URL (RSS guid isPermaLink). */
  permalinkGuid?: string;
  title?: string;
  titlePlain?: boolean;
  bodies: Body[];
  dates: unknown[];
  categories: Array<string | undefined>;
  lang?: string;
  author?: string;
  alternates: Array<{ hreflang?: string; href?: string }>;
}

export interface ItemContext {
  base?: string;
  feedLang?: string;
}

const EXCERPT_LENGTH = 500;
const TRUNCATED_END =
  /(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\(…\)|read more|continue reading|read the full (?:story|article)|full story|читать далее|читать полностью|подробнее|далее|اقرأ المزيد|اقرأ أيضا|تابع القراءة|المزيد)[\s»›→.:)\]]*$/i;

export function looksLikeExcerpt(text: string): boolean {
  if (text.length < EXCERPT_LENGTH) return true;
  const tail = text.slice(-300);
  return TRUNCATED_END.test(tail) || /\[(?:…|\.\.\.)\]/.test(tail);
}

export function finishItem(raw: RawItem, ctx: ItemContext): FeedItem | undefined {
  let text = '';
  let html: string | undefined;
  for (const body of raw.bodies) {
    if (!body.value?.trim()) continue;
    const isHtml = !body.plain && looksLikeHtml(body.value);
    const candidate = isHtml ? htmlToText(body.value) : tidyText(body.value);
    // Feeds often carry a teaser in <description> and the article in <content:encoded>; keep the longer.
    if (candidate.length > text.length) {
      text = candidate;
      // Entity-only strings are text with escapes, not markup worth keeping.
      html = isHtml && /<[a-z]/i.test(body.value) ? body.value.trim() : undefined;
    }
  }
  const url =
    resolveUrl(raw.link, ctx.base) ??
    (raw.permalinkGuid && /^https?:\/\//i.test(raw.permalinkGuid.trim()) ? resolveUrl(raw.permalinkGuid) : undefined);
  let title = raw.title ? (raw.titlePlain ? tidyText(raw.title).replace(/\s+/g, ' ') : htmlToLine(raw.title)) : '';
  if (!title) title = titleFromText(text);
  if (!title && !text && !url) return undefined;

  const item: FeedItem = { title, text, isExcerpt: looksLikeExcerpt(text), categories: [] };
  const guid = raw.guid?.trim();
  if (guid) item.guid = guid;
  if (url) item.url = url;
  if (html) item.html = html;
  for (const d of raw.dates) {
    const ms = parseDate(d);
    if (ms !== undefined) {
      item.publishedAt = ms;
      break;
    }
  }
  item.categories = uniq(
    raw.categories.map((c) => (c ? htmlToLine(c) : '')).filter((c) => c.length > 0 && c.length <= 100),
  );
  const lang = normalizeLang(raw.lang) ?? ctx.feedLang;
  if (lang) item.lang = lang;
  const author = raw.author ? htmlToLine(raw.author) : '';
  if (author) item.author = author;
  const alternates = raw.alternates.flatMap((a) => {
    const l = normalizeLang(a.hreflang);
    const u = resolveUrl(a.href, ctx.base);
    return l && u && u !== url ? [{ lang: l, url: u }] : [];
  });
  if (alternates.length > 0) item.alternates = alternates;
  return item;
}

function titleFromText(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? '';
  if (line.length <= 100) return line;
  const cut = line.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

function mediaDescription(media: MediaNs.ItemOrFeed | undefined): Body[] {
  if (!media) return [];
  const values = [media.description, ...(media.groups ?? []).map((g) => g.description)];
  return values.map((d) => ({ value: d?.value, plain: d?.type !== 'html' }));
}

function atomAlternates(links: Array<{ rel?: string; hreflang?: string; href?: string }> | undefined) {
  return (links ?? []).filter((l) => (l.rel ?? 'alternate') === 'alternate' && l.hreflang);
}

export function rssItem(item: RssFeed.Item<string>): RawItem {
  const guid = item.guid?.value;
  return {
    guid,
    link: item.link,
    permalinkGuid: item.guid?.isPermaLink === false ? undefined : guid,
    title: item.title ?? item.dc?.titles?.[0],
    bodies: [
      { value: item.content?.encoded },
      { value: item.description },
      { value: item.itunes?.summary },
      ...mediaDescription(item.media),
    ],
    dates: [item.pubDate, ...(item.dc?.dates ?? []), ...(item.dcterms?.issued ?? []), item.atom?.published],
    categories: [...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])],
    lang: firstDefined(item.xml?.lang, item.dc?.languages?.[0]),
    author: firstDefined(item.authors?.[0]?.name, item.dc?.creators?.[0], item.itunes?.author, item.authors?.[0]?.email),
    alternates: atomAlternates(item.atom?.links),
  };
}

export function rdfItem(item: RdfFeed.Item<string>): RawItem {
  return {
    guid: item.rdf?.about ?? item.link,
    link: item.link,
    title: item.title ?? item.dc?.titles?.[0],
    bodies: [{ value: item.content?.encoded }, { value: item.description }, ...(item.dc?.descriptions ?? []).map((value) => ({ value }))],
    dates: [...(item.dc?.dates ?? []), ...(item.dcterms?.issued ?? []), ...(item.dcterms?.modified ?? [])],
    categories: item.dc?.subjects ?? [],
    lang: firstDefined(item.xml?.lang, item.dc?.languages?.[0]),
    author: item.dc?.creators?.[0],
    alternates: atomAlternates(item.atom?.links),
  };
}

function atomText(t: { value?: string; type?: string } | undefined): Body {
  // Atom text constructs default to type="text"; only html/xhtml content carries markup.
  const type = t?.type?.toLowerCase();
  return { value: t?.value, plain: type === undefined || type === 'text' || type === 'text/plain' };
}

export function atomEntry(entry: AtomFeed.Entry<string>): RawItem {
  const lang = firstDefined(entry.xml?.lang, entry.dc?.languages?.[0]);
  const links = entry.links ?? [];
  const alternates = links.filter((l) => (l.rel ?? 'alternate') === 'alternate');
  const own =
    alternates.find((l) => !l.hreflang || normalizeLang(l.hreflang) === normalizeLang(lang)) ?? alternates[0];
  const title = atomText(entry.title);
  return {
    guid: entry.id,
    link: (own ?? links.find((l) => l.rel !== 'self' && l.rel !== 'edit' && l.rel !== 'replies'))?.href,
    title: title.value,
    // Sloppy feeds put HTML in untyped titles; a title never legitimately contains tags, so strip anyway.
    titlePlain: false,
    bodies: [atomText(entry.content), atomText(entry.summary), ...mediaDescription(entry.media)],
    dates: [entry.published, ...(entry.dc?.dates ?? []), ...(entry.dcterms?.issued ?? []), entry.updated],
    categories: (entry.categories ?? []).map((c) => c.label ?? c.term),
    lang,
    author: firstDefined(entry.authors?.[0]?.name, entry.dc?.creators?.[0], entry.itunes?.author),
    alternates: atomAlternates(links).filter((l) => l !== own),
  };
}

export function jsonItem(item: JsonFeed.Item<string>): RawItem {
  return {
    guid: item.id === undefined ? undefined : String(item.id),
    link: item.url ?? item.external_url,
    title: item.title,
    titlePlain: true,
    bodies: [{ value: item.content_html }, { value: item.content_text, plain: true }, { value: item.summary, plain: true }],
    dates: [item.date_published, item.date_modified],
    categories: item.tags ?? [],
    lang: item.language,
    author: item.authors?.[0]?.name,
    alternates: [],
  };
}
