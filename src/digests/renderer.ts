/**
 * Turns compositions into Telegram messages for a whole run: translations, heading names and
 * rendered items are made once and shared by the thousands of chats that repeat them.
 */
import type { Locale } from '../config.ts';
import type { I18n } from '../i18n.ts';
import { offsetLabel } from '../subscriptions/zones.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import type { ComposedItem, Composition } from './compose.ts';
import { formatDigest, type DigestItem, type DigestMessage, type FormatOptions, type ItemParts } from './format.ts';

const ITEM_CACHE_LIMIT = 20_000;
const NO_MESSAGES: readonly DigestMessage[] = [];
/** Digests kept for reuse: enough for the chats of a profile, which the run visits together. */
const RECENT_DIGESTS = 500;

/** Offsets change on the hour at most twice a year: comparing every 6 hours over the window finds a change. */
const PROBE_STEP_MS = 6 * 3_600_000;

export interface RenderedDigest {
  items: readonly ComposedItem[];
  messages: readonly DigestMessage[];
}

export type Translator = (key: string, opts?: Record<string, unknown>) => string;

export interface RenderOptions {
  /** A later page of a digest (2, 3…): its header says it continues. */
  page?: number;
  /** The footer line for what the cap left out, when not the default "+N more". */
  moreKey?: string;
  /** The run's window start: zones that kept one offset since a day before it share rendered items. */
  since?: number;
}

/**
 * Headers, headings and "+N more" lines repeat across thousands of chats: each is translated once per
 * run. With `arabicDigits` every count is written in Arabic-Indic digits (i18next's number format
 * takes Intl's numberingSystem through formatParams).
 */
export function memoTranslator(i18n: I18n, locale: Locale, arabicDigits = false): Translator {
  const base = i18n.translator(locale);
  const t: Translator = arabicDigits
    ? (key, opts) => base(key, opts && typeof opts.count === 'number' ? { ...opts, formatParams: { count: { numberingSystem: 'arab' } } } : opts)
    : base;
  const cache = new Map<string, string>();
  return (key, opts) => {
    const id = opts ? `${key}|${JSON.stringify(opts)}` : key;
    let out = cache.get(id);
    if (out === undefined) {
      out = t(key, opts);
      cache.set(id, out);
    }
    return out;
  };
}

/** How one chat's digest is written beyond its language and zone. */
export interface RenderStyle {
  arabicDigits?: boolean;
  /** The footer for what the cap left out, instead of the run's (a channel's says "in the next briefing"). */
  moreKey?: string;
  /** The header, when not the reader's own "Your briefing" (a channel's is everyone's). */
  headerKey?: string;
}

export function createRenderer(deps: { i18n: I18n; taxonomy: Taxonomy }, at: number, options: RenderOptions = {}) {
  const { i18n, taxonomy } = deps;
  // An item published before this is rendered for its own zone (cache.validFrom): the offsets were only compared since.
  const since = (options.since ?? at - 86_400_000) - 86_400_000;
  const groupName = (locale: Locale) => (id: string) =>
    taxonomy.isRegion(id) ? taxonomy.regionName(id, locale) : taxonomy.isTopic(id) ? taxonomy.topicName(id, locale) : i18n.t(locale, 'common.all_topics');
  const translators = { ar: memoTranslator(i18n, 'ar'), ru: memoTranslator(i18n, 'ru'), en: memoTranslator(i18n, 'en') };
  let arabicIndic: Translator | undefined;
  const translatorFor = (locale: Locale, arabicDigits: boolean): Translator =>
    arabicDigits && locale === 'ar' ? (arabicIndic ??= memoTranslator(i18n, 'ar', true)) : translators[locale];
  const groupNames = { ar: groupName('ar'), ru: groupName('ru'), en: groupName('en') };
  const sourceTime = (locale: Locale) => i18n.template(locale, 'digest.source_time', ['source', 'time']);
  const sourceTimes = { ar: sourceTime('ar'), ru: sourceTime('ru'), en: sourceTime('en') };
  // Per language and zone: an item's time and direction depend on both.
  const caches = new Map<string, NonNullable<FormatOptions['cache']>>();
  // Zones that keep one UTC offset over the window render alike (Moscow and Riyadh, say): they share a cache.
  const zoneKeys = new Map<string, string>();
  const zoneKey = (zone: string): string => {
    let key = zoneKeys.get(zone);
    if (key === undefined) {
      const offsets = new Set<string>();
      for (let t = at; t > since - PROBE_STEP_MS && offsets.size < 2; t -= PROBE_STEP_MS) offsets.add(offsetLabel(zone, t));
      key = offsets.size === 1 ? ([...offsets][0] ?? zone) : zone;
      zoneKeys.set(zone, key);
    }
    return key;
  };
  // Title and summary lines depend on the language alone: every zone's cache of a language shares them.
  const parts = new Map<Locale, Map<number, ItemParts>>();
  const partsFor = (locale: Locale) => {
    let map = parts.get(locale);
    if (!map) parts.set(locale, (map = new Map()));
    return map;
  };
  const cacheFor = (locale: Locale, zone: string, digits: string) => {
    const key = `${locale}|${zoneKey(zone)}|${digits}`;
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = { items: new Map(), headings: new Map(), headers: new Map(), validFrom: since, parts: partsFor(locale) }));
    return cache;
  };
  // A composed item is shared by the chats of a profile: its format input is made once.
  const inputs = new WeakMap<ComposedItem, DigestItem>();
  const inputOf = (i: ComposedItem): DigestItem => {
    let input = inputs.get(i);
    if (!input) {
      input = {
        articleId: i.article.id, title: i.article.title, url: i.article.url, sourceName: i.article.sourceName,
        publishedAt: i.article.publishedAt, summary: i.article.summary, lang: i.article.lang, group: i.group,
        isBreaking: i.article.isBreaking, isUpdate: i.isUpdate, foreign: i.foreign, coverage: i.coverage,
      };
      inputs.set(i, input);
    }
    return input;
  };
  // Recent digests by what they hold: chats of a profile that read differently or had different
  // stories still often end up with the same page, a few chats apart in the run's order.
  const recent = new Map<string, readonly DigestMessage[]>();
  const digestKey = (items: readonly ComposedItem[], more: number, locale: Locale, zone: string, style: RenderStyle) => {
    // An item from before the window was rendered for its own zone (see cacheFor): so is its digest.
    const zoneKeyed = items.every((i) => i.article.publishedAt >= since) ? zoneKey(zone) : zone;
    let key = `${locale}|${zoneKeyed}|${more}|${style.arabicDigits ? 'a' : ''}|${style.moreKey ?? ''}|${style.headerKey ?? ''}`;
    for (const i of items) key += `|${i.article.id}.${i.isUpdate ? 1 : 0}${i.foreign ? 1 : 0}.${i.group}`;
    return key;
  };

  return {
    translator: (locale: Locale): Translator => translators[locale],
    /**
     * Formats a chat's digest, or hands back a recent chat's that holds the same items in the same
     * language and zone: chats come sorted so that equal digests are near each other, and keeping a
     * few hundred keeps memory flat.
     */
    render({ items, more }: Composition, locale: Locale, zone: string, style: RenderStyle = {}): RenderedDigest {
      if (items.length === 0) return { items, messages: NO_MESSAGES };
      const key = digestKey(items, more, locale, zone, style);
      const arabicDigits = style.arabicDigits === true && locale === 'ar';
      const moreKey = style.moreKey ?? options.moreKey;
      const seen = recent.get(key);
      if (seen) return { items, messages: seen };
      // Bounded: rendered items are worth keeping while one language and zone repeat, not forever.
      let size = 0;
      for (const c of caches.values()) size += c.items.size;
      if (size > ITEM_CACHE_LIMIT) {
        // Only the items: headers and headings are few and wanted by every later chat of the zone.
        for (const c of caches.values()) c.items.clear();
        for (const p of parts.values()) p.clear();
      }
      const messages = formatDigest(
        items.map(inputOf),
        {
          locale, timeZone: zone, t: translatorFor(locale, arabicDigits), groupName: groupNames[locale], more, now: at, sourceTime: sourceTimes[locale],
          cache: cacheFor(locale, zone, arabicDigits ? 'arab' : ''),
          ...(style.headerKey ? { headerKey: style.headerKey } : {}),
          ...(arabicDigits ? { digits: 'arab' as const } : {}),
          ...(options.page && options.page > 1 ? { continued: true } : {}),
          ...(moreKey ? { moreKey } : {}),
        },
      );
      if (recent.size >= RECENT_DIGESTS) recent.clear();
      recent.set(key, messages);
      return { items, messages };
    },
  };
}
