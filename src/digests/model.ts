/**
 * The digest's vocabulary, shared by ranking (rank.ts) and composing (compose.ts): what a candidate
 * story looks like, what an item in a digest is, and the keys that group chats by what they follow.
 */
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

export function subscriptionKey(s: Subscription): string {
  return `${s.region}|${s.topic}|${s.include.join(',')}|${s.exclude.join(',')}`;
}

/** A stable key for a set of subscriptions: chats that share it share the ranking work. */
export function profileKey(subscriptions: readonly Subscription[]): string {
  return subscriptions.map(subscriptionKey).sort().join(';');
}
