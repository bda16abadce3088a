/**
 * What decides, for a story a chat never had, whether it makes an item: the languages its fresh
 * versions are in and the topics its versions lead with. Kept per profile as bit masks in ranking
 * order, so counting "More (N)" for 100k chats with their own languages and mutes is a lookup or a
 * walk over bytes, not a version pick per story per chat.
 */
import { TOPIC_IDS } from '../taxonomy/ids.ts';
import type { CandidateArticle } from './compose.ts';

const LANG_BITS: Readonly<Record<string, number>> = { ar: 1, ru: 2, en: 4 };
/** Any language: the mask of a chat that shows other languages tagged. */
export const ANY_LANGUAGE = 15;
const TOPIC_BITS = new Map<string, number>(TOPIC_IDS.map((id, i) => [id, 1 << i]));

export const langBit = (lang: string): number => LANG_BITS[lang] ?? 8;
export const langMask = (langs: readonly string[]): number => langs.reduce((m, l) => m | langBit(l), 0);
export const topicMask = (topics: Iterable<string>): number => {
  let mask = 0;
  for (const t of topics) mask |= TOPIC_BITS.get(t) ?? 0;
  return mask;
};

export interface StoryTraits {
  since: number;
  /** Languages of the versions first seen at or after `since`; 0 when it has none. */
  langs: Uint8Array;
  /** Top topics of all its versions: muting any of them mutes the story. */
  topics: Uint32Array;
  /** By language and muted-topic masks: how many stories from index i on are eligible. */
  suffix: Map<number, Uint32Array>;
}

/** The same masks for every story of a run, by slot (rank.ts): built once, gathered by each profile. */
export interface SlotTraits {
  since: number;
  langs: Uint8Array;
  topics: Uint32Array;
}

export function slotTraits(clusterIdOf: Float64Array, articlesOf: ReadonlyMap<number, readonly CandidateArticle[]>, since: number): SlotTraits {
  const langs = new Uint8Array(clusterIdOf.length);
  const topics = new Uint32Array(clusterIdOf.length);
  for (let slot = 0; slot < clusterIdOf.length; slot++) {
    let l = 0;
    let t = 0;
    for (const a of articlesOf.get(clusterIdOf[slot] as number) ?? []) {
      if (a.firstSeenAt >= since) l |= langBit(a.lang);
      t |= TOPIC_BITS.get(a.topics[0]?.id ?? '') ?? 0;
    }
    langs[slot] = l;
    topics[slot] = t;
  }
  return { since, langs, topics };
}

/** A profile's stories' traits, in its ranking order. */
export function storyTraits(slots: Uint32Array, all: SlotTraits): StoryTraits {
  const langs = new Uint8Array(slots.length);
  const topics = new Uint32Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    langs[i] = all.langs[slots[i] as number] as number;
    topics[i] = all.topics[slots[i] as number] as number;
  }
  return { since: all.since, langs, topics, suffix: new Map() };
}

/** Whether a story the chat never had makes an item for it (source mutes aside: they need the names). */
export const eligible = (traits: StoryTraits, i: number, mask: number, mutedTopics: number): boolean =>
  ((traits.langs[i] as number) & mask) !== 0 && ((traits.topics[i] as number) & mutedTopics) === 0;

/** How many stories from index `from` on are eligible: a suffix count per mask pair, shared by the profile's chats. */
export function eligibleFrom(traits: StoryTraits, mask: number, mutedTopics: number, from: number): number {
  const key = mutedTopics * 16 + mask;
  let suffix = traits.suffix.get(key);
  if (!suffix) {
    const n = traits.langs.length;
    suffix = new Uint32Array(n + 1);
    for (let i = n - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) + (eligible(traits, i, mask, mutedTopics) ? 1 : 0);
    traits.suffix.set(key, suffix);
  }
  return suffix[Math.min(from, traits.langs.length)] as number;
}
