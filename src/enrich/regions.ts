import { NOT_PLACE_WORDS, type Taxonomy } from '../taxonomy/index.ts';
import { editDistance } from '../taxonomy/edit-distance.ts';
import { aliasKeySequences, tokenKeys } from '../taxonomy/keys.ts';
import { createPhraseIndex } from '../taxonomy/phrase-index.ts';
import { byWordId, normalize, tokenize, trimVocabulary, wordIds, wordOf, type WordsInput } from '../text/normalize.ts';

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

// "US" and "U.S." read as the pronoun "us" once lower-cased; only the written capitals name the country.
const US_ACRONYM = /\bU\.S\.(?:A\.)?|\bUSA?\b/g;
const HAS_US_ACRONYM = new RegExp(US_ACRONYM.source); // without /g, whose test() would keep a lastIndex

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
  /** Words and ids, when given, must be `tokenize(title)`/`tokenize(text)` and their `wordIds`: saves doing it again. */
  detect(input: WordsInput & { title: string; text: string; lang?: string }): RegionScore[];
} {
  const index = createPhraseIndex<Target>();
  // Every key of every alias: a word offering none of them cannot be part of a match, so it is given
  // no keys at all and the scan passes over it without probing the index (most words of a text).
  const vocabulary = new Set<string>();
  for (const alias of taxonomy.textAliases()) {
    if (alias.id !== null && !taxonomy.isRegion(alias.id)) continue;
    const target: Target = { id: alias.id, weight: alias.weight, surface: tokenize(alias.form).join(' ') };
    for (const keys of aliasKeySequences(alias.form, 'detect', alias.exact)) {
      index.add(keys, target);
      for (const key of keys) vocabulary.add(key);
    }
  }
  const NO_KEYS: readonly string[] = [];

  const excluded = new Set(NOT_PLACE_WORDS.map(normalize));
  const keysOfWord = (word: string): readonly string[] => {
    if (excluded.has(word)) return NO_KEYS;
    // Russian words are matched as written (their case forms are in the index).
    const c = word.charCodeAt(0);
    if (c >= 0x400 && c <= 0x4ff) return vocabulary.has(word) ? [word] : NO_KEYS;
    const keys = tokenKeys(word, 'detect');
    // والحمص is و + الحمص: an excluded Arabic word behind a clitic is still excluded. (English keys
    // are stems: France stems like the excluded franc.)
    if (c >= 0x600 && c <= 0x6ff && keys.some((k) => excluded.has(k))) return NO_KEYS;
    const useful = keys.filter((k) => vocabulary.has(k));
    return useful.length > 0 ? useful : NO_KEYS;
  };
  const keysById = byWordId((id) => keysOfWord(wordOf(id)));

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
    detect({ title, text, titleWords, textWords, titleIds, textIds }) {
      if (!titleIds || !textIds) trimVocabulary();
      const scores = new Map<string, number>();
      const firstSeen = new Map<string, number>();
      let order = 0;
      const scan = (raw: string, inTitle: boolean, tokens: readonly string[] | undefined, tokenIds: Int32Array | undefined) => {
        // Where "US" is written, the words differ from plain tokenize(): only then tokenize here.
        const given = tokens !== undefined && tokenIds !== undefined && !HAS_US_ACRONYM.test(raw);
        const words = given ? tokens : tokenize(raw.replace(US_ACRONYM, ' USA '));
        const ids = given ? tokenIds : wordIds(words);
        const hits = index.scan(ids.length, (i) => keysById.get(ids[i] as number));
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
      scan(title, true, titleWords, titleIds);
      scan(text, false, textWords, textIds);
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
