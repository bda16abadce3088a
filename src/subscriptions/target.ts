import type { Resolution, Scored, Taxonomy } from '../taxonomy/index.ts';

export interface Target {
  region: string;
  topic: string;
}

/** A whole target offered for what was typed; `named` is what the person typed words for. */
export interface Suggestion extends Target {
  readonly named: 'region' | 'topic' | 'both';
  readonly similarity: number;
}

export type TargetResult =
  | { ok: true; target: Target }
  | { ok: false; part: 'region' | 'topic'; input: string; suggestions: Suggestion[] };

const MAX_SUGGESTIONS = 3;
// Past this many words no name of a region and a topic fits; guessing splits would only cost time.
const MAX_GUESSED_WORDS = 6;
// Each part brings its few closest names; more would offer pairs nobody meant.
const PER_PART = 2;

/** Longer than any real region and topic name together: refuse before doing any work. */
export const MAX_TARGET_LENGTH = 200;

interface Split {
  regionWords: string[];
  topicWords: string[];
}

function splits(words: string[]): Split[] {
  const out: Split[] = [];
  // Region first ("Tajikistan security") is how people type it; topic first is accepted too.
  for (let i = words.length; i >= 0; i--) out.push({ regionWords: words.slice(0, i), topicWords: words.slice(i) });
  for (let i = 1; i < words.length; i++) out.push({ topicWords: words.slice(0, i), regionWords: words.slice(i) });
  return out;
}

/**
 * Reads "REGION TOPIC" as people type it: names of several words ("Saudi Arabia", "Северная
 * Осетия"), either order, either part alone. A lone word that is a topic means every region.
 */
export function parseTarget(input: string, taxonomy: Taxonomy): TargetResult {
  const words = input.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: true, target: { region: 'all', topic: 'all' } };
  const regionCache = new Map<string, Resolution>();
  const topicCache = new Map<string, Resolution>();
  const region = (text: string) => {
    if (!regionCache.has(text)) regionCache.set(text, taxonomy.resolveRegion(text));
    return regionCache.get(text) as Resolution;
  };
  const topic = (text: string) => {
    if (!topicCache.has(text)) topicCache.set(text, taxonomy.resolveTopic(text));
    return topicCache.get(text) as Resolution;
  };

  const whole = words.join(' ');
  const asTopic = topic(whole);
  if (asTopic.ok) return { ok: true, target: { region: 'all', topic: asTopic.id } };

  for (const { regionWords, topicWords } of splits(words)) {
    if (regionWords.length === 0) continue;
    const r = region(regionWords.join(' '));
    if (!r.ok) continue;
    if (topicWords.length === 0) return { ok: true, target: { region: r.id, topic: 'all' } };
    const t = topic(topicWords.join(' '));
    if (t.ok) return { ok: true, target: { region: r.id, topic: t.id } };
  }

  const guessed = words.length <= MAX_GUESSED_WORDS ? guessPairs(words, taxonomy, region, topic) : [];
  const best = guessed[0];
  if (best) {
    // The message names the part that was misspelled; the suggestion itself corrects both.
    const blameRegion = !best.regionExact || best.topicText === undefined;
    const input = (blameRegion ? best.regionText : best.topicText) ?? whole;
    return { ok: false, part: blameRegion ? 'region' : 'topic', input, suggestions: guessed.map((g) => g.suggestion) };
  }

  // Nothing fits: blame the part most likely wrong. If some prefix is a region, the rest is a bad topic.
  for (let i = words.length - 1; i >= 1; i--) {
    if (region(words.slice(0, i).join(' ')).ok) return { ok: false, part: 'topic', input: words.slice(i).join(' '), suggestions: [] };
  }
  return { ok: false, part: 'region', input: whole, suggestions: [] };
}

interface Guess {
  suggestion: Suggestion;
  regionText: string | undefined;
  topicText: string | undefined;
  /** The region part named a region exactly (not a typo, nor an area that spans several). */
  regionExact: boolean;
}

/**
 * Every way to read the words as a region and a topic (either order, either alone), each part exact
 * or close to a name; pairs ranked by how alike both parts are ("Egpyt economy" → Egypt · Economy).
 */
function guessPairs(words: string[], taxonomy: Taxonomy, region: (t: string) => Resolution, topic: (t: string) => Resolution): Guess[] {
  const options = (text: string | undefined, exact: (t: string) => Resolution, closest: (t: string) => readonly Scored[]): Scored[] => {
    if (text === undefined) return [{ id: 'all', similarity: 1 }];
    const r = exact(text);
    if (r.ok) return [{ id: r.id, similarity: 1 }];
    const near = closest(text);
    // Exact hits are the several regions of an area ("Kurdistan"): all of them, up to the message's limit.
    const whole = near.filter((s) => s.similarity === 1);
    return whole.length > 1 ? whole.slice(0, MAX_SUGGESTIONS) : near.slice(0, PER_PART);
  };
  const byTarget = new Map<string, Guess>();
  const readings: Split[] = [...splits(words), { regionWords: [], topicWords: words }];
  for (const { regionWords, topicWords } of readings) {
    const regionText = regionWords.length > 0 ? regionWords.join(' ') : undefined;
    const topicText = topicWords.length > 0 ? topicWords.join(' ') : undefined;
    const regions = options(regionText, region, (t) => taxonomy.closestRegions(t));
    const topics = regions.length === 0 ? [] : options(topicText, topic, (t) => taxonomy.closestTopics(t));
    for (const r of regions) {
      for (const t of topics) {
        const similarity = r.similarity * t.similarity;
        const key = `${r.id}/${t.id}`;
        if (similarity <= (byTarget.get(key)?.suggestion.similarity ?? 0)) continue;
        const named = regionText && topicText ? 'both' : regionText ? 'region' : 'topic';
        const suggestion: Suggestion = { region: r.id, topic: t.id, named, similarity };
        byTarget.set(key, { suggestion, regionText, topicText, regionExact: regionText === undefined || region(regionText).ok });
      }
    }
  }
  // Map order is the order readings were tried, so a tie goes to region-first, as people type it.
  return [...byTarget.values()].sort((a, b) => b.suggestion.similarity - a.suggestion.similarity).slice(0, MAX_SUGGESTIONS);
}
