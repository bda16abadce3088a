import { scriptOf, tokenize } from '../text/normalize.ts';
import { typoDistance } from './edit-distance.ts';
import { tokenKeys } from './keys.ts';

/** An id a misspelled name probably meant, with how alike the two are (1 = the same). */
export interface Scored {
  readonly id: string;
  readonly similarity: number;
}

/**
 * Below this, a name is not offered as what was meant. Measured with `npx tsx bench/run.ts misspellings`
 * over test/fixtures/misspellings.ts: at 0.75 everyday words got suggestions (قطار → Qatar, كرسي →
 * Russia: 3.5%), at 0.80 fewer misspellings came back first (91%); 0.78 gives 98.8% and 0.7%. It keeps one
 * typo in a five-letter name ("Egpyt") and a doubled letter in a short one ("مصرر"), not a new letter
 * in a four-letter one ("Irna", "iron").
 */
export const SUGGESTION_THRESHOLD = 0.78;

/** 1 − edits / length of the longer: one typo costs a short name more than a long one. */
export function similarity(typed: string, surface: string, floor = 0): number {
  const longer = Math.max(typed.length, surface.length);
  if (longer === 0) return 1;
  const limit = longer * (1 - floor);
  const d = typoDistance(typed, surface, limit);
  return d > limit ? 0 : 1 - d / longer;
}

// Arabic writes the article and و ف ب ل joined to the word, so "والاقتصد" is tried as "الاقتصد" and
// "اقتصد" too; a few readings per word are enough, and their product stays small.
const MAX_READINGS = 12;

function readings(text: string): string[] {
  let out = [''];
  for (const word of tokenize(text)) {
    const keys = scriptOf(word) === 'ar' ? [word, ...tokenKeys(word, 'detect').filter((k) => k !== word)] : [word];
    out = out.flatMap((prefix) => keys.map((k) => (prefix ? `${prefix} ${k}` : k))).slice(0, MAX_READINGS);
  }
  return out[0] === '' ? [] : out;
}

/** Written names without the Arabic article as well: "مصرر" is one letter from مصر, not from المصر. */
function surfacesOf(form: string): string[] {
  const words = tokenize(form);
  const out = [words.join(' ')];
  if (words.some((w) => w.startsWith('ال') && w.length >= 5)) {
    out.push(words.map((w) => (w.startsWith('ال') && w.length >= 5 ? w.slice(2) : w)).join(' '));
  }
  return out.filter(Boolean);
}

export interface NamedForm {
  readonly id: string;
  readonly form: string;
}

/**
 * Closest ids to a typed name, by typo distance to every written name, best first, none under the
 * threshold. Codes (TJ, EGY) are not names: a two-letter word is one edit from dozens of them.
 */
export function createFuzzyMatcher(forms: readonly NamedForm[]): (typed: string) => Scored[] {
  const idsBySurface = new Map<string, Set<string>>();
  for (const { id, form } of forms) {
    for (const surface of surfacesOf(form)) {
      let ids = idsBySurface.get(surface);
      if (!ids) idsBySurface.set(surface, (ids = new Set()));
      ids.add(id);
    }
  }
  const surfaces = [...idsBySurface];
  const cache = new Map<string, Scored[]>();

  return (typed) => {
    const cached = cache.get(typed);
    if (cached) return cached;
    const best = new Map<string, number>();
    for (const reading of readings(typed)) {
      // Length alone rules out most names before any distance is computed (a doubled letter costs a half).
      const slack = Math.floor((2 * reading.length * (1 - SUGGESTION_THRESHOLD)) / SUGGESTION_THRESHOLD);
      for (const [surface, ids] of surfaces) {
        if (Math.abs(surface.length - reading.length) > slack) continue;
        const s = similarity(reading, surface, SUGGESTION_THRESHOLD);
        if (s < SUGGESTION_THRESHOLD) continue;
        for (const id of ids) if (s > (best.get(id) ?? 0)) best.set(id, s);
      }
    }
    const out = [...best]
      .map(([id, s]) => ({ id, similarity: s }))
      .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
    if (cache.size > 500) cache.clear();
    cache.set(typed, out);
    return out;
  };
}
