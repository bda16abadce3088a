import type { Locale } from '../config.ts';
import { tokenize } from '../text/normalize.ts';
import { countryCodes, countryNames, type createCountryNamer } from './countries.ts';
import type { AliasTable } from './ids.ts';
import { MACRO_ALIASES } from './data/macro-aliases.ts';
import { FOCUS_NAMES } from './data/names-focus.ts';
import { MENA_NAMES } from './data/names-mena.ts';
import { WORLD_NAMES } from './data/names-world.ts';
import { ASIA_PLACES } from './data/places-asia.ts';
import { MENA_PLACES } from './data/places-mena.ts';
import { RUSSIA_PLACES } from './data/places-russia.ts';
import { WORLD_PLACES } from './data/places-world.ts';
import { NOT_PLACES, SHORTHAND } from './data/shorthand.ts';
import { SUBDIVISION_ALIASES } from './data/subdivisions.ts';

const LOCALES: readonly Locale[] = ['en', 'ru', 'ar'];

/** One written form of a region (or topic). `id` null: a phrase that names no country (Latin America). */
export interface Alias {
  readonly form: string;
  readonly id: string | null;
  /** Evidence weight in article text; 0 for forms only meant for typed input. */
  readonly weight: number;
  /** Match only as written, without generating Russian case forms. */
  readonly exact: boolean;
  /** Lower is stronger when typed input matches several ids: 1 official names, 2 other aliases. */
  readonly priority: number;
}

export interface NameSources {
  readonly countryName: ReturnType<typeof createCountryNamer>;
  /** Localized names of subdivisions and macro-regions from locales/*.json. */
  readonly localeName: (id: string, locale: Locale) => string | undefined;
  readonly subdivisionIds: readonly string[];
  readonly macroIds: readonly string[];
}

function parseForm(raw: string): { form: string; weight: number; exact: boolean } | undefined {
  let form = raw.trim();
  if (!form) return undefined;
  let weight = 1;
  const w = /@([\d.]+)$/.exec(form);
  if (w?.[1]) {
    weight = Number(w[1]);
    form = form.slice(0, w.index).trim();
  }
  const exact = form.startsWith('=');
  if (exact) form = form.slice(1);
  return { form, weight, exact };
}

function fromTable(table: AliasTable, priority: number, nullId = false): Alias[] {
  const out: Alias[] = [];
  for (const [id, forms] of Object.entries(table)) {
    for (const locale of LOCALES) {
      for (const raw of (forms[locale] ?? '').split('|')) {
        const parsed = parseForm(raw);
        if (parsed) out.push({ ...parsed, id: nullId ? null : id, priority });
      }
    }
  }
  return out;
}

function officialNames(sources: NameSources): Alias[] {
  const out: Alias[] = [];
  const add = (id: string, form: string) => out.push({ form, id, weight: 1, exact: false, priority: 1 });
  const codes = countryCodes();
  for (const locale of LOCALES) {
    const displayNames = new Set(codes.map((c) => sources.countryName(c, locale)));
    for (const code of codes) {
      const own = sources.countryName(code, locale);
      for (const name of countryNames(code, locale, own, displayNames)) add(code, name);
    }
  }
  for (const id of [...sources.subdivisionIds, ...sources.macroIds]) {
    for (const locale of LOCALES) {
      const name = sources.localeName(id, locale);
      if (name) add(id, name);
    }
  }
  return out;
}

const CURATED_NAMES: readonly AliasTable[] = [FOCUS_NAMES, MENA_NAMES, WORLD_NAMES, SUBDIVISION_ALIASES, MACRO_ALIASES];
const PLACES: readonly AliasTable[] = [RUSSIA_PLACES, ASIA_PLACES, MENA_PLACES, WORLD_PLACES];

/**
 * What a person may type for a region: official names and curated aliases, then (weakest) cities that
 * unambiguously stand for their country or republic ("Moscow", "Kazan").
 */
export function typedRegionAliases(sources: NameSources): Alias[] {
  const cities = PLACES.flatMap((t) => fromTable(t, 3)).filter((a) => a.weight >= 0.7);
  return [...officialNames(sources), ...CURATED_NAMES.flatMap((t) => fromTable(t, 2)), ...cities];
}

const surfaceKey = (a: Alias) => `${a.id ?? ''}\u0000${tokenize(a.form).join(' ')}`;

/**
 * What counts as evidence in article text: names, places and shorthand with their weights. A curated
 * form overrides the weight of the same official name (US, Того, مالي as words are not evidence).
 * Macro-region names map to null: they consume their words and credit no country.
 */
export function textRegionAliases(sources: NameSources): Alias[] {
  const macroIds = new Set(sources.macroIds);
  const byForm = new Map<string, Alias>();
  const put = (a: Alias) => byForm.set(surfaceKey(a), a);
  for (const a of officialNames(sources)) put(macroIds.has(a.id ?? '') ? { ...a, id: null } : a);
  for (const a of CURATED_NAMES.flatMap((t) => fromTable(t, 2))) put(macroIds.has(a.id ?? '') ? { ...a, id: null } : a);
  for (const a of [...PLACES, SHORTHAND].flatMap((t) => fromTable(t, 3))) put(a);
  const notPlaces = LOCALES.flatMap((l) => NOT_PLACES[l].split('|'))
    .map(parseForm)
    .filter((p) => p !== undefined)
    .map((p): Alias => ({ ...p, id: null, weight: 1, priority: 3 }));
  for (const a of notPlaces) put(a);
  return [...byForm.values()].filter((a) => a.id === null || a.weight > 0);
}
