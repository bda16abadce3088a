/**
 * What goes into one chat's digest, from its profile's ranking (rank.ts): pure, no clock or database.
 */
import { sourceKey } from '../subscriptions/mutes.ts';
import { hasNewsSince } from './news.ts';
import type { CandidateArticle, ComposedItem, Composition, Coverage } from './model.ts';
import type { RankedProfile } from './rank.ts';
import { ANY_LANGUAGE, eligible, eligibleFrom, langBit, langMask, storyTraits, topicMask, type StoryTraits } from './traits.ts';

export type { CandidateArticle, ComposedItem, ComposeOptions, Composition, Coverage, Scored } from './model.ts';
export { profileKey, subscriptionKey } from './model.ts';

/** Index of the first value ≥ x in an ascending array (its length when there is none). */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ChatView {
  /** Languages the chat reads, best first. */
  langs: readonly string[];
  /** A story with no version in `langs`: its original with a tag, or left out. */
  others: 'tag' | 'hide';
  /** Only versions first seen at or after this instant are offered (the lookback window). */
  since: number;
  /** Stories the chat has: when each was last sent, or Infinity while one is still queued. */
  delivered: ReadonlyMap<number, number>;
  /** A sent story may come back as an update once this long has passed since it was last sent. */
  updateGapMs: number;
  /** The run's instant. */
  at: number;
  /** "Less like this": topic ids, and sourceKey()s of source names. */
  mutedTopics?: ReadonlySet<string> | undefined;
  mutedSources?: ReadonlySet<string> | undefined;
}

const NO_ARTICLES: readonly CandidateArticle[] = [];

/** Where a story sits in the ranking, or undefined when the profile does not have it. */
function rankOf(profile: RankedProfile, clusterId: number): number | undefined {
  if (!profile.byId) {
    const { clusterIds } = profile;
    const rank = new Uint32Array(clusterIds.length);
    rank.forEach((_, i) => (rank[i] = i));
    rank.sort((a, b) => (clusterIds[a] as number) - (clusterIds[b] as number));
    profile.byId = { ids: Float64Array.from(rank, (r) => clusterIds[r] as number), rank };
  }
  const { ids, rank } = profile.byId;
  const at = lowerBound(ids, clusterId);
  return ids[at] === clusterId ? rank[at] : undefined;
}

function coverageOf(versions: readonly CandidateArticle[]): Coverage {
  const sources = new Set<string>();
  const langs: string[] = [];
  for (const a of versions) {
    if (a.sourceName) sources.add(a.sourceName);
    if (!langs.includes(a.lang)) langs.push(a.lang);
  }
  return { sources: Math.max(1, sources.size), langs };
}

/** The version to show: the first in the chat's best reading language, else (tagged) the first of all; none when muted or hidden. */
function pickVersion(versions: readonly CandidateArticle[], chat: ChatView, from: number): { article: CandidateArticle; foreign: boolean } | undefined {
  let best: CandidateArticle | undefined;
  let bestRank = Infinity;
  let original: CandidateArticle | undefined;
  for (const a of versions) {
    if (a.firstSeenAt < from) continue;
    if (chat.mutedSources && a.sourceName && chat.mutedSources.has(sourceKey(a.sourceName))) continue;
    original ??= a;
    const rank = chat.langs.indexOf(a.lang);
    if (rank >= 0 && rank < bestRank) {
      best = a;
      bestRank = rank;
      if (rank === 0) break;
    }
  }
  if (best) return { article: best, foreign: false };
  return original && chat.others === 'tag' ? { article: original, foreign: true } : undefined;
}

/**
 * The versions whose news counts for this chat: those in its reading languages, or all when it
 * reads none of them (it had the story tagged). A Russian version is no news to an English reader.
 */
function readable(versions: readonly CandidateArticle[], chat: ChatView): readonly CandidateArticle[] {
  const read = versions.filter((a) => chat.langs.includes(a.lang));
  return read.length > 0 ? read : versions;
}

const mutedTopic = (versions: readonly CandidateArticle[], muted: ReadonlySet<string> | undefined): boolean =>
  muted !== undefined && muted.size > 0 && versions.some((a) => a.topics[0] !== undefined && muted.has(a.topics[0].id));

/**
 * What one story gives this chat: a new item, an update of one it had, or nothing. `stop` is the
 * story's index in the ranking.
 */
function itemFor(profile: RankedProfile, chat: ChatView, stop: number): ComposedItem | undefined {
  // Nothing of the story is in the window: no item, not even an update.
  if ((profile.latestSeen[stop] as number) < chat.since) return undefined;
  const clusterId = profile.clusterIds[stop] as number;
  const versions = profile.articlesOf.get(clusterId) ?? NO_ARTICLES;
  const sentAt = chat.delivered.get(clusterId);
  let isUpdate = false;
  let from = chat.since;
  if (sentAt !== undefined) {
    // Queued (Infinity), sent too recently, or nothing material since: the chat has this story.
    if (chat.at - sentAt < chat.updateGapMs || !hasNewsSince(readable(versions, chat), sentAt)) return undefined;
    isUpdate = true;
    from = sentAt + 1;
  }
  if (mutedTopic(versions, chat.mutedTopics)) return undefined;
  const pick = isUpdate ? pickNewest(versions, chat, from) : pickVersion(versions, chat, from);
  if (!pick) return undefined;
  profile.items ??= new Map();
  const key = pick.article.id * 4 + (isUpdate ? 2 : 0) + (pick.foreign ? 1 : 0);
  let item = profile.items.get(key);
  if (!item) {
    item = {
      article: pick.article,
      group: profile.groups[profile.groupOf[stop] as number] as string,
      score: profile.scores[stop] as number,
      isUpdate,
      foreign: pick.foreign,
      coverage: coverageOf(versions),
    };
    profile.items.set(key, item);
  }
  return item;
}

/** An update links to the newest version that brought the news, in a reading language when one did. */
function pickNewest(versions: readonly CandidateArticle[], chat: ChatView, from: number) {
  const newer = versions.filter((a) => a.firstSeenAt >= from).sort((a, b) => b.firstSeenAt - a.firstSeenAt || b.id - a.id);
  return pickVersion(newer, chat, from);
}

/** Whether the story has a version in the window, in a language the mask allows, from a source the chat did not mute. */
function unmutedVersion(profile: RankedProfile, chat: ChatView, stop: number, mask: number): boolean {
  const muted = chat.mutedSources;
  for (const a of profile.articlesOf.get(profile.clusterIds[stop] as number) ?? NO_ARTICLES) {
    if (a.firstSeenAt < chat.since || (langBit(a.lang) & mask) === 0) continue;
    if (!a.sourceName || !muted?.has(sourceKey(a.sourceName))) return true;
  }
  return false;
}

/** The profile's story traits for this window, built by the first chat that needs them. */
function traitsOf(profile: RankedProfile, since: number): StoryTraits {
  if (profile.traits?.since !== since) profile.traits = storyTraits(profile.slots, profile.slotTraits(since));
  return profile.traits;
}

/**
 * One item per story, in the chat's best reading language, never one it already has (unless it
 * came back as an update), best first.
 */
export function composeForChat(profile: RankedProfile, chat: ChatView, maxItems: number): Composition {
  const { clusterIds } = profile;
  const traits = traitsOf(profile, chat.since);
  const mask = chat.others === 'tag' ? ANY_LANGUAGE : langMask(chat.langs);
  const muted = chat.mutedTopics ? topicMask(chat.mutedTopics) : 0;
  const special = specialStories(profile, chat);
  const items: ComposedItem[] = [];
  let stop = 0;
  for (; stop < clusterIds.length && items.length < maxItems; stop++) {
    if (!special.has(clusterIds[stop] as number) && !eligible(traits, stop, mask, muted)) continue;
    const item = itemFor(profile, chat, stop);
    if (item) items.push(item);
  }
  return { items, more: countMore(profile, chat, stop, { traits, mask, muted, special }) };
}

/**
 * Stories the traits cannot judge for this chat: those it has (an update or nothing) and those
 * with a version from a source it muted (another version may still do).
 */
function specialStories(profile: RankedProfile, chat: ChatView): { has(clusterId: number): boolean; keys(): Iterable<number> } {
  if (!chat.mutedSources || chat.mutedSources.size === 0) return chat.delivered;
  const set = new Set<number>(chat.delivered.keys());
  for (const key of chat.mutedSources) for (const clusterId of profile.clustersOfSource(key)) set.add(clusterId);
  return set;
}

/**
 * What "More" presses would still give: stories past `stop` that would make an item. The traits
 * count the rest; each special story is then judged by itself and the count corrected.
 */
function countMore(
  profile: RankedProfile,
  chat: ChatView,
  stop: number,
  f: { traits: StoryTraits; mask: number; muted: number; special: ReturnType<typeof specialStories> },
): number {
  let more = eligibleFrom(f.traits, f.mask, f.muted, stop);
  for (const clusterId of f.special.keys()) {
    const at = rankOf(profile, clusterId);
    if (at === undefined || at < stop) continue;
    const base = eligible(f.traits, at, f.mask, f.muted);
    // A story the chat never had, with a muted source among its versions: is another version left?
    const makes = chat.delivered.has(clusterId) ? itemFor(profile, chat, at) !== undefined : base && unmutedVersion(profile, chat, at, f.mask);
    more += (makes ? 1 : 0) - (base ? 1 : 0);
  }
  return more;
}
