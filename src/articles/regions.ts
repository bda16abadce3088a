import { NOT_PLACE_WORDS, type Taxonomy } from '../taxonomy/index.ts';
import { editDistance } from '../taxonomy/edit-distance.ts';
import { aliasKeySequences, tokenKeys } from '../taxonomy/keys.ts';
import { createPhraseIndex } from '../taxonomy/phrase-index.ts';
import { normalize, tokenize } from '../text/normalize.ts';

export interface RegionScore {
  id: string;
  score: number;
}

interface Target {
  readonly id: string | null;
  readonly weight: number;
  /** The alias as written, normalized: tells Нигер from Нигерия when both forms share a key. */
  readonly surface: string;
}

// A headline names what the story is about; the lead paragraph says where it happens; later mentions
// are background (a reaction from Moscow, a comparison with Iran).
const TITLE_WEIGHT = 3;
const LEAD_TOKENS = 60;
const LEAD_WEIGHT = 1.5;
const BODY_HALF_LIFE_TOKENS = 250;
const BODY_FLOOR = 0.35;
const LOCATIVE_BONUS = 1.5;
/** A subdivision's evidence counts this much for its country, so the republic stays first. */
const IMPLIED_COUNTRY = 0.7;
/** Regions below this share of the top score are passing mentions. */
const RELATIVE_THRESHOLD = 0.3;
/** Less than one lead mention or two body mentions is not enough to say where a story is. */
const MIN_EVIDENCE = 1;
const MAX_CACHED_WORDS = 50_000;

// "US" and "U.S." read as the pronoun "us" once lower-cased; only the written capitals name the country.
const US_ACRONYM = /\bU\.S\.(?:A\.)?|\bUSA?\b/g;
const HAS_US_ACRONYM = /\bU\.S\.(?:A\.)?|\bUSA?\b/;

// The place where something happens is what regional news is filed under: "в Сирии", "في سوريا",
// "بسوريا", "in Syria" mark it; a country named as actor or speaker ("Moscow says") is not marked.
const LOCATIVE_WORDS = new Set(['в', 'во', 'на', 'في', 'داخل', 'in', 'inside']);
const AR_LOCATIVE_PREFIX = /^[وف]?ب/;

function isLocative(words: readonly string[], start: number, values: readonly Target[]): boolean {
  const prev = start > 0 ? words[start - 1] : undefined;
  if (prev !== undefined && LOCATIVE_WORDS.has(prev)) return true;
  const word = words[start] ?? '';
  return AR_LOCATIVE_PREFIX.test(word) && values.every((v) => !v.surface.startsWith(word));
}

function positionWeight(inTitle: boolean, index: number): number {
  if (inTitle) return TITLE_WEIGHT;
  if (index < LEAD_TOKENS) return LEAD_WEIGHT;
  return Math.max(BODY_FLOOR, 1 / (1 + (index - LEAD_TOKENS) / BODY_HALF_LIFE_TOKENS));
}

/**
 * Finds the countries and subdivisions an article is about, best first, scores relative to the best
 * (1). One pass over the title and text: every word is looked up in a precompiled index of alias key
 * sequences (names, inflected and adjective forms, cities, political shorthand) in all three languages.
 */
export function createRegionDetector(taxonomy: Taxonomy): {
  /** `titleWords`/`textWords`, when given, must be `tokenize(title)`/`tokenize(text)`: saves tokenizing again. */
  detect(input: { title: string; text: string; lang?: string; titleWords?: readonly string[]; textWords?: readonly string[] }): RegionScore[];
} {
  const index = createPhraseIndex<Target>();
  for (const alias of taxonomy.textAliases()) {
    if (alias.id !== null && !taxonomy.isRegion(alias.id)) continue;
    const target: Target = { id: alias.id, weight: alias.weight, surface: tokenize(alias.form).join(' ') };
    for (const keys of aliasKeySequences(alias.form, 'detect', alias.exact)) index.add(keys, target);
  }

  const excluded = new Set(NOT_PLACE_WORDS.map(normalize));
  const cache = new Map<string, readonly string[]>();
  const keysOf = (word: string): readonly string[] => {
    if (excluded.has(word)) return [];
    // Russian words are matched as written (their case forms are in the index): no lookup needed.
    const c = word.charCodeAt(0);
    if (c >= 0x400 && c <= 0x4ff) return [word];
    let keys = cache.get(word);
    if (!keys) {
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      keys = tokenKeys(word, 'detect');
      // والحمص is و + الحمص: an excluded Arabic word behind a clitic is still excluded. (English keys
      // are stems: France stems like the excluded franc.)
      if (c >= 0x600 && c <= 0x6ff && keys.some((k) => excluded.has(k))) keys = [];
      cache.set(word, keys);
    }
    return keys;
  };

  /** Which ids a matched phrase credits, with their alias weights. */
  function credit(values: readonly Target[], matched: string): Map<string, number> {
    const named = values.filter((v) => v.id !== null);
    const out = new Map<string, number>();
    if (named.length === 0) return out;
    let chosen = named;
    if (new Set(named.map((v) => v.id)).size > 1 && new Set(named.map((v) => v.surface)).size > 1) {
      const scored = named.map((v) => ({ v, d: editDistance(matched, v.surface) }));
      const best = Math.min(...scored.map((s) => s.d));
      chosen = scored.filter((s) => s.d === best).map((s) => s.v);
    }
    for (const v of chosen) out.set(v.id!, Math.max(out.get(v.id!) ?? 0, v.weight));
    return out;
  }

  return {
    detect({ title, text, titleWords, textWords }) {
      const scores = new Map<string, number>();
      const firstSeen = new Map<string, number>();
      let order = 0;
      const scan = (raw: string, inTitle: boolean, tokens: readonly string[] | undefined) => {
        // Where "US" is written, the words differ from plain tokenize(): only then tokenize here.
        const words = tokens && !HAS_US_ACRONYM.test(raw) ? tokens : tokenize(raw.replace(US_ACRONYM, ' USA '));
        const keys = words.map(keysOf);
        const hits = index.scan(keys.length, (i) => keys[i] ?? []);
        for (const hit of hits) {
          const matched = words.slice(hit.start, hit.end).join(' ');
          const credited = credit(hit.values, matched);
          if (credited.size === 0) continue;
          const w = positionWeight(inTitle, hit.start) * (isLocative(words, hit.start, hit.values) ? LOCATIVE_BONUS : 1);
          for (const [id, weight] of credited) {
            scores.set(id, (scores.get(id) ?? 0) + weight * w);
            if (!firstSeen.has(id)) firstSeen.set(id, order);
            order++;
          }
        }
      };
      scan(title, true, titleWords);
      scan(text, false, textWords);
      for (const [id, s] of [...scores]) {
        const country = taxonomy.regions.get(id)?.country;
        if (country) scores.set(country, (scores.get(country) ?? 0) + IMPLIED_COUNTRY * s);
        if (country && !firstSeen.has(country)) firstSeen.set(country, firstSeen.get(id) ?? order);
      }

      const ranked = [...scores]
        .filter(([, s]) => s > 0)
        .sort((a, b) => b[1] - a[1] || (firstSeen.get(a[0]) ?? 0) - (firstSeen.get(b[0]) ?? 0));
      const top = ranked[0]?.[1] ?? 0;
      if (top < MIN_EVIDENCE) return [];
      return ranked
        .filter(([, s]) => s >= RELATIVE_THRESHOLD * top)
        .map(([id, s]) => ({ id, score: Math.round((s / top) * 1000) / 1000 }));
    },
  };
}
