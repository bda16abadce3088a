import arLocale from '../../locales/ar.json' with { type: 'json' };
import enLocale from '../../locales/en.json' with { type: 'json' };
import ruLocale from '../../locales/ru.json' with { type: 'json' };
import type { Locale } from '../config.ts';
import { normalize, tokenize } from '../text/normalize.ts';
import { textRegionAliases, typedRegionAliases, type Alias, type NameSources } from './aliases.ts';
import { alpha3Of, countryCodes, createCountryNamer } from './countries.ts';
import { TOPIC_ALIASES } from './data/topic-aliases.ts';
import { RU_REPUBLICS } from './data/subdivisions.ts';
import { editDistance } from './edit-distance.ts';
import { createFuzzyMatcher, type Scored } from './fuzzy.ts';
import { MACRO_REGION_IDS, TOPIC_IDS, type RegionKind, type TopicId } from './ids.ts';
import { AREAS } from './areas.ts';
import { aliasKeySequences, tokenKeys } from './keys.ts';
import { MACRO_MEMBERS } from './macros.ts';
import { createPhraseIndex } from './phrase-index.ts';

export { MACRO_REGION_IDS, TOPIC_IDS, type MacroRegionId, type RegionKind, type TopicId } from './ids.ts';
export type { Alias } from './aliases.ts';
export { SUGGESTION_THRESHOLD, type Scored } from './fuzzy.ts';
export { NOT_PLACE_WORDS } from './data/shorthand.ts';

export interface RegionInfo {
  readonly id: string;
  readonly kind: RegionKind;
  /** A subdivision's country. */
  readonly country?: string;
  /** A macro-region's members. */
  readonly members?: readonly string[];
}

export type Resolution = { ok: true; id: string } | { ok: false; suggestions: string[] };

export interface Taxonomy {
  readonly regions: ReadonlyMap<string, RegionInfo>;
  readonly topics: readonly TopicId[];
  isRegion(id: string): boolean;
  isTopic(id: string): boolean;
  regionName(id: string, locale: Locale): string;
  topicName(id: string, locale: Locale): string;
  /** Region ids an article may carry for a subscription to `id` to match: macro → members + their subdivisions; country → itself + its subdivisions; subdivision → itself; 'all' → not needed (callers handle). */
  coveredBy(id: string): ReadonlySet<string>;
  /** Macro-regions that contain a region (a subdivision through its country). */
  macrosOf(id: string): string[];
  /** What a person typed → region id. 'all' or '*' → { ok: true, id: 'all' }. Unknown → up to 3 closest suggestions (ids). */
  resolveRegion(input: string): Resolution;
  resolveTopic(input: string): Resolution;
  /** Regions a misspelled name may mean, best first, only those alike enough to offer. */
  closestRegions(input: string): readonly Scored[];
  closestTopics(input: string): readonly Scored[];
  /** Forms that count as evidence of a region in article text, for the region detector. */
  textAliases(): readonly Alias[];
}

interface LocaleFile {
  readonly region: Readonly<Record<string, string>>;
  readonly topic: Readonly<Record<string, string>>;
}
const LOCALE_FILES: Record<Locale, LocaleFile> = { en: enLocale, ru: ruLocale, ar: arLocale };

// Compared after normalize(), which folds ё into е.
const ALL_WORDS = new Set(['all', '*', 'any', 'everything', 'все', 'везде', 'الكل', 'كل', 'الجميع']);
const MAX_SUGGESTIONS = 3;

interface Candidate {
  readonly id: string;
  readonly priority: number;
  readonly surface: string;
}

/** Resolves typed names to ids: exact word forms first, then stems; suggestions by typo distance. */
function createResolver(aliases: readonly { id: string; form: string; priority: number; exact: boolean }[], directIds: ReadonlyMap<string, string>) {
  const index = createPhraseIndex<Candidate>();
  for (const a of aliases) {
    const surface = tokenize(a.form).join(' ');
    if (!surface) continue;
    const candidate: Candidate = { id: a.id, priority: a.priority, surface };
    for (const keys of aliasKeySequences(a.form, 'resolve', a.exact)) index.add(keys, candidate);
  }
  // Cities are not offered for a typo: hundreds of short names, each a letter from some word (ورقة is
  // one from الرقة, хлеб from Халеб), and whoever meant one can still type it exactly.
  const closest = createFuzzyMatcher(aliases.filter((a) => a.priority <= 2));

  function choose(found: readonly Candidate[], typed: string): Resolution | undefined {
    if (found.length === 0) return undefined;
    const top = Math.min(...found.map((c) => c.priority));
    const ranked = found
      .filter((c) => c.priority === top)
      .map((c) => ({ id: c.id, d: editDistance(typed, c.surface) }))
      .sort((a, b) => a.d - b.d);
    const ids = [...new Set(ranked.map((r) => r.id))];
    const first = ranked[0];
    if (!first) return undefined;
    const tied = new Set(ranked.filter((r) => r.d === first.d).map((r) => r.id));
    // The same word naming two places ("Caucasus", "Congo") is a question back, not a guess.
    return tied.size === 1 ? { ok: true, id: first.id } : { ok: false, suggestions: ids.slice(0, MAX_SUGGESTIONS) };
  }

  const resolve = (input: string): Resolution => {
    const raw = input.trim();
    const typed = normalize(raw).replace(/\s+/g, ' ');
    if (ALL_WORDS.has(typed)) return { ok: true, id: 'all' };
    const direct = directIds.get(typed.replace(/_/g, '-'));
    if (direct) return { ok: true, id: direct };
    const words = tokenize(raw);
    if (words.length === 0) return { ok: false, suggestions: [] };
    const joined = words.join(' ');
    const exactKeys = words.map((w) => tokenKeys(w, 'detect'));
    const looseKeys = words.map((w) => tokenKeys(w, 'resolve'));
    return (
      choose(index.whole(words.length, (i) => exactKeys[i] ?? []), joined) ??
      choose(index.whole(words.length, (i) => looseKeys[i] ?? []), joined) ?? {
        ok: false,
        suggestions: closest(joined).slice(0, MAX_SUGGESTIONS).map((s) => s.id),
      }
    );
  };
  return { resolve, closest };
}

export function createTaxonomy(): Taxonomy {
  const countryName = createCountryNamer();
  const codes = countryCodes();
  const localeName = (id: string, locale: Locale) => LOCALE_FILES[locale].region[id];
  const sources: NameSources = { countryName, localeName, subdivisionIds: RU_REPUBLICS, macroIds: MACRO_REGION_IDS };

  const regions = new Map<string, RegionInfo>();
  for (const code of codes) regions.set(code, { id: code, kind: 'country' });
  for (const id of RU_REPUBLICS) regions.set(id, { id, kind: 'subdivision', country: 'RU' });
  for (const id of MACRO_REGION_IDS) regions.set(id, { id, kind: 'macro', members: MACRO_MEMBERS[id] });

  const subdivisionsOf = new Map<string, string[]>();
  for (const r of regions.values()) {
    if (r.kind === 'subdivision' && r.country) subdivisionsOf.set(r.country, [...(subdivisionsOf.get(r.country) ?? []), r.id]);
  }

  const directRegionIds = new Map<string, string>();
  for (const id of regions.keys()) directRegionIds.set(id.toLowerCase(), id);
  for (const code of codes) {
    const a3 = alpha3Of(code);
    if (a3) directRegionIds.set(a3.toLowerCase(), code);
  }
  const directTopicIds = new Map<string, string>(TOPIC_IDS.map((t) => [t, t]));

  let regionResolver: ReturnType<typeof createResolver> | undefined;
  let topicResolver: ReturnType<typeof createResolver> | undefined;
  const regionsResolver = () =>
    (regionResolver ??= createResolver(
      typedRegionAliases(sources).filter((a): a is Alias & { id: string } => a.id !== null),
      directRegionIds,
    ));
  const topicsResolver = () => (topicResolver ??= createResolver(topicAliases(), directTopicIds));
  let textAliases: readonly Alias[] | undefined;

  const covered = new Map<string, ReadonlySet<string>>();
  function coveredBy(id: string): ReadonlySet<string> {
    const cached = covered.get(id);
    if (cached) return cached;
    const info = regions.get(id);
    const out = new Set<string>();
    const addWithSubdivisions = (r: string) => {
      out.add(r);
      for (const s of subdivisionsOf.get(r) ?? []) out.add(s);
    };
    if (info?.kind === 'macro') for (const m of info.members ?? []) addWithSubdivisions(m);
    else if (info) addWithSubdivisions(id);
    covered.set(id, out);
    return out;
  }

  return {
    regions,
    topics: TOPIC_IDS,
    isRegion: (id) => regions.has(id),
    isTopic: (id) => (TOPIC_IDS as readonly string[]).includes(id),
    regionName(id, locale) {
      const info = regions.get(id);
      if (info?.kind === 'country') return countryName(id, locale);
      return localeName(id, locale) ?? localeName(id, 'en') ?? id;
    },
    topicName: (id, locale) => LOCALE_FILES[locale].topic[id] ?? LOCALE_FILES.en.topic[id] ?? id,
    coveredBy,
    macrosOf(id) {
      const info = regions.get(id);
      if (!info || info.kind === 'macro') return [];
      const own = new Set([id, ...(info.country ? [info.country] : [])]);
      return MACRO_REGION_IDS.filter((m) => MACRO_MEMBERS[m].some((member) => own.has(member)));
    },
    resolveRegion: (input) => regionsResolver().resolve(input),
    resolveTopic: (input) => topicsResolver().resolve(input),
    // A cross-border area ("Kurdistan") is answered with the regions it lies in, before any typo guess.
    closestRegions: (input) => areaRegions(input) ?? regionsResolver().closest(input),
    closestTopics: (input) => topicsResolver().closest(input),
    textAliases() {
      textAliases ??= textRegionAliases(sources);
      return textAliases;
    },
  };
}

function topicAliases() {
  const out: { id: string; form: string; priority: number; exact: boolean }[] = [];
  for (const id of TOPIC_IDS) {
    for (const locale of ['en', 'ru', 'ar'] as const) {
      const name = LOCALE_FILES[locale].topic[id];
      if (name) out.push({ id, form: name, priority: 1, exact: false });
      for (const form of (TOPIC_ALIASES[id]?.[locale] ?? '').split('|')) {
        if (form.trim()) out.push({ id, form: form.trim(), priority: 2, exact: false });
      }
    }
  }
  return out;
}

const AREA_FORMS = new Map(AREAS.flatMap((a) => a.forms.map((f) => [normalize(f), a.regions] as const)));

function areaRegions(input: string): Scored[] | undefined {
  const regions = AREA_FORMS.get(normalize(input.trim()));
  return regions?.map((id) => ({ id, similarity: 1 }));
}
