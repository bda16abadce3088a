import { describe, expect, it } from 'vitest';
import { measureMisspellings } from '../../bench/misspellings.ts';
import { typoDistance } from '../../src/taxonomy/edit-distance.ts';
import { MISSPELLINGS, NOT_PLACES } from '../fixtures/misspellings.ts';

describe('suggestions for misspelled names', () => {
  const result = measureMisspellings();

  it('offers what was meant first for at least nine misspellings in ten, in all three languages', () => {
    expect(result.cases).toBeGreaterThanOrEqual(200);
    for (const lang of ['en', 'ru', 'ar'] as const) expect(MISSPELLINGS.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(50);
    expect(result.intendedFirst / result.cases, result.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('offers nothing for nearly every everyday word that names no place or topic', () => {
    expect(result.nonPlaces).toBeGreaterThanOrEqual(100);
    for (const lang of ['en', 'ru', 'ar'] as const) expect(NOT_PLACES.filter((w) => w.lang === lang).length).toBeGreaterThanOrEqual(30);
    expect(result.falseSuggestions / result.nonPlaces, result.falseHits.join('\n')).toBeLessThan(0.05);
  });
});

describe('how far a typo is from the name', () => {
  it('counts two swapped letters as one typo, not two', () => {
    expect(typoDistance('egpyt', 'egypt')).toBe(1);
  });

  it('counts a doubled or undoubled letter and a confusable letter as half a typo', () => {
    expect(typoDistance('مصرر', 'مصر')).toBe(0.5);
    expect(typoDistance('morroco', 'morocco')).toBe(1);
    expect(typoDistance('lybia', 'libya')).toBe(1);
  });

  it('gives up past the limit with a value above it', () => {
    expect(typoDistance('kurdistan', 'germany', 2)).toBeGreaterThan(2);
  });
});
