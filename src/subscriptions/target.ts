import type { Resolution, Taxonomy } from '../taxonomy/index.ts';

export interface Target {
  region: string;
  topic: string;
}

export type TargetResult =
  | { ok: true; target: Target }
  | { ok: false; part: 'region' | 'topic'; input: string; suggestions: string[] };

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

  // Nothing fits: blame the part most likely wrong. If some prefix is a region, the rest is a bad topic.
  for (let i = words.length - 1; i >= 1; i--) {
    const r = region(words.slice(0, i).join(' '));
    if (r.ok) {
      const rest = words.slice(i).join(' ');
      const t = topic(rest);
      return { ok: false, part: 'topic', input: rest, suggestions: t.ok ? [] : t.suggestions };
    }
  }
  const r = region(whole);
  return { ok: false, part: 'region', input: whole, suggestions: r.ok ? [] : r.suggestions };
}
