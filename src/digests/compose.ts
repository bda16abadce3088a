/**
 * What goes into one chat's digest, from its profile's ranking (rank.ts): pure, no clock or database.
 */
import type { Subscription } from '../subscriptions/subscriptions.ts';
import { sourceKey } from '../subscriptions/mutes.ts';
import { hasNewsSince } from './news.ts';
import type { RankedProfile } from './rank.ts';

export interface Scored {
  id: string;
  score: number;
}

export interface CandidateArticle {
  id: number;
  clusterId: number;
  lang: string;
  title: string;
  url: string | null;
  sourceName: string | null;
  publishedAt: number;
  firstSeenAt: number;
  summary: string[];
  regions: Scored[];
  topics: Scored[];
  isBreaking: boolean;
}

export interface ComposedItem {
  article: CandidateArticle;
  /** Heading the item is listed under: the region or topic of the subscription it matched. */
  group: string;
  score: number;
  /** A story the chat had, back because it gained material news (see news.ts); the article is its newest. */
  isUpdate: boolean;
  /** In none of the chat's reading languages: shown with a language tag. */
  foreign: boolean;
  /** How many sources and which languages carry the story (every version the run knows). */
  coverage: Coverage;
}

export interface Coverage {
  sources: number;
  langs: readonly string[];
}

export interface Composition {
  items: ComposedItem[];
  /** Matching stories left out by the cap: the "More (N)" button. */
  more: number;
}

export interface ComposeOptions {
  /** Expands a subscription's region to the region ids an article may carry (macro → members…). */
  coveredBy: (region: string) => ReadonlySet<string>;
}

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

/** How many values of an ascending array are ≥ x. */
const countAtLeast = (sorted: Float64Array, x: number): number => sorted.length - lowerBound(sorted, x);

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

const mutedTopic = (versions: readonly CandidateArticle[], muted: ReadonlySet<string> | undefined): boolean =>
  muted !== undefined && muted.size > 0 && versions.some((a) => a.topics[0] !== undefined && muted.has(a.topics[0].id));

/**
 * What one story gives this chat: a new item, an update of one it had, or nothing. `stop` is the
 * story's index in the ranking.
 */
function itemFor(profile: RankedProfile, chat: ChatView, stop: number): ComposedItem | undefined {
  const clusterId = profile.clusterIds[stop] as number;
  const versions = profile.articlesOf.get(clusterId) ?? NO_ARTICLES;
  const sentAt = chat.delivered.get(clusterId);
  let isUpdate = false;
  let from = chat.since;
  if (sentAt !== undefined) {
    // Queued (Infinity), sent too recently, or nothing material since: the chat has this story.
    if (chat.at - sentAt < chat.updateGapMs || !hasNewsSince(versions, sentAt)) return undefined;
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

/**
 * One item per story, in the chat's best reading language, never one it already has (unless it
 * came back as an update), best first.
 */
export function composeForChat(profile: RankedProfile, chat: ChatView, maxItems: number): Composition {
  const { clusterIds, latestSeen } = profile;
  const items: ComposedItem[] = [];
  let freshSeen = 0;
  let stop = 0;
  for (; stop < clusterIds.length && items.length < maxItems; stop++) {
    if ((latestSeen[stop] as number) < chat.since) continue;
    freshSeen++;
    const item = itemFor(profile, chat, stop);
    if (item) items.push(item);
  }
  return { items, more: countMore(profile, chat, stop, freshSeen) };
}

/** What a "More" press would still give: stories past `stop` that would make an item. */
function countMore(profile: RankedProfile, chat: ChatView, stop: number, freshSeen: number): number {
  const { clusterIds, latestSeen } = profile;
  const filtered = chat.others === 'hide' || (chat.mutedTopics?.size ?? 0) > 0 || (chat.mutedSources?.size ?? 0) > 0;
  if (filtered) {
    // Mutes and hidden languages drop stories no count can foresee: walk the rest (few chats set them).
    let more = 0;
    for (let i = stop; i < clusterIds.length; i++) if ((latestSeen[i] as number) >= chat.since && itemFor(profile, chat, i)) more++;
    return more;
  }
  // Without them every fresh story past the stop makes an item unless the chat has it: a binary
  // search and a walk over what the chat has, not over the rest of a long list for every chat.
  let more = countAtLeast(profile.seenSorted, chat.since) - freshSeen;
  for (const clusterId of chat.delivered.keys()) {
    const at = rankOf(profile, clusterId);
    if (at === undefined || at < stop || (latestSeen[at] as number) < chat.since) continue;
    if (!itemFor(profile, chat, at)) more--;
  }
  return more;
}

export function subscriptionKey(s: Subscription): string {
  return `${s.region}|${s.topic}|${s.include.join(',')}|${s.exclude.join(',')}`;
}

/** A stable key for a set of subscriptions: chats that share it share the ranking work. */
export function profileKey(subscriptions: readonly Subscription[]): string {
  return subscriptions.map(subscriptionKey).sort().join(';');
}
