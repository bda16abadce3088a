/**
 * What goes into one chat's digest, from its profile's ranking (rank.ts): pure, no clock or database.
 */
import type { Subscription } from '../subscriptions/subscriptions.ts';
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
}

export interface Composition {
  items: ComposedItem[];
  /** Matching stories left out by the cap, for the "+N more" line. */
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
  locale: string;
  /** Only articles first seen at or after this instant are new for the chat. */
  since: number;
  /** Stories (cluster ids) already sent or queued to the chat. */
  delivered: ReadonlySet<number>;
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

/** One item per story, in the chat's language when that version exists, never one it already has. */
export function composeForChat(profile: RankedProfile, chat: ChatView, maxItems: number): Composition {
  const { clusterIds, latestSeen } = profile;
  const items: ComposedItem[] = [];
  let freshSeen = 0;
  let stop = 0;
  for (; stop < clusterIds.length && items.length < maxItems; stop++) {
    if ((latestSeen[stop] as number) < chat.since) continue;
    freshSeen++;
    const clusterId = clusterIds[stop] as number;
    if (chat.delivered.has(clusterId)) continue;
    let pick: CandidateArticle | undefined;
    for (const a of profile.articlesOf.get(clusterId) ?? NO_ARTICLES) {
      if (a.firstSeenAt < chat.since) continue;
      if (a.lang === chat.locale) {
        pick = a;
        break;
      }
      pick ??= a;
    }
    if (!pick) continue;
    profile.items ??= new Map();
    let item = profile.items.get(pick.id);
    if (!item) {
      item = { article: pick, group: profile.groups[profile.groupOf[stop] as number] as string, score: profile.scores[stop] as number };
      profile.items.set(pick.id, item);
    }
    items.push(item);
  }
  // "+N more" without walking the rest of a long list for every chat: new stories past the stop, minus those the chat has.
  let more = countAtLeast(profile.seenSorted, chat.since) - freshSeen;
  for (const clusterId of chat.delivered) {
    const at = rankOf(profile, clusterId);
    if (at !== undefined && at >= stop && (latestSeen[at] as number) >= chat.since) more--;
  }
  return { items, more };
}

export function subscriptionKey(s: Subscription): string {
  return `${s.region}|${s.topic}|${s.include.join(',')}|${s.exclude.join(',')}`;
}

/** A stable key for a set of subscriptions: chats that share it share the ranking work. */
export function profileKey(subscriptions: readonly Subscription[]): string {
  return subscriptions.map(subscriptionKey).sort().join(';');
}
