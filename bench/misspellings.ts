import { parseTarget } from '../src/subscriptions/target.ts';
import { createTaxonomy, type Taxonomy } from '../src/taxonomy/index.ts';
import { MISSPELLINGS, NOT_PLACES, type Misspelling } from '../test/fixtures/misspellings.ts';

export interface MisspellingResult {
  cases: number;
  /** Misspellings whose first suggestion is the region and topic meant. */
  intendedFirst: number;
  nonPlaces: number;
  /** Everyday words that got a suggestion, or were taken as a name outright. */
  falseSuggestions: number;
  /** What went wrong, for a failing test to show. */
  misses: string[];
  falseHits: string[];
}

/** Runs each typed text through /subscribe's parser, as a person would send it. */
export function measureMisspellings(
  taxonomy: Taxonomy = createTaxonomy(),
  cases: readonly Misspelling[] = MISSPELLINGS,
  nonPlaces: readonly { typed: string }[] = NOT_PLACES,
): MisspellingResult {
  const misses: string[] = [];
  for (const c of cases) {
    const result = parseTarget(c.typed, taxonomy);
    const first = result.ok ? result.target : result.suggestions[0];
    // Taken outright as what was meant is better than a question back, so it counts as first.
    if (first?.region !== c.region || first.topic !== c.topic) {
      misses.push(`${c.typed} → ${result.ok ? 'taken as ' : ''}${first ? `${first.region}/${first.topic}` : 'nothing'} (meant ${c.region}/${c.topic})`);
    }
  }
  const falseHits: string[] = [];
  for (const { typed } of nonPlaces) {
    const result = parseTarget(typed, taxonomy);
    const got = result.ok ? [result.target] : result.suggestions;
    if (got.length > 0) falseHits.push(`${typed} → ${got.map((t) => `${t.region}/${t.topic}`).join(', ')}`);
  }
  return {
    cases: cases.length,
    intendedFirst: cases.length - misses.length,
    nonPlaces: nonPlaces.length,
    falseSuggestions: falseHits.length,
    misses,
    falseHits,
  };
}

const percent = (part: number, whole: number) => ((100 * part) / Math.max(whole, 1)).toFixed(1);

/** Targets: ≥ 90% first, < 5% false; the threshold is SUGGESTION_THRESHOLD in src/taxonomy/fuzzy.ts. */
export function benchMisspellings(print: (line: string) => void): void {
  const r = measureMisspellings();
  print(
    `misspellings: ${r.cases} cases: ${percent(r.intendedFirst, r.cases)}% intended first, ${percent(r.falseSuggestions, r.nonPlaces)}% of ${r.nonPlaces} non-places got a suggestion`,
  );
}
