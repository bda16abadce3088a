import { tokenize } from '../text/normalize.ts';
import type { Subscription } from '../subscriptions/subscriptions.ts';

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
  maxItems: number;
}

/** A story's weight halves every HALF_LIFE: yesterday's big story still beats today's passing mention. */
const HALF_LIFE_MS = 12 * 3_600_000;


/** Candidates a subscription profile wants, best first: computed once per distinct profile, shared by its chats. */
export interface RankedCluster {
  clusterId: number;
  /** Every language version of the story (shared with the run's index, never copied). */
  articles: readonly CandidateArticle[];
  group: string;
  score: number;
  /** When its newest version was first seen: a chat whose digest started later has nothing new here. */
  latestSeen: number;
  /** Items handed out, one per version, shared by every chat of the profile that gets it. */
  items?: Map<number, ComposedItem>;
}

export interface RankedProfile {
  ranked: RankedCluster[];
  /** latestSeen of every ranked cluster, ascending: "how many are new since T" is a binary search. */
  seenSorted: Float64Array;
  /** Cluster id → rank, built the first time a chat with deliveries needs it. */
  position?: Map<number, number>;
}

/** How many values of an ascending array are ≥ x. */
function countAtLeast(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/** Candidates by region and by topic, built once per run so each profile reads only what can match. */
export interface CandidateIndex {
  all: readonly CandidateArticle[];
  byRegion: ReadonlyMap<string, CandidateArticle[]>;
  byTopic: ReadonlyMap<string, CandidateArticle[]>;
  byCluster: ReadonlyMap<number, CandidateArticle[]>;
  latestSeen: ReadonlyMap<number, number>;
}

export function indexCandidates(candidates: readonly CandidateArticle[]): CandidateIndex {
  const byRegion = new Map<string, CandidateArticle[]>();
  const byTopic = new Map<string, CandidateArticle[]>();
  const byCluster = new Map<number, CandidateArticle[]>();
  const push = <K>(map: Map<K, CandidateArticle[]>, key: K, a: CandidateArticle) => {
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  };
  for (const a of candidates) {
    for (const r of a.regions) push(byRegion, r.id, a);
    for (const t of a.topics) push(byTopic, t.id, a);
    push(byCluster, a.clusterId, a);
  }
  const latestSeen = new Map<number, number>();
  for (const [id, list] of byCluster) latestSeen.set(id, Math.max(...list.map((a) => a.firstSeenAt)));
  return { all: candidates, byRegion, byTopic, byCluster, latestSeen };
}

function candidatesFor(subscriptions: readonly Subscription[], index: CandidateIndex, coveredBy: (r: string) => ReadonlySet<string>): Iterable<CandidateArticle> {
  const seen = new Set<CandidateArticle>();
  for (const sub of subscriptions) {
    if (sub.region === 'all' && sub.topic === 'all') return index.all;
    const lists = sub.region !== 'all' ? [...coveredBy(sub.region)].map((r) => index.byRegion.get(r) ?? []) : [index.byTopic.get(sub.topic) ?? []];
    for (const list of lists) for (const a of list) seen.add(a);
  }
  return seen;
}

function keywordsHit(article: CandidateArticle, words: string[], cache: Map<number, Set<string>>): boolean {
  if (words.length === 0) return false;
  let tokens = cache.get(article.id);
  if (!tokens) {
    tokens = new Set(tokenize(`${article.title} ${article.summary.join(' ')}`));
    cache.set(article.id, tokens);
  }
  return words.some((w) => tokens.has(w));
}

interface SubscriptionMatch {
  article: CandidateArticle;
  score: number;
  group: string;
}

/**
 * Matches and ranks candidates. An article matches a subscription when its regions meet the
 * subscription's region (macro-regions and republics expanded), it carries the topic, has an include
 * keyword when some are set, and no exclude keyword. Matching is done once per distinct subscription
 * and reused by every profile that contains it: readers share subscriptions far more than profiles.
 */
export function createRanker(index: CandidateIndex, options: ComposeOptions, now: number) {
  const tokenCache = new Map<number, Set<string>>();
  const bySubscription = new Map<string, SubscriptionMatch[]>();

  function matchSubscription(sub: Subscription): SubscriptionMatch[] {
    const key = profileKey([sub]);
    const cached = bySubscription.get(key);
    if (cached) return cached;
    const regions = sub.region === 'all' ? undefined : options.coveredBy(sub.region);
    const include = sub.include.flatMap((w) => tokenize(w));
    const exclude = sub.exclude.flatMap((w) => tokenize(w));
    const out: SubscriptionMatch[] = [];
    for (const article of candidatesFor([sub], index, options.coveredBy)) {
      let regionScore = 1;
      if (regions) {
        regionScore = 0;
        for (const r of article.regions) if (regions.has(r.id) && r.score > regionScore) regionScore = r.score;
        if (regionScore === 0) continue;
      }
      let topicScore = 1;
      if (sub.topic !== 'all') {
        topicScore = 0;
        for (const t of article.topics) if (t.id === sub.topic) topicScore = t.score;
        if (topicScore === 0) continue;
      }
      if (include.length > 0 && !keywordsHit(article, include, tokenCache)) continue;
      if (exclude.length > 0 && keywordsHit(article, exclude, tokenCache)) continue;
      const relevance = regionScore * topicScore;
      const age = Math.max(0, now - article.publishedAt);
      const group = sub.region !== 'all' ? sub.region : sub.topic !== 'all' ? sub.topic : (article.topics[0]?.id ?? 'all');
      out.push({ article, score: (0.5 + 0.5 * relevance) * 0.5 ** (age / HALF_LIFE_MS), group });
    }
    bySubscription.set(key, out);
    return out;
  }

  return {
    rank(subscriptions: readonly Subscription[]): RankedProfile {
      const clusters = new Map<number, { score: number; group: string }>();
      for (const sub of subscriptions) {
        for (const m of matchSubscription(sub)) {
          const cluster = clusters.get(m.article.clusterId);
          if (!cluster) clusters.set(m.article.clusterId, { score: m.score, group: m.group });
          else if (m.score > cluster.score) {
            cluster.score = m.score;
            cluster.group = m.group;
          }
        }
      }
      // Every language version of a matching story may be shown, even one classified a little differently.
      const ranked: RankedCluster[] = [];
      for (const [clusterId, c] of clusters) {
        ranked.push({
          clusterId,
          articles: index.byCluster.get(clusterId) ?? [],
          group: c.group,
          score: c.score,
          latestSeen: index.latestSeen.get(clusterId) ?? 0,
        });
      }
      ranked.sort((a, b) => b.score - a.score || a.clusterId - b.clusterId);
      return { ranked, seenSorted: Float64Array.from(ranked, (c) => c.latestSeen).sort() };
    },
  };
}

/** One profile on its own (tests, a single chat); a digest run shares one ranker across profiles. */
export function rankForProfile(subscriptions: readonly Subscription[], candidates: readonly CandidateArticle[] | CandidateIndex, options: ComposeOptions, now: number): RankedProfile {
  const index = 'byRegion' in candidates ? candidates : indexCandidates(candidates);
  return createRanker(index, options, now).rank(subscriptions);
}

export interface ChatView {
  locale: string;
  /** Only articles first seen at or after this instant are new for the chat. */
  since: number;
  /** Stories (cluster ids) already sent or queued to the chat. */
  delivered: ReadonlySet<number>;
}

/** One item per story, in the chat's language when that version exists, never one it already has. */
export function composeForChat(profile: RankedProfile, chat: ChatView, maxItems: number): Composition {
  const items: ComposedItem[] = [];
  let freshSeen = 0;
  let stop = 0;
  for (; stop < profile.ranked.length && items.length < maxItems; stop++) {
    const cluster = profile.ranked[stop] as RankedCluster;
    if (cluster.latestSeen < chat.since) continue;
    freshSeen++;
    if (chat.delivered.has(cluster.clusterId)) continue;
    let pick: CandidateArticle | undefined;
    for (const a of cluster.articles) {
      if (a.firstSeenAt < chat.since) continue;
      if (a.lang === chat.locale) {
        pick = a;
        break;
      }
      pick ??= a;
    }
    if (!pick) continue;
    cluster.items ??= new Map();
    let item = cluster.items.get(pick.id);
    if (!item) {
      item = { article: pick, group: cluster.group, score: cluster.score };
      cluster.items.set(pick.id, item);
    }
    items.push(item);
  }
  // "+N more" without walking the rest of a long list for every chat: new clusters past the stop, minus those the chat has.
  let more = countAtLeast(profile.seenSorted, chat.since) - freshSeen;
  if (chat.delivered.size > 0) profile.position ??= new Map(profile.ranked.map((c, i) => [c.clusterId, i]));
  for (const clusterId of chat.delivered) {
    const at = profile.position?.get(clusterId);
    if (at !== undefined && at >= stop && (profile.ranked[at] as RankedCluster).latestSeen >= chat.since) more--;
  }
  return { items, more };
}

/** A stable key for a set of subscriptions: chats that share it share the ranking work. */
export function profileKey(subscriptions: readonly Subscription[]): string {
  return subscriptions
    .map((s) => `${s.region}|${s.topic}|${s.include.join(',')}|${s.exclude.join(',')}`)
    .sort()
    .join(';');
}
