/**
 * A digest as Telegram HTML messages: a header, items grouped under localized headings, an optional
 * "+N more" line; split at item boundaries (split.ts). Pure: the clock, the translator and the group
 * names are injected. All feed text goes through the html.ts builder, which escapes it.
 */
import { isolateForRtl } from '../i18n.ts';
import { concat, el, join, link, text, trusted, type Html } from './html.ts';

export type { Html };
import { fits, itemLimits, MESSAGE_LIMITS, packMessages, type Limits, type Section } from './split.ts';

export { visibleLength } from './html.ts';

export interface DigestItem {
  articleId: number;
  title: string;
  url: string | null;
  sourceName: string | null;
  publishedAt: number;
  summary: string[];
  lang: string;
  /** Heading id: a region id or a topic id. */
  group: string;
  isBreaking?: boolean;
  /** Back because the story gained news since the chat had it. */
  isUpdate?: boolean;
  /** In none of the chat's reading languages: tagged with its language. */
  foreign?: boolean;
  /** How many sources and which languages carry the story; shown when more than one. */
  coverage?: { sources: number; langs: readonly string[] };
}

/**
 * What an item shows whatever the zone: its title line and summary line. Shared by the zones of one
 * language (`cache.parts`), so a story read in ten zones is cleaned and escaped once.
 */
export interface ItemParts {
  title: string;
  summary: string;
  head: Html;
  body: Html | undefined;
}

export interface FormatOptions {
  locale: 'ar' | 'ru' | 'en';
  timeZone: string;
  /** The chat's translator; its output is trusted HTML (interpolated values already escaped). */
  t: (key: string, opts?: Record<string, unknown>) => string;
  /** Plain-text display name of a heading id; escaped here. */
  groupName: (id: string) => string;
  /** Items left out by the cap → a localized "+N more" line. */
  more: number;
  now: number;
  /**
   * Rendered items and headings shared across calls of one run, for this locale and zone: thousands
   * of chats get the same story, which then is rendered once. Items are keyed by article and labels
   * (itemKey); within a run an article's coverage is fixed.
   */
  cache?: { items: Map<number, Html>; headings: Map<string, Html>; headers: Map<string, Html>; validFrom: number; parts?: Map<number, ItemParts>; date?: { at: number; text: string } };
  /** `digest.source_time` made once for the run (I18n.template): the same text as `t` gives, much cheaper. */
  sourceTime?: (values: { source: string; time: string }) => string;
  /** A later page of the same digest: the header says so. */
  continued?: boolean;
  /** Translation key of the footer for what the cap left out (default `digest.more`). */
  moreKey?: string;
  /** Arabic-Indic digits in dates and times (counts come so from `t`). */
  digits?: 'arab';
  /** Translation key of the header (default `digest.header`). */
  headerKey?: string;
}

export interface DigestMessage {
  text: string;
  articleIds: number[];
}

const TITLE_MAX = 512;
const SOURCE_MAX = 120;
const URL_MAX = 2048;
const ELLIPSIS = '…';
/** Starts Arabic lines so a line that opens with a Latin name or a digit still lays out right-to-left. */
const RLM = '\u200F';
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Nothing new gives no messages (the `/digest` command answers with `digest.empty` itself).
 * Items keep their order within a group; groups come in the order of their first item.
 */
export function formatDigest(items: DigestItem[], options: FormatOptions): DigestMessage[] {
  if (items.length === 0) return [];
  const ctx = { ...options, timeZone: usableZone(options.timeZone) };
  const count = items.length + Math.max(0, options.more);
  // The header names the day and the count: the same for every chat of a language and zone with as many stories.
  const headerKey = `${ctx.headerKey ?? ''}|${count}|${ctx.continued ? 1 : 0}`;
  let header = ctx.cache?.headers.get(headerKey);
  if (!header) {
    header = renderHeader(count, ctx);
    ctx.cache?.headers.set(headerKey, header);
  }

  const groups = new Map<string, DigestItem[]>();
  for (const item of items) {
    const list = groups.get(item.group);
    if (list) list.push(item);
    else groups.set(item.group, [item]);
  }
  const sections: Section[] = [...groups].map(([id, groupItems]) => {
    let heading = ctx.cache?.headings.get(id);
    if (!heading) {
      heading = line(ctx, el('b', textFor(ctx, clean(ctx.groupName(id)) || id)));
      ctx.cache?.headings.set(id, heading);
    }
    const limits = itemLimits(header, heading, MESSAGE_LIMITS);
    return { heading, items: groupItems.map((item) => ({ articleId: item.articleId, node: renderItem(item, ctx, limits) })) };
  });
  const footer = options.more > 0 ? line(ctx, el('i', trusted(ctx.t(options.moreKey ?? 'digest.more', { count: options.more })))) : undefined;

  return packMessages({ header, sections, footer }, MESSAGE_LIMITS);
}

type Context = FormatOptions;

function renderHeader(count: number, ctx: Context): Html {
  // One day for every header of a zone's cache; a cache serves one run, so one `now`.
  let date = ctx.cache?.date;
  if (date?.at !== ctx.now) {
    date = { at: ctx.now, text: formatter(intlLocale(ctx), ctx.timeZone, 'date').format(ctx.now) };
    if (ctx.cache) ctx.cache.date = date;
  }
  return headerHtml(count, date.text, ctx);
}

function headerHtml(count: number, date: string, ctx: Context): Html {
  return join([trusted(ctx.t(ctx.continued ? 'digest.header_more' : (ctx.headerKey ?? 'digest.header'), { date })), trusted(ctx.t('digest.stories', { count }))], '\n');
}

const itemKey = (item: DigestItem): number => item.articleId * 8 + (item.isBreaking ? 4 : 0) + (item.isUpdate ? 2 : 0) + (item.foreign ? 1 : 0);

function renderItem(item: DigestItem, ctx: Context, limits: Limits): Html {
  const key = itemKey(item);
  // A hit skips cleaning the title and summary too: most items of a run are hits.
  // Zones share a cache only for what was published while their offsets agreed.
  const items = item.publishedAt >= (ctx.cache?.validFrom ?? 0) ? ctx.cache?.items : undefined;
  const cached = items?.get(key);
  if (cached && fits(cached, limits)) return cached;
  const parts = partsOf(item, key, ctx);
  const full = cached ?? itemHtml(item, parts, ctx);
  if (!cached) items?.set(key, full);
  if (fits(full, limits)) return full;

  const { summary } = parts;
  const build = (s: string): Html => itemHtml(item, { ...parts, body: s ? line(ctx, textFor(ctx, s)) : undefined }, ctx);
  // The longest summary prefix that still fits (escaping only grows with length, so this is monotone).
  let lo = 0;
  let hi = summary.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(build(summary.slice(0, mid) + ELLIPSIS), limits)) lo = mid;
    else hi = mid - 1;
  }
  // `lo` excludes the ellipsis; cutAtWord's bound includes it.
  return build(cutAtWord(summary, lo + ELLIPSIS.length));
}

function partsOf(item: DigestItem, key: number, ctx: Context): ItemParts {
  const known = ctx.cache?.parts?.get(key);
  if (known) return known;
  const title = cutAtWord(clean(item.title), TITLE_MAX) || ctx.t('digest.untitled');
  const summary = clean(item.summary.join(' '));
  const href = safeUrl(item.url);
  const titleNode = el('b', href ? link(href, text(title)) : text(title));
  const labels: Html[] = [];
  if (item.isUpdate) labels.push(el('b', trusted(ctx.t('digest.update_label'))), text(' '));
  if (item.isBreaking) labels.push(el('b', trusted(ctx.t('digest.breaking_label'))), text(' '));
  // The language tag reads left to right even in an Arabic line, so it is isolated like a Latin name.
  if (item.foreign) labels.push(isolated(ctx, 'X', text(`[${item.lang.toUpperCase()}]`)), text(' '));
  const parts: ItemParts = {
    title,
    summary,
    head: line(ctx, concat(...labels, isolated(ctx, title, titleNode))),
    body: summary ? line(ctx, textFor(ctx, summary)) : undefined,
  };
  ctx.cache?.parts?.set(key, parts);
  return parts;
}

function itemHtml(item: DigestItem, parts: ItemParts, ctx: Context): Html {
  const lines = [parts.head, line(ctx, el('i', sourceLine(item, ctx)))];
  if (parts.body) lines.push(parts.body);
  return join(lines, '\n');
}

function sourceLine(item: DigestItem, ctx: Context): Html {
  const time = itemTime(item.publishedAt, ctx);
  const source = cutAtWord(clean(item.sourceName ?? ''), SOURCE_MAX);
  // The translator escapes (and in Arabic isolates) the interpolated values itself.
  const base = source ? trusted(ctx.sourceTime ? ctx.sourceTime({ source, time }) : ctx.t('digest.source_time', { source, time })) : textFor(ctx, time);
  const coverage = item.coverage;
  if (!coverage || (coverage.sources < 2 && coverage.langs.length < 2)) return base;
  const langs = coverage.langs.map((l) => l.toUpperCase()).join(' ');
  return concat(base, text(' · '), trusted(ctx.t('digest.coverage', { count: coverage.sources, langs })));
}

/** Same local day as the digest: the time alone; otherwise a short date too. */
function itemTime(at: number, ctx: Context): string {
  // The day is compared in Latin digits whatever the chat reads: only the shown time takes its digits.
  const day = formatter(ctx.locale, ctx.timeZone, 'day');
  const kind = day.format(at) === day.format(ctx.now) ? 'time' : 'dateTime';
  return formatter(intlLocale(ctx), ctx.timeZone, kind).format(at);
}

/** Intl's name for the chat's language and digits. */
const intlLocale = (ctx: Context): string => (ctx.digits === 'arab' ? `${ctx.locale}-u-nu-arab` : ctx.locale);

function line(ctx: Context, content: Html): Html {
  return ctx.locale === 'ar' ? concat(text(RLM), content) : content;
}

/** Raw text in an Arabic digest: a Latin or Cyrillic run is isolated, as i18n does for values. */
function textFor(ctx: Context, value: string): Html {
  return isolated(ctx, value, text(value));
}

function isolated(ctx: Context, value: string, node: Html): Html {
  if (ctx.locale !== 'ar' || isolateForRtl(value) === value) return node;
  return concat(text(FSI), node, text(PDI));
}

/**
 * One paragraph of clean text: whitespace and control characters collapse to spaces (Telegram
 * would show newlines), stray bidi controls go (they would unbalance our isolates), and lone
 * surrogates, which Telegram refuses, become U+FFFD.
 */
function clean(value: string): string {
  return value
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\uD800-\uDFFF]/gu, '\uFFFD')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}

/** At most `max` units, cut at the last space when there is one in the second half, then "…". */
function cutAtWord(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = Math.max(0, max - ELLIPSIS.length);
  const space = value.lastIndexOf(' ', end);
  if (space > end / 2) end = space;
  else if (/[\uD800-\uDBFF]/.test(value.charAt(end - 1))) end -= 1;
  return value.slice(0, end).trimEnd() + ELLIPSIS;
}

/**
 * Only http(s) links become hrefs; anything else (empty, javascript:, garbage, huge) leaves a bold
 * title. Search results use it too, so a link is shown the same way wherever an article appears.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed || trimmed.length > URL_MAX) return undefined;
  try {
    const parsed = new URL(trimmed);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A zone Intl refuses would throw mid-digest; the schedule code refuses it too, so UTC is only a fallback. */
function usableZone(zone: string): string {
  try {
    formatter('en', zone, 'day');
    return zone;
  } catch {
    return 'UTC';
  }
}

type FormatKind = 'date' | 'day' | 'time' | 'dateTime';
const FORMATS: Record<FormatKind, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  day: { year: 'numeric', month: '2-digit', day: '2-digit' },
  time: { hour: 'numeric', minute: '2-digit' },
  dateTime: { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
};
// Formatters are costly to build and digests for one zone and language repeat: keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, kind: FormatKind): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...FORMATS[kind], timeZone });
    formatters.set(key, f);
  }
  return f;
}
