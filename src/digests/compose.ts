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

interface Matcher {
  sub: Subscription;
  regions: ReadonlySet<string> | undefined;
  include: string[];
  exclude: string[];
}

/** Candidates a subscription profile wants, best first: computed once per distinct profile, shared by its chats. */
export interface RankedProfile {
  ranked: Array<{ clusterId: number; members: ComposedItem[]; score: number }>;
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

/**
 * Matches and ranks candidates for one set of subscriptions. An article matches a subscription when
 * its regions meet the subscription's region (macro-regions and republics expanded), it carries the
 * topic, has an include keyword when some are set, and no exclude keyword.
 */
export function rankForProfile(subscriptions: readonly Subscription[], candidates: readonly CandidateArticle[], options: ComposeOptions, now: number): RankedProfile {
  const matchers: Matcher[] = subscriptions.map((sub) => ({
    sub,
    regions: sub.region === 'all' ? undefined : options.coveredBy(sub.region),
    include: sub.include.flatMap((w) => tokenize(w)),
    exclude: sub.exclude.flatMap((w) => tokenize(w)),
  }));
  const tokenCache = new Map<number, Set<string>>();
  const clusters = new Map<number, { clusterId: number; members: ComposedItem[]; score: number; group: string }>();
  for (const article of candidates) {
    let best: { group: string; relevance: number } | undefined;
    for (const m of matchers) {
      let regionScore = 1;
      if (m.regions) {
        regionScore = 0;
        for (const r of article.regions) if (m.regions.has(r.id) && r.score > regionScore) regionScore = r.score;
        if (regionScore === 0) continue;
      }
      let topicScore = 1;
      if (m.sub.topic !== 'all') {
        topicScore = article.topics.find((t) => t.id === m.sub.topic)?.score ?? 0;
        if (topicScore === 0) continue;
      }
      if (m.include.length > 0 && !keywordsHit(article, m.include, tokenCache)) continue;
      if (keywordsHit(article, m.exclude, tokenCache)) continue;
      const relevance = regionScore * topicScore;
      if (!best || relevance > best.relevance) {
        best = { group: m.sub.region !== 'all' ? m.sub.region : m.sub.topic !== 'all' ? m.sub.topic : (article.topics[0]?.id ?? 'all'), relevance };
      }
    }
    if (!best) continue;
    const age = Math.max(0, now - article.publishedAt);
    const score = (0.5 + 0.5 * best.relevance) * 0.5 ** (age / HALF_LIFE_MS);
    const cluster = clusters.get(article.clusterId);
    if (!cluster) clusters.set(article.clusterId, { clusterId: article.clusterId, members: [], score, group: best.group });
    else if (score > cluster.score) Object.assign(cluster, { score, group: best.group });
  }
  // Every language version of a matching story may be shown, even one classified a little differently.
  for (const article of candidates) {
    const cluster = clusters.get(article.clusterId);
    if (cluster) cluster.members.push({ article, group: cluster.group, score: cluster.score });
  }
  return { ranked: [...clusters.values()].map(({ clusterId, members, score }) => ({ clusterId, members, score })).sort((a, b) => b.score - a.score || a.clusterId - b.clusterId) };
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
  let more = 0;
  for (const cluster of profile.ranked) {
    if (chat.delivered.has(cluster.clusterId)) continue;
    const fresh = cluster.members.filter((m) => m.article.firstSeenAt >= chat.since);
    if (fresh.length === 0) continue;
    if (items.length >= maxItems) {
      more++;
      continue;
    }
    const pick = fresh.find((m) => m.article.lang === chat.locale) ?? (fresh[0] as ComposedItem);
    items.push(pick);
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
