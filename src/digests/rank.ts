/**
 * Which stories a subscription profile wants and in what order: matched once per distinct
 * subscription, ranked once per distinct profile, and shared by every chat of the profile.
 */
import type { Subscription } from '../subscriptions/subscriptions.ts';
import { compileKeywords, storyHas, storyStems, type StoryStems } from '../subscriptions/keywords.ts';
import { sourceKey } from '../subscriptions/mutes.ts';
import { slotTraits, type SlotTraits, type StoryTraits } from './traits.ts';
import { subscriptionKey, type CandidateArticle, type ComposedItem, type ComposeOptions } from './model.ts';

/** A story's weight halves every HALF_LIFE: yesterday's big story still beats today's passing mention. */
const HALF_LIFE_MS = 12 * 3_600_000;

/**
 * The stories a subscription profile wants, best first: computed once per distinct profile and
 * shared by its chats. Held as columns: a ranking lives while its profile's chats are composed,
 * long enough for thousands of small objects per profile to reach V8's old generation as garbage.
 */
export interface RankedProfile {
  clusterIds: Float64Array;
  scores: Float64Array;
  /** When a story's newest version was first seen: a chat whose digest started later has nothing new there. */
  latestSeen: Float64Array;
  /** The heading each story is listed under, by index into `groups`. */
  groupOf: Uint32Array;
  groups: readonly string[];
  /** Every language version of a story (the run's index, shared, never copied). */
  articlesOf: ReadonlyMap<number, readonly CandidateArticle[]>;
  /** Items handed out, by article, shared by every chat of the profile that gets one. */
  items?: Map<number, ComposedItem>;
  /** Cluster ids ascending with their ranks, built the first time a chat with deliveries needs them. */
  byId?: { ids: Float64Array; rank: Uint32Array };
  /** Each story's slot in the run's index, and the run's traits by slot (built once per window). */
  slots: Uint32Array;
  slotTraits: (since: number) => SlotTraits;
  /** Stories with a version from the source of this sourceKey(): what muting it can change. */
  clustersOfSource: (key: string) => readonly number[];
  /** Per story, its fresh languages and topics as masks (traits.ts), built the first time a chat needs them. */
  traits?: StoryTraits;
}

/** Candidates by region and by topic, built once per run so each profile reads only what can match. */
export interface CandidateIndex {
  all: readonly CandidateArticle[];
  byRegion: ReadonlyMap<string, CandidateArticle[]>;
  byTopic: ReadonlyMap<string, CandidateArticle[]>;
  byCluster: ReadonlyMap<number, CandidateArticle[]>;
  /** Stories numbered 0…n-1 (slots), so a ranking can mark what it has seen in a flat array. */
  slotOf: ReadonlyMap<number, number>;
  clusterIdOf: Float64Array;
  /** By slot: when the story's newest version was first seen. */
  latestSeenOf: Float64Array;
}

/**
 * `history`: earlier versions of the candidates' stories, first seen before the window. They are
 * never matched or offered, but say what a story had already told (updates) and who carried it.
 */
export function indexCandidates(candidates: readonly CandidateArticle[], history: readonly CandidateArticle[] = []): CandidateIndex {
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
  for (const a of history) byCluster.get(a.clusterId)?.push(a);
  const slotOf = new Map<number, number>();
  const clusterIdOf = new Float64Array(byCluster.size);
  const latestSeenOf = new Float64Array(byCluster.size);
  for (const [id, list] of byCluster) {
    const slot = slotOf.size;
    slotOf.set(id, slot);
    clusterIdOf[slot] = id;
    latestSeenOf[slot] = list.reduce((max, a) => Math.max(max, a.firstSeenAt), -Infinity);
  }
  return { all: candidates, byRegion, byTopic, byCluster, slotOf, clusterIdOf, latestSeenOf };
}

/** The candidates that can match a subscription whose region expands to `regions` (undefined for 'all'). */
function candidatesFor(sub: Subscription, regions: ReadonlySet<string> | undefined, index: CandidateIndex): Iterable<CandidateArticle> {
  if (!regions && sub.topic === 'all') return index.all;
  const lists = regions ? [...regions].map((r) => index.byRegion.get(r) ?? []) : [index.byTopic.get(sub.topic) ?? []];
  // An article carrying several of the regions sits in several lists.
  const seen = new Set<CandidateArticle>();
  for (const list of lists) for (const a of list) seen.add(a);
  return seen;
}

/**
 * Keyword filters judge the story, not the version at hand: a story is left out when any of its
 * versions has an excluded keyword, and kept when each included keyword is in some version (all
 * `+` terms must appear, each in any language). Stems are built once per story and run.
 */
function storyPasses(article: CandidateArticle, include: string[][], exclude: string[][], index: CandidateIndex, cache: Map<number, StoryStems>): boolean {
  let story = cache.get(article.clusterId);
  if (!story) {
    story = storyStems(index.byCluster.get(article.clusterId) ?? [article]);
    cache.set(article.clusterId, story);
  }
  for (const term of exclude) if (storyHas(story, term)) return false;
  for (const term of include) if (!storyHas(story, term)) return false;
  return true;
}

/** A subscription's stories best first (by score, then cluster id), each once, with its best article's score and heading. */
interface SubscriptionMatches {
  slots: Uint32Array;
  scores: Float64Array;
  /** By index into the ranker's headings. */
  groups: Uint32Array;
}

/**
 * Matches and ranks candidates. An article matches a subscription when its regions meet the
 * subscription's region (macro-regions and republics expanded), it carries the topic, and its story
 * passes the keyword filters (see storyPasses). Matching is done once per distinct subscription
 * and reused by every profile that contains it: readers share subscriptions far more than profiles.
 * A story takes the best score any of the profile's subscriptions gives it, and on a tie the heading
 * of the earlier subscription (within one, of its earlier article).
 */
export function createRanker(index: CandidateIndex, options: ComposeOptions, now: number) {
  const storyCache = new Map<number, StoryStems>();
  const bySubscription = new Map<string, SubscriptionMatches>();
  const headings: string[] = [];
  const headingIndex = new Map<string, number>();
  const headingOf = (group: string) => {
    let at = headingIndex.get(group);
    if (at === undefined) headingIndex.set(group, (at = headings.push(group) - 1));
    return at;
  };
  // Marks the stories a ranking has taken, by slot: a fresh mark per ranking instead of a fresh set.
  const taken = new Uint32Array(index.clusterIdOf.length);
  let mark = 0;

  function matchSubscription(sub: Subscription): SubscriptionMatches {
    const key = subscriptionKey(sub);
    const cached = bySubscription.get(key);
    if (cached) return cached;
    const regions = sub.region === 'all' ? undefined : options.coveredBy(sub.region);
    const include = compileKeywords(sub.include);
    const exclude = compileKeywords(sub.exclude);
    const filtered = include.length > 0 || exclude.length > 0;
    const slots: number[] = [];
    const scores: number[] = [];
    const groups: number[] = [];
    for (const article of candidatesFor(sub, regions, index)) {
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
      if (filtered && !storyPasses(article, include, exclude, index, storyCache)) continue;
      const relevance = regionScore * topicScore;
      const age = Math.max(0, now - article.publishedAt);
      const group = sub.region !== 'all' ? sub.region : sub.topic !== 'all' ? sub.topic : (article.topics[0]?.id ?? 'all');
      slots.push(index.slotOf.get(article.clusterId) as number);
      scores.push((0.5 + 0.5 * relevance) * 0.5 ** (age / HALF_LIFE_MS));
      groups.push(headingOf(group));
    }
    // Best first; the sort is stable, so of a story's equal entries the earlier article's stays.
    const order = Array.from(slots, (_, i) => i).sort((a, b) => before(scores[a] as number, slots[a] as number, scores[b] as number, slots[b] as number));
    mark++;
    const kept: number[] = [];
    for (const i of order) {
      const slot = slots[i] as number;
      if (taken[slot] === mark) continue;
      taken[slot] = mark;
      kept.push(i);
    }
    const matches: SubscriptionMatches = {
      slots: Uint32Array.from(kept, (i) => slots[i] as number),
      scores: Float64Array.from(kept, (i) => scores[i] as number),
      groups: Uint32Array.from(kept, (i) => groups[i] as number),
    };
    bySubscription.set(key, matches);
    return matches;
  }

  /** Negative when (score a, slot a) ranks before (score b, slot b): higher score, then lower cluster id. */
  function before(scoreA: number, slotA: number, scoreB: number, slotB: number): number {
    if (scoreA !== scoreB) return scoreA > scoreB ? -1 : 1;
    return (index.clusterIdOf[slotA] as number) - (index.clusterIdOf[slotB] as number);
  }

  let traits: SlotTraits | undefined;
  const traitsBySlot = (since: number): SlotTraits =>
    traits?.since === since ? traits : (traits = slotTraits(index.clusterIdOf, index.byCluster, since));

  let bySource: Map<string, number[]> | undefined;
  const clustersOfSource = (key: string): readonly number[] => {
    if (!bySource) {
      bySource = new Map();
      for (const [clusterId, versions] of index.byCluster) {
        for (const name of new Set(versions.map((a) => a.sourceName))) {
          if (!name) continue;
          const list = bySource.get(sourceKey(name));
          if (list) list.push(clusterId);
          else bySource.set(sourceKey(name), [clusterId]);
        }
      }
    }
    return bySource.get(key) ?? [];
  };

  return {
    rank(subscriptions: readonly Subscription[]): RankedProfile {
      const lists = subscriptions.map(matchSubscription);
      const size = lists.reduce((n, l) => n + l.slots.length, 0);
      const clusterIds = new Float64Array(size);
      const scores = new Float64Array(size);
      const latestSeen = new Float64Array(size);
      const groupOf = new Uint32Array(size);
      const slots = new Uint32Array(size);
      const heads = lists.map(() => 0);
      mark++;
      let n = 0;
      // A merge of the subscriptions' ranked lists: a story's first appearance is its best score,
      // and among equal scores the earliest subscription's.
      for (;;) {
        let best = -1;
        let bestScore = 0;
        let bestSlot = 0;
        for (let k = 0; k < lists.length; k++) {
          const list = lists[k] as SubscriptionMatches;
          const at = heads[k] as number;
          if (at >= list.slots.length) continue;
          const score = list.scores[at] as number;
          const slot = list.slots[at] as number;
          if (best < 0 || before(score, slot, bestScore, bestSlot) < 0) {
            best = k;
            bestScore = score;
            bestSlot = slot;
          }
        }
        if (best < 0) break;
        const list = lists[best] as SubscriptionMatches;
        const at = heads[best] as number;
        heads[best] = at + 1;
        const slot = list.slots[at] as number;
        if (taken[slot] === mark) continue;
        taken[slot] = mark;
        clusterIds[n] = index.clusterIdOf[slot] as number;
        scores[n] = list.scores[at] as number;
        latestSeen[n] = index.latestSeenOf[slot] as number;
        groupOf[n] = list.groups[at] as number;
        slots[n] = slot;
        n++;
      }
      return {
        clusterIds: clusterIds.slice(0, n),
        scores: scores.slice(0, n),
        latestSeen: latestSeen.slice(0, n),
        groupOf: groupOf.slice(0, n),
        groups: headings,
        articlesOf: index.byCluster,
        slots: slots.slice(0, n),
        slotTraits: traitsBySlot,
        clustersOfSource,
      };
    },
  };
}

/** One profile on its own (tests, a single chat); a digest run shares one ranker across profiles. */
export function rankForProfile(subscriptions: readonly Subscription[], candidates: readonly CandidateArticle[] | CandidateIndex, options: ComposeOptions, now: number): RankedProfile {
  const index = 'byRegion' in candidates ? candidates : indexCandidates(candidates);
  return createRanker(index, options, now).rank(subscriptions);
}
